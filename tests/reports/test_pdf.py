"""Download PDF over the wire: the PDF arrives in the requester's DM with a message naming the candidate,
its text comes back as written (diacritics, Greek, Cyrillic, Vietnamese, HTML and Slack markup), long
transcripts flow over pages with headers and page numbers, and page 1 renders with poppler."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from milobot.render.report_fonts import CJK, fonts
from milobot.render.report_pdf import report_pdf
from milobot.services.report_data import InterviewReport, QuestionReport, ReportData
from milobot.slack.reports import pdf_filename
from tests.conftest import ADMIN
from tests.reports.support import (
    NAME,
    OTHER_TEAM,
    STRANGER,
    VIEWER,
    audit_actions,
    invite,
    menu,
    reply_to,
    seed,
)

LONG = " ".join(
    ["The rollout plan covered canaries, dashboards and a rollback drill in Łódź and Hà Nội."] * 14
)


def pdf_text(pdf: bytes) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def render_page_one(pdf: bytes, tmp_path: Path) -> Image.Image:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; scripts/system-test-deps installs it")
    src = tmp_path / "report.pdf"
    src.write_bytes(pdf)
    done = subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(src),
            str(tmp_path / "page"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "Error" not in done.stderr, done.stderr
    return Image.open(tmp_path / "page.png").convert("L")


async def uploaded_pdf(milo, slack, name: str):
    call = await slack.wait_for("files.completeUploadExternal", timeout=20)
    file = slack.uploaded_files[pdf_filename(name)]
    return call, file


async def test_download_pdf_arrives_in_the_dm_and_reads_back_as_written(milo, slack, tmp_path):
    answers = [LONG * 3, LONG * 3]  # ~2,500 words: several pages
    seeded = await seed(milo, answers=answers)
    payload = await menu(milo, "pdf", seeded.candidate_id)
    ack = await reply_to(milo, payload)
    assert "Making the PDF report" in ack["text"] and "&lt;!channel&gt;" in ack["text"]

    call, file = await uploaded_pdf(milo, slack, NAME)
    opened = slack.last("conversations.open")
    assert opened.args["users"] == ADMIN and file.channel.startswith("D")
    assert call.args["channel_id"] == file.channel  # the requester's DM, never a channel
    comment = call.args["initial_comment"]
    assert "Candidate report" in comment and "&lt;!channel&gt;" in comment and "<!channel>" not in comment
    assert "&lt;b&gt;Bold&lt;/b&gt;" in comment and "Backend Engineer" in comment

    reader, pages = pdf_text(file.content)
    assert len(pages) >= 3
    whole = " ".join(pages)
    assert NAME in pages[0]  # diacritics and markup come back exactly as written
    assert "How do you design a schema? <script>alert(1)</script>" in whole
    assert "Łódź and Hà Nội" in whole
    assert "★★★★☆ 4/5" in whole and "Rubric: 1 = Vague, no ownership." in whole
    assert "Overall score: 72/100" in pages[0]
    assert "Pasted text once in question 2" in whole and "Chrome 120 on Windows (desktop)" in whole
    assert "Time per question: Q1 1 min 5 s · Q2 1 min 6 s" in whole
    for n, text in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in text
        if n > 1:  # every later page says whose report it is
            assert f"Candidate report · {NAME} · Backend Engineer" in text
    assert reader.metadata.title == f"Candidate report: {NAME}"

    image = render_page_one(file.content, tmp_path)
    assert image.size[0] < image.size[1]  # A4 portrait
    dark = sum(image.histogram()[:128])
    assert dark > 2000  # text was drawn, not an empty page
    assert ("report.pdf", ADMIN, str(seeded.candidate_id)) in await audit_actions(milo)


async def test_pdf_says_when_a_recording_is_missing_and_viewers_may_download(milo, slack):
    seeded = await seed(milo, name="Ольга Иванова")
    seeded.video_path.unlink()
    await invite(milo, VIEWER)
    await menu(milo, "pdf", seeded.candidate_id, user=VIEWER)
    call, file = await uploaded_pdf(milo, slack, "Ольга Иванова")
    assert slack.last("conversations.open").args["users"] == VIEWER
    _, pages = pdf_text(file.content)
    whole = " ".join(pages)
    assert "Ольга Иванова" in pages[0]
    assert "Video recording: missing from storage" in whole
    assert "Audio recording (audio/ogg" in whole


async def test_pdf_refused_to_strangers_and_for_another_workspace(milo, slack):
    seeded = await seed(milo)
    theirs = await seed(milo, name="Their Candidate", team=OTHER_TEAM)
    payload = await menu(milo, "pdf", seeded.candidate_id, user=STRANGER)
    assert "not on this workspace's milobot team" in (await reply_to(milo, payload))["text"]
    payload = await menu(milo, "pdf", theirs.candidate_id)
    assert "doesn't exist in this workspace" in (await reply_to(milo, payload))["text"]
    mark = slack.mark()
    await menu(milo, "pdf", seeded.candidate_id)  # a real one, so we know the outbox has run
    await slack.wait_for("files.completeUploadExternal", since=mark, timeout=20)
    assert len(slack.calls_to("files.completeUploadExternal")) == 1
    assert [a for a, *_ in await audit_actions(milo) if a == "report.pdf"] == ["report.pdf"]


def small_report(name: str, answer: str) -> ReportData:
    q = QuestionReport(0, "Question?", "", "", 1.0, answer, 3, 3, False, (), None, 1000)
    iv = InterviewReport(1, "completed", "web", None, None, 60.0, "rubric", 1, None, (q,), (), ())
    return ReportData(
        1,
        1,
        name,
        None,
        None,
        None,
        None,
        None,
        "completed",
        "none",
        None,
        "Agent",
        None,
        datetime.now(UTC),
        (iv,),
    )


def fonts_on_page(reader: pypdf.PdfReader) -> set[str]:
    found = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            found.add(str(font.get_object()["/BaseFont"]))
    return found


def test_cjk_renders_with_an_installed_font_and_degrades_visibly_without():
    data = small_report("王小明 Kim 김민준", "これは日本語の回答です。 Emoji 🙂 and a zero-width\u200bjoiner")
    if fonts("auto").cjk is None:
        pytest.skip("no CJK TrueType font installed (Debian: fonts-wqy-zenhei); the fallback is tested below")
    reader, pages = pdf_text(report_pdf(data, cjk_font="auto"))
    assert "王小明 Kim" in pages[0] and "これは日本語の回答です。" in pages[0]
    if all(ord(c) in fonts("auto").cjk_cmap for c in "김민준"):
        assert "王小明 Kim 김민준" in pages[0]
    else:  # a Han-and-Kana font only (Droid Sans Fallback): Korean says it is not shown, and why
        assert "Kim [3 CJK characters not shown: the milobot server's CJK font lacks them]" in pages[0]
    cjk_face = pdfmetrics.getFont(CJK).face.name.decode("latin-1")  # the font "auto" chose, embedded
    assert any(cjk_face in f for f in fonts_on_page(reader))
    assert "\ufffd" in pages[0]  # the emoji no font has: a visible replacement character, not a blank box


def test_without_a_cjk_font_cjk_text_becomes_a_marked_placeholder():
    data = small_report("王小明 Kim", "これは日本語")
    _, pages = pdf_text(report_pdf(data, cjk_font="none"))
    assert "[3 CJK characters not shown: no CJK font on the milobot server] Kim" in pages[0]
    assert "[6 CJK characters not shown" in pages[0] and "王" not in pages[0]


def test_huge_and_hostile_text_renders():
    answer = ("<para>&amp;</font> \x00\x07 " + "x" * 3000 + " ") * 30  # markup, controls, a 3,000-char word
    reader, pages = pdf_text(report_pdf(small_report("<font name='x'>Evil</font>", answer), cjk_font="none"))
    assert "<font name='x'>Evil</font>" in pages[0] and len(pages) > 3
