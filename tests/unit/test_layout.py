"""The tidy tree layout's promises, on hand-made trees and on random ones."""

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts import load_text
from orgcharts.graph import depths as graph_depths
from orgcharts.graph import reporting_tree
from orgcharts.layout import COUSIN_GAP, SIBLING_GAP, tidy_positions, tidy_tree

EPSILON = 1e-9


def random_tree(size, rng, max_children=6):
    """Child lists numbered breadth first, as tidy_positions wants."""
    children = [[] for _ in range(size)]
    frontier = [0]
    next_node = 1
    while next_node < size:
        node = frontier.pop(rng.randrange(len(frontier))) if len(frontier) > 1 else frontier[0]
        for _ in range(rng.randint(1, max_children)):
            if next_node >= size:
                break
            children[node].append(next_node)
            frontier.append(next_node)
            next_node += 1
        if not frontier:
            frontier.append(0)
    return renumber_breadth_first(children)


def renumber_breadth_first(children):
    order = [0]
    for node in order:
        order.extend(children[node])
    new = {old: index for index, old in enumerate(order)}
    return [[new[kid] for kid in children[old]] for old in order]


trees = st.integers(1, 300).flatmap(
    lambda size: st.integers(0, 10**6).map(lambda seed: random_tree(size, random.Random(seed)))
)


def depths(children):
    depth = [0] * len(children)
    for node, kids in enumerate(children):
        for kid in kids:
            depth[kid] = depth[node] + 1
    return depth


def parents(children):
    parent = [-1] * len(children)
    for node, kids in enumerate(children):
        for kid in kids:
            parent[kid] = node
    return parent


def depth_first(children, root=0):
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(children[node]))
    return order


def assert_rows_apart_in_order(children, x):
    """On each row, nodes stand left to right in depth-first (file) order, at least a gap apart."""
    row = depths(children)
    parent = parents(children)
    rows = {}
    for node in depth_first(children):
        rows.setdefault(row[node], []).append(node)
    for nodes in rows.values():
        for left, right in itertools.pairwise(nodes):
            needed = SIBLING_GAP if parent[left] == parent[right] else COUSIN_GAP
            assert x[right] - x[left] >= needed - EPSILON


@settings(max_examples=200, deadline=None)
@given(trees)
def test_parents_are_centred_over_their_children(children):
    x = tidy_positions(children)
    for node, kids in enumerate(children):
        if kids:
            assert x[node] == pytest.approx((x[kids[0]] + x[kids[-1]]) / 2)


@settings(max_examples=200, deadline=None)
@given(trees)
def test_no_overlaps_and_order_kept_on_every_level(children):
    """On each level, nodes appear left to right in depth-first (file) order, at least a gap apart."""
    assert_rows_apart_in_order(children, tidy_positions(children))


@settings(max_examples=100, deadline=None)
@given(trees)
def test_leftmost_node_is_at_zero(children):
    assert min(tidy_positions(children)) == 0


@settings(max_examples=100, deadline=None)
@given(trees)
def test_identical_subtrees_are_drawn_identically(children):
    x = tidy_positions(children)
    seen = {}
    for node in range(len(children)):
        nodes = depth_first(children, node)
        child_counts = tuple(len(children[n]) for n in nodes)
        drawing = tuple(round(x[n] - x[node], 9) for n in nodes)
        if child_counts in seen:
            assert seen[child_counts] == drawing
        else:
            seen[child_counts] = drawing


def test_small_hand_made_trees():
    assert tidy_positions([[]]) == [0.0]
    # a root with three leaves: centred over the middle one
    assert tidy_positions([[1, 2, 3], [], [], []]) == [1.0, 0.0, 1.0, 2.0]
    # two managers with two reports each: cousins keep the wider gap
    x = tidy_positions([[1, 2], [3, 4], [5, 6], [], [], [], []])
    assert x[3:] == [0.0, 1.0, 1.0 + COUSIN_GAP, 2.0 + COUSIN_GAP]
    assert x[1] == 0.5 and x[2] == 1.5 + COUSIN_GAP
    assert x[0] == (x[1] + x[2]) / 2


def test_compact_a_shallow_leaf_does_not_push_a_deep_neighbour():
    """A tidy layout lets the deep right subtree tuck under its shallow left neighbour's side."""
    # 0 -> 1 (leaf), 2 -> 3 -> 4, 5 (two deep leaves under 3)
    x = tidy_positions([[1, 2], [], [3], [4, 5], [], []])
    assert max(x) - min(x) <= 1 + COUSIN_GAP


def test_deep_chain_and_wide_star_without_recursion():
    chain = [[i + 1] for i in range(19_999)] + [[]]
    assert set(tidy_positions(chain)) == {0.0}
    star = [list(range(1, 100_001))] + [[] for _ in range(100_000)]
    x = tidy_positions(star)
    assert x[0] == 50_000 - 0.5 and x[100_000] == 99_999


def test_layout_of_an_org_keeps_file_order():
    text = (
        "organization: X\ncustomers: [{id: c, name: C}]\nroles:\n"
        "  - {id: top, title: T}\n"
        "  - {id: b, title: B, reports_to: top}\n"
        "  - {id: a, title: A, reports_to: top, serves: [c]}\n"
        "  - {id: a1, title: A1, reports_to: a}\n"
    )
    org = load_text(text).org
    tree = reporting_tree(org)
    layout = tidy_tree(org, tree)
    assert layout.x["b"] < layout.x["a"]
    assert layout.row == graph_depths(org, tree) == {"top": 0, "b": 1, "a": 1, "a1": 2}, (
        "nothing stacked: rows are depths"
    )
    assert layout.levels == 3
    assert layout.x["a1"] == layout.x["a"]


def star_with_leaves(count):
    return [list(range(1, count + 1))] + [[] for _ in range(count)]


@pytest.mark.parametrize("count", [6, 7, 12, 40, 200])
def test_wide_teams_are_stacked_in_columns_in_file_order(count):
    from orgcharts.layout import stacked

    drawn = stacked(star_with_leaves(count))
    x = tidy_positions(drawn)
    row = depths(drawn)
    columns = sorted({x[leaf] for leaf in range(1, count + 1)})
    assert 2 <= len(columns) <= count // 2
    reading = sorted(range(1, count + 1), key=lambda leaf: (x[leaf], row[leaf]))
    assert reading == list(range(1, count + 1)), "down each column, then across, in file order"
    assert max(x) - min(x) <= COUSIN_GAP * len(columns), "narrow: a column takes the room of one role"


def test_small_or_mixed_teams_are_not_stacked():
    from orgcharts.layout import stacked

    assert stacked(star_with_leaves(5)) == star_with_leaves(5)
    mixed = [[1, 2, 3, 4, 5, 6], [7], [], [], [], [], [], []]
    assert stacked(mixed) == mixed


@settings(max_examples=200, deadline=None)
@given(trees)
def test_stacked_layouts_never_overlap_and_keep_order_on_every_row(children):
    from orgcharts.layout import stacked

    drawn = stacked(children, stack_from=3)
    assert_rows_apart_in_order(drawn, tidy_positions(drawn))
    row = depths(drawn)
    original = parents(children)
    for node, up in enumerate(original):
        if up >= 0:
            assert row[node] > row[up], "every role is drawn below its manager"


def test_org_layout_stacks_a_wide_team():
    roles = "\n".join(f"  - {{id: a{i}, title: Agent {i}, reports_to: lead, serves: [c]}}" for i in range(30))
    text = f"organization: X\ncustomers: [{{id: c, name: C}}]\nroles:\n  - {{id: lead, title: Lead}}\n{roles}\n"
    org = load_text(text).org
    tree = reporting_tree(org)
    layout = tidy_tree(org, tree)
    assert graph_depths(org, tree)["a29"] == 1 and layout.row["a29"] > 1
    assert layout.width <= COUSIN_GAP * 4
    unstacked = tidy_tree(org, reporting_tree(org), stack_from=10_000)
    assert unstacked.width == 29
