"""No command ever prints a Python traceback: every command of ``orgcharts``, driven with
generated arguments and generated files (bytes, CSV, YAML, Excel, JSON), ends in its output
and an exit code (0, 1 or 2), never in an exception of ours or Python's.

The only parts stubbed are the slow or endless ends that other tests cover: the dashboard's
server (``serve`` would listen forever) and Chromium's picture export (seconds a file)."""

import json
import tempfile
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgcharts.cli import main
from orgcharts.loader import example_text
from tests.fixtures.hrexports import UK_JUNIOR, UK_SENIOR, write_xlsx

COMMANDS = {
    "check": ["--all", "--example", "--max-bytes"],
    "examples": [],
    "schema": [],
    "import": [
        "-o", "--force", "--id", "--manager", "--title", "--name", "--first-name", "--last-name", "--headcount",
        "--manager-name", "--no-header", "--sheet", "--where", "--root", "--top-marker", "--group-by-title",
        "--serves", "--decides", "--unit", "--organization", "--max-bytes",
    ],
    "hops": ["--decision", "--amount", "--segment", "--format", "--via-dotted", "--example", "-o"],
    "stats": ["--format", "--example", "-o"],
    "render": ["-o", "--force", "--view", "--decision", "--amount", "--segment", "--select", "--levels", "--example"],
    "diff": ["--amount", "--format", "--max-bytes"],
    "serve": ["--example", "--host", "--port", "--max-bytes", "--token"],
}  # fmt: skip
WORDS = st.sampled_from(
    ["refund", "telecom", "retail", "id", "manager", "Sales*=retail", "*=refund:5", "refund=USD", "json", "csv",
     "table", "0", "-1", "1e309", "nan", "", "x=y", "Title", "Staff", "99999999999999999999", "conventional", "é"]
)  # fmt: skip
CONTENTS = st.one_of(
    st.binary(max_size=200),
    st.text(alphabet="id,manager,title\n1,2,3XxNULL;\t\"é", max_size=200).map(str.encode),
    st.just(example_text("telecom").encode()),
    st.just(UK_SENIOR.encode()),
    st.just(UK_JUNIOR.encode()),
    st.lists(st.dictionaries(st.sampled_from(["id", "pid", "name", "title"]), st.integers(0, 3) | st.text(max_size=3)),
             max_size=5).map(lambda people: json.dumps(people).encode()),
)  # fmt: skip
NAMES = st.sampled_from(["org.yaml", "hr.csv", "hr.json", "hr.xlsx", "out.html", "out.png", "out.txt", "missing.csv"])


@st.composite
def invocations(draw):
    command = draw(st.sampled_from(sorted(COMMANDS)))
    files = draw(st.dictionaries(NAMES, CONTENTS, max_size=3))
    if draw(st.booleans()):  # often a valid org first, so that commands get past loading it
        files["org.yaml"] = example_text("telecom").encode()
        pieces = [command, "@org.yaml"]
    else:
        pieces = [command, *(["@" + draw(NAMES)] if draw(st.integers(0, 3)) else [])]
    if command == "render" and draw(st.integers(0, 3)):
        pieces += ["-o", "@" + draw(st.sampled_from(["out.png", "out.svg", "out.txt", "new.pdf"]))]
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 4, 6]))):
        kind = draw(st.integers(0, 2))
        if kind == 0 and COMMANDS[command]:
            pieces.append(draw(st.sampled_from(COMMANDS[command])))
        elif kind == 1:
            pieces.append(draw(WORDS))
        else:
            pieces.append("@" + draw(NAMES))
    return pieces, files, draw(st.booleans())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invocations())
def test_no_command_prints_a_traceback(invocation):
    pieces, files, workbook = invocation
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, content in files.items():
            (root / name).write_bytes(content)
        if workbook:
            write_xlsx(
                root / "hr.xlsx", [["id", "manager", "title"], [1, None, "Chief"], [2, 1, "Clerk"], [3, 9, None]]
            )
        args = [str(root / piece[1:]) if piece.startswith("@") else piece for piece in pieces]
        server = SimpleNamespace(server=None)
        with (
            mock.patch("orgcharts.web.create_app", return_value=server),
            mock.patch("orgcharts.cli.serving.listen"),
            mock.patch("orgcharts.cli.serving.run"),
            mock.patch("orgcharts.cli.measure.picture_bytes", return_value=b"picture"),
        ):
            result = CliRunner().invoke(main, args, env={"ORGCHARTS_CACHE_DIR": "off"})
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exc_info)
    assert result.exit_code in (0, 1, 2), (args, result.output)
