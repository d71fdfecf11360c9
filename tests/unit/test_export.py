"""Pictures out, without a browser: page sizes, formats by name, what each picture holds."""

import math

import pytest

from orgcharts.export import (
    PDF_LONGEST_SIDE_PT,
    PNG_LONGEST_SIDE,
    PT_PER_PX,
    SMALLEST_PAGE,
    UNIT_PX,
    ExportError,
    Page,
    format_of,
    page_for,
    picture,
    picture_bytes,
    readable_png_levels,
)
from orgcharts.figures import TRACE_PATH, TRACE_ROLES
from orgcharts.graph import reporting_tree
from orgcharts.layout import TreeLayout
from orgcharts.loader import load_example
from orgcharts.metrics import escalations

TELECOM = load_example("telecom").org
TREE = reporting_tree(TELECOM)
DECISION = TELECOM.decisions[0].id
FOUND = escalations(TELECOM, TREE, DECISION)


def draw(fmt, **options):
    return picture(TELECOM, TREE, FOUND, fmt, decision=DECISION, **options)


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.png", "png"), ("deck/B.PNG", "png"), ("x.svg", "svg"), ("x.pdf", "pdf"), ("x.html", "html")]
)
def test_the_format_follows_the_file_name(name, fmt):
    assert format_of(name) == fmt


@pytest.mark.parametrize("name", ["chart", "chart.jpg", "chart.png.txt"])
def test_an_unknown_format_is_refused_with_the_choices(name):
    with pytest.raises(ExportError, match=r"end it in \.html, \.png, \.svg, \.pdf"):
        format_of(name)


def layout_of(width, levels):
    return TreeLayout(x={"a": 0.0, "b": float(width)}, row={"a": 0, "b": levels - 1})


def test_small_charts_get_a_full_hd_page_drawn_at_double_density():
    page = page_for(layout_of(3, 3), inverted=False)
    assert (page.width, page.height) == SMALLEST_PAGE
    assert page.png_size == (3840, 2160)
    assert page.pdf_scale == 1.0


def test_wide_charts_get_room_for_every_label():
    page = page_for(layout_of(100, 5), inverted=True)
    assert page.width == pytest.approx((100 + 2.4) * UNIT_PX, abs=1)
    assert page.png_scale == 2


def test_a_chart_too_wide_for_chromium_is_drawn_smaller_in_png_and_fits_acrobat_in_pdf():
    page = Page(width=65_000, height=1_900)
    assert max(page.png_size) == PNG_LONGEST_SIDE
    assert page.png_text_px < 9
    assert max(page.width, page.height) * PT_PER_PX * page.pdf_scale == pytest.approx(PDF_LONGEST_SIDE_PT)


def test_a_printed_picture_labels_every_role_at_its_page_size():
    drawn = draw("svg")
    figure = drawn.figure
    roles = figure.data[TRACE_ROLES]
    assert len(roles.x) == len(TELECOM.roles)
    assert roles.mode == "markers+text"
    assert all(label for label in roles.text)
    assert (figure.layout.width, figure.layout.height) == (drawn.page.width, drawn.page.height)
    assert all("other" not in (trace.meta or {}) for trace in figure.data)


def test_a_picture_shows_the_selection_and_the_collapsed_levels():
    rep = next(e for e in FOUND if e.hops)
    lit = draw("png", selected=rep.role).figure.data[TRACE_PATH]
    assert sum(not math.isnan(x) for x in lit.x) >= rep.hops + 1
    top_two = draw("png", levels=2).figure.data[TRACE_ROLES]
    depth_two = [role.id for role in TELECOM.roles if role.reports_to in (None, TELECOM.top.id)]
    assert sorted(top_two.customdata) == sorted(
        f"expand:{role}" if TREE.out_degree(role) and role != TELECOM.top.id else role for role in depth_two
    )


def test_html_is_one_self_contained_page_with_labels_on_zoom():
    page = picture_bytes(draw("html")).decode("utf-8")
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<script src=" not in page  # plotly.js is inside, so it opens offline
    assert "plotly_relayout" in page
    assert TELECOM.name in page


def test_a_missing_browser_is_our_error_saying_what_to_install(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ExportError, match="apt-get install chromium"):
        picture_bytes(draw("png"))


def test_a_picture_of_thousands_of_roles_stays_vector():
    from orgcharts.examples.generate import generate
    from orgcharts.figures import WEBGL_FROM
    from orgcharts.loader import load_text

    org = load_text(generate(WEBGL_FROM + 500)).org
    tree = reporting_tree(org)
    for fmt in ("svg", "html"):
        figure = picture(org, tree, [], fmt, decision=None).figure
        kinds = {trace.type for trace in figure.data}
        assert kinds == ({"scatter"} if fmt == "svg" else {"scatter", "scattergl"}), fmt


def test_a_png_of_an_org_that_fits_draws_every_level():
    assert readable_png_levels(TELECOM, TREE, FOUND, "inverted") is None
