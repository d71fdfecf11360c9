"""Pictures out through Kaleido and Debian's Chromium: each format written by the command
line and read back, a 1,500-role export that stays legible, and HTML that draws offline."""

import io
import struct
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import kaleido
import pypdf
import pytest
from click.testing import CliRunner

from orgcharts.cards import PICTURE_TEXT
from orgcharts.cli import main
from orgcharts.export import PDF_LONGEST_SIDE_PT, READABLE_TEXT_PX, picture, picture_bytes, readable_png_levels
from orgcharts.graph import reporting_tree
from orgcharts.loader import load_example, load_file
from orgcharts.loader.hrcsv import Rules, import_file, to_yaml
from orgcharts.metrics import escalations
from tests.integration.offline import offline_page

SVG = "{http://www.w3.org/2000/svg}"
TELECOM = load_example("telecom").org


def render(*arguments):
    result = CliRunner().invoke(main, ["render", *arguments])
    assert result.exit_code == 0, result.output
    return result


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def svg_texts(data):
    return [
        "".join(element.itertext()) for element in ET.fromstring(data).iter(f"{SVG}text") if "".join(element.itertext())
    ]


def pdf_text(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return reader.pages[0], reader.pages[0].extract_text()


@pytest.fixture(scope="module")
def d3_org(tmp_path_factory, d3_export):
    """The 1,500-row d3-org-chart export, imported as a user would."""
    path = tmp_path_factory.mktemp("d3") / "d3.yaml"
    path.write_text(to_yaml(import_file(str(d3_export), Rules(), 1 << 26).document), encoding="utf-8")
    return path


def test_png_is_presentation_resolution(tmp_path):
    out = tmp_path / "deck.png"
    result = render("--example", "telecom", "-o", str(out), "--view", "conventional")
    width, height = png_size(out.read_bytes())
    assert width >= 3840 and height >= 2160  # a full-HD page at double density, or larger
    assert f"{width} x {height} px" in result.output


def test_svg_and_pdf_keep_every_label_as_text(tmp_path):
    render("--example", "telecom", "-o", str(tmp_path / "deck.svg"))
    render("--example", "telecom", "-o", str(tmp_path / "deck.pdf"))
    texts = svg_texts((tmp_path / "deck.svg").read_bytes())
    pdf_page, extracted = pdf_text((tmp_path / "deck.pdf").read_bytes())
    for role in TELECOM.roles:
        first_word = role.title.split()[0]
        assert any(first_word in text for text in texts), role.title
        assert first_word in extracted, role.title
    assert "Northwind Mobile" in extracted
    assert float(pdf_page.mediabox.width) <= PDF_LONGEST_SIDE_PT


def test_a_1500_role_export_is_legible_when_zoomed(d3_org, tmp_path):
    org = load_file(d3_org).org
    tree = reporting_tree(org)
    page = picture(org, tree, [], "svg", decision=None).page
    render(str(d3_org), "-o", str(tmp_path / "big.svg"))
    render(str(d3_org), "-o", str(tmp_path / "big.pdf"))
    root = ET.fromstring((tmp_path / "big.svg").read_bytes())
    assert float(root.get("width")) == page.width
    labels = [element for element in root.iter(f"{SVG}text") if "".join(element.itertext())]
    assert len(labels) > len(org.roles)  # every role's label, as text, plus title and legend
    sizes = [float(element.get("style", "").split("font-size: ")[1].split("px")[0]) for element in labels]
    assert min(sizes) >= PICTURE_TEXT.px, "no text under 24 px"
    pdf_page, extracted = pdf_text((tmp_path / "big.pdf").read_bytes())
    assert float(pdf_page.mediabox.width) == pytest.approx(PDF_LONGEST_SIDE_PT, rel=0.01)
    titles = {role.title.split()[0] for role in org.roles}
    assert all(title in extracted for title in titles)

    result = render(str(d3_org), "-o", str(tmp_path / "big.png"))
    levels = readable_png_levels(org, tree, [], "inverted")
    top = picture(org, tree, [], "png", decision=None, levels=levels)
    assert png_size((tmp_path / "big.png").read_bytes()) == pytest.approx(top.page.png_size, abs=1)
    assert top.page.png_text_px >= READABLE_TEXT_PX > page.png_text_px
    assert f"drew the top {levels} levels" in result.output
    every = render(str(d3_org), "-o", str(tmp_path / "every.png"), "--levels", "99")
    assert png_size((tmp_path / "every.png").read_bytes()) == pytest.approx(page.png_size, abs=1)  # rounding
    assert "too wide for a readable PNG" in every.output


def test_html_works_offline_and_draws_the_chart(browser, tmp_path):
    out = tmp_path / "chart.html"
    render("--example", "telecom", "-o", str(out), "--decision", TELECOM.decisions[0].id)
    with offline_page(browser, out) as (page, requests):
        page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=20_000)
        markers = page.evaluate(
            "() => document.querySelector('.js-plotly-plot').data.find(t => t.uid === 'roles').customdata.length"
        )
        assert markers == len(TELECOM.roles)
        assert page.locator("text=Northwind Mobile").count() >= 1
        assert all(url.startswith("file:") or url.startswith("data:") for url in requests), requests


def test_html_of_a_crowded_chart_shows_its_text_once_zoomed_in_to_legible(d3_org, browser, tmp_path):
    out = tmp_path / "big.html"
    render(str(d3_org), "-o", str(out))
    with offline_page(browser, out, viewport={"width": 1600, "height": 900}) as (page, _):
        page.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=30_000)
        mode = "() => document.querySelector('.js-plotly-plot').data.find(t => t.uid === 'roles').mode"
        assert page.evaluate(mode) == "markers"
        page.evaluate(
            "() => Plotly.relayout(document.querySelector('.js-plotly-plot'), {'xaxis.range': [0, 1200], 'yaxis.range': [-700, 0]})"
        )
        page.wait_for_function(f"() => ({mode})() === 'text'", timeout=5_000)


def test_a_role_in_html_titles_never_runs(tmp_path, browser):
    hostile = tmp_path / "hostile.yaml"
    text = (
        "organization: '</script><script>window.ran = 1</script>'\n"
        "customers: [{id: c, name: '<img src=x onerror=window.ran=2>'}]\n"
        "decisions: [{id: d, name: D}]\n"
        "roles:\n"
        "  - {id: '</script><b>', title: '<script>window.ran=3</script>', decides: [d]}\n"
        "  - {id: rep, title: Rep, reports_to: '</script><b>', serves: [c]}\n"
    )
    hostile.write_text(text, encoding="utf-8")
    render(str(hostile), "-o", str(tmp_path / "hostile.html"))
    with offline_page(browser, tmp_path / "hostile.html") as (page, _):
        page.wait_for_selector(".js-plotly-plot .scatterlayer .textpoint", timeout=20_000)
        assert page.evaluate("() => window.ran") is None
        shown = page.evaluate("() => document.querySelector('.js-plotly-plot .scatterlayer').textContent")
        assert "<script>window" in shown  # the title, shown as the text it is


def test_a_chromium_kept_warm_draws_each_caller_its_own_picture():
    tree = reporting_tree(TELECOM)
    decision = TELECOM.decisions[0].id
    found = escalations(TELECOM, tree, decision)
    drawn = {fmt: picture(TELECOM, tree, found, fmt, decision=decision) for fmt in ("svg", "pdf", "png")}
    try:
        with ThreadPoolExecutor(3) as pool:
            made = {fmt: pool.submit(picture_bytes, one, warm=True) for fmt, one in drawn.items()}
            files = {fmt: future.result(timeout=300) for fmt, future in made.items()}
        assert files["svg"].lstrip().startswith(b"<svg") and files["pdf"].startswith(b"%PDF")
        assert png_size(files["png"]) == drawn["png"].page.png_size
        assert svg_texts(picture_bytes(drawn["svg"], warm=True)) == svg_texts(files["svg"])  # the same browser, again
    finally:
        kaleido.stop_sync_server(silence_warnings=True)
