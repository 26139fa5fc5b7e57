"""Round 14's mechanisms, each on made-up text or a made-up PDF (invented people, places and
employers)."""

from __future__ import annotations

from .made_up_pdf import first_page_text, made_up_pdf


def test_a_glyph_from_an_icon_font_is_a_mark_and_never_a_letter_before_the_place():
    # ZapfDingbats draws "H" as a star: an icon before the town, which must not read as "H Brackenfold".
    def draw(c):
        c.setFont("Helvetica-Bold", 20)
        c.drawString(72, 780, "Ilse Marrowby")
        line = c.beginText(72, 750)
        line.setFont("ZapfDingbats", 10)
        line.textOut("H")
        line.setFont("Helvetica", 10)
        line.textOut(" Brackenfold, Norway")
        c.drawText(line)

    text = first_page_text(made_up_pdf(draw))
    line = next(row for row in text.splitlines() if "Brackenfold" in row)
    assert line.split("Brackenfold")[0].strip() == "\ue000"  # a field mark, no letter
