"""The card layout's promises for random orgs and random card text, in both views: no two
cards overlap, siblings keep their order, parents are centred over their reports, and in the
customer-on-top view every front-line card is in the front-line band with nothing facing no
customer above it."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts.cardlayout import card_layout
from orgcharts.cards import PICTURE_TEXT, SCREEN_TEXT, card_for, segment_card
from orgcharts.graph import reporting_tree
from orgcharts.metrics import Escalation
from orgcharts.model import Decision, Organization, Role, Segment

EPSILON = 1e-6
DECISION = Decision("refund", "Refund", "USD")
SEGMENTS = tuple(Segment(f"s{i}", name) for i, name in enumerate(["Consumers", "Small business", "Dealers"]))

word = st.one_of(
    st.sampled_from(["Care", "Agent", "VP", "of", "Regional", "Operations", "Lead", "&", "Ærø"]),
    st.text(st.characters(min_codepoint=0x21, max_codepoint=0x24F), min_size=1, max_size=40),
    st.just("東京支社"),
)
title = st.lists(word, min_size=1, max_size=8).map(" ".join)


@st.composite
def orgs(draw):
    size = draw(st.integers(1, 60))
    shape = draw(st.sampled_from(["random", "chain", "star", "broom"]))
    managers = [None]
    for index in range(1, size):
        if shape == "chain":
            managers.append(index - 1)
        elif shape == "star":
            managers.append(0)
        elif shape == "broom":
            managers.append(index - 1 if index < size // 2 else size // 2 - 1)
        else:
            managers.append(draw(st.integers(max(0, index - 8), index - 1)))
    roles = []
    for index, manager in enumerate(managers):
        facing = draw(st.booleans())
        roles.append(
            Role(
                id=f"r{index}",
                title=draw(title),
                reports_to=None if manager is None else f"r{manager}",
                name=draw(st.one_of(st.none(), st.just(""), title)),
                headcount=draw(st.integers(0, 2000)),
                serves=tuple(draw(st.sets(st.sampled_from([s.id for s in SEGMENTS]), min_size=1))) if facing else (),
            )
        )
    org = Organization("X", SEGMENTS, (DECISION,), tuple(roles))
    hops = {role.id: draw(st.one_of(st.none(), st.integers(0, 9))) for role in roles if role.customer_facing}
    return org, hops


def laid_out(org, hops, view, size=SCREEN_TEXT, stack_from=6):
    tree = reporting_tree(org)
    cards = {
        role.id: card_for(role, Escalation(role.id, "refund", hops.get(role.id), None, ()), None, DECISION, size)
        for role in org.roles
    }
    segments = {s.id: (c.width, c.height) for s in org.customers for c in [segment_card(s, size)]}
    sizes = {key: (card.width, card.height) for key, card in cards.items()}
    return tree, card_layout(org, tree, sizes, view, size, segments=segments, stack_from=stack_from)


def assert_apart(boxes, gap):
    """No two rectangles meet: each pair is ``gap`` apart across or does not share a height."""
    for (_, a), (_, b) in itertools.combinations(boxes, 2):
        if a.top < b.bottom and b.top < a.bottom:
            assert a.right + gap <= b.left + EPSILON or b.right + gap <= a.left + EPSILON, (a, b)


def front_line(org, tree):
    """Customer-facing roles with no customer-facing role anywhere below them."""
    below = {}
    order = [org.top.id]
    for role_id in order:
        order.extend(tree.successors(role_id))
    for role_id in reversed(order):
        below[role_id] = any(org.role(k).customer_facing or below[k] for k in tree.successors(role_id))
    return {r for r in order if org.role(r).customer_facing and not below[r]}


@settings(max_examples=100, deadline=None)
@given(orgs(), st.sampled_from(["conventional", "inverted"]), st.sampled_from([SCREEN_TEXT, PICTURE_TEXT]))
def test_no_two_cards_overlap(made, view, size):
    org, hops = made
    for stack_from in (3, 10_000):
        _tree, layout = laid_out(org, hops, view, size, stack_from)
        boxes = [(r, layout.box(r)) for r in layout.x]
        assert_apart(boxes, size.sibling_gap)
        assert_apart(list(layout.customers.items()), size.sibling_gap)
        assert min(box.left for _, box in boxes + list(layout.customers.items())) >= -EPSILON
        for role_id, box in boxes:
            band = layout.bands[layout.band[role_id]]
            assert band.top <= box.top and box.bottom <= band.top + band.height + EPSILON
        assert set(layout.x) == {role.id for role in org.roles}


@settings(max_examples=100, deadline=None)
@given(orgs(), st.sampled_from(["conventional", "inverted"]))
def test_siblings_keep_their_order_and_parents_are_centred(made, view):
    org, hops = made
    tree, layout = laid_out(org, hops, view, stack_from=10_000)
    front = layout.front_line
    for role in org.roles:
        reports = list(tree.successors(role.id))
        for left, right in itertools.pairwise(reports):
            assert layout.x[left] < layout.x[right]
        if view == "inverted" and role.id in front:
            continue  # its reports stand beside it (see cardlayout), not over it
        beside = [r for report in reports for r in [report, *(tree.successors(report) if report in front else ())]]
        if view == "conventional":
            beside = reports
        if beside:
            middle = (layout.x[beside[0]] + layout.x[beside[-1]]) / 2
            assert abs(layout.x[role.id] - middle) < EPSILON


@settings(max_examples=100, deadline=None)
@given(orgs())
def test_customer_on_top_front_line_in_one_band_and_nothing_facing_no_one_above_it(made):
    org, hops = made
    tree, layout = laid_out(org, hops, "inverted")
    front = front_line(org, tree)
    assert layout.front_line == front
    assert layout.bands[0].name == "customers"
    if not front:
        assert "front line" not in [band.name for band in layout.bands], "no empty band"
        return
    front_band = next(i for i, band in enumerate(layout.bands) if band.name == "front line")
    assert front_band == 1
    for role in org.roles:
        if role.id in front:
            assert layout.band[role.id] == front_band
        else:
            assert layout.band[role.id] > front_band
            assert layout.top[role.id] > max((layout.top[f] for f in front), default=-1)
        if role.reports_to is not None and role.reports_to not in front:
            assert layout.band[role.reports_to] > layout.band[role.id], "managers below their reports"
    if org.top.id not in front:
        bottom = layout.band[org.top.id]
        assert bottom == len(layout.bands) - 1
        assert [r for r, b in layout.band.items() if b == bottom] == [org.top.id]
    segment_bottom = max(box.bottom for box in layout.customers.values())
    assert all(layout.top[r] > segment_bottom for r in layout.x)


@settings(max_examples=100, deadline=None)
@given(orgs())
def test_conventional_rows_start_with_the_top_role(made):
    org, hops = made
    _tree, layout = laid_out(org, hops, "conventional", stack_from=10_000)
    assert layout.top[org.top.id] == 0 and layout.band[org.top.id] == 0
    assert [r for r, b in layout.band.items() if b == 0] == [org.top.id]
    assert not layout.customers
    for role in org.roles:
        if role.reports_to is not None:
            assert layout.band[role.id] == layout.band[role.reports_to] + 1
