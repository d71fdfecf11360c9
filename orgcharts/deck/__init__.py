"""The board pack: a deck of slides planned once as data (``plan``, built by ``story``
from ``orgslides``, ``paths`` and ``charts``), then written as an editable PowerPoint
file (``pptx``), a PDF (``pdf``: that file converted by LibreOffice) or one offline HTML
page (``html``)."""

from __future__ import annotations

import os
from typing import Literal

from orgcharts.deck.html import html_bytes
from orgcharts.deck.pdf import DeckError, pdf_from_pptx
from orgcharts.deck.plan import Deck
from orgcharts.deck.pptx import pptx_bytes
from orgcharts.deck.story import Asked, board_deck

DeckFormat = Literal["pptx", "pdf", "html"]
DECK_FORMATS: tuple[DeckFormat, ...] = ("pptx", "pdf", "html")


def deck_format(path: str) -> DeckFormat:
    """The format a file name asks for, by its extension; ``DeckError`` for any other."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension not in DECK_FORMATS:
        raise DeckError(f"{path}: a board pack is .pptx, .pdf or .html; end the name in one of them")
    return extension  # type: ignore[return-value]


def deck_bytes(deck: Deck, fmt: DeckFormat) -> bytes:
    """The deck's file in ``fmt``."""
    if fmt == "html":
        return html_bytes(deck)
    pptx = pptx_bytes(deck)
    return pdf_from_pptx(pptx) if fmt == "pdf" else pptx


__all__ = ["DECK_FORMATS", "Asked", "Deck", "DeckError", "DeckFormat", "board_deck", "deck_bytes", "deck_format"]
