"""The tree rules (one top, no reporting cycles, known managers) say the same in an org file and an HR export."""

import math
import re
import time

import pytest

from orgcharts.errors import OrgFileError
from orgcharts.loader import load_text
from orgcharts.loader.hrcsv import Rules, import_bytes
from orgcharts.loader.treerules import tree_problems


def field_named(message):
    """Each input names its manager field its own way (reports_to, manager); the rest is the same."""
    return re.sub(r"\b(reports_to|manager)(?= '| \(|;)", "MANAGER", message)


def yaml_errors(managers):
    roles = "".join(
        f"  - {{id: {role}, title: T{', reports_to: ' + manager if manager else ''}}}\n"
        for role, manager in managers.items()
    )
    with pytest.raises(OrgFileError) as raised:
        load_text(f"organization: X\ncustomers: [{{id: segment, name: S}}]\nroles:\n{roles}", "org.yaml")
    return [field_named(d.message) for d in raised.value.errors]


def csv_errors(managers):
    data = "id,manager,title\n" + "".join(f"{role},{manager or ''},T\n" for role, manager in managers.items())
    with pytest.raises(OrgFileError) as raised:
        import_bytes(data.encode(), "hr.csv", Rules())
    return [field_named(d.message) for d in raised.value.errors]


@pytest.mark.parametrize(
    "managers",
    [
        {"a": None, "b": "a", "c": "d", "d": "c"},  # a cycle
        {"a": "b", "b": "a"},  # no top
        {"a": None, "b": "x"},  # an unknown manager
    ],
)
def test_an_org_file_and_an_export_say_the_same(managers):
    assert yaml_errors(managers) == csv_errors(managers)


def test_an_export_s_several_tops_are_one_error_that_names_root_and_its_own_id_marks_the_top():
    assert csv_errors({"a": None, "b": "b", "c": "a"}) == [
        "2 rows have no manager, so each would be the top: 'a' (T), 'b' (T); give them a common top with"
        " --root 'TITLE' (the organisation above them), or give all but one of them a manager"
    ], "an export marks its top with the person's own id, where an org file must not"


def test_a_long_cycle_is_named_by_its_first_roles_and_its_length():
    managers = {"top": None, **{f"r{i}": f"r{(i + 1) % 20}" for i in range(20)}}
    (message,) = csv_errors(managers)
    assert message == (
        "reporting cycle 'r0' -> 'r1' -> 'r2' -> 'r3' -> 'r4' -> 'r5' -> 'r6' -> 'r7' -> ... -> 'r0' (20 roles); "
        "one of these roles must report outside the cycle"
    )


def test_the_rules_are_linear_in_the_number_of_roles():
    """One cycle through every role and half as many chains hanging off it: each role is
    walked once, so twice the roles take about twice the processor time, not four times."""

    def checked(size):
        entries = [(f"r{i}", f"r{(i + 1) % size}") for i in range(size)]
        entries += [(f"s{i}", f"r{i}") for i in range(size // 2)]
        best, problems = math.inf, []
        for _ in range(3):
            started = time.process_time()
            problems = list(tree_problems(entries, "manager"))
            best = min(best, time.process_time() - started)
        return best, problems

    (small, _), (large, problems) = checked(100_000), checked(200_000)
    assert large / small < 3, f"twice the roles took {large / small:.1f} times as long"
    assert [p.message.split(";")[0] for p in problems] == [
        "no top role: every role has a manager",
        "reporting cycle 'r0' -> 'r1' -> 'r2' -> 'r3' -> 'r4' -> 'r5' -> 'r6' -> 'r7' -> ... -> 'r0' (200,000 roles)",
    ]
