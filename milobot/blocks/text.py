"""Making user-supplied text safe for mrkdwn and within Slack's lengths."""

from __future__ import annotations

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
