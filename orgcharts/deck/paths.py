"""The escalation paths that matter most: for each decision, the front-line roles whose
requests climb furthest (no one can decide first, then most hops, then most people), each
drawn as a row of cards from the role to whoever decides, an arrow per hop."""

from __future__ import annotations

from orgcharts.amounts import request_words
from orgcharts.cards import NO_ONE, SLIDE_TEXT, hop_text, people_text
from orgcharts.deck.plan import SLIDE_WIDTH, Box, Link, Run, Slide, pt_of, text_box
from orgcharts.metrics import Escalation
from orgcharts.model import Organization
from orgcharts.report import HopReport, worst_first
from orgcharts.style import CARD_BORDER, CARD_FILL, PATH_COLOUR, TEXT_COLOUR, UNREACHABLE_COLOUR, hop_colour
from orgcharts.textsize import measured_lines

PATHS_PER_SLIDE = 4
MOST_CARDS = 6
"""A longer climb shows its first two roles, how many are between, and its last three."""
CARD_WIDTH = 168
CARD_GAP = 36
ROW_GAP = 22
TOP = 110
BOTTOM = 660


def path_slides(report: HopReport, where_rest: str) -> list[Slide]:
    """One slide per decision measured: its longest climbs, up to ``PATHS_PER_SLIDE``."""
    org = report.org
    slides = []
    for decision, found in report.paths.items():
        asked = request_words(report.asked[decision])
        climbing = [e for e in worst_first(org, found) if e.hops != 0]
        title = f"Longest climbs to a decision: {org.decision_index[decision].name}"
        if not climbing:
            lines = [f"Every customer-facing role decides {asked} itself: zero hops."]
            slides.append(Slide(title, (text_box(60, 120, SLIDE_WIDTH - 120, 200, lines),)))
            continue
        boxes: list[Box] = []
        links: list[Link] = []
        top = TOP
        drawn = 0
        for escalation in climbing[:PATHS_PER_SLIDE]:
            row, row_links, height = _row(org, escalation, top, drawn)
            if top + height > BOTTOM:
                break
            boxes += row
            links += row_links
            top += height + ROW_GAP
            drawn += 1
        footnote = (
            f"{drawn} of {len(climbing):,} customer-facing roles who must ask someone else; "
            f"worst first. Measured on {asked}. {where_rest}"
        )
        slides.append(Slide(title, tuple(boxes), tuple(links), footnote=footnote))
    return slides


def _row(org: Organization, escalation: Escalation, top: float, row: int) -> tuple[list[Box], list[Link], float]:
    path = list(escalation.path)
    hidden = 0
    if len(path) > MOST_CARDS:
        hidden = len(path) - (MOST_CARDS - 1)
        path = [*path[:2], "", *path[-(MOST_CARDS - 3) :]]
    texts = []
    for number, role_id in enumerate(path):
        if not role_id:
            texts.append(([f"{hidden} more managers"], [], CARD_BORDER))
            continue
        role = org.role(role_id)
        extra: list[str] = []
        colour = CARD_BORDER
        if number == 0:
            extra = [people_text(role.headcount), hop_text(escalation.hops)]
            colour = hop_colour(escalation.hops)
        elif number == len(path) - 1:
            extra = ["decides" if escalation.reachable else NO_ONE]
            colour = PATH_COLOUR if escalation.reachable else UNREACHABLE_COLOUR
        texts.append((_lines(role.title, True), [line for text in extra for line in _lines(text, False)], colour))
    line_px = SLIDE_TEXT.px * SLIDE_TEXT.line_height
    height = max(len(bold) + len(plain) for bold, plain, _ in texts) * line_px + 2 * SLIDE_TEXT.padding_y
    width = len(path) * CARD_WIDTH + (len(path) - 1) * CARD_GAP
    left = (SLIDE_WIDTH - width) / 2
    boxes, links = [], []
    pt = pt_of(SLIDE_TEXT.px)
    for number, (bold, plain, colour) in enumerate(texts):
        key = f"path{row}:{number}"
        paragraphs = tuple((Run(text, pt, bold=True, colour=TEXT_COLOUR),) for text in bold) + tuple(
            (Run(text, pt, colour=TEXT_COLOUR),) for text in plain
        )
        boxes.append(
            Box(
                left + number * (CARD_WIDTH + CARD_GAP),
                top,
                CARD_WIDTH,
                height,
                paragraphs,
                CARD_FILL,
                colour,
                3.0,
                True,
                key=key,
            )
        )
        if number:
            links.append(Link(f"path{row}:{number - 1}", key, PATH_COLOUR, 3.0, arrow=True))
    return boxes, links, height


def _lines(text: str, bold: bool) -> list[str]:
    room = CARD_WIDTH - 2 * SLIDE_TEXT.padding_x
    return [line for line, _ in measured_lines(text, room, SLIDE_TEXT.px, "bold" if bold else "regular")]
