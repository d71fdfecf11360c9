"""Reporting lines on the cards' places: a wide team stacked in columns reads as one team (a
drop from the manager's bar into each column and a box around it), never as a chain."""

import dataclasses
import itertools

import pytest

from orgcharts.cardlayout import card_layout
from orgcharts.cards import SCREEN_TEXT
from orgcharts.connectors import reporting_lines
from orgcharts.graph import reporting_tree
from orgcharts.model import Organization, Role, Segment

GAPS = dataclasses.replace(SCREEN_TEXT, sibling_gap=10, cousin_gap=20, row_gap=30)


def wide_team(reports=17):
    roles = [Role("boss", "Boss"), *(Role(f"r{n:02}", f"R{n}", reports_to="boss") for n in range(reports))]
    return Organization("X", (Segment("c", "C"),), (), tuple(roles))


def segments(xs, ys):
    """The straight pieces of a lines trace: (x0, y0, x1, y1), None separating lines."""
    pieces, line = [], []
    for x, y in zip([*xs, None], [*ys, None], strict=True):
        if x is None:
            pieces += [(*a, *b) for a, b in itertools.pairwise(line)]
            line = []
        else:
            line.append((x, y))
    return pieces


def crosses(piece, box):
    """Whether an axis-aligned piece of line (chart y, upwards) runs through a card's inside."""
    x0, y0, x1, y1 = piece
    left, right, top, bottom = box.left, box.right, -box.top, -box.bottom
    inside_x = min(x0, x1) < right - 0.5 and max(x0, x1) > left + 0.5
    inside_y = min(y0, y1) < top - 0.5 and max(y0, y1) > bottom + 0.5
    return inside_x and inside_y


@pytest.mark.parametrize("view", ["conventional", "inverted"])
def test_a_wide_team_gets_a_drop_and_a_box_per_column_and_no_line_through_a_card(view):
    org = wide_team()
    sizes = {role.id: (80.0, 40.0) for role in org.roles}
    layout = card_layout(org, reporting_tree(org), sizes, view, GAPS)
    columns = sorted({layout.x[f"r{n:02}"] for n in range(17)})
    assert len(columns) == 3, "17 reports in columns of at most 6"
    xs, ys = reporting_lines(list(org.roles), layout)
    pieces = segments(xs, ys)
    cards = [layout.box(role.id) for role in org.roles]
    assert not [p for p in pieces for card in cards if crosses(p, card)], "no line runs through a card"
    drops = {p[0] for p in pieces if p[0] == p[2] and p[0] in columns}
    assert drops == set(columns), "a line from the manager's bar into each column"
    for x in columns:
        members = [layout.box(r) for r in layout.x if r != "boss" and layout.x[r] == x]
        boxed = [
            p
            for p in pieces
            if p[1] == p[3]
            and min(p[0], p[2]) < min(b.left for b in members)
            and max(p[0], p[2]) > max(b.right for b in members)
        ]
        tops = sorted(-p[1] for p in boxed)
        assert tops[0] < min(b.top for b in members) and tops[-1] > max(b.bottom for b in members), (
            "a box around the whole column"
        )


def test_each_segment_reaches_the_roles_serving_it_by_its_own_rail_never_a_diagonal():
    from orgcharts.connectors import customer_links_trace
    from orgcharts.loader import example_text, load_text

    org = load_text(example_text("telecom")).org
    sizes = {role.id: (150.0, 60.0) for role in org.roles}
    layout = card_layout(
        org, reporting_tree(org), sizes, "inverted", GAPS, segments={s.id: (120.0, 30.0) for s in org.customers}
    )
    serving = {role.id: role.serves for role in org.roles}
    trace = customer_links_trace(list(org.roles), layout, serving, None, False)
    pieces = segments(trace["x"], trace["y"])
    assert pieces and all(p[0] == p[2] or p[1] == p[3] for p in pieces), "only upright and level pieces"
    rails = {p[1] for p in pieces if p[1] == p[3]}
    assert len(rails) == len(layout.customers), "one rail per segment, each at its own height"
    lowest_customer = -max(box.bottom for box in layout.customers.values())
    highest_front_line = -min(layout.top[r] for r in layout.front_line)
    assert all(highest_front_line < rail < lowest_customer for rail in rails), "rails in the gap between them"
    for segment in layout.customers:
        served = [r for r in layout.front_line if segment in serving[r]]
        drops = {p[0] for p in pieces if p[0] == p[2] and min(p[1], p[3]) == -layout.top[served[0]]}
        assert layout.x[served[0]] in drops
    assert trace["mode"] == "lines+markers", "a dot where a drop joins its rail: a crossing without one is no link"
