"""Observations sent ahead of the answer (interview.js's beacon to /i/<token>/signals): who may send
them, for which question, and how many a question keeps."""

from __future__ import annotations

import json

from sqlalchemy import select

from milobot.db.models import IntegritySignal
from milobot.interview.pages import form_token
from tests.interview_web.helpers import GOOD_ANSWERS, Browser, forms_of, make_agent, progress_of


async def _signals(milo) -> list[tuple[str, int]]:
    async with milo.container.db.unit_of_work() as s:
        rows = (await s.scalars(select(IntegritySignal).order_by(IntegritySignal.id))).all()
    return [(x.kind, x.question_index) for x in rows]


async def _beacon(browser: Browser, form: dict, *, question_index=None, signals=None, **override) -> int:
    action = override.pop("action", None) or form["action"].replace("/answer", "/signals")
    data = {
        "csrf": form["csrf"],
        "question_index": str(form["question_index"] if question_index is None else question_index),
        "signals": json.dumps(
            signals if signals is not None else [{"kind": "tab_hidden", "detail": {"seconds": 4}}]
        ),
        **override,
    }
    async with browser.http.post(browser.milo.base_url + action, data=data) as resp:
        return resp.status


async def _on_first_question(browser: Browser) -> dict:
    await browser.open("/i/share-tok-0001")
    await browser.submit(name="Beacon Candidate", email="beacon@example.com", consent="yes")
    assert progress_of(browser.html) == "Question 1 of 3"
    form = forms_of(browser.html)[0]
    return {**form.fields, "action": form.action}


async def test_signals_sent_ahead_are_kept_for_the_current_or_an_answered_question(milo):
    await make_agent(milo)
    async with Browser(milo) as browser:
        form = await _on_first_question(browser)
        assert await _beacon(browser, form) == 204
        assert await _beacon(browser, form, question_index=2) == 204  # not reached yet: dropped
        await browser.submit(answer=GOOD_ANSWERS[0])
        assert progress_of(browser.html) == "Question 2 of 3"
        # A beacon of question 1 that lands after its answer still counts.
        assert await _beacon(browser, form, signals=[{"kind": "paste", "detail": {"chars": 12}}]) == 204
    assert await _signals(milo) == [("tab_hidden", 0), ("paste", 0)]


async def test_a_forged_or_unknown_beacon_is_refused_and_nothing_is_stored(milo):
    await make_agent(milo)
    async with Browser(milo) as browser:
        form = await _on_first_question(browser)
        assert await _beacon(browser, form, csrf="forged") == 403
        assert await _beacon(browser, form, question_index="first") == 400
        # A token that exists nowhere, with the form token that would go with it: not found.
        stranger = {**form, "csrf": form_token(milo.container.settings.secret_key, "no-such-token")}
        assert await _beacon(browser, stranger, action="/i/no-such-token/signals") == 404
        junk = [{"kind": "<script>", "detail": {}}, {"kind": "paste", "detail": {"chars": "many"}}, "x"]
        assert await _beacon(browser, form, signals=junk) == 204
    assert await _signals(milo) == [("paste", 0)]  # the unknown kind and the non-object dropped, "many" too


async def test_a_question_keeps_at_most_fifty_signals_however_they_arrive(milo):
    await make_agent(milo)
    burst = [{"kind": "paste", "detail": {"chars": 1}}] * 30
    async with Browser(milo) as browser:
        form = await _on_first_question(browser)
        for _ in range(3):
            assert await _beacon(browser, form, signals=burst) == 204
        await browser.submit(answer=GOOD_ANSWERS[0], signals=json.dumps(burst))
        assert progress_of(browser.html) == "Question 2 of 3"
    assert len(await _signals(milo)) == 50
