"""Event triggers: verbs and event nouns typed into PLOVER events through the lexicon.

Each trigger becomes one event *mention*; the ``merge`` stage later joins
mentions of the same event. Reporting verbs whose complement brands someone
with a loaded label ("noted that the seized offices were terrorist groups")
become ACCUSE events of the speaker. Triggers that only name the background
of another statement ("killed during the protests", "the bandits who caused
the riots") are not new events.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import child, lexicon, sentence_index, token_span
from eventcoder.model import Article, Event, content_id
from eventcoder.pipeline import Stage, register

BACKGROUND_PREPS = {
    "during",
    "amid",
    "after",
    "before",
    "since",
    "following",
    "despite",
    "over",
    "for",
}
BACKGROUND_HEADS = {
    "conflict",
    "war",
    "insurgency",
    "crisis",
    "violence",
    "campaign",
    "unrest",
    "uprising",
    "fighting",
    "rebellion",
}
EVALUATIVE_VERBS = {
    "call",
    "condemn",
    "criticize",
    "criticise",
    "denounce",
    "decry",
    "deplore",
    "welcome",
    "praise",
    "investigate",
    "blame",
    "deny",
    "justify",
    "defend",
}
VIOLENCE_WORDS = {
    "attack",
    "clash",
    "shoot",
    "bomb",
    "explosion",
    "blast",
    "protest",
    "riot",
    "fighting",
    "gunman",
    "militant",
    "airstrike",
    "shell",
    "violence",
    "stab",
    "assault",
    "raid",
    "police",
    "troop",
    "soldier",
    "rebel",
}
STRONG_VIOLENCE = (VIOLENCE_WORDS - {"explosion", "blast", "police", "shell", "troop"}) | {
    "bomber",
    "terrorist",
    "insurgent",
    "jihadist",
    "ied",
    "suicide",
    "grenade",
    "airstrike",
    "gunfire",
    "assailant",
    "attacker",
    "explosive",
}
PERPETRATORS = {"gunman", "militant", "bomber", "terrorist", "insurgent", "jihadist", "rebel",
                "soldier", "troop", "army", "militia", "police", "assailant", "attacker"}
NOUN_LINKS = {"dobj", "pobj", "prep", "nsubjpass", "compound", "appos", "conj", "attr", "npadvmod"}
# Verbs whose infinitive complement is not a separate event: what is agreed, promised,
# threatened, requested or refused has not happened ("agreed to withdraw").
GOVERNING_VERBS = {
    "agree", "promise", "pledge", "vow", "threaten", "offer", "refuse", "decline", "urge",
    "ask", "call", "demand", "appeal", "request", "reject", "warn", "propose", "seek",
    "vote", "order", "swear", "pressure",
}
# An intent to use force or punishment is a threat (CAMEO 13), not an agreement.
INTENT_VERBS = {"promise", "pledge", "vow", "offer", "swear"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION"}
# An announced act of these types is a threat (CAMEO 13, 133 for protest) ...
THREAT_TYPES = HOSTILE_TYPES | {"PROTEST"}
# a blockade or sit-in is a protest in their company
PROTEST_CONTEXT = {"protest", "protester", "rally", "demonstrator", "demonstration", "march",
                   "marcher", "sit-in", "vigil", "picket", "strike", "striker"}
# ... and of these an expression of intent to cooperate or yield (CAMEO 03).
# CAMEO 032: "will support Y's bid" is an intent to give diplomatic support.
INTENT_TYPES = {"CONSULT", "AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT"}
# A cooperative act announced as refused ("will not accept", "would not meet the
# demands") is a rejection (CAMEO 12), which has happened: the statement.
REFUSAL_ENTRY: dict[str, Any] = {"plover": "REJECT", "mode": "none", "hint": "none",
                                 "modality": "asserted"}
REFUSABLE = INTENT_TYPES | {"AGREE"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
THREAT_ENTRY: dict[str, Any] = {"plover": "THREATEN", "mode": None, "hint": "none",
                                "modality": "asserted"}
INTENT_ENTRY: dict[str, Any] = {"plover": "AGREE", "mode": None, "hint": "none",
                                "modality": "asserted"}
# "X said Y must withdraw": X demands it of Y (CAMEO 10, PLOVER REQUEST).
DEMAND_ENTRY: dict[str, Any] = {"plover": "REQUEST", "mode": "demand", "hint": "none"}
OBLIGATION = {"must", "should", "ought"}
ALLEGING = {"accuse", "accusation", "allegation", "allege", "suspect", "suspicion", "charge"}
SAYING = {"say", "declare", "insist", "reiterate", "stress", "state", "tell", "add",
          "announce", "conclude", "argue", "emphasise", "emphasize", "maintain", "write", "warn"}
# What a warning must name to be a threat ("warned of a crushing response").
THREAT_NOUNS = {"consequence", "response", "retaliation", "reprisal", "action", "measure",
                "force", "punishment", "sanction", "war", "attack", "retribution",
                "military", "responsible"}
WARNING_LINKS = {"of", "against", "about"}
# Adjectives and verbs whose infinitive states an intent ("ready to resume talks").
INTENT_HEADS = {"plan", "intend", "threaten", "vow", "pledge", "promise", "prepare", "aim",
                "seek", "ready", "willing", "eager", "prepared", "determined", "want", "hope",
                "swear", "committed"}
PROPOSAL_NOUNS = {"call", "demand", "request", "appeal", "offer", "proposal", "plan", "invitation",
                  "ultimatum", "order", "bid", "attempt", "pressure"}
DEMAND_NOUNS = {"demand", "call", "request", "appeal", "ultimatum", "insistence"}
JOINT_ENTRY: dict[str, Any] = {"plover": "COOPERATE", "mode": None, "hint": "none"}
ARMED_WORDS = {
    "troop",
    "soldier",
    "army",
    "rebel",
    "militant",
    "force",
    "fighter",
    "militia",
    "police",
    "insurgent",
    "gunman",
    "guerrilla",
    "jihadist",
    "military",
}


def _index() -> dict[tuple[str, str], list[dict[str, Any]]]:
    table: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in lexicon()["triggers"]:
        for pos in entry["pos"]:
            table.setdefault((entry["lemma"], pos), []).append(entry)
    return table


# Forms the small English pipeline lemmatises wrongly ("raped" -> "rap").
LEMMA_EXCEPTIONS = {"raped": "rape", "rapes": "rape", "raping": "rape"}


def lemma_of(token: Token) -> str:
    """Lower-case lemma of ``token``, with the lemmatiser's known slips corrected."""
    return LEMMA_EXCEPTIONS.get(token.lower_, token.lemma_.lower())


def argument_lemmas(token: Token) -> set[str]:
    """Lemmas of the words the trigger governs (objects, prepositional objects, heads)."""
    out: set[str] = set()
    for c in token.children:
        if c.dep_ == "advmod" and c.lower_ in BURNING:
            out.add(c.lower_)
        if c.dep_ == "advmod" and c.lower_ in DIRECTIONS:  # "pushed back from their strongholds"
            out.update(t.lemma_.lower() for t in c.subtree)
        if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "punct", "mark", "advmod",
                      "advcl", "conj", "cc", "parataxis"):
            continue  # a clause of its own says nothing of what this trigger acts on
        out.update(t.lemma_.lower() for t in c.subtree)
    if token.dep_ in ("acl", "relcl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        out.add(token.head.lemma_.lower())
    if token.dep_ in ("compound", "nsubjpass"):
        out.add(token.head.lemma_.lower())
    return out


def subject_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's subject phrase (following xcomp/conj to the governing verb)."""
    current = token
    for _ in range(4):
        subj = child(current, "nsubj", "nsubjpass")
        if subj is not None:
            return {t.lemma_.lower() for t in subj.subtree}
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            break
        current = current.head
    return set()


def passive_subject_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's passive subject, its logical object ("weapons were seized")."""
    subj = child(token, "nsubjpass")
    return {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()


def direct_object_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's direct object ("withdrew *the bill*", not "from the town"),
    without its clauses ("a commander *who heads the explosives unit*")."""
    return {lemma for c in token.children if c.dep_ in ("dobj", "nsubjpass")
            for lemma in _phrase_lemmas(c)}


def _phrase_lemmas(head: Token) -> set[str]:
    out = {head.lemma_.lower()}
    for c in head.children:
        holds = c.dep_ == "acl" and c.lemma_.lower() in CONTAINING  # "a depot containing arms"
        if c.dep_ not in ("relcl", "acl", "advcl") or holds:
            out |= _phrase_lemmas(c)
    return out


DIRECTIONS = {"back", "out", "away"}
TOLD_BEFORE_TOKENS = 120  # about the three sentences before
CONTAINING = {"contain", "fill", "load", "pack", "hold", "stock", "carry", "lace", "rig"}


def _passes(entry: dict[str, Any], token: Token) -> bool:
    args = direct_object_lemmas(token) if entry.get("direct") else argument_lemmas(token)
    if entry.get("passive"):
        args |= passive_subject_lemmas(token)
    sent = {t.lemma_.lower() for t in token.sent}
    checks = (
        not entry.get("objects") or bool(args & set(entry["objects"])),
        not entry.get("not_objects") or not (args & set(entry["not_objects"])),
        not entry.get("subjects") or bool(subject_lemmas(token) & set(entry["subjects"])),
        not entry.get("preps") or any(c.lower_ in entry["preps"] for c in token.children),
        not entry.get("particles")
        or any(c.lower_ in entry["particles"] for c in token.children
               if c.dep_ in ("prt", "prep")
               or (entry.get("adverb_particles") and c.dep_ == "advmod")),
        not entry.get("requires_any")
        or any(w.startswith(tuple(entry["requires_any"])) for w in sent),
        not entry.get("requires_violence") or bool(sent & VIOLENCE_WORDS),
        not entry.get("requires_armed") or bool(subject_lemmas(token) & ARMED_WORDS),
        not entry.get("requires_victims") or child(token, "prep") is not None,
        not entry.get("requires_protest_context") or bool(sent & PROTEST_CONTEXT),
        not entry.get("requires_named") or _named_subject(token),
        not entry.get("requires_agent") or _agent_subject(token),
        not entry.get("accident_check") or not _accident_for(entry, sent, token),
        not entry.get("heads") or governor_lemma(token) in entry["heads"],
        not entry.get("modifiers") or _modified(token, entry["modifiers"]),
        not entry.get("preceded_by")
        or (token.i > 0 and token.doc[token.i - 1].lower_ in entry["preceded_by"]),
        not entry.get("threat_content") or threat_content(token),
    )
    return all(checks)


def governor_lemma(token: Token) -> str:
    """Lemma of the verb an event noun is the object of ("held talks", "voiced support for").

    Climbs through objects, prepositions and the nouns they attach to ("allocated 68
    million euros in assistance"), at most four steps; "" when no verb governs the noun.
    """
    current = token
    for _ in range(4):
        if current.dep_ not in NOUN_LINKS or current.head is current:
            return ""
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current.lemma_.lower()
    return ""


def _modified(token: Token, words: list[str]) -> bool:
    """True when a modifier of ``token`` is one of ``words`` ("joint patrols")."""
    return any(
        c.lemma_.lower() in words for c in token.children if c.dep_ in ("amod", "compound")
    ) or any(c.lemma_.lower() in words for c in token.head.children if token.dep_ == "compound")


def threat_content(token: Token) -> bool:
    """True when a warning is a threat (CAMEO 13): it names force or punishment.

    "warned the rebels that the army would hit their camps", "warned of a crushing
    response" and "warned them (not) to cross the line" are threats; a bare warning to
    someone ("warned the protesters") is one too. "warned that prices would rise" or
    "warned of famine" is not an event.
    """
    content = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")
               or (c.dep_ == "prep" and c.lower_ in WARNING_LINKS)]
    if not content:
        return True
    if any(c.dep_ == "xcomp" for c in content):
        return True  # "warned the company to leave the waters": an ultimatum
    return any(_threat_word(t) for c in content for t in c.subtree if t.i != token.i)


def _threat_word(token: Token) -> bool:
    lemma = lemma_of(token)
    if lemma in THREAT_NOUNS or lemma in lexicon()["threat_verbs"]:
        return True
    entry = match_trigger(token)
    return entry is not None and entry["plover"] in THREAT_TYPES


# Sport words that news uses for other things too ("a team of investigators"): alone they
# do not make a sentence a sports report.
GENERIC_SPORT = {"team", "game", "race", "club", "match", "score", "season", "ball", "cup",
                 "coach", "player", "goal", "striker"}
# Adverbs that finish an arson verb ("set ablaze", "set alight").
BURNING = {"ablaze", "alight", "afire"}
# Nouns an event word can modify and still name the event ("a looting spree").
SPREE_HEADS = {"spree", "rampage", "frenzy", "binge", "orgy"}


def _accident_for(entry: dict[str, Any], sent: set[str], token: Token) -> bool:
    """The accident check of an entry; what the entry acts on is no accident word there
    ("vehicles were destroyed" names the property, not a road accident)."""
    acted_on = set(entry.get("objects", ()))
    return _accident(sent - acted_on | _told_before(token), subject_lemmas(token) - acted_on)


def _told_before(token: Token) -> set[str]:
    """ "The explosion occurred at ...", "The blast killed four": a definite event noun
    refers back to the sentence before, whose words say whether it was an accident ("a
    furnace exploded")."""
    noun = token if token.pos_ == "NOUN" else child(token, "nsubj")
    definite = noun is not None and noun.pos_ == "NOUN" and any(
        c.lower_ == "the" for c in noun.children)
    if not definite:
        return set()
    before = token.doc[max(0, token.sent.start - TOLD_BEFORE_TOKENS) : token.sent.start]
    return {t.lemma_.lower() for t in before}  # the story so far: a bombing told earlier counts


def _accident(lemmas: set[str], subject: set[str]) -> bool:
    """True when the sentence reports an accident, a disaster or sport, and no violence.

    An explosion or a blast alone does not make violence ("a gas explosion at the
    plant"); a cause of harm that is an accident ("a fire at a nightclub killed")
    rules the violence out even when the sentence names the police who came.
    """
    lex = lexicon()
    if subject & set(lex["accident_words"]) and not subject & STRONG_VIOLENCE:
        return True
    sport = lemmas & set(lex["nonpolitical_words"])
    if (sport - GENERIC_SPORT or len(sport) > 1) and not lemmas & PERPETRATORS:
        return True  # "the team's striker", not "a team of vigilantes"
    return bool(lemmas & set(lex["accident_words"])) and not (lemmas & STRONG_VIOLENCE)


def _agent_subject(token: Token) -> bool:
    """A named subject or a person acting for an organisation ("the foreign minister")."""
    subj = _clause_subject(token)
    if subj is None:
        return False
    named = subj.pos_ == "PROPN" or subj.ent_type_ != "" or subj.lower_ in ("he", "she", "they")
    return named or subj.lemma_.lower() in lexicon()["agent_nouns"]


def _clause_subject(token: Token) -> Token | None:
    current = token
    for _ in range(4):
        subj = child(current, "nsubj")
        if subj is not None or current.dep_ not in ("xcomp", "conj") or current.head is current:
            return subj
        current = current.head
    return None


def _named_subject(token: Token) -> bool:
    subj = child(token, "nsubj")
    return subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ != "")


def match_trigger(token: Token) -> dict[str, Any] | None:
    """Return the lexicon entry ``token`` triggers, or None."""
    spree = token.dep_ == "amod" and token.head.lemma_.lower() in SPREE_HEADS
    if token.pos_ not in ("VERB", "NOUN") or (token.dep_ == "amod" and not spree):
        return None
    if token.dep_ == "compound" and token.head.lemma_.lower() in (
        "police",
        "gear",
        "squad",
        "shield",
    ):
        return None  # "riot police" are police
    entries = _INDEX.get((lemma_of(token), token.pos_), [])
    compound = (
        f"{token.lemma_.lower()} {token.nbor(1).lemma_.lower()}"
        if token.i + 1 < len(token.doc)
        else ""
    )
    entries = _INDEX.get((compound, "NOUN"), []) + _hyphenated(token) + entries
    found = next((e for e in entries if _passes(e, token)), None)
    return found if found is not None or token.pos_ != "VERB" else _joint_action(token)


def _joint_action(token: Token) -> dict[str, Any] | None:
    """ "jointly built", "worked together to": material cooperation (CAMEO 06)."""
    if any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in token.children):
        return JOINT_ENTRY
    return None


def _hyphenated(token: Token) -> list[dict[str, Any]]:
    """Entries for a word split at a hyphen ("sit-in", "gang-raped")."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
        return _INDEX.get((f"{token.lower_}-{doc[token.i + 2].lemma_.lower()}", token.pos_), [])
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return _INDEX.get((f"{doc[token.i - 2].lower_}-{token.lemma_.lower()}", token.pos_), [])
    return []


def is_background(token: Token) -> bool:
    """True when the trigger only sets the scene of another statement."""
    if token.pos_ == "NOUN" and _scene_setting(token):
        return True
    evaluated = token.dep_ == "dobj" and token.head.lemma_.lower() in EVALUATIVE_VERBS
    if token.pos_ == "NOUN" and evaluated:
        return True  # "called the arrests unlawful": the arrests are known already
    if token.dep_ == "relcl" and (
        token.head.lemma_.lower() in BACKGROUND_HEADS
        or any(c.lower_ in ("has", "have") for c in token.children if c.dep_ == "aux")
    ):
        return True  # "a conflict that has killed thousands"
    for anc in token.ancestors:
        if anc.dep_ == "relcl" and not _media_noun(anc.head):
            return True
        if anc.dep_ in ("ccomp", "ROOT"):
            break
    return token.dep_ == "relcl" and not _media_noun(token.head) and token.pos_ == "NOUN"


def _scene_setting(token: Token) -> bool:
    """ "during the protests", "after weeks of protests": a noun in a background phrase."""
    current = token
    for _ in range(3):
        if current.head.dep_ != "prep" or current.head is current:
            return False
        if current.head.lower_ in BACKGROUND_PREPS:
            return True
        if current.head.lower_ != "of" or current.head.head.pos_ != "NOUN":
            return False
        current = current.head.head
    return False


def _media_noun(token: Token) -> bool:
    return token.lemma_.lower() in lexicon()["media_nouns"]


def find_accusations(doc: Doc) -> Iterator[Token]:
    """Reporting verbs whose complement labels someone with a loaded term."""
    labels = set(lexicon()["loaded_labels"])
    reporting = set(lexicon()["reporting_verbs"]) - {"know", "learn", "according", "warn"}
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in reporting:
            continue
        comp = [c for c in token.children if c.dep_ in ("ccomp", "dobj")]
        labelled = any(
            t.lower_ in labels or t.lemma_.lower() in labels for c in comp for t in c.subtree
        )
        # "the terrorists attacked the office, the management said" reports an attack
        acts = any(_is_event_head(t) for c in comp for t in c.subtree if t.pos_ == "VERB")
        if labelled and not acts:
            yield token


def _is_event_head(token: Token) -> bool:
    return match_trigger(token) is not None and not is_background(token)


def modality_of(token: Token) -> str:
    """asserted, negated, future, hypothetical or uncertain, from the trigger's clause.

    An event noun that is the object of a verb ("plans to hold protests") takes
    the modality of that verb; a clause opened by "whether" or "if" is hypothetical.
    """
    verb = _noun_verb(token) if token.pos_ == "NOUN" else None
    if verb is not None:
        own = _clause_modality(token)
        return own if own != "asserted" else _clause_modality(verb)
    return _clause_modality(token)


def _noun_verb(token: Token) -> Token | None:
    """The verb an event noun is the object of, directly or through one preposition
    ("will provide 20 million dollars *in aid*"), or None."""
    if token.dep_ in ("dobj", "nsubjpass") and token.head is not token:
        return token.head
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return None
    above = token.head.head
    if above.pos_ == "NOUN" and above.dep_ == "dobj":
        above = above.head
    return above if above.pos_ == "VERB" else None


def _clause_modality(token: Token) -> str:
    words = {c.lower_ for c in token.children} | {
        c.lower_ for h in _heads(token) for c in h.children
    }
    if words & {"not", "n't", "never", "no"} or any(c.dep_ == "neg" for c in token.children):
        return "negated"
    if _denied(token):
        return "negated"  # "the army denied that it had shelled the town"
    if words & {"if", "unless", "could", "might", "may", "whether"} or _conditional(token):
        return "hypothetical"
    if words & {"will", "would", "shall", "'ll"} or _planned(token):
        return "future"
    if words & {"reportedly", "allegedly", "possibly", "apparently", "purportedly"}:
        return "uncertain"
    return "uncertain" if _alleged(token) else "asserted"


def _alleged(token: Token) -> bool:
    """An act someone is accused or suspected of ("accused Iran of bombing the capital",
    "rejected accusations of shelling the town"): alleged, not reported as fact."""
    for node in [token, *list(token.ancestors)[:5]]:
        prep = node.head
        if node.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for"):
            continue
        accused = prep.head  # "accused Y of", or the parser's "accused [Y of ...]"
        if accused.lemma_.lower() in ALLEGING or (
            accused.dep_ == "dobj" and accused.head.lemma_.lower() in ALLEGING
        ):
            return True
    return False


def _conditional(token: Token) -> bool:
    """True when the nearest verb above the trigger is opened by "whether"/"if"."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in verb.children
    )


def _denied(token: Token) -> bool:
    """True when the nearest verb reporting the trigger is a denial."""
    reporting = set(lexicon()["reporting_verbs"]) | {"deny", "refute"}
    for anc in token.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in reporting:
            return anc.lemma_.lower() in ("deny", "refute")
    return False


def _heads(token: Token) -> list[Token]:
    heads = []
    while token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        token = token.head
        heads.append(token)
    return heads


def _planned(token: Token) -> bool:
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENT_HEADS


def mentions(article: Article, doc: Doc) -> list[Event]:
    """Return one event mention per trigger, in text order."""
    accusations = list(find_accusations(doc))
    claimed = {
        t.i
        for verb in accusations
        for c in verb.children
        if c.dep_ in ("ccomp", "dobj")
        for t in c.subtree
    }
    claimed |= responsibility_claims(doc)
    found = [_mention(article, token, "ACCUSE", "allege", "none", 0.6) for token in accusations]
    typed = [(t, e) for t in doc if t.i not in claimed
             for e in [match_trigger(t) or (DEMAND_ENTRY if _demand(t) else None)] if e]
    foreground = governed([(t, e) for t, e in typed if not is_background(t)])
    for token, entry in foreground or typed:
        found.append(
            _mention(
                article,
                token,
                entry["plover"],
                entry["mode"],
                entry["hint"],
                0.6 if entry.get("weak") or not foreground else 0.75,
                entry.get("modality"),
            )
        )
    return sorted(found, key=lambda e: e.trigger.start)


def governed(typed: list[tuple[Token, dict[str, Any]]]) -> list[tuple[Token, dict[str, Any]]]:
    """Apply the governing-verb convention of CAMEO and PLOVER to matched triggers.

    The verb that governs a complement decides the event: in "agreed to withdraw",
    "urged the rebels to lay down their arms" or "refused calls to release them" the
    complement is what is agreed, asked or refused, not a separate event, so it is
    dropped when its governing verb is itself a trigger. A promise or vow to use
    force or punishment ("vowed to storm the city") is a threat.
    """
    matched = {t.i for t, _ in typed}
    absorbing = {t.i for t, e in typed if e.get("absorbs")}
    out = []
    for token, entry in typed:
        head = governing_verb(token)
        if (head is not None and head.i in matched) or _absorbed(token, absorbing):
            continue
        entry = _spoken_protest(token, entry)
        if (lemma_of(token) in INTENT_VERBS and _hostile_complement(token)) or _conditional_force(
            token, entry
        ):
            entry = THREAT_ENTRY
        out.append((token, announced(token, entry)))
    return out


def _absorbed(token: Token, absorbing: set[int]) -> bool:
    """An event noun that is the object of a trigger whose entry absorbs it ("called off
    the strike", "would not meet the demands", "ended mediation efforts")."""
    noun = token.head if token.dep_ == "compound" else token
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in absorbing


def _spoken_protest(token: Token, entry: dict[str, Any]) -> dict[str, Any]:
    """ "Y is failing ..., a rights group protested": a protest made in words, with what
    was said as its complement, is a complaint (CAMEO 11), not a demonstration."""
    said = any(c.dep_ == "ccomp" for c in token.children) or (
        token.dep_ == "acl" and token.head.dep_ == "appos"  # "..., a rights group protested"
    )
    if entry["plover"] != "PROTEST" or lemma_of(token) != "protest" or not said:
        return entry
    return {"plover": "ACCUSE", "mode": "disapprove", "hint": "none"}


def announced(token: Token, entry: dict[str, Any]) -> dict[str, Any]:
    """The type of an act announced for the future ("will send aid", "plans to strike").

    CAMEO codes a stated intent, not the act: intent to meet, help, cooperate, yield or
    release is AGREE (03); intent to use force, punish or protest, or to yield only
    "unless" the other side complies, is THREATEN (13); a cooperative act the speaker
    says will not happen ("will not accept") is REJECT (12). The statement has happened,
    so these carry ``asserted``. Other types ("will appeal", "will reject") keep their own.
    """
    if obligation(token):
        return DEMAND_ENTRY
    if entry["plover"] in REFUSABLE and _refused(token):
        return REFUSAL_ENTRY
    if entry["plover"] not in INTENT_TYPES | THREAT_TYPES or modality_of(token) != "future":
        return entry
    if entry["plover"] in THREAT_TYPES or _unless(token):
        return THREAT_ENTRY
    return INTENT_ENTRY


def _refused(token: Token) -> bool:
    """ "will not accept", "would never meet": a future auxiliary and a negation."""
    verb = _noun_verb(token) if token.pos_ == "NOUN" else token
    words = {c.lower_ for c in verb.children} if verb is not None else set()
    return bool(words & FUTURE_AUX) and bool(words & {"not", "n't", "never"})


def _unless(token: Token) -> bool:
    """Whether the trigger's clause carries an "unless" condition ("will withdraw ...
    unless Y holds elections")."""
    clauses = [c for c in token.children if c.dep_ == "advcl"]
    return any(m.dep_ == "mark" and m.lower_ == "unless" for c in clauses for m in c.children)


def _demand(token: Token) -> bool:
    """A verb no trigger names in what a speaker says another party must do ("China must
    drop barriers to U.S. exports", the administration declared)."""
    return token.pos_ == "VERB" and obligation(token)


def obligation(token: Token) -> bool:
    """True when the act is what a speaker says another party must do ("Russia said Sudan
    must return the helicopter"): the event is the speaker's demand, not the act."""
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in token.children):
        return False
    speaker = token.head
    if token.dep_ not in ("ccomp", "parataxis") or lemma_of(speaker) not in SAYING:
        return False
    return child(speaker, "nsubj") is not None and child(token, "nsubj") is not None


def governing_verb(token: Token) -> Token | None:
    """The governing verb whose complement ``token`` is ("agreed to *meet*"), or None.

    Follows coordination ("to share data and *coordinate* releases"), infinitive
    complements, "that"-clauses of threats and the clauses of proposal nouns
    ("rejected calls to *withdraw*").
    """
    current = token
    for _ in range(4):
        if current.dep_ == "conj" and current.head is not current:
            current = current.head
            continue
        if current.pos_ == "NOUN":
            return _noun_governor(current)
        head = current.head
        if current.dep_ in ("acl", "ccomp") and head.lemma_.lower() in DEMAND_NOUNS:
            return head  # "its demand that Y ease the restrictions": the demand decides
        if current.dep_ in ("acl", "relcl") and head.lemma_.lower() in PROPOSAL_NOUNS:
            head = head.head if head.dep_ in ("dobj", "nsubjpass", "pobj") else head
        elif current.dep_ == "ccomp" and head.lemma_.lower() in ("warn", "threaten", "caution"):
            pass
        elif current.dep_ != "xcomp":
            return None
        return head if head.pos_ == "VERB" and lemma_of(head) in GOVERNING_VERBS else None
    return None


def _noun_governor(token: Token) -> Token | None:
    """The governing verb an event noun is the object of ("demanded *the resignation*",
    "called for *talks*", "rejected calls for *a ceasefire*"), or None."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("for", "on"):
        head = head.head
        if head.lemma_.lower() in PROPOSAL_NOUNS and head.dep_ in ("dobj", "nsubjpass", "pobj"):
            head = head.head
    elif token.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" and lemma_of(head) in GOVERNING_VERBS else None


def _conditional_force(token: Token, entry: dict[str, Any]) -> bool:
    """Force or punishment announced on a condition ("would retaliate if", "could face
    sanctions unless") is a threat (CAMEO 13), not the act itself."""
    if entry["plover"] not in HOSTILE_TYPES or modality_of(token) not in ("future", "hypothetical"):
        return False
    return any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in token.sent)


def _hostile_complement(token: Token) -> bool:
    """True when the infinitive a promise governs is an act of force, punishment or
    protest ("vowed to storm the city", "pledged to continue the protests")."""
    for comp in (c for c in token.children if c.dep_ == "xcomp" or _infinitive(c)):
        for verb in [comp, *(c for c in comp.children if c.dep_ == "conj")]:
            acts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
            if lemma_of(verb) in lexicon()["threat_verbs"] or any(
                _hostile_act(t) for t in acts
            ):
                return True
    return False


def _infinitive(clause: Token) -> bool:
    """An infinitive the parser attached as an adverbial clause ("sworn to fight")."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def _hostile_act(token: Token) -> bool:
    entry = match_trigger(token)
    return entry is not None and entry["plover"] in THREAT_TYPES


def responsibility_claims(doc: Doc) -> set[int]:
    """Tokens inside a claim or denial of responsibility ("claimed responsibility for the
    bombing", "denied any involvement in the attack"): the attack claimed is reported
    elsewhere, the claim itself is not the event.
    """
    nouns = set(lexicon()["claim_nouns"])
    out: set[int] = set()
    for token in doc:
        if token.lemma_.lower() in nouns and token.head.lemma_.lower() in (
            "claim", "deny", "accept", "admit", "take", "disclaim", "reject",
        ):
            out.update(t.i for t in token.head.subtree if t.i != token.head.i)
    return out


def _mention(
    article: Article, token: Token, plover: str, mode: str | None, hint: str, confidence: float,
    modality: str | None = None,
) -> Event:
    span = token_span(article, token)
    sentence = article.sentences[sentence_index(article, span.start)]
    return Event(
        id=content_id(article.id, str(span.start), plover),
        trigger=span,
        sentence=sentence,
        plover=plover,
        mode=mode,
        hint=hint,
        modality=modality or modality_of(token),
        confidence=confidence,
    )


_INDEX = _index()


@register
class Events(Stage):
    """Adds ``events`` (one mention per trigger; merged later)."""

    name = "events"
    reads = ("text", "sentences")
    adds = ("events",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with its event mentions."""
        return article.with_(events=tuple(mentions(article, doc)))
