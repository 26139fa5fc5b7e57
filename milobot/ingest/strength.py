"""How much a piece of text reads like a job title or like a company name."""

from __future__ import annotations

import functools
import re
import unicodedata

from .lexicon import COMPANY_SUFFIXES, TITLE_SUFFIXES, TITLE_WORDS, WEAK_TITLE_WORDS


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def lower_key(text: str) -> str:
    """Lower case that folds Turkish dotted and dotless i ("DENEYİM", "HAKKIMDA") to plain "i"."""
    return text.lower().replace("\u0307", "").replace("ı", "i")


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'’.\-&/]+", s.lower().replace("\u0307", ""))


_HEAD_NOUNS = {"partner", "principal", "head"}


@functools.lru_cache(maxsize=8192)
def _title_word(w: str) -> str:
    """A word as TITLE_WORDS spells it: accents folded ("Coördinator"), the last part of a
    hyphenated or compound noun ("HR-adviseur", "Projektleiter")."""
    w = w.strip(".")
    if w in TITLE_WORDS:
        return w
    folded = _fold(w)
    if folded in TITLE_WORDS:
        return folded
    tail = folded.rsplit("-", 1)[-1]
    if tail in TITLE_WORDS and "-" in folded:
        return tail
    for suffix in TITLE_SUFFIXES:
        if folded.endswith(suffix) and len(folded) >= len(suffix) + 3:
            return suffix
    return w


def _title_strength(s: str) -> int:
    words = [_title_word(w) for w in _words(s)]
    strong = sum(1 for w in words if w.strip(".") in TITLE_WORDS and w.strip(".") not in WEAK_TITLE_WORDS)
    weak = sum(1 for w in words if w.strip(".") in WEAK_TITLE_WORDS)
    if re.search(r"\b(?:vp|head|chief|director) of\b", s.lower()):
        strong += 1
    score = strong * 2 + (1 if weak and strong else 0)
    # A title ends in the person noun ("Logistics Coordinator", "HR Business Partner").
    last = words[-1].strip(".") if words else ""
    if (last in TITLE_WORDS and last not in WEAK_TITLE_WORDS or last in _HEAD_NOUNS) and not last.endswith(
        "ing"
    ):
        score += 1
    return score


def _company_strength(s: str) -> int:
    words = _words(s)
    # A legal or sector word ends a company's name ("Acme Logistics"); earlier it often just
    # qualifies a title ("Logistics Coordinator").
    score = sum(
        2 if i == len(words) - 1 or not words[i + 1 :] or words[-1].strip(".,") in COMPANY_SUFFIXES else 1
        for i, w in enumerate(words)
        if w in COMPANY_SUFFIXES or w.rstrip(".") in COMPANY_SUFFIXES
    )
    if re.search(r"\bsp\. z o\.o\.|s\.a\. de c\.v\.|\bpvt\.? ltd|\bpty\.? ltd", s.lower()):
        score += 2
    return score
