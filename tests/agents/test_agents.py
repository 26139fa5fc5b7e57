"""Interview agents over the wire: create through the modal, list, share (QR + poster), Edit Questions,
Duplicate, Create Template, Archive, and refusals for viewers, strangers and other workspaces."""

from __future__ import annotations

import json

from milobot.db.models import Agent
from milobot.ids import Action, AgentMenu, Block, Input, View
from milobot.services.agents import DEFAULT_ANCHOR_1
from tests.agents.support import (
    CHANNEL,
    agent_menu,
    agents,
    archive,
    audit_actions,
    create_agent,
    menu_value,
    pdf_pages_text,
    qr_texts,
    ref,
    response_text,
    submit,
    templates,
    versions,
)
from tests.conftest import ADMIN
from tests.fakes import payloads

VIEWER = "UVIEWER001"
STRANGER = "USTRANGER1"
PUBLIC = "http://milobot.test"


async def _uploaded(slack, name: str, *, since: int):
    await slack.wait_for("files.completeUploadExternal", since=since, timeout=10)
    return slack.uploaded_files[name]


async def test_create_agent_list_it_and_share_by_command_and_button(milo, slack):
    mark = slack.mark()
    resp = await milo.command("agent new", user=ADMIN)
    opened = await slack.wait_for("views.open", since=mark)
    assert opened.args["view"]["callback_id"] == View.AGENT_NEW
    channel_el = next(b for b in opened.args["view"]["blocks"] if b.get("block_id") == Block.AGENT_CHANNEL)[
        "element"
    ]
    # The channel is chosen, never defaulted to wherever the command was typed.
    assert channel_el["type"] == "conversations_select" and not channel_el.get(
        "default_to_current_conversation"
    )
    assert resp.status == 200

    assert (
        await create_agent(milo, slack, name="Backend Engineer", role="Senior Backend", location="Berlin")
        == {}
    )
    [agent] = await agents(milo)
    assert (agent.name, agent.role_title, agent.location, agent.channel_id) == (
        "Backend Engineer",
        "Senior Backend",
        "Berlin",
        CHANNEL,
    )
    assert agent.status == "active" and agent.current_version == 1 and len(agent.share_token) >= 20
    [v1] = await versions(milo, agent.id)
    assert [q["text"] for q in v1.questions] == ["Tell me about a hard bug.", "How do you review code?"]
    assert v1.questions[0]["anchor_1"] == DEFAULT_ANCHOR_1 and "hard bug" in v1.questions[0]["anchor_5"]
    assert v1.questions[0]["weight"] == 1.0
    assert "agent.create" in await audit_actions(milo)
    link = f"{PUBLIC}/i/{agent.share_token}"
    confirm = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"].startswith("D"))
    assert "Backend Engineer" in json.dumps(confirm.args["blocks"]) and link in json.dumps(
        confirm.args["blocks"]
    )

    await milo.command("agents", user=ADMIN)
    listing = await milo.replies()
    text = response_text(listing)
    assert link in text and "Share" in text and "Add Candidates" in text
    for label in (
        "Edit Questions",
        "Duplicate Interviewer",
        "Create Template",
        "Manage Webhooks",
        "Archive Interviewer",
    ):
        assert label in text
    assert "0 candidates" in text and "0 completed" in text

    # /milo share with a source tag: the QR decodes to exactly the tagged link; the poster is one page.
    mark = slack.mark()
    await milo.command("share backend lobby-poster", user=ADMIN)
    ack = await slack.wait_for("response_url", since=mark)
    assert f"{link}?src=lobby-poster" in ack.args["text"]
    png = await _uploaded(slack, "qr-backend-engineer-lobby-poster.png", since=mark)
    pdf = slack.uploaded_files["poster-backend-engineer-lobby-poster.pdf"]
    assert qr_texts(png) == [f"{link}?src=lobby-poster"]
    pages = pdf_pages_text(pdf)
    assert len(pages) == 1 and "Backend Engineer" in pages[0]
    assert png.channel == CHANNEL and f"{link}?src=lobby-poster" in png.initial_comment

    # The card's Share button: the plain link, to the conversation the card is in.
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.AGENT_SHARE,
            ref(agent.id),
            channel_id="C0OTHER001",
            response_url=slack.new_response_url(),
        )
    )
    png = await _uploaded(slack, "qr-backend-engineer.png", since=mark)
    assert qr_texts(png) == [link] and png.channel == "C0OTHER001"
    assert len(pdf_pages_text(slack.uploaded_files["poster-backend-engineer.pdf"])) == 1


async def test_share_picker_bad_tag_and_fallback_to_dm(milo, slack):
    await create_agent(milo, slack, name="Backend Engineer Berlin")
    await create_agent(milo, slack, name="Backend Engineer Paris")
    berlin, paris = await agents(milo)

    await milo.command("share backend", user=ADMIN)
    picker = await milo.replies()
    select = picker.args["blocks"][0]["accessory"]
    assert select["type"] == "static_select" and select["action_id"] == Action.AGENT_PICK_FOR_SHARE
    assert {o["text"]["text"] for o in select["options"]} == {
        "Backend Engineer Berlin",
        "Backend Engineer Paris",
    }
    option = next(o for o in select["options"] if "Paris" in o["text"]["text"])

    # The bot isn't in this channel: the upload fails there and the person gets it by DM instead.
    slack.inject_error("files.completeUploadExternal", "not_in_channel")
    mark = slack.mark()
    await milo.interact(
        payloads.static_select_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_PICK_FOR_SHARE,
            option["value"],
            channel_id="C0NOTMEMB",
            response_url=slack.new_response_url(),
        )
    )
    await slack.wait_for("files.completeUploadExternal", since=mark, count=2, timeout=10)
    png = slack.uploaded_files["qr-backend-engineer-paris.png"]
    assert png.channel.startswith("D") and "couldn't post" in png.initial_comment
    assert qr_texts(png) == [f"{PUBLIC}/i/{paris.share_token}"]

    await milo.command("share Berlin Bad$Tag", user=ADMIN)
    refused = await milo.replies(count=3)
    assert "source tag" in refused[2].args["text"]
    await milo.command("share", user=ADMIN)  # no name: a picker of every active agent
    assert len((await milo.replies(count=4))[3].args["blocks"][0]["accessory"]["options"]) == 2
    assert berlin.share_token != paris.share_token


async def test_share_by_a_name_one_archived_agent_shares_with_one_active_words_the_single_choice(milo, slack):
    """`/milo share Ingen` with *Ingen Backend* archived and *Ingen Frontend* active said "Several agents
    match" and offered one agent. It says that only one active agent matches and why the other isn't
    offered; the one choice still shares it. Several active matches keep the old words."""
    await create_agent(milo, slack, name="Ingen Backend")
    await create_agent(milo, slack, name="Ingen Frontend")
    backend, frontend = await agents(milo)
    await archive(milo, slack, backend.id)

    mark = slack.mark()
    await milo.command("share Ingen", user=ADMIN)
    picker = await slack.wait_for("response_url", since=mark)
    section = picker.args["blocks"][0]
    lead = section["text"]["text"]
    assert "Several agents match" not in lead, lead
    assert "Only one active agent matches “Ingen”" in lead
    assert "*Ingen Backend* is archived, so can't be shared" in lead and "Share this one?" in lead
    [option] = section["accessory"]["options"]
    assert option["text"]["text"] == "Ingen Frontend"

    mark = slack.mark()
    await milo.interact(
        payloads.static_select_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_PICK_FOR_SHARE,
            option["value"],
            response_url=slack.new_response_url(),
        )
    )
    shared = await slack.wait_for("response_url", since=mark)
    assert "Sharing *Ingen Frontend*" in shared.args["text"]

    # Two active matches (and the archived one): "several", and the archived one is not offered.
    await create_agent(milo, slack, name="Ingen Data")
    mark = slack.mark()
    await milo.command("share Ingen", user=ADMIN)
    section = (await slack.wait_for("response_url", since=mark)).args["blocks"][0]
    assert "Several agents match “Ingen”" in section["text"]["text"]
    assert {o["text"]["text"] for o in section["accessory"]["options"]} == {"Ingen Frontend", "Ingen Data"}


async def test_edit_questions_creates_a_new_version_and_keeps_the_old(milo, slack):
    await create_agent(milo, slack, questions="First question?\nSecond question?\nThird question?")
    [agent] = await agents(milo)
    mark = slack.mark()
    await agent_menu(milo, slack, AgentMenu.EDIT_QUESTIONS, agent.id)
    opened = await slack.wait_for("views.open", since=mark)
    view = opened.args["view"]
    assert view["callback_id"] == View.AGENT_EDIT_QUESTIONS and len(view["blocks"]) <= 100
    # 3 questions + 1 empty slot, 4 inputs each, plus the note
    assert len(view["blocks"]) == 1 + 4 * 4
    weight = next(b for b in view["blocks"] if b.get("block_id") == "q_weight:0")["element"]
    assert weight["type"] == "number_input" and weight["is_decimal_allowed"] is True

    def slot(i, text, a1=None, a5=None, w=None):
        return {
            f"q_text:{i}": {Input.VALUE: payloads.text_input_state(text)},
            f"q_anchor1:{i}": {Input.VALUE: payloads.text_input_state(a1)},
            f"q_anchor5:{i}": {Input.VALUE: payloads.text_input_state(a5)},
            f"q_weight:{i}": {Input.VALUE: payloads.number_input_state(w)},
        }

    from milobot import metadata

    context = metadata.decode(metadata.ModalContext, view["private_metadata"])
    bad = {**slot(0, "First question?", w="11"), **slot(1, "Second?"), **slot(2, ""), **slot(3, "")}
    answer = await submit(milo, slack.team_id, ADMIN, View.AGENT_EDIT_QUESTIONS, bad, context)
    assert answer["response_action"] == "errors" and "q_weight:0" in answer["errors"]

    state = {
        **slot(0, "First question, sharper?", "Rambles.", "Names the trade-off and the result.", "2.5"),
        **slot(1, ""),  # blank text removes the question
        **slot(2, "Third question?", w="1"),
        **slot(3, "A brand new fourth?"),
    }
    answer = await submit(milo, slack.team_id, ADMIN, View.AGENT_EDIT_QUESTIONS, state, context)
    assert answer["response_action"] == "update" and "version 2" in json.dumps(answer["view"])

    v1, v2 = await versions(milo, agent.id)
    assert [q["text"] for q in v1.questions] == ["First question?", "Second question?", "Third question?"]
    assert [q["text"] for q in v2.questions] == [
        "First question, sharper?",
        "Third question?",
        "A brand new fourth?",
    ]
    assert v2.questions[0] == {
        "text": "First question, sharper?",
        "anchor_1": "Rambles.",
        "anchor_5": "Names the trade-off and the result.",
        "weight": 2.5,
    }
    assert v2.questions[2]["anchor_1"] == DEFAULT_ANCHOR_1 and v2.questions[2]["weight"] == 1.0
    [agent] = await agents(milo)
    assert agent.current_version == 2 and v2.version == 2
    assert "agent.edit_questions" in await audit_actions(milo)


async def test_duplicate_template_and_new_agent_from_template(milo, slack):
    await create_agent(
        milo, slack, name="Support Lead", questions="How do you calm an angry customer?\nWhat is a good SLA?"
    )
    [source] = await agents(milo)
    await agent_menu(milo, slack, AgentMenu.DUPLICATE, source.id)
    dup_reply = await milo.replies()
    assert "Support Lead (copy)" in response_text(dup_reply)
    _, copy = await agents(milo)
    assert (
        copy.name == "Support Lead (copy)"
        and copy.share_token != source.share_token
        and copy.current_version == 1
    )
    assert (await versions(milo, copy.id))[0].questions == (await versions(milo, source.id))[0].questions

    await agent_menu(milo, slack, AgentMenu.CREATE_TEMPLATE, source.id)
    assert "Saved the template" in (await milo.replies(count=2))[1].args["text"]
    [template] = await templates(milo)
    assert [q["text"] for q in template.questions] == [
        "How do you calm an angry customer?",
        "What is a good SLA?",
    ]

    # The new-agent modal now offers the template; an agent made from it gets its questions.
    mark = slack.mark()
    await milo.command("agent new", user=ADMIN)
    opened = await slack.wait_for("views.open", since=mark)
    select = next(b for b in opened.args["view"]["blocks"] if b.get("block_id") == Block.AGENT_TEMPLATE)[
        "element"
    ]
    assert select["type"] == "static_select" and select["options"][0]["value"] == str(template.id)
    assert (
        await create_agent(milo, slack, name="Support Lead Lisbon", questions=None, template=template.id)
        == {}
    )
    made = (await agents(milo))[-1]
    assert made.name == "Support Lead Lisbon" and made.template_id == template.id
    assert (await versions(milo, made.id))[0].questions == template.questions

    # Neither questions nor a template: the error lands on the questions block, nothing is created.
    answer = await create_agent(milo, slack, name="Empty", questions="  \n ")
    assert answer["response_action"] == "errors" and Block.AGENT_QUESTIONS in answer["errors"]
    answer = await create_agent(milo, slack, name="x" * 201)
    assert answer["response_action"] == "errors" and Block.AGENT_NAME in answer["errors"]
    assert len(await agents(milo)) == 3


async def test_archive_updates_the_card_in_place_and_unarchive_restores(milo, slack):
    await create_agent(milo, slack, name="<!channel> Night <b>Shift</b>")
    [agent] = await agents(milo)
    await milo.command("agents", user=ADMIN)
    listing = await milo.replies()
    assert "&lt;!channel&gt; Night &lt;b&gt;Shift&lt;/b&gt;" in response_text(listing)
    assert "<!channel>" not in response_text(listing)
    message = payloads.bot_message(slack.team_id, blocks=listing.args["blocks"])

    mark = slack.mark()
    await milo.interact(
        payloads.overflow_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_ACTIONS,
            menu_value(AgentMenu.ARCHIVE, agent.id),
            message=message,
            response_url=slack.new_response_url(),
        )
    )
    replaced = await slack.wait_for(
        "response_url", lambda c: c.args.get("replace_original") is True, since=mark
    )
    text = json.dumps(replaced.args["blocks"])
    assert "archived" in text and "Unarchive Interviewer" in text and "Add Candidates" not in text
    assert replaced.args["blocks"][0]["type"] == "header"  # the rest of the list is kept around the card
    [agent] = await agents(milo)
    assert agent.status == "archived" and agent.archived_at is not None

    # The archived card has no Share button; a crafted click is refused and nothing is uploaded.
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, Action.AGENT_SHARE, ref(agent.id), response_url=slack.new_response_url()
        )
    )
    refused = await slack.wait_for(
        "response_url", lambda c: "Unarchive it first" in c.args.get("text", ""), since=mark
    )
    assert "archived" in refused.args["text"]
    assert all(
        "<!channel>" not in c.args.get("text", "") for c in slack.calls[mark:] if c.method == "response_url"
    )
    assert not [c for c in slack.calls[mark:] if c.method == "files.completeUploadExternal"]

    message = payloads.bot_message(slack.team_id, blocks=replaced.args["blocks"])
    mark = slack.mark()
    await milo.interact(
        payloads.overflow_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_ACTIONS,
            menu_value(AgentMenu.UNARCHIVE, agent.id),
            message=message,
            response_url=slack.new_response_url(),
        )
    )
    restored = await slack.wait_for(
        "response_url", lambda c: c.args.get("replace_original") is True, since=mark
    )
    assert "Archive Interviewer" in json.dumps(restored.args["blocks"])
    [agent] = await agents(milo)
    assert agent.status == "active" and agent.archived_at is None
    assert (await audit_actions(milo))[-2:] == ["agent.archive", "agent.unarchive"]


async def test_a_long_question_opens_edit_questions_with_every_value_inside_its_field(milo, slack):
    """The default "a 5 looks like" repeats the question after a lead-in: for a question near the
    1,000-character limit it must still fit the 1,000-character anchor field of Edit Questions, or the
    modal carries an initial value its own field refuses. Anchors past their fields are refused too."""
    long_question = "Walk us through a migration you led? " + "x" * 960
    assert len(long_question) <= 1000
    answer = await create_agent(milo, slack, questions=long_question)
    assert answer.get("response_action") != "errors", answer
    [agent] = await agents(milo)
    [v1] = await versions(milo, agent.id)
    assert len(v1.questions[0]["anchor_5"]) <= 1000

    mark = slack.mark()
    await agent_menu(milo, slack, AgentMenu.EDIT_QUESTIONS, agent.id)
    view = (await slack.wait_for("views.open", since=mark)).args["view"]
    inputs = [b["element"] for b in view["blocks"] if b["type"] == "input"]
    assert inputs
    for element in inputs:
        if element["type"] == "plain_text_input" and element.get("initial_value"):
            assert len(element["initial_value"]) <= element["max_length"], element["action_id"]

    from milobot import metadata

    context = metadata.decode(metadata.ModalContext, view["private_metadata"])
    crafted = {
        "q_text:0": {Input.VALUE: payloads.text_input_state("Short question?")},
        "q_anchor1:0": {Input.VALUE: payloads.text_input_state("y" * 501)},
        "q_anchor5:0": {Input.VALUE: payloads.text_input_state(None)},
        "q_weight:0": {Input.VALUE: payloads.number_input_state(None)},
    }
    answer = await submit(milo, slack.team_id, ADMIN, View.AGENT_EDIT_QUESTIONS, crafted, context)
    assert answer["response_action"] == "errors", answer
    assert len(await versions(milo, agent.id)) == 1


async def test_viewer_cannot_create_or_edit_and_stranger_is_refused(milo, slack):
    await create_agent(milo, slack, name="Data Analyst")
    [agent] = await agents(milo)
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    before_audit = await audit_actions(milo)

    await milo.command("agent new", user=VIEWER)
    assert "Only admins" in (await milo.replies(count=2))[1].args["text"]
    answer = await create_agent(milo, slack, name="Sneaky", user=VIEWER)
    assert answer["response_action"] == "errors" and "Only admins" in answer["errors"][Block.AGENT_NAME]
    for choice in (AgentMenu.EDIT_QUESTIONS, AgentMenu.ARCHIVE, AgentMenu.DUPLICATE):
        await milo.interact(
            payloads.overflow_action(
                slack.team_id,
                VIEWER,
                Action.AGENT_ACTIONS,
                menu_value(choice, agent.id),
                response_url=slack.new_response_url(),
            )
        )
    refusals = await milo.replies(count=5)
    assert all("Only admins" in r.args["text"] for r in refusals[2:])
    context = {"agent_id": agent.id}
    from milobot import metadata

    answer = await submit(
        milo,
        slack.team_id,
        VIEWER,
        View.AGENT_EDIT_QUESTIONS,
        {"q_text:0": {Input.VALUE: payloads.text_input_state("Hijacked?")}},
        metadata.ModalContext(**context),
    )
    assert answer["response_action"] == "errors"

    # Viewers may list and share.
    await milo.command("agents", user=VIEWER)
    assert "Data Analyst" in response_text((await milo.replies(count=6))[5])

    await milo.command("agents", user=STRANGER)
    stranger = (await milo.replies(count=7))[6]
    assert (
        "not on this workspace's milobot team" in stranger.args["text"]
        and f"<@{ADMIN}>" in stranger.args["text"]
    )

    [after] = await agents(milo)
    assert (after.name, after.status, after.current_version) == ("Data Analyst", "active", 1)
    assert len(await versions(milo, agent.id)) == 1
    assert await audit_actions(milo) == before_audit
    assert not [c for c in slack.calls if c.method == "views.open"]


async def test_another_workspaces_agent_id_is_not_found(milo, slack):
    slack.add_workspace("T2", "xoxb-2")
    await milo.seat("T2", ADMIN)  # an admin there too
    await create_agent(milo, slack, name="Home Team Agent")
    [agent] = await agents(milo)
    mark = slack.mark()
    for choice in (
        AgentMenu.ARCHIVE,
        AgentMenu.EDIT_QUESTIONS,
        AgentMenu.DUPLICATE,
        AgentMenu.CREATE_TEMPLATE,
    ):
        await milo.interact(
            payloads.overflow_action(
                "T2",
                ADMIN,
                Action.AGENT_ACTIONS,
                menu_value(choice, agent.id),
                response_url=slack.new_response_url(),
            )
        )
    await milo.interact(
        payloads.block_actions(
            "T2", ADMIN, Action.AGENT_SHARE, ref(agent.id), response_url=slack.new_response_url()
        )
    )
    await milo.interact(
        payloads.block_actions(
            "T2", ADMIN, Action.AGENT_ADD_CANDIDATES, ref(agent.id), response_url=slack.new_response_url()
        )
    )
    replies = await slack.wait_for("response_url", count=6, since=mark)
    assert all("doesn't exist here" in r.args["text"] for r in replies)

    from milobot import metadata

    answer = await submit(
        milo,
        "T2",
        ADMIN,
        View.ADD_CANDIDATES,
        {Block.CANDIDATES_TEXT: {Input.VALUE: payloads.text_input_state("Eve, eve@example.com")}},
        metadata.ModalContext(agent_id=agent.id),
    )
    assert (
        answer["response_action"] == "errors"
        and "doesn't exist here" in answer["errors"][Block.CANDIDATES_TEXT]
    )
    [after] = await agents(milo)
    assert after.status == "active" and len(await versions(milo, agent.id)) == 1
    assert await templates(milo) == []
    assert not [c for c in slack.calls[mark:] if c.method in ("views.open", "files.completeUploadExternal")]
    assert isinstance(after, Agent)


async def test_many_agents_page_within_block_limits_and_home_buttons(milo, slack):
    for i in range(14):
        await create_agent(milo, slack, name=f"Agent {i:02d}")
    await milo.command("agents", user=ADMIN)
    first = await milo.replies()
    assert len(first.args["blocks"]) <= 50 and "page 1 of 2" in response_text(first)
    nav = first.args["blocks"][-1]
    assert nav["type"] == "actions" and nav["elements"][0]["text"]["text"] == "Next"
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            nav["elements"][0]["action_id"],
            nav["elements"][0]["value"],
            response_url=slack.new_response_url(),
        )
    )
    second = await slack.wait_for("response_url", since=mark)
    assert second.args["replace_original"] is True and "page 2 of 2" in response_text(second)
    assert "Agent 00" in response_text(second) and "Agent 13" not in response_text(second)

    home = {"id": "VHOME00001", "type": "home", "blocks": []}
    mark = slack.mark()
    await milo.interact(payloads.block_actions(slack.team_id, ADMIN, Action.HOME_NEW_AGENT, "", view=home))
    assert (await slack.wait_for("views.open", since=mark)).args["view"]["callback_id"] == View.AGENT_NEW
    await milo.interact(payloads.block_actions(slack.team_id, ADMIN, Action.HOME_LIST_AGENTS, "", view=home))
    dm = await slack.wait_for(
        "chat.postMessage", lambda c: "page 1 of 2" in json.dumps(c.args.get("blocks")), since=mark
    )
    assert dm.args["channel"].startswith("D")
