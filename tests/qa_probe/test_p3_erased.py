"""QA probe: every button on a card and a profile, clicked after the candidate was erased."""

from __future__ import annotations

import json
import logging

from milobot.ids import PrivacyView
from tests.candidates_review.support import Reviewer
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.qa_probe.support import clicks, settle, show
from tests.reliability.support import completed_interview

CH = "C0CARDS001"


async def test_stale_buttons_after_forget(milo, slack, caplog):
    caplog.set_level(logging.WARNING)
    interview_id = await completed_interview(milo, channel=CH, name="Zoë 🙂 Ng", email="zoe@example.com")
    card = await slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == CH, timeout=10)
    card_blocks = card.args["blocks"]
    card.result["ts"] if hasattr(card, "result") and card.result else None
    print("card result", getattr(card, "result", None))
    rv = Reviewer(milo, ADMIN)
    async with milo.container.db.unit_of_work() as s:
        from milobot.db.models import Interview

        cid = (await s.get(Interview, interview_id)).candidate_id
    await rv.open_profile(cid)
    profile_view = rv.view
    # forget
    mark = slack.mark()
    await milo.command("forget zoe@example.com", user=ADMIN, trigger_id=payloads.new_trigger_id())
    await slack.wait_for("views.open", since=mark)
    fv = [v for v in slack.views.values() if v.get("callback_id") == PrivacyView.FORGET_CONFIRM][-1]
    await milo.interact(
        payloads.view_submission(
            slack.team_id, ADMIN, PrivacyView.FORGET_CONFIRM, {}, fv["private_metadata"], view_id=fv["id"]
        )
    )
    done = await slack.wait_for("views.update", since=mark, timeout=15)
    print("FORGOT:", json.dumps(done.args["view"])[:400])
    await settle(slack, mark)
    caplog.clear()
    for label, payload in clicks(
        slack.team_id,
        ADMIN,
        card_blocks,
        channel_id=CH,
        message={"ts": "1.1", "blocks": card_blocks, "type": "message", "text": ""},
    ):
        payload["response_url"] = slack.new_response_url(kind="actions")
        mark = slack.mark()
        r = await milo.interact(payload)
        calls = await settle(slack, mark)
        print(f"## card {label} -> HTTP {r.status}")
        show(calls)
    for label, payload in clicks(slack.team_id, ADMIN, profile_view["blocks"], view=profile_view):
        mark = slack.mark()
        r = await milo.interact(payload)
        body = await r.text()
        calls = await settle(slack, mark)
        print(f"## profile {label} -> HTTP {r.status} {body[:200]}")
        show(calls)
    errors = [r.getMessage()[:300] for r in caplog.records if r.levelno >= logging.ERROR]
    print("ERRORS", errors)
