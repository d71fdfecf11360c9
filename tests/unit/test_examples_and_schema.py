"""The shipped examples tell the stories they promise, and the schema is the one the loader uses."""

import json

import jsonschema
import pytest
import yaml

from orgcharts.graph import reporting_tree
from orgcharts.loader import example_names, example_text, load_example, schema, schema_text
from orgcharts.metrics import escalations, summarize


def test_three_examples_of_realistic_size():
    assert example_names() == ["b2b", "retailer", "telecom"]
    for name in example_names():
        org = load_example(name).org
        assert 25 <= len(org.roles) <= 150, name


def summary_of(name, decision, amount=None):
    org = load_example(name).org
    return summarize(org, escalations(org, reporting_tree(org), decision, amount))


def test_telecom_front_line_checks_with_its_manager_two_or_three_hops_away():
    org = load_example("telecom").org
    tree = reporting_tree(org)
    for decision, amount in (("refund", 200), ("early_upgrade", None)):
        hops = {e.role: e.hops for e in escalations(org, tree, decision, amount)}
        front_line = [role for role in hops if role.startswith(("rep_", "agent_"))]
        assert len(front_line) == 11
        assert all(hops[role] in (2, 3) for role in front_line), hops


def test_retailer_front_line_decides_almost_everything_itself():
    for decision in ("return_no_receipt", "price_adjustment", "special_order", "goodwill_credit"):
        summary = summary_of("retailer", decision)
        assert summary.empowered_share == 1.0, decision
    assert summary_of("retailer", "goodwill_credit", 300).empowered_share < 0.2


def test_b2b_has_a_segment_far_from_authority_and_internal_support_roles():
    org = load_example("b2b").org
    assert len(org.customers) >= 3
    assert sum(1 for role in org.roles if role.supports) >= 10
    segments = summary_of("b2b", "discount", 10).by_segment
    far = segments["distributors"].weighted_mean_hops
    assert far >= 3
    assert far > segments["key_accounts"].weighted_mean_hops + 2


def test_shipped_schema_is_a_valid_json_schema_and_matches_the_file():
    jsonschema.Draft202012Validator.check_schema(schema())
    assert json.loads(schema_text()) == schema()


@pytest.mark.parametrize("name", ["b2b", "retailer", "telecom"])
def test_examples_validate_against_the_schema_directly(name):
    jsonschema.validate(yaml.safe_load(example_text(name)), schema())
