"""Issue 8, item 2: typing an invited candidate's e-mail on the shared link never hands over their
interview. With e-mail configured the personal link goes to the address itself, and the visitor sees
the same page whether or not the address is known."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from milobot.db.models import Candidate, Interview, OutboxMessage
from milobot.services.candidate_records import new_candidate
from tests.interview_web.helpers import Browser, count, forms_of, make_agent, progress_of, stop_the_clock

SHARE = "/i/share-tok-0001"


@pytest.fixture
def settings_overrides(smtp) -> dict:
    return {"smtp_url": smtp.url}


async def _invite(milo, agent_id: int, name: str, email: str) -> str:
    async with milo.container.db.unit_of_work() as s:
        invited = new_candidate(s, workspace_id=1, agent_id=agent_id, name=name, email=email)
        await s.flush()
        return invited.token


async def _register(milo, *, name: str, email: str) -> tuple[int, str, dict]:
    async with Browser(milo) as browser:
        await browser.open(SHARE)
        async with browser.http.post(
            milo.base_url + forms_of(browser.html)[0].action,
            data={**forms_of(browser.html)[0].fields, "name": name, "email": email, "consent": "yes"},
            allow_redirects=False,
        ) as resp:
            headers = {k: v for k, v in resp.headers.items() if k.lower() not in ("date", "content-length")}
            return resp.status, await resp.text(), headers


async def _outbox_settled(milo):
    async with milo.container.db.unit_of_work() as s:
        pending = (await s.scalars(select(OutboxMessage).where(OutboxMessage.status == "pending"))).all()
    return not pending


async def test_an_invited_candidates_email_gets_their_link_by_mail_and_the_visitor_learns_nothing(
    milo, slack, smtp
):
    stop_the_clock(milo)  # "within the hour" below is the hour of the services' clock
    agent_id = await make_agent(milo)
    ivy_token = await _invite(milo, agent_id, "Ivy Invited", "ivy@example.com")

    known = await _register(milo, name="Mallory", email="IVY@example.com")
    unknown = await _register(milo, name="Mallory", email="ivo@example.com")

    status, html, headers = known
    assert status == 200 and "We've sent your personal link to I…@example.com" in html
    assert ivy_token not in html and "Ivy" not in html and "Set-Cookie" not in headers
    # An unknown address gets the very same answer: status, headers and body (the masks are alike).
    assert unknown[0] == status and unknown[2] == headers
    assert unknown[1] == html.replace("I…@example.com", "i…@example.com")

    # The owner of each address receives their link; Ivy's is her own, with her name on file.
    to_ivy = await smtp.wait_for_message(lambda m: "ivy@example.com" in m["To"].lower())
    to_ivo = await smtp.wait_for_message(lambda m: m["To"] == "ivo@example.com")
    assert f"/i/{ivy_token}" in to_ivy.get_body(("plain",)).get_content()
    assert "Hi Ivy Invited" in to_ivy.get_body(("plain",)).get_content()
    async with milo.container.db.unit_of_work() as s:
        ivo = await s.scalar(select(Candidate).where(Candidate.email_normalized == "ivo@example.com"))
        ivy = await s.scalar(select(Candidate).where(Candidate.token == ivy_token))
    assert ivo.source == "link" and f"/i/{ivo.token}" in to_ivo.get_body(("plain",)).get_content()
    # Ivy's interview was not begun by the visitor; she is not locked out of anything.
    assert ivy.status == "invited" and await count(milo, Interview) == 0

    # Asking again within the hour doesn't send Ivy a second e-mail (the form can't flood an inbox).
    again = await _register(milo, name="Mallory", email="ivy@example.com")
    assert again[0] == 200
    await milo.wait_until(lambda: _outbox_settled(milo), timeout=10)
    assert len([m for m in smtp.messages if "ivy@example.com" in m["To"].lower()]) == 1

    # Ivy opens her link: her own interview, consent first, then her questions.
    async with Browser(milo) as her:
        await her.open(f"/i/{ivy_token}")
        assert "Hello Ivy Invited" in her.html
        await her.submit()
        assert progress_of(her.html) == "Question 1 of 3"


async def test_a_name_typed_on_the_shared_link_never_reaches_someone_elses_inbox(milo, slack, smtp):
    """Whoever fills in the shared link's form chooses the address the e-mail goes to and, before this,
    the words it opened with: "Hi Your account is locked, sign in at evil.example" from the hiring
    team's sender to any inbox. A typed name is the visitor's claim, not the address owner's; the
    e-mail greets without it (a candidate the team added keeps their name on file)."""
    await make_agent(milo)
    lure = "Your payroll account is locked - sign in at https://evil.example/login"
    status, html, _ = await _register(milo, name=lure, email="victim@example.com")
    assert status == 200 and "victim" not in html
    mail = await smtp.wait_for_message(lambda m: m["To"] == "victim@example.com")
    for part in ("plain", "html"):
        body = mail.get_body((part,)).get_content()
        assert "evil.example" not in body and "payroll" not in body
        assert "Hi," in body and "/i/" in body
    assert lure not in mail["Subject"]
