"""The candidate list over the wire: every candidate whatever their source and state, the View and Nudge
all buttons, blind ratings, filters, sorts, columns, paging and in-modal refusals."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from milobot import metadata
from milobot.db.models import Agent, Candidate
from milobot.ids import CandidateAction, CandidateList, CandidateListBlock
from tests.agents.support import create_agent, rows
from tests.candidates.support import (
    T0,
    VIEWER,
    add_by_modal,
    apply_filters,
    candidate,
    click,
    element,
    headline,
    invite_viewer,
    make_agent,
    mrkdwn_of,
    names_of,
    notice,
    open_list,
    rate,
    rows_of,
    seed,
    state_of,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads


async def test_every_candidate_is_listed_whatever_their_source_and_state(milo, slack):
    await create_agent(milo, slack, name="Backend Engineer")
    [agent] = await rows(milo, Agent)
    # Invited by hand and never interviewed: before this list they appeared nowhere.
    await add_by_modal(
        milo, slack, agent.id, "Ada Lovelace, ada@example.com\nGrace Hopper <grace@example.com>"
    )
    await seed(milo, agent.id, "Linus Link", source="link", tag="lobby-poster", status="in_progress")
    await seed(milo, agent.id, "Imogen Import", source="ingest", status="completed", score=81.5)
    await seed(
        milo, agent.id, "Api Person", source="api", status="completed", score=64, decision="shortlisted"
    )
    await seed(milo, agent.id, "Dee Dismissed", status="invited", decision="dismissed")

    view = await open_list(milo, slack, "backend")
    assert "1–6* of *6* candidates" in headline(view)
    assert sorted(names_of(view)) == sorted(
        ["Ada Lovelace", "Grace Hopper", "Linus Link", "Imogen Import", "Api Person", "Dee Dismissed"]
    )
    text = text_of(view)
    for words in (
        "Invited",
        "Started",
        "Completed",
        "Score *82*",
        "Share link · lobby-poster",
        "Import",
        "API",
    ):
        assert words in text, words
    assert "Shortlisted" in text and "Dismissed" in text

    # Each row's View opens the profile (another handler): the contract is its action id and value.
    ada = next(b for b in rows_of(view) if "Ada Lovelace" in b["text"]["text"])
    [ada_row] = await rows(milo, Candidate, Candidate.name == "Ada Lovelace")
    assert ada_row.status == "invited"
    assert ada["accessory"]["action_id"] == CandidateAction.PROFILE == "candidate.profile"
    assert metadata.decode(metadata.CandidateRef, ada["accessory"]["value"]) == metadata.CandidateRef(
        ada_row.id
    )
    # Admins get Export CSV and Nudge all not completed (the nudge handler is another feature's).
    nudge = element(view, CandidateAction.NUDGE_ALL)
    assert nudge["text"]["text"] == "Nudge all not completed"
    assert metadata.decode(metadata.AgentRef, nudge["value"]) == metadata.AgentRef(agent.id)
    assert element(view, CandidateList.EXPORT) is not None


async def test_candidates_button_on_agent_card_and_app_home_opens_the_list(milo, slack):
    await create_agent(milo, slack, name="Backend Engineer")
    [agent] = await rows(milo, Agent)
    await seed(milo, agent.id, "Ada Lovelace")
    await milo.command("agents", user=ADMIN)
    listing = await milo.replies()
    button = next(
        e
        for b in listing.args["blocks"]
        for e in b.get("elements", [])
        if e.get("action_id") == CandidateList.OPEN
    )
    assert button["text"]["text"] == "Candidates"
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, CandidateList.OPEN, button["value"], response_url=slack.new_response_url()
        )
    )
    opened = await slack.wait_for("views.open", since=mark)
    assert "Ada Lovelace" in json.dumps(opened.args["view"])

    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    home = await slack.wait_for("views.publish")
    home_button = next(
        b["accessory"]
        for b in home.args["view"]["blocks"]
        if (b.get("accessory") or {}).get("action_id") == CandidateList.OPEN
    )
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, CandidateList.OPEN, home_button["value"], view=home.args["view"]
        )
    )
    opened = await slack.wait_for("views.open", since=mark)
    assert "Ada Lovelace" in json.dumps(opened.args["view"])


async def test_a_viewer_sees_counts_until_they_rate_and_no_admin_buttons(milo, slack):
    await invite_viewer(milo, slack)
    agent_id = await make_agent(milo)
    rated = await seed(milo, agent_id, "Rita Rated", status="completed", score=70)
    decided = await seed(
        milo, agent_id, "Sam Shortlisted", status="completed", score=90, decision="shortlisted"
    )
    for user, value in (("UR1", 5), ("UR2", 4), ("UR3", 3)):
        await rate(milo, rated, user, value)
    await rate(milo, decided, "UR1", 2)
    await rate(milo, decided, "UR2", 1, kind="thumbs")  # thumbs up counts 5

    view = await open_list(milo, slack, "backend", user=VIEWER)
    text = text_of(view)
    assert "3 ratings: rate to see them" in text and "★ 4.0" not in text
    assert "★ 3.5 (2 ratings)" in text  # decided: visible to all
    assert element(view, CandidateList.EXPORT) is None and element(view, CandidateAction.NUDGE_ALL) is None

    await rate(milo, rated, VIEWER, 4)
    view = await open_list(milo, slack, "backend", user=VIEWER)
    assert "★ 4.0 (4 ratings)" in text_of(view) and "rate to see" not in text_of(view)


async def test_filters_sorts_columns_and_counts(milo, slack):
    agent_id = await make_agent(milo)
    day = timedelta(days=1)
    await seed(milo, agent_id, "Zoe Zed", status="completed", score=95, added=T0, completed=T0 + 5 * day)
    await seed(
        milo,
        agent_id,
        "Åsa Ögren",
        status="completed",
        score=72,
        added=T0 + day,
        completed=T0 + 2 * day,
        source="link",
        tag="career-fair",
        phone="+4915112345678",
        title="SRE",
    )
    await seed(
        milo,
        agent_id,
        "Bob Builder",
        status="completed",
        score=40,
        added=T0 + 2 * day,
        completed=T0 + 3 * day,
    )
    await seed(
        milo, agent_id, "Cy Started", status="in_progress", added=T0 + 3 * day, source="link", tag="lobby"
    )
    await seed(milo, agent_id, "Dot Invited", status="invited", added=T0 + 4 * day, source="ingest")
    mine = await seed(
        milo, agent_id, "Eve Rated", status="completed", score=60, added=T0 + 5 * day, completed=T0 + 6 * day
    )
    await rate(milo, mine, ADMIN, 5)

    view = await open_list(milo, slack, "backend")
    assert names_of(view) == ["Eve Rated", "Dot Invited", "Cy Started", "Bob Builder", "Åsa Ögren", "Zoe Zed"]

    # Sort by score: those without a score last, newest first; then lowest first, nulls still last.
    view = await click(milo, slack, view, CandidateList.SORT, "score_desc", select=True)
    assert names_of(view) == ["Zoe Zed", "Åsa Ögren", "Eve Rated", "Bob Builder", "Dot Invited", "Cy Started"]
    view = await click(milo, slack, view, CandidateList.SORT, "score_asc", select=True)
    assert names_of(view)[:4] == ["Bob Builder", "Eve Rated", "Åsa Ögren", "Zoe Zed"]
    view = await click(milo, slack, view, CandidateList.SORT, "name_asc", select=True)
    assert names_of(view) == ["Åsa Ögren", "Bob Builder", "Cy Started", "Dot Invited", "Eve Rated", "Zoe Zed"]
    view = await click(milo, slack, view, CandidateList.SORT, "completed_desc", select=True)
    assert names_of(view)[:4] == ["Eve Rated", "Zoe Zed", "Bob Builder", "Åsa Ögren"]
    view = await click(milo, slack, view, CandidateList.SORT, "rating_desc", select=True)
    assert names_of(view)[0] == "Eve Rated"

    # Status and score range, text search that ignores case and accents, source tags, my ratings.
    _, view = await apply_filters(
        milo, slack, view, statuses=["completed"], score_min="60", score_max="99", sort="score_desc"
    )
    assert names_of(view) == ["Zoe Zed", "Åsa Ögren", "Eve Rated"]
    assert "1–3* of *3*" in headline(view) and "score 60–99" in text_of(view)
    _, view = await apply_filters(milo, slack, view, text="OGREN")
    assert names_of(view) == ["Åsa Ögren"]
    _, view = await apply_filters(milo, slack, view, sources=["tag:lobby", "import"])
    assert sorted(names_of(view)) == ["Cy Started", "Dot Invited"]
    _, view = await apply_filters(milo, slack, view, sources=["link"])
    assert sorted(names_of(view)) == ["Cy Started", "Åsa Ögren"]
    _, view = await apply_filters(milo, slack, view, rated="rated")
    assert names_of(view) == ["Eve Rated"]
    _, view = await apply_filters(milo, slack, view, rated="unrated")
    assert len(names_of(view)) == 5 and "Eve Rated" not in names_of(view)
    assert "of *5*" in headline(view)
    # Date completed on Mar 5 (a whole day: from and to the same date): Bob (Mar 5 09:00) only.
    _, view = await apply_filters(
        milo, slack, view, date_field="completed", date_from="2026-03-05", date_to="2026-03-05"
    )
    assert names_of(view) == ["Bob Builder"]
    _, view = await apply_filters(
        milo, slack, view, date_field="added", date_from="2026-03-03", date_to="2026-03-04", sort="added_asc"
    )
    assert names_of(view) == ["Åsa Ögren", "Bob Builder"]
    _, view = await apply_filters(milo, slack, view, decisions=["shortlisted"])
    assert names_of(view) == [] and "No candidates match these filters" in headline(view)
    assert element(view, CandidateList.CLEAR) is not None
    view = await click(milo, slack, view, CandidateList.CLEAR)
    assert len(names_of(view)) == 6 and element(view, CandidateList.CLEAR) is None

    # Columns: e-mail, phone and title instead of the defaults.
    _, view = await apply_filters(milo, slack, view, columns=["email", "phone", "title"], text="asa")
    [row] = rows_of(view)
    assert "åsa@example.com" in row["text"]["text"] and "+4915112345678" in row["text"]["text"]
    assert "SRE" in row["text"]["text"] and "Score" not in row["text"]["text"]
    assert state_of(view).query["columns"] == ["email", "phone", "title"]


async def test_bad_values_get_a_message_in_the_modal(milo, slack):
    agent_id = await make_agent(milo)
    await seed(milo, agent_id, "Ada Lovelace", status="completed", score=50)
    view = await open_list(milo, slack, "backend")

    answer, _ = await apply_filters(milo, slack, view, score_min="80", score_max="20")
    assert answer["response_action"] == "errors"
    assert "upside down" in answer["errors"][CandidateListBlock.SCORE_MIN]
    answer, _ = await apply_filters(milo, slack, view, date_from="2026-05-01", date_to="2026-04-01")
    assert "upside down" in answer["errors"][CandidateListBlock.DATE_FROM]
    answer, _ = await apply_filters(milo, slack, view, statuses=["hired"])
    assert "hired" in answer["errors"][CandidateListBlock.STATUSES]
    answer, _ = await apply_filters(milo, slack, view, score_min="lots")
    assert "0 to 100" in answer["errors"][CandidateListBlock.SCORE_MIN]
    answer, _ = await apply_filters(milo, slack, view, sources=["carrier-pigeon"])
    assert CandidateListBlock.SOURCES in answer["errors"]

    # A crafted sort: the list stays as it was and says why.
    after = await click(milo, slack, view, CandidateList.SORT, "salary_desc", select=True)
    assert "sort order" in notice(after) and names_of(after) == ["Ada Lovelace"]
    assert state_of(after).query.get("sort") is None
    # Garbled private_metadata: a message, not a crash.
    garbled = {**after, "private_metadata": '{"agent_id": "x"}'}
    after = await click(milo, slack, garbled, CandidateList.NEXT, "1")
    assert "bad id" in json.dumps(after["blocks"])
    slack.assert_no_violations()


async def test_paging_within_block_kit_limits(milo, slack):
    agent_id = await make_agent(milo)
    for i in range(65):
        await seed(milo, agent_id, f"Person {i:02d}", added=T0 + timedelta(minutes=i))
    view = await open_list(milo, slack, "backend")
    assert "*1–30* of *65*" in headline(view) and len(rows_of(view)) == 30 and len(view["blocks"]) <= 100
    assert element(view, CandidateList.PREVIOUS) is None
    view = await click(milo, slack, view, CandidateList.NEXT)
    assert "*31–60* of *65*" in headline(view) and names_of(view)[0] == "Person 34"
    view = await click(milo, slack, view, CandidateList.NEXT)
    assert "*61–65* of *65*" in headline(view) and names_of(view)[-1] == "Person 00"
    assert element(view, CandidateList.NEXT) is None
    view = await click(milo, slack, view, CandidateList.PREVIOUS)
    assert "*31–60* of *65*" in headline(view)
    # A crafted page far beyond the end lands on the last page.
    far = {
        **view,
        "private_metadata": metadata.encode(metadata.CandidateListState(agent_id=agent_id, page=10**9)),
    }
    view = await click(milo, slack, far, CandidateList.NEXT, "x")
    assert "*61–65* of *65*" in headline(view)
    slack.assert_no_violations()


async def test_another_workspaces_agent_is_refused_and_names_are_escaped(milo, slack):
    ours = await make_agent(milo)
    theirs = await make_agent(milo, name="Their Agent", team="T0OTHER001")
    await seed(milo, theirs, "Secret Person")
    await seed(milo, ours, "<!channel> *Bold* <https://evil.example|click>", email="x@example.com")
    view = await open_list(milo, slack, "backend")
    text = mrkdwn_of(view)
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text and "<https://evil" not in text
    # The Dismiss confirmation names them in plain_text: shown literally, it pings no one.
    confirm = element(view, CandidateList.DISMISS)["confirm"]["text"]
    assert confirm["type"] == "plain_text" and confirm["text"].startswith("<!channel> *Bold*")

    # A crafted Candidates button and a crafted private_metadata naming the other workspace's agent.
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            CandidateList.OPEN,
            metadata.encode(metadata.AgentRef(theirs)),
            response_url=slack.new_response_url(),
        )
    )
    refused = await slack.wait_for("response_url", since=mark)
    assert "doesn't exist here" in refused.args["text"]
    assert "views.open" not in [c.method for c in slack.calls[mark:]]
    crafted = {**view, "private_metadata": metadata.encode(metadata.CandidateListState(agent_id=theirs))}
    after = await click(milo, slack, crafted, CandidateList.NEXT, "1")
    assert "doesn't exist here" in text_of(after) and "Secret Person" not in text_of(after)
    # And a crafted Candidates button from a stranger to our workspace is a polite refusal.
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            "USTRANGER1",
            CandidateList.OPEN,
            metadata.encode(metadata.AgentRef(ours)),
            response_url=slack.new_response_url(),
        )
    )
    refusal = await slack.wait_for("response_url", since=mark)
    assert "not on this workspace's milobot team" in refusal.args["text"]


async def test_the_read_model_follows_interviews_and_ratings(milo, slack):
    """Triggers keep score, completion and ratings on the candidate row, whoever writes them."""
    from sqlalchemy import delete, update

    from milobot.db.models import Interview, Rating

    agent_id = await make_agent(milo)
    cid = await seed(milo, agent_id, "Ada", status="completed", score=61)
    await rate(milo, cid, "U1", 4)
    await rate(milo, cid, "U2", -1, kind="thumbs")  # a thumbs down counts 1
    async with milo.container.db.unit_of_work() as s:
        c = await s.get(Candidate, cid)
        assert (c.score, c.rating_count, c.rating_avg) == (61, 2, 2.5)
        assert c.completed_at == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
        # U2 changes their mind (one rating per person: the row changes) to five stars.
        await s.execute(
            update(Rating).where(Rating.slack_user_id == "U2").values(kind="stars", value=9)  # clamped to 5
        )
    async with milo.container.db.unit_of_work() as s:
        c = await s.get(Candidate, cid)
        assert (c.rating_count, c.rating_avg) == (2, 4.5)
        await s.execute(update(Interview).where(Interview.candidate_id == cid).values(overall_score=88.5))
        await s.execute(delete(Rating).where(Rating.slack_user_id == "U2"))
    async with milo.container.db.unit_of_work() as s:
        c = await s.get(Candidate, cid)
        assert (c.score, c.rating_count, c.rating_avg) == (88.5, 1, 4.0)
        await s.execute(delete(Rating).where(Rating.candidate_id == cid))
    async with milo.container.db.unit_of_work() as s:
        c = await s.get(Candidate, cid)
        assert (c.rating_count, c.rating_avg) == (0, None)


async def test_view_opens_the_profile_over_the_list_and_a_rating_made_there_shows_in_it(milo, slack):
    """The contract with the candidate review: View pushes the profile over the list; a rating given
    there reaches the list (through the read model) the next time it is drawn; Nudge all asks first."""
    from milobot.ids import ProfileAction, ProfileView

    agent_id = await make_agent(milo)
    cid = await seed(milo, agent_id, "Ada Lovelace", status="completed", score=80)
    await seed(milo, agent_id, "Never Started")
    await rate(milo, cid, "UOTHER0001", 2)
    view = await open_list(milo, slack, "backend")
    assert "1 rating: rate to see it" in text_of(view)

    row = next(b for b in rows_of(view) if "Ada Lovelace" in b["text"]["text"])
    profile = await click(
        milo, slack, view, CandidateAction.PROFILE, row["accessory"]["value"], expect="views.push"
    )
    assert profile["callback_id"] == ProfileView.PROFILE and "Ada Lovelace" in text_of(profile)
    stars = element(profile, ProfileAction.RATE_STARS)
    four = next(
        o for o in stars["options"] if metadata.decode(metadata.RatingChoice, o["value"]).choice == "4"
    )
    mark = slack.mark()
    await milo.interact(
        payloads.static_select_action(
            slack.team_id, ADMIN, ProfileAction.RATE_STARS, four["value"], view=profile
        )
    )
    await slack.wait_for("views.update", since=mark)
    view = await click(milo, slack, view, CandidateList.SORT, "rating_desc", select=True)
    assert "★ 3.0 (2 ratings)" in text_of(view)

    nudge = await click(milo, slack, view, CandidateAction.NUDGE_ALL, expect="views.push")
    assert nudge["callback_id"] == ProfileView.NUDGE_ALL


async def test_admins_shortlist_and_dismiss_from_a_row_and_viewers_cannot(milo, slack):
    from milobot.db.models import AuditEntry

    await invite_viewer(milo, slack)
    agent_id = await make_agent(milo)
    invited = await seed(milo, agent_id, "Ivy Invited")  # never interviewed: decisions work all the same
    done = await seed(milo, agent_id, "Dan Done", status="completed", score=70)
    view = await open_list(milo, slack, "backend")
    ref = metadata.encode(metadata.CandidateRef(invited))
    view = await click(milo, slack, view, CandidateList.SHORTLIST, ref)
    assert "Shortlisted *Ivy Invited*" in notice(view)
    ivy = next(b for b in rows_of(view) if "Ivy Invited" in b["text"]["text"])
    assert "Shortlisted" in ivy["text"]["text"]
    actions = next(b for b in view["blocks"] if b.get("block_id") == f"cl_row_actions:{invited}")
    assert [e["action_id"] for e in actions["elements"]] == [CandidateList.DISMISS]
    assert actions["elements"][0]["confirm"]["title"]["text"] == "Dismiss this candidate?"
    view = await click(milo, slack, view, CandidateList.DISMISS, metadata.encode(metadata.CandidateRef(done)))
    assert "Dismissed *Dan Done*" in notice(view)
    assert (await candidate(milo, invited)).decision == "shortlisted"
    assert (await candidate(milo, done)).decision == "dismissed"
    assert {"candidate.shortlist", "candidate.dismiss"} <= {a.action for a in await rows(milo, AuditEntry)}

    # A viewer sees no decision buttons; a crafted one is refused in the modal and changes nothing.
    viewer_list = await open_list(milo, slack, "backend", user=VIEWER)
    assert (
        element(viewer_list, CandidateList.SHORTLIST) is None
        and element(viewer_list, CandidateList.DISMISS) is None
    )
    after = await click(milo, slack, viewer_list, CandidateList.DISMISS, ref, user=VIEWER)
    assert "Only admins" in notice(after)
    assert (await candidate(milo, invited)).decision == "shortlisted"
