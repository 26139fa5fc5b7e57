"""The candidate report as a PDF (Download PDF, and report.pdf in a Package ZIP).

Pure: ReportData in, bytes out, so it runs in a worker process (milobot/render/pool.py). Platypus flows
long transcripts over as many pages as they need; every page after the first carries a header with the
candidate and agent, and every page a footer with "Page n of m". All candidate text goes through
report_fonts.markup (escaped, with the right font per script), or through report_bidi when it has a
right-to-left letter (Hebrew, Arabic: lines in visual order, Arabic joined)."""

from __future__ import annotations

import io
from datetime import datetime
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from milobot.render.report_bidi import BidiParagraph, Piece, needs_bidi, visual_lines, without_controls
from milobot.render.report_fonts import Fonts, fonts, markup, placeholder, plain_runs, runs
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

    def para(self, style: str, *parts: Piece | object, lines: bool = False) -> Flowable:
        """A paragraph of pieces: a Piece as given (our own words are Piece(..., outside=False)), anything
        else as outside text."""
        pieces = [p if isinstance(p, Piece) else Piece("" if p is None else str(p)) for p in parts]
        bold = self.s[style].fontName == self.f.bold
        if needs_bidi(pieces):
            return BidiParagraph(pieces, self.s[style], self.f, bold=bold, keep_lines=lines)
        body = "".join(
            markup(p.text, self.f, bold=bold, keep_lines=lines)
            if p.outside
            else (f'<font color="{p.color}">{escape(p.text)}</font>' if p.color else escape(p.text))
            for p in pieces
        )
        return Paragraph(body or "&nbsp;", self.s[style])

    def p(self, style: str, *parts: Piece | object, lines: bool = False) -> None:
        self.story.append(self.para(style, *parts, lines=lines))

    def kv(self, label: str, *value: Piece | object) -> None:
        # label is ours (trusted words), value is outside text
        self.p("body", Piece(f"{label}: ", outside=False, color="#5c5c66"), *value)


def joined(values: tuple[str | None, ...], sep: str) -> list[Piece]:
    """Outside values with our separator between them, each its own isolated piece."""
    out: list[Piece] = []
    for v in (v for v in values if v):
        out += [ours(sep), Piece(v)] if out else [Piece(v)]
    return out


def ours(text: str) -> Piece:
    return Piece(text, outside=False)


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
        head = [d.para("q", ours(f"Q{q.index + 1}. "), q.question)]
        line = f"{stars(q.score)} · weight {q.weight:g}"
        if q.overridden:
            line += f" · adjusted by the team (the scorer said {q.machine_score if q.machine_score is not None else '—'})"
        head.append(d.para("body", line))
        if q.anchor_1 or q.anchor_5:
            anchors = [ours("Rubric: 1 = "), q.anchor_1 or "—", ours(" · 5 = "), q.anchor_5 or "—"]
            head.append(d.para("small", *anchors))
        d.story.append(KeepTogether(head))
        for quote in q.evidence[:5]:
            d.p("quote", ours("“"), quote, ours("”"))
        if q.rationale:
            d.p("small", q.rationale)

    d.p("h2", "Transcript")
    for q in iv.questions:
        d.p("q", ours(f"Q{q.index + 1}. "), q.question)
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


def _header_runs(pieces: list[Piece], f: Fonts, size: float, width: float) -> list[tuple[str, str]]:
    """The running header's (font, text) runs, left to right; a right-to-left name in visual order, cut
    at a word with an ellipsis when the header holds more than fits on its line."""
    if not needs_bidi(pieces):
        return [(f.regular, pieces[0].text)] + plain_runs("".join(p.text for p in pieces[1:]), f)
    _, lines = visual_lines(pieces, f, size=size, width=width)
    out = [
        (font or f.regular, placeholder(chunk, f) if font == "" else chunk)
        for text, _color in lines[0]
        for font, chunk in runs(text, f)
    ]
    return out + [(f.regular, "…")] if len(lines) > 1 else out


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
    d.p("sub", *joined((data.agent_name, data.role_title), " · "))
    d.kv("Status", STATUS_WORDS.get(data.candidate_status, data.candidate_status))
    d.kv("Decision", DECISION_WORDS.get(data.decision, data.decision))
    for label, value in (
        ("E-mail", [data.email]),
        ("Phone", [data.phone]),
        ("Location", [data.location]),
        ("Current role", joined((data.current_title, data.current_company), " at ")),
    ):
        if any(value):
            d.kv(label, *value)
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

    width, height = A4
    header_size = 8.5
    header = _header_runs(
        [ours("Candidate report · "), Piece(data.candidate_name), ours(" · "), Piece(data.agent_name)],
        f,
        header_size,
        width - 2 * MARGIN - pdfmetrics.stringWidth("…", f.regular, header_size),
    )

    def later_pages(c: Canvas, _doc) -> None:
        c.saveState()
        c.setFillColor(MUTED)
        _draw_runs(
            c,
            MARGIN,
            height - MARGIN + 6 * mm,
            header,
            header_size,
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
        title=f"Candidate report: {' '.join(without_controls(data.candidate_name).split())[:150]}",
        author="milobot",
        creator="milobot",
    )
    doc.build(d.story, onFirstPage=lambda c, _d: None, onLaterPages=later_pages, canvasmaker=NumberedCanvas)
    return buf.getvalue()
