"""The services of candidate review (profile, ratings, notes, decisions, nudges, file links, contact edits), built
together from the same deps: the container holds them as one `review` field."""

from __future__ import annotations

from dataclasses import dataclass

from milobot.services.base import ServiceDeps
from milobot.services.candidate_contact import ContactService
from milobot.services.decisions import DecisionService
from milobot.services.files import FileService
from milobot.services.notes import NoteService
from milobot.services.nudges import NudgeService
from milobot.services.profile import ProfileService
from milobot.services.ratings import RatingService


@dataclass
class CandidateReview:
    profiles: ProfileService
    ratings: RatingService
    notes: NoteService
    decisions: DecisionService
    nudges: NudgeService
    files: FileService
    contacts: ContactService

    @classmethod
    def build(cls, deps: ServiceDeps) -> CandidateReview:
        return cls(
            profiles=ProfileService(deps),
            ratings=RatingService(deps),
            notes=NoteService(deps),
            decisions=DecisionService(deps),
            nudges=NudgeService(deps),
            files=FileService(deps),
            contacts=ContactService(deps),
        )
