"""QR PNG, poster PDF and activity chart: checked with a real QR decoder and a real PDF reader."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from milobot.render.charts import activity_chart_png
from milobot.render.poster import poster_pdf
from milobot.render.qr import qr_matrix, qr_png

LINKS = [
    "https://milo.example.com/i/Tk4x9",
    "https://milo.example.com/i/Tk4x9?src=lobby-poster",
    "https://hire.example.org/i/" + "aB3_-" * 40 + "?src=job-fair&utm=a%20b",  # a long signed token
    "http://localhost:8080/i/ä-ß?src=café",  # non-ASCII survives byte mode
]


def decode(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


# --- QR ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("link", LINKS)
def test_qr_png_decodes_to_exactly_the_link(link: str):
    png = qr_png(link)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert decode(Image.open(io.BytesIO(png))) == [link]


def test_qr_png_size_follows_box_size_and_border():
    link = LINKS[1]
    modules = len(qr_matrix(link, border=0))
    for box, border in [(10, 4), (4, 2)]:
        image = Image.open(io.BytesIO(qr_png(link, box_size=box, border=border)))
        assert image.size == ((modules + 2 * border) * box,) * 2
    assert decode(Image.open(io.BytesIO(qr_png(link, box_size=4)))) == [link]


def test_qr_refuses_an_empty_link():
    with pytest.raises(ValueError):
        qr_png("")


# --- poster -----------------------------------------------------------------------------------------------


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def render_first_page(pdf: bytes, tmp_path: Path, dpi: int = 110) -> Image.Image:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed, so the PDF page cannot be rasterised here")
    src = tmp_path / "poster.pdf"
    src.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(src), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    return Image.open(tmp_path / "page.png")


def test_poster_is_one_page_with_name_role_and_short_link():
    pdf = poster_pdf(
        agent_name="Weekend Barista",
        role="Barista, Brooklyn store",
        link=LINKS[1],
        short_link="milo.example.com/i/Tk4x9",
        company="Acme Coffee",
    )
    assert pdf.startswith(b"%PDF")
    pages, text = pdf_text(pdf)
    assert pages == 1
    for expected in [
        "Weekend Barista",
        "Barista, Brooklyn store",
        "milo.example.com/i/Tk4x9",
        "Acme Coffee",
        "Scan the code or open the link to start your interview.",
    ]:
        assert expected in text


def test_poster_is_us_letter_by_default_and_a4_on_request():
    kwargs = {"agent_name": "A", "role": "B", "link": LINKS[0], "short_link": "s"}
    letter = pypdf.PdfReader(io.BytesIO(poster_pdf(**kwargs))).pages[0].mediabox
    a4 = pypdf.PdfReader(io.BytesIO(poster_pdf(**kwargs, page_size="a4"))).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    with pytest.raises(ValueError):
        poster_pdf(**kwargs, page_size="tabloid")


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_poster_qr_decodes_to_exactly_the_link(tmp_path: Path, page_size: str):
    link = LINKS[2]
    pdf = poster_pdf(
        agent_name="Support Agent",
        role="Tier 1 support",
        link=link,
        short_link="hire.example.org/i/aB3",
        page_size=page_size,
    )
    assert decode(render_first_page(pdf, tmp_path)) == [link]


def test_poster_draws_markup_and_accents_literally():
    name = "<b>Señor</b> Café <!channel> Straße & <script>x</script>"
    pages, text = pdf_text(
        poster_pdf(
            agent_name=name, role="Niño ß <i>role</i>", link=LINKS[0], short_link="milo.example.com/i/Tk4x9"
        )
    )
    assert pages == 1
    flat = " ".join(text.split())
    for literal in [
        "<b>Señor</b>",
        "Café",
        "<!channel>",
        "Straße",
        "&",
        "<script>x</script>",
        "Niño ß <i>role</i>",
    ]:
        assert literal in flat


def test_poster_survives_characters_the_font_lacks(tmp_path: Path):
    pdf = poster_pdf(
        agent_name="東京 面接官 😀 \u202eevil",
        role="インタビュー 👩‍💻",
        link=LINKS[1],
        short_link="milo.example.com/i/東京",
        instructions="スキャンしてください",
        company="株式会社",
    )
    pages, text = pdf_text(pdf)
    assert pages == 1
    assert "😀" in text  # DejaVu has it: drawn, and its ToUnicode entry a surrogate pair (was <1F600>)
    assert decode(render_first_page(pdf, tmp_path, dpi=80)) == [LINKS[1]]


def test_a_200_character_name_still_fits_on_one_page(tmp_path: Path):
    name = ("Senior Staff Principal Distinguished Customer Success Engineering Manager " * 4)[:200]
    assert len(name) == 200
    long_word = "X" * 200  # no spaces to wrap at
    for agent_name in (name, long_word):
        pdf = poster_pdf(
            agent_name=agent_name,
            role="R" * 300,
            link=LINKS[2],
            short_link="s" * 150,
            instructions="Please scan. " * 40,
            company="C" * 200,
        )
        pages, text = pdf_text(pdf)
        assert pages == 1
        assert "…" in text  # truncated visibly rather than overflowing
        assert decode(render_first_page(pdf, tmp_path, dpi=80)) == [LINKS[2]]


def test_poster_text_stays_inside_the_page(tmp_path: Path):
    """Whatever the input, ink never reaches the outer margin (nothing overflows the sheet)."""
    pdf = poster_pdf(
        agent_name="W" * 200,
        role="M" * 200,
        link=LINKS[2],
        short_link="W" * 200,
        instructions="W" * 400,
        company="W" * 200,
    )
    page = render_first_page(pdf, tmp_path, dpi=36).convert("L")
    width, height = page.size
    edge = 18  # 0.5 inch at 36 dpi; the poster's margin is 0.75 inch
    border_pixels = [
        page.getpixel((x, y))
        for x in range(width)
        for y in range(height)
        if x < edge or y < edge or x >= width - edge or y >= height - edge
    ]
    assert min(border_pixels) > 200


def test_hebrew_and_arabic_names_read_right_to_left_and_an_override_prints_nothing(tmp_path: Path):
    """A Hebrew agent name was drawn letter by letter left to right (it copied out as "ןמרב ןייארמ"), Arabic
    unjoined and backwards, and a U+202E in the name reached the page. Each line is now drawn in visual
    order (render.report_bidi) and comes back from the text layer as written; the override is dropped."""
    from tests.reports.test_pdf_rtl import logical, pdftotext

    hebrew, arabic = "מראיין ברמן", "مرحبا بالعالم"
    pdf = poster_pdf(
        agent_name=f"{hebrew}\u202e",
        role=arabic,
        link=LINKS[0],
        short_link="milo.example.com/i/Tk4x9",
        company="חברה \u202eבע״מ",
    )
    lines, errors = pdftotext(pdf, tmp_path)
    assert "Error" not in errors, errors
    shown = [logical(line) for line in lines]
    assert hebrew in shown and "חברה בע״מ" in shown
    assert arabic in shown
    arabic_line = next(line for line in lines if logical(line) == arabic)
    assert sum(1 for c in arabic_line if 0xFE70 <= ord(c) <= 0xFEFF) == len(arabic.replace(" ", ""))  # joined
    assert not any("\u202e" in line for line in lines)
    assert pypdf.PdfReader(io.BytesIO(pdf)).metadata.title == f"Interview poster: {hebrew}"
    assert decode(render_first_page(pdf, tmp_path, dpi=80)) == [LINKS[0]]


# --- charts -----------------------------------------------------------------------------------------------


def test_activity_chart_is_a_sane_png():
    days = [date(2024, 3, 1) + timedelta(days=i) for i in range(30)]
    png = activity_chart_png(days, [i % 5 for i in range(30)], title="Interviews per day — $5 <!channel> é")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert 2_000 < len(png) < 500_000
    image = Image.open(io.BytesIO(png))
    assert image.size == (800, 300)


def test_activity_chart_handles_a_single_day_and_all_zero_counts():
    for counts in ([0], [7]):
        png = activity_chart_png([date(2024, 1, 1)], counts, title="One day")
        assert Image.open(io.BytesIO(png)).size == (800, 300)
    with pytest.raises(ValueError):
        activity_chart_png([date(2024, 1, 1)], [], title="mismatch")


def test_activity_chart_leaves_no_pyplot_figures_behind():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    activity_chart_png([date(2024, 1, 1), date(2024, 1, 2)], [1, 2], title="t")
    assert plt.get_fignums() == before


def test_poster_works_with_only_reportlab_bundled_fonts():
    """A machine without DejaVu falls back to reportlab's Vera + Courier; odd characters still don't crash.

    Runs in a fresh interpreter because registered fonts are process-global.
    """
    import sys

    script = (
        "import io, pypdf, milobot.render.poster as p\n"
        "p._SYSTEM_FONT_DIRS = ()\n"
        "assert p._fonts().mono == 'Courier'\n"
        "pdf = p.poster_pdf(agent_name='Señor Café Ωμέγα 東京 😀', role='Niño', link='https://x/i/a',"
        " short_link='x/i/ü-Ω-東')\n"
        "reader = pypdf.PdfReader(io.BytesIO(pdf))\n"
        "assert len(reader.pages) == 1 and 'Señor Café' in reader.pages[0].extract_text()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
