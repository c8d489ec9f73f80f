"""Check an actor knowledge-base file (``eventcoder actors validate FILE``).

``validate_actor_file`` returns human-readable problems, each naming where it is and
how to fix it; an empty list means the file is valid. Duplicate aliases that point at
different people are reported as warnings (prefixed "warning:") since a surname can
be shared legitimately, but the first person listed wins the match.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

# Codes in use for territories that ISO 3166-1 has not assigned (Kosovo).
EXTRA_COUNTRIES = frozenset({"XK"})
TOP_KEYS = frozenset(
    {"about", "version", "people", "organizations", "agents", "regimes", "offices", "executive"}
)
PERSON_KEYS = ("name", "aliases")
ORG_KEYS = ("name", "aliases", "inter", "sector")
AGENT_KEYS = ("lemmas", "template", "inter", "sector")
SECTORS = frozenset({"GOV", "MIL", "REB", "CVL", "IGO", "NGO", "ELI", "BUS", "MED", "REL"})


def validate_actor_file(path: Path) -> list[str]:
    """Return the problems found in the actor file at ``path`` (empty when valid)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        return [f"{path}: can't read the file ({err}); check the path"]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return [f"{path}: line {err.lineno} column {err.colno}: invalid JSON: {err.msg}"]
    if not isinstance(data, dict):
        return [f"{path}: the top level must be a JSON object with 'people', 'organizations' ..."]
    return validate_actor_data(data)


def validate_actor_data(data: dict[str, Any]) -> list[str]:
    """Return the problems found in an already parsed actor file."""
    problems = [
        f"unknown top-level key {key!r}; expected one of {', '.join(sorted(TOP_KEYS))}"
        for key in data
        if key not in TOP_KEYS
    ]
    offices = set(data.get("offices", []))
    people = data.get("people", [])
    for i, person in enumerate(people):
        problems += _person_problems(f"people[{i}]", person, offices)
    problems += _overlaps(people)
    problems += _shared_aliases(people)
    for i, org in enumerate(data.get("organizations", [])):
        problems += _org_problems(f"organizations[{i}]", org, ORG_KEYS)
    for i, agent in enumerate(data.get("agents", [])):
        problems += _org_problems(f"agents[{i}]", agent, AGENT_KEYS)
    problems += _regime_problems(data.get("regimes", {}))
    problems += _executive_problems(data.get("executive", {}), offices)
    return problems


def _person_problems(where: str, person: Any, offices: set[str]) -> list[str]:
    if not isinstance(person, dict):
        return [f"{where}: must be an object with 'name' and 'aliases'"]
    problems = _missing(where, person, PERSON_KEYS)
    where = f"{where} ({person.get('name', '?')})"
    problems += _country(where, person.get("country"))
    if not isinstance(person.get("aliases", []), list):
        problems.append(f"{where}: 'aliases' must be a list of lower-case names")
    for j, term in enumerate(person.get("offices", [])):
        problems += _term_problems(f"{where} offices[{j}]", term, offices)
        problems += _country(f"{where} offices[{j}]", term.get("country"))
    for j, term in enumerate(person.get("also", [])):
        problems += _term_problems(f"{where} also[{j}]", term, offices, ("org",))
    return problems


def _term_problems(
    where: str, term: Any, offices: set[str], extra: tuple[str, ...] = ()
) -> list[str]:
    if not isinstance(term, dict):
        return [f"{where}: must be an object with 'office', 'from' and 'to'"]
    problems = _missing(where, term, ("office", "from", *extra))
    if "office" in term and term["office"] not in offices:
        problems.append(
            f"{where}: office {term['office']!r} is not in the top-level 'offices' list; "
            "add it there"
        )
    return problems + _dates(where, term.get("from"), term.get("to"))


def _dates(where: str, start: Any, end: Any) -> list[str]:
    first, last = _iso(start), _iso(end)
    problems = [
        f"{where}: {key} {value!r} is not an ISO date (YYYY-MM-DD)"
        for key, value, parsed in (("from", start, first), ("to", end, last))
        if value is not None and parsed is None
    ]
    if first and last and first > last:
        problems.append(f"{where}: 'from' {start} is after 'to' {end}; swap or correct them")
    return problems


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _country(where: str, code: Any) -> list[str]:
    if code is None or code in EXTRA_COUNTRIES:
        return []
    import pycountry

    if isinstance(code, str) and len(code) == 2 and pycountry.countries.get(alpha_2=code):
        return []
    return [f"{where}: country {code!r} is not an ISO 3166-1 alpha-2 code (e.g. 'KZ')"]


def _missing(where: str, raw: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [f"{where}: missing key {key!r}" for key in keys if key not in raw]


def _org_problems(where: str, raw: Any, keys: tuple[str, ...]) -> list[str]:
    if not isinstance(raw, dict):
        return [f"{where}: must be an object with {', '.join(keys)}"]
    problems = _missing(where, raw, keys)
    inter = raw.get("inter")
    if "inter" in raw and not (isinstance(inter, int) and 1 <= inter <= 8):
        problems.append(f"{where}: inter {inter!r} must be an ACLED inter code 1-8")
    if "sector" in raw and raw["sector"] not in SECTORS:
        problems.append(f"{where}: sector {raw['sector']!r} is not one of {sorted(SECTORS)}")
    return problems


def _overlaps(people: list[Any]) -> list[str]:
    """Two people holding the same office of the same country on the same day."""
    spans: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for person in people:
        if not isinstance(person, dict):
            continue
        for term in person.get("offices", []):
            key = (term.get("country", person.get("country")), term.get("office"))
            start, end = _iso(term.get("from")), _iso(term.get("to")) or date.max
            if start and key[0]:
                spans.setdefault(key, []).append((start, end, person.get("name", "?")))
    problems = []
    for (country, office), terms in spans.items():
        terms.sort()
        for (_, end, name), (start, _, other) in pairwise(terms):
            if start < end:
                problems.append(
                    f"{country} {office}: terms of {name} and {other} overlap on {start}; "
                    "end the first term when the second starts"
                )
    return problems


def _shared_aliases(people: list[Any]) -> list[str]:
    owner: dict[str, str] = {}
    problems = []
    for person in people:
        if not isinstance(person, dict):
            continue
        for alias in set(person.get("aliases", [])):
            name = person.get("name", "?")
            if alias in owner and owner[alias] != name:
                problems.append(
                    f"warning: alias {alias!r} names both {owner[alias]} and {name}; "
                    "the first listed wins, drop it from one of them"
                )
            owner.setdefault(alias, name)
    return problems


def _regime_problems(regimes: Any) -> list[str]:
    problems = []
    for code, periods in regimes.items():
        problems += _country(f"regimes[{code}]", code)
        for j, period in enumerate(periods):
            where = f"regimes[{code}][{j}]"
            problems += _missing(where, period, ("from", "label"))
            problems += _dates(where, period.get("from"), period.get("to"))
    return problems


def _executive_problems(executive: Any, offices: set[str]) -> list[str]:
    problems = []
    for code, office in executive.items():
        problems += _country(f"executive[{code}]", code)
        if office not in offices:
            problems.append(f"executive[{code}]: office {office!r} is not in 'offices'")
    return problems
