"""orgcharts serve runs a production WSGI server (waitress): no development-server warning,
the token checked on every request, and a busy port or Ctrl+C said in one line, no traceback.
The real server and scripts/run are started in tests/integration/test_serve_command.py."""

from click.testing import CliRunner
from werkzeug.test import Client

from orgcharts.cli import main


class FakeServer:
    def __init__(self, app, stop):
        self.app, self.stop = app, stop

    def run(self):
        raise self.stop

    def close(self):
        pass


def serve_with(monkeypatch, stop, *args):
    served = {}

    def create_server(app, **options):
        served.update(app=app, **options)
        return FakeServer(app, stop)

    monkeypatch.setattr("orgcharts.serving.create_server", create_server)
    result = CliRunner().invoke(main, ["serve", "--example", "telecom", *args])
    return result, served


def test_serve_hands_waitress_the_guarded_app_and_stops_quietly_on_ctrl_c(monkeypatch):
    result, served = serve_with(
        monkeypatch, KeyboardInterrupt(), "--host", "0.0.0.0", "--port", "8123", "--token", "t0k"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "orgcharts dashboard on http://0.0.0.0:8123/?token=t0k  (Ctrl+C to stop)"
    assert "Traceback" not in result.output and "development server" not in result.output
    assert (served["host"], served["port"]) == ("0.0.0.0", 8123)
    client = Client(served["app"])
    assert client.get("/").status_code == 403, "the token middleware wraps what waitress serves"
    assert client.get("/_dash-layout").status_code == 403
    assert client.get("/?token=t0k").status_code == 303
    assert client.get("/_dash-layout").status_code == 200, "the cookie carries it"


def test_a_port_in_use_is_one_line_that_says_what_to_do(monkeypatch):
    busy = OSError(98, "Address already in use")

    def create_server(app, **options):
        raise busy

    monkeypatch.setattr("orgcharts.serving.create_server", create_server)
    result = CliRunner().invoke(main, ["serve", "--example", "telecom", "--port", "8124"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Error: cannot listen on 127.0.0.1:8124: Address already in use; choose another port with --port"
    )
    assert "Traceback" not in result.output
