"""A page's content stream cut into operations faster than pypdf does, with pypdf's exact results.

pypdf tokenises a content stream one byte at a time through a file object (read, seek back, read
again); on the template corpus that is two thirds of all the time bare `extract_text()` takes, ~18
ms of a résumé's ~26. Here the common tokens (operators, numbers, names, plain literal strings, hex
strings, arrays of those) are cut with regular expressions over the whole stream and turned into the
same pypdf objects pypdf would build; every other token (a dictionary, a string with escapes, a name
with `#` escapes, an unusual array) is handed to pypdf's own reader at that offset. Anything pypdf
would treat in a way of its own (an inline image, a malformed number, something it would reject, a
stream near pypdf's parsing limits) makes the whole stream go to pypdf untouched, so a damaged file
fails exactly as it did. tests/ingest/test_pdfops.py compares the two readers operation by operation.

`preparsed(page)` sets the operations on the page's (and its forms') content streams for the text
extraction inside it: pypdf then uses them as if it had parsed them itself. It changes the reader's
in-memory copy only, and puts it back afterwards.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from io import BytesIO
from typing import Any

from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamParsingBudget,
    create_string_object,
    read_object,
    read_string_from_stream,
)

from .core import _FileTimeout, time_is_up

try:
    from pypdf._configuration import get_configuration
except ImportError:  # an older or newer pypdf without it: its documented defaults
    get_configuration = None

# pypdf's top-level whitespace (read_non_whitespace: NUL, TAB, LF, FF, CR, space; not VT).
_SKIP = re.compile(rb"[\x00\t\n\x0c\r ]*")
# Inside an array pypdf also skips VT (bytes.isspace()).
_SKIP_IN_ARRAY = re.compile(rb"[\x00\t\n\x0b\x0c\r ]*")
# An operator or a name runs to pypdf's delimiter pattern (NameObject.delimiter_pattern).
_REGULAR = rb"[^\s()<>\[\]{}/%]*"
_OPERATOR = re.compile(rb"[A-Za-z'\"]" + _REGULAR)
_NAME = re.compile(rb"/" + _REGULAR)
_PLAIN_NAME = re.compile(rb"/[!\"$&'*+,\-.0-9:;=?@A-Z\\^_`a-z|~]*")  # printable ASCII, no '#'
# read_object takes a number as the longest run of these bytes after a first [0-9+-.].
_NUMBER = re.compile(rb"[0-9+\-.][+,\-.0-9]*")
_INT = re.compile(rb"[+-]?[0-9]+")
_FLOAT = re.compile(rb"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)")
_PLAIN_STRING = re.compile(rb"\(([^()\\]*)\)")
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\x00\t\n\x0c\r ]*)>")
_HEX_SPACE = re.compile(rb"[\x00\t\n\x0c\r ]")
_COMMENT = re.compile(rb"%[^\r\n]*[\r\n]?")
# The common case in one match: an operator after numbers and plain names, each followed by white
# space that bytes.split() also splits on (so not NUL or VT). Most operations of a page are path
# drawing ("12.5 40 m", "0 0 1 rg"), font and position changes ("/F1 10 Tf", "72 700 Td").
_SIMPLE_OPERATION = re.compile(
    rb"((?:(?:[+-]?(?:[0-9]{1,16}(?:\.[0-9]{0,16})?|\.[0-9]{1,16})|/[!\"$&'*+,\-.0-9:;=?@A-Z\\^_`a-z|~]{0,64})"
    rb"[\t\n\x0c\r ]+)*)"
    rb"([A-Za-z'\"]" + _REGULAR + rb")"
    rb"[\x00\t\n\x0c\r ]*"  # and the white space after it
)
# Marked content's usual dictionary ("/P <</MCID 3>> BDC"), not followed by a stream.
_MCID = re.compile(
    rb"<<[\x00\t\n\x0c\r ]*/MCID[\t\n\x0c\r ]+([0-9]{1,9})[\x00\t\n\x0c\r ]*>>(?![\x00\t\n\x0c\r ]*s)"
)
_MCID_KEY = NameObject("/MCID")

# Past these sizes pypdf's own limits (tokens per stream, operator and name lengths, array length)
# could come into play: such streams are left to pypdf whole.
_MAX_STREAM_BYTES = 1_000_000
_MAX_OPERATOR = 64
_MAX_NAME = 1024
_MAX_NUMBER = 19  # read_object peeks 20 bytes for a number


class _PypdfsWay(Exception):
    """This stream holds something pypdf treats in a way of its own: let pypdf read all of it."""


def _limits() -> tuple[int, int]:
    if get_configuration is None:
        return 2_000_000, 100_000
    config = get_configuration()
    return config.stream_parsing_work_maximum_count, config.array_maximum_element_count


def _check_operator(operator: bytes) -> None:
    """An operator pypdf reads its own way: BI starts an inline image; "R" after two numbers (as in
    "12 0 R", not "RG") is read as an indirect reference, which a content stream cannot resolve."""
    if (
        len(operator) > _MAX_OPERATOR
        or operator == b"BI"
        or (operator[0] == 0x52 and not operator[1:2].isalpha())
    ):
        raise _PypdfsWay


def _number(token: bytes):
    if len(token) > _MAX_NUMBER:
        raise _PypdfsWay
    if _INT.fullmatch(token):
        return int.__new__(NumberObject, int(token))
    if _FLOAT.fullmatch(token):
        return float.__new__(FloatObject, float(token))
    raise _PypdfsWay  # "1.2.3", "--4", "5,6": pypdf's warnings and fallbacks


def _string(raw: bytes, encoding):
    if encoding == "bytes":
        return ByteStringObject(raw)
    return create_string_object(raw, encoding)


class _Reader:
    def __init__(self, data: bytes, encoding, keep: frozenset[bytes] | None) -> None:
        self.data = data
        self.encoding = encoding
        self.keep = keep
        self.budget, self.max_elements = _limits()
        self._stream: BytesIO | None = None

    def _pypdf(self, read, pos: int, *args, **kwargs):
        """One token read by pypdf's own code, from `pos`; returns it and where it ended."""
        if self._stream is None:
            self._stream = BytesIO(self.data)
        self._stream.seek(pos)
        value = read(self._stream, *args, **kwargs)
        return value, self._stream.tell()

    def _budget(self) -> StreamParsingBudget:
        return StreamParsingBudget(remaining_budget=self.budget)

    def operations(self) -> list:
        data = self.data
        end = len(data)
        ops: list = []
        operands: list = []
        simple = _SIMPLE_OPERATION.match
        skip = _SKIP.match
        keep = self.keep
        name, new_float, new_int = NameObject, float.__new__, int.__new__
        pos = skip(data, 0).end()
        # Where the one-match reading failed over numbers and names (they are not followed by an
        # operator: a string or an array comes first), the rest of that operation is read token by
        # token: trying again at every following number would make a long run of them quadratic.
        by_token = False
        while pos < end:
            m = None if by_token else simple(data, pos)
            if m is not None:
                tokens, operator = m.groups()
                if operator[0] == 0x52 or operator == b"BI" or len(operator) > _MAX_OPERATOR:
                    _check_operator(operator)
                if keep is not None and operator not in keep:
                    operands = []  # its operands are never read: not even made into objects
                    pos = m.end()
                    continue
                if tokens:
                    operands += [
                        name(t.decode("ascii"))
                        if t[0] == 0x2F
                        else new_float(FloatObject, float(t))
                        if 0x2E in t
                        else new_int(NumberObject, int(t))
                        for t in tokens.split()
                    ]
                ops.append((operands, operator))
                operands = []
                pos = m.end()
                continue
            c = data[pos]
            by_token = c == 0x2F or c in b"0123456789+-."
            if c == 0x25:  # % a comment, to the end of its line
                pos = _COMMENT.match(data, pos).end()
            elif c == 0x2F:  # / a name
                m = _NAME.match(data, pos)
                if m.end() - pos > _MAX_NAME:
                    raise _PypdfsWay
                if _PLAIN_NAME.fullmatch(m.group()):
                    operands.append(NameObject(m.group().decode("ascii")))
                    pos = m.end()
                else:
                    value, pos = self._pypdf(NameObject.read_from_stream, pos, None)
                    operands.append(value)
            elif c == 0x28:  # ( a literal string
                pos = self._literal(pos, operands)
            elif c == 0x3C:  # < a hex string, or << a dictionary
                if data[pos + 1 : pos + 2] == b"<":
                    mcid = _MCID.match(data, pos)
                    if mcid is not None:
                        value = DictionaryObject()
                        value[_MCID_KEY] = int.__new__(NumberObject, int(mcid.group(1)))
                        pos = mcid.end()
                    else:
                        value, pos = self._pypdf(
                            read_object, pos, None, self.encoding, parsing_budget=self._budget()
                        )
                    operands.append(value)
                else:
                    pos = self._hex(pos, operands)
            elif c == 0x5B:  # [ an array
                pos = self._array(pos, operands)
            elif (0x41 <= c <= 0x5A) or (0x61 <= c <= 0x7A) or c in (0x27, 0x22):  # an operator
                m = _OPERATOR.match(data, pos)
                operator = m.group()
                _check_operator(operator)
                if keep is None or operator in keep:
                    ops.append((operands, operator))
                operands = []
                pos = m.end()
            elif c in b"0123456789+-.":
                m = _NUMBER.match(data, pos)
                operands.append(_number(m.group()))
                pos = m.end()
            else:
                raise _PypdfsWay  # pypdf rejects it: let it say so
            pos = _SKIP.match(data, pos).end()
        return ops

    def _literal(self, pos: int, out: list) -> int:
        m = _PLAIN_STRING.match(self.data, pos)
        if m:
            out.append(_string(m.group(1), self.encoding))
            return m.end()
        value, pos = self._pypdf(read_string_from_stream, pos, self.encoding)
        out.append(value)
        return pos

    def _hex(self, pos: int, out: list) -> int:
        m = _HEX_STRING.match(self.data, pos)
        if not m:
            raise _PypdfsWay  # a bad character or no end: pypdf's error
        digits = _HEX_SPACE.sub(b"", m.group(1))
        if len(digits) % 2:
            digits += b"0"
        out.append(_string(bytes.fromhex(digits.decode("ascii")), self.encoding))
        return m.end()

    def _array(self, start: int, out: list) -> int:
        data = self.data
        arr = ArrayObject()
        pos = _SKIP_IN_ARRAY.match(data, start + 1).end()
        while True:
            if pos >= len(data):
                raise _PypdfsWay  # an array cut off by the end of the stream
            c = data[pos]
            if c == 0x5D:  # ]
                pos += 1
                break
            if len(arr) >= self.max_elements:
                raise _PypdfsWay
            if c == 0x28:
                pos = self._literal(pos, arr)
            elif c == 0x3C and data[pos + 1 : pos + 2] != b"<":
                pos = self._hex(pos, arr)
            elif c in b"0123456789+-.":
                m = _NUMBER.match(data, pos)
                arr.append(_number(m.group()))
                pos = m.end()
            elif c == 0x2F and (m := _NAME.match(data, pos)) and _PLAIN_NAME.fullmatch(m.group()):
                if m.end() - pos > _MAX_NAME:
                    raise _PypdfsWay
                arr.append(NameObject(m.group().decode("ascii")))
                pos = m.end()
            else:  # a nested array, a dictionary, true/false/null, a comment: pypdf reads the array
                value, pos = self._pypdf(
                    ArrayObject.read_from_stream, start, None, self.encoding, parsing_budget=self._budget()
                )
                out.append(value)
                return pos
            pos = _SKIP_IN_ARRAY.match(data, pos).end()
        out.append(arr)
        return pos


def operations(data: bytes, encoding="bytes", keep: frozenset[bytes] | None = None) -> list | None:
    """The (operands, operator) list pypdf's ContentStream would parse from `data`, or None where
    pypdf is to read it itself. With `keep`, only the operations of those operators."""
    if len(data) > min(_MAX_STREAM_BYTES, _limits()[0] // 2):
        return None
    try:
        return _Reader(data, encoding, keep).operations()
    except _PypdfsWay:
        return None
    except _FileTimeout:
        raise  # the file's time is up (core._time_limit): not a reason to start over with pypdf
    except Exception:  # noqa: BLE001 - whatever failed here, pypdf's own reading decides
        return None
    finally:
        _raise_if_gone_off()


def _raise_if_gone_off() -> None:
    """The file's time is up if its alarm went off meanwhile: pypdf catches Exception in places (a
    dictionary whose value fails to read is returned partial), so its _FileTimeout may have been
    lost there; reading on, or handing the stream to pypdf, would spend time the file no longer
    has (core._time_limit also fires again, but only a quarter second later)."""
    if time_is_up():
        raise _FileTimeout()


def _text_operators() -> frozenset[bytes] | None:
    """The operators pypdf's plain text extraction acts on (PageObject._extract_text: the text
    extractor's handlers, plus the ones it handles itself) and those pdftext.read_page's visitor
    watches. The rest (paths, colours, marked content, ~half a résumé's operations) change
    neither the text nor what the visitors see, so their operations are left out of what
    `preparse` hands pypdf."""
    named = {b"TJ", b"'", b'"', b"TD", b"Do", b"Tj", b"Tf"}
    try:
        from pypdf._text_extraction._text_extractor import TextExtraction

        named |= set(TextExtraction().operation_handlers)
    except Exception:  # noqa: BLE001 - pypdf moved it: keep every operation
        return None
    return frozenset(named)


TEXT_OPERATORS = _text_operators()


def _parsed(stream, pdf) -> tuple[ContentStream, list | None]:
    """The ContentStream pypdf's text extraction would build for `stream`, its operations set (and
    returned) unless pypdf is to read them itself."""
    content = stream if isinstance(stream, ContentStream) else ContentStream(stream, pdf, "bytes")
    ops = operations(content.get_data(), content.forced_encoding, TEXT_OPERATORS)
    if ops is not None:
        content.operations = ops
    return content, ops


# Forms prepared for one page, at most, and how deep inside each other: pypdf reads any others
# itself (and bounds them: xform_maximum_invocations_per_extraction).
_MAX_FORMS = 64
_FORM_DEPTH = 4
# A stream's own keys, which no longer describe the decoded copy.
_ENCODING_KEYS = frozenset(("/Filter", "/DecodeParms", "/Length", "/DL"))


@contextlib.contextmanager
def preparsed(page) -> Iterator[None]:
    """The page's content stream and the forms it draws read with `operations` for the text
    extraction inside the block; the reader's copy is as it was after it (the operations, which
    pypdf would have dropped after its extraction, are not kept for the rest of the file)."""
    undo = preparse(page)
    try:
        yield
    finally:
        undo()


def preparse(page) -> Callable[[], None]:
    """Read the page's content stream, and the forms it draws, with `operations` before pypdf's
    text extraction does; returns what puts the original objects back. Whatever cannot be prepared
    is left for pypdf."""
    replaced: list[tuple[Any, Any, Any]] = []  # (dictionary, key, the value it held)

    def undo() -> None:
        for holder, key, value in reversed(replaced):
            holder[key] = value

    try:
        _preparse(page, replaced)
        _raise_if_gone_off()
    except _FileTimeout:
        undo()
        raise
    return undo


def _preparse(page, replaced: list) -> None:
    try:
        contents = page.get("/Contents")
        if contents is None or isinstance(contents.get_object(), ContentStream):
            return
        content, ops = _parsed(contents.get_object(), page.pdf)
        key = NameObject("/Contents")
        replaced.append((page, key, page.raw_get(key)))
        page[key] = content
    except _FileTimeout:
        raise
    except Exception:  # noqa: BLE001 - pypdf reads it, and reports what is wrong with it
        return
    if ops is not None:
        _preparse_forms(page, ops, page.pdf, _FORM_DEPTH, [_MAX_FORMS], replaced)


def _preparse_forms(holder, ops: list, pdf, depth: int, budget: list[int], replaced: list) -> None:
    """Each form XObject that `ops` draw (`Do`) from `holder`'s resources replaced by a decoded copy
    with the same entries and its operations set; pypdf's text extraction reads the form from there.
    Only forms drawn, as pypdf's own reading does: a resource dictionary can list many that no page
    draws. A form reached through a reference is prepared once for the page (_put_in_place)."""
    drawn = {operands[0] for operands, op in ops if op == b"Do" and operands and isinstance(operands[0], str)}
    if depth <= 0 or not drawn:
        return
    try:
        resources = holder.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            return
        xobjects = xobjects.get_object()
    except _FileTimeout:
        raise
    except Exception:  # noqa: BLE001 - damaged resources: pypdf meets them as they are
        return
    for name in drawn:
        if budget[0] <= 0:
            return
        try:
            form = xobjects[name]
            if isinstance(form, ContentStream) or form.get("/Subtype") != "/Form":
                continue
            budget[0] -= 1
            copy, form_ops = _parsed(form, pdf)
            for key, value in form.items():
                if key not in _ENCODING_KEYS:
                    copy[NameObject(key)] = value
            _put_in_place(xobjects, name, copy, pdf, replaced)
            if form_ops is not None:
                _preparse_forms(copy, form_ops, pdf, depth - 1, budget, replaced)
        except _FileTimeout:
            raise
        except Exception:  # noqa: BLE001 - this form is left for pypdf to read
            continue


def _put_in_place(xobjects, name, copy, pdf, replaced: list) -> None:
    """The copy where the form was (and in `replaced`, what it took the place of). pypdf's text
    extraction tells a form that draws itself (directly, or through other forms) by the identity of
    the object its name resolves to: with the copy in one resource dictionary and the original still
    behind a reference in another, a cycle would be two forms to it, read twice. So a form behind a
    reference becomes the copy for every reference to it, in the reader's cache of resolved objects;
    a direct one lives in this dictionary only."""
    ref = xobjects.raw_get(name)
    cache = getattr(pdf, "resolved_objects", None)
    key = (ref.generation, ref.idnum) if isinstance(ref, IndirectObject) and ref.pdf is pdf else None
    if key is not None and isinstance(cache, dict) and key in cache:
        replaced.append((cache, key, cache[key]))
        copy.indirect_reference = ref
        cache[key] = copy
    else:
        replaced.append((xobjects, NameObject(name), ref))
        xobjects[NameObject(name)] = copy
