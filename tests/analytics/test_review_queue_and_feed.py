"""Who waits for a review (oldest first, unrated, undecided, this workspace only) and the recent feed."""

from __future__ import annotations

from datetime import UTC, datetime

from milobot.services.analytics import recent_feed
from milobot.services.review_queue import awaiting_review
from tests.analytics.support import OTHER_TEAM, add, et, make_agent, rate, set_zone, workspace_id


async def test_awaiting_review_oldest_first_without_rated_decided_or_other_workspaces(milo):
    ws = await set_zone(milo, "UTC")
    a = await make_agent(milo, "Backend")
    b = await make_agent(milo, "Design")
    old = await add(
        milo, a, "Old <!channel>", added=et(2026, 10, 1), started=et(2026, 10, 1), minutes=20, score=70
    )
    new = await add(milo, b, "New", added=et(2026, 10, 5), started=et(2026, 10, 5), minutes=20, score=50)
    rated = await add(milo, a, "Rated", added=et(2026, 10, 2), started=et(2026, 10, 2), minutes=20)
    await rate(milo, rated, "UREVIEW001")
    await add(
        milo,
        a,
        "Decided",
        added=et(2026, 10, 2),
        started=et(2026, 10, 2),
        minutes=20,
        decision="dismissed",
        decided=et(2026, 10, 3),
    )
    await add(milo, a, "Unfinished", added=et(2026, 10, 2), started=et(2026, 10, 2))
    await set_zone(milo, "UTC", team=OTHER_TEAM)
    x = await make_agent(milo, "Backend", team=OTHER_TEAM)
    await add(milo, x, "Elsewhere", added=et(2026, 9, 1), started=et(2026, 9, 1), minutes=20)

    waiting = await awaiting_review(milo.container.db, workspace_id=ws)
    assert [w.candidate_id for w in waiting] == [old, new]
    assert waiting[0].agent_name == "Backend" and waiting[0].score == 70 and waiting[0].interview_id
    assert [
        w.candidate_id for w in await awaiting_review(milo.container.db, workspace_id=ws, agent_id=b)
    ] == [new]
    before = await awaiting_review(milo.container.db, workspace_id=ws, completed_before=et(2026, 10, 3))
    assert [w.candidate_id for w in before] == [old]
    assert len(await awaiting_review(milo.container.db, workspace_id=ws, limit=1)) == 1
    other = await workspace_id(milo, OTHER_TEAM)
    assert [w.candidate_name for w in await awaiting_review(milo.container.db, workspace_id=other)] == [
        "Elsewhere"
    ]


async def test_recent_feed_newest_first_and_only_that_agent(milo):
    await set_zone(milo, "UTC")
    ws = await workspace_id(milo)
    a = await make_agent(milo, "Backend")
    b = await make_agent(milo, "Design")
    ana = await add(
        milo,
        a,
        "Ana",
        added=et(2026, 10, 1, 9),
        source="link",
        tag="poster",
        started=et(2026, 10, 1, 10),
        minutes=30,
        score=80,
    )
    await rate(milo, ana, "UREVIEW001", 5)
    await add(milo, b, "Bob", added=et(2026, 10, 2, 9))
    feed = await recent_feed(milo.container.db, ws, a)
    kinds = [(f.kind, f.candidate_name) for f in feed]
    assert ("added", "Ana") in kinds and ("started", "Ana") in kinds and ("completed", "Ana") in kinds
    assert ("rated", "Ana") in kinds and all(name == "Ana" for _, name in kinds)
    assert feed[-1].kind == "added" and feed[-2].kind == "started"  # oldest last
    assert [f.at for f in feed] == sorted((f.at for f in feed), reverse=True)
    for i in range(12):
        await add(milo, a, f"Extra {i}", added=datetime(2026, 11, 1, 9, i, tzinfo=UTC))
    assert len(await recent_feed(milo.container.db, ws, a)) == 10
    newest = await recent_feed(milo.container.db, ws, a)
    # The rating was written at the real clock's now, after every made-up date here.
    assert [(f.kind, f.candidate_name) for f in newest[:3]] == [
        ("rated", "Ana"),
        ("added", "Extra 11"),
        ("added", "Extra 10"),
    ]
