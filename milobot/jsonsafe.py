"""JSON from strangers: parsed with a bound on nesting, so `[[[[…]]]]` is a clear refusal (422) rather
than a RecursionError somewhere later (a 500). Python's json module also reads what RFC 8259 doesn't
allow and no database stores: NaN and Infinity (PostgreSQL's JSON refuses them), a NUL character
(PostgreSQL's text refuses it) and an unpaired surrogate (`"\\ud800"`: no UTF-8 can encode it). Those are
refused here too, before they reach a row."""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32  # every document milobot accepts is a handful of levels deep


class TooDeep(ValueError):
    pass


class Unstorable(ValueError):
    """A string holding a NUL or an unpaired surrogate (or such a key)."""


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _check_text(text: str) -> None:
    if _UNSTORABLE.search(text):
        raise Unstorable("holds a NUL character or an unpaired surrogate")


def depth_of(data: Any, *, stop_at: int = MAX_DEPTH) -> int:
    """How deeply lists and objects nest (a scalar is 0), counted without recursion; stops counting
    once past `stop_at`. Raises Unstorable for a string (or key) no database can store."""
    deepest, stack = 0, [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_text(value)
            continue
        if isinstance(value, dict):
            for key in value:
                _check_text(key)
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if deepest > stop_at:
            return deepest
        stack.extend((child, depth) for child in children)
    return deepest


def loads(raw: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """json.loads, with TooDeep for anything nested deeper than `max_depth`, Unstorable for a NUL or an
    unpaired surrogate in a string, and ValueError otherwise (NaN and Infinity included)."""
    try:
        data = json.loads(raw, parse_constant=_no_constants)
    except RecursionError:
        raise TooDeep(f"nested deeper than {max_depth} levels") from None
    if depth_of(data, stop_at=max_depth) > max_depth:
        raise TooDeep(f"nested deeper than {max_depth} levels")
    return data
