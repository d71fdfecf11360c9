from orgcharts import load_text
from orgcharts.findings import headline_findings
from orgcharts.loader import example_names, load_example
from tests.conftest import NORTHWIND
from tests.fixtures.orgs import TINY


def test_from_hops_alone_when_the_file_has_no_diagnostic_figures():
    org = load_text(NORTHWIND, "org.yaml").org
    assert headline_findings(org, "refund", 600) == [
        "Requests to Care agent (300 people, 100% of your customer-facing people) climb 2 hops for refund or bill credit of 600 USD.",
        "None of your customer-facing people can decide refund or bill credit on the spot.",
        "Your customer-facing people sit at layer 3 below the top (Chief Executive Officer): "
        "the distance their voice climbs to reach strategy.",
        "2 of your 2 managers (100%) have 3 direct reports or fewer: each such layer is one more a request may climb.",
    ]


def test_an_empowered_front_line_is_said_and_nobody_is_said_to_climb():
    found = headline_findings(load_text(NORTHWIND, "org.yaml").org, "refund", 10)
    assert found[0] == "100% of your customer-facing people can decide refund or bill credit of 10 USD on the spot."
    assert not any(" climb " in sentence for sentence in found)


def test_without_a_decision_the_one_climbing_farthest_is_told():
    # early_upgrade: only the CEO decides (2 hops); refund without an amount: the agent decides (0 hops)
    assert "early upgrade outside policy" in headline_findings(load_text(NORTHWIND, "org.yaml").org)[0]


def test_from_the_diagnostics_when_the_file_gives_them():
    # tests/unit/test_diagnostics.py works these figures out by hand
    assert headline_findings(load_text(TINY, "tiny.yaml").org) == [
        "Requests to Store rep (6 people, 38% of your customer-facing people) climb 1 hop for refund "
        "(50% at 20, 25% at 100 and 25% at 1,000 USD): 9 requests a week wait 4 hours.",
        "Chief Executive decides 9 requests a week climbed up from others for refund, 64% of all escalations: "
        "the heaviest desk.",
        "8 requests a week for refund reach no one who can decide them, from 16 customer-facing people (100%).",
        "The people who face your customers are paid 0.50x what the rest of the org is, with 0.17x its tenure "
        "and 0.33x its training (medians by headcount): the front door is staffed with the least supported.",
        "Only 31% of requests for refund are decided by the person the customer asked.",
    ]


def test_three_to_five_findings_on_every_shipped_example():
    for name in example_names():
        assert 3 <= len(headline_findings(load_example(name).org)) <= 5, name
