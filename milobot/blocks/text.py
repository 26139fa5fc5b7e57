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


# Characters that show nothing but change how text reads: zero-width spaces and joiners used to split a
# word the filters below would see, bidirectional overrides and isolates that reverse the text after them
# ("Shortlisted" drawn right to left from "detsiltrohS"), the byte-order mark and the soft hyphen. The
# zero-width (non-)joiners that Persian and Indic scripts and emoji sequences need are kept.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u2060\u2061-\u2064\ufeff\u202a-\u202e\u2066-\u2069\x00-\x08\x0e-\x1f\x7f]"
)

# mrkdwn has no escape for its formatting characters (only &, < and > can be escaped), so a `*` at the
# edge of a word in a name would open bold text that our own `*` closes. Such characters are replaced
# by look-alikes that no mrkdwn parser reads as markup, whatever its rules for word edges; inside a word
# (jane_doe, a*b) they can't open formatting and stay as typed, so e-mail addresses keep working.
# Zero-width spaces next to the character would be the other way, but how Slack treats them is not
# documented and Slack may strip them; a different character is unambiguous.
_LOOKALIKE = {"*": "\u2217", "_": "\uff3f", "~": "\u223c", "`": "\u02cb"}
_FORMAT_AT_EDGE = re.compile(r"(?<![^\W_])[*_~]|[*_~](?![^\W_])|`")
# Slack links bare URLs and domain names in mrkdwn ("verbatim": false), and parses bare @here/@channel.
# A stranger's text must link nowhere and ping no one: the colon of a scheme, the dots of a host name or
# IP address, and an @ that starts a word are replaced by look-alikes. A whole e-mail address is kept
# (Slack makes it a mailto: link showing the same address, which misleads nobody).
_EMAIL = re.compile(r"[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)")
_HOST = re.compile(r"(?i)\b(?:[a-z0-9-]+\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)\b|\b(?:\d{1,3}\.){3}\d{1,3}\b")
# (`<@U123>` is left alone: escaped, it shows as text, and notes turn a teammate's back into a mention.)
_MENTION = re.compile(r"(?<![\w<])@")


def _unlinked(token: str) -> str:
    if _EMAIL.fullmatch(token):
        return token
    token = _SCHEME.sub(lambda m: m.group(1) + "\ua789", token)
    token = _HOST.sub(lambda m: m.group(0).replace(".", "\u2024"), token)
    return _MENTION.sub("\uff20", token)


def visible(text: object) -> str:
    """A stranger's text without the characters that show nothing but change how it reads (_INVISIBLE):
    what every Slack message drops, and what the web report drops too."""
    return _INVISIBLE.sub("", "" if text is None else str(text))


def neutral(text: object) -> str:
    """One line of a stranger's text that formats, links and mentions nothing in mrkdwn, before escaping:
    invisible and direction-changing characters removed, whitespace collapsed, formatting characters at
    word edges and bare links made inert with look-alike characters."""
    flat = one_line(visible(text))
    flat = _FORMAT_AT_EDGE.sub(lambda m: _LOOKALIKE[m.group(0)], flat)
    return " ".join(_unlinked(token) for token in flat.split(" "))


def display(text: object, limit: int = 200) -> str:
    """The one way a value from outside (candidate names, titles, answers' excerpts, file names, notes'
    first lines) enters mrkdwn: one line, escaped (no `<!channel>` ping, no disguised link), no bold or
    code that it didn't ask for from us, no bare link, clipped."""
    return esc_clip(neutral(text), limit)


def display_quote(text: object, limit: int = 2000) -> str:
    """A stranger's multi-line text (an answer, a note) as a mrkdwn block quote: each line made inert as
    display() does and prefixed with `>`, so nothing in it can pass for a line drawn by milobot."""
    raw = visible(text)
    lines = [display(line, limit) for line in re.split(r"[\r\n\u2028\u2029\x85\x0b\x0c]+", raw)]
    out = "\n".join(f"> {line}" for line in lines if line)
    return clip(out, limit) if len(out) > limit else out


def display_plain(text: object, limit: int = 150) -> str:
    """The same for plain_text objects (headers, button labels, option text): one line, clipped. Slack
    shows plain_text literally, so only invisible characters and line breaks need to go."""
    return clip(one_line(visible(text)), limit)
