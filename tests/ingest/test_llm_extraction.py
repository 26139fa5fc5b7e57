"""The optional model-backed extractor against a fake OpenAI-compatible server (a real HTTP server)."""

from __future__ import annotations

import json

from milobot.config import load_settings
from milobot.ingest import extract
from milobot.ingest.llm import LlmExtractor
from milobot.ingest.types import Limits
from tests.fakes.http_sink import HttpSink

RESUME = """Corwen Aldous-Pike
Kettering, United Kingdom
corwen.ap@marrowfield.example | 01536 960 224
Experience
2021 – Present
Lamplight Orchard Cooperative
Cellar Keeper
2017 – 2021
Threlkeld Cider Works
Cellar Hand
""".encode()


def _results():
    return extract("corwen.txt", RESUME, limits=Limits(keep_evidence=True))


def _completion(answer) -> dict:
    content = answer if isinstance(answer, str) else json.dumps(answer)
    return {"choices": [{"message": {"role": "assistant", "content": content}}]}


ANSWER = {
    "name": "Corwen Aldous-Pike",
    "email": "corwen.ap@marrowfield.example",
    "phone": "01536 960 224",
    "location": "Kettering, United Kingdom",
    "current_title": "Cellar Keeper",
    "current_company": "Lamplight Orchard Cooperative",
    "links": [],
}


async def test_the_model_answer_is_used_and_the_text_is_sent_with_layout_hints():
    async with HttpSink() as server:
        server.respond("/v1/chat/completions", json=_completion(ANSWER))
        llm = LlmExtractor(base_url=f"{server.url}/v1", model="tiny-model", api_key="sk-test")
        (result,) = await llm.refine(_results())
        request = await server.wait_for("/v1/chat/completions", count=1)
    p = result.profiles[0]
    assert (p.current_title, p.current_company) == ("Cellar Keeper", "Lamplight Orchard Cooperative")
    assert p.phone == "+441536960224"
    assert result.evidence is None  # the text never travels further than this step
    assert request.headers["Authorization"] == "Bearer sk-test"
    assert request.json["model"] == "tiny-model"
    sent = json.loads(request.json["messages"][1]["content"])
    assert "Threlkeld Cider Works" in sent["text"] and "layout" in sent


async def test_fields_the_model_leaves_empty_or_invents_keep_the_built_in_values():
    builtin = _results()[0].profiles[0]
    answer = dict(ANSWER, name=None, email="someone.else@invented.example", current_company="Orchard Co")
    async with HttpSink() as server:
        server.respond("/v1/chat/completions", json=_completion(answer))
        llm = LlmExtractor(base_url=server.url, model="m")
        (result,) = await llm.refine(_results())
    p = result.profiles[0]
    assert p.name == builtin.name == "Corwen Aldous-Pike"
    assert p.email == builtin.email  # not in the document: refused
    assert p.current_company == builtin.current_company  # "Orchard Co" is not in the text
    assert p.current_title == "Cellar Keeper"


async def test_an_error_a_timeout_or_an_unreadable_answer_keeps_the_built_in_profile():
    builtin = _results()[0].profiles[0].to_dict()
    async with HttpSink() as server:
        llm = LlmExtractor(base_url=server.url, model="m", timeout_s=0.3)
        for reply in (
            {"status": 500, "json": {"error": "overloaded"}},
            {"json": _completion(ANSWER), "delay": 2.0},
            {"json": _completion("I think the name is Corwen")},
            {"json": {"unexpected": True}},
        ):
            server.reset()
            server.respond("/v1/chat/completions", **reply)
            (result,) = await llm.refine(_results())
            assert result.outcome == "ok" and result.profiles[0].to_dict() == builtin, reply
    assert llm.fallbacks == 4


def test_off_by_default_and_on_only_with_an_endpoint(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MILOBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("LLM_MODEL", "m")
    assert LlmExtractor.from_settings(load_settings()) is None
    monkeypatch.setenv("MILOBOT_LLM_EXTRACTION", "on")
    assert LlmExtractor.from_settings(load_settings()) is not None
    monkeypatch.delenv("LLM_BASE_URL")
    assert LlmExtractor.from_settings(load_settings()) is None
    assert extract("corwen.txt", RESUME)[0].evidence is None  # nothing kept unless asked
