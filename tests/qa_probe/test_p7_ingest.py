"""QA probe: review-first ingestion at boundaries and pressed by the wrong people."""

from __future__ import annotations

import asyncio
import json

import pytest

from milobot.ids import Action
from tests.conftest import ADMIN
from tests.ingestion.support import (
    ADMIN_DM,
    buttons,
    dm_files,
    make_agent,
    register,
    review_ready,
)
from tests.qa_probe.support import clicks, settle, show

VIEWER = "UVIEWER001"


def csv_of(n: int) -> bytes:
    rows = ["name,email,phone"] + [f"Person {i:03d},p{i}@example.com,+1415555{i:04d}" for i in range(n)]
    return "\n".join(rows).encode()


@pytest.mark.parametrize("n", [0, 20, 21, 41])
async def test_review_paging(milo, slack, n):
    await make_agent(milo)
    await dm_files(milo, [register(slack, "list.csv", csv_of(n), "text/csv")])
    if n == 0:
        await asyncio.sleep(3)
        show([c for c in slack.calls if c.method in ("chat.postMessage", "chat.update")], 1500)
        return
    batch, message = await review_ready(milo, slack)
    text = json.dumps(message["blocks"], ensure_ascii=False)
    print(
        n, "blocks", len(message["blocks"]), "approve buttons", len(buttons(message, Action.REVIEW_APPROVE))
    )
    import re

    print("   ", re.findall(r"(?:Page|page|Showing|showing|of \d+)[^\"]{0,80}", text)[:5])
    slack.assert_no_violations()


async def test_wrong_people(milo, slack):
    await make_agent(milo)
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    await dm_files(milo, [register(slack, "list.csv", csv_of(3), "text/csv")])
    batch, message = await review_ready(milo, slack)
    for who, team in ((VIEWER, None), ("UOTHERADM1", "T0OTHER001")):
        if team:
            pass
            await milo.seat(team, who)
        for label, payload in clicks(
            team or slack.team_id, who, message["blocks"], channel_id=ADMIN_DM, message=message
        ):
            payload["response_url"] = slack.new_response_url(team or slack.team_id, kind="actions")
            mark = slack.mark()
            r = await milo.interact(payload)
            calls = await settle(slack, mark, timeout=3)
            print(f"## {who} {label} -> {r.status}")
            show(calls, 300)
    # A viewer DMs a file
    mark = slack.mark()
    await dm_files(milo, [register(slack, "v.csv", csv_of(2), "text/csv")], user=VIEWER, channel="D0VIEWER01")
    calls = await settle(slack, mark, timeout=5)
    print("## viewer DMs a file")
    show(calls, 500)
