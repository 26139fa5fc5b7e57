"""QA probe: the candidate list at boundaries, with odd data."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from milobot.ids import CandidateList
from tests.candidates.support import (
    T0,
    apply_filters,
    click,
    element,
    headline,
    make_agent,
    names_of,
    notice,
    open_list,
    rows_of,
    seed,
    text_of,
)


@pytest.mark.parametrize("n", [0, 1, 30, 31, 60])
async def test_boundaries(milo, slack, n):
    agent_id = await make_agent(milo)
    for i in range(n):
        await seed(milo, agent_id, f"Person {i:02d}", added=T0 + timedelta(minutes=i))
    view = await open_list(milo, slack, "backend")
    print(
        n,
        "HEAD:",
        headline(view),
        "| rows",
        len(rows_of(view)),
        "| next",
        bool(element(view, CandidateList.NEXT)),
        "| prev",
        bool(element(view, CandidateList.PREVIOUS)),
    )
    print("   notice:", notice(view))
    if n == 0:
        print(text_of(view)[:2000])
    if element(view, CandidateList.NEXT):
        view = await click(milo, slack, view, CandidateList.NEXT)
        print(
            n,
            "PAGE2:",
            headline(view),
            "| rows",
            len(rows_of(view)),
            "| next",
            bool(element(view, CandidateList.NEXT)),
        )
    slack.assert_no_violations()


async def test_odd_data(milo, slack):
    agent_id = await make_agent(milo)
    long = "Ü" * 300
    await seed(
        milo,
        agent_id,
        "محمد عبد الله",
        email="m@example.com",
        title="مهندس برمجيات أول",
        location="دبي",
        status="completed",
        score=77.5,
    )
    await seed(
        milo,
        agent_id,
        "<!channel> & *x* `y` ~z~ >q",
        email="h@example.com",
        title="<!here> & Co *CEO*",
        location="<@U123>",
        status="completed",
        score=100,
    )
    await seed(milo, agent_id, long, email="l@example.com", title=long, location=long, phone="+14155550123")
    await seed(milo, agent_id, "👩🏽‍💻🚀", email="e@example.com")
    view = await open_list(milo, slack, "backend")
    cols = [
        "score",
        "status",
        "rating",
        "source",
        "added",
        "completed",
        "email",
        "phone",
        "location",
        "title",
    ]
    ans, view = await apply_filters(milo, slack, view, columns=cols)
    print("ANSWER", ans)
    view = view or {}
    print(
        json.dumps(
            [b for b in (view.get("blocks") or []) if str(b.get("block_id", "")).startswith("cl_row")],
            ensure_ascii=False,
        )[:4000]
    )
    slack.assert_no_violations()
    # text search with odd input
    for q in ["<!channel>", "%", "_", "\\", "'", "محمد", "👩🏽‍💻", "x" * 200]:
        v = await open_list(milo, slack, "backend")
        _, v2 = await apply_filters(milo, slack, v, text=q)
        if v2 is None:
            print("search", q[:20], "-> errors", _)
        else:
            print("search", q[:20], "->", repr(headline(v2)), names_of(v2)[:3], repr(notice(v2)))
