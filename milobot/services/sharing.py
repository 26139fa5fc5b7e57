"""Interview links and source tags: the one place that spells a live link, so the card, the share
message, the QR code and the poster can never disagree about it."""

from __future__ import annotations

import re

from milobot.errors import Invalid

_TAG = re.compile(r"[a-z0-9_-]{1,40}")


def check_tag(tag: str | None) -> str | None:
    """A source tag (`lobby-poster`) as analytics counts it, or None; anything else is refused."""
    if tag is None or tag.strip() == "":
        return None
    tag = tag.strip().lower()
    if not _TAG.fullmatch(tag):
        raise Invalid(
            "A source tag is 1-40 characters of lowercase letters, digits, `-` or `_`, like `lobby-poster`.",
            field="tag",
        )
    return tag


def looks_like_tag(word: str) -> bool:
    return bool(_TAG.fullmatch(word.strip().lower()))


def interview_link(public_url: str, token: str, tag: str | None = None) -> str:
    link = f"{public_url.rstrip('/')}/i/{token}"
    return f"{link}?src={tag}" if tag else link


def short_link(link: str) -> str:
    """What a poster prints under the QR: the link without its scheme, easier to type."""
    return link.split("://", 1)[-1]
