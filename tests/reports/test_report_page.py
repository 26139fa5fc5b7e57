"""View Report over the wire: the link comes back privately, the page at /r/<token> shows the whole
report as text (never as markup), streams recordings with Range, and refuses every bad token without
saying whose report it was."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from sqlalchemy import select

from milobot.config import load_settings
from milobot.db.models import Candidate, Rating, Workspace
from milobot.ids import ReportAction
from milobot.services.report_links import LinkClaims, sign, verify
from tests.conftest import ADMIN
from tests.interview_web.helpers import GOOD_ANSWERS, Browser, interviews, make_agent
from tests.reports.support import (
    ANSWERS,
    CHROME_UA,
    NAME,
    OTHER_TEAM,
    QUESTIONS,
    STRANGER,
    VIEWER,
    audit_actions,
    button,
    invite,
    menu,
    reply_to,
    report_link,
    seed,
)

SECURITY = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def check_headers(resp) -> None:
    for key, value in SECURITY.items():
        assert resp.headers.get(key) == value, key
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp


async def test_view_report_replies_privately_and_the_page_shows_everything_as_text(milo, slack):
    seeded = await seed(milo)
    payload = await menu(milo, "view", seeded.candidate_id)
    reply = await reply_to(milo, payload)
    # Ephemeral, to the person who clicked; the link is never posted into the channel.
    assert reply["response_type"] == "ephemeral"
    assert not [c for c in slack.calls_to("chat.postMessage") if "/r/" in str(c.args)]
    text = reply["blocks"][0]["text"]["text"]
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text and "&lt;b&gt;Bold&lt;/b&gt;" in text
    assert "Backend Engineer" in text and "share it privately" in text

    token = await report_link(milo, seeded.candidate_id)
    resp = await milo.get(f"/r/{token}")
    assert resp.status == 200 and resp.content_type == "text/html"
    check_headers(resp)
    page = await resp.text()
    # The name, the questions and the answers appear escaped: as text, never as markup.
    assert html.escape(NAME, quote=False) in page and "<b>Bold</b>" not in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Αθήνα" in page and "Москва" in page and "Nguyễn Thị Minh Khai" in page
    # Status and decision, overall and per-question scores with rubric anchors and quoted evidence.
    assert "Interview completed" in page and "No decision yet" in page
    assert "72/100" in page and "★★★★☆ 4/5" in page and "★★★★★ 5/5" in page
    assert "adjusted by the team (the scorer said 3)" in page
    assert (
        html.escape(QUESTIONS[0]["anchor_5"], quote=False) in page
        and "Rubric: 1 = <bdi>Vague, no ownership.</bdi>" in page
    )
    assert "“<bdi>I owned the checkout outage in Αθήνα and Москва: latency hit 4 s.</bdi>”" in page
    # The transcript keeps the answer's own line breaks (pre-wrap), recordings play from milobot.
    assert html.escape(ANSWERS[0], quote=False) in page
    assert f'<video controls preload="metadata" src="/r/{token}/recording/{seeded.video_id}">' in page
    assert f'<audio controls preload="metadata" src="/r/{token}/recording/{seeded.audio_id}">' in page
    # Diagnostics and observations, worded as observations.
    assert "Chrome 120 on Windows (desktop)" in page and html.escape(CHROME_UA, quote=False) in page
    assert "Time on Q1</dt><dd>1 min 5 s" in page and "Duration</dt><dd>12 min" in page
    assert "Pasted text once in question 2" in page and "Left the tab once" in page
    assert "ordinary explanation" in page
    assert "<script" not in page.lower().replace("&lt;script", "")  # works without JavaScript: there is none
    assert "@media print" in await (await milo.get("/r/static/report.css")).text()
    # Team feedback is off by default.
    assert "Team feedback" not in page
    assert ("report.link", ADMIN, str(seeded.candidate_id)) in await audit_actions(milo)


async def test_outside_text_keeps_its_own_direction_and_loses_bidi_overrides(milo, slack):
    # U+202E would draw "Person" backwards and spill into the heading; Slack's messages drop it, so does
    # the page (and the other explicit direction controls). Hebrew reads right to left in its own element.
    answers = ["שלום עולם (בדיקה)\u202b x", ANSWERS[1]]
    seeded = await seed(milo, name="Fresh\u202ePerson \u2067דוד\u2069", answers=answers)
    token = await report_link(milo, seeded.candidate_id)
    page = await (await milo.get(f"/r/{token}")).text()
    assert '<h1 id="candidate" dir="auto">FreshPerson דוד</h1>' in page
    assert "<title>Candidate report: FreshPerson דוד</title>" in page
    assert not any(c in page for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert '<div class="answer" dir="auto">שלום עולם (בדיקה) x</div>' in page
    question = html.escape(QUESTIONS[0]["text"], quote=False)
    assert f"<h4>Q1. <bdi>{question}</bdi></h4>" in page
    assert '<p class="sub"><bdi>Backend Engineer</bdi> · <bdi>Senior Backend</bdi></p>' in page


async def test_recordings_stream_with_range_and_only_for_this_candidate(milo, slack):
    seeded = await seed(milo)
    other = await seed(milo, name="Other Person", agent_id=seeded.agent_id)
    token = await report_link(milo, seeded.candidate_id)
    whole = seeded.video_path.read_bytes()

    resp = await milo.get(f"/r/{token}/recording/{seeded.video_id}")
    assert resp.status == 200 and await resp.read() == whole
    assert resp.headers["Content-Type"] == "video/webm" and resp.headers["Accept-Ranges"] == "bytes"
    check_headers(resp)

    resp = await milo.get(f"/r/{token}/recording/{seeded.video_id}", headers={"Range": "bytes=100-299"})
    assert resp.status == 206 and await resp.read() == whole[100:300]
    assert resp.headers["Content-Range"] == f"bytes 100-299/{len(whole)}"
    resp = await milo.get(f"/r/{token}/recording/{seeded.video_id}", headers={"Range": f"bytes=-{50}"})
    assert resp.status == 206 and await resp.read() == whole[-50:]

    # Another candidate's recording through this candidate's link, or a made-up id: not found.
    for rid in (other.video_id, 999999, "abc", "-1"):
        resp = await milo.get(f"/r/{token}/recording/{rid}")
        assert resp.status == 404, rid


async def test_a_recording_missing_from_disk_is_reported_not_a_failure(milo, slack):
    seeded = await seed(milo)
    seeded.video_path.unlink()
    token = await report_link(milo, seeded.candidate_id)
    resp = await milo.get(f"/r/{token}")
    page = await resp.text()
    assert resp.status == 200
    assert "Video recording: missing from storage" in page and f"recording/{seeded.video_id}" not in page
    assert f"recording/{seeded.audio_id}" in page  # the audio is still there and still plays
    assert (await milo.get(f"/r/{token}/recording/{seeded.video_id}")).status == 404


async def refused(milo, token: str, status: int) -> str:
    resp = await milo.get(f"/r/{token}")
    body = await resp.text()
    assert resp.status == status, (token, resp.status)
    check_headers(resp)
    assert "Zoë" not in body and "Nguy" not in body and "Backend Engineer" not in body
    return body


async def test_tampered_unknown_other_workspace_expired_and_revoked_tokens_are_refused(milo, slack):
    seeded = await seed(milo)
    theirs = await seed(milo, name="Their Candidate", team=OTHER_TEAM)
    token = await report_link(milo, seeded.candidate_id)
    secret = milo.settings.secret_key
    claims = verify(secret, token)

    # A changed byte anywhere (body or signature), a truncated or made-up token: 404, nothing revealed.
    for i in (0, 5, len(token) // 2, len(token) - 1):
        flipped = token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
        await refused(milo, flipped, 404)
    for bad in (token[:-3], "nonsense", "a" * 300, token + "x", "%00", token.replace(".", "")):
        await refused(milo, bad, 404)
    # Signed with another key: 404.
    await refused(milo, sign("another-secret", claims), 404)
    # A token naming another workspace: its own candidate id in our workspace, ours in theirs.
    await refused(milo, sign(secret, replace(claims, workspace_id=theirs.workspace_id)), 404)
    await refused(milo, sign(secret, replace(claims, candidate_id=theirs.candidate_id)), 404)
    # Expired: 410 saying what to do.
    past = replace(claims, expires_at=datetime.now(UTC) - timedelta(seconds=1))
    body = await refused(milo, sign(secret, past), 410)
    assert "expired" in body and "View Report" in body

    # The link still works until an admin revokes report links; then it and every other link is 410.
    second = await report_link(milo, seeded.candidate_id)
    assert (await milo.get(f"/r/{token}")).status == 200
    payload = await menu(milo, "revoke", seeded.candidate_id)
    assert "revoked" in (await reply_to(milo, payload))["text"]
    for old in (token, second):
        body = await refused(milo, old, 410)
        assert "turned off" in body
        assert (await milo.get(f"/r/{old}/recording/{seeded.video_id}")).status == 410
    fresh = await report_link(milo, seeded.candidate_id)
    assert (await milo.get(f"/r/{fresh}")).status == 200
    assert ("report.revoke", ADMIN, str(seeded.candidate_id)) in await audit_actions(milo)


async def test_who_may_view_and_revoke(milo, slack):
    seeded = await seed(milo)
    theirs = await seed(milo, name="Their Candidate", team=OTHER_TEAM)
    await invite(milo, VIEWER)

    # A viewer may make a link, not revoke.
    token = await report_link(milo, seeded.candidate_id, user=VIEWER)
    assert (await milo.get(f"/r/{token}")).status == 200
    payload = await menu(milo, "revoke", seeded.candidate_id, user=VIEWER)
    assert "Only admins" in (await reply_to(milo, payload))["text"]
    assert (await milo.get(f"/r/{token}")).status == 200

    # Someone not on the team gets no link, only the polite refusal.
    payload = await menu(milo, "view", seeded.candidate_id, user=STRANGER)
    reply = await reply_to(milo, payload)
    assert "not on this workspace's milobot team" in reply["text"] and "/r/" not in str(reply)

    # A crafted click naming another workspace's candidate: refused like a missing one.
    for action in ("view", "pdf", "package", "revoke"):
        payload = await menu(milo, action, theirs.candidate_id)
        reply = await reply_to(milo, payload)
        assert "doesn't exist in this workspace" in reply["text"] and "Their Candidate" not in str(reply)
    assert not slack.calls_to("views.open")

    # The profile's buttons (value CandidateRef) lead to the same place.
    payload = await button(milo, ReportAction.VIEW, seeded.candidate_id)
    assert "/r/" in str(await reply_to(milo, payload))
    actions = [a for a, who, _ in await audit_actions(milo) if a.startswith("report.")]
    assert actions.count("report.link") == 2 and "report.revoke" not in actions


async def test_team_feedback_only_when_the_workspace_allows_it_and_the_requester_may_see_it(milo, slack):
    seeded = await seed(milo)
    async with milo.container.db.unit_of_work() as s:
        s.add(
            Rating(
                workspace_id=seeded.workspace_id,
                candidate_id=seeded.candidate_id,
                slack_user_id="URATER0001",
                kind="stars",
                value=2,
            )
        )
    token = await report_link(milo, seeded.candidate_id)
    assert "Team feedback" not in await (await milo.get(f"/r/{token}")).text()

    async with milo.container.db.unit_of_work() as s:
        ws = await s.get(Workspace, seeded.workspace_id)
        ws.settings = {**(ws.settings or {}), "reports_include_team_feedback": True}
    # Blind until you rate: the admin hasn't rated this undecided candidate, so their link carries none.
    token = await report_link(milo, seeded.candidate_id)
    assert "Team feedback" not in await (await milo.get(f"/r/{token}")).text()
    async with milo.container.db.unit_of_work() as s:
        s.add(
            Rating(
                workspace_id=seeded.workspace_id,
                candidate_id=seeded.candidate_id,
                slack_user_id=ADMIN,
                kind="thumbs",
                value=1,
            )
        )
    token = await report_link(milo, seeded.candidate_id)
    page = await (await milo.get(f"/r/{token}")).text()
    assert "Team feedback" in page and "2 ratings, average 3.5 of 5" in page and "URATER0001" in page


def test_report_link_days_is_read_from_the_environment(tmp_path):
    base = {"MILOBOT_DATA_DIR": str(tmp_path)}
    assert load_settings(base, env_file=None).report_link_ttl_seconds == 7 * 24 * 3600
    assert (
        load_settings({**base, "MILOBOT_REPORT_LINK_DAYS": "2"}, env_file=None).report_link_ttl_seconds
        == 2 * 86400
    )
    assert (
        load_settings({**base, "MILOBOT_REPORT_LINK_DAYS": "0.5"}, env_file=None).report_link_ttl_seconds
        == 43200
    )
    for bad in ("0", "-1", "many", "400"):
        with pytest.raises(ValueError, match="MILOBOT_REPORT_LINK_DAYS"):
            load_settings({**base, "MILOBOT_REPORT_LINK_DAYS": bad}, env_file=None)


@pytest.fixture
def settings_overrides():
    return {"report_link_ttl_seconds": 3 * 86400}


async def test_links_expire_after_the_configured_days(milo, slack):
    seeded = await seed(milo)
    before = datetime.now(UTC)
    token = await report_link(milo, seeded.candidate_id)
    claims = verify(milo.settings.secret_key, token)
    assert (
        timedelta(days=3) - timedelta(seconds=5) <= claims.expires_at - before <= timedelta(days=3, seconds=5)
    )
    assert claims == LinkClaims(claims.workspace_id, seeded.candidate_id, 0, claims.expires_at, False)


async def test_the_browser_is_recorded_as_the_interview_begins_and_reported(milo, slack):
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"
    )
    await make_agent(milo)
    async with Browser(milo) as browser:
        await browser.http.close()
        browser.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True), headers={"User-Agent": iphone}
        )
        await browser.open("/i/share-tok-0001")
        await browser.submit(name="Mia Phone", email="mia@example.com", consent="yes")
        for answer in GOOD_ANSWERS:
            await browser.submit(answer=answer)
    [interview] = await interviews(milo)
    assert interview.user_agent == iphone
    async with milo.container.db.unit_of_work() as s:
        candidate_id = await s.scalar(select(Candidate.id))
    token = await report_link(milo, candidate_id)
    page = await (await milo.get(f"/r/{token}")).text()
    assert "Safari 17 on iOS (phone)" in page and "Mia Phone" in page
