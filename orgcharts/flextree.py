"""Tidy trees of boxes of any size at any depth, in linear time: van der Ploeg's algorithm.

A. van der Ploeg, "Drawing non-layered tidy trees in linear time", Software: Practice and
Experience 44(12), 2014 (d3-flextree implements it too). Walker's algorithm, which
d3-hierarchy's tree implements, assumes that the nodes of one depth share one
level; here each node is a box with its own width and its own vertical extent, and the
contours of two subtrees are compared wherever their boxes overlap vertically, so boxes of
different depths that share a band are kept apart as surely as those of one depth.

Everything runs on integer-indexed lists with explicit traversals (no recursion), so a
20,000-deep chain and a 20,000-wide star lay out alike.
"""

from __future__ import annotations

from collections.abc import Sequence


def flex_positions(
    children: Sequence[Sequence[int]],
    widths: Sequence[float],
    tops: Sequence[float],
    bottoms: Sequence[float],
    sibling_gap: float = 0.0,
    cousin_gap: float = 0.0,
    root: int = 0,
) -> list[float]:
    """Horizontal centres of the boxes of a tree given as child lists.

    Node ``v`` is a box ``widths[v]`` wide whose vertical extent is ``tops[v]`` to
    ``bottoms[v]`` (y grows downwards; include in it any vertical gap to keep below the
    box). Every child must start at or below its parent's bottom: ``tops[c] >=
    bottoms[v]``. Returned, for each node reachable from ``root``, the x of its centre
    (others get 0.0), the leftmost box's left edge at 0, such that:

    - two boxes whose vertical extents overlap are at least ``sibling_gap`` apart
      horizontally when they share a parent, ``cousin_gap`` otherwise (edge to edge);
      a gap between the contours of two subtrees is kept down to the bottom of the
      shallower one, so the space between a parent and a child far below it is kept clear;
    - siblings stand left to right in the order of their child list;
    - a parent is centred over its first and last children's centres;
    - the intermediate children of a parent whose outer subtrees were pushed apart are
      spread evenly, as in Walker's algorithm;
    - a subtree's drawing does not depend on what is left of it, bar that even spreading.

    Linear in the number of nodes.
    """
    count = len(children)
    if count == 0:
        return []
    parent = [-1] * count
    for node, kids in enumerate(children):
        for kid in kids:
            parent[kid] = node
    prelim = [0.0] * count  # left edge, relative to the parent's frame
    mod = [0.0] * count
    shift = [0.0] * count
    change = [0.0] * count
    thread_left = [-1] * count
    thread_right = [-1] * count
    extreme_left = list(range(count))
    extreme_right = list(range(count))
    mod_sum_left = [0.0] * count
    mod_sum_right = [0.0] * count

    def next_left(node: int) -> int:
        kids = children[node]
        return kids[0] if kids else thread_left[node]

    def next_right(node: int) -> int:
        kids = children[node]
        return kids[-1] if kids else thread_right[node]

    def separate(kids: Sequence[int], index: int, low: list[float], low_index: list[int]) -> None:
        """Push child ``index`` right of its left siblings' right contour, wherever the two overlap."""
        right_of_left = kids[index - 1]
        sum_right = mod[right_of_left]
        left_of_current = kids[index]
        sum_left = mod[left_of_current]
        head = len(low) - 1  # low[head]: the lowest bottom of the nearest left siblings still in view
        while right_of_left >= 0 and left_of_current >= 0:
            bottom_right = bottoms[right_of_left]
            while head > 0 and bottom_right > low[head]:
                head -= 1
            gap = sibling_gap if parent[right_of_left] == parent[left_of_current] else cousin_gap
            distance = (
                sum_right + prelim[right_of_left] + widths[right_of_left] + gap - (sum_left + prelim[left_of_current])
            )
            if distance > 0:
                sum_left += distance
                moved = kids[index]
                mod[moved] += distance
                mod_sum_left[moved] += distance
                mod_sum_right[moved] += distance
                from_index = low_index[head]
                if from_index != index - 1:  # spread the push over the siblings in between
                    between = index - from_index
                    shift[kids[from_index + 1]] += distance / between
                    shift[moved] -= distance / between
                    change[moved] -= distance - distance / between
            bottom_left = bottoms[left_of_current]
            if bottom_right <= bottom_left:
                right_of_left = next_right(right_of_left)
                if right_of_left >= 0:
                    sum_right += mod[right_of_left]
            if bottom_right >= bottom_left:
                left_of_current = next_left(left_of_current)
                if left_of_current >= 0:
                    sum_left += mod[left_of_current]
        first, current = kids[0], kids[index]
        if right_of_left < 0 and left_of_current >= 0:
            # the current subtree reaches deeper than its left siblings: thread their left contour on
            deepest = extreme_left[first]
            thread_left[deepest] = left_of_current
            difference = (sum_left - mod[left_of_current]) - mod_sum_left[first]
            mod[deepest] += difference
            prelim[deepest] -= difference
            extreme_left[first] = extreme_left[current]
            mod_sum_left[first] = mod_sum_left[current]
        elif right_of_left >= 0 and left_of_current < 0:
            # the left siblings reach deeper: thread the current subtree's right contour on to theirs
            deepest = extreme_right[current]
            thread_right[deepest] = right_of_left
            difference = (sum_right - mod[right_of_left]) - mod_sum_right[current]
            mod[deepest] += difference
            prelim[deepest] -= difference
            extreme_right[current] = extreme_right[kids[index - 1]]
            mod_sum_right[current] = mod_sum_right[kids[index - 1]]

    order = _top_down(children, root)
    for node in reversed(order):
        kids = children[node]
        if not kids:
            continue
        low = [bottoms[extreme_left[kids[0]]]]
        low_index = [0]
        for index in range(1, len(kids)):
            lowest = bottoms[extreme_right[kids[index]]]
            separate(kids, index, low, low_index)
            while low and lowest >= low[-1]:
                low.pop()
                low_index.pop()
            low.append(lowest)
            low_index.append(index)
        first, last = kids[0], kids[-1]
        centre_first = prelim[first] + mod[first] + widths[first] / 2
        centre_last = prelim[last] + mod[last] + widths[last] / 2
        prelim[node] = (centre_first + centre_last) / 2 - widths[node] / 2
        extreme_left[node] = extreme_left[first]
        mod_sum_left[node] = mod_sum_left[first]
        extreme_right[node] = extreme_right[last]
        mod_sum_right[node] = mod_sum_right[last]

    left = [0.0] * count
    total = [0.0] * count
    for node in order:
        up = parent[node] if node != root else -1
        total[node] = (total[up] if up >= 0 else 0.0) + mod[node]
        left[node] = prelim[node] + total[node]
        step, delta = 0.0, 0.0
        for kid in children[node]:
            step += shift[kid]
            delta += step + change[kid]
            mod[kid] += delta
    leftmost = min(left[node] for node in order)
    centres = [0.0] * count
    for node in order:
        centres[node] = left[node] - leftmost + widths[node] / 2
    return centres


def _top_down(children: Sequence[Sequence[int]], root: int) -> list[int]:
    """The nodes reachable from ``root``, breadth first: every parent before its children."""
    order = [root]
    for node in order:
        order.extend(children[node])
    return order
