"""van der Ploeg's non-layered tidy tree: boxes of any size at any depth never overlap."""

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts.flextree import flex_positions

EPSILON = 1e-6


def random_boxes(seed, size):
    """A random tree, parents numbered first, with random widths, heights and drops below each parent."""
    rng = random.Random(seed)
    children = [[] for _ in range(size)]
    for node in range(1, size):
        children[rng.randrange(max(0, node - rng.choice([1, 3, 30])), node)].append(node)
    widths = [rng.choice([0.5, 1, 3, 10, 40]) for _ in range(size)]
    tops, bottoms = [0.0] * size, [0.0] * size
    for node in range(size):
        bottoms[node] = tops[node] + rng.choice([0.5, 1, 2, 5])
        for kid in children[node]:
            tops[kid] = bottoms[node] + rng.choice([0, 0, 1, 7])
    return children, widths, tops, bottoms


boxes = st.builds(random_boxes, st.integers(0, 10**6), st.integers(1, 80))


@settings(max_examples=200, deadline=None)
@given(boxes, st.sampled_from([0, 1]), st.sampled_from([1, 2.5]))
def test_boxes_that_share_a_height_are_a_gap_apart(tree, sibling_gap, cousin_gap):
    children, widths, tops, bottoms = tree
    x = flex_positions(children, widths, tops, bottoms, sibling_gap, cousin_gap)
    parent = {kid: node for node, kids in enumerate(children) for kid in kids}
    for a, b in itertools.combinations(range(len(children)), 2):
        if tops[a] < bottoms[b] and tops[b] < bottoms[a]:
            gap = sibling_gap if parent.get(a, -1) == parent.get(b, -2) else cousin_gap
            assert abs(x[a] - x[b]) >= (widths[a] + widths[b]) / 2 + gap - EPSILON
    for node, kids in enumerate(children):
        for left, right in itertools.pairwise(kids):
            assert x[left] < x[right]
        if kids:
            assert x[node] == pytest.approx((x[kids[0]] + x[kids[-1]]) / 2)
    assert min(x[n] - widths[n] / 2 for n in range(len(children))) == pytest.approx(0, abs=EPSILON)


def test_unit_boxes_on_levels_match_the_tidy_tree_on_small_trees():
    # Walker's tidy tree by hand, with unit boxes, sibling gap 1 and cousin gap 1.5:
    # a root over three leaves is centred over the middle one; two managers of two keep the
    # cousin gap between their teams, and each manager sits over its pair.
    expected = {
        0: [1.0, 0.0, 1.0, 2.0],
        1: [1.75, 0.5, 3.0, 0.0, 1.0, 2.5, 3.5],
    }
    for case, children in enumerate(([[1, 2, 3], [], [], []], [[1, 2], [3, 4], [5, 6], [], [], [], []])):
        depth = [0] * len(children)
        for node, kids in enumerate(children):
            for kid in kids:
                depth[kid] = depth[node] + 1
        x = flex_positions(children, [0.0] * len(children), depth, [d + 1 for d in depth], 1.0, 1.5)
        assert x == pytest.approx(expected[case])


def test_a_deep_child_keeps_the_space_under_its_parent_clear():
    # root 0 over 1 (far below, narrow) and 2 (just below, wide): 2 must clear 1's contour
    # all the way down to 2's bottom, though 1 itself starts lower.
    x = flex_positions([[1, 2], [], []], [10, 10, 30], [0, 50, 10], [10, 60, 20], 5, 5)
    assert x[2] - x[1] == pytest.approx((10 + 30) / 2 + 5)


def test_deep_chain_and_wide_star():
    count = 20_000
    chain = [[node + 1] for node in range(count - 1)] + [[]]
    x = flex_positions(chain, [2.0] * count, list(range(count)), [n + 1 for n in range(count)])
    assert set(x) == {1.0}
    star = [list(range(1, count + 1))] + [[] for _ in range(count)]
    tops = [0.0] + [1.0] * count
    x = flex_positions(star, [1.0] * (count + 1), tops, [t + 1 for t in tops], 1.0, 2.0)
    assert x[count] == 2 * count - 1.5 and x[0] == (0.5 + x[count]) / 2


def layered(children, widths):
    depth = [0] * len(children)
    for node, kids in enumerate(children):
        for kid in kids:
            depth[kid] = depth[node] + 1
    return flex_positions(children, widths, depth, [d + 1 for d in depth], 1.0, 1.5)


@settings(max_examples=100, deadline=None)
@given(boxes)
def test_identical_subtrees_are_drawn_identically(tree):
    children = tree[0]
    x = layered(children, [1.0] * len(children))
    seen = {}
    for node in range(len(children)):
        nodes = [node]
        for member in nodes:
            nodes.extend(children[member])
        shape = tuple(len(children[n]) for n in nodes)
        drawing = tuple(round(x[n] - x[node], 9) for n in nodes)
        assert seen.setdefault(shape, drawing) == drawing
