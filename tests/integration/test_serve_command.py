"""orgcharts serve and scripts/run, started for real: the dashboard answers on waitress with no
development-server warning, and scripts/run takes an org file and --port."""

import sys
import urllib.request

from orgcharts.loader import example_text
from tests.integration.conftest import ROOT, free_port, running, server_log


def test_a_real_serve_answers_and_prints_no_development_server_warning():
    port = free_port()
    command = [sys.executable, "-m", "orgcharts", "serve", "--example", "b2b", "--port", str(port)]
    with running(command, port):
        pass
    said = server_log(port).read_text()
    assert f"orgcharts dashboard on http://127.0.0.1:{port}/  (Ctrl+C to stop)" in said
    assert "development server" not in said and "WARNING" not in said and "Traceback" not in said, said


def test_scripts_run_takes_a_port_and_an_org_file(tmp_path):
    (tmp_path / "mine.yaml").write_text(example_text("retailer"))
    port = free_port()
    command = ["bash", str(ROOT / "scripts" / "run"), "mine.yaml", "--port", str(port)]
    with running(command, port, cwd=tmp_path) as url, urllib.request.urlopen(f"{url}/_dash-layout", timeout=10) as page:
        assert '"org-source","data":{"name":"mine.yaml"' in page.read().decode(), "the file given, not the example"
    assert f"orgcharts dashboard on http://127.0.0.1:{port}/" in server_log(port).read_text()
