"""Tool runs the round families share: LibreOffice conversions and groff-to-PDF typesetting.

Each round's module used to carry its own copy of these calls; one copy here keeps the flags the
rendered files were made with in one place.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def soffice_convert(src: Path, out: Path, tmp: str, target: str = "pdf", infilter: str | None = None) -> None:
    """LibreOffice headless converts `src` into the folder `tmp` (its user profile there too, so
    parallel runs do not share one) as `target` ('pdf', 'pdf:writer_pdf_Export', 'docx:MS Word
    2007 XML', …), read through `infilter` when given; the result is copied to `out`."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp}/profile",
            "--headless",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            target,
            "--outdir",
            tmp,
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shutil.copy(Path(tmp) / f"{src.stem}.{target.split(':')[0]}", out)


def groff_esc(text: str) -> str:
    """`text` safe on a groff input line: backslashes printed, a leading dot or quote not a request."""
    text = text.replace("\\", "\\e")
    return "\\&" + text if text[:1] in ".'" else text


def composed_glyphs(bases: str, mark: str, accent: str) -> list[str]:
    """groff requests drawing each of `bases` with the combining `mark` (hex, '030C') as the letter
    overstruck by groff's `accent` glyph ('ah'): the PostScript Times groff prints with lacks
    letters such as Č or ō, and .fchar applies only where the font lacks the glyph."""
    return [f".fchar \\[u{ord(base):04X}_{mark}] \\o'{base}\\[{accent}]'" for base in bases]


def groff_pdf(src: Path, out: Path, *options: str) -> None:
    """groff with `options` (macros, -Tps, …) typesets `src` to PostScript beside it, which
    ghostscript's ps2pdf makes an A4 PDF copied to `out`."""
    ps = subprocess.run(
        ["groff", *options, str(src)],
        check=True,
        capture_output=True,
        timeout=120,
    ).stdout
    (src.parent / "resume.ps").write_bytes(ps)
    subprocess.run(
        ["ps2pdf", "-sPAPERSIZE=a4", "resume.ps", "resume.pdf"],
        check=True,
        capture_output=True,
        cwd=src.parent,
        timeout=120,
    )
    shutil.copy(src.parent / "resume.pdf", out)
