"""milobot/ingest/pdfops.py reads content streams into exactly the operations pypdf would, or leaves
them to pypdf; and text extraction over pre-parsed pages and forms reads what pypdf reads alone."""

from __future__ import annotations

import contextlib
import io
import time

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from milobot.ingest.pdfops import TEXT_OPERATORS, operations, preparse, preparsed
from milobot.ingest.pdftext import read_page

from .made_up_pdf import made_up_pdf


def _pypdf_operations(data: bytes):
    stream = ContentStream(None, None, "bytes")
    stream.set_data(data)
    return stream.operations


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b and getattr(a, "__dict__", {}) == getattr(b, "__dict__", {})


STREAMS = [
    # paths, colours, state: numbers of every spelling pypdf takes
    b"q 1 0 0 -1 0 792 cm 0.5 w 12.25 40 m 5. .5 l -0 +3 -.75 1.23456789012 c S Q",
    b"0 0 1 rg 0.2 0.3 0.4 RG [3 2] 0 d 1 J /GS0 gs 10 20 30 40 re f*",
    # text: fonts, positions, plain and nested strings, escapes, hex strings with spaces, odd digits
    b"BT /F1 10 Tf 72 700 Td (Plain text) Tj 0 -12 TD (Nested (paren) text) Tj ET",
    b"BT /F2 9 Tf (Esc\\(aped\\) \\101\\102 \\n tab\\t back\\\\slash) Tj <48 65 6C6C 6F> Tj <414> Tj <> Tj ET",
    b"BT /F1 11 Tf [(Ka) -250 (rin) 30.5 <0041> -3000 (Sm\\351) ] TJ (next line) ' 1 2 (spaced) \" ET",
    b"BT /F1 11 Tf\r\n[ (a)1(b) ]TJ\n%a comment ( [ < / \r(after) Tj ET",
    # marked content with dictionaries, names with # escapes, arrays pypdf reads itself
    b"/P <</MCID 0>> BDC BT /F1 9 Tf (x) Tj ET EMC /Span <</ActualText (y) /Lang (en)>> BDC EMC",
    b"/P << /MCID 12 >>BDC EMC /P <</MCID 3 /Alt (z)>> BDC EMC",
    b"/Na#20me gs /A#2fB Do [true false null /N [1 2]] 0 d",
    b"q /Fm1 Do Q /Im0 Do",
    # NUL and vertical tab where pypdf treats them its own way
    b"1 0 0 1 0 0 cm\x00 BT ET",
    b"[1\x0b2] 0 d",
    b"",
    b"   \n  % only a comment",
]

# Streams pypdf reads in a way of its own (an inline image, a malformed number, a reference, a
# stray byte): pypdfops leaves them to pypdf.
LEFT_TO_PYPDF = [
    b"q BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",
    b"1.2.3 w",
    b"--4 w",
    b"12 0 R w",
    b"BT ] ET",
    b"[1 2",
    b"<4G> Tj",
]


@pytest.mark.parametrize("data", STREAMS)
def test_operations_are_pypdfs(data):
    ours = operations(data)
    assert ours is not None
    assert _same(ours, _pypdf_operations(data))


@pytest.mark.parametrize("data", LEFT_TO_PYPDF)
def test_unusual_streams_are_left_to_pypdf(data):
    assert operations(data) is None


@pytest.mark.parametrize("data", STREAMS)
def test_text_extraction_is_handed_the_operations_it_reads(data):
    ours = operations(data, keep=TEXT_OPERATORS)
    wanted = [(operands, op) for operands, op in _pypdf_operations(data) if op in TEXT_OPERATORS]
    assert ours is not None
    assert _same(ours, wanted)


def test_text_operators_include_what_pypdf_and_the_visitor_act_on():
    assert TEXT_OPERATORS is not None
    assert {
        b"BT",
        b"ET",
        b"q",
        b"Q",
        b"cm",
        b"Tf",
        b"Td",
        b"TD",
        b"Tm",
        b"T*",
        b"Tj",
        b"TJ",
        b"'",
        b'"',
        b"Do",
    } <= TEXT_OPERATORS
    assert not {b"m", b"l", b"c", b"re", b"f", b"S", b"rg", b"BDC", b"EMC"} & TEXT_OPERATORS


def test_strings_keep_the_encoding_asked_for():
    data = b"BT (caf\\351) Tj <636166E9> Tj ET"
    for encoding in ("bytes", None):
        stream = ContentStream(None, None, encoding)
        stream.set_data(data)
        assert _same(operations(data, encoding), stream.operations)


def _form_pdf() -> bytes:
    def draw(c):
        c.beginForm("sidebar")
        c.setFont("Helvetica", 9)
        c.drawString(20, 700, "Ilsa Brandvold")
        c.drawString(20, 688, "ilsa.brandvold@example.org")
        c.endForm()
        c.beginForm("line")
        c.line(0, 0, 100, 0)
        c.endForm()
        c.doForm("sidebar")
        c.doForm("line")
        c.setFont("Helvetica-Bold", 16)
        c.drawString(200, 780, "Curriculum (Vitae) \\ Quarrystone")
        c.setFont("Helvetica", 10)
        c.drawRightString(560, 740, "2019 – present")

    return made_up_pdf(draw)


def test_text_over_preparsed_pages_and_forms_is_pypdfs():
    data = _form_pdf()
    plain = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    page = PdfReader(io.BytesIO(data)).pages[0]
    preparse(page)
    xobjects = page["/Resources"]["/XObject"]
    assert all(isinstance(xobjects[name], ContentStream) for name in xobjects)
    assert page.extract_text() == plain
    assert "Ilsa Brandvold" in plain


def test_read_page_reads_the_same_with_and_without_preparsing(monkeypatch):
    data = _form_pdf()
    fast = read_page(PdfReader(io.BytesIO(data)).pages[0])
    monkeypatch.setattr("milobot.ingest.pdftext.preparsed", lambda page: contextlib.nullcontext())
    slow = read_page(PdfReader(io.BytesIO(data)).pages[0])
    assert fast == slow


def test_a_long_run_of_operands_is_read_in_linear_time():
    # Numbers that no operator follows directly (a string comes first): each read once, not tried
    # again as the head of a one-match operation at every number (that was quadratic).
    data = b"1 " * 40_000 + b"(x) Tj " + b"/N " * 20_000 + b"[1] TJ"
    started = time.process_time()
    ours = operations(data)
    assert time.process_time() - started < 2.0
    assert ours is not None
    assert _same(ours, _pypdf_operations(data))


def test_the_files_time_limit_is_not_taken_for_a_reading_error(monkeypatch):
    # core._time_limit interrupts a slow file with _FileTimeout: pdfops must let it through rather
    # than hand the stream to pypdf, which would go on with no time limit left.
    from milobot.ingest import pdfops
    from milobot.ingest.core import _FileTimeout

    def interrupted(self):
        raise _FileTimeout()

    monkeypatch.setattr(pdfops._Reader, "operations", interrupted)
    with pytest.raises(_FileTimeout):
        operations(b"BT ET")
    page = PdfReader(io.BytesIO(_form_pdf())).pages[0]
    with pytest.raises(_FileTimeout):
        preparse(page)


def test_only_forms_the_page_draws_are_prepared():
    def draw(c):
        c.beginForm("drawn")
        c.drawString(20, 700, "Drawn form text")
        c.endForm()
        c.beginForm("listed")  # in the page's resources, never drawn
        c.drawString(20, 600, "Listed form text")
        c.endForm()
        c.doForm("drawn")

    data = made_up_pdf(draw)
    page = PdfReader(io.BytesIO(data)).pages[0]
    preparse(page)
    xobjects = page["/Resources"]["/XObject"]
    prepared = {name for name in xobjects if isinstance(xobjects[name], ContentStream)}
    assert prepared == {name for name in xobjects if "drawn" in name.lower()}
    assert "Drawn form text" in page.extract_text()


def test_a_form_drawn_by_a_malformed_operand_is_left_to_pypdf():
    from pypdf.generic import ArrayObject, NameObject

    from milobot.ingest import pdfops

    page = PdfReader(io.BytesIO(_form_pdf())).pages[0]
    unhashable = [([ArrayObject([NameObject("/FormXob.sidebar")])], b"Do")]
    pdfops._preparse_forms(page, unhashable, page.pdf, 4, [64], [])  # pypdf warns and goes on; so do we
    xobjects = page["/Resources"]["/XObject"]
    assert not any(isinstance(xobjects[name], ContentStream) for name in xobjects)


def test_mangled_streams_read_as_pypdf_reads_them_or_are_left_to_it():
    # Delimiters, escapes, references and stray bytes dropped into the streams above: wherever
    # pypdf fails or reads something its own way, pdfops hands the stream over.
    import random

    rnd = random.Random(7)
    pieces = [b"(", b")", b"\\", b"<", b">", b"<<", b">>", b"[", b"]", b"/", b"%", b"\x00", b"\x0b"]
    pieces += [b"\r", b"#", b"1 0 R ", b"BI ", b"-", b"..", b",", b"true", b"stream", b"\xff", b"{", b"'"]
    for _ in range(400):
        mangled = bytearray(rnd.choice(STREAMS))
        for _ in range(rnd.randint(1, 3)):
            at = rnd.randrange(len(mangled) + 1)
            mangled[at:at] = rnd.choice(pieces)
        data = bytes(mangled)
        try:
            wanted = _pypdf_operations(data)
        except Exception:  # noqa: BLE001 - pypdf refuses it: pdfops must leave it to pypdf
            wanted = None
        for keep in (None, TEXT_OPERATORS):
            ours = operations(data, keep=keep)
            if ours is None:
                continue
            assert wanted is not None, data
            assert _same(ours, [(o, op) for o, op in wanted if keep is None or op in keep]), data


def test_the_readers_copy_is_put_back_after_the_extraction():
    page = PdfReader(io.BytesIO(_form_pdf())).pages[0]
    contents = page.raw_get("/Contents")
    xobjects = page["/Resources"]["/XObject"]
    forms = {name: xobjects.raw_get(name) for name in xobjects}
    with preparsed(page):
        assert isinstance(page["/Contents"], ContentStream)
        assert all(isinstance(xobjects[name], ContentStream) for name in xobjects)
        text = page.extract_text()
    assert page.raw_get("/Contents") is contents
    assert all(xobjects.raw_get(name) is form for name, form in forms.items())
    assert text == page.extract_text()
