"""Property-based tests: whatever the input, the loader and the HR import return an org or
raise our error, and on every org accepted the metrics keep their invariants.

The fuzzing tests run a bounded number of examples in CI; ``ORGCHARTS_FUZZ_EXAMPLES=100000``
runs them for longer. Any crash hypothesis finds goes into ``REGRESSIONS`` below."""

import os
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgcharts import OrgFileError, load_bytes, load_text
from orgcharts.errors import MissingColumnError, UnknownColumnError
from orgcharts.graph import reporting_tree, sight_graph
from orgcharts.loader import example_names, example_text
from orgcharts.loader.hrcsv import Rules, import_bytes, to_yaml
from orgcharts.metrics import escalations, layers, line_of_sight, summarize
from tests.conftest import NORTHWIND

FUZZ_EXAMPLES = int(os.environ.get("ORGCHARTS_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def loads_or_refuses(text_or_bytes):
    try:
        if isinstance(text_or_bytes, bytes):
            return load_bytes(text_or_bytes, "fuzz.yaml")
        return load_text(text_or_bytes, "fuzz.yaml")
    except OrgFileError as error:
        assert error.errors, "a refused file must say why"
        for diagnostic in error.diagnostics:
            assert str(diagnostic).startswith("fuzz.yaml")
        return None


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["refund", "ceo", "c"]),
)
documents = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=10) | st.sampled_from(["id", "roles", "reports_to", "decides", "limit"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=30,
)


@FAST
@given(documents)
def test_random_documents_never_raise_anything_but_our_error(document):
    loads_or_refuses(yaml.safe_dump(document, allow_unicode=True))


@FAST
@given(st.binary(max_size=300))
def test_random_bytes_never_raise_anything_but_our_error(data):
    loads_or_refuses(data)


@FAST
@given(st.text(alphabet=string.printable + "&*!|>-[]{}:#'\"\u00e9\u202e", max_size=200))
def test_random_yaml_like_text_never_raises_anything_but_our_error(text):
    loads_or_refuses(text)


mutations = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "duplicate_line", "drop_line", "indent"]),
        st.integers(0, 10**6),
        st.characters(),
    ),
    min_size=1,
    max_size=5,
)


def mutate(text, steps):
    for kind, where, char in steps:
        if not text:
            break
        at = where % len(text)
        lines = text.split("\n")
        line = where % len(lines)
        if kind == "delete":
            text = text[:at] + text[at + 1 :]
        elif kind == "insert":
            text = text[:at] + char + text[at:]
        elif kind == "duplicate_line":
            text = "\n".join(lines[: line + 1] + lines[line:])
        elif kind == "drop_line":
            text = "\n".join(lines[:line] + lines[line + 1 :])
        else:
            text = "\n".join([*lines[:line], " " + lines[line], *lines[line + 1 :]])
    return text


@FAST
@given(st.sampled_from([NORTHWIND, *example_names()]), mutations)
def test_mutated_orgs_never_raise_anything_but_our_error(base, steps):
    text = base if base == NORTHWIND else example_text(base)
    loaded = loads_or_refuses(mutate(text, steps))
    if loaded is not None:
        check_metric_invariants(loaded.org)


ids = st.sampled_from([f"r{i}" for i in range(12)])
roles = st.lists(
    st.fixed_dictionaries(
        {"id": ids, "title": st.just("T")},
        optional={
            "reports_to": ids,
            "headcount": st.integers(0, 50),
            "serves": st.lists(st.sampled_from(["c1", "c2"]), max_size=2, unique=True),
            "supports": st.lists(ids, max_size=2, unique=True),
            "decides": st.lists(
                st.sampled_from(["d1", "d2"])
                | st.fixed_dictionaries({"decision": st.sampled_from(["d1", "d2"]), "limit": st.integers(1, 100)}),
                max_size=2,
            ),
        },
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(roles, st.one_of(st.none(), st.integers(0, 120)))
def test_orgs_of_the_right_shape_load_or_refuse_and_metrics_hold(role_list, amount):
    document = {
        "organization": "Generated",
        "customers": [{"id": "c1", "name": "One"}, {"id": "c2", "name": "Two"}],
        "decisions": [{"id": "d1", "name": "D1", "unit": "EUR"}, {"id": "d2", "name": "D2"}],
        "roles": role_list,
    }
    loaded = loads_or_refuses(yaml.safe_dump(document))
    if loaded is not None:
        check_metric_invariants(loaded.org, amount)


def check_metric_invariants(org, amount=None):
    tree = reporting_tree(org)
    assert sum(len(layer.roles) for layer in layers(org, tree)) == len(org.roles)
    sight = line_of_sight(org, sight_graph(org))
    for role in org.roles:
        assert (sight[role.id] == 0) == role.customer_facing
    for decision in org.decisions:
        found = escalations(org, tree, decision.id, amount)
        assert [e.role for e in found] == [role.id for role in org.roles if role.customer_facing]
        for e in found:
            assert e.path[0] == e.role
            if e.hops is None:
                assert e.path[-1] == org.top.id
            else:
                assert len(e.path) == e.hops + 1 and e.path[-1] == e.authority
                assert org.role(e.authority).authority_for(decision.id) is not None
                assert all(
                    org.role(below).authority_for(decision.id) is None or amount is not None for below in e.path[:-1]
                )
        summary = summarize(org, found)
        assert 0 <= summary.empowered_share <= 1
        if summary.weighted_mean_hops is not None:
            assert 0 <= summary.weighted_mean_hops <= summary.max_hops


@settings(max_examples=300, deadline=None)
@given(documents | st.fixed_dictionaries({"organization": scalars, "customers": documents, "roles": documents}))
def test_the_fast_validator_never_accepts_what_jsonschema_refuses(document):
    from orgcharts.loader.schema import conforms
    from orgcharts.loader.schema import full_validator as _validator

    if conforms(document):
        assert not list(_validator().iter_errors(document))


@settings(max_examples=200, deadline=None)
@given(roles)
def test_the_fast_validator_agrees_on_orgs_of_the_right_shape(role_list):
    from orgcharts.loader.schema import conforms
    from orgcharts.loader.schema import full_validator as _validator

    document = {"organization": "G", "customers": [{"id": "c1", "name": "C"}], "roles": role_list}
    assert conforms(document) == (not list(_validator().iter_errors(document)))


CSV_ALPHABET = "ab1,;\t|\"'\r\n \u00e9\u202e\x00"
HEADERS = st.sampled_from(["id,manager,title", "employee_id;ManagerID;job_title", "id\tparentId\tname", "x,y", ""])
REGRESSIONS = [
    b"id,manager\n1,1\n",  # a self-report
    b"id,manager\n\xff\xfe",  # a UTF-16 mark where none may be: Windows-1252 text
    b'id,manager\n"1\n',  # an unclosed quote
]


def imports_or_refuses(data):
    try:
        imported = import_bytes(data, "fuzz.csv", Rules(group_by_title=len(data) % 2 == 0))
    except OrgFileError as error:
        assert error.errors and all(str(d).startswith("fuzz.csv") for d in error.diagnostics)
        return None
    except MissingColumnError as error:
        assert str(error).startswith("fuzz.csv: no ") and "--" in str(error), "it names the options to use"
        return None
    except UnknownColumnError:
        raise AssertionError("no column was named, so none can be unknown") from None
    return loads_or_refuses(to_yaml(imported.document))


@FAST
@given(st.binary(max_size=400))
def test_random_bytes_import_or_are_refused_by_our_error(data):
    imports_or_refuses(data)


@FAST
@given(HEADERS, st.text(alphabet=CSV_ALPHABET, max_size=300))
def test_csv_like_exports_import_or_are_refused_by_our_error(header, body):
    imported = imports_or_refuses(f"{header}\n{body}".encode("utf-8", "surrogatepass"))
    if imported is not None:
        assert imported.org.roles


def test_inputs_kept_from_fuzzing_end_in_an_org_or_our_error():
    for data in REGRESSIONS:
        imports_or_refuses(data)
