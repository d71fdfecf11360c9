"""Every org the server analyses has a budget, measured up front: one over it is refused
with a clear message before any parsing, in a fraction of the time a valid org of the same
size takes, and the worker is free again at once."""

import base64
import dataclasses
import time

import pytest

from orgcharts.budget import ANALYSE_MAX_BYTES_ENV, TooLargeToAnalyseError, admit
from orgcharts.examples.generate import generate
from orgcharts.web.app import serve
from orgcharts.web.session import Computations
from tests.fixtures.callbacks import load, plain, text_of

TEXT = generate(3_000)
SIZE = len(TEXT.encode())


def upload(served, text, name="big.yaml"):
    contents = "data:application/x-yaml;base64," + base64.b64encode(text.encode()).decode()
    return load("upload.contents", uploaded=contents, upload_name=name, served=served)


def test_an_upload_over_the_budget_is_refused_at_once_with_what_to_do():
    generous = serve()
    strict = dataclasses.replace(generous, computations=Computations(max_analysed_bytes=SIZE - 1))
    began = time.perf_counter()
    kept_source, *_ = upload(generous, TEXT)
    valid = time.perf_counter() - began
    began = time.perf_counter()
    refused, _, _, messages, _, _ = upload(strict, TEXT)
    over = time.perf_counter() - began
    assert kept_source["name"] == "big.yaml" and refused.__class__.__name__ == "NoUpdate"
    assert (
        f"big.yaml this org is too large to analyse on this server: {SIZE:,} bytes of YAML, over the limit"
        f" of {SIZE - 1:,} bytes; raise {ANALYSE_MAX_BYTES_ENV} (docs/deploy.md) or use the command line"
        " (orgcharts hops big.yaml)"
    ) in text_of(plain(messages))
    assert over < 0.1 * valid, f"refused in {over:.3f} s, a valid org of the same size loads in {valid:.3f} s"


def test_every_analysis_passes_the_budget_and_the_environment_sets_it(monkeypatch):
    monkeypatch.setenv(ANALYSE_MAX_BYTES_ENV, "1000")
    with pytest.raises(TooLargeToAnalyseError):
        Computations().structure(TEXT, "big.yaml")
    admit(1000, "small.yaml")
    monkeypatch.setenv(ANALYSE_MAX_BYTES_ENV, str(SIZE))
    assert len(Computations().structure(TEXT, "big.yaml").org.roles) == 3_000
