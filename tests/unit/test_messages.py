"""Repeated warnings said once: orgcharts.messages.grouped, and orgcharts check printing it."""

from click.testing import CliRunner

from orgcharts.cli import main
from orgcharts.errors import Diagnostic
from orgcharts.loader import load_text
from orgcharts.messages import grouped, names


def idle_org(idle: int) -> str:
    roles = "".join(f"  - {{id: idle{n}, title: Idle {n}, reports_to: top}}\n" for n in range(1, idle + 1))
    return (
        "organization: Idle\ncustomers: [{id: c, name: C}]\ndecisions: [{id: d, name: D}]\nroles:\n"
        "  - {id: top, title: Top, decides: [d]}\n  - {id: rep, title: Rep, reports_to: top, serves: [c]}\n" + roles
    )


def test_names_gives_five_then_how_many_more():
    assert names(["a", "b", "c"]) == "a, b, c"
    assert names([str(n) for n in range(90)]) == "0, 1, 2, 3, 4 and 85 more"


def test_more_than_five_warnings_of_a_kind_become_one_at_the_first_ones_place():
    warnings = list(load_text(idle_org(8), "org.yaml").warnings)
    assert len(warnings) == 8
    (one,) = grouped(warnings)
    assert (one.line, one.column, one.severity, one.kind) == (
        warnings[0].line,
        warnings[0].column,
        "warning",
        "no_line_of_sight",
    )
    assert one.message == (
        "8 roles serve no segment, support no role and manage no one, so have no line of sight to a customer: "
        "idle1, idle2, idle3, idle4, idle5 and 3 more"
    )
    five = list(load_text(idle_org(5), "org.yaml").warnings)
    assert grouped(five) == five, "five or fewer keep their own lines"


def test_errors_and_other_warnings_keep_their_place():
    error = Diagnostic("error", "broken", "x.yaml", 1, 1)
    other = Diagnostic("warning", "no decisions listed", "x.yaml", 1, 1)
    same = [Diagnostic("warning", f"w{n}", "x.yaml", n, 1, "unmade_decision", f"d{n}") for n in range(2, 9)]
    result = grouped([error, other, *same])
    assert result[:2] == [error, other] and len(result) == 3
    assert result[2].message == (
        "7 decisions can be made by no role, so every request for them goes unanswered: d2, d3, d4, d5, d6 and 2 more"
    )


def test_check_prints_the_group_and_all_prints_every_warning(tmp_path):
    path = tmp_path / "idle.yaml"
    path.write_text(idle_org(90))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines == [
        f"{path}:7:10: warning: 90 roles serve no segment, support no role and manage no one, so have no line of sight "
        "to a customer: idle1, idle2, idle3, idle4, idle5 and 85 more"
    ]
    assert result.stdout.endswith(", 90 warnings\n")
    every = CliRunner().invoke(main, ["check", str(path), "--all"]).stderr.splitlines()
    assert len(every) == 90 and every[0].startswith(f"{path}:7:10: warning: role 'idle1' serves no segment")


def test_an_import_with_many_untitled_rows_says_so_once(tmp_path):
    export = tmp_path / "hr.csv"
    export.write_text("id,manager,title\n1,,Boss\n" + "".join(f"{n},1,\n" for n in range(2, 10)))
    result = CliRunner().invoke(main, ["import", str(export), "-o", str(tmp_path / "org.yaml")])
    assert result.exit_code == 0, result.output
    assert (
        f"{export}:3: warning: 8 rows of the export have no title, so are called '(no title)': 2, 3, 4, 5, 6 and 3 more"
        in (result.stderr.splitlines())
    )
