"""Issue 8, items 7 and 9: the public interview pages under a script's load, and on a lobby tablet.

Token buckets per client and per link on start, answer and signals (429 beyond them); opening the
shared link writes nothing to the database; an optional daily cap per agent tells the admins; a
browser that remembers the previous visitor asks before resuming their interview; the consent notice
names where answers go to be scored."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event, select

from milobot.config import Bucket, PageLimits
from milobot.db.models import Candidate, LinkVisit
from tests.conftest import ADMIN
from tests.interview_web.helpers import (
    GOOD_ANSWERS,
    Browser,
    count,
    forms_of,
    make_agent,
    progress_of,
    stop_the_clock,
)

SHARE = "/i/share-tok-0001"
NEVER = 1e-9  # a refill so slow that a test never sees a token come back

TIGHT = replace(
    PageLimits(),
    start_per_client=Bucket(3, NEVER),
    start_per_link=Bucket(5, NEVER),
    answer_per_link=Bucket(2, NEVER),
    signals_per_client=Bucket(4, NEVER),
)


@pytest.fixture
def settings_overrides(request) -> dict:
    return getattr(request, "param", {})


async def _start_as(milo, address: str, n: int) -> int:
    """One registration on the shared link from `address` (as the proxy in front reports it)."""
    async with Browser(milo) as browser:
        await browser.open(SHARE)
        form = forms_of(browser.html)[0]
        data = {**form.fields, "name": f"Person {n}", "email": f"p{n}@example.com", "consent": "yes"}
        async with browser.http.post(
            milo.base_url + form.action,
            data=data,
            headers={"X-Forwarded-For": f"203.0.113.9, {address}"},
            allow_redirects=False,
        ) as resp:
            return resp.status


@pytest.mark.parametrize("settings_overrides", [{"page_limits": TIGHT, "proxy_hops": 1}], indirect=True)
async def test_start_is_limited_per_client_and_per_link(milo, slack):
    await make_agent(milo)
    statuses = [await _start_as(milo, "198.51.100.1", n) for n in range(4)]
    assert statuses == [303, 303, 303, 429]  # this client's bucket holds three
    # Other clients may still start, until the link's own bucket (five) is spent.
    statuses = [await _start_as(milo, f"198.51.100.{n}", n) for n in range(2, 5)]
    assert statuses == [303, 303, 429]
    assert await count(milo, Candidate) == 5


@pytest.mark.parametrize("settings_overrides", [{"page_limits": TIGHT}], indirect=True)
async def test_answers_and_signals_are_limited(milo, slack):
    await make_agent(milo)
    async with Browser(milo) as browser:
        await browser.open(SHARE)
        await browser.submit(name="Ada", email="ada@example.com", consent="yes")
        form = forms_of(browser.html)[0]
        beacon = {"csrf": form.fields["csrf"], "question_index": "0", "signals": "[]"}
        signals_url = f"{milo.base_url}{browser.url}/signals"
        statuses = []
        for _ in range(5):
            async with browser.http.post(signals_url, data=beacon) as resp:
                statuses.append(resp.status)
        assert statuses == [204, 204, 204, 204, 429]
        assert resp.headers["Retry-After"].isdigit()

        await browser.submit(answer=GOOD_ANSWERS[0])
        await browser.submit(answer=GOOD_ANSWERS[1])
        assert progress_of(browser.html) == "Question 3 of 3"
        await browser.submit(answer=GOOD_ANSWERS[2])  # a third answer on this link: over its bucket
        assert browser.status == 429 and "Please slow down" in browser.html


async def test_opening_the_shared_link_writes_nothing_and_visits_are_counted_in_batches(milo, slack):
    await make_agent(milo)
    writes: list[str] = []

    def note(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            writes.append(statement)

    engine = milo.container.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        for _ in range(50):
            resp = await milo.get(f"{SHARE}?src=lobby-poster")
            assert resp.status == 200
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert writes == []
    assert await count(milo, LinkVisit) == 0

    # The batch: one script at one address is counted up to its bucket (20), not 50 times.
    assert await milo.container.link_visits.flush() == 20
    async with milo.container.db.unit_of_work() as s:
        tags = set((await s.scalars(select(LinkVisit.source_tag))).all())
    assert tags == {"lobby-poster"} and await count(milo, LinkVisit) == 20


@pytest.mark.parametrize("settings_overrides", [{"link_daily_cap": 2}], indirect=True)
async def test_a_daily_cap_per_agent_refuses_new_candidates_and_tells_the_admins_once(milo, slack):
    stop_the_clock(milo)  # "today" below is the day of the services' clock
    await make_agent(milo, name="Night Shift Nurse")
    await milo.command("team", user=ADMIN)  # the seeded admin is on the team
    await milo.replies()
    assert [await _start_as(milo, "-", n) for n in range(2)] == [303, 303]
    async with Browser(milo) as browser:
        await browser.open(SHARE)
        await browser.submit(name="Third", email="third@example.com", consent="yes")
        assert (
            browser.status == 429
            and "isn&#39;t taking more candidates through this link today" in browser.html
        )
    notice = await slack.wait_for("chat.postMessage", lambda c: "cap of 2" in c.args.get("text", ""))
    assert "Night Shift Nurse" in notice.args["text"]
    assert await _start_as(milo, "-", 9) == 429
    async with milo.container.db.unit_of_work() as s:
        from milobot.db.models import OutboxMessage

        notices = (
            await s.scalars(select(OutboxMessage).where(OutboxMessage.dedupe_key.like("link-cap:%")))
        ).all()
    assert len(notices) == 1 and await count(milo, Candidate) == 2


async def test_a_lobby_tablet_asks_before_resuming_the_previous_visitors_interview(milo, slack):
    await make_agent(milo)
    async with Browser(milo) as tablet:
        await tablet.open(SHARE)
        await tablet.submit(name="Jane Doe", email="jane@example.com", consent="yes")
        personal = tablet.url
        await tablet.submit(answer=GOOD_ANSWERS[0])
        assert progress_of(tablet.html) == "Question 2 of 3"

        # The next visitor at the tablet opens the poster's link: a question, not Jane's interview.
        await tablet.open(SHARE)
        assert tablet.url == SHARE and progress_of(tablet.html) is None
        assert "Continue as J… D…?" in tablet.html and "Not you? Start fresh" in tablet.html
        assert "Jane" not in tablet.html and "jane@example.com" not in tablet.html

        # "Not you? Start fresh": the tablet forgets Jane, and the start form is back.
        await tablet.submit()
        assert tablet.url == SHARE and "Your name" in tablet.html
        await tablet.open(SHARE)
        assert "Continue as" not in tablet.html

    # Jane herself, on her own browser that remembers her, continues where she was.
    async with Browser(milo) as janes:
        await janes.open(SHARE)
        await janes.submit(name="Jane Doe", email="jane2@example.com", consent="yes")
        mine = janes.url
        await janes.open(SHARE)
        assert "Continue as J… D…?" in janes.html
        await janes.open(mine)
        assert progress_of(janes.html) == "Question 1 of 3"
    assert personal != mine


@pytest.mark.parametrize(
    "settings_overrides",
    [{"llm_base_url": "https://llm.example-ai.test/v1", "llm_model": "scorer-1"}],
    indirect=True,
)
async def test_the_consent_notice_names_the_scoring_endpoint(milo, slack):
    await make_agent(milo)
    html = (await (await milo.http.get(milo.base_url + SHARE)).text()).replace("\n", " ")
    assert 'your answers are sent to <strong id="scoring-host">llm.example-ai.test</strong>' in html


async def test_deeply_nested_signals_get_422_not_500(milo, slack):
    await make_agent(milo)
    async with Browser(milo) as browser:
        await browser.open(SHARE)
        await browser.submit(name="Ada", email="ada@example.com", consent="yes")
        csrf = forms_of(browser.html)[0].fields["csrf"]
        for signals in (
            "[" * 2000 + "]" * 2000,
            '[{"kind": "paste", "detail": ' + "[" * 40 + "]" * 40 + "}]",
        ):
            async with browser.http.post(
                f"{milo.base_url}{browser.url}/signals",
                data={"csrf": csrf, "question_index": "0", "signals": signals},
            ) as resp:
                assert resp.status == 422, signals[:20]
