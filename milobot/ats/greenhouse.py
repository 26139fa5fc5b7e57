"""Greenhouse Harvest API (v1): Basic auth with the key as user name; writes name the acting user in the
On-Behalf-Of header; lists page through `Link: <…>; rel="next"`."""

from __future__ import annotations

import base64
import re
from typing import Any
from urllib.parse import quote

from milobot.ats.client import AtsRef, HttpApi, Job, Person, basic_auth, split_name
from milobot.outbound import Outbound

APP_URL = "https://app.greenhouse.io"
MAX_PAGES = 20  # 2,000 jobs or notes at 100 a page: the picker shows the first ones anyway
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')


def next_link(headers: dict[str, str]) -> str | None:
    match = _NEXT.search(headers.get("link", ""))
    return match.group(1) if match else None


def profile_url(candidate_id: str, application_id: str | None) -> str:
    tail = f"?application_id={application_id}" if application_id else ""
    return f"{APP_URL}/people/{candidate_id}{tail}"


class GreenhouseClient:
    kind = "greenhouse"

    def __init__(self, outbound: Outbound, *, base_url: str, api_key: str, acting_user: str):
        self.acting_user = str(acting_user)
        self.api = HttpApi(
            outbound,
            base_url,
            {"Authorization": basic_auth(api_key), "On-Behalf-Of": self.acting_user},
            "Greenhouse",
        )

    async def _pages(self, path: str) -> list[Any]:
        items: list[Any] = []
        url: str | None = path
        for _ in range(MAX_PAGES):
            data, headers = await self.api.call("GET", url)
            items += data or []
            url = next_link(headers)
            if not url or not url.startswith(self.api.base_url):  # only ever follow Greenhouse's own links
                break
        return items

    async def test(self) -> str:
        user, _ = await self.api.call("GET", f"users/{quote(self.acting_user)}")
        return f"acting as {user.get('name') or self.acting_user}"

    async def jobs(self) -> list[Job]:
        return [
            Job(str(j["id"]), str(j.get("name") or j["id"]))
            for j in await self._pages("jobs?per_page=100&status=open")
        ]

    async def stages(self, job_id: str) -> list[Job]:
        data, _ = await self.api.call("GET", f"jobs/{quote(job_id)}/stages")
        return [Job(str(s["id"]), str(s.get("name") or "")) for s in data or []]

    async def ensure_candidate(self, *, name: str, email: str | None, job_id: str) -> AtsRef:
        """The candidate with this e-mail (with an application on the job, added if missing), or a new one."""
        found = []
        if email:
            found, _ = await self.api.call("GET", f"candidates?email={quote(email)}")
        if found:
            candidate = found[0]
            app = next(
                (
                    a
                    for a in candidate.get("applications") or []
                    if any(str(j.get("id")) == job_id for j in a.get("jobs") or [])
                ),
                None,
            )
            if app is None:
                app, _ = await self.api.call(
                    "POST", f"candidates/{candidate['id']}/applications", json={"job_id": int(job_id)}
                )
            cid, aid = str(candidate["id"]), str(app["id"])
            return AtsRef(cid, aid, profile_url(cid, aid))
        first, last = split_name(name)
        body = {
            "first_name": first,
            "last_name": last,
            "email_addresses": [{"value": email, "type": "personal"}] if email else [],
            "applications": [{"job_id": int(job_id)}],
        }
        created, _ = await self.api.call("POST", "candidates", json=body)
        cid = str(created["id"])
        apps = created.get("applications") or []
        aid = str(apps[0]["id"]) if apps else None
        return AtsRef(cid, aid, profile_url(cid, aid))

    async def find_note(self, ref: AtsRef, marker: str) -> str | None:
        feed, _ = await self.api.call("GET", f"candidates/{ref.candidate_id}/activity_feed")
        for note in (feed or {}).get("notes") or []:
            if marker in str(note.get("body") or ""):
                return str(note["id"])
        return None

    async def add_note(self, ref: AtsRef, body: str) -> str:
        note, _ = await self.api.call(
            "POST",
            f"candidates/{ref.candidate_id}/activity_feed/notes",
            json={
                "user_id": int(self.acting_user) if self.acting_user.isdigit() else self.acting_user,
                "body": body,
                "visibility": "public",
            },
        )
        return str(note["id"])

    async def find_attachment(self, ref: AtsRef, filename: str) -> str | None:
        """An attachment saved by an earlier try whose answer was lost: the candidate lists its attachments
        (Harvest answers an upload with no id, so the unique filename is what milobot stores)."""
        cand, _ = await self.api.call("GET", f"candidates/{ref.candidate_id}")
        for att in (cand or {}).get("attachments") or []:
            if isinstance(att, dict) and att.get("filename") == filename:
                return filename
        return None

    async def add_attachment(self, ref: AtsRef, *, filename: str, content: bytes) -> str:
        # Harvest's "Add Attachment": base64 content in JSON; "admin_only" keeps an internal interview
        # report off the candidate-facing résumé and cover-letter slots.
        await self.api.call(
            "POST",
            f"candidates/{ref.candidate_id}/attachments",
            json={
                "filename": filename,
                "type": "admin_only",
                "content": base64.b64encode(content).decode("ascii"),
                "content_type": "application/pdf",
            },
        )
        return filename


def parse_stage_change(data: dict[str, Any]) -> Person | None:
    """A `candidate_stage_change` web hook body, or None for anything else (a ping, another action)."""
    if data.get("action") != "candidate_stage_change":
        return None
    app = ((data.get("payload") or {}).get("application")) or {}
    cand = app.get("candidate") or {}
    if not cand.get("id"):
        return None
    emails = [
        e.get("value") for e in cand.get("email_addresses") or [] if isinstance(e, dict) and e.get("value")
    ]
    stage = app.get("current_stage") or {}
    name = " ".join(str(cand.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
    cid, aid = str(cand["id"]), str(app["id"]) if app.get("id") else None
    return Person(
        candidate_id=cid,
        application_id=aid,
        name=name,
        email=emails[0] if emails else None,
        job_ids=[str(j.get("id")) for j in app.get("jobs") or [] if isinstance(j, dict)],
        stage_id=str(stage["id"]) if stage.get("id") is not None else None,
        stage_name=stage.get("name"),
        url=profile_url(cid, aid),
    )
