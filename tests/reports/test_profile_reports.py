"""The candidate profile carries the report buttons: View Report, Download PDF and Package ZIP for the
team, Revoke report links for admins. Used from inside the profile (a modal), the link arrives by DM
and Package ZIP opens on top of the profile."""

from __future__ import annotations

import json

from milobot.ids import ReportAction, ReportView
from tests.candidates_review.support import Reviewer, buttons
from tests.conftest import ADMIN
from tests.reports.support import LINK_RE, VIEWER, invite, seed


async def test_the_profile_offers_reports_and_they_work_from_inside_it(milo, slack):
    seeded = await seed(milo, name="Pia Profile")
    await invite(milo, VIEWER)

    viewer = Reviewer(milo, VIEWER)
    await viewer.open_profile(seeded.candidate_id)
    offered = buttons(viewer.view)
    assert {ReportAction.VIEW, ReportAction.PDF, ReportAction.PACKAGE} <= set(offered)
    assert ReportAction.REVOKE not in offered  # viewers don't revoke
    labels = json.dumps(viewer.view)
    assert "View Report" in labels and "Download PDF" in labels and "Package ZIP" in labels

    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(seeded.candidate_id)
    assert buttons(admin.view)[ReportAction.REVOKE]["text"]["text"] == "Revoke report links"

    # View Report from the modal: no response_url there, so the link comes by DM, never to a channel.
    mark = slack.mark()
    await admin.click(ReportAction.VIEW, wait=None)
    dm = await slack.wait_for(
        "chat.postMessage", lambda c: "/r/" in json.dumps(c.args), since=mark, timeout=10
    )
    assert dm.args["channel"].startswith("D")
    token = LINK_RE.search(json.dumps(dm.args)).group(1)
    assert (await milo.get(f"/r/{token}")).status == 200

    # Package ZIP opens its modal on top of the profile.
    pushed = await admin.click(ReportAction.PACKAGE, wait="views.push")
    assert pushed.args["view"]["callback_id"] == ReportView.PACKAGE

    # Revoke from the profile: the link handed out a moment ago stops working.
    await admin.click(ReportAction.REVOKE, wait=None)
    await slack.wait_for(
        "chat.postMessage", lambda c: "revoked" in json.dumps(c.args), since=mark, timeout=10
    )
    assert (await milo.get(f"/r/{token}")).status == 410
