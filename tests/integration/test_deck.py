"""The board pack opened by the programs an executive's would: LibreOffice Impress converts
each PowerPoint deck to PDF without error, poppler draws every page with something on it,
pypdf reads back every title and finding as text, and the HTML deck opens offline in
Chromium with its charts drawn. A 10,000-role generated org included."""

import io
import re
import subprocess

import pypdf
import pytest
from click.testing import CliRunner
from PIL import Image, ImageStat
from pptx import Presentation

from orgcharts.cli import main
from orgcharts.examples.generate import generate
from orgcharts.findings import headline_findings
from orgcharts.loader import load_example
from tests.integration.dashboard import choose, grant, open_dashboard
from tests.integration.offline import offline_page

TELECOM = load_example("telecom").org


def report(*arguments):
    result = CliRunner().invoke(main, ["report", *(str(argument) for argument in arguments)])
    assert result.exit_code == 0, result.output
    return result


def converted(pptx, folder):
    """The PDF LibreOffice Impress makes of ``pptx``, as a user would ask for it."""
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    done = subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(pptx)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = folder / (pptx.stem + ".pdf")
    assert pdf.is_file(), done.stdout + done.stderr
    return pdf


def pages_drawn(pdf, folder):
    subprocess.run(["pdftoppm", "-r", "24", "-png", str(pdf), str(folder / "page")], check=True, timeout=600)
    return sorted(folder.glob("page-*.png"))


def words(text):
    """Text with its line breaks undone: a line may break after a hyphen ("customer-" / "facing")."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


@pytest.fixture(scope="module")
def telecom_pptx(tmp_path_factory):
    out = tmp_path_factory.mktemp("telecom") / "board.pptx"
    report("--example", "telecom", "-o", out)
    return out


def test_impress_converts_the_deck_and_every_page_has_something_on_it(telecom_pptx, tmp_path):
    slides = len(Presentation(str(telecom_pptx)).slides)
    pages = pages_drawn(converted(telecom_pptx, tmp_path), tmp_path)
    assert len(pages) == slides == 16
    for page in pages:
        grey = Image.open(page).convert("L")
        dark = sum(grey.histogram()[:200]) / (grey.width * grey.height)
        assert dark > 0.002, page.name  # text and cards, not a white page
        assert ImageStat.Stat(grey).extrema[0][0] < 100


def test_the_pdf_carries_every_title_and_finding_as_text(telecom_pptx, tmp_path):
    out = tmp_path / "board.pdf"
    report("--example", "telecom", "-o", out)
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    deck = Presentation(str(telecom_pptx))
    assert len(reader.pages) == len(deck.slides)
    text = [words(page.extract_text()) for page in reader.pages]
    for page, slide in zip(text, deck.slides, strict=True):
        assert words(slide.shapes.title.text) in page
    for finding in headline_findings(TELECOM):
        assert words(finding) in text[1]
    assert "Care Agent, Denver" in " ".join(text)


def test_the_html_deck_opens_offline_with_its_charts_drawn(browser, tmp_path):
    out = tmp_path / "board.html"
    report("--example", "telecom", "-o", out)
    with offline_page(browser, out, viewport={"width": 1400, "height": 900}) as (page, requests):
        page.wait_for_selector(".chart .js-plotly-plot .barlayer .point", timeout=30_000)
        assert page.locator("section.slide").count() == 16
        assert page.locator(".chart .js-plotly-plot").count() == 9
        assert page.locator("text=Northwind Mobile: customers on top").count() == 1
        assert page.locator('[data-key="coo"]').count() >= 1
        assert all(url.startswith(("file:", "data:")) for url in requests), requests


def test_a_ten_thousand_role_deck_opens_in_impress_paginated_by_function(tmp_path):
    source = tmp_path / "big.yaml"
    source.write_text(generate(10_000), encoding="utf-8")
    out = tmp_path / "big.pptx"
    report(source, "-o", out)
    deck = Presentation(str(out))
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert "Role 3 level 1 (1 of 2)" in titles and "Role 3 level 1 (2 of 2)" in titles
    pages = pages_drawn(converted(out, tmp_path), tmp_path)
    assert len(pages) == len(deck.slides)


def test_the_dashboard_downloads_the_board_pack_with_its_what_if_changes(page, server, tmp_path):
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    grant(page, "agent_denver", 250)
    with page.expect_download(timeout=120_000) as download:
        page.click("#board-pack")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "telecom-board-pack.pptx"
    titles = [slide.shapes.title.text for slide in Presentation(str(saved)).slides]
    assert titles[0] == "Board pack: Northwind Mobile" and titles[-1] == "After the what-if: the changed roles"
    assert "What the what-if changes" in titles
