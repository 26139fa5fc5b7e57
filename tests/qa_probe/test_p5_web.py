"""QA probe: the candidate interview page with odd input."""

from __future__ import annotations

import re

from tests.agents.support import agents, create_agent
from tests.interview_web.helpers import Browser, forms_of


def visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))[:600]


async def test_web(milo, slack):
    await create_agent(
        milo, slack, name="Support 🚀 دعم", questions="Q1 <b>bold</b>?\nQ2 & more?", role="R&D <i>x</i>"
    )
    [agent] = await agents(milo)
    link = f"/i/{agent.share_token}"
    async with Browser(milo) as p:
        await p.open(link)
        print("OPEN", p.status, visible(p.html))
        print("FORM", forms_of(p.html)[0].fields if forms_of(p.html) else None)
        # empty name
        await p.submit(name="", email="", consent="yes")
        print("EMPTY", p.status, visible(p.html))
        await p.open(link)
        await p.submit(name="x" * 5000, email="not-an-email", consent="yes")
        print("LONG/BADMAIL", p.status, visible(p.html))
        await p.open(link)
        await p.submit(name="محمد <script>alert(1)</script> 🙂", email="m@example.com")
        print("NOCONSENT", p.status, visible(p.html))
        await p.open(link)
        await p.submit(name="محمد <script>alert(1)</script> 🙂", email="m@example.com", consent="yes")
        print("STARTED", p.status, p.url, visible(p.html))
        assert "<script>alert" not in p.html
        await p.submit(answer="")
        print("EMPTY ANSWER", p.status, visible(p.html))
        await p.submit(answer="a" * 100000)
        print("HUGE ANSWER", p.status, visible(p.html))
        await p.submit(answer="\x00\u202e reversed")
        print("NUL ANSWER", p.status, visible(p.html))
        if p.status == 200 and forms_of(p.html):
            await p.submit(answer="final")
            print("FINAL", p.status, visible(p.html))
        # resubmit same old form again (back button)
        await p.open(link)
        print("REOPEN", p.status, visible(p.html))
    card = await slack.wait_for(
        "chat.postMessage", lambda c: c.args.get("channel") == "C0CHAN0001", timeout=10
    )
    print(str(card.args["blocks"])[:1500])
