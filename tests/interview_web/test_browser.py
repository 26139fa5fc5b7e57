"""The interview page in a real headless Chromium: the script's integrity observations (a paste, leaving
the tab) and timings reach the database, with the answers or ahead of them."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from milobot.db.models import Answer, IntegritySignal
from tests.interview_web.helpers import CARD_CHANNEL, GOOD_ANSWERS, make_agent, posted_card

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")

PASTE = """(text) => {
  const area = document.querySelector('textarea');
  const data = new DataTransfer();
  data.setData('text/plain', text);
  area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
  area.value += text;
}"""
# Seventy seconds pass before the candidate types (the clock jumps rather than the test waiting).
SILENCE = "() => { const real = Date.now.bind(Date); Date.now = () => real() + 70000; }"
HIDE_TAB = """() => {
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});
  document.dispatchEvent(new Event('visibilitychange'));
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'visible'});
  document.dispatchEvent(new Event('visibilitychange'));
}"""


async def start_interview(browser, milo, name: str, email: str):
    """A new page on the agent's shared link, registered and at the first question."""
    page = await browser.new_page()
    await page.goto(f"{milo.base_url}/i/share-tok-0001")
    await page.fill("#name", name)
    await page.fill("#email", email)
    await page.check("input[name=consent]")
    await page.click("button[type=submit]")
    await page.wait_for_selector("#answer")
    return page


async def test_one_full_interview_in_headless_chromium_records_a_paste(milo, slack):
    from playwright.async_api import async_playwright

    await make_agent(milo)
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = await browser.new_page()
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            await page.goto(f"{milo.base_url}/i/share-tok-0001?src=qr")
            assert "evaluated by AI" in await page.inner_text("#consent-notice")
            await page.fill("#name", "Chrome Candidate")
            await page.fill("#email", "chrome@example.com")
            await page.check("input[name=consent]")
            await page.click("button[type=submit]")

            for i, answer in enumerate(GOOD_ANSWERS):
                await page.wait_for_selector("#answer")
                assert await page.inner_text("#progress") == f"Question {i + 1} of 3"
                if i == 1:  # the second answer is pasted in, after a trip to another tab
                    await page.evaluate(HIDE_TAB)
                    await page.focus("#answer")
                    await page.evaluate(PASTE, answer)
                else:
                    if i == 2:
                        await page.evaluate(SILENCE)
                    await page.type("#answer", answer[:40], delay=1)
                    await page.fill("#answer", answer)
                await page.click("button[type=submit]")
            await page.wait_for_selector("#done")
            assert "hiring team will review your answers" in await page.inner_text("#done")
        finally:
            await browser.close()
    assert not errors, errors  # the strict CSP blocked nothing the page needs

    async with milo.container.db.unit_of_work() as s:
        signals = (await s.scalars(select(IntegritySignal).order_by(IntegritySignal.id))).all()
        answers = (await s.scalars(select(Answer).order_by(Answer.question_index))).all()
    # The trip to another tab is sent ahead (a beacon), the rest with the answers: the beacon may land
    # before or after its answer, so compare without order.
    by_kind = {x.kind: x for x in signals}
    assert sorted((x.kind, x.question_index) for x in signals) == [
        ("long_silence", 2),
        ("paste", 1),
        ("tab_hidden", 1),
    ]
    assert by_kind["long_silence"].detail["seconds"] >= 70
    assert by_kind["paste"].detail == {"chars": len(GOOD_ANSWERS[1])}
    assert answers[1].answer_text == GOOD_ANSWERS[1]
    assert all(a.duration_ms is not None and a.duration_ms > 0 for a in answers)

    # The card words them as observations.
    await posted_card(milo)
    card = str(slack.last("chat.postMessage").args["blocks"])
    assert slack.last("chat.postMessage").args["channel"] == CARD_CHANNEL
    assert "Pasted text once in question 2" in card and "Left the tab once" in card
    assert "Paused for over a minute once (question 3)" in card


async def test_reloading_the_page_does_not_wipe_what_was_observed(milo, slack):
    """A trip to another tab and a paste, then a reload before answering: both were sent ahead."""
    from playwright.async_api import async_playwright

    await make_agent(milo)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = await start_interview(browser, milo, "Reload Candidate", "reload@example.com")
            await page.evaluate(HIDE_TAB)
            await page.focus("#answer")
            await page.evaluate(PASTE, "a drafted answer")
            await page.reload()  # pagehide sends the paste that had not gone yet
            await page.wait_for_selector("#answer")
            assert await page.inner_text("#progress") == "Question 1 of 3"

            async def observed():
                async with milo.container.db.unit_of_work() as s:
                    rows = (await s.scalars(select(IntegritySignal))).all()
                return sorted((x.kind, x.question_index) for x in rows) if len(rows) >= 2 else None

            assert await milo.wait_until(observed, timeout=10) == [("paste", 0), ("tab_hidden", 0)]
            await page.fill("#answer", GOOD_ANSWERS[0])
            await page.click("button[type=submit]")
            await page.wait_for_selector("#progress")
            assert await page.inner_text("#progress") == "Question 2 of 3"
        finally:
            await browser.close()
    async with milo.container.db.unit_of_work() as s:
        rows = (await s.scalars(select(IntegritySignal))).all()
    assert sorted((x.kind, x.question_index) for x in rows) == [("paste", 0), ("tab_hidden", 0)]  # not twice


async def test_a_reload_keeps_the_half_written_answer_and_the_next_question_starts_empty(milo, slack):
    """F5 (or a phone's pull-down) in the middle of a long answer: the question comes back with what was
    typed, in that tab; once the answer is sent, the next question's box is empty."""
    from playwright.async_api import async_playwright

    await make_agent(milo)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = await start_interview(browser, milo, "Draft Candidate", "draft@example.com")
            await page.type("#answer", "I owned a checkout outage")
            await page.reload()
            await page.wait_for_selector("#answer")
            assert await page.input_value("#answer") == "I owned a checkout outage"
            await page.fill("#answer", GOOD_ANSWERS[0])
            await page.click("button[type=submit]")
            await page.wait_for_selector("#progress")
            assert await page.inner_text("#progress") == "Question 2 of 3"
            assert await page.input_value("#answer") == ""
            await page.reload()
            await page.wait_for_selector("#answer")
            assert await page.input_value("#answer") == ""
        finally:
            await browser.close()
    async with milo.container.db.unit_of_work() as s:
        answers = (await s.scalars(select(Answer))).all()
    assert [a.answer_text for a in answers] == [GOOD_ANSWERS[0]]
