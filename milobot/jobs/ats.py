"""The outbox deliverer of ATS write-backs. Steps, each recorded when it finishes: find the candidate in
the ATS by e-mail or create them on the agent's job (their ids are stored), add the note, then attach
the PDF report (interview results only; drawn in the report worker processes, off the event loop). A
note or attachment whose answer was lost (a crash, a 500 after the vendor saved it) is looked up, by
the note's marker or the file's unique name, before it is written again, so a retry never leaves two;
a retry after the note succeeded adds only the missing attachment.

401/403: the connection is marked broken and admins are told · 429: again when the vendor says · 5xx and
network errors: again on the retry schedule · other 4xx: final. The outcome joins the agent's notice."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from milobot.ats.client import AtsAuthError, AtsClient, AtsError, AtsRateLimited, AtsRef, AtsTransient
from milobot.ats.clients import AtsClients
from milobot.ats.greenhouse import parse_stage_change
from milobot.jobs.outbox import Delivery, PermanentFailure, RetryAfter
from milobot.jobs.webhooks import DEFAULT_SCHEDULE, MAX_RETRY_AFTER
from milobot.render.pool import RenderPool
from milobot.services.ats_inbound import INBOUND, AtsInboundService
from milobot.services.ats_sync import WRITEBACK, AtsSyncService, SyncJob

log = logging.getLogger(__name__)


def install(worker, container, *, clients: AtsClients, schedule: Sequence[float] = DEFAULT_SCHEDULE) -> None:
    service = AtsSyncService(container.deps, report_ttl_seconds=container.settings.report_link_ttl_seconds)
    schedule = tuple(schedule)
    own_pool: list[RenderPool] = []

    def pool() -> RenderPool:
        """The report pool slack/reports.py started (shared with Download PDF), or one of our own when
        that feature isn't installed."""
        if container.report_pool is not None:
            return container.report_pool
        if not own_pool:
            settings = container.settings
            own_pool.append(
                RenderPool(processes=settings.report_processes, cjk_font=settings.report_cjk_font)
            )
            container.stop_hooks.append(own_pool[0].close)
        return own_pool[0]

    async def attach(client: AtsClient, job: SyncJob, ref: AtsRef) -> None:
        attachment_id = await client.find_attachment(ref, job.pdf_name) if job.attachment_started else None
        if attachment_id is None:
            data = await service.report_data(job=job)
            if data is None:  # erased since the interview: nothing to attach
                return
            try:
                pdf = await pool().report_pdf(data)
            except Exception as exc:  # a worker that died or timed out: worth another try, like a 5xx
                log.warning("ATS sync %s: the PDF report failed to render: %r", job.sync_id, exc)
                raise AtsTransient(f"The PDF report could not be drawn ({type(exc).__name__})") from None
            await service.attachment_started(sync_id=job.sync_id)
            attachment_id = await client.add_attachment(ref, filename=job.pdf_name, content=pdf)
        await service.attachment_done(sync_id=job.sync_id, attachment_id=attachment_id)

    async def writeback(item: Delivery) -> dict:
        sync_id = int(item.payload["sync_id"])
        job = await service.load(sync_id=sync_id)
        if job is None:
            return {"skipped": True}
        if job.broken:
            await service.finish(
                sync_id=sync_id, error="The ATS connection needs a new API key (run `/milo ats`)."
            )
            raise PermanentFailure("connection broken")
        client = clients.client(job.kind, api_key=job.api_key, acting_user=job.acting_user)
        try:
            ref = job.ref
            if ref is None:
                ref = await client.ensure_candidate(
                    name=job.candidate_name, email=job.candidate_email, job_id=job.job_id
                )
                ref = await service.save_ref(job=job, ref=ref)
            if job.note_id is None:
                note_id = await client.find_note(ref, job.marker) if job.note_started else None
                if note_id is None:
                    await service.note_started(sync_id=sync_id)
                    note_id = await client.add_note(ref, job.note)
                await service.note_done(sync_id=sync_id, note_id=note_id)
            if job.attach and job.attachment_id is None:
                await attach(client, job, ref)
        except AtsAuthError as exc:
            await service.finish(sync_id=sync_id, error=exc.message, status=exc.status, broken=True)
            raise PermanentFailure(exc.message) from None
        except (AtsRateLimited, AtsTransient) as exc:
            if item.attempts >= len(schedule):
                await service.finish(sync_id=sync_id, error=exc.message, status=exc.status)
                raise PermanentFailure(exc.message) from None
            await service.attempt_failed(sync_id=sync_id, error=exc.message, status=exc.status)
            wait = (
                exc.retry_after if isinstance(exc, AtsRateLimited) and exc.retry_after is not None else None
            )
            raise RetryAfter(
                min(MAX_RETRY_AFTER, wait) if wait is not None else schedule[item.attempts], exc.message
            ) from None
        except AtsError as exc:
            await service.finish(sync_id=sync_id, error=exc.message, status=exc.status)
            raise PermanentFailure(exc.message) from None
        await service.finish(sync_id=sync_id)
        return {"synced": ref.candidate_id}

    worker.register(WRITEBACK, writeback)

    inbound = AtsInboundService(container.deps)

    async def receive(item: Delivery) -> dict:
        """A verified stage change from the ATS. Kept in order per workspace (the default), so two calls
        about the same person never race each other into two candidates."""
        job = await inbound.job(event_id=int(item.payload["event_id"]))
        if job is None:
            return {"skipped": True}
        if job.kind == "greenhouse":
            person = parse_stage_change(job.event)
        else:
            data = job.event.get("data") or {}
            client = clients.client(job.kind, api_key=job.api_key, acting_user=job.acting_user)
            try:
                person = await client.person(str(data.get("opportunityId") or ""), data.get("toStageId"))
            except (AtsRateLimited, AtsTransient) as exc:
                if item.attempts >= len(schedule):
                    await inbound.done(event_id=job.event_id, outcome=exc.message)
                    raise PermanentFailure(exc.message) from None
                wait = exc.retry_after if isinstance(exc, AtsRateLimited) else None
                raise RetryAfter(wait if wait is not None else schedule[item.attempts], exc.message) from None
            except AtsError as exc:
                await inbound.done(event_id=job.event_id, outcome=exc.message)
                raise PermanentFailure(exc.message) from None
        if person is None:
            await inbound.done(event_id=job.event_id, outcome="not a candidate stage change")
            return {"skipped": "not a stage change"}
        return {"outcome": await inbound.add_person(event_id=job.event_id, person=person)}

    worker.register(INBOUND, receive)
