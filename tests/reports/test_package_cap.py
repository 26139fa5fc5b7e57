"""A package over the size Slack accepts is refused on the modal, saying what to leave out; and the pure
builders that put the report controls on the card, the profile and the agent card stay within Slack's
limits."""

from __future__ import annotations

import json

import pytest

from milobot.blocks.agent import card_blocks as agent_card_blocks
from milobot.blocks.candidate import card_blocks
from milobot.blocks.help import help_text
from milobot.blocks.report import package_modal, report_actions, report_buttons, report_menu
from milobot.ids import ReportAction
from milobot.metadata import PackageTarget
from milobot.services.agents import AgentCard
from milobot.services.report_packages import ItemOption, PackageOptions, folder_name, slug
from tests.fakes.blockkit import validate_message_blocks, validate_view
from tests.interview_web.test_card_blocks import big_card
from tests.reports.support import menu, seed
from tests.reports.test_package import ALL, submit, uploaded_zip


@pytest.fixture
def settings_overrides():
    return {"package_max_bytes": 300_000}


async def test_over_the_cap_the_modal_says_what_to_leave_out(milo, slack):
    seeded = await seed(milo, video=b"\x1aE\xdf\xa3" + bytes(400_000))
    await menu(milo, "package", seeded.candidate_id)
    view = (await slack.wait_for("views.open")).args["view"]
    assert "Slack takes files up to 300 KB" in json.dumps(view)

    target = PackageTarget(candidate_id=seeded.candidate_id)
    answer = await submit(milo, target, ALL)
    error = answer["errors"]["report_items"]
    assert answer["response_action"] == "errors"
    assert "Leave out the video recording (400 KB) to fit" in error and "300 KB" in error

    answer = await submit(milo, target, [k for k in ALL if k != "video"])
    assert answer["response_action"] == "update"
    archive = await uploaded_zip(slack, "candidate-files-zoe-nguyen-ukasz-b-bold-b-channel.zip")
    assert "video.webm" not in archive.namelist() and "report.pdf" in archive.namelist()


def test_report_controls_fit_slacks_limits():
    blocks = card_blocks(big_card(80))
    assert validate_message_blocks(blocks) == []
    actions = next(b for b in blocks if b["type"] == "actions")
    overflow = next(e for e in actions["elements"] if e["type"] == "overflow")
    assert overflow["action_id"] == ReportAction.MENU
    assert [o["text"]["text"] for o in overflow["options"]] == [
        "View Report",
        "Download PDF",
        "Package ZIP",
        "Revoke report links",
    ]
    assert all(len(o["value"]) <= 150 for o in overflow["options"])
    assert report_menu(2**31).to_dict()["options"][0]["value"]

    viewer = [b.to_dict()["text"]["text"] for b in report_buttons(7)]
    admin = [b.to_dict()["text"]["text"] for b in report_buttons(7, can_revoke=True)]
    assert viewer == ["View Report", "Download PDF", "Package ZIP"]
    assert admin == viewer + ["Revoke report links"]
    assert validate_message_blocks([report_actions(7, can_revoke=True).to_dict()]) == []

    card = AgentCard(1, "A" * 200, None, None, "active", None, "http://x/i/t", 1, 3)
    labels = [
        e.to_dict().get("text", {}).get("text") for b in agent_card_blocks(card)[1:] for e in b.elements
    ]
    assert "Package shortlisted" in labels
    assert validate_message_blocks([b.to_dict() for b in agent_card_blocks(card)]) == []
    assert "candidate card" in help_text() and "Package shortlisted" in help_text()


def test_package_modal_is_valid_for_any_shortlist():
    items = tuple(ItemOption(k, k.title() * 20, n, 10**n, missing=n % 2) for n, k in enumerate(ALL))
    options = PackageOptions("<!channel> " + "N" * 500, None, 3, 200, items, 1_000_000_000)
    view = package_modal(options)
    assert validate_view(view) == []
    assert "<!channel>" not in json.dumps(view)


def test_folder_names_and_slugs_cannot_escape():
    for name in ("../../etc/passwd", "C:\\Windows\\x", "\x00\x01", "名前", "", " . ", "/" * 100):
        made = folder_name(3, name)
        assert made.startswith("03-") and all(c.isalnum() or c == "-" for c in made), made
    assert slug("Zoë Nguyễn") == "zoe-nguyen" and slug("王") == "candidate"
