"""Pictures out, without a browser: page sizes, formats by name, what each picture holds."""

import math

import pytest
from plotly.offline import get_plotlyjs_version

from orgcharts.cards import PICTURE_TEXT
from orgcharts.collapse import subtree_totals, visible
from orgcharts.export import (
    OFFLINE_SCRIPTS,
    PDF_EVERY_ROLE_UP_TO,
    PDF_LONGEST_SIDE_PT,
    PLOTLY_BUNDLE,
    PNG_LONGEST_SIDE,
    PT_PER_PX,
    READABLE_TEXT_PX,
    SLIDE,
    ExportError,
    Page,
    format_of,
    page_for,
    picture,
    picture_bytes,
    plotly_bundle,
    readable_pdf_levels,
    readable_png_levels,
)
from orgcharts.figures import TRACE_DIMMED, TRACE_PATH, TRACE_ROLES
from orgcharts.fitting import chart_cards
from orgcharts.graph import reporting_tree
from orgcharts.loader import load_example, load_text
from orgcharts.metrics import escalations
from tests.fixtures.orgs import HAND_CHECKED

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


def layout_of(org, levels=None, view="inverted"):
    shown = (
        visible(org, reporting_tree(org), levels, totals=subtree_totals(org, reporting_tree(org), []))
        if levels
        else None
    )
    return chart_cards(org, reporting_tree(org), view, size=PICTURE_TEXT, shown=shown).layout


def test_small_charts_get_a_slide_page_drawn_pixel_for_pixel():
    page = page_for(layout_of(load_text(HAND_CHECKED).org))
    assert (page.width, page.height) == SLIDE
    assert page.png_size == (3840, 2160)
    assert page.pdf_scale == 1.0
    assert page.png_text_px >= READABLE_TEXT_PX == 24


def test_wide_charts_get_room_for_every_card():
    layout = layout_of(TELECOM)
    page = page_for(layout)
    assert page.width >= layout.extent[0] and page.height >= layout.extent[1]


def test_a_chart_too_wide_for_chromium_is_drawn_smaller_in_png_and_fits_acrobat_in_pdf():
    page = Page(width=65_000, height=1_900)
    assert max(page.png_size) == PNG_LONGEST_SIDE
    assert page.png_text_px < READABLE_TEXT_PX
    assert max(page.width, page.height) * PT_PER_PX * page.pdf_scale == pytest.approx(PDF_LONGEST_SIDE_PT)


def test_a_picture_draws_every_role_as_a_card_at_the_slides_text_size():
    drawn = draw("svg")
    figure = drawn.figure
    roles = figure.data[TRACE_ROLES]
    assert len(roles.x) == len(TELECOM.roles)
    assert roles.mode == "text" and all(label for label in roles.text)
    assert min(roles.textfont.size) >= PICTURE_TEXT.px
    assert (figure.layout.width, figure.layout.height) == (drawn.page.width, drawn.page.height)
    assert all("other" not in (trace.meta or {}) for trace in figure.data)
    assert all("hides_below" not in (trace.meta or {}) for trace in figure.data), "a picture has no zoom"


def test_a_picture_is_dimmed_only_for_a_path_chosen_and_shows_the_collapsed_levels():
    rep = next(e for e in FOUND if e.hops)
    lit = draw("png", selected=rep.role).figure
    assert sum(not math.isnan(x) for x in lit.data[TRACE_PATH].x) >= rep.hops + 1
    assert len(draw("png").figure.data[TRACE_DIMMED].x) == 0, "no dimming without a path chosen"
    top_two = draw("png", levels=2).figure.data[TRACE_ROLES]
    depth_two = [role.id for role in TELECOM.roles if role.reports_to in (None, TELECOM.top.id)]
    assert sorted(top_two.customdata) == sorted(
        [role, "collapsed" if TREE.out_degree(role) and role != TELECOM.top.id else "role"] for role in depth_two
    )


def test_html_is_one_self_contained_page_with_text_hidden_when_zoomed_out():
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

    org = load_text(generate(2_500)).org
    tree = reporting_tree(org)
    for fmt in ("svg", "html"):
        figure = picture(org, tree, [], fmt, decision=None).figure
        assert {trace.type for trace in figure.data} == {"scatter"}, fmt


def test_a_png_of_an_org_that_fits_draws_every_level_and_a_wider_one_its_readable_levels():
    small = load_text(HAND_CHECKED).org
    assert readable_png_levels(small, reporting_tree(small), [], "inverted") is None
    levels = readable_png_levels(TELECOM, TREE, FOUND, "inverted")
    assert levels is not None and levels >= 2
    page = page_for(layout_of(TELECOM, levels))
    assert (page.width, page.height) == SLIDE, "the readable levels fit the slide at 24 px"


def test_a_pdf_draws_every_role_up_to_its_bound_else_the_slides_readable_levels():
    from orgcharts.examples.generate import generate

    assert readable_pdf_levels(TELECOM, TREE, FOUND, "inverted") is None
    whole = load_text(generate(PDF_EVERY_ROLE_UP_TO)).org
    assert readable_pdf_levels(whole, reporting_tree(whole), [], "inverted") is None
    org = load_text(generate(10_000)).org
    tree = reporting_tree(org)
    levels = readable_pdf_levels(org, tree, [], "inverted")
    assert levels is not None and levels == readable_png_levels(org, tree, [], "inverted")
    assert page_for(layout_of(org, levels)).pdf_scale == 1, "the levels drawn keep every label at 24 px"


def test_html_carries_the_dashboards_2d_bundle_when_setup_fetched_it(monkeypatch, tmp_path):
    version = get_plotlyjs_version()
    bundle = f"/**\n* plotly.js (gl2d - minified) v{version}\n*/\nwindow.Plotly = {{}};\n"
    (tmp_path / PLOTLY_BUNDLE).write_text(bundle)
    for name in OFFLINE_SCRIPTS:
        (tmp_path / name).write_text(f"/* {name} */")
    monkeypatch.setattr("orgcharts.export.assets_folder", lambda: str(tmp_path))
    page = picture_bytes(draw("html")).decode("utf-8")
    assert page.count("plotly.js (gl2d - minified)") == 1 and "window.Plotly = {};" in page
    assert len(page) < 1_000_000  # not the full 4.8 MB bundle as well


def test_html_falls_back_on_the_full_bundle_when_the_2d_one_is_stale_or_missing(monkeypatch, tmp_path):
    for name in OFFLINE_SCRIPTS:
        (tmp_path / name).write_text(f"/* {name} */")
    monkeypatch.setattr("orgcharts.export.assets_folder", lambda: str(tmp_path))
    assert plotly_bundle(str(tmp_path), get_plotlyjs_version()) is None
    (tmp_path / PLOTLY_BUNDLE).write_text("/**\n* plotly.js (gl2d - minified) v0.0.1\n*/\n")
    assert plotly_bundle(str(tmp_path), get_plotlyjs_version()) is None
    page = picture_bytes(draw("html")).decode("utf-8")
    assert "gl2d - minified" not in page and len(page) > 3_000_000
