"""The card builder on its own: Slack's limits hold for huge interviews, and wording stays neutral."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select

from milobot.blocks.candidate import card_blocks, card_text
from milobot.blocks.profile import profile_view
from milobot.db.models import IntegritySignal, OutboxMessage
from milobot.services.cards import CardData, QuestionSummary, observations
from tests.candidates_review.support import big_profile
from tests.fakes.blockkit import validate_message_blocks, validate_view
from tests.interview_web.helpers import count, make_agent
from tests.interview_web.test_inbound_api import body, new_key, post


def big_card(n: int) -> CardData:
    questions = [
        QuestionSummary(
            index=i,
            question="<!here> " + "Q" * 5000,
            answer="&<>" * 3000,
            score=(i % 5) + 1,
            machine_score=2,
            overridden=i == 0,
            evidence=["<@U123> " + "e" * 5000] * 5,
            rationale="r" * 5000,
            duration_ms=1234,
            answer_id=i,
        )
        for i in range(n)
    ]
    return CardData(
        interview_id=1,
        workspace_id=1,
        candidate_id=1,
        candidate_name="<!channel> " + "N" * 500,
        email="a@b.co",
        phone="+14155550123",
        agent_name="A" * 500,
        role_title="R" * 500,
        channel_id="C1",
        interview_status="completed",
        decision="shortlisted",
        decided_by="U1",
        overall_score=77.6,
        scorer="rubric",
        source="web",
        completed_at=datetime(2026, 1, 1, tzinfo=UTC),
        version=2,
        card_channel=None,
        card_ts=None,
        questions=questions,
        observations=["Pasted text once in question 2"] * 30,
        recordings=["audio"],
    )


def test_huge_interviews_stay_within_slacks_limits():
    data = big_card(80)
    blocks = card_blocks(data)
    assert len(blocks) <= 50 and "78/100" in str(blocks)
    assert validate_message_blocks(blocks) == []
    assert "<!channel>" not in str(blocks) and "<!here>" not in str(blocks) and "<@U123>" not in str(blocks)
    for page in (0, 7, 99):  # the profile pages the transcript; any page stays within a modal's limits
        modal = profile_view(big_profile(data, page=page))
        assert len(modal["blocks"]) <= 100 and validate_view(modal) == []
        assert "<!channel>" not in str(modal) and "<!here>" not in str(modal)
    assert len(card_text(data)) < 400


def test_the_completion_time_is_shown_in_each_readers_time_zone():
    """A team in Berlin reads the card's completion time in Berlin time, as every other date milobot
    shows in Slack: a `<!date>` token, with UTC only as the fallback text."""
    footer = card_blocks(big_card(1))[-1]
    text = footer["elements"][0]["text"]
    stamp = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())
    assert f"completed <!date^{stamp}^{{date_short_pretty}} {{time}}|2026-01-01 00:00 UTC>" in text


def test_signals_are_worded_as_observations():
    def sig(kind, q=None):
        return IntegritySignal(kind=kind, question_index=q, detail={})

    words = observations(
        [
            sig("paste", 1),
            sig("tab_hidden", 0),
            sig("tab_hidden", 2),
            sig("tab_hidden", 2),
            sig("paste", 3),
            sig("paste", 3),
            sig("long_silence", 0),
        ]
    )
    assert words == [
        "Pasted text once in question 2",
        "Pasted text twice in question 4",
        "Left the tab 3 times",
        "Paused for over a minute once (question 1)",
    ]
    assert not any(w in " ".join(words).lower() for w in ("cheat", "suspicious", "fraud"))


async def test_an_agent_without_a_channel_gets_no_card(milo, slack):
    await make_agent(milo, channel=None)
    key = await new_key(milo)
    status, _ = await post(milo, body(), key)
    assert status == 201

    async def settled():
        async with milo.container.db.unit_of_work() as s:
            rows = (
                await s.scalars(
                    select(OutboxMessage).where(OutboxMessage.kind.in_(["slack.card", "interview.score"]))
                )
            ).all()
        return len(rows) == 2 and all(r.status == "done" for r in rows) and rows

    rows = await milo.wait_until(settled, timeout=10)
    # By kind, not position: without ORDER BY, PostgreSQL returns an updated row wherever its new version sits.
    card = next(r for r in rows if r.kind == "slack.card")
    assert card.result == {"skipped": "no channel"}
    assert slack.calls_to("chat.postMessage") == [] and await count(milo, OutboxMessage) >= 2


def test_observations_past_ten_are_counted_on_the_card_not_dropped():
    """Twelve questions with pastes: the card names ten and says how many more, and where they all are."""
    data = replace(big_card(12), observations=[f"Pasted text once in question {i}" for i in range(1, 13)])
    text = json.dumps(card_blocks(data), ensure_ascii=False)
    assert "question 10" in text and "question 11" not in text
    assert "and 2 more (*View Report* lists them all)" in text
    assert "more (" not in json.dumps(card_blocks(replace(data, observations=data.observations[:10])))
