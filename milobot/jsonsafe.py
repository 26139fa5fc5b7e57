"""JSON from strangers: parsed with a bound on nesting, so `[[[[…]]]]` is a clear refusal (422) rather
than a RecursionError somewhere later (a 500)."""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 32  # every document milobot accepts is a handful of levels deep


class TooDeep(ValueError):
    pass


def depth_of(data: Any, *, stop_at: int = MAX_DEPTH) -> int:
    """How deeply lists and objects nest (a scalar is 0), counted without recursion; stops counting
    once past `stop_at`."""
    deepest, stack = 0, [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
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
    """json.loads, with TooDeep for anything nested deeper than `max_depth` (ValueError otherwise)."""
    try:
        data = json.loads(raw)
    except RecursionError:
        raise TooDeep(f"nested deeper than {max_depth} levels") from None
    if depth_of(data, stop_at=max_depth) > max_depth:
        raise TooDeep(f"nested deeper than {max_depth} levels")
    return data
