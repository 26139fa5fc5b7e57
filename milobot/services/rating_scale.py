"""What a rating is worth, and who may see whose: shared by the candidate list, the profile, the card,
digests and reports so that they never disagree.

One rating per person per candidate (the latest wins): `kind` "stars" with value 1..5, or "thumbs" with
value +1 / -1. For sorting and averages a thumbs up counts as 5 and a thumbs down as 1.

Blind until you rate (as Greenhouse does by default): before a person has rated a candidate, others'
ratings are hidden from them (the count only). After they rate, or once the candidate is shortlisted or
dismissed, they see every rating and who gave it."""

from __future__ import annotations

STARS, THUMBS = "stars", "thumbs"
THUMBS_UP, THUMBS_DOWN = 1, -1


def rating_points(kind: str, value: int) -> float:
    if kind == THUMBS:
        return 5.0 if value > 0 else 1.0
    return float(min(5, max(1, value)))


def ratings_visible(*, viewer_has_rated: bool, decision: str) -> bool:
    return viewer_has_rated or decision in ("shortlisted", "dismissed")
