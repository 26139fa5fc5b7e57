"""An event's claim (milobot.services.events) from Slack's request to the end of its listener.

Async Bolt answers Slack as soon as an event is acknowledged and runs the listener afterwards, in a task
of its own. So three places cooperate:

- `ClaimingApp.async_dispatch` opens a slot (a context variable) around Bolt's dispatch; the listener's
  task inherits it;
- the `claim_events` middleware (after Bolt checked the signature) claims the event id into that slot,
  or answers a redelivery itself;
- `guarded` (handlers/errors.py), around every listener, completes the claim when the listener
  finished and releases it when it failed.

Then `ClaimingApp` waits, within Slack's 3 seconds, for the listener's outcome: a failure is answered
with HTTP 500, so Slack retries (X-Slack-Retry-Num) and the retry, finding the claim released, does the
work. A listener still running after WAIT_FOR_LISTENER is left to finish on its own with a 200."""

from __future__ import annotations

import asyncio
import logging
from contextvars import ContextVar
from dataclasses import dataclass

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from milobot.db.engine import Database
from milobot.services.events import Claim, ClaimState, claim_event, complete_event, release_event

log = logging.getLogger(__name__)

WAIT_FOR_LISTENER = 2.5  # seconds; Slack gives up on an answer after 3
LAST_RETRY = 3  # Slack retries an event three times; after a failure of the third nobody will


class InFlight:
    """One claimed event whose listener is running."""

    def __init__(self, db: Database, claim: Claim, retry_num: int):
        self.db = db
        self.claim = claim
        self.retry_num = retry_num
        self.outcome: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.answering = True  # Slack's request is still open, waiting for our answer
        self.retry_promised = False

    async def succeeded(self) -> None:
        if self.outcome.done():
            return
        # Completed before Slack hears 200, so an immediate redelivery already finds it done.
        await complete_event(self.db, self.claim)
        if not self.outcome.done():
            self.outcome.set_result(True)

    async def failed(self) -> bool:
        """Release the claim; True when Slack will retry (so the person needn't be told yet)."""
        if self.outcome.done():
            return False
        # Decided here, with no await in between, so the answer to Slack agrees with what we say.
        self.retry_promised = self.answering and self.retry_num < LAST_RETRY
        await release_event(self.db, self.claim)
        if not self.outcome.done():
            self.outcome.set_result(False)
        return self.retry_promised

    async def settle(self, response: BoltResponse | None) -> BoltResponse | None:
        if response is None or response.status == 404:
            # No listener wanted this event: there is nothing to redo.
            await self.succeeded()
            return response
        if response.status >= 500 and not self.outcome.done():
            await self.failed()  # Bolt itself failed before any listener ran: let the retry do it
            return response
        try:
            ok = await asyncio.wait_for(asyncio.shield(self.outcome), WAIT_FOR_LISTENER)
        except TimeoutError:
            ok = not self.retry_promised
        self.answering = False
        if not ok and self.retry_promised:
            return BoltResponse(status=500, body="")
        return response


@dataclass
class _Slot:
    flight: InFlight | None = None


_SLOT: ContextVar[_Slot | None] = ContextVar("milobot_event_slot", default=None)


def current() -> InFlight | None:
    slot = _SLOT.get()
    return slot.flight if slot is not None else None


def _retry_num(req: AsyncBoltRequest) -> int:
    values = (req.headers or {}).get("x-slack-retry-num") or ["0"]
    try:
        return max(0, int(values[0]))
    except (TypeError, ValueError):
        return 0


class ClaimingApp(AsyncApp):
    """Bolt's AsyncApp, answering an event only once its listener's outcome is known (or 2.5 s passed)."""

    async def async_dispatch(self, req: AsyncBoltRequest) -> BoltResponse:
        slot = _Slot()
        token = _SLOT.set(slot)
        try:
            response = await super().async_dispatch(req)
        finally:
            _SLOT.reset(token)
        if slot.flight is None:
            return response
        return await slot.flight.settle(response)


def register(app: AsyncApp, db: Database, *, skip: set[str] | frozenset[str] = frozenset()) -> None:
    """`skip`: event types whose listener claims the event id itself, in its own transaction."""

    @app.middleware
    async def claim_events(req, body, next):  # noqa: A002 (Bolt names it `next`)
        # Only event_callbacks carry event_id. Runs after Bolt's signature check, so an unsigned
        # request never claims anything.
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id or (body.get("event") or {}).get("type") in skip:
            return await next()
        slot = _SLOT.get()
        claim = await claim_event(db, event_id=event_id, team_id=body.get("team_id"))
        if claim.state is ClaimState.DONE:
            log.info("dropping redelivered event %s", event_id)
            return BoltResponse(status=200, body="")
        if claim.state is ClaimState.BUSY:
            # Another delivery is on it right now; if it dies, Slack's next retry takes over.
            log.info("event %s is being handled elsewhere; asking Slack to retry later", event_id)
            return BoltResponse(status=503, body="")
        if slot is None:
            # Dispatched by a plain AsyncApp (not ClaimingApp): nobody waits for the listener, so the
            # claim counts as done at once, as redeliveries were dropped before claims could complete.
            await complete_event(db, claim)
            return await next()
        slot.flight = InFlight(db, claim, _retry_num(req))
        return await next()
