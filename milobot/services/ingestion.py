"""Review-first ingestion: files DM'd to the bot become a batch of drafts that an admin approves into
candidates of an agent, or discards. Nothing becomes a candidate until a person says so.

The intake half (batches, files, extraction results) and the review half (decisions, history) live in
their own modules; this class is the one service the container wires."""

from __future__ import annotations

from milobot.services.ingestion_intake import IntakeService, claim_key
from milobot.services.ingestion_invite import InviteResult, InviteService
from milobot.services.ingestion_model import (
    EXTRACT,
    PAGE_SIZE,
    REVIEW_RENDER,
    BatchSummary,
    BulkResult,
    Decision,
    DraftEdit,
    FileToFetch,
    IncomingFile,
    Received,
    ReviewData,
)
from milobot.services.ingestion_read import ReadService
from milobot.services.ingestion_review import ReviewService

__all__ = [
    "EXTRACT",
    "PAGE_SIZE",
    "REVIEW_RENDER",
    "BatchSummary",
    "BulkResult",
    "Decision",
    "DraftEdit",
    "FileToFetch",
    "IncomingFile",
    "IngestionService",
    "InviteResult",
    "Received",
    "ReviewData",
    "claim_key",
]


class IngestionService(IntakeService, ReviewService, ReadService, InviteService):
    pass
