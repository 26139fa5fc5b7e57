"""pdfops against pypdf on damaged and hostile input: real content streams and seeded mutations of
them read to the same operations (or are left to pypdf, never read differently), crafted streams cost
no more than pypdf's own reading, and pages whose forms draw each other read the same text."""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import random
import time

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from milobot.ingest import extract
from milobot.ingest.pdfops import TEXT_OPERATORS, operations
from milobot.ingest.pdftext import read_page

from .corpus import CORPUS
from .test_pdfops import LEFT_TO_PYPDF, STREAMS, _pypdf_operations, _same

MODES = [("bytes", None), (None, None), ("bytes", TEXT_OPERATORS)]


def _disagreement(data: bytes, encoding, keep) -> str | None:
    """Why pdfops' reading of `data` is not pypdf's, or None: the same operations, or left to pypdf
    (None). Where pypdf fails, pdfops must leave the stream to it rather than read something."""
    ours = operations(data, encoding, keep)
    if ours is None:
        return None
    stream = ContentStream(None, None, encoding)
    stream.set_data(data)
    try:
        theirs = stream.operations
    except Exception as exc:  # noqa: BLE001 - any failure of pypdf's is a disagreement here
        return f"pypdf fails ({exc!r}) where pdfops read {len(ours)} operations"
    if keep is not None:
        theirs = [(operands, op) for operands, op in theirs if op in keep]
    return None if _same(ours, theirs) else "different operations"


def _corpus_streams(count: int) -> list[bytes]:
    """Decoded content streams (pages and the forms they hold) of the first `count` corpus résumés."""
    out = []
    for path in sorted((CORPUS / "resumes").glob("*.pdf"))[:count]:
        for page in PdfReader(path).pages:
            out.append(page.get_contents().get_data())
            xobjects = page.get("/Resources", {}).get("/XObject", {})
            out += [xobjects[n].get_data() for n in xobjects if xobjects[n].get("/Subtype") == "/Form"]
    return out


def test_corpus_streams_read_as_pypdf_reads_them():
    streams = _corpus_streams(3)
    assert len(streams) >= 3
    for data in streams:
        assert operations(data) is not None  # ordinary streams are pdfops' own work, not pypdf's
        for encoding, keep in MODES:
            assert _disagreement(data, encoding, keep) is None


# Fragments a damaged or crafted stream is made of: delimiters, comments, an inline image with binary
# data, escapes of every kind, odd hex strings, names with # escapes, references, malformed and huge
# numbers, operators glued to operands, NUL, vertical tab and lone CR.
PIECES = [
    *(bytes([c]) for c in b"()\\<>[]{}%/\x00\r\n\x0b\x0c\t\xff"),
    b"<<", b">>", b"% note (\n", b"%\r", b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff\n EI", b"BI", b"ID", b"EI",
    b"(a(b)c)", b"(\\(x\\))", b"(\\101\\1\\12\\0012\\777\\400\\8\\q)", b"(\\\r\n)", b"(\\", b"<41 4>",
    b"<4 1\x00\n>", b"<>", b"<4G>", b"/N#20a", b"/a#2", b"/#", b"/\xc3\xa9", b"/" + b"n" * 70, b"1 0 R", b"0 0 R5",
    b"1 0 RG", b"[1 0 R]", b"[[1] true null]", b"[(a)\x0b1]", b"[%c\n1]", b"[1 2", b"<</MCID 3>>", b"<< /MCID 7 >>s",
    b"<</MCID 3 /Alt (z)>>", b"<</MCID 1234567890>>", b"1e308", b"--5", b".", b"+.", b"-.", b"1.2.3", b"5,6", b"+-1",
    b"9" * 25, b"12345678901234567.25", b"1234567890123456.1234567890123456", b"0.0000000000000000001",
    b"12.5Tj", b"1w", b"/F1 9Tf", b"(x)Tj", b"T\x00j", b"Tj\xff", b"T" * 70, b"true", b"endobj",
]  # fmt: skip


def _mutant(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(out))
        kind = rng.random()
        if kind < 0.15 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)  # a flipped byte
        elif kind < 0.25:
            del out[at:]  # cut off
        elif kind < 0.75:
            out[at:at] = rng.choice((b"", b" ")) + rng.choice(PIECES) + rng.choice((b"", b" "))
        elif kind < 0.9:
            end = rng.randint(at, min(len(out), at + 40))
            out[at:at] = out[at:end] * rng.randint(2, 30)  # a run repeated: long strings, arrays, numbers
        else:
            del out[at : at + rng.randint(1, 6)]
    return bytes(out)


def test_mutated_streams_read_as_pypdf_reads_them_or_are_left_to_it():
    rng = random.Random(14)
    real = _corpus_streams(2)
    seeds = STREAMS + LEFT_TO_PYPDF
    read = 0
    for i in range(1200):
        if i % 2:
            source = rng.choice(real)
            start = rng.randrange(len(source))
            base = source[start : start + rng.randint(20, 600)]
        else:
            base = rng.choice(seeds)
        data = _mutant(rng, base)
        encoding, keep = MODES[i % len(MODES)]
        problem = _disagreement(data, encoding, keep)
        assert problem is None, (problem, data, encoding, keep)
        read += operations(data) is not None
    assert read > 200  # enough of the mutants are pdfops' own reading for the comparison to mean something


# Streams made to make a tokenizer backtrack, rescan or recurse: unclosed strings, arrays and
# dictionaries, deep nesting, long runs of digits, numbers, names, spaces and comments, and
# alternations that defeat the one-match reading. None may cost much more than pypdf's own reading.
N = 30_000
COSTLY = {
    "unclosed strings": b"(" * N,
    "unclosed strings each": b"(x " * (N // 3),
    "nested strings": b"(" * (N // 2) + b")" * (N // 2) + b" Tj",
    "unclosed hex": b"<" + b"41" * N,
    "unclosed dictionaries": b"<</MCID 1 " * (N // 10),
    "an MCID dictionary then spaces": (b"<</MCID 1>>" + b" " * 1000) * (N // 1000) + b"s",
    "deep arrays": b"[" * 3000 + b"]" * 3000 + b" TJ",
    "an unclosed array": b"[" + b"1 " * (N // 2),
    "arrays pypdf finishes": b"[(a) (b) true] " * (N // 15) + b"TJ",
    "digits": b"1" * (20 * N),
    "glued operators": b"1w" * (N // 2),
    "numbers, no operator": b"1 " * (N // 2) + b"(x) Tj",
    "numbers and strings": b"1 1 1 (a) " * (N // 10) + b"Tj",
    "spaces after numbers": (b"1" + b" " * 1000) * (N // 1000) + b"(x) Tj",
    "names needing pypdf": b"/a#20 " * (N // 6) + b"Tf",
    "escaped strings": b"(\\101) " * (N // 7) + b"Tj",
    "comments": b"%\n1 " * (N // 4) + b"w",
}


def _cpu_seconds(read) -> float:
    """The CPU time of `read()`, best of two, the garbage collector held off: a full collection of
    the test process's heap (late in a whole-suite run, ~1 s) is no cost of the reading."""
    best = float("inf")
    for _ in range(2):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            try:
                read()
            except Exception:  # noqa: BLE001, S110 - failing takes time too; that is all we measure here
                pass
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("data", COSTLY.values(), ids=COSTLY.keys())
def test_crafted_streams_cost_no_more_than_pypdfs_reading(data):
    theirs = _cpu_seconds(lambda: _pypdf_operations(data))
    for keep in (None, TEXT_OPERATORS):
        assert _cpu_seconds(functools.partial(operations, data, keep=keep)) < 3 * theirs + 0.1


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given objects, numbered from 1 (the first is the catalog), with a true xref."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(entries: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def _forms_pdf(
    draws: list[list[int]], resources: list[int], pages: list[tuple[int | None, list[int]]]
) -> bytes:
    """Form i shows a line of text and draws the forms draws[i]; its resources are resource
    dictionary resources[i]. Resource dictionary k names every form. A page is (its resource
    dictionary, or None for one of its own naming every form; the forms it draws)."""
    n = len(draws)
    form, res, page, content = 4, 4 + n, 4 + 2 * n, 4 + 2 * n + len(pages)

    def names():
        return b"<< /Font << /F1 3 0 R >> /XObject << %s >> >>" % b" ".join(
            b"/X%d %d 0 R" % (j, form + j) for j in range(n)
        )

    def body(text: bytes, drawn: list[int]) -> bytes:
        return b"BT /F1 10 Tf 72 700 Td (%s) Tj ET %s" % (text, b" ".join(b"/X%d Do" % j for j in drawn))

    kids = b" ".join(b"%d 0 R" % (page + p) for p in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, drawn in enumerate(draws):
        entries = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %d 0 R" % (
            res + resources[i]
        )
        objects.append(_stream(entries, body(b"Yselde Pellaby form %d" % i, drawn)))
    objects += [names() for _ in range(n)]
    for p, (own, _) in enumerate(pages):
        where = names() if own is None else b"%d 0 R" % (res + own)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
            % (where, content + p)
        )
    objects += [_stream(b"", body(b"Wrenfold Quimbly page", drawn)) for _, drawn in pages]
    return _raw_pdf(objects)


def _page_texts(data: bytes, monkeypatch, prepared: bool) -> list[str]:
    with monkeypatch.context() as patch:
        if not prepared:
            patch.setattr("milobot.ingest.pdftext.preparsed", lambda page: contextlib.nullcontext())
        return [read_page(page).text for page in PdfReader(io.BytesIO(data)).pages]


# Forms that draw each other: pypdf reads a cycle once, telling a form by the object its name
# resolves to. A prepared copy in one place and the original in another made two forms of one, and
# the cycle's text came out twice.
FORM_CYCLES = {
    "a form drawing itself": ([[0]], [0], [(None, [0])]),
    "two forms drawing each other": ([[1], [0]], [0, 1], [(None, [0])]),
    "a cycle longer than the forms prepared in depth": (
        [[1], [2], [3], [4], [5], [0]],
        [0] * 6,
        [(None, [0])],
    ),
    "a cycle on two pages with their own resources": ([[1], [0]], [0, 1], [(None, [0]), (None, [1, 0])]),
    "a shared resource dictionary": ([[0, 1], [0]], [0, 0], [(0, [0, 1]), (0, [1])]),
}


@pytest.mark.parametrize("shape", FORM_CYCLES.values(), ids=FORM_CYCLES.keys())
def test_forms_drawing_each_other_read_as_pypdf_reads_them(shape, monkeypatch):
    data = _forms_pdf(*shape)
    fast = _page_texts(data, monkeypatch, prepared=True)
    assert fast == _page_texts(data, monkeypatch, prepared=False)
    if len(shape[2][0][1]) == 1:  # the first page draws one form: each form of the cycle shows once
        assert fast[0].count("form 0") == 1, fast
    reader = PdfReader(io.BytesIO(data))
    forms = [reader.get_object(4 + i) for i in range(len(shape[0]))]
    for page in reader.pages:
        read_page(page)
    assert [reader.get_object(4 + i) for i in range(len(shape[0]))] == forms  # the reader's own again
    assert not any(isinstance(reader.get_object(4 + i), ContentStream) for i in range(len(shape[0])))


def test_random_form_graphs_read_as_pypdf_reads_them(monkeypatch):
    rng = random.Random(14)
    for _ in range(25):
        n = rng.randint(1, 7)
        draws = [rng.sample(range(n), rng.randint(0, min(3, n))) for _ in range(n)]
        resources = [rng.randrange(n) for _ in range(n)]
        pages = [
            (rng.choice([None, rng.randrange(n)]), rng.sample(range(n), rng.randint(1, n))) for _ in range(2)
        ]
        data = _forms_pdf(draws, resources, pages)
        assert _page_texts(data, monkeypatch, prepared=True) == _page_texts(data, monkeypatch, prepared=False)


HEADER = b"BT /F1 12 Tf 72 760 Td (Yselde Pellaby) Tj 0 -16 Td (yselde.pellaby@example.org) Tj ET\n"
HOSTILE = {
    "unclosed strings": HEADER + b"(" * 5000,
    "deep arrays": HEADER + b"[" * 3000 + b"]" * 3000 + b" TJ",
    "an inline image": HEADER + b"q BI /W 4 /H 1 /BPC 8 /CS /G ID \x00\x01EI\xff\x00 EI Q " + HEADER,
    "a reference": HEADER + b"12 0 R Tj",
    "NUL and lone CR": HEADER.replace(b" ", b"\r") + b"\x00" * 5000 + HEADER,
    "a long run of numbers": HEADER + b"1 " * 20_000 + b"(Wrenfold Quimbly) Tj",
    "huge numbers": HEADER + b"1e308 --5 . +. 99999999999999999999 w " + HEADER,
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_pages_get_pypdfs_outcome(content, monkeypatch):
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    data = _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(b"", content),
            page,
        ]
    )
    (fast,) = extract("cv.pdf", data)
    with monkeypatch.context() as patch:
        patch.setattr("milobot.ingest.pdftext.preparsed", lambda page: contextlib.nullcontext())
        (plain,) = extract("cv.pdf", data)
    assert fast.reason and (fast.outcome, fast.reason, fast.profiles) == (
        plain.outcome,
        plain.reason,
        plain.profiles,
    )


def test_the_files_time_limit_holds_when_pypdf_swallows_its_alarm(monkeypatch):
    # pypdf catches Exception in places (a dictionary's value that fails to read is warned about
    # and the dictionary returned partial), so core._time_limit's one alarm can go off inside it
    # and be lost; pdfops then read on, or handed the stream back to pypdf with no time limit left.
    import signal

    from milobot.ingest import pdfops
    from milobot.ingest.core import _FileTimeout, _time_limit

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timer here: core._time_limit does not apply")
    real_read_object = pdfops.read_object

    def swallowing(*args, **kwargs):
        try:
            time.sleep(5)  # the alarm goes off here...
        except Exception:  # noqa: BLE001, S110 - ...and is lost, as in pypdf's own handlers
            pass
        return real_read_object(*args, **kwargs)

    monkeypatch.setattr(pdfops, "read_object", swallowing)
    started = time.monotonic()
    with pytest.raises(_FileTimeout), _time_limit(0.05):
        operations(b"/P <</MCID 3 /Alt (x)>> BDC BT (Wrenfold) Tj ET EMC")
    assert time.monotonic() - started < 2
    page = PdfReader(io.BytesIO(_forms_pdf([[]], [0], [(None, [0])]))).pages[0]
    page[pdfops.NameObject("/Contents")].set_data(b"/P <</A 1>> BDC /X0 Do EMC")
    with pytest.raises(_FileTimeout), _time_limit(0.05):
        pdfops.preparse(page)
