"""The Diagnosis tab's figures keep the chart's colour language: the hop colours mean hops and
nothing else, a bar of the customer's green means the front line, a reference value (a
segment's weight) is a mark rather than a grey bar that reads as disabled; category labels are
level: whole beside bars drawn across, or broken over two lines, never tilted."""

import pytest

from orgcharts.diagnosisfigures import attention_figure, conditions_figure, purpose_figure, span_bands_figure
from orgcharts.loader import example_text, load_text
from orgcharts.metrics.diagnostics import diagnose
from orgcharts.style import CUSTOMER_COLOUR, HOP_COLOURS, NEUTRAL_COLOUR, TEXT_COLOUR

DIAGNOSIS = diagnose(load_text(example_text("telecom")).org, ["refund"])
FIGURES = {
    "conditions": conditions_figure(DIAGNOSIS),
    "attention": attention_figure(DIAGNOSIS),
    "purpose": purpose_figure(DIAGNOSIS),
    "spans": span_bands_figure(DIAGNOSIS),
}


def colours(figure):
    return {trace.line.color for trace in figure.data if trace.mode == "lines"} | {
        trace.marker.color for trace in figure.data if trace.mode and "markers" in trace.mode
    }


@pytest.mark.parametrize("name", FIGURES)
def test_no_figure_uses_a_hop_colour_for_anything_but_hops(name):
    assert not colours(FIGURES[name]) & set(HOP_COLOURS), colours(FIGURES[name])


def test_a_segments_weight_is_a_dark_mark_beside_its_green_bar_not_a_grey_bar():
    weight = [trace for trace in FIGURES["attention"].data if trace.name == "weight (how much the segment matters)"]
    assert len(weight) == 1 and weight[0].mode == "markers+text"
    assert weight[0].marker.symbol == "line-ew" and weight[0].marker.line.color == TEXT_COLOUR
    assert list(weight[0].text) == ["55%", "25%", "20%"]
    assert NEUTRAL_COLOUR not in colours(FIGURES["attention"])


def test_category_labels_are_level_whole_or_broken_over_two_lines():
    conditions = FIGURES["conditions"]
    assert list(conditions.layout.yaxis.ticktext) == [
        "facing customers",
        "1 step away",
        "2 steps away",
        "3+ steps away",
        "no line of sight",
    ]
    drawn = [trace for trace in conditions.data if trace.mode == "lines"]
    assert drawn and all(trace.y[0] == trace.y[1] and trace.x[0] == 0 for trace in drawn), "bars left to right"
    assert [trace.line.color for trace in drawn if trace.y[0] == 0] == [CUSTOMER_COLOUR] * 3, "front line first"
    segments = FIGURES["purpose"].layout.xaxis
    assert segments.tickangle is None
    assert list(segments.ticktext) == [
        "Consumer<br>subscribers",
        "Small business<br>accounts",
        "Enterprise<br>accounts",
    ]
