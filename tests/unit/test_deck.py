"""The board pack read back: the plan's slides, and the PowerPoint file python-pptx opens
(titles, cards as shapes with text, lines as connectors glued to them, native charts with
their numbers, no text under 12 pt), the HTML page's slides, and what is left out said."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from orgcharts.deck import Asked, DeckError, board_deck, deck_bytes, deck_format
from orgcharts.deck.pdf import SOFFICE_ENV, pdf_from_pptx
from orgcharts.deck.plan import SLIDE_HEIGHT, SLIDE_WIDTH, SMALLEST_PT
from orgcharts.examples.generate import generate
from orgcharts.findings import findings_of, headline_findings
from orgcharts.loader import load_example, load_text
from orgcharts.style import CHANGED_COLOUR
from orgcharts.whatif import Edit, apply_edits

TELECOM = load_example("telecom").org


def telecom_deck(decisions=(), **options):
    return board_deck(TELECOM, Asked("telecom.yaml", decisions), findings_of, **options)


def opened(deck):
    return Presentation(io.BytesIO(deck_bytes(deck, "pptx")))


def runs_of(presentation):
    for slide in presentation.slides:
        for shape in slide.shapes:
            frames = []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            if shape.has_chart and shape.chart.has_title:
                frames.append(shape.chart.chart_title.text_frame)
            for frame in frames:
                for paragraph in frame.paragraphs:
                    yield from paragraph.runs


def test_the_telecom_deck_tells_the_story_in_order():
    assert telecom_deck().titles == [
        "Board pack: Northwind Mobile",
        "What we found",
        "Northwind Mobile: customers on top",
        "Chief Operating Officer",
        "VP Business Sales",
        "Chief Financial Officer",
        "Chief People Officer",
        "Chief Technology Officer",
        "Chief Marketing Officer",
        "Longest climbs to a decision: Early upgrade outside policy",
        "Longest climbs to a decision: Refund or bill credit",
        "Longest climbs to a decision: Late or roaming fee waiver",
        "Where the distance is",
        "Requests that climb, and the hours customers wait",
        "Where attention goes",
        "The front door is staffed with the least supported",
    ]


def test_powerpoint_reads_back_every_title_and_finding_16_by_9():
    deck = telecom_deck()
    presentation = opened(deck)
    assert (presentation.slide_width, presentation.slide_height) == (SLIDE_WIDTH * 9525, SLIDE_HEIGHT * 9525)
    assert [slide.shapes.title.text for slide in presentation.slides] == deck.titles
    said = " ".join(shape.text_frame.text for shape in presentation.slides[1].shapes if shape.has_text_frame)
    findings = headline_findings(TELECOM)
    assert len(findings) == 5
    for line in findings:
        assert f"• {line}" in said


def test_each_decision_asked_about_brings_its_findings_once():
    deck = telecom_deck(("refund", "fee_waiver"))
    said = [run.text for box in deck.slides[1].boxes for runs in box.paragraphs for run in runs]
    wanted = list(dict.fromkeys(headline_findings(TELECOM, "refund") + headline_findings(TELECOM, "fee_waiver")))
    assert said == [f"• {line}" for line in wanted[:6]]
    assert len(wanted) == 8
    assert deck.titles[1:3] == ["What we found (1 of 2)", "What we found (2 of 2)"]
    assert [run.text for runs in deck.slides[2].boxes[0].paragraphs for run in runs] == [f"• {w}" for w in wanted[6:]]


def test_no_text_run_is_under_12_pt_and_every_run_is_arial():
    runs = list(runs_of(opened(telecom_deck())))
    assert len(runs) > 300
    assert min(run.font.size for run in runs) == Pt(SMALLEST_PT)
    assert {run.font.name for run in runs} == {"Arial"}


def test_cards_are_shapes_with_text_joined_by_lines_and_arrows_glued_to_them():
    deck = telecom_deck()
    presentation = opened(deck)
    chart = presentation.slides[3]  # the Chief Operating Officer's function
    kinds = [shape.shape_type for shape in chart.shapes]
    assert MSO_SHAPE_TYPE.PICTURE not in kinds
    texts = [
        shape.text_frame.text.replace("\n", " ")
        for shape in chart.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE
    ]
    for title in (
        "Chief Operating Officer Marcus Lind",
        "VP Retail Stores",
        "VP Customer Care",
        "Consumer subscribers",
    ):
        assert any(text.startswith(title) for text in texts), (title, texts)
    # a reporting line per team: the top's two reports, and the four directors under them
    assert kinds.count(MSO_SHAPE_TYPE.FREEFORM) == len(deck.slides[3].links) == 6
    climbs = presentation.slides[9]  # early upgrade: four climbs of two hops, two arrows each
    arrows = [shape for shape in climbs.shapes if shape.shape_type == MSO_SHAPE_TYPE.LINE]
    glued = [arrow._element.xpath(".//a:stCxn/@id | .//a:endCxn/@id") for arrow in arrows]
    assert len(arrows) == 8 and all(len(ends) == 2 for ends in glued)


def test_the_distance_chart_is_a_native_chart_with_the_hand_counted_people():
    presentation = opened(telecom_deck())
    charts = [shape.chart for shape in presentation.slides[12].shapes if shape.has_chart]
    by_hops = charts[0]
    assert list(by_hops.plots[0].categories) == ["0 hops", "1 hop", "2 hops", "3 hops", "4+ hops", "no one can decide"]
    early = by_hops.plots[0].series[0]
    # hops --example telecom: 2 hops 140 + 110 + 45 + 66 store staff; 1 hop 14 + 6; the rest decide
    assert early.name == "Early upgrade outside policy"
    assert list(early.values) == [24, 20, 361, 0, 0, 0]
    segments = charts[1].plots[0]
    assert list(segments.categories) == ["Consumer subscribers", "Small business accounts", "Enterprise accounts"]
    assert [round(value, 2) for value in segments.series[0].values] == [1.86, 1.89, 1.0]


def test_a_proposal_adds_every_metric_before_and_after_and_marks_the_changed_roles():
    after = apply_edits(TELECOM, [Edit("grant", "agent_denver", "early_upgrade")])
    deck = telecom_deck(proposal=after, proposal_name="the pilot")
    assert deck.titles[-7:] == [
        *(f"Before → after the pilot: every metric ({page} of 4)" for page in range(1, 5)),
        "Before → after the pilot: per decision",
        "What the pilot changes",
        "After the pilot: the changed roles",
    ]
    tables = [slide.tables[0] for slide in deck.slides[-7:-3]]
    # 5 org metrics, 5 of the front line, 4 hop and 6 request metrics for each of 3 decisions,
    # 2 attention metrics for each of 3 segments: 46 rows, evenly over 4 slides
    assert [len(table.rows) for table in tables] == [12, 12, 12, 10]
    rows = {(row[0], row[1]): row[2:] for table in tables for row in table.rows}
    for table in tables:  # better rows green (the header is row 0), none worse
        assert table.marks == {n: "#e6f2ea" for n, row in enumerate(table.rows, start=1) if row[4] == "better"}
    assert rows[("Early upgrade outside policy", "empowered share")] == ("6%", "40%", "better")
    assert rows[("whole org", "roles")] == ("62", "62", "")
    assert all(
        slide.footnote.endswith(
            "Requests at: Early upgrade outside policy (early_upgrade); Refund or bill credit (refund) at its "
            "request mix: 60% at 25, 30% at 200 and 10% at 2,000 USD; Late or roaming fee waiver (fee_waiver) at 75 USD (typical amount)."
        )
        for slide in deck.slides[-7:-3]
    ), deck.slides[-7].footnote
    assert rows[("whole org", "front line against the rest: pay (yearly)")][2] == "", "a grant pays no one more"
    changes = deck.slides[-2].tables[0].rows
    assert changes == (
        (
            "authority",
            "Care Agent, Denver",
            "Refund or bill credit up to 20 USD → Early upgrade outside policy, Refund or bill credit up to 20 USD",
        ),
    )
    marked = deck.slides[-1]
    assert marked.footnote.startswith(
        "Pink outline: a role the pilot changes, or a team holding one (1 role changed, 1 of them inside a team"
    )
    # the agents are three levels down, inside the Chief Operating Officer's team: that card is marked
    assert [box.key for box in marked.boxes if box.border == CHANGED_COLOUR] == ["coo"]


def test_a_ten_thousand_role_org_is_paginated_by_function_and_says_where_the_rest_is():
    org = load_text(generate(10_000), "big.yaml").org
    deck = board_deck(org, Asked("big.yaml"), findings_of)
    heads = [role.title for role in org.roles if role.reports_to == org.top.id]
    function_titles = [title for title in deck.titles if title.startswith(tuple(heads))]
    assert {title.split(" (")[0] for title in function_titles} == set(heads)
    assert "Role 3 level 1 (2 of 2)" in function_titles
    whole = deck.slides[2]
    assert "The top 2 of 7 levels" in whole.footnote and "orgcharts serve big.yaml" in whole.footnote
    for slide in deck.slides:
        for box in slide.boxes:
            assert box.left >= 0 and box.left + box.width <= SLIDE_WIDTH, (slide.title, box)
            assert box.top >= 0 and box.top + box.height <= SLIDE_HEIGHT, (slide.title, box)
            assert all(run.pt >= SMALLEST_PT for runs in box.paragraphs for run in runs)
    assert min(run.font.size for run in runs_of(opened(deck))) == Pt(SMALLEST_PT)


def test_an_org_with_no_decisions_still_gets_its_findings_and_chart_and_no_distance_slides():
    org = load_text(
        "organization: Tiny\ncustomers: [{id: shoppers, name: Shoppers}]\nroles:\n  - {id: ceo, title: Chief, serves: [shoppers]}\n",
        "tiny.yaml",
    ).org
    deck = board_deck(org, Asked("tiny.yaml"), findings_of)
    assert deck.titles == ["Board pack: Tiny", "What we found", "Tiny: customers on top", "Where attention goes"]
    assert [runs[0].text for runs in deck.slides[1].boxes[0].paragraphs] == [f"• {w}" for w in headline_findings(org)]
    assert len(opened(deck).slides) == 4


def test_the_html_page_carries_the_same_slides_offline():
    deck = telecom_deck()
    page = deck_bytes(deck, "html").decode("utf-8")
    assert page.count('<section class="slide"') == len(deck.slides)
    for title in deck.titles:
        assert title in page
    assert "<script src" not in page and "<link" not in page  # nothing to fetch: the browser test proves it


@pytest.mark.parametrize(("name", "fmt"), [("b.pptx", "pptx"), ("B.PDF", "pdf"), ("x/b.html", "html")])
def test_the_format_follows_the_name(name, fmt):
    assert deck_format(name) == fmt


def test_another_name_is_refused_with_the_choices():
    with pytest.raises(DeckError, match=r"\.pptx, \.pdf or \.html"):
        deck_format("board.key")


def test_a_pdf_without_libreoffice_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "no-soffice"))
    with pytest.raises(DeckError, match="could not convert"):
        pdf_from_pptx(b"not a deck")
    monkeypatch.delenv(SOFFICE_ENV)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DeckError, match="apt-get install libreoffice-impress"):
        pdf_from_pptx(b"not a deck")


def test_the_diagnostics_are_native_charts_with_the_files_numbers():
    presentation = opened(telecom_deck())
    charts = {
        shape.chart.chart_title.text_frame.text: shape.chart
        for s in list(presentation.slides)[13:]
        for shape in s.shapes
        if shape.has_chart
    }
    climbing = charts["Requests a week that climb"].plots[0]
    assert list(climbing.categories) == [
        "Early upgrade outside policy",
        "Refund or bill credit",
        "Late or roaming fee waiver",
    ]
    assert [round(v, 1) for v in climbing.series[0].values] == [304.8, 1011.6, 571.5]
    pay = charts["Pay (yearly), median"].plots[0]
    assert list(pay.categories) == [
        "facing customers",
        "1 step away",
        "2 steps away",
        "3+ steps away",
        "no line of sight",
    ]
    assert list(pay.series[0].values) == [38000, 72000, 108000, 88000, 88000]
    attention = charts["Attention against weight"].plots[0]
    assert [round(v, 2) for v in attention.series[1].values] == [0.55, 0.25, 0.2]
    assert all(chart.value_axis.minimum_scale == 0 for chart in charts.values())  # bars start at zero
