"""SimHash near duplicates and the bag-of-words helpers."""

from __future__ import annotations

from eventcoder.resolve import dedup

TEXT = ("Protesters set fire to tyres and blocked roads in Beirut on Thursday as the Lebanese "
        "pound hit a new low, witnesses said. Soldiers later reopened the main roads. Banks in "
        "the capital stayed closed for a second day, and shopkeepers said prices had doubled.")


def test_a_copy_with_a_credit_line_is_a_near_duplicate() -> None:
    copy = TEXT + " Reporting by Reuters."
    assert dedup.is_near_duplicate(dedup.simhash(TEXT), dedup.simhash(copy))


def test_a_different_report_is_not() -> None:
    other = "Police fired tear gas at hundreds of protesters in Nairobi on Friday over fuel taxes."
    assert not dedup.is_near_duplicate(dedup.simhash(TEXT), dedup.simhash(other))


def test_near_duplicates_share_a_band() -> None:
    a, b = dedup.simhash(TEXT), dedup.simhash(TEXT + " Reporting by Reuters.")
    assert set(dedup.bands(a)) & set(dedup.bands(b))


def test_cosine_of_unit_vectors() -> None:
    v = dedup.unit_vector(dedup.terms("gunmen killed twelve traders market"))
    assert abs(dedup.cosine(v, v) - 1.0) < 1e-9
    assert dedup.cosine(v, dedup.unit_vector(dedup.terms("parliament passed budget"))) == 0.0
