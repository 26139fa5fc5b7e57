"""The reminder DM's builder at its limits, and the job's hook on the scheduler contract."""

from __future__ import annotations

import json
from types import SimpleNamespace

from milobot.blocks.reminders import review_overdue, review_reminder
from milobot.ids import CandidateAction
from milobot.jobs import reminders
from milobot.services.review_reminders import LISTED
from tests.fakes.blockkit import validate_message_blocks


def items(n: int) -> list[dict]:
    nasty = "<!channel> *bold* <https://evil.example|click> " + "x" * 400
    return [
        {"candidate_id": i + 1, "candidate": nasty, "agent": nasty, "days": i % 4 + 1, "score": 71.6}
        for i in range(n)
    ]


def test_a_long_wait_lists_the_first_candidates_and_counts_the_rest():
    text, blocks = review_reminder({"items": items(LISTED), "total": 40})
    assert text.startswith(":hourglass_flowing_sand: 40 candidates")
    views = [b["accessory"] for b in blocks if b.get("accessory")]
    assert len(views) == LISTED and {v["action_id"] for v in views} == {CandidateAction.PROFILE}
    dumped = json.dumps(blocks)
    assert "and 25 more" in dumped and "<!channel>" not in dumped and "score 72" in dumped
    assert validate_message_blocks(blocks) == []


def test_one_candidate_reads_in_the_singular():
    text, blocks = review_overdue({"items": items(1), "total": 1})
    assert "1 candidate of your agents has waited 3 business days" in text
    assert "and 0 more" not in json.dumps(blocks) and "waiting 1 business day" in json.dumps(blocks)
    assert validate_message_blocks(blocks) == []


class RecordingScheduler:
    """Stands in for the scheduler's registry: records what a job module registers."""

    def __init__(self) -> None:
        self.jobs: list[tuple[str, object, object, bool]] = []

    def register(self, name, trigger, func, *, exclusive=True) -> None:
        self.jobs.append((name, trigger, func, exclusive))


def test_install_registers_one_exclusive_job_and_does_nothing_without_a_scheduler(milo):
    assert reminders.install(SimpleNamespace(scheduler=None, deps=milo.container.deps)) is False
    scheduler = RecordingScheduler()
    assert reminders.install(SimpleNamespace(scheduler=scheduler, deps=milo.container.deps)) is True
    [(name, trigger, func, exclusive)] = scheduler.jobs
    assert name == reminders.REMINDERS_JOB and exclusive is True
    assert trigger.interval.total_seconds() == reminders.EVERY_MINUTES * 60
    assert callable(func)
