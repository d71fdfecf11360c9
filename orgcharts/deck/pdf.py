"""The deck as a PDF: the PowerPoint file converted by LibreOffice Impress, run headless.

One drawing of the slides (``pptx``) and a converter that reads it as an office suite
does: the PDF is what an executive sees opening the PowerPoint file in Impress, with its
text as vector text. It needs LibreOffice where it runs (Debian: ``libreoffice-impress``;
or ``SOFFICE_PATH`` naming its ``soffice``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from orgcharts.errors import OrgChartsError

SOFFICE_ENV = "SOFFICE_PATH"
CONVERT_SECONDS = 300
"""A 10,000-role deck converts in well under this on a shared two-core machine."""


class DeckError(OrgChartsError):
    """A deck could not be written in the format asked for."""


def soffice() -> str | None:
    """LibreOffice's ``soffice``: ``SOFFICE_PATH``, else the first on the PATH."""
    return os.environ.get(SOFFICE_ENV) or shutil.which("soffice") or shutil.which("libreoffice")


def pdf_from_pptx(pptx: bytes) -> bytes:
    """The PDF of a .pptx file's bytes; ``DeckError`` when LibreOffice is missing or fails."""
    program = soffice()
    if program is None:
        raise DeckError(
            "a PDF board pack needs LibreOffice (on Debian: apt-get install libreoffice-impress) or "
            f"{SOFFICE_ENV} naming its soffice; write .pptx or .html instead, which need nothing more"
        )
    with tempfile.TemporaryDirectory(prefix="orgcharts-deck-") as folder:
        source = Path(folder) / "deck.pptx"
        source.write_bytes(pptx)
        # a profile of its own: a user's running LibreOffice would otherwise take the job and exit at once
        profile = Path(folder, "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        try:
            done = subprocess.run(
                [*command, "--outdir", folder, str(source)],
                capture_output=True,
                timeout=CONVERT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise DeckError(f"LibreOffice could not convert the deck to PDF: {error}") from None
        result = Path(folder) / "deck.pdf"
        if done.returncode != 0 or not result.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise DeckError(
                f"LibreOffice could not convert the deck to PDF (exit {done.returncode}"
                f"{': ' + said[-1] if said else ''}); write .pptx instead"
            )
        return result.read_bytes()
