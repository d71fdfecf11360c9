"""Each kind of mistake in an org file, with the exact line and column it is reported at."""

import textwrap

import pytest

from orgcharts import OrgFileError, load_text
from tests.conftest import NORTHWIND, diagnostics_of, errors_of


def edit(old: str, new: str, text: str = NORTHWIND) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def test_the_sample_org_loads_without_diagnostics():
    loaded = load_text(NORTHWIND, "org.yaml")
    assert [role.id for role in loaded.org.roles] == ["ceo", "care_manager", "care_agent", "hr_partner"]
    assert loaded.warnings == ()
    assert loaded.org.role("care_agent").decides[0].limit == 25


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "reports_to: care_manager",
            "reports_to: care_manger",
            "org.yaml:26:17: error: reports_to 'care_manger' is not a role id (did you mean 'care_manager'?)",
        ),
        (
            "reports_to: care_manager",
            "reports_to: subscribers",
            "org.yaml:26:17: error: reports_to 'subscribers' is not a role id (it is the id of a customer segment)",
        ),
        (
            "serves: [subscribers]",
            "serves: [subscriber]",
            "org.yaml:28:14: error: serves 'subscriber' is not a customer segment id (did you mean 'subscribers'?)",
        ),
        (
            "supports: [care_manager]",
            "supports: [care_boss]",
            "org.yaml:34:16: error: supports 'care_boss' is not a role id",
        ),
        (
            "decides: [refund, early_upgrade]",
            "decides: [refund, early_upgrad]",
            "org.yaml:17:23: error: decides 'early_upgrad' is not a decision id (did you mean 'early_upgrade'?)",
        ),
        (
            "headcount: 300",
            "headcount: -3",
            "org.yaml:27:16: error: headcount of role 'care_agent' must be 0 or more, not -3",
        ),
        (
            "headcount: 300",
            "headcount: 2.5",
            "org.yaml:27:16: error: headcount of role 'care_agent' must be a whole number, not 2.5",
        ),
        (
            "headcount: 300",
            "headcount: lots",
            "org.yaml:27:16: error: headcount of role 'care_agent' must be a whole number, not 'lots'",
        ),
        (
            "{decision: refund, limit: 25}",
            "{decision: refund, limit: 0}",
            "org.yaml:30:35: error: limit of decides entry #1 of role 'care_agent' must be more than 0, not 0",
        ),
        (
            "{decision: refund, limit: 25}",
            "{decision: refund, limit: -5}",
            "org.yaml:30:35: error: limit of decides entry #1 of role 'care_agent' must be more than 0, not -5",
        ),
        (
            "    title: Care agent\n",
            "",
            "org.yaml:24:5: error: role 'care_agent' has no 'title'; add it",
        ),
        (
            "    reports_to: care_manager\n",
            "    report_to: care_manager\n",
            "org.yaml:26:5: error: unknown key 'report_to' in role 'care_agent' (did you mean 'reports_to'?)",
        ),
        (
            "organization: Northwind Mobile",
            "organisation: Northwind Mobile",
            "org.yaml:1:1: error: unknown key 'organisation' in the org file (did you mean 'organization'?)",
        ),
        (
            "  - id: business\n",
            "  - id: care_agent\n",
            "org.yaml:24:9: error: id 'care_agent' is already the id of a customer segment; ids must be unique (first used at line 5)",
        ),
        (
            "  - id: hr_partner",
            "  - id: care_manager",
            "org.yaml:31:9: error: id 'care_manager' is already the id of a role; ids must be unique (first used at line 18)",
        ),
        (
            "serves: [subscribers]",
            "serves: [subscribers, subscribers]",
            "org.yaml:28:13: error: serves of role 'care_agent' lists 'subscribers' twice",
        ),
        (
            "supports: [care_manager]",
            "supports: [hr_partner]",
            "org.yaml:34:16: error: role 'hr_partner' supports itself; list the roles it serves",
        ),
        (
            "decides: [refund, early_upgrade]",
            "decides: [refund, refund, early_upgrade]",
            "org.yaml:17:23: error: decides lists 'refund' twice; keep one entry per decision",
        ),
        (
            "    name: Dana Reyes\n",
            "    name: Dana Reyes\n    name: Dana R.\n",
            "org.yaml:17:5: error: key 'name' appears twice in this mapping; keep one",
        ),
        (
            "headcount: 300",
            "headcount: !!python/object:os.system ls",
            "org.yaml:27:16: error: tag tag:yaml.org,2002:python/object:os.system is not supported here; remove it",
        ),
        (
            "title: Care agent",
            "title: [Care, agent]",
            "org.yaml:25:12: error: title of role 'care_agent' must be text, not a list",
        ),
        (
            "title: Care agent",
            'title: ""',
            "org.yaml:25:12: error: title of role 'care_agent' must not be empty",
        ),
    ],
)
def test_each_mistake_is_reported_at_its_line_and_column(old, new, expected):
    assert expected in diagnostics_of(edit(old, new))


@pytest.mark.parametrize(
    ("written", "instead", "expected", "read"),
    [
        (  # a reporting cycle names its roles
            "    reports_to: ceo\n    headcount: 12",
            "    reports_to: care_agent\n    headcount: 12",
            "org.yaml:20:17: error: reporting cycle 'care_manager' -> 'care_agent' -> 'care_manager'; "
            "one of these roles must report outside the cycle",
            diagnostics_of,
        ),
        (  # a role reporting to itself
            "reports_to: care_manager",
            "reports_to: care_agent",
            "org.yaml:26:17: error: role 'care_agent' reports to itself; give it its real manager",
            errors_of,  # care_manager, no longer managing anyone, is warned about too; not the point here
        ),
        (  # several top roles are named
            "    reports_to: ceo\n    supports",
            "    supports",
            "org.yaml:31:5: error: several roles have no reports_to ('ceo', 'hr_partner'); "
            "exactly one may be the top: give 'hr_partner' a manager",
            diagnostics_of,
        ),
    ],
)
def test_the_tree_rules_name_the_roles(written, instead, expected, read):
    assert read(edit(written, instead)) == [expected]


def test_no_top_role():
    text = edit(
        "    decides: [refund, early_upgrade]", "    reports_to: hr_partner\n    decides: [refund, early_upgrade]"
    )
    assert errors_of(text) == [
        "org.yaml:13:1: error: no top role: every role has a reports_to; the top role (the chief executive) must have none",
        "org.yaml:17:17: error: reporting cycle 'ceo' -> 'hr_partner' -> 'ceo'; one of these roles must report outside the cycle",
    ]


def test_missing_sections_and_empty_lists():
    assert errors_of("organization: X\nroles: []\n") == [
        "org.yaml:1:1: error: the org file has no 'customers'; add it",
        "org.yaml:2:8: error: roles must list at least one role",
    ]
    assert "org.yaml:2:12: error: customers must list at least one customer segment" in errors_of(
        "organization: X\ncustomers: []\nroles: [{id: a, title: A}]\n"
    )


def test_the_top_level_must_be_a_mapping():
    assert errors_of("- just\n- a list\n") == [
        "org.yaml:1:1: error: the org file must be a mapping of keys to values, not a list"
    ]


def test_all_problems_are_reported_in_one_pass():
    text = edit("headcount: 300", "headcount: many")
    text = edit("reports_to: ceo\n    headcount: 12", "reports_to: chief\n    headcount: 12", text)
    text = edit("supports: [care_manager]", "suports: [care_manager]", text)
    assert errors_of(text) == [
        "org.yaml:20:17: error: reports_to 'chief' is not a role id",
        "org.yaml:27:16: error: headcount of role 'care_agent' must be a whole number, not 'many'",
        "org.yaml:34:5: error: unknown key 'suports' in role 'hr_partner' (did you mean 'supports'?)",
    ]


def test_yaml_syntax_error_position():
    text = edit("    title: Care agent\n", "    title: Care agent\n   bad: [unclosed\n")
    (message,) = diagnostics_of(text)
    assert message.startswith("org.yaml:26:4: error: YAML syntax:")


def test_tab_indentation_is_a_syntax_error_not_a_crash():
    (message,) = diagnostics_of("organization: X\ncustomers:\n\t- id: a\n")
    assert message.startswith("org.yaml:3:1: error: YAML syntax:")


def test_warnings_do_not_fail_the_load():
    text = textwrap.dedent(
        """\
        organization: Tiny
        customers: [{id: shoppers, name: Shoppers}]
        decisions:
          - {id: refund, name: Refund}
          - {id: exchange, name: Exchange}
        roles:
          - id: boss
            title: Owner
            decides: [{decision: refund, limit: 50}]
          - {id: clerk, title: Clerk, reports_to: boss, serves: [shoppers]}
          - {id: cleaner, title: Cleaner, reports_to: boss}
        """
    )
    loaded = load_text(text, "tiny.yaml")
    assert [str(w) for w in loaded.warnings] == [
        "tiny.yaml:5:10: warning: no role can make decision 'exchange'; every request for it goes unanswered",
        "tiny.yaml:9:41: warning: decision 'refund' has no unit, so this limit cannot be compared with an amount "
        "and is ignored; give the decision a unit",
        "tiny.yaml:11:10: warning: role 'cleaner' serves no segment, supports no role and manages no one: "
        "it has no line of sight to a customer",
    ]


def test_missing_decisions_section_is_a_warning():
    loaded = load_text("organization: X\ncustomers: [{id: c, name: C}]\nroles: [{id: a, title: A, serves: [c]}]\n")
    assert [d.message for d in loaded.warnings] == [
        "no decisions listed: add the decisions customers bring to measure decision distance"
    ]
    assert loaded.org.decisions == ()


def test_findings_are_capped_with_a_count_of_the_rest():
    roles = "\n".join(f"  - {{id: r{i}, title: T, reports_to: nobody{i}}}" for i in range(500))
    text = f"organization: X\ncustomers: [{{id: c, name: C}}]\nroles:\n  - {{id: top, title: Top}}\n{roles}\n"
    with pytest.raises(OrgFileError) as caught:
        load_text(text, "many.yaml")
    errors = caught.value.errors
    assert len(errors) == 201
    assert errors[-1].message == "802 more problems not shown; fix these first"
    assert str(errors[0]).startswith("many.yaml:5:36: error: reports_to 'nobody0' is not a role id")
    assert str(errors[-1]) == "many.yaml: error: 802 more problems not shown; fix these first"


def test_ids_may_hold_any_text_and_numbers_as_titles_are_refused_with_advice():
    text = edit("title: Care agent", "title: 42")
    assert "org.yaml:25:12: error: title of role 'care_agent' must be text, not 42" in diagnostics_of(text)


def test_anchors_and_merge_keys_are_supported():
    text = textwrap.dedent(
        """\
        organization: Merged
        customers: [{id: c, name: C}]
        decisions: [{id: refund, name: Refund, unit: EUR}]
        roles:
          - {id: top, title: Top, decides: &all [refund]}
          - &rep {id: rep1, title: Rep, reports_to: top, serves: [c], decides: *all}
          - <<: *rep
            id: rep2
        """
    )
    org = load_text(text).org
    assert [(r.id, r.title, r.reports_to, r.serves) for r in org.roles[1:]] == [
        ("rep1", "Rep", "top", ("c",)),
        ("rep2", "Rep", "top", ("c",)),
    ]


def every_path(value, path=()):
    yield path, False
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key), True
            yield from every_path(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from every_path(child, (*path, index))


@pytest.mark.parametrize("name", ["telecom", "retailer", "b2b"])
def test_locating_one_item_agrees_with_reading_the_whole_file(name):
    from orgcharts.loader import example_text
    from orgcharts.loader.positions import Locator
    from orgcharts.loader.yamltext import read_document

    text = example_text(name)
    document = read_document(text)
    fast, whole = Locator(text, document), Locator(text)
    paths = list(every_path(document.value))
    assert len(paths) > 500
    for path, is_key in paths:
        assert fast.position(path, key=is_key) == whole.position(path, key=is_key), path


def test_locating_falls_back_when_items_share_a_line():
    from orgcharts.loader.positions import Locator
    from orgcharts.loader.yamltext import read_document

    text = "organization: X\nroles: [{id: a, title: A}, {id: b, title: B, headcount: x}]\n"
    document = read_document(text)
    assert Locator(text, document).position(("roles", 1, "headcount")) == (1, 56)
