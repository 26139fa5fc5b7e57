"""Making user-supplied text safe for mrkdwn and within Slack's lengths."""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def esc(text: object) -> str:
    """Escape &, < and > as Slack asks, so `<!channel>` in a name is shown, never a ping."""
    if text is None:
        return ""
    return "".join(_ESCAPES.get(ch, ch) for ch in str(text))


def clip(text: str, limit: int) -> str:
    """Trim to `limit` characters with an ellipsis; Slack rejects the whole payload otherwise."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)] + "…"


def esc_clip(text: object, limit: int) -> str:
    # Escape first, then clip, and never cut an entity in half.
    escaped = esc(text)
    if len(escaped) <= limit:
        return escaped
    cut = escaped[: max(0, limit - 1)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + "…"


def plain(text: object, limit: int) -> str:
    """For plain_text objects: Slack shows them literally, so only the length needs care."""
    return clip("" if text is None else str(text), limit)


def user_ref(user_id: str | None) -> str:
    return f"<@{user_id}>" if user_id else "someone"


def one_line(text: object) -> str:
    """Collapse every run of whitespace (newlines, tabs, non-breaking spaces) into one space: a name or a
    title from a stranger must not draw extra lines ("Score 100/100") on a card."""
    return _WHITESPACE.sub(" ", "" if text is None else str(text)).strip()


def display(text: object, limit: int = 200) -> str:
    """The one way a value from outside (candidate names, titles, answers' excerpts, file names, notes'
    first lines) enters mrkdwn: one line, escaped (no `<!channel>` ping, no disguised link), clipped."""
    return esc_clip(one_line(text), limit)


def display_plain(text: object, limit: int = 150) -> str:
    """The same for plain_text objects (headers, button labels, option text): one line, clipped."""
    return clip(one_line(text), limit)
