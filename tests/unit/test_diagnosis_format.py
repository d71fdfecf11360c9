"""The diagnostic keys of the org file: read into the model, and each mistake at its line and column."""

import textwrap

import pytest

from orgcharts import load_text
from tests.conftest import diagnostics_of, errors_of

DIAGNOSED = textwrap.dedent(
    """\
    organization: Northwind Mobile
    escalation:
      hours_per_hop: 4
    customers:
      - id: consumers
        name: Consumer subscribers
        weight: 0.55
      - id: business
        name: Business accounts
        weight: 0.45
    decisions:
      - id: refund
        name: Refund or bill credit
        unit: USD
        typical_amount: 200
        requests:
          per_person_per_week: 3
          amounts:
            - {amount: 25, share: 0.6}
            - {amount: 200, share: 0.3}
            - {amount: 2000, share: 0.1}
    roles:
      - id: ceo
        title: Chief Executive Officer
        decides: [refund]
      - id: care_agent
        title: Care agent
        reports_to: ceo
        headcount: 300
        pay: 38000
        tenure_years: 1.4
        training_hours: 16
        serves:
          - consumers
          - {segment: business, for: acquisition}
    """
)


def edit(old: str, new: str) -> str:
    assert DIAGNOSED.count(old) == 1, old
    return DIAGNOSED.replace(old, new)


def test_every_diagnostic_key_reaches_the_model():
    loaded = load_text(DIAGNOSED, "org.yaml")
    org = loaded.org
    assert loaded.warnings == ()
    assert org.hours_per_hop == 4.0
    assert [segment.weight for segment in org.customers] == [0.55, 0.45]
    refund = org.decision_index["refund"]
    assert refund.requests_per_person_per_week == 3.0
    assert [(share.amount, share.share) for share in refund.mix] == [(25, 0.6), (200, 0.3), (2000, 0.1)]
    agent = org.role("care_agent")
    assert (agent.pay, agent.tenure_years, agent.training_hours) == (38000.0, 1.4, 16.0)
    assert agent.serves == ("consumers", "business")
    assert [agent.purpose_for(position) for position in range(2)] == ["service", "acquisition"]


def test_without_the_keys_nothing_is_given():
    org = load_text(DIAGNOSED.replace("    weight: 0.55\n", "").replace("    weight: 0.45\n", ""), "o.yaml").org
    assert [segment.weight for segment in org.customers] == [None, None]
    assert org.role("ceo").pay is None
    assert org.role("ceo").purpose_for(0) == "service"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "{amount: 2000, share: 0.1}",
            "{amount: 2000, share: 0.2}",
            "org.yaml:18:7: error: the shares of the request amounts of decision 'refund' sum to 1.1, not 1; "
            "make them add up to 1 (0.6, 0.3 and 0.1, say)",
        ),
        (
            "{amount: 2000, share: 0.1}",
            "{amount: 200, share: 0.1}",
            "org.yaml:21:20: error: the request amounts of decision 'refund' list 200 twice; "
            "give each amount once with its whole share",
        ),
        (
            "{amount: 2000, share: 0.1}",
            "{amount: 2000, share: 1.5}",
            "org.yaml:21:33: error: share of entry #3 of requests.amounts of decision 'refund' must be 1 or less, "
            "not 1.5",
        ),
        (
            "for: acquisition",
            "for: winning",
            "org.yaml:35:34: error: for of entry #2 of serves of role 'care_agent' must be one of acquisition, "
            "retention, service, not 'winning'",
        ),
        (
            "{segment: business, for: acquisition}",
            "{segment: busines, for: acquisition}",
            "org.yaml:35:9: error: serves 'busines' is not a customer segment id (did you mean 'business'?)",
        ),
        (
            "{segment: business, for: acquisition}",
            "{segment: consumers, for: retention}",
            "org.yaml:35:9: error: role 'care_agent' serves 'consumers' twice; list each segment once, "
            "with the purpose it is served for",
        ),
        ("pay: 38000", "pay: -1", "org.yaml:30:10: error: pay of role 'care_agent' must be 0 or more, not -1"),
        (
            "hours_per_hop: 4",
            "hours_per_hop: four",
            "org.yaml:3:18: error: escalation.hours_per_hop must be a number, not 'four'",
        ),
        (
            "    unit: USD\n",
            "",
            "org.yaml:17:7: error: decision 'refund' has no unit, so its requests cannot ask for amounts; "
            "give the decision a unit or remove amounts",
        ),
    ],
)
def test_each_diagnostic_mistake_is_reported_at_its_line_and_column(old, new, expected):
    assert expected in errors_of(edit(old, new))


def test_shares_within_a_millionth_of_one_are_fine():
    text = edit("{amount: 2000, share: 0.1}", "{amount: 2000, share: 0.1000005}")
    assert errors_of(text) == []


def test_a_segment_without_a_weight_among_weighted_ones_is_warned_about():
    assert diagnostics_of(edit("    weight: 0.45\n", "")) == [
        "org.yaml:8:9: warning: customer segment 'business' has no weight while others have one: its attention "
        "cannot be set against how much it matters; give it a weight"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "- {segment: business, for: acquisition}",
            "- {}",
            "org.yaml:35:9: error: entry #2 of serves of role 'care_agent' has no 'segment'; add it",
        ),
        (
            "weight: 0.55",
            "weight: true",
            "org.yaml:7:13: error: weight of customer segment 'consumers' must be a number, not true",
        ),
        ("hours_per_hop: 4", "hours_per_hop: .inf", "org.yaml:3:18: error: .inf is not a finite number"),
    ],
)
def test_wrong_types_in_the_diagnostic_keys(old, new, expected):
    assert errors_of(edit(old, new)) == [expected]


def test_an_empty_mix_is_refused():
    text = DIAGNOSED.replace(
        "      amounts:\n        - {amount: 25, share: 0.6}\n        - {amount: 200, share: 0.3}\n"
        "        - {amount: 2000, share: 0.1}\n",
        "      amounts: []\n",
    )
    assert errors_of(text) == [
        "org.yaml:18:16: error: requests.amounts of decision 'refund' must list at least one entry"
    ]
