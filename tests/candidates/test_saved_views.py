"""Saved views over the wire: save the current filters under a name, pick, update, rename, delete; the
last view used opens next time; another person's or workspace's view is refused and changes nothing."""

from __future__ import annotations

from sqlalchemy import select

from milobot import metadata
from milobot.db.models import CandidateListPref, SavedView
from milobot.ids import CandidateList, CandidateListBlock, CandidateListView, Input
from tests.candidates.support import (
    VIEWER,
    apply_filters,
    click,
    element,
    invite_viewer,
    make_agent,
    names_of,
    notice,
    open_list,
    seed,
    state_of,
    submit_form,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads


def _name(value: str) -> dict:
    return {CandidateListBlock.VIEW_NAME: {Input.VALUE: payloads.text_input_state(value)}}


async def _views(milo) -> list[SavedView]:
    async with milo.container.db.unit_of_work() as s:
        return list((await s.scalars(select(SavedView).order_by(SavedView.id))).all())


async def _save(milo, slack, view: dict, name: str, *, user: str = ADMIN):
    form = await click(milo, slack, view, CandidateList.SAVE_VIEW, user=user, expect="views.push")
    assert form["callback_id"] == CandidateListView.VIEW_NAME
    return await submit_form(milo, slack, form, view, _name(name), user=user)


async def test_save_pick_update_rename_delete_and_the_last_view_opens_next_time(milo, slack):
    agent_id = await make_agent(milo)
    await seed(milo, agent_id, "Top Scorer", status="completed", score=92)
    await seed(milo, agent_id, "Low Scorer", status="completed", score=30)
    await seed(milo, agent_id, "Not Yet")

    view = await open_list(milo, slack, "backend")
    _, view = await apply_filters(
        milo, slack, view, statuses=["completed"], sort="score_desc", columns=["score"]
    )
    answer, view = await _save(milo, slack, view, "  Top   scorers ")
    assert answer == {} and "Saved “Top scorers”" in notice(view)
    [saved] = await _views(milo)
    assert (saved.name, saved.slack_user_id, saved.agent_id) == ("Top scorers", ADMIN, agent_id)
    assert saved.config == {"statuses": ["completed"], "sort": "score_desc", "columns": ["score"]}
    picker = element(view, CandidateList.PICK_VIEW)
    assert picker["initial_option"]["text"]["text"] == "Top scorers"

    # Same name again (any case): refused on the form, nothing saved.
    answer, _ = await _save(milo, slack, view, "top SCORERS")
    assert "already have a view" in answer["errors"][CandidateListBlock.VIEW_NAME]
    answer, _ = await _save(milo, slack, view, "   ")
    assert "name" in answer["errors"][CandidateListBlock.VIEW_NAME]
    assert len(await _views(milo)) == 1

    # The list opens with the view used last.
    view = await open_list(milo, slack, "backend")
    assert names_of(view) == ["Top Scorer", "Low Scorer"] and state_of(view).view_id == saved.id

    # Changing a filter marks the view changed; Update view saves over it.
    _, view = await apply_filters(
        milo, slack, view, statuses=["completed"], score_min="50", sort="score_desc"
    )
    assert element(view, CandidateList.UPDATE_VIEW) is not None
    view = await click(milo, slack, view, CandidateList.UPDATE_VIEW)
    assert (await _views(milo))[0].config["score_min"] == 50 and element(
        view, CandidateList.UPDATE_VIEW
    ) is None

    # Rename.
    form = await click(milo, slack, view, CandidateList.RENAME_VIEW, expect="views.push")
    assert form["blocks"][0]["element"]["initial_value"] == "Top scorers"
    _, view = await submit_form(milo, slack, form, view, _name("Shortlist-worthy"))
    assert (await _views(milo))[0].name == "Shortlist-worthy" and "Renamed" in notice(view)

    # Pick the default view: it opens next time.
    view = await click(milo, slack, view, CandidateList.PICK_VIEW, "default", select=True)
    assert len(names_of(view)) == 3
    view = await open_list(milo, slack, "backend")
    assert len(names_of(view)) == 3 and state_of(view).view_id is None

    # Pick it again, then delete it: back to the default, row gone, preference cleared.
    view = await click(milo, slack, view, CandidateList.PICK_VIEW, str(saved.id), select=True)
    assert names_of(view) == ["Top Scorer"]
    view = await click(milo, slack, view, CandidateList.DELETE_VIEW)
    assert await _views(milo) == [] and len(names_of(view)) == 3 and "Deleted" in notice(view)
    async with milo.container.db.unit_of_work() as s:
        [pref] = (await s.scalars(select(CandidateListPref))).all()
        assert pref.view_id is None and pref.slack_user_id == ADMIN
    slack.assert_no_violations()


async def test_views_are_per_person_and_crafted_ids_change_nothing(milo, slack):
    await invite_viewer(milo, slack)
    agent_id = await make_agent(milo)
    other_agent = await make_agent(milo, name="Designer")
    theirs = await make_agent(milo, name="Elsewhere", team="T0OTHER001")
    await seed(milo, agent_id, "Ada Lovelace", status="completed", score=80)
    view = await open_list(milo, slack, "backend")
    _, view = await apply_filters(milo, slack, view, score_min="70")
    _, view = await _save(milo, slack, view, "Mine")
    [admins_view] = await _views(milo)

    # The viewer doesn't see the admin's view, and may save their own of the same name.
    viewer_list = await open_list(milo, slack, "backend", user=VIEWER)
    assert "Mine" not in text_of(viewer_list) and state_of(viewer_list).view_id is None
    _, viewer_list = await _save(milo, slack, viewer_list, "Mine", user=VIEWER)
    assert len(await _views(milo)) == 2

    # The viewer picks the admin's view id in a crafted select: refused, nothing changes.
    after = await click(
        milo, slack, viewer_list, CandidateList.PICK_VIEW, str(admins_view.id), select=True, user=VIEWER
    )
    assert "doesn't exist" in notice(after)
    # ...or deletes it through crafted private_metadata.
    crafted = {
        **after,
        "private_metadata": metadata.encode(
            metadata.CandidateListState(agent_id=agent_id, view_id=admins_view.id)
        ),
    }
    after = await click(milo, slack, crafted, CandidateList.DELETE_VIEW, "x", user=VIEWER)
    assert "doesn't exist" in text_of(after)
    assert admins_view.id in [v.id for v in await _views(milo)]
    # A view of another agent, or an agent of another workspace, in a rename form: refused on the form.
    for agent in (other_agent, theirs):
        state = metadata.CandidateListState(agent_id=agent, view_id=admins_view.id, form="rename")
        form = {"id": "VFORM0001", "callback_id": CandidateListView.VIEW_NAME, "private_metadata": ""}
        answer, _ = await submit_form(
            milo, slack, form, view, _name("Hijacked"), private_metadata=metadata.encode(state)
        )
        assert "doesn't exist" in answer["errors"][CandidateListBlock.VIEW_NAME]
    assert [v.name for v in await _views(milo)] == ["Mine", "Mine"]
    slack.assert_no_violations()
