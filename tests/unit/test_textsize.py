"""Measuring chart text with DejaVu Sans's widths, and wrapping it without cutting a word."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts.textsize import em_width, text_width, wrap_to_width

# Advance widths of DejaVu Sans Book, in font units (2,048 to the em), read from the TTF by hand
# from its hmtx table (fontTools), not from our table: A 1401, g 1300, e 1260, n 1298, t 803, space 651; Bold: A 1585, g 1466,
# e 1389, n 1458, t 979.
AGENT_REGULAR = (1401 + 1300 + 1260 + 1298 + 803) / 2048
AGENT_BOLD = (1585 + 1466 + 1389 + 1458 + 979) / 2048


def test_widths_are_the_fonts_advances():
    assert em_width("Agent") == pytest.approx(AGENT_REGULAR)
    assert text_width("Agent", 13) == pytest.approx(AGENT_REGULAR * 13)
    assert text_width("Agent", 24, "bold") == pytest.approx(AGENT_BOLD * 24)
    assert text_width("Agent Agent", 10) == pytest.approx((2 * AGENT_REGULAR + 651 / 2048) * 10)
    assert text_width("", 13) == 0


def test_oblique_and_other_scripts_are_measured():
    assert 0 < em_width("Agent", "oblique") < em_width("Agent", "bold")
    for text in ("Ærøskøbing", "Łódź", "Ωμέγα", "Москва", "€ → ·", "▸"):
        advances = em_width(text)
        assert 0 < advances < len(text), f"{text} is in the table (narrower than an em a character)"


def test_characters_outside_the_table_count_a_full_em():
    assert em_width("東京") == 2.0
    assert em_width("🙂") == 1.0
    assert text_width("A東", 20) == pytest.approx((1401 / 2048 + 1.0) * 20)


def test_wrapping_keeps_words_whole():
    width = text_width("Care Agent,", 13, "bold")
    assert wrap_to_width("Care Agent, Denver", width, 13, "bold") == ["Care Agent,", "Denver"]
    assert wrap_to_width("Care Agent, Denver", width - 0.01, 13, "bold") == ["Care", "Agent,", "Denver"]
    assert wrap_to_width("  Care   Agent  ", 1000, 13) == ["Care Agent"]
    assert wrap_to_width("", 100, 13) == [] and wrap_to_width("   ", 100, 13) == []


def test_a_word_wider_than_the_line_is_broken_without_an_ellipsis():
    lines = wrap_to_width("Internationalisation", text_width("Internat", 13), 13)
    assert "".join(lines) == "Internationalisation"
    assert all("…" not in line for line in lines)
    assert lines[0] == "Internat"
    assert wrap_to_width("WWW", 1, 13) == ["W", "W", "W"], "at least one character a line"


words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z")), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, max_size=12), st.floats(20, 400), st.sampled_from(["regular", "bold", "oblique"]))
def test_wrapped_lines_fit_and_lose_nothing(text_words, max_px, style):
    text = " ".join(text_words)
    lines = wrap_to_width(text, max_px, 13, style)
    assert "".join("".join(line.split()) for line in lines) == "".join(text_words)
    for line in lines:
        assert text_width(line, 13, style) <= max_px + 1e-9 or len(line) == 1
        assert line == line.strip() and line
    for word in text_words:
        if text_width(word, 13, style) <= max_px:
            assert any(word in line.split() for line in lines), "a word that fits a line is never broken"


def test_kerning_that_widens_text_is_counted_and_the_rest_is_not():
    # DejaVu Sans kerns a hyphen before "J" 114 units wider (GPOS, read with fontTools);
    # "AV" is kerned 131 units narrower, which the measure ignores.
    assert em_width("-J") == pytest.approx(em_width("-") + em_width("J") + 114 / 2048)
    assert em_width("AV") == pytest.approx(em_width("A") + em_width("V"))
    lines = wrap_to_width("-J-J-J", text_width("-J-", 13), 13)
    assert all(text_width(line, 13) <= text_width("-J-", 13) for line in lines) and "".join(lines) == "-J-J-J"
