"""Lever API (v1): Basic auth with the key as user name; writes name the acting user in `perform_as`;
lists are `{"data": [...], "hasNext": bool, "next": "<offset>"}`, paged with `offset`."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import aiohttp

from milobot.ats.client import AtsRef, HttpApi, Job, Person, basic_auth

APP_URL = "https://hire.lever.co"
MAX_PAGES = 20


def profile_url(opportunity_id: str) -> str:
    return f"{APP_URL}/candidates/{opportunity_id}"


class LeverClient:
    kind = "lever"

    def __init__(self, outbound, *, base_url: str, api_key: str, acting_user: str):
        self.acting_user = str(acting_user)
        self.api = HttpApi(outbound, base_url, {"Authorization": basic_auth(api_key)}, "Lever")

    def _as(self) -> str:
        return f"perform_as={quote(self.acting_user)}"

    async def _pages(self, path: str) -> list[Any]:
        items: list[Any] = []
        offset = None
        sep = "&" if "?" in path else "?"
        for _ in range(MAX_PAGES):
            data, _ = await self.api.call("GET", path + (f"{sep}offset={quote(offset)}" if offset else ""))
            items += (data or {}).get("data") or []
            if not (data or {}).get("hasNext") or not data.get("next"):
                break
            offset = str(data["next"])
        return items

    async def test(self) -> str:
        data, _ = await self.api.call("GET", f"users/{quote(self.acting_user)}")
        user = (data or {}).get("data") or {}
        return f"acting as {user.get('name') or self.acting_user}"

    async def jobs(self) -> list[Job]:
        return [
            Job(str(p["id"]), str(p.get("text") or p["id"]))
            for p in await self._pages("postings?state=published&limit=100")
        ]

    async def stages(self, job_id: str) -> list[Job]:
        return [Job(str(s["id"]), str(s.get("text") or "")) for s in await self._pages("stages?limit=100")]

    async def ensure_candidate(self, *, name: str, email: str | None, job_id: str) -> AtsRef:
        if email:
            found = await self._pages(f"opportunities?email={quote(email)}&expand=applications&limit=100")
            for opp in found:
                if any(
                    (a.get("posting") if isinstance(a, dict) else None) == job_id
                    for a in opp.get("applications") or []
                ):
                    return AtsRef(str(opp["id"]), _application_on(opp, job_id), profile_url(str(opp["id"])))
        body = {
            "name": name,
            "emails": [email] if email else [],
            "postings": [job_id],
            "origin": "sourced",
            "sources": ["milobot"],
        }
        created, _ = await self.api.call("POST", f"opportunities?{self._as()}", json=body)
        opp = (created or {}).get("data") or {}
        return AtsRef(str(opp["id"]), _application_on(opp, job_id), profile_url(str(opp["id"])))

    async def find_note(self, ref: AtsRef, marker: str) -> str | None:
        for note in await self._pages(f"opportunities/{quote(ref.candidate_id)}/notes?limit=100"):
            if any(
                marker in str(f.get("value") or "") for f in note.get("fields") or [] if isinstance(f, dict)
            ):
                return str(note["id"])
        return None

    async def add_note(self, ref: AtsRef, body: str) -> str:
        data, _ = await self.api.call(
            "POST", f"opportunities/{quote(ref.candidate_id)}/notes?{self._as()}", json={"value": body}
        )
        return str(((data or {}).get("data") or {}).get("noteId"))

    async def find_attachment(self, ref: AtsRef, filename: str) -> str | None:
        """A file uploaded by an earlier try whose answer was lost, found by its unique name."""
        for f in await self._pages(f"opportunities/{quote(ref.candidate_id)}/files?limit=100"):
            if isinstance(f, dict) and f.get("name") == filename:
                return str(f["id"])
        return None

    async def add_attachment(self, ref: AtsRef, *, filename: str, content: bytes) -> str:
        # Lever's "Upload a single file": multipart/form-data with the file in the `file` field.
        form = aiohttp.FormData()
        form.add_field("file", content, filename=filename, content_type="application/pdf")
        data, _ = await self.api.call(
            "POST", f"opportunities/{quote(ref.candidate_id)}/files?{self._as()}", data=form
        )
        return str(((data or {}).get("data") or {}).get("id") or filename)

    async def person(self, opportunity_id: str, stage_id: str | None) -> Person:
        """The opportunity a `candidateStageChange` names (Lever's web hook carries ids only)."""
        data, _ = await self.api.call("GET", f"opportunities/{quote(opportunity_id)}?expand=applications")
        opp = (data or {}).get("data") or {}
        emails = [e for e in opp.get("emails") or [] if isinstance(e, str)]
        apps = [a for a in opp.get("applications") or [] if isinstance(a, dict)]
        return Person(
            candidate_id=str(opp.get("id") or opportunity_id),
            application_id=str(apps[0]["id"]) if apps else None,
            name=str(opp.get("name") or "").strip(),
            email=emails[0] if emails else None,
            job_ids=[str(a.get("posting")) for a in apps if a.get("posting")],
            stage_id=stage_id or (str(opp["stage"]) if opp.get("stage") else None),
            stage_name=None,
            url=profile_url(str(opp.get("id") or opportunity_id)),
        )


def _application_on(opp: dict[str, Any], job_id: str) -> str | None:
    for app in opp.get("applications") or []:
        if isinstance(app, dict) and app.get("posting") == job_id:
            return str(app.get("id"))
    return None
