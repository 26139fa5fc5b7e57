"""Right-to-left text and characters beyond U+FFFF in the PDF report.

Hebrew and Arabic are drawn in visual order (Arabic joined, brackets mirrored) and come back from the PDF's
text layer in the order they were written; our own words stay left-to-right around a stranger's text; a
long answer wraps with its first words on its first line; an emoji DejaVu Sans has is drawn and copies out,
with a ToUnicode map poppler accepts.

poppler's pdftotext was checked first on a PDF Chromium printed from the same strings (dir="auto"): it gives
a right-to-left line back in logical order, with embedding controls around it and Arabic in the presentation
forms drawn, which `logical()` removes and folds (NFKC)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from milobot.render.report_bidi import Piece, visual, visual_lines
from milobot.render.report_fonts import fonts
from milobot.render.report_pdf import report_pdf
from tests.reports.test_pdf import pdf_text, render_page_one, small_report

HEBREW = "שלום עולם"
ARABIC = "مرحبا بالعالم"
_DIRECTION_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdftotext(pdf: bytes, tmp_path: Path) -> tuple[list[str], str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; scripts/system-test-deps installs it")
    src = tmp_path / "report.pdf"
    src.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(src), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    return [line.strip() for line in done.stdout.splitlines()], done.stderr


def logical(text: str) -> str:
    return unicodedata.normalize("NFKC", _DIRECTION_CONTROLS.sub("", text)).strip()


def test_hebrew_and_arabic_come_back_in_the_order_written_with_arabic_joined(tmp_path):
    # The override in the name is dropped (Slack's messages and the web page drop it too).
    pdf = report_pdf(small_report("שלום\u202e עולם", f"{ARABIC}\n{HEBREW}"), cjk_font="none")
    lines, errors = pdftotext(pdf, tmp_path)
    assert "Error" not in errors, errors
    assert HEBREW in [logical(line) for line in lines]  # the name: before the fix "םלוע םולש"
    assert ARABIC in [logical(line) for line in lines]
    arabic_line = next(line for line in lines if logical(line) == ARABIC)
    # Joined: the letters drawn are initial/medial/final forms (U+FE70-U+FEFF), not the isolated letters.
    assert sum(1 for c in arabic_line if 0xFE70 <= ord(c) <= 0xFEFF) == len(ARABIC.replace(" ", ""))
    reader, pages = pdf_text(pdf)  # pypdf, the project's own reader, agrees
    assert HEBREW in logical(pages[0]) and ARABIC in logical(pages[0])
    assert reader.metadata.title == f"Candidate report: {HEBREW}"  # logical order, the override dropped


def test_lines_are_reordered_with_brackets_mirrored_and_numbers_and_latin_kept():
    assert visual("דוד כהן (David) 2024", rtl=True) == "2024 (David) ןהכ דוד"
    assert visual("זוהי תשובה (ארוכה) עם 2024 מספרים.", rtl=True) == ".םירפסמ 2024 םע (הכורא) הבושת יהוז"
    assert visual("Worked at בנק (תל אביב) for 3 years", rtl=False) == "Worked at (ביבא לת) קנב for 3 years"
    assert visual("Plain Latin [x]", rtl=False) == "Plain Latin [x]"


def test_our_words_stay_left_to_right_around_a_strangers_text():
    f = fonts("none")
    label = Piece("Location: ", outside=False, color="#5c5c66")
    rtl, lines = visual_lines([label, Piece("תל אביב (מרכז)")], f, size=9.5, width=400)
    assert (rtl, lines) == (False, [[("Location: ", "#5c5c66"), ("(זכרמ) ביבא לת", None)]])
    rtl, lines = visual_lines([Piece("Q1. ", outside=False), Piece("מה שמך?")], f, size=10, width=400)
    assert (rtl, lines) == (False, [[("Q1. ", None), ("?ךמש המ", None)]])  # the "?" ends the Hebrew
    rtl, lines = visual_lines([Piece("מה שמך? I am Dana")], f, size=10, width=400)
    assert (rtl, lines) == (
        True,
        [[("I am Dana ?ךמש המ", None)]],
    )  # a stranger's RTL text alone: right-aligned


def test_a_long_rtl_answer_wraps_with_its_first_words_on_its_first_line(tmp_path):
    letters = "אבגדהוזחטיכלמנסעפצקרשת"
    words = [a + b + c for a in letters for b in letters for c in letters][:2500]  # distinct words
    answer = " ".join(words)
    f = fonts("none")
    rtl, lines = visual_lines([Piece(answer)], f, size=9.5, width=200, keep_lines=True)
    assert rtl and len(lines) > 100
    back = [text[::-1] for ((text, _),) in lines]  # pure Hebrew: each line is its words reversed
    assert " ".join(back) == answer
    assert all(pdfmetrics.stringWidth(text, f.regular, 9.5) <= 200 for ((text, _),) in lines)

    pdf = report_pdf(small_report(HEBREW, answer), cjk_font="none")
    page_lines, _ = pdftotext(pdf, tmp_path)
    assert " ".join(words[:8]) in " ".join(
        logical(line) for line in page_lines
    )  # page 1: the start, in order
    _, pages = pdf_text(pdf)
    assert len(pages) >= 2
    assert f"Candidate report · {HEBREW} · Agent" in pages[1]  # later pages' header (pypdf reads it whole)


def test_an_rtl_name_is_right_aligned_and_a_latin_one_left_aligned(tmp_path):
    def name_ink(name: str) -> tuple[int, int]:
        image = render_page_one(report_pdf(small_report(name, "Answer."), cjk_font="none"), tmp_path)
        width = image.size[0]
        band = image.crop((0, 55, width, 75))  # the 20-point name under "CANDIDATE REPORT", at 60 dpi
        ink = band.point(lambda v: 255 if v < 100 else 0).getbbox()
        assert ink is not None
        return ink[0], width - ink[2]

    left, right = name_ink("שלום עולם")
    assert right < 60 < left  # against the right margin
    left, right = name_ink("Dana Levi")
    assert left < 60 < right


def test_an_emoji_beyond_u_ffff_is_drawn_and_copies_out(tmp_path):
    f = fonts("none")
    if 0x1F600 not in f.regular_cmap:
        pytest.skip("this DejaVu Sans has no U+1F600")
    pdf = report_pdf(small_report("Zoë 😀 Nguyễn", "Great 😀"), cjk_font="none")
    lines, errors = pdftotext(pdf, tmp_path)
    assert "Error" not in errors, errors  # before, poppler (some versions) said "Got invalid hex string"
    assert "Zoë 😀 Nguyễn" in lines
    reader, pages = pdf_text(pdf)
    assert "Zoë 😀 Nguyễn" in pages[0] and "Great 😀" in pages[0]
    maps = [
        font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        if "/ToUnicode" in font.get_object()
    ]
    entries = [cmap.split("beginbfchar")[1].split("endbfchar")[0] for cmap in maps]
    targets = [t for block in entries for t in re.findall(r"<[0-9A-F]+> <([0-9A-F]+)>", block)]
    assert "D83DDE00" in targets  # 😀 as UTF-16BE, a surrogate pair
    assert all(len(t) % 4 == 0 for t in targets)
