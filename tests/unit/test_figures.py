"""Figure builders: cards where the card layout puts them, chips in the hop colours, authority
in words, the lit path under the cards, text escaped and never smaller than its medium's."""

import json
import math

import plotly.graph_objects as go
import pytest
from plotly.io.json import to_json_plotly

from orgcharts import load_text
from orgcharts.cards import PROJECTOR_TEXT, SCREEN_TEXT
from orgcharts.collapse import subtree_totals, visible
from orgcharts.figureframe import PAD, SLIVER, ranges, title_margin
from orgcharts.figures import (
    CHIP_TRACES,
    HOP_COLOURS,
    KINDS,
    PROJECTOR,
    SCREEN,
    TRACE_CARDS,
    TRACE_CHIP_TEXT,
    TRACE_CHIPS,
    TRACE_CUSTOMERS,
    TRACE_DIMMED,
    TRACE_EDGES,
    TRACE_LIT,
    TRACE_PATH,
    TRACE_ROLES,
    TRACE_SEGMENT_CARDS,
    UNREACHABLE_COLOUR,
    org_figure,
    org_figure_parts,
)
from orgcharts.fitting import chart_cards
from orgcharts.graph import reporting_tree
from orgcharts.loader import example_names, example_text
from orgcharts.metrics import escalations
from orgcharts.style import DIM_TEXT_COLOUR, NEUTRAL_COLOUR, TEXT_COLOUR
from orgcharts.textsize import text_width
from tests.fixtures.orgs import HAND_CHECKED

ORG = load_text(HAND_CHECKED).org
TREE = reporting_tree(ORG)


def build(decision="refund", amount=None, **options):
    found = escalations(ORG, TREE, decision, amount) if decision else []
    return org_figure(ORG, TREE, found, decision=decision, amount=amount, **options)


def roles_by_id(figure):
    trace = figure.data[TRACE_ROLES]
    return {
        hit[0]: {"x": x, "y": y, "text": text, "colour": colour, "kind": hit[1]}
        for hit, x, y, text, colour in zip(
            trace.customdata, trace.x, trace.y, trace.text, trace.textfont.color, strict=True
        )
    }


def chips_by_colour(figure):
    """Each chip's text, by the colour of its chip's trace."""
    trace = figure.data[TRACE_CHIP_TEXT]
    colours = [figure.data[TRACE_CHIPS + index].fillcolor for index in range(CHIP_TRACES)]
    boxes = [sum(math.isnan(x) for x in figure.data[TRACE_CHIPS + index].x) for index in range(CHIP_TRACES)]
    return dict(zip(colours, boxes, strict=True)), list(trace.text)


def test_inverted_view_puts_every_customer_above_every_role():
    figure = build(view="inverted")
    customers = figure.data[TRACE_CUSTOMERS]
    assert [hit for hit in customers.customdata] == [[s, "segment"] for s in ("walkin", "phone", "business")]
    assert min(customers.y) > max(figure.data[TRACE_ROLES].y)
    roles = roles_by_id(figure)
    assert roles["top"]["y"] == min(role["y"] for role in roles.values()), "the top role holds up the chart"
    assert sum(math.isnan(x) for x in figure.data[TRACE_SEGMENT_CARDS].x) == 3, "a card per segment"


def test_conventional_view_has_no_customers_and_the_top_role_on_top():
    figure = build(view="conventional")
    assert len(figure.data[TRACE_CUSTOMERS].x) == 0 and len(figure.data[TRACE_SEGMENT_CARDS].x) == 0
    roles = roles_by_id(figure)
    assert roles["top"]["y"] == max(role["y"] for role in roles.values())
    top_of_chart = figure.layout.yaxis.range[1]
    assert top_of_chart - roles["top"]["y"] < 80, "no empty band above the top role"


def test_both_views_carry_the_same_traces_and_each_others_geometry():
    conventional, inverted = build(view="conventional"), build(view="inverted")
    assert [t.uid for t in conventional.data] == [t.uid for t in inverted.data], "the browser animates between them"
    for mine, theirs in zip(conventional.data, inverted.data, strict=True):
        assert list(mine.meta["other"]["y"]) == pytest.approx(list(theirs.y), nan_ok=True)
    assert conventional.layout.meta["other_ranges"]["y"] == list(inverted.layout.yaxis.range)


def test_chips_follow_hops_and_authority_is_said_in_words():
    figure = build("refund", 50)
    roles = roles_by_id(figure)
    assert "decides up to 100 EUR" in roles["store_mgr"]["text"]
    assert "decides any amount" in roles["top"]["text"]
    assert "decides up to 20 EUR" in roles["clerk"]["text"], "its limit is said, though it does not cover 50"
    boxes, texts = chips_by_colour(figure)
    assert boxes[HOP_COLOURS[1]] == 2 and boxes[HOP_COLOURS[2]] == 1, "clerk and desk one hop, rep two"
    assert sorted(texts) == ["<b>1 hop</b>", "<b>1 hop</b>", "<b>2 hops</b>"]
    assert "hop" not in roles["ops"]["text"], "only customer-facing roles carry a chip"


def test_no_one_can_decide_is_said_on_a_dark_chip():
    boxes, texts = chips_by_colour(build("exception"))
    assert boxes[UNREACHABLE_COLOUR] == 1 and any("no one" in text for text in texts)


def test_segment_filter_greys_the_chips_of_other_roles():
    boxes, _ = chips_by_colour(build("refund", segment="business"))
    assert boxes[NEUTRAL_COLOUR] == 2 and boxes[HOP_COLOURS[2]] == 1


def test_selection_lights_the_path_under_the_cards_and_dims_the_rest_text_included():
    figure = build("refund", 50, view="inverted", selected="clerk")
    roles = roles_by_id(figure)
    assert roles["clerk"]["colour"] == TEXT_COLOUR and roles["store_mgr"]["colour"] == TEXT_COLOUR
    assert roles["ops"]["colour"] == DIM_TEXT_COLOUR and roles["rep"]["colour"] == DIM_TEXT_COLOUR
    boxes, _ = chips_by_colour(figure)
    assert boxes[NEUTRAL_COLOUR] == 0, "a dimmed role keeps its hop colour: the room sees who else is far"
    assert sum(math.isnan(x) for x in figure.data[TRACE_LIT].x) == 2, "clerk and store manager emphasised"
    assert sum(math.isnan(x) for x in figure.data[TRACE_DIMMED].x) == len(ORG.roles) - 2
    path = figure.data[TRACE_PATH]
    assert sum(math.isnan(x) for x in path.x) == 2, "one line from the customer, one elbow up the chain"
    assert TRACE_EDGES < TRACE_PATH < TRACE_CARDS < TRACE_ROLES, "lines under the cards, text on top"


def test_a_role_found_that_faces_no_customer_is_marked_and_brought_into_view():
    figure = build("refund", view="conventional", selected="hr", focus="hr")
    assert sum(math.isnan(x) for x in figure.data[TRACE_LIT].x) == 1
    x, y = roles_by_id(figure)["hr"]["x"], roles_by_id(figure)["hr"]["y"]
    (x0, x1), (y0, y1) = figure.layout.xaxis.range, figure.layout.yaxis.range
    assert x0 < x < x1 and y0 < y < y1


@pytest.mark.parametrize("view", ["inverted", "conventional"])
def test_a_role_selected_is_brought_into_view_and_one_in_view_never_moves_the_chart(view):
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    found = escalations(telecom, tree, "refund", 200)

    def opened(selected=None):
        figure = org_figure(
            telecom, tree, found, decision="refund", view=view, selected=selected, focus=selected, area=(900, 500)
        )
        roles = figure.data[TRACE_ROLES]
        at = {hit[0]: (x, y) for hit, x, y in zip(roles.customdata, roles.x, roles.y, strict=True)}
        return at, (tuple(figure.layout.xaxis.range), tuple(figure.layout.yaxis.range))

    at, plain = opened()
    (x0, x1), (y0, y1) = plain
    inside = [role for role, (x, y) in at.items() if x0 + 150 < x < x1 - 150 and y0 + 100 < y < y1 - 100]
    outside = [role for role, (x, y) in at.items() if x > x1 + 200 and y0 + 100 < y < y1 - 100]
    assert inside and outside, "the chart is wider than the plot, with roles on and off it"
    assert opened(inside[0])[1] == plain, f"{inside[0]} was in view: the chart stays where it opened"
    moved = opened(outside[-1])[1]
    assert moved[0][0] < at[outside[-1]][0] < moved[0][1], f"{outside[-1]} is brought into view"


def test_text_is_escaped_and_a_quote_shows_as_written():
    text = (
        "organization: X\ncustomers: [{id: c, name: C}]\nroles:\n"
        '  - {id: a, title: \'<b>Big</b> & "boss"\', name: "<i>Eve</i>", headcount: 1200}\n'
    )
    org = load_text(text).org
    label = roles_by_id(org_figure(org, reporting_tree(org), [], decision=None))["a"]["text"]
    assert '&lt;b&gt;Big&lt;/b&gt; &amp; "boss"' in label and "&quot;" not in label
    assert "&lt;i&gt;Eve&lt;/i&gt;" in label and "1,200 people" in label


@pytest.mark.parametrize(("scale", "smallest"), [(SCREEN, 13), (PROJECTOR, 18)], ids=["screen", "projector"])
def test_no_text_is_smaller_than_the_medium_allows(scale, smallest):
    figure = build(scale=scale, view="inverted")
    for index in (TRACE_ROLES, TRACE_CHIP_TEXT, TRACE_CUSTOMERS):
        assert min(figure.data[index].textfont.size) >= smallest


def test_the_axes_open_at_one_unit_per_pixel_of_the_plot_area():
    figure = build(area=(1500, 800))
    (x0, x1), (y0, y1) = figure.layout.xaxis.range, figure.layout.yaxis.range
    margin = figure.layout.margin
    assert x1 - x0 == pytest.approx(1500 - margin.l - margin.r)
    assert y1 - y0 == pytest.approx(800 - margin.t - margin.b)
    assert figure.layout.yaxis.scaleanchor == "x"


def test_clicks_carry_ids_and_kinds_and_collapsed_roles_say_so():
    found = escalations(ORG, TREE, "refund")
    shown = visible(ORG, TREE, 2, totals=subtree_totals(ORG, TREE, found))
    figure = org_figure(ORG, TREE, found, decision="refund", shown=shown)
    kinds = {role: shown_role["kind"] for role, shown_role in roles_by_id(figure).items()}
    assert kinds["top"] == "role" and kinds["ops"] == "collapsed" and set(kinds.values()) <= set(KINDS)
    assert "▸ +" in roles_by_id(figure)["ops"]["text"]


@pytest.mark.parametrize("example", example_names())
@pytest.mark.parametrize("view", ["conventional", "inverted"])
@pytest.mark.parametrize("size", [SCREEN_TEXT, PROJECTOR_TEXT], ids=["screen", "projector"])
def test_every_examples_text_fits_its_cards_and_no_cards_overlap(example, view, size):
    org = load_text(example_text(example)).org
    tree = reporting_tree(org)
    placed = chart_cards(org, tree, view, size=size)
    for card in placed.cards.values():
        assert all(text_width(line.text, line.px, line.style) <= card.width for line in card.lines)
        assert not any(line.text.endswith("…") for line in card.lines)
    boxes = sorted((placed.layout.box(r) for r in placed.cards), key=lambda b: b.left)
    for index, box in enumerate(boxes):
        for other in boxes[index + 1 :]:
            if other.left >= box.right:
                break
            assert other.top >= box.bottom or other.bottom <= box.top, "cards never overlap"


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
    """The traces skip Plotly's element-by-element validation (``figureparts.UNCHECKED``);
    building the same figure again with validation on must accept it and change nothing."""
    figure = build(**options)
    checked = go.Figure(figure.to_dict())
    assert json.loads(checked.to_json()) == json.loads(figure.to_json())


@pytest.mark.parametrize(
    "options",
    [
        {"view": "inverted", "selected": "clerk"},
        {"view": "conventional", "scale": PROJECTOR, "amount": 150},
        {"view": "inverted", "decision": None},
    ],
)
def test_the_dashboards_figure_is_the_plotly_figures_json(options):
    """What the dashboard sends (``FigureParts.for_browser``, no Plotly object) encodes to
    exactly the JSON Dash writes for the Plotly figure: coordinates as the same typed
    arrays, the same template, uids kept."""
    decision = options.pop("decision", "refund")
    found = escalations(ORG, TREE, decision, options.get("amount")) if decision else []
    parts = org_figure_parts(ORG, TREE, found, decision=decision, **options)
    sent = json.loads(to_json_plotly(parts.for_browser()))
    assert sent == json.loads(to_json_plotly(parts.figure()))
    assert sent["data"][TRACE_EDGES]["x"]["dtype"] == "f4", "a typed array, not a list of numbers"
    assert sent["data"][TRACE_EDGES]["meta"]["other"]["x"]["dtype"] == "f4"
    again = json.loads(to_json_plotly(parts.for_browser()))
    assert again == sent, "sending a figure changes none of its parts"


def test_a_big_org_is_drawn_with_one_kind_of_trace_whatever_its_size():
    """Switching a drawn SVG chart to WebGL fails in the browser: one kind, always."""
    from orgcharts.examples.generate import generate

    big = load_text(generate(2_500, seed=5)).org
    tree = reporting_tree(big)
    figure = org_figure(big, tree, escalations(big, tree, big.decisions[0].id), decision=big.decisions[0].id)
    assert {trace.type for trace in figure.data} == {"scatter"}
    assert len(figure.data[TRACE_ROLES].x) == len(big.roles)


def test_the_title_always_says_the_amount_measured_at():
    from orgcharts.loader import load_example

    telecom = load_example("telecom").org
    tree = reporting_tree(telecom)

    def title(amount, decision="refund"):
        found = escalations(telecom, tree, decision, amount)
        return org_figure(telecom, tree, found, decision=decision, amount=amount, view="inverted").layout.title.text

    assert title(200) == "Northwind Mobile · Refund or bill credit of 200 USD (typical amount) · customers on top"
    assert title(400) == "Northwind Mobile · Refund or bill credit of 400 USD · customers on top"
    assert title(None) == (
        "Northwind Mobile · Refund or bill credit of any amount, however small (limits ignored) · customers on top"
    )


@pytest.mark.parametrize("view", ["inverted", "conventional"])
@pytest.mark.parametrize("plot_width", [700, 900, 1134])
def test_a_chart_wider_than_its_plot_opens_with_no_card_cut_at_its_left_edge(view, plot_width):
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    placed = chart_cards(telecom, tree, view, escalations(telecom, tree, "refund", 200), "refund").layout
    width = placed.extent[0]
    assert width > plot_width
    for focus in (None, *sorted(placed.x)[::7]):
        (x0, x1), (y0, y1) = ranges(placed, width, 120, (plot_width, 500), focus).values()
        in_sight = [r for r in placed.x if -y1 < placed.top[r] + placed.height[r] and placed.top[r] < -y0]
        if focus is not None:  # a role found keeps room around it first, then the top row in sight stays whole
            in_sight = [r for r in in_sight if placed.band[r] == min(placed.band[r] for r in in_sight)]
        cut = [r for r in in_sight if placed.x[r] - placed.width[r] / 2 < x0 < placed.x[r] + placed.width[r] / 2]
        assert not cut, f"{cut} cut at the left edge (focus {focus})"
        if focus is not None:
            assert x0 <= placed.x[focus] - placed.width[focus] / 2 <= placed.x[focus] + placed.width[focus] / 2 <= x1


@pytest.mark.parametrize("plot_width", [1250, 1890])
def test_the_front_line_opens_with_no_card_cut_at_either_edge_where_the_plot_allows(plot_width):
    """Telecom's front line at these widths: a left edge exists that cuts none of its cards at
    either edge (checked by hand from the cards' edges); the opening takes it."""
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    placed = chart_cards(telecom, tree, "inverted", escalations(telecom, tree, "refund", 200), "refund").layout
    (x0, x1), _ = ranges(placed, placed.extent[0], 120, (plot_width, 500), None).values()
    front = [r for r in placed.x if placed.band[r] == min(placed.band.values())]
    cut = [
        r
        for r in front
        for edge in (x0, x1)
        if placed.x[r] - placed.width[r] / 2 < edge < placed.x[r] + placed.width[r] / 2
    ]
    assert not cut


def test_the_customer_on_top_view_opens_on_its_first_segment_and_the_top_role_where_both_fit():
    """A chart wider than its plot opens on its leftmost customer segment; where the top role's
    card (at the bottom) fits in the same width, it is in view too, whole, so the opening shows
    the chain from the customers down to the top (the d3-org-chart sample opened with its
    bottom bands empty, the top role off to the right)."""
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    placed = chart_cards(telecom, tree, "inverted", escalations(telecom, tree, "refund", 200), "refund").layout
    top = next(r for r in placed.x if placed.band[r] == max(placed.band.values()))
    first = min(placed.customers.values(), key=lambda box: box.left)
    top_left, top_right = placed.x[top] - placed.width[top] / 2, placed.x[top] + placed.width[top] / 2
    together = max(first.right, top_right) - min(first.left, top_left) + 2 * PAD
    widths = [w for w in range(600, int(placed.extent[0]), 50) if w >= together]
    assert widths, "no plot width in this range holds both"
    for plot_width in widths:
        (x0, x1), _ = ranges(placed, placed.extent[0], 120, (plot_width, 500), None).values()
        assert x0 <= first.left and first.right <= x1, plot_width
        assert x0 <= top_left and top_right <= x1, plot_width


@pytest.mark.parametrize("plot_width", [920, 950, 960])
def test_a_role_brought_into_view_opens_whole_under_a_front_line_and_segments_uncut(plot_width):
    """Telecom with the Denver care agent in focus (the role a what-if changed, in Compare): at
    these widths a left edge keeps it whole and cuts no front-line card and no customer segment
    at either edge (the old opening kept it a sixth of the width in first, and cut a segment)."""
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    placed = chart_cards(telecom, tree, "inverted", escalations(telecom, tree, "refund", 200), "refund").layout
    (x0, x1), _ = ranges(placed, placed.extent[0], 120, (plot_width, 380), "agent_denver").values()
    front = [
        (placed.x[r] - placed.width[r] / 2, placed.x[r] + placed.width[r] / 2)
        for r in placed.x
        if placed.band[r] == min(placed.band.values())
    ]
    segments = [(box.left, box.right) for box in placed.customers.values()]
    assert not [(a, b) for a, b in front + segments for edge in (x0, x1) if a < edge < b]
    assert x0 <= placed.x["agent_denver"] - placed.width["agent_denver"] / 2
    assert placed.x["agent_denver"] + placed.width["agent_denver"] / 2 <= x1


@pytest.mark.parametrize("view", ["inverted", "conventional"])
def test_the_opening_shows_no_sliver_of_a_row_at_the_bottom_edge(view):
    """At every plot height, a card the bottom edge cuts shows more than a sliver of itself
    (the opening moves down, a little more white on top, rather than show the tops of a row
    of titles), and the white above the chart stays under PAD + SLIVER."""
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    placed = chart_cards(telecom, tree, view, escalations(telecom, tree, "refund", 200), "refund").layout
    for height in range(300, 800, 10):
        _, (y0, y1) = ranges(placed, placed.extent[0], 120, (1250, height), None).values()
        shown = [-y0 - placed.top[r] for r in placed.x if placed.top[r] < -y0 < placed.top[r] + placed.height[r]]
        assert all(part > SLIVER - PAD / 2 for part in shown), (height, shown)
        assert PAD <= y1 <= PAD + SLIVER


def test_a_title_too_wide_for_its_plot_is_broken_between_its_parts_and_the_margin_holds_it():
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    found = escalations(telecom, tree, "refund", 200)
    wide, narrow = (
        org_figure(telecom, tree, found, decision="refund", amount=200, view="inverted", scale=SCREEN, area=area)
        for area in ((1500, 700), (560, 500))
    )
    assert (
        wide.layout.title.text
        == "Northwind Mobile · Refund or bill credit of 200 USD (typical amount) · customers on top"
    )
    assert (
        narrow.layout.title.text
        == "Northwind Mobile<br>Refund or bill credit of 200 USD (typical amount)<br>customers on top"
    )
    assert (
        narrow.layout.meta["other_title"]
        == "Northwind Mobile<br>Refund or bill credit of 200 USD (typical amount)<br>conventional"
    )
    for line in narrow.layout.title.text.split("<br>"):
        assert text_width(line, SCREEN.title_font) <= 560 - 16 - 48
    assert narrow.layout.margin.t - wide.layout.margin.t == round(2 * SCREEN.title_font * 1.3)


def test_in_projector_mode_the_chart_has_no_title_the_page_says_what_it_would():
    """The projector's page names the org in big type over the tiles, and the decision and
    amount under them (``web.workshop``): the chart's own title would say them again, so it
    has none, and its top margin is the bottom's, kept for the cards."""
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    found = escalations(telecom, tree, "refund", 200)
    projected = org_figure(
        telecom, tree, found, decision="refund", amount=200, view="inverted", scale=PROJECTOR, area=(1264, 400)
    )
    assert projected.layout.title.text == "" and projected.layout.meta["other_title"] == ""
    assert projected.layout.margin.t == projected.layout.margin.b == 8
    on_screen = org_figure(telecom, tree, found, decision="refund", amount=200, view="inverted", area=(1264, 400))
    assert (
        on_screen.layout.title.text
        == "Northwind Mobile · Refund or bill credit of 200 USD (typical amount) · customers on top"
    )
    assert on_screen.layout.margin.t == title_margin(SCREEN, 1)


@pytest.mark.parametrize("plot_width", [840, 920, 1250])
def test_a_role_brought_into_view_opens_with_a_segment_it_serves_where_both_fit(plot_width):
    """Telecom's Denver care agent (x 1,520 to 1,679) serves the consumers, whose card sits at
    871 to 1,049 over all the roles serving them: both fit in 832 px with the pads, so each of
    these openings shows both whole (Compare opened on the agent with no customer in view)."""
    telecom = load_text(example_text("telecom")).org
    tree = reporting_tree(telecom)
    placed = chart_cards(telecom, tree, "inverted", escalations(telecom, tree, "refund", 200), "refund").layout
    consumers = placed.customers["consumers"]
    opened = ranges(placed, placed.extent[0], 120, (plot_width, 380), "agent_denver", ("consumers",))
    (x0, x1), _ = opened.values()
    assert x0 <= consumers.left and consumers.right <= x1
    assert x0 <= placed.x["agent_denver"] - placed.width["agent_denver"] / 2
    assert placed.x["agent_denver"] + placed.width["agent_denver"] / 2 <= x1
    alone = ranges(placed, placed.extent[0], 120, (690, 380), "agent_denver", ("consumers",))["x"]
    assert alone == ranges(placed, placed.extent[0], 120, (690, 380), "agent_denver")["x"], "too narrow for both"
