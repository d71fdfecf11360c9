from orgcharts import load_text
from orgcharts.findings import headline_findings
from tests.conftest import NORTHWIND


def northwind():
    return load_text(NORTHWIND, "org.yaml").org


def test_findings_name_who_climbs_and_how_far_for_the_decision_asked():
    found = headline_findings(northwind(), "refund", 600)
    assert found == [
        "Care agent (300 people, 100% of your customer-facing people) climb 2 hops before anyone can decide "
        "refund or bill credit of 600 USD.",
        "None of your customer-facing people can decide refund or bill credit of 600 USD on the spot.",
        "Your customer-facing people sit as deep as layer 3 below the top (Chief Executive Officer): "
        "the distance their voice climbs to reach strategy.",
        "Your 2 managers have a median span of 1.5 (direct reports per manager); 2 (100%) have 3 or fewer, "
        "each a layer a request may climb.",
    ]


def test_an_empowered_front_line_is_said_and_nobody_is_said_to_climb():
    found = headline_findings(northwind(), "refund", 10)
    assert found[0] == "100% of your customer-facing people can decide refund or bill credit of 10 USD on the spot."
    assert not any("climb 1 hop" in sentence or "climb 2 hops" in sentence for sentence in found)


def test_without_a_decision_the_farthest_one_is_told():
    # early_upgrade: only the CEO decides (2 hops); refund without an amount: the agent decides (0 hops)
    assert "early upgrade outside policy" in headline_findings(northwind())[0]


def test_three_to_five_findings_on_every_shipped_example():
    from orgcharts.loader import example_names, load_example

    for name in example_names():
        assert 3 <= len(headline_findings(load_example(name).org)) <= 5, name
