"""Optional model-backed extraction: ask an OpenAI-compatible endpoint for the profile.

Off unless MILOBOT_LLM_EXTRACTION=on and LLM_BASE_URL / LLM_MODEL are set: the résumé's text (and
the layout hints: the big-type line, the link targets) is then SENT TO THAT ENDPOINT. The model's
answer is untrusted: it must be a JSON object of the schema below, and each value must be backed
by the document (the e-mail address and the phone number's digits appear in the text or its links;
a name, title, company or place appears in the text). A field the model leaves empty or gets wrong
keeps the built-in extractor's value; a timeout, an HTTP error or an unreadable answer keeps the
built-in profile whole. It runs in the app's event loop after the worker has read the file, so a
slow endpoint never holds a worker.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import unicodedata
from dataclasses import replace
from typing import Any

import aiohttp

from .contact import EMAIL_RE, normalize_phone, region_hint
from .types import FileResult, Profile

log = logging.getLogger(__name__)

FIELDS = ("name", "email", "phone", "location", "current_title", "current_company")
SCHEMA = {
    "type": "object",
    "properties": {field: {"type": ["string", "null"]} for field in FIELDS}
    | {"links": {"type": "array", "items": {"type": "string"}}},
    "required": list(FIELDS),
    "additionalProperties": False,
}
_SYSTEM = (
    "You read one résumé and return the candidate's profile as a JSON object with exactly these keys: "
    "name, email, phone, location, current_title, current_company (each a string or null) and links (a list "
    "of the candidate's profile URLs). location is where the candidate lives, as 'City, Region' or "
    "'City, Country' as written. current_title and current_company are those of the newest job. Copy values "
    "as they are written in the résumé; use null for anything the résumé does not say. Never invent. "
    "JSON schema: " + json.dumps(SCHEMA)
)
MAX_TEXT_CHARS = 12_000
_FENCE_RE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


class LlmExtractor:
    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout_s: float = 20.0,
        concurrency: int = 4,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout_s = timeout_s
        self._slots = asyncio.Semaphore(concurrency)
        self.fallbacks = 0  # files whose model answer could not be used (for logs and tests)

    @classmethod
    def from_settings(cls, settings) -> LlmExtractor | None:
        if (
            not getattr(settings, "llm_extraction", False)
            or not settings.llm_base_url
            or not settings.llm_model
        ):
            return None
        return cls(base_url=settings.llm_base_url, model=settings.llm_model, api_key=settings.llm_api_key)

    async def refine(self, results: list[FileResult]) -> list[FileResult]:
        return list(await asyncio.gather(*(self.refine_one(r) for r in results)))

    async def refine_one(self, result: FileResult) -> FileResult:
        evidence = result.evidence
        if result.outcome != "ok" or len(result.profiles) != 1 or not evidence:
            return _without_evidence(result)
        try:
            async with self._slots:
                answer = await self._ask(evidence)
            merged = merge(result.profiles[0], answer, evidence)
        except Exception as exc:  # noqa: BLE001 - any failure keeps the built-in profile
            self.fallbacks += 1
            log.info("model extraction of %s unavailable (%s); built-in profile kept", result.file, _why(exc))
            return _without_evidence(result)
        return replace(result, profiles=[merged], evidence=None)

    async def _ask(self, evidence: dict) -> dict:
        user = {
            "text": evidence.get("text", "")[:MAX_TEXT_CHARS],
            "layout": {
                "largest_type_line": evidence.get("headline"),
                "link_targets": evidence.get("links", []),
            },
        }
        body = {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": _SYSTEM},
                # JSON-encoded, so the résumé's text stays apart from our instructions.
                {"role": "user", "content": json.dumps(user, ensure_ascii=False)},
            ],
        }
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout_s)) as session,
            session.post(f"{self.base_url}/chat/completions", json=body, headers=headers) as resp,
        ):
            if resp.status != 200:
                raise ValueError(f"HTTP {resp.status}")
            payload = await resp.json(content_type=None)
        content = payload["choices"][0]["message"]["content"]
        if not isinstance(content, str):
            raise ValueError("reply content is not text")
        fenced = _FENCE_RE.match(content)
        data = json.loads(fenced.group(1) if fenced else content)
        if not isinstance(data, dict):
            raise ValueError("reply is not a JSON object")
        return data


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\W_]+", "", text)


def merge(builtin: Profile, answer: dict[str, Any], evidence: dict) -> Profile:
    """The model's value for each field it answered and the document backs; the built-in one otherwise."""
    text = evidence.get("text", "")
    folded = _fold(text)
    links = [str(u) for u in evidence.get("links", [])]
    digits = re.sub(r"\D", "", text + " ".join(links))
    out = builtin.to_dict()
    for field in FIELDS:
        value = answer.get(field)
        if not isinstance(value, str) or not value.strip() or len(value) > 200:
            continue
        value = re.sub(r"\s+", " ", value).strip()
        if field == "email":
            value = value.lower()
            if not EMAIL_RE.fullmatch(value) or (
                _fold(value) not in folded and not any(value in u.lower() for u in links)
            ):
                continue
        elif field == "phone":
            region = _region(builtin.phone) or region_hint(builtin.location, builtin.email, text)
            value = normalize_phone(value, region)
            if not value or value.lstrip("+")[-7:] not in digits:
                continue
        elif field == "location":
            # "Kraków, Małopolskie": each part must be in the text (the model may add the country).
            if not _fold(value.split(",")[0]) or _fold(value.split(",")[0]) not in folded:
                continue
        elif _fold(value) not in folded:
            continue  # not in the document: invented, or rewritten
        out[field] = value
    extra = answer.get("links")
    if isinstance(extra, list):
        for url in extra:
            if isinstance(url, str) and url.startswith("http") and (url in links or _fold(url) in folded):
                if url not in out["links"] and len(out["links"]) < 10:
                    out["links"].append(url)
    return Profile.from_dict(out)


def _region(phone: str | None) -> str | None:
    if phone:
        import phonenumbers

        try:
            return phonenumbers.region_code_for_number(phonenumbers.parse(phone))
        except phonenumbers.NumberParseException:
            pass
    return None


def _without_evidence(result: FileResult) -> FileResult:
    return replace(result, evidence=None) if result.evidence is not None else result


def _why(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | asyncio.TimeoutError):
        return "timed out"
    return f"{type(exc).__name__}: {exc}"[:200]
