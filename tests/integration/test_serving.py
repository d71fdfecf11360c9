"""The ways to start the dashboard: python app.py, orgcharts serve, an installed wheel, gunicorn."""

import base64
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from orgcharts.loader import example_text
from orgcharts.web.session import digest
from tests.integration.conftest import ROOT, free_port, running, server_log
from tests.integration.dashboard import figure, open_dashboard, open_editor, press, settle, upload, wait_for_chart
from tests.integration.servers import gunicorn


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def startup_org(url):
    """The org a fresh browser session opens on, as the server sends it in the page layout:
    its name and digest, and the browser's copy of its text."""
    _, body = get(url + "/_dash-layout")
    layout = json.loads(body)
    return {**store(layout, "org-source"), **store(layout, "org-text")}


def store(layout, store_id):
    def find(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == store_id:
                return node["props"]["data"]
            for value in node.values():
                found = find(value)
                if found:
                    return found
        if isinstance(node, list):
            for value in node:
                found = find(value)
                if found:
                    return found
        return None

    return find(layout)


def test_python_app_py_with_a_file(tmp_path):
    org = tmp_path / "mine.yaml"
    org.write_text(example_text("b2b"))
    port = free_port()
    with running([sys.executable, "app.py", str(org)], port, env={"PORT": str(port)}) as url:
        source = startup_org(url)
        assert source["name"] == "mine.yaml" and source["digest"] == digest(example_text("b2b"))
        assert source["text"] is None, "the page does not carry the org's text: the server holds it"


def test_python_app_py_refuses_an_invalid_file_with_its_line(tmp_path):
    org = tmp_path / "bad.yaml"
    org.write_text("organization: X\ncustomers: [{id: c, name: C}]\nroles:\n  - {id: a, title: A, reports_to: b}\n")
    result = subprocess.run([sys.executable, "app.py", str(org)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{org}:4:35: error: reports_to 'b' is not a role id" in result.stderr


def test_orgcharts_serve_with_port_and_host(tmp_path):
    org = tmp_path / "retail.yaml"
    org.write_text(example_text("retailer"))
    port = free_port()
    command = [sys.executable, "-m", "orgcharts", "serve", str(org), "--port", str(port), "--host", "127.0.0.1"]
    with running(command, port) as url:
        assert startup_org(url)["digest"] == digest(example_text("retailer"))
        status, _ = get(url + "/")
        assert status == 200


def test_installed_package_serves_the_same_assets_as_app_py(tmp_path):
    wheels = tmp_path / "wheels"
    source_tree = tmp_path / "source"
    shutil.copytree(
        ROOT, source_tree, ignore=shutil.ignore_patterns(".*", "build", "*.egg-info", "__pycache__", "tests")
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(source_tree),
        ],
        check=True,
        capture_output=True,
    )
    target = tmp_path / "site"
    (wheel,) = wheels.glob("orgcharts-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    installed_port, source_port = free_port(), free_port()
    command = [sys.executable, "-m", "orgcharts", "serve", "--port", str(installed_port)]
    with (
        running(command, installed_port, env={"PYTHONPATH": str(target)}, cwd=elsewhere) as installed,
        running([sys.executable, "app.py"], source_port, env={"PORT": str(source_port)}) as source,
    ):
        where = subprocess.run(
            [sys.executable, "-c", "import orgcharts.web; print(orgcharts.web.assets_folder())"],
            env={"PYTHONPATH": str(target)},
            cwd=elsewhere,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert Path(where).is_relative_to(target), "the installed copy serves its own packaged assets"
        for asset in sorted(path.name for path in (ROOT / "assets").iterdir()):
            _, from_wheel = get(f"{installed}/assets/{asset}")
            _, from_source = get(f"{source}/assets/{asset}")
            assert from_wheel == from_source == (ROOT / "assets" / asset).read_bytes(), asset


def test_gunicorn_serves_app_server():
    port = free_port()
    with running(gunicorn(port, 2), port) as url:
        status, body = get(url + "/")
        assert status == 200 and b"orgcharts" in body
        assert startup_org(url)["name"] == "telecom.yaml"


def test_an_uploaded_org_is_drawn_by_every_worker_and_after_a_restart(browser, tmp_path):
    """Callbacks name the session's org by digest; a worker that never saw the upload, or
    a restarted server, gets the text back from the browser and draws the same org."""
    org = tmp_path / "mine.yaml"
    org.write_text(example_text("retailer").replace("Meridian Outfitters", "Meridian Uploaded"))
    port = free_port()
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        with running(gunicorn(port, 3), port) as url:
            # Workers that have not answered yet are still importing and drawing the startup
            # org when the first page's callbacks reach them; on a busy CI machine that is slow.
            open_dashboard(page, url, timeout=90_000)
            page.set_input_files("#upload input[type=file]", str(org))
            settle(page, 900)
            for _ in range(6):
                press(page, "f")
                settle(page)
                assert "Meridian Uploaded" in figure(page)["layout"]["title"]
            editor = open_editor(page)
            draft = editor.input_value().replace("organization:", "# typed, never applied\norganization:", 1)
            editor.fill(draft)
            settle(page)
            page.get_by_text("Escalation paths", exact=True).click()
        with running(gunicorn(port, 3), port):
            press(page, "f")
            settle(page, 900)
            assert "Meridian Uploaded" in figure(page)["layout"]["title"]
            assert page.locator("#org-name").inner_text() == "Meridian Uploaded"
            page.fill("#search", "seattle")
            page.wait_for_selector(".search-results .choice")
            page.reload()
            wait_for_chart(page)
            assert open_editor(page).input_value() == draft  # the typing survived the restart and a reload
        assert not problems, problems
    finally:
        context.close()


def test_serving_beyond_loopback_requires_the_printed_token():
    port = free_port()
    command = [sys.executable, "-m", "orgcharts", "serve", "--host", "0.0.0.0", "--port", str(port)]
    with running(command, port) as base:
        link = re.search(r"http://0\.0\.0\.0:\d+/\?token=(\S+)", server_log(port).read_text())
        assert link, server_log(port).read_text()
        for path in ("/", "/_dash-layout", "/assets/orgcharts.css"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(base + path, timeout=5)
            assert refused.value.code == 403
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        page = opener.open(f"{base}/?token={link.group(1)}", timeout=10)
        assert page.status == 200 and page.url == base + "/"  # the token left the address
        assert opener.open(base + "/_dash-layout", timeout=10).status == 200  # the cookie carries it


def test_a_browser_follows_the_token_link_and_the_dashboard_works(browser):
    port = free_port()
    command = [sys.executable, "-m", "orgcharts", "serve", "--host", "0.0.0.0", "--port", str(port), "--token", "t0k"]
    with running(command, port) as url:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{url}/?token=t0k")
            wait_for_chart(page)
            assert "token" not in page.url
            page.reload()
            wait_for_chart(page)
        finally:
            context.close()


def test_hostile_uploads_are_refused_fast_and_the_worker_keeps_serving_others(tmp_path):
    from benchmarks.load import outputs_of
    from tests.fixtures.hostile import HOSTILE

    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "app:server", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    with running(command, port, env={"ORGCHARTS_MAX_BYTES": "2000000"}) as url:
        _, body = get(url + "/_dash-dependencies")
        load = next(
            d
            for d in json.loads(body)
            if re.sub(r"@[0-9a-f]+", "", d["output"]).startswith("..org-source.data...org-text.data")
        )

        def post_upload(data, name):
            values = {("upload", "contents"): "data:application/octet-stream;base64," + base64.b64encode(data).decode(),
                      ("upload", "filename"): name, ("upload-chosen", "data"): 1}  # fmt: skip
            props = lambda items: [{**item, "value": values.get((item["id"], item["property"]))} for item in items]  # noqa: E731
            payload = {"output": load["output"], "outputs": outputs_of(load["output"]), "inputs": props(load["inputs"]),
                       "changedPropIds": ["upload-chosen.data"], "state": props(load["state"])}  # fmt: skip
            request = urllib.request.Request(
                url + "/_dash-update-component", json.dumps(payload).encode(), {"Content-Type": "application/json"}
            )
            began = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    answer = json.loads(response.read())
            except urllib.error.HTTPError as refused:
                return refused.code, refused.read().decode(), time.monotonic() - began
            except urllib.error.URLError as closed:  # refused before the body was read: the server hung up
                assert isinstance(closed.reason, BrokenPipeError | ConnectionResetError), closed
                return 413, "", time.monotonic() - began
            return 200, json.dumps(answer["response"]), time.monotonic() - began

        for name in ("billion_laughs", "deep_block_nesting", "zip_renamed", "binary", "huge_integer"):
            status, answer, seconds = post_upload(HOSTILE[name][0], "hostile.yaml")
            assert status == 200 and "error" in answer and "org-source" not in answer, (name, answer[:300])
            assert seconds < 2, name
        status, answer, seconds = post_upload(b"organization: x\n" + b"#" * 3_000_000, "huge.yaml")
        assert status == 413 and "Traceback" not in answer and seconds < 2
        started = time.monotonic()
        assert get(url + "/_dash-layout")[0] == 200  # the same single worker answers the next user at once
        assert time.monotonic() - started < 2


def test_a_file_over_the_cap_is_not_sent_and_the_page_says_why(browser, tmp_path):
    port = free_port()
    with running([sys.executable, "app.py"], port, env={"PORT": str(port), "ORGCHARTS_MAX_BYTES": "20000"}) as url:
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        try:
            page = context.new_page()
            requests = []
            page.on("request", lambda request: requests.append(request.post_data or ""))
            dialogs = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            open_dashboard(page, url)
            big = tmp_path / "<img src=x onerror=alert(1)>big.yaml"
            big.write_text("#" * 30_000)
            page.set_input_files("#upload input[type=file]", str(big))
            note = page.locator(".upload-wrap .upload-refused").first
            note.wait_for(state="visible", timeout=5000)
            assert (
                note.inner_text()
                == "<img src=x onerror=alert(1)>big.yaml is 30 KB, over the 20 KB limit: it was not sent."
            )
            assert page.locator(".upload-wrap img").count() == 0 and dialogs == []
            settle(page)
            assert not any("upload.contents" in body for body in requests)
            assert page.locator("#org-name").inner_text() == "Northwind Mobile"
            small = "organization: Small\ncustomers: [{id: c, name: C}]\nroles:\n  - {id: a, title: A, serves: [c]}\n"
            upload(page, tmp_path / "small.yaml", small)
            assert page.locator("#org-name").inner_text() == "Small"
            assert note.is_hidden()
        finally:
            context.close()
