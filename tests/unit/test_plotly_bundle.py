"""The dashboard's partial plotly.js bundle: served only when it is the version plotly.py
writes figures for."""

import logging

import pytest
from plotly.offline import get_plotlyjs_version

from orgcharts.web import app as web_app

VERSION = get_plotlyjs_version()


def bundle_in(folder, version):
    (folder / web_app.PLOTLY_BUNDLE).write_text(
        f"/**\n* plotly.js (gl2d - minified) v{version}\n* Copyright 2012-2026, Plotly, Inc.\n*/\nwindow.Plotly={{}};\n"
    )


def page_scripts(monkeypatch, folder):
    monkeypatch.setattr(web_app, "assets_folder", lambda: str(folder))
    return web_app.create_app().server.test_client().get("/").get_data(as_text=True)


def test_the_bundle_of_plotly_py_s_version_is_served_before_dash_s_renderer(tmp_path, monkeypatch):
    bundle_in(tmp_path, VERSION)
    page = page_scripts(monkeypatch, tmp_path)
    assert page.index(f"/assets/{web_app.PLOTLY_BUNDLE}") < page.index("dash_renderer")


@pytest.mark.parametrize("version", ["1.58.5", VERSION + "1", "3.0.0-rc.1"])
def test_a_stale_bundle_is_left_out_with_a_warning(tmp_path, monkeypatch, caplog, version):
    bundle_in(tmp_path, version)
    with caplog.at_level(logging.WARNING, logger=web_app.log.name):
        page = page_scripts(monkeypatch, tmp_path)
    assert web_app.PLOTLY_BUNDLE not in page
    assert caplog.messages == [
        f"{web_app.PLOTLY_BUNDLE} is not plotly.js {VERSION}: run 'bash scripts/setup' to fetch it"
    ]


def test_without_a_bundle_dash_s_own_is_used_and_nothing_is_ignored(tmp_path, caplog):
    assert web_app.plotly_bundle_ignored(str(tmp_path), VERSION) == ""
    assert caplog.messages == []


def test_a_full_bundle_under_the_partial_name_is_not_taken_for_it(tmp_path):
    (tmp_path / web_app.PLOTLY_BUNDLE).write_text(f"/**\n* plotly.js v{VERSION}\n*/\n")
    assert web_app.plotly_bundle_ignored(str(tmp_path), VERSION) == r"plotly\-gl2d\.min\.js"
