"""Cards laid out in both views: exact places for small orgs worked out by hand, and the
promises (no overlap, order, centring, the front line on top) for random orgs."""

import dataclasses

import pytest

from orgcharts.cardlayout import card_layout, fits, zoom_to_fit
from orgcharts.cards import SCREEN_TEXT
from orgcharts.graph import reporting_tree
from orgcharts.model import Organization, Role, Segment

GAPS = dataclasses.replace(SCREEN_TEXT, sibling_gap=10, cousin_gap=20, row_gap=30)


def org_of(*roles, customers=("c",)):
    return Organization("X", tuple(Segment(c, c.upper()) for c in customers), (), tuple(roles))


def role(role_id, manager=None, facing=False):
    return Role(role_id, role_id.title(), reports_to=manager, serves=("c",) if facing else ())


def test_conventional_rows_by_depth_with_cards_of_different_sizes():
    # T over A and B; A over A1 and A2. Row 2: A1 at 0..40, A2 a sibling gap on (50..90);
    # A centred over them (45, spanning 15..75); B a sibling gap right of A (85..165);
    # T over A and B at 85. Rows as tall as their tallest card, 30 apart: tops 0, 70, 150.
    org = org_of(role("t"), role("a", "t", True), role("b", "t"), role("a1", "a", True), role("a2", "a", True))
    sizes = {"t": (100, 40), "a": (60, 50), "b": (80, 40), "a1": (40, 20), "a2": (40, 30)}
    layout = card_layout(org, reporting_tree(org), sizes, "conventional", GAPS)
    assert layout.x == {"t": 85, "a": 45, "b": 125, "a1": 20, "a2": 70}
    assert layout.top == {"t": 0, "a": 70, "b": 70, "a1": 150, "a2": 150}
    assert [(band.name, band.top, band.height) for band in layout.bands] == [
        ("level 1", 0, 40),
        ("level 2", 70, 50),
        ("level 3", 150, 30),
    ]
    assert layout.band == {"t": 0, "a": 1, "b": 1, "a1": 2, "a2": 2}
    assert layout.extent == (165, 180) and layout.front_line == frozenset()


def deep_and_shallow_front_line():
    # T over A (faces customers) and B; B over B1 over B2 (faces customers): A is front line
    # at depth 1, B2 at depth 3.
    org = org_of(role("t"), role("a", "t", True), role("b", "t"), role("b1", "b"), role("b2", "b1", True))
    sizes = {"t": (100, 20), "a": (60, 20), "b": (80, 20), "b1": (50, 20), "b2": (40, 20)}
    return org, sizes


def test_customer_on_top_puts_the_front_line_in_one_band_whatever_its_depth():
    # Bands: A and B2 0, B1 1, B 2, T 3. Laid out from T down: A (0..60) and B's chain are
    # siblings: B starts a sibling gap right of A (70..150, centre 110); B1 and B2 hang under
    # B at 110, a cousin gap clear of A; T centred over A and B at 70. Bands 20 high, 30 apart.
    org, sizes = deep_and_shallow_front_line()
    layout = card_layout(org, reporting_tree(org), sizes, "inverted", GAPS)
    assert layout.x == {"t": 70, "a": 30, "b": 110, "b1": 110, "b2": 110}
    assert layout.top == {"a": 0, "b2": 0, "b1": 50, "b": 100, "t": 150}
    assert [band.name for band in layout.bands] == ["front line", "first-line managers", "second-line managers", "top"]
    assert layout.front_line == {"a", "b2"}
    assert layout.band["a"] == layout.band["b2"] == 0 and layout.band["t"] == 3


def test_segments_sit_over_the_roles_that_serve_them_and_apart():
    org, sizes = deep_and_shallow_front_line()
    org = dataclasses.replace(
        org,
        customers=(Segment("c", "C"), Segment("d", "D"), Segment("e", "E")),
        roles=tuple(dataclasses.replace(r, serves=("c", "d")) if r.id == "b2" else r for r in org.roles),
    )
    segments = {"c": (40, 30), "d": (20, 30), "e": (10, 30)}
    layout = card_layout(org, reporting_tree(org), sizes, "inverted", GAPS, segments=segments)
    # c wants the middle of A and B2 (70), d B2's centre (110), e (served by no one) the
    # middle of the chart (70): in that order, c before e by file order. Centres must be
    # apart by c-e (40 + 10) / 2 + 10 = 35 and e-d (10 + 20) / 2 + 10 = 25. Wanted less those
    # offsets (0, 35, 60): 70, 35, 50, pooled to their mean 155 / 3, so c 155 / 3, e 35 and
    # d 60 more.
    boxes = layout.customers
    assert [boxes[s].x for s in "ced"] == pytest.approx([155 / 3, 155 / 3 + 35, 155 / 3 + 60])
    assert [boxes[s].width for s in "ced"] == [40, 10, 20]
    assert layout.bands[0].name == "customers" and layout.bands[1].name == "front line"
    assert layout.top["a"] == 30 + 30 * (3 + 1) / 2, "under the customers, room for each segment's rail"
    assert all(box.top == 0 for box in boxes.values())


def test_a_role_facing_no_one_under_a_front_line_role_sits_beside_it_one_band_down():
    # T over F (faces customers) over H (faces no one): F band 0, H band 1 beside it, T band 2.
    org = org_of(role("t"), role("f", "t", True), role("h", "f"))
    sizes = {"t": (100, 20), "f": (60, 20), "h": (40, 20)}
    layout = card_layout(org, reporting_tree(org), sizes, "inverted", GAPS)
    assert layout.band == {"f": 0, "h": 1, "t": 2}
    assert layout.x == {"f": 30, "h": 90, "t": 60}
    # the top role itself front line, with a report facing no one: it stays in band 0
    alone = org_of(role("t", facing=True), role("h", "t"))
    layout = card_layout(alone, reporting_tree(alone), {"t": (100, 20), "h": (40, 20)}, "inverted", GAPS)
    assert layout.band == {"t": 0, "h": 1} and layout.x == {"t": 50, "h": 130}


def test_shown_roles_and_collapsed_roles_holding_the_front_line():
    from orgcharts.collapse import Rollup

    org, sizes = deep_and_shallow_front_line()
    tree = reporting_tree(org)
    rollup = Rollup(roles=3, people=3, facing_people=1, median_hops=1, unreachable_people=0)
    layout = card_layout(org, tree, sizes, "inverted", GAPS, shown=["t", "a", "b"], rollups={"b": rollup})
    assert set(layout.x) == {"t", "a", "b"}
    assert layout.front_line == {"a", "b"}, "a collapsed role holding customer-facing people is front line"
    assert layout.band == {"a": 0, "b": 0, "t": 1}
    chosen = card_layout(org, tree, sizes, "inverted", GAPS, shown=["t", "a", "b"], facing=["a"])
    assert chosen.front_line == {"a"} and chosen.band["b"] == 1


def test_a_front_line_band_holding_rollups_is_named_for_the_teams():
    from orgcharts.collapse import Rollup

    org, sizes = deep_and_shallow_front_line()
    tree = reporting_tree(org)
    rollup = Rollup(roles=2, people=2, facing_people=1, median_hops=1, unreachable_people=0)
    mixed = card_layout(org, tree, sizes, "inverted", GAPS, shown=["t", "a", "b", "b1"], rollups={"b1": rollup})
    assert [band.name for band in mixed.bands] == ["front line and teams holding it", "management level 1", "top"]
    only_teams = card_layout(
        org, tree, sizes, "inverted", GAPS, shown=["t", "a", "b", "b1"], rollups={"b1": rollup}, facing=["b1"]
    )
    assert only_teams.front_line == {"b1"}
    assert only_teams.bands[0].name == "teams holding the front line"
    whole = card_layout(org, tree, sizes, "inverted", GAPS)
    assert [band.name for band in whole.bands][:2] == ["front line", "first-line managers"]


def test_fitting_helpers():
    org, sizes = deep_and_shallow_front_line()
    layout = card_layout(org, reporting_tree(org), sizes, "conventional", GAPS)
    width, height = layout.extent
    assert (width, height) == (150, 170)
    assert fits(layout, 150, 170) and not fits(layout, 149, 170) and not fits(layout, 150, 169)
    assert zoom_to_fit(layout, 300, 170) == 1.0 and zoom_to_fit(layout, 75, 1000) == 0.5


def test_deep_chain_and_wide_star_without_recursion():
    chain = org_of(role("r0"), *(role(f"r{i}", f"r{i - 1}") for i in range(1, 20_000)))
    sizes = {r.id: (50, 20) for r in chain.roles}
    for view in ("conventional", "inverted"):
        layout = card_layout(chain, reporting_tree(chain), sizes, view, GAPS)
        assert set(layout.x.values()) == {25}
    star = org_of(role("top"), *(role(f"s{i}", "top", True) for i in range(20_000)))
    sizes = {r.id: (50, 20) for r in star.roles}
    layout = card_layout(star, reporting_tree(star), sizes, "inverted", GAPS)
    assert layout.x["s19999"] == 19_999 * 60 + 25 and layout.x["top"] == (25 + 19_999 * 60 + 25) / 2
    stacked = card_layout(star, reporting_tree(star), sizes, "conventional", GAPS)
    assert stacked.extent[0] < 20_000 * 60 / 10, "a wide team of leaves is stacked in the conventional view"


def test_wide_teams_stack_in_columns_inside_their_row_or_band():
    # T over F (faces customers) and M; M over six leaves facing no one, stacked from six in
    # two columns of three (L1-L3, L4-L6), each card a sibling gap (10) below the one before:
    # offsets 0, 30, 60, so their row is 80 high. Columns: L1 and L4 siblings, but L2 and L5
    # cousins, 20 apart: L4 60 right of L1, M over them at L1 + 30.
    leaves = [role(f"l{i}", "m") for i in range(1, 7)]
    org = org_of(role("t"), role("f", "t", True), role("m", "t"), *leaves)
    sizes = {r.id: (40, 20) for r in org.roles}
    tree = reporting_tree(org)
    # conventional: F and M in row 1, F at 0..40, M a sibling gap right (centre 70); the
    # columns hang in row 2 at 40 and 100, tops 100, 130, 160
    conventional = card_layout(org, tree, sizes, "conventional", GAPS, stack_from=6)
    assert conventional.x == {"t": 45, "f": 20, "m": 70, **dict.fromkeys(["l1", "l2", "l3"], 40)} | dict.fromkeys(
        ["l4", "l5", "l6"], 100
    )
    assert [conventional.top[f"l{i}"] for i in range(1, 7)] == [100, 130, 160] * 2
    assert {conventional.band[f"l{i}"] for i in range(1, 7)} == {2}, "every leaf keeps its level"
    # customer on top: F alone in the front line (band 0), the leaves in band 1, M 2, T 3. F
    # is compared with M's whole left contour down to the leaves (a cousin gap): L1 at 80.
    # The columns rise from the bottom of band 1 (top 50, 80 high): L1 nearest M, at 110.
    inverted = card_layout(org, tree, sizes, "inverted", GAPS, stack_from=6)
    assert inverted.x == {"t": 65, "f": 20, "m": 110, **dict.fromkeys(["l1", "l2", "l3"], 80)} | dict.fromkeys(
        ["l4", "l5", "l6"], 140
    )
    assert [inverted.top[f"l{i}"] for i in range(1, 7)] == [110, 80, 50] * 2
    assert [(band.name, band.top, band.height) for band in inverted.bands] == [
        ("front line", 0, 20),
        ("first-line managers", 50, 80),
        ("second-line managers", 160, 20),
        ("top", 210, 20),
    ]
    # a team with a front-line role in it is never stacked in the customer-on-top view
    facing = org_of(role("t"), *(role(f"a{i}", "t", True) for i in range(8)))
    layout = card_layout(facing, reporting_tree(facing), {r.id: (40, 20) for r in facing.roles}, "inverted", GAPS)
    assert {layout.top[f"a{i}"] for i in range(8)} == {0} and len({layout.x[f"a{i}"] for i in range(8)}) == 8


def test_no_empty_front_line_band_when_no_role_faces_customers():
    org = org_of(role("t"), role("a", "t"), role("a1", "a"))
    layout = card_layout(org, reporting_tree(org), {r.id: (40, 20) for r in org.roles}, "inverted", GAPS)
    # a1 (no reports, facing no one) in the first-line managers' band, as always, now the first
    assert [band.name for band in layout.bands] == ["first-line managers", "second-line managers", "top"]
    assert layout.band == {"a1": 0, "a": 1, "t": 2} and layout.top["a1"] == 0
