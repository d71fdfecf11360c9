"""Figure builders: where things are drawn, in which colour and structure, and that text stays text."""

import html
import itertools
import json
import math
import re
from dataclasses import replace

import plotly.graph_objects as go
import pytest

from orgcharts import load_text
from orgcharts.collapse import visible
from orgcharts.figures import (
    HALF_SCREEN,
    HOP_COLOURS,
    NEUTRAL_COLOUR,
    PROJECTOR,
    READABLE_PX_PER_UNIT,
    SCREEN,
    TRACE_CUSTOMERS,
    TRACE_DOTTED,
    TRACE_EDGES,
    TRACE_PATH,
    TRACE_ROLES,
    UNREACHABLE_COLOUR,
    WEBGL_FROM,
    label_room,
    legend_entries,
    org_figure,
    reporting_lines,
    role_label,
    role_positions,
    wrap,
)
from orgcharts.graph import reporting_tree
from orgcharts.layout import tidy_tree
from orgcharts.loader import example_names, example_text
from orgcharts.metrics import escalations
from tests.fixtures.orgs import HAND_CHECKED

ORG = load_text(HAND_CHECKED).org
TREE = reporting_tree(ORG)
LAYOUT = tidy_tree(ORG, TREE)


def build(decision="refund", amount=None, **options):
    found = escalations(ORG, TREE, decision, amount) if decision else []
    return org_figure(ORG, LAYOUT, found, decision=decision, amount=amount, **options)


def roles_by_id(figure):
    trace = figure.data[TRACE_ROLES]
    return {
        role: {"x": x, "y": y, "colour": colour, "symbol": symbol, "opacity": opacity}
        for role, x, y, colour, symbol, opacity in zip(
            trace.customdata,
            trace.x,
            trace.y,
            trace.marker.color,
            trace.marker.symbol,
            trace.marker.opacity,
            strict=True,
        )
    }


def test_inverted_view_puts_every_customer_above_every_role():
    figure = build(view="inverted")
    customers = figure.data[TRACE_CUSTOMERS]
    assert list(customers.customdata) == ["segment:walkin", "segment:phone", "segment:business"]
    assert min(customers.y) > max(figure.data[TRACE_ROLES].y)
    roles = roles_by_id(figure)
    assert roles["top"]["y"] == min(role["y"] for role in roles.values()), "the top role holds up the chart"
    assert roles["clerk"]["y"] == max(role["y"] for role in roles.values())


def test_conventional_view_has_no_customers_and_the_top_role_on_top():
    figure = build(view="conventional")
    assert len(figure.data[TRACE_CUSTOMERS].x) == 0
    roles = roles_by_id(figure)
    assert roles["top"]["y"] == max(role["y"] for role in roles.values())


def test_flip_moves_nodes_only_vertically_and_keeps_the_traces():
    conventional, inverted = build(view="conventional"), build(view="inverted")
    assert len(conventional.data) == len(inverted.data), "same traces: the browser can animate between them"
    before, after = roles_by_id(conventional), roles_by_id(inverted)
    assert all(before[role]["x"] == after[role]["x"] for role in before)
    assert before["top"]["y"] > before["clerk"]["y"] and after["top"]["y"] < after["clerk"]["y"]


def test_colours_follow_hops_and_shapes_mark_authority():
    roles = roles_by_id(build("refund", 50))
    assert roles["clerk"]["colour"] == HOP_COLOURS[1]  # store_mgr decides 50: one hop
    assert roles["desk"]["colour"] == HOP_COLOURS[1]
    assert roles["rep"]["colour"] == HOP_COLOURS[2]
    assert roles["ops"]["colour"] == NEUTRAL_COLOUR, "only customer-facing roles carry a hop colour"
    assert {role for role, shown in roles.items() if shown["symbol"] == "diamond"} == {"top", "ops", "store_mgr"}
    assert roles["clerk"]["symbol"] == "square", "a limit of 20 does not cover 50"


def test_unreachable_roles_stand_out():
    roles = roles_by_id(build("exception"))
    assert roles["rep"]["colour"] == UNREACHABLE_COLOUR and roles["rep"]["symbol"] == "x"
    assert roles["clerk"]["colour"] == HOP_COLOURS[2]


def test_segment_filter_greys_other_roles():
    roles = roles_by_id(build("refund", segment="business"))
    assert roles["rep"]["colour"] == HOP_COLOURS[2]
    assert roles["clerk"]["colour"] == NEUTRAL_COLOUR


def test_selection_lights_the_path_and_dims_the_rest():
    figure = build("refund", 50, view="inverted", selected="clerk")
    roles = roles_by_id(figure)
    assert roles["clerk"]["opacity"] == 1 and roles["store_mgr"]["opacity"] == 1
    assert roles["ops"]["opacity"] < 0.5 and roles["rep"]["opacity"] < 0.5
    path = figure.data[TRACE_PATH]
    assert sum(math.isnan(x) for x in path.x) == 2, "one line from the customer, one elbow up the chain"


def test_no_decision_still_draws_the_org():
    figure = build(decision=None)
    assert set(roles_by_id(figure)[role]["colour"] for role in ("clerk", "top")) == {NEUTRAL_COLOUR}
    assert [trace.name for trace in figure.data if trace.showlegend] == ["not customer-facing"]


def test_a_figure_without_its_legend_leaves_the_key_to_the_page_and_every_trace_in_place():
    with_key, without = build(), build(legend=False)
    assert [trace.name for trace in with_key.data if trace.showlegend] == [
        label for label, _, _ in legend_entries(True)
    ]
    assert with_key.layout.showlegend is True and without.layout.showlegend is False
    assert [trace.uid for trace in without.data] == [trace.uid for trace in with_key.data][: TRACE_DOTTED + 1]
    assert [(entry[1], entry[2]) for entry in legend_entries(True)][-3:] == [
        (UNREACHABLE_COLOUR, "x"),
        ("#ffffff", "diamond"),
        (NEUTRAL_COLOUR, "square"),
    ]


def lines_of(xs, ys):
    """The straight lines of a lines trace: consecutive points between its breaks (None or NaN)."""
    lines, run = [], []
    for x, y in [*zip(xs, ys, strict=True), (None, None)]:
        if x is None or math.isnan(x):
            lines.extend(itertools.pairwise(run))
            run = []
        else:
            run.append((x, y))
    return lines


def cover(lines):
    """Axis-parallel lines merged into maximal intervals, by the line they lie on."""
    spans = {}
    for (x0, y0), (x1, y1) in lines:
        assert x0 == x1 or y0 == y1, "connectors run straight down or across"
        key = ("x", x0) if x0 == x1 else ("y", y0)
        low, high = sorted((y0, y1) if x0 == x1 else (x0, x1))
        spans.setdefault(key, []).append((low, high))
    merged = {}
    for key, intervals in spans.items():
        merged[key] = []
        for low, high in sorted(intervals):
            if merged[key] and low <= merged[key][-1][1]:
                merged[key][-1] = (merged[key][-1][0], max(merged[key][-1][1], high))
            else:
                merged[key].append((low, high))
    return merged


def elbows(org, where):
    """Each reporting line as an elbow: down from the manager, across, down into the report."""
    lines = []
    for role in org.roles:
        if role.reports_to is not None:
            (x0, y0), (x1, y1) = where[role.reports_to], where[role.id]
            middle = (y0 + y1) / 2
            lines += [((x0, y0), (x0, middle)), ((x0, middle), (x1, middle)), ((x1, middle), (x1, y1))]
    return [line for line in lines if line[0] != line[1]]


WIDE_TEAM = "organization: W\ncustomers: [{id: c, name: C}]\nroles:\n  - {id: top, title: Top}\n" + "".join(
    f"  - {{id: m{m}, title: M{m}, reports_to: top}}\n"
    + "".join(f"  - {{id: a{m}_{i}, title: A, reports_to: m{m}, serves: [c]}}\n" for i in range(3 + 4 * m))
    for m in range(3)
)


@pytest.mark.parametrize("text", [HAND_CHECKED, WIDE_TEAM], ids=["hand-checked", "stacked teams"])
@pytest.mark.parametrize("view", ["conventional", "inverted"])
def test_reporting_lines_draw_exactly_the_elbows_with_fewer_segments(text, view):
    org = load_text(text).org
    where = role_positions(tidy_tree(org, reporting_tree(org)), view)
    drawn = lines_of(*reporting_lines(org.roles, where))
    assert cover(drawn) == cover(elbows(org, where)), "the same ink as one elbow per reporting line"
    assert len(drawn) < 2 * (len(org.roles) - 1)


def test_edges_trace_draws_the_reporting_lines_in_either_view():
    for view in ("conventional", "inverted"):
        edges = build(view=view).data[TRACE_EDGES]
        expected = reporting_lines([ORG.role(role) for role in LAYOUT.x], role_positions(LAYOUT, view))
        assert lines_of(edges.x, edges.y) == lines_of(*expected)


def test_labels_escape_html_and_wrap():
    text = 'organization: X\ncustomers: [{id: c, name: C}]\nroles:\n  - {id: a, title: "<b>Big</b> & <script>x</script> boss", name: "<i>Eve</i>", headcount: 1200}\n'
    role = load_text(text).org.role("a")
    label = role_label(role, 12)
    assert "<b>" not in label and "<script>" not in label and "&lt;b&gt;Big&lt;/b&gt;" in label
    assert label.endswith("×1,200")
    assert "&lt;i&gt;Eve&lt;/i&gt;" in label


@pytest.mark.parametrize("present", [False, True])
def test_projector_figure_uses_large_type(present):
    figure = build(scale=PROJECTOR if present else SCREEN)
    size = figure.data[TRACE_ROLES].textfont.size
    assert (size >= 18) == present


@pytest.mark.parametrize(
    "options",
    [
        {"view": "inverted", "selected": "clerk"},
        {"view": "conventional", "scale": PROJECTOR, "amount": 150},
        {"view": "inverted", "segment": "walkin", "decision": "exception"},
        {"view": "conventional", "decision": None},
    ],
)
def test_figures_built_without_plotlys_checks_pass_them(options):
    """The per-role traces skip Plotly's element-by-element validation (PER_ROLE); building
    the same figure again with validation on must accept it and change nothing."""
    figure = build(**options)
    checked = go.Figure(figure.to_dict())
    assert json.loads(checked.to_json()) == json.loads(figure.to_json())


def test_a_webgl_figure_built_without_plotlys_checks_passes_them():
    from orgcharts.examples.generate import generate

    big = load_text(generate(WEBGL_FROM + 500, seed=5)).org
    tree = reporting_tree(big)
    figure = org_figure(
        big, tidy_tree(big, tree), escalations(big, tree, big.decisions[0].id), decision=big.decisions[0].id
    )
    assert [figure.data[i].type for i in (TRACE_EDGES, TRACE_ROLES)] == ["scattergl", "scattergl"]
    assert json.loads(go.Figure(figure.to_dict()).to_json()) == json.loads(figure.to_json())


def generated_opening(size, view="inverted"):
    """The chart a generated org of ``size`` roles opens on (top levels, collapsed rollups)."""
    from orgcharts.examples.generate import generate
    from orgcharts.web import drawing
    from orgcharts.web.session import Computations, Controls

    computations = Computations()

    text = generate(size)
    structure = computations.structure(text, "generated.yaml")
    decision = structure.org.decisions[0].id
    measured = computations.analysis(structure, (), decision, None, None)
    controls = Controls(view=view, decision=decision)
    figure = drawing.chart(
        computations, measured.org, structure, measured.by_role, controls, "", totals=measured.totals
    )
    return structure, figure.data[TRACE_ROLES]


def test_labels_that_would_run_into_their_neighbours_wait_for_the_zoom():
    structure, roles = generated_opening(20_000)
    layout = tidy_tree(structure.org, structure.tree, [c.removeprefix("expand:") for c in roles.customdata])
    rows = {}
    for role_id, text in zip(roles.customdata, roles.text, strict=True):
        role_id = role_id.removeprefix("expand:")
        rows.setdefault(layout.row[role_id], []).append((layout.x[role_id], text))
    room_px = SCREEN.plot_width_px / (layout.width + 2.4)
    for row in rows.values():
        row.sort()
        for (x0, left), (x1, right) in itertools.pairwise(row):
            if left and right:
                widest = max(len(line) for label in (left, right) for line in label.split("<br>"))
                assert (x1 - x0) * room_px >= widest * SCREEN.font * 0.55, "labelled neighbours do not collide"
    assert 0 < sum(bool(text) for text in roles.text) < len(roles.text), "some labels fit, the crowded ones wait"
    assert roles.meta["labels"] == "fit" and roles.meta["readable_px_per_unit"] == READABLE_PX_PER_UNIT
    assert all(roles.meta["zoomed_text"]), "zoomed in, every role has its label"
    assert roles.mode == "markers+text"


def shown_lines(label):
    """A label's lines as they read on the chart: tags gone, entities decoded."""
    return [html.unescape(re.sub(r"</?i>", "", line)) for line in label.split("<br>")] if label else []


@pytest.mark.parametrize("scale", [SCREEN, PROJECTOR, HALF_SCREEN], ids=["screen", "projector", "half"])
@pytest.mark.parametrize("example", example_names())
def test_the_labels_of_every_example_keep_to_their_room_on_every_screen(example, scale):
    """No two labels of a row meet (by the width the figure reckons a character takes), and
    none is taller than the rows leave room for: the chart an executive or a room first sees."""
    from orgcharts.web import drawing
    from orgcharts.web.session import Computations, Controls

    computations = Computations()

    structure = computations.structure(example_text(example), f"{example}.yaml")
    decision = structure.org.decisions[0].id
    measured = computations.analysis(structure, (), decision, None, None)
    controls = Controls(view="inverted", decision=decision)
    roles = drawing.chart(computations, measured.org, structure, measured.by_role, controls, "", scale=scale).data[
        TRACE_ROLES
    ]
    layout = tidy_tree(structure.org, structure.tree)
    room = label_room(layout)
    char_px = scale.font * 0.55
    px_per_unit = scale.plot_width_px / (layout.width + 2.4)
    rows = {}
    for role_id, label in zip(roles.customdata, roles.text, strict=True):
        lines = shown_lines(label)
        assert len(lines) <= scale.label_lines, label
        widest = max(map(len, lines), default=0)
        assert widest * char_px <= room[role_id] * 0.92 * px_per_unit, f"{role_id}: {label}"
        rows.setdefault(layout.row[role_id], []).append((layout.x[role_id], widest))
    for row in rows.values():
        row.sort()
        for (x0, left), (x1, right) in itertools.pairwise(row):
            assert (left + right) / 2 * char_px <= (x1 - x0) * px_per_unit, "neighbours' labels never meet"
    labelled = sum(bool(label) for label in roles.text)
    assert labelled >= (len(roles.text) // 2 if scale.every_label else 1), "most roles keep a label"


def test_wrapping_keeps_whole_words_and_marks_what_it_cuts():
    assert wrap("Store Manager, Lakeside Mall", 8, 3) == ["Store", "Manager,", "Lakesid…"]
    assert wrap("Retention Specialist", 8, 2) == ["Retenti…", "Special…"]
    assert wrap("Retention Specialist", 6, 2, overhang=3) == ["Retention", "Speciali…"]
    assert wrap("VP Retail Stores", 20, 3) == ["VP Retail Stores"]
    assert wrap("Chief Executive Officer", 9, 2) == ["Chief", "Executiv…"]


def test_a_collapsed_nodes_totals_are_wrapped_under_its_title_or_kept_for_the_zoom():
    _, roles = generated_opening(20_000)
    for role_id, zoomed in zip(roles.customdata, roles.meta["zoomed_text"], strict=True):
        if role_id.startswith("expand:"):
            assert "roles" in zoomed, "the totals are in the zoomed-in label"
            assert zoomed.split("<br>")[-1].endswith(("hop", "hops", "people", "…", "decide"))
            assert all(len(line) <= 24 + 3 for line in zoomed.split("<br>")), "wrapped, not one long line"
    shown = visible(ORG, TREE, 2)
    layout = tidy_tree(ORG, TREE, shown.roles)
    small = org_figure(ORG, layout, [], decision=None, rollups=shown.rollups).data[TRACE_ROLES]
    at = {(layout.x[role], layout.row[role]) for role in layout.x}
    for role_id, text in zip(small.customdata, small.text, strict=True):
        role = role_id.removeprefix("expand:")
        hemmed_in = (layout.x[role], layout.row[role] - 1) in at or (layout.x[role], layout.row[role] + 1) in at
        if role_id.startswith("expand:") and not hemmed_in:
            _, *totals = text.split("<br>+")
            assert totals and 1 <= len(("+" + totals[0]).split("<br>")) <= 2, text
        elif role_id.startswith("expand:"):
            assert "roles" not in text, "no room between two nodes: the totals wait for the hover or the zoom"


def test_printed_and_crowded_charts_keep_their_label_rules():
    big = tidy_tree(ORG, TREE)
    printed = org_figure(ORG, big, [], decision=None, scale=replace(SCREEN, labels_on_zoom=False)).data[TRACE_ROLES]
    assert all(printed.text) and printed.meta == {"labels": "always", "other": printed.meta["other"]}
    _, crowded = generated_opening(3_000)
    assert crowded.mode == "markers" or len(crowded.customdata) <= 300
