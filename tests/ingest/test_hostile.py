"""Broken and hostile inputs: each gets its own clear outcome and a reason a recruiter can act on."""

from __future__ import annotations

import io
import stat
import time
import zipfile

import pytest
from pypdf import PdfReader, PdfWriter

from milobot.ingest import Limits, csv_safe, extract

from .corpus import CORPUS

RESUME = CORPUS / "resumes" / "00_classic.pdf"


def one(results):
    assert len(results) == 1, results
    return results[0]


def _encrypted(user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(RESUME))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ---------------------------------------------------------------- PDF


def test_password_protected_pdf_is_encrypted():
    r = one(extract("locked.pdf", _encrypted("hunter2", "AES-256")))
    assert r.outcome == "encrypted"
    assert "password" in r.reason.lower() and not r.profiles


def test_aes_pdf_with_empty_user_password_is_read():
    data = _encrypted("", "AES-128")
    assert PdfReader(io.BytesIO(data)).is_encrypted
    r = one(extract("permissions-only.pdf", data))
    assert r.outcome == "ok", r.reason
    plain = one(extract("plain.pdf", RESUME.read_bytes()))
    assert r.profiles[0].email == plain.profiles[0].email and r.profiles[0].phone == plain.profiles[0].phone


def test_image_only_pdf_has_no_text():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for i in range(40):  # a "scan": shapes only, no text layer
        c.rect(50, 800 - i * 18, 300 + (i * 37) % 200, 8, fill=1)
    c.showPage()
    c.save()
    r = one(extract("scan.pdf", buf.getvalue()))
    assert r.outcome == "no_text"
    assert "text layer" in r.reason and "OCR" in r.reason


def test_truncated_pdf_is_corrupt():
    data = RESUME.read_bytes()
    r = one(extract("cut.pdf", data[: len(data) // 2]))
    assert r.outcome == "corrupt"
    assert "incomplete" in r.reason or "damaged" in r.reason


def test_garbage_named_pdf_is_corrupt():
    r = one(extract("noise.pdf", bytes(range(256)) * 40))
    assert r.outcome == "corrupt" and ".pdf" in r.reason


def test_pdf_header_with_garbage_body_is_corrupt():
    r = one(extract("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 500 + b"\n%%EOF\n"))
    assert r.outcome in {"corrupt", "no_text"}, r
    assert r.outcome == "corrupt"


def test_html_saved_as_pdf_says_it_is_html():
    html = b"<!DOCTYPE html>\n<html><head><title>Jane Doe - Resume</title></head><body><h1>Jane Doe</h1></body></html>"
    r = one(extract("Jane Doe Resume.pdf", html))
    assert r.outcome == "unsupported"
    assert "HTML" in r.reason and ".pdf" in r.reason


def test_zero_byte_file_is_empty():
    r = one(extract("resume.pdf", b""))
    assert r.outcome == "empty" and "0 bytes" in r.reason


def test_50mb_file_is_refused_before_parsing():
    data = b"%PDF-1.7\n" + b"\x00" * (50 * 1024 * 1024)
    start = time.perf_counter()
    r = one(extract("huge.pdf", data))
    assert time.perf_counter() - start < 0.5  # size is checked first, nothing is parsed
    assert r.outcome == "too_large"
    assert "50 MB" in r.reason and "20 MB" in r.reason


def test_image_and_legacy_doc_are_unsupported_and_named():
    png = one(extract("headshot.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100))
    assert png.outcome == "unsupported" and "PNG image" in png.reason
    doc = one(extract("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600))
    assert doc.outcome == "unsupported" and ".doc" in doc.reason
    jpeg_as_pdf = one(extract("resume.pdf", b"\xff\xd8\xff\xe0" + b"\x00" * 100))
    assert (
        jpeg_as_pdf.outcome == "unsupported" and "JPEG" in jpeg_as_pdf.reason and ".pdf" in jpeg_as_pdf.reason
    )


def test_mislabelled_pdf_is_read_by_its_content():
    r = one(extract("resume.docx", RESUME.read_bytes()))
    assert r.outcome == "ok" and r.profiles[0].email


def test_corrupt_docx_is_corrupt():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    r = one(extract("cv.docx", buf.getvalue()))
    assert r.outcome == "corrupt" and "Word" in r.reason


# ---------------------------------------------------------------- ZIP


def _zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return buf.getvalue()


def test_zip_bomb_is_refused_while_streaming():
    buf = io.BytesIO()
    chunk = b"\x00" * (1024 * 1024)
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open("candidates.csv", "w", force_zip64=True) as entry,
    ):
        for _ in range(1024):  # 1 GB of zeros, streamed: never held in memory
            entry.write(chunk)
    bomb = buf.getvalue()
    assert len(bomb) < 8 * 1024 * 1024
    start = time.perf_counter()
    r = one(extract("bomb.zip", bomb))
    assert time.perf_counter() - start < 2  # stopped after a few MB, not after 1 GB
    assert r.file == "candidates.csv"
    assert r.outcome == "unsafe" and "ZIP bomb" in r.reason


def test_zip_total_unpacked_limit_stops_the_rest():
    pdf = RESUME.read_bytes()
    data = _zip([(f"r{i}.pdf", pdf) for i in range(5)])
    results = extract("many.zip", data, limits=Limits(max_total_unpacked_bytes=int(len(pdf) * 2.5)))
    assert [r.outcome for r in results] == ["ok", "ok", "too_large", "too_large", "too_large"]
    assert "in total" in results[-1].reason


def test_zip_with_too_many_entries_is_refused_as_a_whole():
    data = _zip([(f"f{i}.csv", b"Name,Email\n") for i in range(12)])
    r = one(extract("lots.zip", data, limits=Limits(max_zip_entries=10)))
    assert r.file == "lots.zip" and r.outcome == "too_large" and "12 entries" in r.reason


def test_zip_path_traversal_is_unsafe_and_the_rest_is_read():
    data = _zip([("../../etc/cron.d/evil.pdf", RESUME.read_bytes()), ("ok/resume.pdf", RESUME.read_bytes())])
    bad, good = extract("trip.zip", data)
    assert bad.file == "../../etc/cron.d/evil.pdf" and bad.outcome == "unsafe" and "../" in bad.reason
    assert good.outcome == "ok"


def test_zip_absolute_path_is_unsafe():
    data = _zip([("/etc/passwd.csv", b"Name,Email\nroot,root@example.com\n"), ("C:/Windows/x.pdf", b"%PDF")])
    results = extract("abs.zip", data)
    assert [r.outcome for r in results] == ["unsafe", "unsafe"]
    assert all("absolute path" in r.reason for r in results)


def test_nested_zip_is_unsafe():
    inner = _zip([("r.pdf", RESUME.read_bytes())])
    data = _zip([("inner.zip", inner), ("renamed.pdf", inner)])
    results = extract("outer.zip", data)
    assert [r.outcome for r in results] == ["unsafe", "unsafe"]
    assert all("inside archives" in r.reason for r in results)


def test_zip_symlink_entry_is_unsafe():
    link = zipfile.ZipInfo("resume.pdf")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    r = one(extract("links.zip", _zip([(link, b"/etc/passwd")])))
    assert r.outcome == "unsafe" and "symbolic link" in r.reason


def test_zip_skips_macosx_and_dotfiles_quietly():
    data = _zip(
        [
            ("__MACOSX/._r.pdf", b"junk"),
            (".DS_Store", b"junk"),
            ("a/.hidden.pdf", b"x"),
            ("a/list.csv", b"Name,Email\nAda Lovelace,ada@example.org\n"),
        ]
    )
    r = one(extract("mac.zip", data))
    assert r.file == "a/list.csv" and r.outcome == "ok"


def test_zip_with_only_junk_is_empty_and_damaged_zip_is_corrupt():
    assert one(extract("junk.zip", _zip([("__MACOSX/._x", b"1"), ("folder/", b"")]))).outcome == "empty"
    damaged = _zip([("r.pdf", RESUME.read_bytes())])
    r = one(extract("cut.zip", damaged[: len(damaged) // 2]))
    assert r.file == "cut.zip" and r.outcome == "corrupt"


def test_password_protected_zip_entry_is_encrypted():
    data = bytearray(
        _zip([("locked.pdf", b"%PDF-1.7 secret" * 8), ("open.csv", b"Name,Email\nAda,ada@example.org\n")])
    )
    # zipfile cannot write encrypted entries; set the "encrypted" flag bit as ZipCrypto/AES tools do.
    data[6] |= 0x1  # first local header
    cd = data.find(b"PK\x01\x02")
    data[cd + 8] |= 0x1  # its central directory record
    results = extract("mixed.zip", bytes(data))
    assert [(r.file, r.outcome) for r in results] == [("locked.pdf", "encrypted"), ("open.csv", "ok")]
    assert "password" in results[0].reason


def test_zip_header_lying_about_sizes_cannot_inflate_past_the_limits():
    # Central directory claims 1 KB; the stream really holds 30 MB of zeros.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("liar.csv", b"\x00" * (30 * 1024 * 1024))
    data = bytearray(buf.getvalue())
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = (1024).to_bytes(4, "little")  # uncompressed size field
    r = one(extract("liar.zip", bytes(data), limits=Limits(max_file_bytes=20 * 1024 * 1024)))
    assert r.outcome in {"unsafe", "too_large", "corrupt"}, r
    assert not r.profiles


def test_zip_entry_with_bad_crc_is_corrupt():
    data = bytearray(_zip([("list.csv", b"Name,Email\n" + b"Ada,ada@example.org\n" * 50)]))
    header_len = 30 + len("list.csv")
    data[header_len + 5] ^= 0xFF  # flip a byte inside the compressed stream
    r = one(extract("crc.zip", bytes(data)))
    assert r.outcome == "corrupt"


# ---------------------------------------------------------------- CSV


def test_csv_with_bom_semicolons_and_quoted_newlines():
    text = (
        '\ufeff"First Name";"Last Name";"Email Address";"Phone";"Notes";"Location"\r\n'
        '"Zoë";"Müller";"zoe@example.de";"0151 23456789";"line one\r\nline two; with semicolon";"Berlin, Germany"\r\n'
        '"Jean";"Dupont";"jean@example.fr";"+33 6 12 34 56 78";"";"Paris, France"\r\n'
    )
    r = one(extract("export.csv", text.encode("utf-8")))
    assert r.outcome == "ok"
    assert [(p.name, p.email, p.phone) for p in r.profiles] == [
        ("Zoë Müller", "zoe@example.de", "+4915123456789"),
        ("Jean Dupont", "jean@example.fr", "+33612345678"),
    ]


def test_csv_formula_cells_stay_text_and_csv_safe_neutralises_them():
    text = (
        "Name,Email,Current Company,Title,Phone\n"
        '"=HYPERLINK(""http://evil.example"",""click"")",a@example.com,"+cmd|\' /C calc\'!A0",@SUM(1+1),+1 415 555 0132\n'
        "Grace Hopper,-2+3@example.com,-2+3,Engineer,\n"
    )
    r = one(extract("formulas.csv", text.encode()))
    assert r.outcome == "ok"
    first = r.profiles[0]
    assert first.name == '=HYPERLINK("http://evil.example","click")'  # kept verbatim, never evaluated
    assert first.current_company == "+cmd|' /C calc'!A0" and first.current_title == "@SUM(1+1)"
    assert first.phone == "+14155550132"
    assert csv_safe(first.name) == "'" + first.name
    assert csv_safe(first.current_company).startswith("'+cmd")
    assert csv_safe(first.current_title) == "'@SUM(1+1)"
    assert csv_safe("-2+3") == "'-2+3" and csv_safe("\tx") == "'\tx"
    # Plain data that merely starts with a sign stays as it is.
    assert csv_safe("+44 20 7946 0958") == "+44 20 7946 0958" and csv_safe("-12.5") == "-12.5"
    assert csv_safe("Grace Hopper") == "Grace Hopper" and csv_safe(None) == ""


def test_cp1252_csv_is_decoded():
    text = "Name;Email;Phone;Location\r\nFrançois Lefèvre;francois@example.fr;06 12 34 56 78;Lyon, France\r\nJosé Núñez;jose@example.es;+34 612 345 678;Madrid, Spain\r\n"
    r = one(extract("workable.csv", text.encode("cp1252")))
    assert r.outcome == "ok"
    assert [p.name for p in r.profiles] == ["François Lefèvre", "José Núñez"]
    assert r.profiles[0].phone == "+33612345678"


def test_utf16_tab_separated_csv_is_decoded():
    text = "Name\tEmail\tPhone Number\nÅsa Åkesson\tasa@example.se\t+46 70 123 45 67\n"
    r = one(extract("ashby.csv", text.encode("utf-16")))
    assert r.outcome == "ok" and r.profiles[0].name == "Åsa Åkesson" and r.profiles[0].phone == "+46701234567"


def test_csv_with_missing_columns_and_short_rows():
    text = "Candidate Name,Email\nAda Lovelace,ada@example.org\nAlan Turing\n,\n"
    r = one(extract("short.csv", text.encode()))
    assert r.outcome == "ok"
    assert [(p.name, p.email, p.phone) for p in r.profiles] == [
        ("Ada Lovelace", "ada@example.org", None),
        ("Alan Turing", None, None),
    ]
    assert "no phone column" in r.reason


def test_csv_without_recognisable_header_has_no_profiles():
    r = one(extract("numbers.csv", b"a,b,c\n1,2,3\n4,5,6\n"))
    assert r.outcome == "no_profiles" and "header" in r.reason


def test_csv_with_slack_mentions_and_html_keeps_text_verbatim():
    r = one(extract("x.csv", b"Name,Email\n<!channel> <b>Eve</b>,eve@example.com\n"))
    assert r.profiles[0].name == "<!channel> <b>Eve</b>"  # escaping is the Block Kit builder's job


@pytest.mark.parametrize(
    "garbage", [b"\x00\x01\x02\x03" * 100, b"PK\x03\x04" + b"\xff" * 200, b"%PDF-" + b"\xff" * 10]
)
def test_never_raises_on_garbage(garbage):
    for name in ("x.pdf", "x.zip", "x.csv", "x.docx", "x"):
        results = extract(name, garbage)
        assert results and all(r.reason for r in results)


def test_a_swallowed_alarm_fires_again_so_the_file_still_stops():
    # pypdf catches Exception in places, so the file's one alarm can be lost inside it; the limit
    # fires again a quarter second later, and time_is_up() tells the code that swallowed it.
    import signal
    import time

    from milobot.ingest.core import _FileTimeout, _time_limit, time_is_up

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timer here: core._time_limit does not apply")
    swallowed = 0
    started = time.monotonic()
    with pytest.raises(_FileTimeout), _time_limit(0.05):
        try:
            while time.monotonic() - started < 5:
                pass  # the first alarm lands here...
        except _FileTimeout:
            swallowed += 1  # ...and is lost, as in pypdf's own handlers
        assert time_is_up()
        while time.monotonic() - started < 5:
            pass  # reading on: the next alarm stops it
    assert swallowed == 1
    assert time.monotonic() - started < 2
    assert not time_is_up()  # cleared for the next file
