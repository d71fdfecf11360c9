"""orgcharts report: the board pack from the command line, its file read back, and every
wrong use refused in one line (exit 2) or an invalid file listed (exit 1)."""

import io

from click.testing import CliRunner
from pptx import Presentation

from orgcharts.cli import main
from orgcharts.findings import headline_findings
from orgcharts.loader import example_text, load_example

TELECOM = load_example("telecom").org


def run(*args):
    return CliRunner().invoke(main, ["report", *(str(arg) for arg in args)])


def test_a_pptx_is_written_and_said_with_its_slides(tmp_path):
    out = tmp_path / "board.pptx"
    result = run("--example", "telecom", "-o", out)
    assert result.exit_code == 0, result.output
    deck = Presentation(io.BytesIO(out.read_bytes()))
    assert result.output == f"{out}: PPTX, 16 slides, {out.stat().st_size:,} bytes\n"
    assert len(deck.slides) == 16
    said = " ".join(shape.text_frame.text for shape in deck.slides[1].shapes if shape.has_text_frame)
    assert all(line in said for line in headline_findings(TELECOM))


def test_a_proposal_adds_its_before_and_after(tmp_path):
    proposal = tmp_path / "pilot.yaml"
    proposal.write_text(example_text("telecom").replace("title: Care Agent, Denver", "title: Care Advisor, Denver"))
    out = tmp_path / "board.html"
    result = run("--example", "telecom", "-o", out, "--decision", "refund", "--amount", 300, "--proposal", proposal)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Before → after the proposal (pilot.yaml): every metric" in page
    assert "Care Advisor, Denver" in page and "retitled" in page
    assert "Refund or bill credit of 300 USD" in page


def test_wrong_uses_are_refused_in_one_line(tmp_path):
    existing = tmp_path / "board.pptx"
    existing.write_bytes(b"keep me")
    cases = [
        (("--example", "telecom", "-o", tmp_path / "board.key"), "a board pack is .pptx, .pdf or .html"),
        (("--example", "telecom", "-o", existing), "exists: choose another name, or --force"),
        (("--example", "telecom", "-o", tmp_path / "b.pptx", "--decision", "refnd"), "did you mean 'refund'?"),
    ]
    for arguments, said in cases:
        result = run(*arguments)
        assert result.exit_code == 2 and said in result.output, result.output
        assert "Traceback" not in result.output
    assert existing.read_bytes() == b"keep me"


def test_an_invalid_proposal_lists_its_errors_and_writes_nothing(tmp_path):
    proposal = tmp_path / "bad.yaml"
    proposal.write_text(example_text("telecom").replace("reports_to: ceo", "reports_to: chief", 1))
    out = tmp_path / "board.pptx"
    result = run("--example", "telecom", "-o", out, "--proposal", proposal)
    assert result.exit_code == 1
    assert f"{proposal}:" in result.output and "'chief' is not a role id" in result.output
    assert not out.exists()
