"""Typed button values and private_metadata (house rule 4).

Slack hands back whatever string we put in a button's `value` or a modal's `private_metadata`, and a
crafted request can put anything there. Everything that reads them goes through `decode`, which gives a
typed object or raises Invalid; services still check that the ids belong to the caller's workspace."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, TypeVar

from milobot.errors import Invalid

BUTTON_VALUE_LIMIT = 2000
PRIVATE_METADATA_LIMIT = 3000
# Ids and page numbers are PostgreSQL INTEGERs: anything outside this range is no id of ours, and would
# otherwise reach the database and fail there (a 500) instead of being refused here.
MAX_ID = 2**31 - 1

T = TypeVar("T")


def encode(obj: Any, *, limit: int = BUTTON_VALUE_LIMIT) -> str:
    raw = json.dumps(asdict(obj), separators=(",", ":"), ensure_ascii=False)
    if len(raw) > limit:
        raise ValueError(f"{type(obj).__name__} encodes to {len(raw)} chars, over Slack's {limit}")
    return raw


def decode(cls: type[T], raw: str | None) -> T:
    try:
        data = json.loads(raw or "")
    except (TypeError, ValueError, RecursionError):
        raise Invalid("That button or form came back garbled; please try again.") from None
    if not isinstance(data, dict):
        raise Invalid("That button or form came back garbled; please try again.")
    kwargs = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = data[f.name]
    try:
        obj = cls(**kwargs)
    except TypeError:
        raise Invalid("That button or form came back incomplete; please try again.") from None
    for f in fields(cls):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        expected = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "")
        if value is None and expected.endswith("| None"):
            continue
        if expected.startswith("str") and not isinstance(value, str):
            raise Invalid("That button or form came back garbled; please try again.")
        if not expected.startswith("int"):
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_ID:
            raise Invalid("That button or form came back with a bad id; please try again.")
    return obj


def parse_id(raw: object) -> int | None:
    """A bare id from a select option's value: an int within MAX_ID, or None."""
    text = str(raw or "").strip()
    if not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if value <= MAX_ID else None


@dataclass(frozen=True)
class DigestRef:
    subscription_id: int


@dataclass(frozen=True)
class AgentRef:
    agent_id: int


@dataclass(frozen=True)
class CandidateRef:
    candidate_id: int


@dataclass(frozen=True)
class MemberRef:
    user_id: str


@dataclass(frozen=True)
class DraftRef:
    batch_id: int
    draft_id: int


@dataclass(frozen=True)
class BatchRef:
    batch_id: int
    page: int = 0


@dataclass(frozen=True)
class ModalContext:
    """private_metadata of a modal: where it was opened from, so the result can be posted back there."""

    channel_id: str | None = None
    agent_id: int | None = None
    batch_id: int | None = None
    draft_id: int | None = None
    message_ts: str | None = None


@dataclass(frozen=True)
class InterviewRef:
    """A candidate card's buttons: the interview the card shows (its candidate is looked up from it)."""

    interview_id: int


@dataclass(frozen=True)
class AnswerRef:
    """One answer of an interview: the Adjust score button and its modal."""

    answer_id: int
    interview_id: int


@dataclass(frozen=True)
class ShareRef:
    """The share picker's option value: which agent, with the source tag the command was given."""

    agent_id: int
    tag: str | None = None


@dataclass(frozen=True)
class AgentsPage:
    page: int = 0


@dataclass(frozen=True)
class ChannelPick:
    """`/milo agent channel`'s agent picker: the agent chosen, and the channel the command named (none:
    the form with a channel select opens instead)."""

    agent_id: int
    channel_id: str | None = None


@dataclass(frozen=True)
class AgentMenuChoice:
    """An agent card's Actions overflow option (values are capped at 150 chars)."""

    action: str
    agent_id: int


@dataclass(frozen=True)
class AgentPick:
    """An option of the ingestion review's agent menu: the batch travels with the choice."""

    batch_id: int
    agent_id: int


@dataclass(frozen=True)
class CandidateListState:
    """The candidate list modal's private_metadata, and the forms pushed over it: which agent, page and
    saved view, and the filters, sort and columns as a ListQuery config (checked by
    ListQuery.from_config). `form` says what a pushed name form is for: "save" or "rename"."""

    agent_id: int
    page: int = 0
    view_id: int | None = None
    query: dict[str, Any] | None = None
    form: str = ""


@dataclass(frozen=True)
class ReportChoice:
    """An option of the candidate card's report overflow (values are capped at 150 chars)."""

    action: str
    candidate_id: int


@dataclass(frozen=True)
class PackageTarget:
    """The Package ZIP modal's private_metadata: one candidate, or an agent's shortlist."""

    candidate_id: int | None = None
    agent_id: int | None = None


@dataclass(frozen=True)
class ProfileRef:
    """The profile modal's private_metadata and its paging: which candidate, which of their interviews
    is shown in full (None: the latest), and the transcript page."""

    candidate_id: int
    interview_id: int | None = None
    page: int = 0


@dataclass(frozen=True)
class RatingChoice:
    """A rating control's value: `choice` is "1".."5" (stars), "up" or "down" (thumbs); read by
    services.ratings.choice_rating, which refuses anything else."""

    candidate_id: int
    choice: str


@dataclass(frozen=True)
class NoteChoice:
    """An option of a note's overflow menu: `edit` or `delete` (overflow values hold 150 chars)."""

    action: str
    note_id: int


@dataclass(frozen=True)
class NoteForm:
    """private_metadata of the note form: a new note on a candidate, or an edit of one note."""

    candidate_id: int
    note_id: int | None = None


@dataclass(frozen=True)
class DecisionRef:
    """The Undo button: the decision it was shown next to, so a stale click undoes nothing more."""

    candidate_id: int
    decision_id: int


@dataclass(frozen=True)
class DismissForm:
    """private_metadata of the Dismiss reason form (from the profile, or a card naming its interview);
    `from_profile`: the view underneath is a profile, to be shown again after the dismissal."""

    candidate_id: int
    interview_id: int | None = None
    from_profile: bool = False


@dataclass(frozen=True)
class WebhookEndpointChoice:
    """An option of an endpoint's overflow in Manage Webhooks (values are capped at 150 chars)."""

    action: str
    webhook_id: int


@dataclass(frozen=True)
class DeliveryRef:
    delivery_id: int


@dataclass(frozen=True)
class SyncRef:
    sync_id: int


@dataclass(frozen=True)
class AtsConnectContext:
    """private_metadata of the connect form: which vendor."""

    kind: str


@dataclass(frozen=True)
class ForgetConfirm:
    """The /milo forget confirmation: which workspace it was counted for, and the address. The service
    refuses a submission whose workspace is not the submitter's (a forged or replayed confirmation)."""

    workspace_id: int
    email: str


@dataclass(frozen=True)
class AnalyticsRef:
    """Which analytics: an agent (None: the whole workspace) and the range as typed ("" = last 30 days)."""

    agent_id: int | None
    range_text: str
