"""The chart's text colours read from the back of a projected room: WCAG contrast on the white
cards and page (7:1 for what a room must read, 4.5:1 for what is dimmed on purpose)."""

import pytest

from orgcharts.style import BAND_COLOUR, CARD_FILL, DIM_TEXT_COLOUR, TEXT_COLOUR


def luminance(colour):
    def linear(channel):
        c = int(channel, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text, ground):
    lighter, darker = sorted((luminance(text), luminance(ground)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_wcag_on_known_pairs():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("name", "colour", "least"),
    [("text", TEXT_COLOUR, 7.0), ("band names", BAND_COLOUR, 7.0), ("dimmed text", DIM_TEXT_COLOUR, 4.5)],
)
def test_text_colours_read_from_the_back_row(name, colour, least):
    assert contrast(colour, CARD_FILL) >= least, f"{name} {colour}: {contrast(colour, CARD_FILL):.2f}:1"
