"""The Diagnosis view's pictures and words, Dash-free: plots a person would rather look at than
read (who faces your customers, attention against weight, why each segment is served, span
bands), the load on each role that decides, and what a what-if change moves, in the words an
executive uses ("-340 escalations a week, -2.1 days of customer wait", with a true minus sign)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from orgcharts import catalog
from orgcharts.amounts import number
from orgcharts.cards import load_text
from orgcharts.diagnosisreport import FIGURE_WORDS, GROUP_WORDS
from orgcharts.metrics.conditions import FIGURES, SIGHT_GROUPS
from orgcharts.metrics.diagnostics import DecisionDiagnosis, Diagnosis, climbed_load, heaviest
from orgcharts.model import PURPOSES
from orgcharts.style import COUNT_COLOUR, CUSTOMER_COLOUR, NEUTRAL_COLOUR, PURPOSE_COLOURS, TEXT_COLOUR

FONT = {"size": 16, "color": TEXT_COLOUR}
MINUS = "\N{MINUS SIGN}"
"""How a fall is written: the typographic minus, as wide as the plus."""
BAR_PX = 40
"""A bar's width on screen, in pixels."""
HEAVIEST_CARDS = 8
"""Authority cards shown in the view, heaviest load first."""


NOTE_CHARACTERS = 56
"""A note's line under a plot's title: what a plot half a 1280 px screen wide holds in its type."""


def _frame(figure: go.Figure, title: str, note: str, top: int = 0) -> go.Figure:
    """The plot's title and its note (broken into lines a narrow plot holds whole), ``top`` more
    pixels over the plot (for titles of its own), the key under the categories' two lines."""
    lines = textwrap.wrap(note, NOTE_CHARACTERS)
    figure.update_layout(
        title={
            "text": f"{title}<br><sup>{'<br>'.join(lines)}</sup>",
            "font": {"size": 20},
            **{"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 16}},
        },
        font=FONT,
        height=380 + 14 * (len(lines) - 1) + top,
        margin={"l": 60, "r": 20, "t": 56 + 14 * len(lines) + top, "b": 90},
        plot_bgcolor="white",
        legend={"orientation": "h", "y": -0.3, "yanchor": "top"},
    )
    return figure


def bars(
    xs: Sequence[float],
    tops: Sequence[float],
    colour: str | Sequence[str],
    name: str,
    *,
    bottoms: Sequence[float] | None = None,
    text: Sequence[str] | None = None,
    width: int = BAR_PX,
    legend: bool = True,
    across: bool = False,
) -> list[go.Scatter]:
    """Bars drawn as thick segments of a scatter trace, and their labels at their ends: the
    dashboard ships plotly.js's 2D bundle, which draws scatter traces but no bar traces.
    Upright by default; ``across`` draws them left to right, each at height ``xs``."""
    bottoms = bottoms if bottoms is not None else [0.0] * len(xs)
    colours = [colour] * len(xs) if isinstance(colour, str) else list(colour)
    traces = []
    for x, bottom, top, shade in zip(xs, bottoms, tops, colours, strict=True):
        along, at = [bottom, top], [x, x]
        traces.append(
            go.Scatter(
                x=along if across else at, y=at if across else along, mode="lines",
                line={"color": shade, "width": width}, name=name, legendgroup=name,
                showlegend=legend and not traces, hoverinfo=("x" if across else "y") + "+name",
            )
        )  # fmt: skip
    if text is not None:
        ends, places = list(tops), list(xs)
        traces.append(
            go.Scatter(x=ends if across else places, y=places if across else ends, mode="text",
                       text=[f"\N{FIGURE SPACE}{said}" for said in text] if across else list(text),
                       textposition="middle right" if across else "top center", showlegend=False, hoverinfo="skip",
                       cliponaxis=False)
        )  # fmt: skip
    return traces


def _categories(figure: go.Figure, labels: Sequence[str], **where: int) -> None:
    figure.update_xaxes(
        tickvals=list(range(len(labels))),
        ticktext=[_two_lines(label) for label in labels],
        range=[-0.6, len(labels) - 0.4],
        **where,
    )


def _two_lines(label: str) -> str:
    """``label`` broken between words into the two most even lines, so that categories stand
    level under narrow plots instead of tilted: "no line<br>of sight"."""
    words = label.split()
    if len(words) < 2:
        return label
    cut = min(
        range(1, len(words)),
        key=lambda at: (max(len(" ".join(words[:at])), len(" ".join(words[at:]))), -at),
    )
    return " ".join(words[:cut]) + "<br>" + " ".join(words[cut:])


def _title(figure: str) -> str:
    """A figure's plot title: "Pay (yearly), median"."""
    return FIGURE_WORDS[figure][0].upper() + FIGURE_WORDS[figure][1:] + ", median"


def _short(value: float) -> str:
    """A bar's label in few characters: "38k", "1.4", "16"."""
    return f"{value / 1000:,.0f}k" if value >= 10_000 else number(round(value, 1))


def conditions_figure(diagnosis: Diagnosis) -> go.Figure:
    """Pay, tenure and training by distance from the customer: one bar per line-of-sight group,
    left to right so that the groups' names stand level, the front line first and in the
    customer's colour; a group without the figure is left out."""
    figure = make_subplots(
        rows=1,
        cols=len(FIGURES),
        subplot_titles=[_two_lines(_title(f)) for f in FIGURES],
        shared_yaxes=True,
        horizontal_spacing=0.06,
    )
    for column, figure_key in enumerate(FIGURES, start=1):
        condition = diagnosis.front_line[figure_key]
        places = [place for place, group in enumerate(SIGHT_GROUPS) if condition.by_group[group] is not None]
        values = [condition.by_group[SIGHT_GROUPS[place]] or 0.0 for place in places]
        for trace in bars(
            places, values, [CUSTOMER_COLOUR if place == 0 else NEUTRAL_COLOUR for place in places],
            _title(figure_key), text=[_short(value) for value in values], width=18, legend=False, across=True,
        ):  # fmt: skip
            figure.add_trace(trace, row=1, col=column)
        figure.update_xaxes(
            rangemode="tozero", range=[0, max(values, default=1) * 1.6], showticklabels=False, row=1, col=column
        )
    figure.update_yaxes(
        tickvals=list(range(len(SIGHT_GROUPS))),
        ticktext=[GROUP_WORDS[group] for group in SIGHT_GROUPS],
        range=[len(SIGHT_GROUPS) - 0.4, -0.6],
        automargin=True,
    )
    ratios = ", ".join(
        f"{FIGURE_WORDS[f].split(' (')[0]} {catalog.show('front_line_ratio', diagnosis.front_line[f].front_line_ratio)}"
        for f in FIGURES
    )
    figure.update_annotations(font_size=16)
    return _frame(
        figure,
        "Who faces your customers",
        f"front line against the rest: {ratios}; roles without a figure left out",
        top=44,
    )


def attention_figure(diagnosis: Diagnosis) -> go.Figure:
    """Each segment's share of customer-facing people beside its weight."""
    org = diagnosis.org
    segments = list(diagnosis.segments.values())
    places = range(len(segments))
    figure = go.Figure(
        [
            *bars(
                [x - 0.17 for x in places], [a.share for a in segments], CUSTOMER_COLOUR,
                "share of customer-facing people", width=30,
                text=[catalog.show("attention_share", a.share) + (f" ({a.flag})" if a.flag else "") for a in segments],
            ),
            go.Scatter(
                x=[x + 0.17 for x in places], y=[a.weight or 0.0 for a in segments], mode="markers+text",
                marker={"symbol": "line-ew", "size": 30, "line": {"width": 4, "color": TEXT_COLOUR}},
                text=[catalog.show("attention_share", a.weight) for a in segments], textposition="top center",
                name="weight (how much the segment matters)", hoverinfo="y+name",
            ),
        ]
    )  # fmt: skip
    _categories(figure, [org.segment_index[a.segment].name for a in segments])
    top = max([a.share for a in segments] + [a.weight or 0.0 for a in segments], default=1.0)
    figure.update_yaxes(tickformat=".0%", range=[0, top * 1.25])
    note = "a role serving k segments counts 1/k for each; segments without a weight show none"
    return _frame(figure, "Attention against weight, per segment", note)


def purpose_figure(diagnosis: Diagnosis) -> go.Figure:
    """Customer-facing people per segment, stacked by why they serve it."""
    org = diagnosis.org
    segments = list(diagnosis.segments.values())
    bottoms = [0.0] * len(segments)
    traces = []
    for purpose in PURPOSES:
        tops = [bottom + a.by_purpose[purpose] for bottom, a in zip(bottoms, segments, strict=True)]
        traces += bars(range(len(segments)), tops, PURPOSE_COLOURS[purpose], purpose, bottoms=bottoms, width=48)
        bottoms = tops
    figure = go.Figure(traces)
    _categories(figure, [org.segment_index[a.segment].name for a in segments])
    figure.update_yaxes(title="people", range=[0, max(bottoms, default=1.0) * 1.15 or 1])
    return _frame(
        figure, "Winning, keeping or serving", "customer-facing people per segment by purpose (serves ... for)"
    )


def span_bands_figure(diagnosis: Diagnosis) -> go.Figure:
    """Managers counted by their direct reports, in the span bands."""
    band_counts = diagnosis.span_bands
    counts = list(band_counts.values())
    figure = go.Figure(
        bars(range(len(counts)), counts, COUNT_COLOUR, "managers", text=[str(c) for c in counts], legend=False)
    )
    _categories(figure, list(band_counts))
    figure.update_xaxes(title="direct reports (roles)")
    figure.update_yaxes(title="managers", range=[0, max(counts, default=1) * 1.25 or 1])
    layers = diagnosis.layers
    note = f"front line at a median layer {catalog.show('layers', layers.median)}, deepest {catalog.show('layers', layers.max)}"
    return _frame(figure, "Span bands", note)


@dataclass(frozen=True)
class AuthorityCard:
    """A role that decides requests, with its load: "84 requests a week" (``cards.load_text``, as
    on the main chart's cards); ``heaviest`` marks the most loaded (``diagnostics.heaviest``)."""

    role: str
    title: str
    load: float
    said: str
    heaviest: bool


def authority_cards(diagnosis: Diagnosis, decision: DecisionDiagnosis) -> list[AuthorityCard]:
    """The roles carrying the most load for ``decision``, most first (none without a rate), the
    heaviest desks marked (``cards.HEAVIEST``)."""
    if not decision.load:
        return []
    ranked = sorted(decision.load.items(), key=lambda item: -item[1])[:HEAVIEST_CARDS]
    most = heaviest(climbed_load(decision))
    return [
        AuthorityCard(role, diagnosis.org.role(role).title, load, load_text(load), role in most)
        for role, load in ranked
    ]


def _signed(value: float, unit: str) -> str:
    return f"{MINUS if value < 0 else '+'}{number(abs(value))} {unit}"


def change_words(before: DecisionDiagnosis, after: DecisionDiagnosis) -> list[str]:
    """What a what-if change moved for one decision, before → after, as an executive says it:
    "-340 escalations a week (1,012 → 672)", "-2.1 days of customer wait a week (9.5 → 7.4)";
    empty when nothing moved."""
    was, now = before.overall, after.overall
    said = []
    if was.escalated_per_week is not None and now.escalated_per_week is not None:
        moved = round(now.escalated_per_week - was.escalated_per_week)
        if moved:
            said.append(
                f"{_signed(moved, 'escalations a week')} "
                f"({catalog.show('escalated_per_week', was.escalated_per_week)} → "
                f"{catalog.show('escalated_per_week', now.escalated_per_week)})"
            )
    if was.wait_hours_per_week is not None and now.wait_hours_per_week is not None:
        days_was, days_now = was.wait_hours_per_week / 24, now.wait_hours_per_week / 24
        if round(days_now - days_was, 1):
            said.append(
                f"{_signed(round(days_now - days_was, 1), 'days of customer wait a week')} "
                f"({number(round(days_was, 1))} → {number(round(days_now, 1))})"
            )
    if was.unreachable_per_week and now.unreachable_per_week is not None:
        moved = round(now.unreachable_per_week - was.unreachable_per_week)
        if moved:
            said.append(f"{_signed(moved, 'requests a week no one could decide')}")
    if (
        was.expected_hops is not None
        and now.expected_hops is not None
        and round(now.expected_hops - was.expected_hops, 2)
    ):
        said.append(
            f"expected hops {catalog.show('expected_hops', was.expected_hops)} → {catalog.show('expected_hops', now.expected_hops)}"
        )
    return said
