"""The candidate report as a PDF (Download PDF, and report.pdf in a Package ZIP).

Pure: ReportData in, bytes out, so it runs in a worker process (milobot/render/pool.py). Platypus flows
long transcripts over as many pages as they need; every page after the first carries a header with the
candidate and agent, and every page a footer with "Page n of m". All candidate text goes through
report_fonts.markup (escaped, with the right font per script)."""

from __future__ import annotations

import io
from datetime import datetime
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from milobot.render.report_fonts import Fonts, fonts, markup, plain_runs
from milobot.render.report_words import CAVEAT, duration, overall, size_text, stars
from milobot.services.report_data import DECISION_WORDS, STATUS_WORDS, InterviewReport, ReportData

MARGIN = 18 * mm
INK, MUTED, ACCENT = colors.HexColor("#1a1a1f"), colors.HexColor("#5c5c66"), colors.HexColor("#3d3a8c")


@lru_cache(maxsize=4)
def _styles(cjk_setting: str) -> tuple[Fonts, dict[str, ParagraphStyle]]:
    f = fonts(cjk_setting)

    def style(name, size, *, font=None, color=INK, leading=None, before=0, after=2, indent=0):
        return ParagraphStyle(
            name,
            fontName=font or f.regular,
            fontSize=size,
            leading=leading or size * 1.3,
            textColor=color,
            spaceBefore=before,
            spaceAfter=after,
            leftIndent=indent,
            splitLongWords=1,
        )

    return f, {
        "label": style("label", 8.5, color=MUTED, after=1),
        "name": style("name", 20, font=f.bold, leading=24, after=3),
        "sub": style("sub", 11, color=MUTED, after=6),
        "h1": style("h1", 14, font=f.bold, color=ACCENT, before=10, after=4),
        "h2": style("h2", 11.5, font=f.bold, before=8, after=3),
        "q": style("q", 10, font=f.bold, before=6, after=2),
        "body": style("body", 9.5),
        "small": style("small", 8.5, color=MUTED),
        "quote": style("quote", 9.5, indent=10, color=colors.HexColor("#33334d")),
        "answer": style("answer", 9.5, indent=10, after=4),
    }


def _fmt_time(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else "not recorded"


class _Doc:
    def __init__(self, cjk_setting: str):
        self.f, self.s = _styles(cjk_setting)
        self.story: list = []

    def p(self, style: str, text: object = "", *, raw: str = "", lines: bool = False, bold: bool = False):
        body = raw + markup(
            text, self.f, bold=bold or self.s[style].fontName == self.f.bold, keep_lines=lines
        )
        self.story.append(Paragraph(body or "&nbsp;", self.s[style]))

    def kv(self, label: str, value: object) -> None:
        # label is ours (trusted words), value is outside text
        self.p("body", value, raw=f'<font color="#5c5c66">{label}:</font> ')


def _interview(d: _Doc, report: ReportData, iv: InterviewReport, n: int, total: int) -> None:
    title = "Interview" if total == 1 else f"Interview {n} of {total}"
    d.p("h1", title)
    bits = [
        "web interview" if iv.source == "web" else "via the interview engine",
        f"question set v{iv.version}" if iv.version else None,
        "completed " + _fmt_time(iv.completed_at) if iv.completed_at else "not completed yet",
    ]
    d.p("small", " · ".join(b for b in bits if b))
    d.kv("Overall score", overall(iv.overall_score) + (f" (scored by {iv.scorer})" if iv.scorer else ""))

    d.p("h2", "Scores and evidence")
    if not iv.questions:
        d.p("body", "No answers yet.")
    for q in iv.questions:
        head = [Paragraph(markup(f"Q{q.index + 1}. {q.question}", d.f, bold=True), d.s["q"])]
        line = f"{stars(q.score)} · weight {q.weight:g}"
        if q.overridden:
            line += f" · adjusted by the team (the scorer said {q.machine_score if q.machine_score is not None else '—'})"
        head.append(Paragraph(markup(line, d.f), d.s["body"]))
        if q.anchor_1 or q.anchor_5:
            anchors = f"Rubric: 1 = {q.anchor_1 or '—'}  ·  5 = {q.anchor_5 or '—'}"
            head.append(Paragraph(markup(anchors, d.f), d.s["small"]))
        d.story.append(KeepTogether(head))
        for quote in q.evidence[:5]:
            d.p("quote", f"“{quote}”")
        if q.rationale:
            d.p("small", q.rationale)

    d.p("h2", "Transcript")
    for q in iv.questions:
        d.p("q", f"Q{q.index + 1}. {q.question}")
        d.p("answer", q.answer or "(no answer)", lines=True)

    d.p("h2", "Recordings")
    if not iv.recordings:
        d.p("body", "No recordings.")
    for r in iv.recordings:
        kind = "Video" if r.kind == "video" else "Audio" if r.kind == "audio" else r.kind
        if r.present:
            d.p(
                "body",
                f"{kind} recording ({r.content_type or 'media'}, {size_text(r.size)}): play it in the web report.",
            )
        else:
            d.p("body", f"{kind} recording: missing from storage (the file is no longer on the server).")

    d.p("h2", "Diagnostics")
    d.kv("Started", _fmt_time(iv.started_at))
    d.kv("Ended", _fmt_time(iv.completed_at))
    if iv.started_at and iv.completed_at:
        d.kv("Duration", duration(int((iv.completed_at - iv.started_at).total_seconds() * 1000)))
    if iv.questions:
        per = " · ".join(f"Q{q.index + 1} {duration(q.duration_ms)}" for q in iv.questions)
        d.kv("Time per question", per)
    d.kv("Browser and device", iv.device or "not recorded")
    if iv.user_agent:
        d.p("small", iv.user_agent)

    d.p("h2", "Integrity observations")
    if iv.observations:
        for o in iv.observations:
            d.p("body", f"• {o}")
        d.p("small", CAVEAT)
    else:
        d.p("body", "Nothing was observed.")


def _feedback(d: _Doc, report: ReportData) -> None:
    d.p("h1", "Team feedback")
    if report.ratings:
        avg = report.average_rating
        d.kv("Ratings", f"{len(report.ratings)}, average {avg:.1f} of 5" if avg is not None else "none")
        for r in report.ratings:
            value = ("thumbs up" if r.value > 0 else "thumbs down") if r.kind == "thumbs" else stars(r.value)
            d.p("body", f"• Slack user {r.user_id}: {value}")
    else:
        d.p("body", "No ratings yet.")
    for n in report.notes:
        d.p("small", f"Note by Slack user {n.author_id}, {_fmt_time(n.created_at)}")
        d.p("answer", n.body, lines=True)


def _draw_runs(c: Canvas, x: float, y: float, parts: list[tuple[str, str]], size: float, limit: float):
    """One line of runs, cut with an ellipsis where it would pass `limit` (whole runs are drawn with one
    drawString each, so the text extracts as words, not letters)."""
    for font, chunk in parts:
        width = pdfmetrics.stringWidth(chunk, font, size)
        cut = False
        while chunk and x + width > limit:
            chunk, cut = chunk[:-1], True
            width = pdfmetrics.stringWidth(chunk + "…", font, size)
        c.setFont(font, size)
        c.drawString(x, y, chunk + ("…" if cut else ""))
        x += width
        if cut:
            return


def report_pdf(data: ReportData, *, cjk_font: str = "auto") -> bytes:
    d = _Doc(cjk_font)
    f = d.f
    d.p("label", "CANDIDATE REPORT")
    d.p("name", data.candidate_name or "(no name)")
    d.p("sub", " · ".join(x for x in (data.agent_name, data.role_title) if x))
    d.kv("Status", STATUS_WORDS.get(data.candidate_status, data.candidate_status))
    d.kv("Decision", DECISION_WORDS.get(data.decision, data.decision))
    for label, value in (
        ("E-mail", data.email),
        ("Phone", data.phone),
        ("Location", data.location),
        ("Current role", " at ".join(x for x in (data.current_title, data.current_company) if x)),
    ):
        if value:
            d.kv(label, value)
    if not data.interviews:
        d.p("h1", "Interview")
        d.p("body", "No interview yet.")
    for n, iv in enumerate(data.interviews, 1):
        _interview(d, data, iv, n, len(data.interviews))
    if data.team_feedback:
        _feedback(d, data)
    d.story.append(Spacer(1, 8))
    d.p(
        "small",
        f"Generated {_fmt_time(data.generated_at)} by milobot. An AI scored the answers; a person decides.",
    )

    header = plain_runs(f"{data.candidate_name} · {data.agent_name}", f)
    width, height = A4

    def later_pages(c: Canvas, _doc) -> None:
        c.saveState()
        c.setFillColor(MUTED)
        _draw_runs(
            c,
            MARGIN,
            height - MARGIN + 6 * mm,
            [(f.regular, "Candidate report · ")] + header,
            8.5,
            width - MARGIN,
        )
        c.restoreState()

    class NumberedCanvas(Canvas):
        """Defers each page so the footer can say "Page n of m" once m is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for number, state in enumerate(self._saved, 1):
                self.__dict__.update(state)
                self.setFont(f.regular, 8)
                self.setFillColor(MUTED)
                self.drawRightString(width - MARGIN, MARGIN - 8 * mm, f"Page {number} of {total}")
                self.drawString(MARGIN, MARGIN - 8 * mm, "Confidential: contains a candidate's personal data")
                super().showPage()
            super().save()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Candidate report: {' '.join(data.candidate_name.split())[:150]}",
        author="milobot",
        creator="milobot",
    )
    doc.build(d.story, onFirstPage=lambda c, _d: None, onLaterPages=later_pages, canvasmaker=NumberedCanvas)
    return buf.getvalue()
