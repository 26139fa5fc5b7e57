"""Building and sending a Package ZIP, in the background: a large package takes longer than an outbox
delivery may hold the outbox (it delivers a workspace's rows in order), so the outbox row only hands the
package id to this worker and the ReportPackage row is the durable job.

- The row is claimed with a lease renewed every HEARTBEAT; a replica that dies leaves a lease that runs
  out, and any replica's sweep picks the row up again. A retry reuses the progress message it posted.
- The ZIP is written to a temporary file in a thread, recordings a megabyte at a time, and uploaded by
  Slack's external-upload steps with the file streamed from disk: slack_sdk's files_upload_v2 reads the
  whole file into memory first, which for a 1 GB package is 1 GB of RSS.
- A DM message shows progress (at most one edit every PROGRESS_EVERY seconds) and then the result."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import aiohttp
from slack_sdk.errors import SlackApiError

from milobot.blocks import report as report_blocks
from milobot.errors import NotFound
from milobot.render.report_zip import Entry, build_zip, contents_text, transcript_json, transcript_text
from milobot.services.report_files import file_size, on_disk
from milobot.services.report_packages import (
    AUDIO,
    MAX_ATTEMPTS,
    REPORT,
    RESUME,
    TRANSCRIPT_JSON,
    TRANSCRIPT_TXT,
    VIDEO,
    PackagePlan,
    size_words,
    slug,
)

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=120)
HEARTBEAT = 30.0
SWEEP_EVERY = 60.0
PROGRESS_EVERY = 2.0
PACKAGES_AT_ONCE = 2  # disk and upload bandwidth, not CPU, bound these
UPLOAD_TIMEOUT = aiohttp.ClientTimeout(total=3600, sock_connect=30, sock_read=300)


class PackageProblem(Exception):
    """Said to the requester as it is; retrying won't help."""


class PackageRunner:
    def __init__(self, container, clients, pool):
        self.container = container
        self.clients = clients
        self.pool = pool
        self.service = container.packages
        self.reports = container.reports
        self.max_bytes = container.settings.package_max_bytes
        self.tmp_dir = Path(container.settings.data_dir) / "tmp"
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self._tasks: dict[int, asyncio.Task] = {}
        self._slots: asyncio.Semaphore | None = None
        self._sweeper: asyncio.Task | None = None

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        self._slots = asyncio.Semaphore(PACKAGES_AT_ONCE)
        await asyncio.to_thread(self._clear_leftovers)
        self._sweeper = asyncio.get_running_loop().create_task(self._sweep(), name="package-sweep")

    async def stop(self) -> None:
        tasks = [t for t in [self._sweeper, *self._tasks.values()] if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._sweeper = None

    def _clear_leftovers(self) -> None:
        """Half-built ZIPs of a process that was killed: old enough that no live build owns them."""
        cutoff = time.time() - 3600
        for path in self.tmp_dir.glob("package-*.zip") if self.tmp_dir.is_dir() else ():
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

    def submit(self, package_id: int) -> None:
        if package_id in self._tasks or self._slots is None:
            return
        task = asyncio.get_running_loop().create_task(self._run(package_id), name=f"package-{package_id}")
        self._tasks[package_id] = task
        task.add_done_callback(lambda _t: self._tasks.pop(package_id, None))

    async def wait_idle(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def _sweep(self) -> None:
        """Resume rows left queued or orphaned (a restart, or another replica that died)."""
        while True:
            try:
                for package_id in await self.service.unfinished():
                    self.submit(package_id)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("package sweep failed")
            await asyncio.sleep(SWEEP_EVERY)

    async def _heartbeat(self, package_id: int) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT)
            await self.service.extend(package_id=package_id, worker=self.worker_id, lease=LEASE)

    # ---------------------------------------------------------------- one package

    async def _run(self, package_id: int) -> None:
        async with self._slots:
            plan = await self.service.claim(package_id=package_id, worker=self.worker_id, lease=LEASE)
            if plan is None:
                return
            heartbeat = asyncio.get_running_loop().create_task(self._heartbeat(package_id))
            client = None
            try:
                client = await self.clients.for_team(plan.team_id)
                plan = await self._progress(client, plan, done=0, total=1, stage="Building")
                outcome, inside = await self._build_and_send(client, plan)
                kept = await self.service.finish(
                    package_id=package_id, worker=self.worker_id, status="done", detail=outcome, inside=inside
                )
                if not kept:  # someone inside was erased meanwhile: the upload is being deleted
                    text, blocks = report_blocks.package_failed(
                        title=plan.title,
                        reason="someone in it was erased while it was built, so it was deleted.",
                    )
                    await self._edit(client, plan, text, blocks)
            except asyncio.CancelledError:
                raise  # shutting down: the lease runs out and the row is picked up again
            except Exception as exc:
                final = isinstance(exc, PackageProblem) or plan.attempts >= MAX_ATTEMPTS
                if not isinstance(exc, PackageProblem):
                    log.exception("package %s failed (attempt %s)", package_id, plan.attempts)
                reason = str(exc) if isinstance(exc, PackageProblem) else "something went wrong on our side"
                status = "failed" if final else "queued"
                await self.service.finish(
                    package_id=package_id,
                    worker=self.worker_id,
                    status=status,
                    detail={"error": str(exc)[:500]},
                )
                if final and client is not None and plan.message_ts:
                    text, blocks = report_blocks.package_failed(title=plan.title, reason=reason)
                    with contextlib.suppress(Exception):
                        await client.chat_update(
                            channel=plan.dm_channel, ts=plan.message_ts, text=text, blocks=blocks
                        )
                elif not final:
                    asyncio.get_running_loop().call_later(5.0 * plan.attempts, self.submit, package_id)
            finally:
                heartbeat.cancel()

    async def _edit(self, client, plan: PackagePlan, text: str, blocks: list[dict]) -> None:
        """Best effort: a progress message someone deleted (or a Slack hiccup) must not cost the package."""
        try:
            await client.chat_update(channel=plan.dm_channel, ts=plan.message_ts, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.warning(
                "package %s: progress message not updated: %s", plan.package_id, exc.response.get("error")
            )

    async def _progress(self, client, plan: PackagePlan, *, done: int, total: int, stage: str) -> PackagePlan:
        text, blocks = report_blocks.progress_message(title=plan.title, done=done, total=total, stage=stage)
        if plan.message_ts:
            await self._edit(client, plan, text, blocks)
            return plan
        opened = await client.conversations_open(users=plan.requested_by)
        channel = opened["channel"]["id"]
        posted = await client.chat_postMessage(channel=channel, text=text, blocks=blocks)
        await self.service.remember_message(package_id=plan.package_id, channel=channel, ts=posted["ts"])
        return replace(plan, dm_channel=channel, message_ts=posted["ts"])

    async def _entries(self, plan: PackagePlan) -> tuple[list[Entry], list[str], list[int]]:
        """The ZIP's entries, what was left out, and the candidates with something inside."""
        entries: list[Entry] = []
        inside: list[int] = []
        sections, left_out = [], []
        for c in plan.candidates:
            prefix = f"{c.folder}/" if c.folder else ""
            names, notes = [], []
            data = None
            if {REPORT, TRANSCRIPT_TXT, TRANSCRIPT_JSON} & set(plan.items):
                try:
                    data = await self.reports.report(
                        workspace_id=plan.workspace_id,
                        candidate_id=c.candidate_id,
                        include_feedback=c.feedback,
                    )
                except NotFound:
                    # Not by name: the person was erased, and this note is posted and kept after them.
                    left_out.append("a candidate erased since the package was asked for")
                    continue
            for item in plan.items:
                if item in (REPORT, TRANSCRIPT_TXT, TRANSCRIPT_JSON):
                    if item == REPORT:
                        name, content = "report.pdf", await self.pool.report_pdf(data)
                    elif item == TRANSCRIPT_TXT:
                        name, content = "transcript.txt", transcript_text(data)
                    else:
                        name, content = "transcript.json", transcript_json(data)
                    entries.append(Entry(prefix + name, data=content))
                    names.append(name)
                    continue
                source = {RESUME: c.files.resume, VIDEO: c.files.video, AUDIO: c.files.audio}[item]
                label = {RESUME: "résumé", VIDEO: "video", AUDIO: "audio"}[item]
                if source is None:
                    continue  # this candidate has none (a shortlist package takes what each has)
                if not source.present or not on_disk(source.path):
                    notes.append(f"{label} (the file is missing from storage)")
                    left_out.append(f"{c.name}: {label} missing from storage")
                    continue
                entries.append(Entry(prefix + source.entry, path=source.path))
                names.append(source.entry)
            sections.append((f"{c.folder or 'This folder'}: {c.name}" if c.folder else c.name, names, notes))
            inside.append(c.candidate_id)  # their name is in contents.txt even when no file of theirs is
        made_at = self.container.reports.now()
        contents = contents_text(
            title=plan.title, made_by=plan.requested_by, made_at=made_at, sections=sections
        )
        return [Entry("contents.txt", data=contents), *entries], left_out, inside

    async def _build_and_send(self, client, plan: PackagePlan) -> tuple[dict, list[int]]:
        """What to record of the upload, and the candidates it holds (services/report_packages.finish
        deletes it if any of them was erased meanwhile)."""
        if not plan.candidates:
            raise PackageProblem("the candidate has been erased since the package was asked for.")
        entries, left_out, inside = await self._entries(plan)
        total = sum(len(e.data) if e.data is not None else file_size(e.path) for e in entries)
        if total > self.max_bytes:
            raise PackageProblem(
                f"it came to {size_words(total)}, over the {size_words(self.max_bytes)} Slack takes. "
                "Leave out a recording and try again."
            )
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, path = tempfile.mkstemp(prefix=f"package-{plan.package_id}-", suffix=".zip", dir=self.tmp_dir)
        os.close(fd)
        copied = [0]
        try:
            build = asyncio.ensure_future(
                asyncio.to_thread(build_zip, path, entries, lambda n: copied.__setitem__(0, copied[0] + n))
            )
            shown = 0
            while not build.done():
                await asyncio.wait([build], timeout=PROGRESS_EVERY)
                if not build.done() and copied[0] != shown:
                    shown = copied[0]
                    await self._progress(client, plan, done=shown, total=total, stage="Building")
            size = await build
            if size > self.max_bytes:
                raise PackageProblem(
                    f"it came to {size_words(size)}, over the {size_words(self.max_bytes)} Slack takes."
                )
            await self._progress(client, plan, done=size, total=size, stage="Uploading")
            filename = (
                f"{'shortlisted' if plan.shortlist else 'candidate-files'}-{slug(plan.title, 'package')}.zip"
            )
            file_id = await self._upload(client, plan, path, size, filename)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)
        # Uploaded: from here on nothing may fail the package (a retry would upload it twice).
        text, blocks = report_blocks.package_done(
            title=plan.title, files=len(entries), size=size, left_out=left_out
        )
        await self._edit(client, plan, text, blocks)
        outcome = {
            "bytes": size,
            "entries": [e.name for e in entries],
            "left_out": left_out,
            "slack_file_id": file_id,  # an erasure of anyone inside deletes the ZIP
        }
        return outcome, inside

    async def _upload(self, client, plan: PackagePlan, path: str, size: int, filename: str) -> str:
        """files.getUploadURLExternal, the bytes streamed from disk, files.completeUploadExternal."""
        ticket = await client.files_getUploadURLExternal(filename=filename, length=size)
        source = await asyncio.to_thread(open, path, "rb")
        try:
            async with aiohttp.ClientSession(timeout=UPLOAD_TIMEOUT) as http:
                async with http.post(ticket["upload_url"], data=source) as resp:
                    if resp.status != 200:
                        raise RuntimeError(f"upload answered {resp.status}: {(await resp.text())[:200]}")
        finally:
            await asyncio.to_thread(source.close)
        await client.files_completeUploadExternal(
            files=[
                {"id": ticket["file_id"], "title": f"Candidate files: {' '.join(plan.title.split())}"[:250]}
            ],
            channel_id=plan.dm_channel,
            initial_comment=report_blocks.package_upload_comment(title=plan.title),
        )
        return str(ticket["file_id"])
