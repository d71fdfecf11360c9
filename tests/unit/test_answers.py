"""Asking ``orgcharts hops`` again about the same file reads the whole answer back from the
loader's cache, without loading the org: byte for byte what the first run wrote, its notes
included, in a small fraction of a bare YAML parse of the file. A changed file, other
options or a damaged answer are answered afresh."""

import time

import yaml
from click.testing import CliRunner

from orgcharts.cli import common, main
from orgcharts.examples.generate import generate
from orgcharts.loader import cache


def hops(path, *options):
    return CliRunner().invoke(main, ["hops", str(path), *options])


def test_the_same_question_about_the_same_file_is_answered_without_loading_it(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    org = tmp_path / "org.yaml"
    org.write_text(generate(20_000), encoding="utf-8")
    first = hops(org, "--format", "json")
    assert first.exit_code == 0, first.output
    loads = []
    monkeypatch.setattr(common, "load", lambda *given: loads.append(given))
    began = time.perf_counter()
    again = hops(org, "--format", "json")
    answered = time.perf_counter() - began
    assert again.exit_code == 0 and loads == []
    assert again.stdout == first.stdout and again.stderr == first.stderr
    assert "note: refund has no typical amount" in again.stderr
    began = time.perf_counter()
    yaml.load(org.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    bare = time.perf_counter() - began
    assert answered < 0.1 * bare, f"answered again in {answered:.3f} s; a bare CSafeLoader parse takes {bare:.3f} s"


def test_another_file_other_options_or_a_damaged_answer_are_answered_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    org = tmp_path / "org.yaml"
    org.write_text(generate(300), encoding="utf-8")
    assert hops(org, "--format", "json").exit_code == 0
    table = hops(org)
    assert table.exit_code == 0 and table.stdout.startswith("Generated 300\nRefund (refund)")
    for answer in (tmp_path / "cache").glob("*.answer"):
        answer.write_bytes(answer.read_bytes().replace(b"refund", b"REFUND"))
    repaired = hops(org, "--format", "json")
    assert "REFUND" not in repaired.stdout and '"refund"' in repaired.stdout
    org.write_text(generate(300).replace("organization: ", "organization: Other ", 1), encoding="utf-8")
    assert '"organization": "Other ' in hops(org, "--format", "json").stdout
