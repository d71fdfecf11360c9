"""Did-you-mean finds one-character slips among many ids, comparing a bounded few."""

import difflib

import pytest

from orgcharts.loader import suggest
from orgcharts.loader.suggest import CANDIDATES, Suggester

IDS = [f"role_{number:06d}" for number in range(200_000)] + ["vp_sales", "ceo", "sm_lakeside_mall"]


@pytest.fixture(scope="module")
def suggester():
    return Suggester(IDS)


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("vp_sale", "vp_sales"),  # a letter dropped
        ("vp_saless", "vp_sales"),  # added
        ("vp_salez", "vp_sales"),  # changed
        ("vp_slaes", "vp_sales"),  # two swapped
        ("cco", "ceo"),
        ("sm_lakside_mall", "sm_lakeside_mall"),
        ("role_123457x", "role_123457"),
        ("xole_123457", "role_123457"),
        ("zzzzzzzz", None),
    ],
)
def test_a_slip_of_one_character_finds_the_id_meant(suggester, word, meant):
    assert suggester.closest(word) == meant


def test_a_question_compares_a_bounded_few_ids_however_many_there_are(suggester, monkeypatch):
    compared = []
    real = difflib.get_close_matches

    def counting(word, possibilities, **options):
        compared.append(len(possibilities))
        return real(word, possibilities, **options)

    monkeypatch.setattr(suggest.difflib, "get_close_matches", counting)
    for word in ("role_1", "role_0000000", "r", "vp_sale", "role_19999"):
        suggester.closest(word)
    assert max(compared) <= 2 * CANDIDATES


def test_the_hint_reads_as_the_messages_say_it():
    assert Suggester(["vp_sales", "ceo"]).hint("vp_sale") == " (did you mean 'vp_sales'?)"
    assert Suggester(["vp_sales"]).hint("finance") == ""
