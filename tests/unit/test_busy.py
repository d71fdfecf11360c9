"""A worker computes a bounded number of callbacks at once, each within a time budget: one
over the bound is answered at once with 503 and Retry-After, one over its time is stopped
at the next step with the budget's message, and in both cases the worker is free again and
the session's stores are as they were."""

import base64
import json
import os
import re
import threading
import time

import pytest

from orgcharts.budget import (
    ANALYSE_SECONDS_ENV,
    BUSY_LIMIT_ENV,
    BUSY_MESSAGE,
    BUSY_WAIT_ENV,
    LOW_PRIORITY_FROM_BYTES,
    TooSlowToAnalyseError,
    at_low_priority,
    checkpoint,
    time_limit,
)
from orgcharts.examples.generate import generate
from orgcharts.web import create_app, source
from orgcharts.web.session import Computations
from tests.fixtures.callbacks import text_of


def callback(client, prefix, given):
    """POST one of the app's callbacks as the browser would, with the values in ``given``
    (id.property: value) and None for the rest."""
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    found = next(d for d in dependencies if re.sub(r"@[0-9a-f]+", "", d["output"]).startswith(prefix))

    def values(items):
        return [{**item, "value": given.get(f"{item['id']}.{item['property']}")} for item in items]

    def one(text):
        name, prop = text.split("@")[0].rsplit(".", 1)
        return {"id": name, "property": prop}

    payload = {
        "output": found["output"],
        "outputs": [one(part) for part in found["output"][2:-2].split("...")],
        "inputs": values(found["inputs"]),
        "changedPropIds": [next(iter(given))],
        "state": values(found.get("state", [])),
    }
    return client.post("/_dash-update-component", json=payload)


def upload(client, text, name="big.yaml"):
    contents = "data:application/x-yaml;base64," + base64.b64encode(text.encode()).decode()
    given = {"upload-chosen.data": 1, "upload.contents": contents, "upload.filename": name}
    return callback(client, "..org-source.data...org-text.data", given)


def test_a_callback_over_the_bound_is_told_the_server_is_busy_and_the_next_one_is_answered(monkeypatch):
    monkeypatch.setenv(BUSY_LIMIT_ENV, "1")
    app = create_app()
    inside, release = threading.Event(), threading.Event()
    read = source.load_bytes

    def held(*given, **named):
        if not release.is_set():
            inside.set()
            release.wait(30)
        return read(*given, **named)

    monkeypatch.setattr(source, "load_bytes", held)
    client = app.server.test_client()
    first = {}
    holding = threading.Thread(target=lambda: first.update(answer=upload(client, generate(30))))
    holding.start()
    assert inside.wait(30), "the first callback never started reading"
    began = time.perf_counter()
    refused = upload(client, generate(40))
    waited = time.perf_counter() - began
    release.set()
    holding.join(30)
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "2"
    assert refused.data.decode() == BUSY_MESSAGE + "\n" == "the server is busy, retry in a few seconds\n"
    assert waited < 5, f"the busy answer took {waited:.1f} s: it waited behind the first callback"
    assert first["answer"].status_code == 200
    again = upload(client, generate(40))
    assert again.status_code == 200 and json.loads(again.data)["response"]["org-source"]["data"]["name"] == "big.yaml"


def test_an_analysis_over_its_time_budget_stops_at_the_next_step_with_what_to_do():
    text = generate(3_000)
    with time_limit(1e-9), pytest.raises(TooSlowToAnalyseError) as refused:
        Computations().structure(text, "big.yaml")
    assert str(refused.value.diagnostics[0]) == (
        "big.yaml: error: this org is too large to analyse on this server: reading it ran past the limit of"
        f" 1e-09 seconds a request may take; raise {ANALYSE_SECONDS_ENV} (docs/deploy.md) or use the command"
        " line (orgcharts hops big.yaml)"
    )
    assert len(Computations().structure(text, "big.yaml").org.roles) == 3_000  # no deadline outside a request


def test_an_upload_over_the_time_budget_is_refused_and_the_worker_is_free_again(monkeypatch):
    monkeypatch.setenv(ANALYSE_SECONDS_ENV, "0.001")
    monkeypatch.setenv(BUSY_LIMIT_ENV, "1")
    client = create_app().server.test_client()
    answer = upload(client, generate(3_000))
    assert answer.status_code == 200
    response = json.loads(answer.data)["response"]
    assert "org-source" not in response, "the session's org must stay as it was"
    said = text_of(response["load-messages"]["children"])
    assert (
        "big.yaml this org is too large to analyse on this server: reading it ran past the limit of 0.001 seconds"
        in said
    )
    monkeypatch.setenv(ANALYSE_SECONDS_ENV, "60")
    assert upload(client, generate(30)).status_code == 200, "the refused request left the worker busy"


def test_a_callback_that_already_waited_its_share_in_the_servers_queue_is_told_busy_at_once(monkeypatch):
    monkeypatch.setenv(BUSY_WAIT_ENV, "1.5")
    client = create_app().server.test_client()

    def waited(seconds):
        client.environ_base["HTTP_X_ORGCHARTS_QUEUED_SECONDS"] = seconds
        return upload(client, generate(30))

    began = time.perf_counter()
    refused = waited("1.6")
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "2"
    assert time.perf_counter() - began < 1.0, "it waited again in the app"
    assert waited("1.2").status_code == 200
    assert waited("not a number").status_code == 200


def test_a_big_orgs_work_runs_at_the_lowest_priority_in_a_thread_of_its_own_with_the_deadline():
    def seen():
        return threading.get_native_id(), os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    assert at_low_priority(seen, LOW_PRIORITY_FROM_BYTES - 1) == (threading.get_native_id(), 0)
    thread, niceness = at_low_priority(seen, LOW_PRIORITY_FROM_BYTES)
    assert thread != threading.get_native_id() and niceness == 19
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == 0, "the request's own thread is unchanged"
    with time_limit(1e-9), pytest.raises(TooSlowToAnalyseError):
        at_low_priority(lambda: checkpoint("reading it", "big.yaml"), LOW_PRIORITY_FROM_BYTES)
