"""The whole domain model. Every row but `workspaces` and `processed_events` carries `workspace_id`,
and every repository query filters on it: that column is the wall between customers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from milobot.db.search_text import search_key
from milobot.db.types import UTCDateTime, utcnow


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


def _ws_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), index=True)


def _created() -> Mapped[datetime]:
    return mapped_column(UTCDateTime, default=utcnow)


class Workspace(Base):
    __tablename__ = "workspaces"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), unique=True)
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    # cost_per_interview, minutes_saved_per_screen, hourly_rate, public_channel_privacy, retention_days
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = _created()
    # Set when Slack says milobot was uninstalled here (its tokens are deleted then): scheduled posting
    # (digests, reviewer reminders) skips the workspace; an OAuth re-install clears it (migration 0016).
    uninstalled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("workspace_id", "slack_user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    slack_user_id: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))  # admin | viewer
    invited_by: Mapped[str | None] = mapped_column(String(32))
    last_agent_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Agent(Base):
    __tablename__ = "agents"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    name: Mapped[str] = mapped_column(String(200))
    role_title: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    channel_id: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | archived
    share_token: Mapped[str] = mapped_column(String(64), unique=True)
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("templates.id", ondelete="SET NULL"))
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Overrides the workspace's public_channel_privacy for this agent's posts (migration 0010):
    # "redact" | "show", or None to follow the workspace (services/privacy.py).
    public_channel_privacy: Mapped[str | None] = mapped_column(String(8))


class AgentVersion(Base):
    """Questions and rubric, frozen per version: an interview keeps the version it was scored against."""

    __tablename__ = "agent_versions"
    __table_args__ = (UniqueConstraint("agent_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    # [{"text", "anchor_1", "anchor_5", "weight"}]
    questions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()


class Template(Base):
    __tablename__ = "templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    name: Mapped[str] = mapped_column(String(200))
    role_title: Mapped[str | None] = mapped_column(String(200))
    questions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()


class Candidate(Base):
    __tablename__ = "candidates"
    __table_args__ = (
        Index("ix_candidates_agent_email", "agent_id", "email_normalized"),
        Index("ix_candidates_agent_phone", "agent_id", "phone"),
        # The candidate list (migration 0003): one index per sort, each led by workspace and agent.
        Index("ix_candidates_list_added", "workspace_id", "agent_id", "created_at", "id"),
        Index("ix_candidates_list_completed", "workspace_id", "agent_id", "completed_at", "created_at", "id"),
        Index("ix_candidates_list_score", "workspace_id", "agent_id", "score", "created_at", "id"),
        Index("ix_candidates_list_rating", "workspace_id", "agent_id", "rating_avg", "created_at", "id"),
        Index("ix_candidates_list_decision", "workspace_id", "agent_id", "decision", "created_at", "id"),
        Index(
            "ix_candidates_list_source",
            "workspace_id",
            "agent_id",
            "source",
            "source_tag",
            "created_at",
            "id",
        ),
        Index("ix_candidates_list_search", "workspace_id", "agent_id", "search_text", "created_at", "id"),
        Index(  # covering: counts and few-match pages read every filter from the index alone
            "ix_candidates_list_filters",
            "workspace_id",
            "agent_id",
            "status",
            "decision",
            "source",
            "source_tag",
            "score",
            "rating_avg",
            "completed_at",
            "created_at",
            "search_text",
            "id",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    # No index of its own (migration 0003 drops it): the list's indexes lead with (workspace_id, agent_id)
    # and ix_candidates_agent_email with agent_id, and PostgreSQL walked this one to filter 100,000 rows.
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(320))
    email_normalized: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32))  # E.164
    location: Mapped[str | None] = mapped_column(String(300))
    links: Mapped[list[Any]] = mapped_column(JSON, default=list)
    current_title: Mapped[str | None] = mapped_column(String(300))
    current_company: Mapped[str | None] = mapped_column(String(300))
    years_experience: Mapped[float | None] = mapped_column(Float)
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    education: Mapped[list[Any]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(16), default="manual")  # manual | ingest | link | api
    source_file: Mapped[str | None] = mapped_column(String(500))
    source_tag: Mapped[str | None] = mapped_column(String(100))
    resume_path: Mapped[str | None] = mapped_column(String(500))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="invited")  # invited | in_progress | completed
    decision: Mapped[str] = mapped_column(String(16), default="none")  # none | shortlisted | dismissed
    decided_by: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    nudge_count: Mapped[int] = mapped_column(Integer, default=0)
    last_nudged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    external_id: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # The candidate list's read model (migration 0003). Database triggers keep these four right whoever
    # writes interviews or ratings (milobot/db/list_triggers.py); code reads them, never sets them.
    score: Mapped[float | None] = mapped_column(Float)  # the latest completed interview's overall score
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # its completion time
    rating_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # people who rated
    rating_avg: Mapped[float | None] = mapped_column(Float)  # their latest ratings, in rating_points
    # Folded name and e-mail (milobot/db/search_text.py), set by the ORM hook at the end of this module.
    search_text: Mapped[str | None] = mapped_column(String(700))
    # Report links carry the epoch they were made in; Revoke report links bumps it, so every link
    # already handed out stops working at once (services/report_links.py).
    report_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Interview(Base):
    __tablename__ = "interviews"
    __table_args__ = (
        UniqueConstraint("workspace_id", "external_id"),
        # A reaction names a message (channel, ts): this finds the card's interview.
        Index("ix_interviews_card", "card_ts", "card_channel"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    agent_version_id: Mapped[int] = mapped_column(ForeignKey("agent_versions.id"))
    status: Mapped[str] = mapped_column(String(16), default="in_progress")  # in_progress | completed
    source: Mapped[str] = mapped_column(String(16), default="web")  # web | api
    source_tag: Mapped[str | None] = mapped_column(String(100))
    external_id: Mapped[str | None] = mapped_column(String(200))
    # SHA-256 of what the inbound API was posted for external_id: a replay must match it (else 409).
    external_digest: Mapped[str | None] = mapped_column(String(64))
    scorer: Mapped[str | None] = mapped_column(String(100))
    overall_score: Mapped[float | None] = mapped_column(Float)
    consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime] = _created()
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    card_channel: Mapped[str | None] = mapped_column(String(32))
    card_ts: Mapped[str | None] = mapped_column(String(32))
    # Until when the first card post is claimed (card_channel "posting"): a crash mid-post lets it lapse.
    card_claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The browser's User-Agent as the interview began (web interviews); reports show it as diagnostics.
    user_agent: Mapped[str | None] = mapped_column(String(500))


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("interview_id", "question_index"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    question_index: Mapped[int] = mapped_column(Integer)
    question_text: Mapped[str] = mapped_column(Text)
    answer_text: Mapped[str] = mapped_column(Text, default="")
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    rationale: Mapped[str | None] = mapped_column(Text)
    score_override: Mapped[int | None] = mapped_column(Integer)
    override_by: Mapped[str | None] = mapped_column(String(32))
    override_reason: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime] = _created()


class IntegritySignal(Base):
    __tablename__ = "integrity_signals"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # paste | tab_hidden | long_silence | ...
    question_index: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = _created()


class Recording(Base):
    __tablename__ = "recordings"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # audio | video
    path: Mapped[str] = mapped_column(String(500))
    content_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = _created()


class Rating(Base):
    __tablename__ = "ratings"
    # One rating per person per candidate (services/rating_scale.py): the latest wins.
    __table_args__ = (UniqueConstraint("candidate_id", "slack_user_id", name="uq_ratings_candidate_user"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    slack_user_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # stars (1..5) | thumbs (+1 / -1)
    value: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16), default="button")  # button | reaction
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = _created()
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IngestionBatch(Base):
    __tablename__ = "ingestion_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    uploaded_by: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    channel_id: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="extracting")  # extracting | review | done
    page: Mapped[int] = mapped_column(Integer, default=0)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = _created()
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Which process is extracting the import, and until when (renewed while it works): a replica that
    # dies mid-way lets the lease run out and another takes the import over (jobs/extraction.py).
    extraction_claimed_by: Mapped[str | None] = mapped_column(String(64))
    extraction_claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    files: Mapped[list[IngestionFile]] = relationship(back_populates="batch", order_by="IngestionFile.id")


class IngestionFile(Base):
    __tablename__ = "ingestion_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingestion_batches.id", ondelete="CASCADE"), index=True)
    slack_file_id: Mapped[str | None] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(500))
    outcome: Mapped[str] = mapped_column(String(32), default="pending")
    reason: Mapped[str | None] = mapped_column(Text)
    profile_count: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64))
    stored_path: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = _created()
    batch: Mapped[IngestionBatch] = relationship(back_populates="files")


class IngestionDraft(Base):
    __tablename__ = "ingestion_drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingestion_batches.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("ingestion_files.id", ondelete="SET NULL"))
    profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | approved | discarded
    duplicate_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidates.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = _created()


class Webhook(Base):
    __tablename__ = "webhooks"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[list[Any]] = mapped_column(JSON, default=list)
    secret: Mapped[str] = mapped_column(String(200))  # encrypted (services/secrets.py)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()
    # After Rotate secret, the old secret keeps signing beside the new one until this time.
    previous_secret: Mapped[str | None] = mapped_column(String(200))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WebhookDelivery(Base):
    __tablename__ = "webhook_deliveries"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | delivered | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _created()
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AtsConnection(Base):
    __tablename__ = "ats_connections"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    kind: Mapped[str] = mapped_column(String(16))  # greenhouse | lever | webhook
    base_url: Mapped[str | None] = mapped_column(String(2000))
    api_key: Mapped[str | None] = mapped_column(String(500))  # encrypted (services/secrets.py)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # acting_user (On-Behalf-Of / perform_as), sync_decisions (bool)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = _created()
    # The unguessable id in the inbound URL /ats/<kind>/<public_id>.
    public_id: Mapped[str | None] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="ok")  # ok | broken
    status_reason: Mapped[str | None] = mapped_column(Text)
    inbound_secret: Mapped[str | None] = mapped_column(String(500))  # encrypted
    created_by: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AtsAgentLink(Base):
    """An agent's job (Greenhouse) or posting (Lever), and the ATS stage that invites to it."""

    __tablename__ = "ats_agent_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    connection_id: Mapped[int] = mapped_column(
        ForeignKey("ats_connections.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), unique=True)
    job_id: Mapped[str] = mapped_column(String(64))
    job_name: Mapped[str | None] = mapped_column(String(300))
    stage_name: Mapped[str | None] = mapped_column(String(200))
    stage_id: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()


class AtsCandidate(Base):
    """Where a milobot candidate lives in the ATS, once found or created there."""

    __tablename__ = "ats_candidates"
    __table_args__ = (UniqueConstraint("connection_id", "candidate_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    connection_id: Mapped[int] = mapped_column(
        ForeignKey("ats_connections.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    ats_candidate_id: Mapped[str] = mapped_column(String(64))
    ats_application_id: Mapped[str | None] = mapped_column(String(64), index=True)
    profile_url: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = _created()


class AtsNotice(Base):
    """One ATS-sync message in an agent's channel; write-backs within a minute share it."""

    __tablename__ = "ats_notices"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    opened_at: Mapped[datetime] = _created()
    queued: Mapped[bool] = mapped_column(Boolean, default=False)  # an outbox row will render it


class AtsSync(Base):
    """One write-back: each step's completion is recorded, so a retry never repeats a finished step."""

    __tablename__ = "ats_syncs"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    connection_id: Mapped[int] = mapped_column(
        ForeignKey("ats_connections.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    interview_id: Mapped[int | None] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    trigger: Mapped[str] = mapped_column(String(32))  # interview.completed | candidate.shortlisted | ...
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    note_id: Mapped[str | None] = mapped_column(String(64))
    note_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attachment_id: Mapped[str | None] = mapped_column(String(64))
    attachment_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    error_status: Mapped[int | None] = mapped_column(Integer)
    notice_id: Mapped[int | None] = mapped_column(
        ForeignKey("ats_notices.id", ondelete="SET NULL"), index=True
    )
    requested_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AtsInboundEvent(Base):
    """A verified call from the ATS, kept once per delivery so the same delivery twice acts once."""

    __tablename__ = "ats_inbound_events"
    __table_args__ = (UniqueConstraint("connection_id", "dedupe_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    connection_id: Mapped[int] = mapped_column(
        ForeignKey("ats_connections.id", ondelete="CASCADE"), index=True
    )
    dedupe_key: Mapped[str] = mapped_column(String(200))
    event: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    outcome: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _created()


class DigestSubscription(Base):
    __tablename__ = "digest_subscriptions"
    __table_args__ = (UniqueConstraint("workspace_id", "channel_id", "frequency", "agent_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    channel_id: Mapped[str] = mapped_column(String(32))
    frequency: Mapped[str] = mapped_column(String(8))  # daily | weekly
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    local_hour: Mapped[int] = mapped_column(Integer, default=9)
    local_minute: Mapped[int] = mapped_column(Integer, default=0)  # migration 0006
    weekday: Mapped[int] = mapped_column(Integer, default=0)  # Monday, for weekly
    # The period last posted ("2026-11-25" or "2026-W48"): the conditional update on it is what makes
    # a digest post exactly once per period across replicas.
    last_period: Mapped[str | None] = mapped_column(String(16))
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()


class OutboxMessage(Base):
    """An outside effect, written in the same transaction as the change that causes it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    kind: Mapped[str] = mapped_column(
        String(32)
    )  # slack.post | slack.update | slack.dm | email | webhook | ats
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | done | dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = _created()
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = _created()
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Rows with the same key are delivered one after another, in id order (post before update of the
    # same message); rows without one are independent. See milobot.services.outbox.ordering_key.
    ordering_key: Mapped[str | None] = mapped_column(String(200), index=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    # A candidate profile's history reads the entries about one target.
    __table_args__ = (Index("ix_audit_target", "target_type", "target_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    actor_id: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = _created()


class ProcessedEvent(Base):
    """Slack event ids already handled; the primary key makes a redelivery lose the insert race."""

    __tablename__ = "processed_events"
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str | None] = mapped_column(String(32))
    received_at: Mapped[datetime] = _created()  # when the current claim was taken
    # Who holds the claim, and when its listener finished: a claim that never completes (the process
    # died, the listener failed) can be taken over by Slack's retry (milobot.services.events).
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(128), unique=True)
    label: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = _created()
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SavedView(Base):
    __tablename__ = "saved_views"
    __table_args__ = (UniqueConstraint("workspace_id", "slack_user_id", "agent_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    slack_user_id: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    config: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = _created()


class CandidateListPref(Base):
    """Which saved view a person's candidate list of an agent opens with: the one they used last (None:
    the default view)."""

    __tablename__ = "candidate_list_prefs"
    __table_args__ = (UniqueConstraint("workspace_id", "slack_user_id", "agent_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    slack_user_id: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    view_id: Mapped[int | None] = mapped_column(ForeignKey("saved_views.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class LinkVisit(Base):
    __tablename__ = "link_visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    source_tag: Mapped[str | None] = mapped_column(String(100))
    at: Mapped[datetime] = _created()


class StoredFile(Base):
    """Bytes kept in the data folder (résumés, recordings, reports), tracked so `forget` can erase them."""

    __tablename__ = "stored_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    path: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = _created()


class SchedulerLock(Base):
    """A lease row per job name, so a periodic job runs on one replica at a time."""

    __tablename__ = "scheduler_locks"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The job's run record (migration 0006), read by /metrics: when it last started (on any replica),
    # how late that was behind its trigger, when it finished and how.
    last_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_lateness_seconds: Mapped[float | None] = mapped_column(Float)
    last_finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(500))
    runs: Mapped[int] = mapped_column(Integer, default=0)


class ReportPackage(Base):
    """A Package ZIP someone asked for: what goes in, where its progress message is, how it ended.
    Built by a background job (slack/report_packages.py) that resumes unfinished rows after a restart."""

    __tablename__ = "report_packages"
    __table_args__ = (Index("ix_report_packages_status", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    requested_by: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    candidate_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    items: Mapped[list[Any]] = mapped_column(JSON, default=list)  # report_pdf | resume | video | ...
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued | building | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dm_channel: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = _created()
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CandidateExport(Base):
    """An Export CSV of a candidate list uploaded to an admin's DM (migration 0015). A CSV can't be edited,
    so erasing anyone it listed (candidate_export_rows) deletes the whole upload: services/csv_exports.py."""

    __tablename__ = "candidate_exports"
    __table_args__ = (UniqueConstraint("outbox_id", name="uq_candidate_exports_outbox_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    outbox_id: Mapped[int] = mapped_column(Integer)  # the delivery: its retry replaces the row
    requested_by: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    slack_file_id: Mapped[str | None] = mapped_column(String(32))  # None until the upload finished
    # Someone it lists was erased while it was being written: the upload is deleted as soon as it lands.
    erased: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = _created()
    uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CandidateExportRow(Base):
    """One candidate an Export CSV listed. Erasure looks them up by (workspace, candidate): an index, not a
    scan of JSON. No foreign key to candidates: the erasure deletes these rows itself, and the deliverer
    reads a missing candidate as one erased while the file was written."""

    __tablename__ = "candidate_export_rows"
    __table_args__ = (Index("ix_candidate_export_rows_candidate", "workspace_id", "candidate_id"),)
    export_id: Mapped[int] = mapped_column(
        ForeignKey("candidate_exports.id", ondelete="CASCADE"), primary_key=True
    )
    candidate_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # The export's own workspace, for the lookup; no foreign key of its own (a check per row written):
    # deleting the workspace deletes its exports, and these rows with them.
    workspace_id: Mapped[int] = mapped_column(Integer)


class CandidateDecision(Base):
    """Each Shortlist or Dismiss, with the state it replaced, so Undo can put that state back."""

    __tablename__ = "candidate_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(16))  # shortlisted | dismissed
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(32))
    decided_at: Mapped[datetime] = _created()
    previous_decision: Mapped[str] = mapped_column(String(16), default="none")
    previous_by: Mapped[str | None] = mapped_column(String(32))
    previous_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    previous_reason: Mapped[str | None] = mapped_column(Text)
    undone_by: Mapped[str | None] = mapped_column(String(32))
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Nudge(Base):
    """A reminder e-mail sent to a candidate who has not completed the interview."""

    __tablename__ = "nudges"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    sent_by: Mapped[str] = mapped_column(String(32))
    email: Mapped[str] = mapped_column(String(320))
    bulk: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[datetime] = _created()


# "Rated by me" in the candidate list (migration 0003); declared here, apart from Rating's own
# arguments, so the ratings feature can change those freely.
Index("ix_ratings_rater", Rating.workspace_id, Rating.slack_user_id, Rating.candidate_id)


@event.listens_for(Candidate, "before_insert")
@event.listens_for(Candidate, "before_update")
def _candidate_search_text(_mapper: Any, _connection: Any, target: Candidate) -> None:
    # Every ORM write of a candidate keeps the list's search and name-sort column in step.
    target.search_text = search_key(target.name, target.email)


# Analytics (migration 0011): each summary query is one range over an index that holds what it reads,
# per agent and per workspace (milobot/services/analytics.py, review_queue.py).
Index(
    "ix_interviews_an_started",
    Interview.workspace_id,
    Interview.agent_id,
    Interview.started_at,
    Interview.status,
)
Index(
    "ix_interviews_an_completed",
    Interview.workspace_id,
    Interview.agent_id,
    Interview.completed_at,
    Interview.status,
    Interview.started_at,
    Interview.overall_score,
)
Index("ix_interviews_an_ws_started", Interview.workspace_id, Interview.started_at, Interview.status)
Index(
    "ix_interviews_an_ws_completed",
    Interview.workspace_id,
    Interview.completed_at,
    Interview.status,
    Interview.started_at,
    Interview.overall_score,
)
Index(
    "ix_candidates_an_ws_added",
    Candidate.workspace_id,
    Candidate.created_at,
    Candidate.source,
    Candidate.source_tag,
)
Index(
    "ix_candidates_an_decided",
    Candidate.workspace_id,
    Candidate.decision,
    Candidate.decided_at,
    Candidate.agent_id,
)
Index(
    "ix_candidates_an_review",
    Candidate.workspace_id,
    Candidate.rating_count,
    Candidate.status,
    Candidate.decision,
    Candidate.completed_at,
    Candidate.agent_id,
)
Index(
    "ix_link_visits_an_agent", LinkVisit.workspace_id, LinkVisit.agent_id, LinkVisit.at, LinkVisit.source_tag
)
Index("ix_link_visits_an_ws", LinkVisit.workspace_id, LinkVisit.at, LinkVisit.source_tag)


class AnalyticsDay(Base):
    """One local day of one agent's (agent_id 0: the whole workspace's) analytics, rolled up from the rows
    once the day is over, so a summary of a year reads 365 rows instead of every interview. Database
    triggers delete a day when a write lands in it (milobot/db/analytics_triggers.py); the next read
    computes it again (milobot/services/analytics.py)."""

    __tablename__ = "analytics_days"
    __table_args__ = (
        UniqueConstraint("workspace_id", "agent_id", "time_zone", "day"),
        Index("ix_analytics_days_span", "workspace_id", "starts_at", "ends_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    agent_id: Mapped[int] = mapped_column(Integer)  # 0: every agent of the workspace
    time_zone: Mapped[str] = mapped_column(String(64))
    day: Mapped[str] = mapped_column(String(10))  # local date, ISO
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the day's first instant, UTC
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the next day's first instant, UTC
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class DigestPeriod(Base):
    """One digest period of one subscription ("2026-11-25" daily, "2026-W48" weekly), claimed before it
    is posted. Unique per subscription and period: that is what makes a digest go out once across
    replicas. The claim is a lease, so a replica that dies mid-post leaves a row another one takes over
    when `lease_until` has passed; `message_ts` is written as soon as Slack took the message, so the
    replica that takes over does not post it twice."""

    __tablename__ = "digest_periods"
    __table_args__ = (UniqueConstraint("subscription_id", "period", name="uq_digest_periods_period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("digest_subscriptions.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="claimed")  # claimed | sent | failed
    holder: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    # Slack's refusal (its error code, or "timeout", "not_installed"), kept while the period is retried
    # or after it failed for good; `/milo digest list` words it and says when (migration 0016).
    error: Mapped[str | None] = mapped_column(String(500))
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime] = _created()
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReviewReminder(Base):
    """A reviewer reminder claimed (one per reviewer per local day, `subject` = "U…:2026-03-02"), or an
    agent creator told about a candidate left unrated for 3 business days (`subject` = "candidate:<id>").
    The unique row is the claim: replicas that run the job at once send it once."""

    __tablename__ = "review_reminders"
    __table_args__ = (UniqueConstraint("workspace_id", "kind", "subject", name="uq_review_reminders_claim"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = _ws_fk()
    kind: Mapped[str] = mapped_column(String(16))  # reviewer | creator
    subject: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[str] = mapped_column(String(32))
    sent_at: Mapped[datetime] = _created()
