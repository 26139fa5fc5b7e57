"""QA probe: odd command inputs; print every reply."""

from __future__ import annotations

import json

from tests.agents.support import create_agent
from tests.conftest import ADMIN

VIEWER = "UVIEWER001"

CMDS = [
    (ADMIN, ""),
    (ADMIN, "HELP"),
    (ADMIN, "team invite <@UADMIN0001> viewer"),
    (ADMIN, "team invite <@UNEW000001>"),
    (ADMIN, "team invite <@UNEW000002|dana> admin"),
    (ADMIN, "team invite @dana viewer"),
    (ADMIN, "team"),
    (ADMIN, "team invite <!channel> viewer"),
    (ADMIN, "team invite <@UB0MILO0001> viewer"),
    (ADMIN, "analytics last 0d"),
    (ADMIN, "analytics last 100000d"),
    (ADMIN, "analytics 2026-02-30..2026-03-01"),
    (ADMIN, "analytics 2026-03-05..2026-03-01"),
    (ADMIN, "analytics backend 1900-01-01..9999-12-31"),
    (ADMIN, "analytics today"),
    (ADMIN, "digest #general daily"),
    (ADMIN, "digest <#C0CHAN0001|hiring> daily at 25:00"),
    (ADMIN, "digest <#C0CHAN0001|hiring> daily at 9"),
    (ADMIN, "digest <#C0CHAN0001|hiring> hourly"),
    (ADMIN, "digest <#C0CHAN0001|hiring> weekly nonexistent-agent"),
    (ADMIN, "digest list"),
    (ADMIN, "digest remove"),
    (ADMIN, "forget"),
    (ADMIN, "forget not-an-email"),
    (ADMIN, "forget nobody@example.com"),
    (ADMIN, "export nobody@example.com"),
    (ADMIN, "candidates"),
    (ADMIN, "candidates zzz"),
    (ADMIN, "share"),
    (ADMIN, "share backend bad$tag"),
    (ADMIN, "share backend " + "x" * 200),
    (ADMIN, "imports"),
    (ADMIN, "apikey list"),
    (ADMIN, "apikey revoke 999"),
    (ADMIN, "ats"),
    (ADMIN, "settings privacy"),
    (ADMIN, "agent channel backend <#C0NOPE0001|nope>"),
    (ADMIN, "agent delete"),
    (VIEWER, "forget x@example.com"),
    (VIEWER, "digest list"),
    (VIEWER, "apikey"),
    (VIEWER, "imports"),
    (VIEWER, "export x@example.com"),
    (VIEWER, "agent new"),
    (VIEWER, "help"),
    ("USTRANGER1", "help"),
    ("USTRANGER1", "agents"),
    (ADMIN, "team remove <@UADMIN0001>"),
    (ADMIN, "team role <@UADMIN0001> viewer"),
    (ADMIN, "team remove <@UNEW000002>"),
]


async def test_commands(milo, slack):
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    await create_agent(milo, slack, name="Backend Engineer")
    for user, text in CMDS:
        mark = slack.mark()
        await milo.command(text, user=user, trigger_id="trig")
        try:
            (
                await slack.wait_for(
                    lambda c: c.method in ("response_url", "views.open"), since=mark, timeout=5
                )
                if False
                else None
            )
        except Exception:
            pass
        import asyncio

        loop = asyncio.get_running_loop()
        deadline = loop.time() + 5
        got = []
        while loop.time() < deadline:
            got = [
                c
                for c in slack.calls[mark:]
                if c.method in ("response_url", "views.open", "chat.postEphemeral", "chat.postMessage")
            ]
            if got:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        got = [
            c
            for c in slack.calls[mark:]
            if c.method
            in (
                "response_url",
                "views.open",
                "chat.postEphemeral",
                "chat.postMessage",
                "files.completeUploadExternal",
            )
        ]
        print(f"\n##### {user} /milo {text}")
        for c in got:
            args = {k: v for k, v in c.args.items() if k != "__url"}
            s = json.dumps(args, ensure_ascii=False)
            print("  ", c.method, s[:700])
