"""Cards: what each says, whole, and the size its measured text gives it."""

import pytest

from orgcharts.cards import (
    PICTURE_TEXT,
    PROJECTOR_TEXT,
    SCREEN_TEXT,
    card_for,
    cards_for,
    hop_bucket,
    hop_text,
    people_text,
    segment_card,
    sizes_of,
)
from orgcharts.collapse import Rollup
from orgcharts.metrics import Escalation
from orgcharts.model import Authority, Decision, Role, Segment
from orgcharts.textsize import text_width

REFUND = Decision("refund", "Refund", "USD")
EXCEPTION = Decision("exception", "Policy exception")


def agent(**changes):
    fields = {"id": "a", "title": "Care Agent, Denver", "headcount": 140, "serves": ("c",), "reports_to": "tl"}
    return Role(**{**fields, **changes})


def escalation(hops):
    return Escalation("a", "refund", hops, None if hops is None else "tl", ("a", "tl"))


def texts(card, kind=None):
    return [line.text for line in card.lines if kind is None or line.kind == kind]


def test_people_and_hops_in_words():
    assert [people_text(n) for n in (0, 1, 2, 1400)] == ["vacant", "1 person", "2 people", "1,400 people"]
    assert [hop_text(n) for n in (0, 1, 2, 3, 4, 9, None)] == [
        "0 hops",
        "1 hop",
        "2 hops",
        "3 hops",
        "4+ hops",
        "4+ hops",
        "no one can decide",
    ]
    assert [hop_bucket(n) for n in (0, 3, 4, 12, None)] == [0, 3, 4, 4, None]


def test_a_front_line_card_says_title_person_people_and_hops():
    card = card_for(agent(name="Ann Lee"), escalation(2), None, REFUND)
    assert texts(card) == ["Care Agent, Denver", "Ann Lee", "140 people"]
    assert [line.style for line in card.lines] == ["bold", "oblique", "regular"]
    assert card.chip is not None and card.chip.text == "2 hops" and card.chip.bucket == 2
    assert card.chip.top >= card.lines[-1].top + card.lines[-1].height
    assert card.height == pytest.approx(card.chip.top + card.chip.height + SCREEN_TEXT.padding_y)


def test_authority_in_words():
    limited = agent(decides=(Authority("refund", 500),))
    assert texts(card_for(limited, escalation(0), None, REFUND), "authority") == ["decides up to 500 USD"]
    big = agent(decides=(Authority("refund", 2500),))
    assert texts(card_for(big, escalation(0), None, REFUND), "authority") == ["decides up to 2,500 USD"]
    unlimited = agent(decides=(Authority("refund"),), serves=())
    card = card_for(unlimited, None, None, REFUND)
    assert texts(card, "authority") == ["decides any amount"] and card.chip is None
    assert texts(card_for(agent(decides=(Authority("exception"),)), None, None, EXCEPTION), "authority") == [
        "can decide"
    ]


def test_no_one_can_decide_is_said_once_on_the_chip():
    card = card_for(agent(), escalation(None), None, REFUND)
    assert card.chip.text == "no one can decide" and card.chip.bucket is None
    assert texts(card, "authority") == []


def test_no_decision_no_chip_and_vacant_roles():
    card = card_for(agent(headcount=0), escalation(1), None, None)
    assert card.chip is None and texts(card) == ["Care Agent, Denver", "vacant"]


def test_a_collapsed_role_says_what_it_stands_for_with_the_expand_mark_and_one_count_of_people():
    rollup = Rollup(roles=39, people=45, facing_people=40, median_hops=2, unreachable_people=0)
    card = card_for(agent(serves=()), None, rollup, REFUND, PROJECTOR_TEXT)
    assert " ".join(texts(card, "rollup")).replace(" · ", " ") == "▸ +38 roles 45 people median 2 hops"
    assert texts(card, "rollup")[0].startswith("▸ +38 roles")
    assert texts(card, "people") == [], "one count of people on a card: the team's, its own included"
    one = Rollup(roles=2, people=1, facing_people=0, median_hops=None, unreachable_people=0)
    assert texts(card_for(agent(), None, one, None), "rollup") == ["▸ +1 role · 1 person"]


@pytest.mark.parametrize("size", [SCREEN_TEXT, PROJECTOR_TEXT, PICTURE_TEXT])
def test_sizes_come_from_the_text_and_every_title_is_whole(size):
    long_title = "Senior Regional Vice President of Customer Experience and Service Operations"
    card = card_for(agent(title=long_title, name="Maria-Fernanda Lopez-Garcia"), escalation(4), None, REFUND, size)
    assert " ".join(texts(card, "title")) == long_title, "the title whole, wrapped"
    assert size.min_width <= card.width <= size.max_width
    for line in card.lines:
        assert line.px >= size.px
        assert line.width == pytest.approx(text_width(line.text, line.px, line.style))
        assert line.width <= card.width - 2 * size.padding_x + 1e-9
    assert card.chip.px >= size.px and card.chip.width <= card.width
    short = card_for(agent(title="CEO", serves=(), headcount=1), None, None, None, size)
    assert short.width == size.min_width
    assert short.height == pytest.approx(2 * size.padding_y + 2 * size.px * size.line_height)
    assert [SCREEN_TEXT.px, PROJECTOR_TEXT.px, PICTURE_TEXT.px] == [13, 18, 24]


def test_a_card_is_as_wide_as_its_widest_line():
    card = card_for(agent(title="Chief Financial Officer", serves=()), None, None, None)
    widest = text_width("Chief Financial Officer", 13, "bold")
    assert widest + 2 * SCREEN_TEXT.padding_x < SCREEN_TEXT.max_width
    assert card.width == pytest.approx(max(widest + 2 * SCREEN_TEXT.padding_x, SCREEN_TEXT.min_width))


def test_cards_for_an_org_and_segment_cards(telecom):
    org, _tree, found = telecom
    cards = cards_for(org, [role.id for role in org.roles], found, None, "refund")
    assert set(cards) == {role.id for role in org.roles}
    assert cards["agent_denver"].chip.text == "2 hops"
    assert cards["ceo"].chip is None
    assert sizes_of(cards)["ceo"] == (cards["ceo"].width, cards["ceo"].height)
    segment = segment_card(Segment("smb", "Small business accounts"))
    assert [line.kind for line in segment.lines] == ["segment"] * len(segment.lines)


@pytest.fixture
def telecom():
    from orgcharts.graph import reporting_tree
    from orgcharts.loader import load_example
    from orgcharts.metrics import escalations

    org = load_example("telecom").org
    tree = reporting_tree(org)
    return org, tree, escalations(org, tree, "refund", 200)


def test_an_authority_card_carries_its_load_and_the_heaviest_is_marked():
    """DIAGNOSED at 50 EUR (tests/fixtures/orgs.py): the clerks' 20 requests a week go to the
    store manager, the desk's 10 to Operations, the reps' 8 to the top."""
    from orgcharts.graph import reporting_tree
    from orgcharts.loader import load_text
    from orgcharts.metrics import escalations
    from tests.fixtures.orgs import DIAGNOSED

    org = load_text(DIAGNOSED).org
    found = escalations(org, reporting_tree(org), "refund", 50)
    cards = cards_for(org, [role.id for role in org.roles], found, None, "refund")
    said = {
        role: [(line.text, line.style) for line in card.lines if line.kind == "load"] for role, card in cards.items()
    }
    assert said == {
        "top": [("8 requests a week", "regular")],
        "ops": [("10 requests a week", "regular")],
        "store_mgr": [("20 requests a week", "bold"), ("(heaviest)", "bold")],
        **{role: [] for role in ("clerk", "desk", "sales", "rep", "hr", "it")},  # the clerks decide none at 50
    }
    manager = cards["store_mgr"]
    assert texts(manager) == ["Store manager", "1 person", "decides up to 100 EUR", "20 requests a week", "(heaviest)"]
    assert all(line.width <= SCREEN_TEXT.max_width - 2 * SCREEN_TEXT.padding_x for line in manager.lines)
    assert cards_for(org, ["store_mgr"], found, None, "exception")["store_mgr"].lines[-1].kind == "people", (
        "a decision without a request rate: no load"
    )
    assert texts(cards_for(org, ["ops"], found, None, None)["ops"], "load") == [], "no decision shown: no load"


EMPOWERED = """\
organization: T
customers: [{id: c, name: C}]
decisions: [{id: refund, name: Refund, unit: USD, requests: {per_person_per_week: 1}}]
roles:
  - {id: boss, title: Boss, decides: [refund]}
  - {id: agent, title: Agent, reports_to: boss, headcount: 10, serves: [c], decides: [{decision: refund, limit: 100}]}
  - {id: rep, title: Rep, reports_to: boss, headcount: 3, serves: [c]}
"""


def test_the_heaviest_desk_is_the_one_requests_climb_to_not_a_front_line_deciding_its_own():
    """At 50 USD the agents decide their own 10 requests a week on the spot; the reps' 3 climb to
    the boss: the boss's desk is the heaviest, on the chart's cards and the Diagnosis tab's."""
    from orgcharts.diagnosisfigures import authority_cards
    from orgcharts.graph import reporting_tree
    from orgcharts.loader import load_text
    from orgcharts.metrics import escalations
    from orgcharts.metrics.diagnostics import diagnose

    org = load_text(EMPOWERED).org
    found = escalations(org, reporting_tree(org), "refund", 50)
    cards = cards_for(org, ["boss", "agent"], found, None, "refund")
    assert texts(cards["agent"], "load") == ["10 requests a week"], "its own customers' requests: not a burden"
    assert texts(cards["boss"], "load") == ["3 requests a week", "(heaviest)"]
    diagnosis = diagnose(org, ["refund"], 50)
    marked = {card.role: card.heaviest for card in authority_cards(diagnosis, diagnosis.decisions["refund"])}
    assert marked == {"agent": False, "boss": True}
