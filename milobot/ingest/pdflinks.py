"""A PDF's link annotations as evidence for the e-mail address, the phone number and profile links.

Many templates show an icon or a word ("Email", "LinkedIn", "Website") and keep the address only in
the link under it; a narrow column breaks an address in the text layer ("name@domain.exa mple")
while its mailto: link holds it whole. Each link is kept with the text it sits over, read from the
glyph positions the text pass already collected, so the parser can weigh one against the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from .columns import Piece


@dataclass(frozen=True)
class PdfLink:
    uri: str
    text: str  # what the link sits over ("" for an icon)


def page_links(page, pieces: list[Piece], limit: int = 40) -> list[PdfLink]:
    """The URI links of a page, each with the text under its rectangle. Never raises."""
    try:
        annots = page.get("/Annots") or []
        if hasattr(annots, "get_object"):
            annots = annots.get_object()
    except Exception:  # noqa: BLE001 - a damaged annotation array costs the links, never the file
        return []
    out: list[PdfLink] = []
    for ref in list(annots)[:200]:
        try:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            action = action.get_object() if action is not None else None
            uri = action.get("/URI") if action is not None else None
            if not uri:
                continue
            uri = uri.decode("latin-1") if isinstance(uri, bytes) else str(uri)
            rect = [float(v) for v in annot.get("/Rect")]
            x0, x1 = sorted((rect[0], rect[2]))
            y0, y1 = sorted((rect[1], rect[3]))
        except Exception:  # noqa: BLE001
            continue
        under = " ".join(
            p.text.strip()
            for p in pieces
            if x0 - 2 <= p.x <= x1 and y0 - 0.3 * p.size <= p.y <= y1 + 0.3 * p.size
        )
        out.append(PdfLink(uri.strip(), re.sub(r"\s+", " ", under).strip()))
        if len(out) >= limit:
            break
    return out


_MAILTO_RE = re.compile(r"^mailto:([^?\s]+)", re.IGNORECASE)
_ADDRESS_RE = re.compile(r"^[\w.+%'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}$", re.UNICODE)


def mailto_addresses(links: list[PdfLink]) -> list[str]:
    out = []
    for link in links:
        m = _MAILTO_RE.match(link.uri)
        if m:
            address = unquote(m.group(1)).strip().strip("<>").lower()
            if _ADDRESS_RE.match(address) and address not in out:
                out.append(address)
    return out


def tel_numbers(links: list[PdfLink]) -> list[str]:
    out = []
    for link in links:
        if link.uri.lower().startswith("tel:"):
            number = unquote(link.uri[4:]).strip()
            if 7 <= len(re.sub(r"\D", "", number)) <= 15:
                out.append(number)
    return out


def web_links(links: list[PdfLink]) -> list[str]:
    return [link.uri for link in links if re.match(r"^https?://[^\s/]+\.[^\s/]+", link.uri, re.IGNORECASE)]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def reconcile_email(found: str | None, flat: str, links: list[PdfLink]) -> str | None:
    """The text's address, unless a mailto: link holds it whole (the text cut it at a break or a
    hyphen), or the text has none and a link does."""
    addresses = mailto_addresses(links)
    if not addresses:
        return found
    squashed = _squash(flat)
    if found:
        for address in addresses:
            if found != address and found in address and _squash(address) in squashed:
                return address  # "name@domain.exa mple" in the text, the whole address in the link
            if found != address and found in address and address.endswith(found):
                return address  # "grabarczyk36@x.com" after the wrapped "bozena-"
            if found != address and found.endswith("." + address):
                return address  # "...teams that stay." / "ana@x.com": a sentence's last word glued on
            if found != address and found.endswith(address) and len(found) - len(address) <= 2:
                return address  # "lana@x.com": an icon's glyph read as a letter before the linked address
            if found != address and found.replace("-", "") == address.replace("-", ""):
                return address  # "ana.lima-" / "ferreira@x.com": a hyphen TeX put at the line break
        if found not in addresses and _pieced_together(found, flat):
            return addresses[0]
        return found
    # No address in the text: the first linked one. A footer link to the template's maker is not
    # the candidate's, but it never comes first in the contact block.
    return addresses[0]


def _pieced_together(found: str, flat: str) -> bool:
    """An address the text holds only with spaces in it ("ana @ mail . example"), put together by
    guessing which pieces belong: a mailto: link holds an address written whole, so it wins."""
    return found not in flat.lower() and _squash(found) in _squash(flat)
