"""Small pieces of wording shared by the candidate card, the profile and the review forms: dates in the
reader's time zone, ratings, decisions, and notes (escaped, with teammates' mentions kept)."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime

from milobot.blocks.text import clip, display, user_ref
from milobot.services.rating_scale import STARS, THUMBS

DECISION_VERBS = {"shortlisted": ":white_check_mark: Shortlisted", "dismissed": ":no_entry_sign: Dismissed"}
_ESCAPED_MENTION = re.compile(r"&lt;@([UW][A-Z0-9]{2,31})(?:\|[^&<>]*)?&gt;")
_ESCAPED_CHANNEL = re.compile(r"&lt;#([CG][A-Z0-9]{2,31})(?:\|[^&<>]*)?&gt;")


def when(moment: datetime | None) -> str:
    """A date Slack shows in each reader's own time zone (the fallback is UTC)."""
    if moment is None:
        return "—"
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{moment:%Y-%m-%d %H:%M} UTC>"


def star_text(value: int) -> str:
    value = min(5, max(1, int(value)))
    return "★" * value + "☆" * (5 - value) + f" {value}/5"


def rating_text(kind: str, value: int) -> str:
    if kind == THUMBS:
        return ":+1: thumbs up" if value > 0 else ":-1: thumbs down"
    if kind == STARS:
        return star_text(value)
    return "rated"


def count_text(n: int) -> str:
    return "no ratings yet" if n == 0 else "1 rating" if n == 1 else f"{n} ratings"


def decision_text(decision: str, decided_by: str | None, decided_at: datetime | None) -> str | None:
    verb = DECISION_VERBS.get(decision)
    if verb is None:
        return None
    text = f"{verb} by {user_ref(decided_by)}"
    return text + (f" {when(decided_at)}" if decided_at else "")


def note_mrkdwn(body: str, team: Collection[str], *, limit: int = 2500) -> str:
    """A note for mrkdwn: every line through display() (so `<!channel>` is text, never a ping, and no
    link is disguised), then the mentions of people on the team turned back into mentions (and channel
    links, which ping no one). A mention of anyone else, and every broadcast, stays text."""
    lines: list[str] = []
    used = 0
    for raw in (body or "").splitlines() or [""]:
        line = display(raw, 1000) if raw.strip() else ""
        if used + len(line) > limit:
            lines.append("…")
            break
        lines.append(line)
        used += len(line) + 1

    def restore(match: re.Match[str]) -> str:
        return f"<@{match.group(1)}>" if match.group(1) in team else match.group(0)

    text = "\n".join(lines).strip("\n")
    text = _ESCAPED_CHANNEL.sub(lambda m: f"<#{m.group(1)}>", _ESCAPED_MENTION.sub(restore, text))
    return clip(text, limit + 20) or "_(empty)_"
