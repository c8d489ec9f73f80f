"""Countries as ACLED names them: region, country name, ISO numeric and alpha-3 codes."""

from __future__ import annotations

from functools import cache

import pycountry

# ACLED's regions by ISO 3166 alpha-2 code. ACLED counts Russia, Ukraine,
# Belarus and Cyprus in Europe, Turkey in the Middle East, Mexico in Central
# America and the five post-Soviet Central Asian states with the South Caucasus.
_REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MU YT RE RW SC SO SS TZ UG IO TF",
    "Southern Africa": "BW SZ LS MW MZ NA ZA ZM ZW",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MO MN TW",
    "Europe": (
        "AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK "
        "LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA AX"
    ),
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Caribbean": (
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF PM VC SX TT "
        "TC VI"
    ),
    "North America": "BM CA GL US UM",
    "Oceania": (
        "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF CX CC HM"
    ),
    "Antarctica": "AQ BV",
}
REGION_OF: dict[str, str] = {
    code: region for region, codes in _REGIONS.items() for code in codes.split()
}

# Names ACLED writes where they differ from ISO's short names.
_ACLED_NAMES = {
    "BO": "Bolivia", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia",
    "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova",
    "PS": "Palestine", "RU": "Russia", "SY": "Syria", "SZ": "eSwatini", "TL": "East Timor",
    "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania", "VE": "Venezuela", "VN": "Vietnam",
    "BN": "Brunei", "XK": "Kosovo", "VA": "Vatican City", "GB": "United Kingdom",
}


@cache
def country_info(alpha2: str | None) -> tuple[str, str, int | None, str]:
    """Return (alpha-3, ACLED country name, ISO numeric, ACLED region) of ``alpha2``.

    Unknown or missing codes give ``("XXX", "", None, "")``: "XXX" is the ISO
    user-assigned code for an unspecified country.
    """
    if not alpha2:
        return ("XXX", "", None, "")
    code = alpha2.upper()
    entry = pycountry.countries.get(alpha_2=code)
    if entry is None:
        return ("XKX", "Kosovo", None, "Europe") if code == "XK" else ("XXX", "", None, "")
    name = _ACLED_NAMES.get(code) or getattr(entry, "common_name", None) or entry.name
    return (entry.alpha_3, name, int(entry.numeric), REGION_OF.get(code, ""))
