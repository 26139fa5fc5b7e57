"""QA probe helpers: click every interactive element of a message or view."""

from __future__ import annotations

import asyncio
import json

from tests.fakes import payloads


def elements(blocks: list[dict]) -> list[dict]:
    found = []
    for b in blocks:
        els = list(b.get("elements") or []) if b.get("type") == "actions" else []
        if b.get("accessory"):
            els.append(b["accessory"])
        for el in els:
            if isinstance(el, dict) and el.get("action_id"):
                found.append(el)
    return found


def clicks(team: str, user: str, blocks: list[dict], *, view=None, channel_id="C0CHAN0001", message=None):
    """(label, payload) for every button, overflow option and select option."""
    out = []
    for el in elements(blocks):
        kind = el.get("type")
        common = dict(view=view, channel_id=channel_id, message=message, trigger_id=payloads.new_trigger_id())
        if kind == "button":
            if el.get("url") and not el.get("value"):
                continue
            p = payloads.block_actions(team, user, el["action_id"], el.get("value", ""), **common)
            out.append((f"button {el['text']['text']}", p))
        elif kind == "overflow":
            for o in el["options"]:
                p = payloads.overflow_action(team, user, el["action_id"], o["value"], **common)
                out.append((f"overflow {o['text']['text']}", p))
        elif kind == "static_select":
            for o in (el.get("options") or [])[:3]:
                p = payloads.static_select_action(team, user, el["action_id"], o["value"], **common)
                out.append((f"select {o['text']['text']}", p))
    return out


async def settle(slack, mark, quiet=0.4, timeout=6.0):
    """Wait until no new Slack call arrived for `quiet` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    n = len(slack.calls)
    last = loop.time()
    while loop.time() < deadline:
        await asyncio.sleep(0.05)
        if len(slack.calls) != n:
            n, last = len(slack.calls), loop.time()
        elif loop.time() - last > quiet and n > mark:
            break
    return slack.calls[mark:]


def show(calls, width=600):
    for c in calls:
        args = {k: v for k, v in c.args.items() if k != "__url"}
        print("    ", c.method, json.dumps(args, ensure_ascii=False)[:width])


def texts(calls) -> str:
    return "\n".join(json.dumps(c.args, ensure_ascii=False) for c in calls)
