"""The actor knowledge base: dated offices, organisations and generic agents.

A person's coding depends on the event date: the holder of an office on that
date is coded as the government of the country (ACLED inter 1); the same
person out of office is a political elite (kept as their name, inter None).
Generic agents ("protesters", "police") are named in ACLED's style with the
country they belong to and the regime period of its head of state.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventcoder.errors import ResourceError
from eventcoder.settings import Settings

HEAD_OFFICES = ("president", "supreme leader", "king", "queen", "emir", "sultan", "prime minister")


@dataclass(frozen=True, slots=True)
class Term:
    """One term in an office."""

    office: str
    country: str | None
    start: date
    end: date | None
    org: str | None = None

    def covers(self, day: date) -> bool:
        """True when ``day`` falls within the term."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A known person with dated terms of office."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Organization:
    """An international organisation or a named armed group."""

    name: str
    aliases: tuple[str, ...]
    inter: int
    sector: str
    short: str


@dataclass(frozen=True, slots=True)
class Agent:
    """A generic agent ("protesters") named from a template."""

    lemmas: tuple[str, ...]
    template: str
    inter: int
    sector: str
    organization_default: str | None = None


@dataclass(frozen=True, slots=True)
class Coding:
    """The canonical coding of an actor mention."""

    name: str
    inter: int | None
    country: str | None
    sector: str | None
    acled_name: str | None = None
    person: bool = False  # a known person (an antecedent for "he"/"she")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _person(raw: dict[str, Any]) -> Person:
    terms = [
        Term(o["office"], o.get("country", raw.get("country")), _day(o["from"]), _day(o.get("to")))
        for o in raw.get("offices", [])
    ]
    terms += [
        Term(o["office"], None, _day(o["from"]), _day(o.get("to")), o["org"])
        for o in raw.get("also", [])
    ]
    return Person(
        raw["name"], tuple(a.lower() for a in raw["aliases"]), raw.get("country"), tuple(terms)
    )


class ActorKB:
    """The loaded knowledge base; see docs/actors.md for the file format."""

    def __init__(self, data: list[dict[str, Any]]) -> None:
        self.people: list[Person] = []
        self.organizations: list[Organization] = []
        self.agents: list[Agent] = []
        self.offices: set[str] = set()
        self.regimes: dict[str, list[tuple[date, date | None, str]]] = {}
        self.executive: dict[str, str] = {}
        for part in data:
            self._add(part)
        self._alias_re = _alias_pattern(
            [a for p in self.people for a in p.aliases]
            + [a for o in self.organizations for a in o.aliases]
        )

    def _add(self, raw: dict[str, Any]) -> None:
        self.people += [_person(p) for p in raw.get("people", [])]
        self.organizations += [
            Organization(
                o["name"],
                tuple(a.lower() for a in o["aliases"]),
                o["inter"],
                o["sector"],
                o.get("short", o["name"]),
            )
            for o in raw.get("organizations", [])
        ]
        self.agents += [
            Agent(
                tuple(a["lemmas"]),
                a["template"],
                a["inter"],
                a["sector"],
                a.get("organization_default"),
            )
            for a in raw.get("agents", [])
        ]
        self.offices.update(raw.get("offices", []))
        self.executive.update(raw.get("executive", {}))
        for code, periods in raw.get("regimes", {}).items():
            self.regimes.setdefault(code, []).extend(
                (_day(p["from"]), _day(p.get("to")), p["label"]) for p in periods
            )

    def find_alias(self, text: str) -> Person | Organization | None:
        """Return the person or organisation whose alias occurs in ``text``."""
        for match in self._alias_re.finditer(text.lower()):
            alias = match.group(0)
            for person in self.people:
                if alias in person.aliases:
                    return person
            for org in self.organizations:
                if alias in org.aliases:
                    return org
        return None

    def holder(self, office: str, country: str, day: date) -> Person | None:
        """Return who held ``office`` in ``country`` on ``day`` (extension files win)."""
        for person in reversed(self.people):
            if any(_in(t, office, country, day) for t in person.terms):
                return person
        return None

    def regime(self, country: str | None, day: date | None) -> str | None:
        """ACLED's regime period on ``day``: "2019-" while open, "2017-2021" once ended.

        The ``regimes`` table wins; otherwise the term of the country's executive (its
        ``executive`` office, else the first head-of-state office held) gives the years.
        """
        if not country or day is None:
            return None
        for start, end, label in self.regimes.get(country, ()):
            if start <= day and (end is None or day < end):
                return label
        term = self.executive_term(country, day)
        return _period(term.start, term.end) if term else None

    def executive_term(self, country: str, day: date) -> Term | None:
        """The term of whoever led ``country``'s executive on ``day``."""
        preferred = self.executive.get(country)
        for office in ((preferred,) if preferred else ()) + HEAD_OFFICES:
            person = self.holder(office, country, day)
            if person:
                return next(t for t in person.terms if _in(t, office, country, day))
        return None

    def agent_in(self, lemmas: str) -> Agent | None:
        """Return the generic agent named first in a phrase of lemmas (longest name first)."""
        best: tuple[int, int, Agent] | None = None
        for agent in self.agents:
            for lemma in agent.lemmas:
                match = re.search(rf"(?<![\w-]){re.escape(lemma)}(?![\w-])", lemmas)
                if match and (best is None or (match.start(), -len(lemma)) < best[:2]):
                    best = (match.start(), -len(lemma), agent)
        return best[2] if best else None

    def agent(self, phrase: str) -> Agent | None:
        """Return the generic agent whose lemma ends ``phrase`` (longest first)."""
        phrase = phrase.lower().strip()
        best: tuple[int, Agent] | None = None
        for agent in self.agents:
            for lemma in agent.lemmas:
                if (phrase == lemma or phrase.endswith(" " + lemma)) and (
                    best is None or len(lemma) > best[0]
                ):
                    best = (len(lemma), agent)
        return best[1] if best else None

    def person_coding(self, person: Person, day: date | None) -> Coding:
        """Code ``person``: government of their country while in office on ``day``."""
        terms = [t for t in person.terms if day is None or t.covers(day)]
        if day is None and person.terms:
            terms = [person.terms[-1]]
        state = next((t for t in terms if t.country), None)
        if state:
            regime = self.regime(state.country, day) if day else None
            acled = f"Government of {country_name(state.country)}" + (
                f" ({regime})" if regime else ""
            )
            return Coding(person.name, 1, state.country, "GOV", acled, person=True)
        org = next((t for t in terms if t.org), None)
        if org:
            known = self.org_by_short(org.org)
            return Coding(
                person.name, 8, person.country, "IGO", known.name if known else org.org, person=True
            )
        return Coding(person.name, None, person.country, "ELI", person.name, person=True)

    def office_holder(self, text: str, country: str | None, day: date | None) -> Person | None:
        """The person an office title in ``text`` names ("the President of Kazakhstan")."""
        low = text.lower()
        office = next(
            (
                o
                for o in sorted(self.offices, key=len, reverse=True)
                if re.search(rf"\b{re.escape(o)}\b", low)
            ),
            None,
        )
        if office is None or country is None or day is None:
            return None
        return self.holder(office, country, day)

    def org_by_short(self, short: str) -> Organization | None:
        """Return the organisation whose short name is ``short``."""
        return next((o for o in self.organizations if o.short == short), None)


def _in(term: Term, office: str, country: str, day: date) -> bool:
    return term.office == office and term.country == country and term.covers(day)


def _period(start: date, end: date | None) -> str:
    """ACLED's label for a regime period: open "2019-", closed "2017-2021"."""
    return f"{start.year}-" if end is None else f"{start.year}-{end.year}"


def _alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(aliases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])")


COUNTRY_NAMES = {
    "RU": "Russia",
    "US": "United States",
    "GB": "United Kingdom",
    "IR": "Iran",
    "SY": "Syria",
    "KR": "South Korea",
    "KP": "North Korea",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "VN": "Vietnam",
    "LA": "Laos",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "TW": "Taiwan",
    "PS": "Palestine",
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "CI": "Ivory Coast",
    "BN": "Brunei",
    "FM": "Micronesia",
}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """ACLED's name of the country with ISO alpha-2 ``code``."""
    if not code:
        return "Unknown"
    if code in COUNTRY_NAMES:
        return COUNTRY_NAMES[code]
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def load_actor_kb(settings: Settings) -> ActorKB:
    """Return the knowledge base: ours plus ``settings.actor_files`` (cached)."""
    return _load(tuple(settings.actor_files))


@lru_cache(maxsize=4)
def _load(extra: tuple[str, ...]) -> ActorKB:
    parts = [json.loads(resources.files("eventcoder.resolve").joinpath("actors.json").read_text())]
    for path in extra:
        try:
            parts.append(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError) as err:
            raise ResourceError(
                f"can't read actor file {path}: {err}; fix the JSON or remove it from actor_files"
            ) from err
    return ActorKB(parts)
