"""The pure pieces of candidate review: which reactions rate, how a note's rich text becomes text and
text becomes safe mrkdwn, signed file links, and the nudge policy's rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from milobot.blocks.review_words import note_mrkdwn
from milobot.blocks.text import display
from milobot.db.models import Candidate
from milobot.errors import Gone, NotFound
from milobot.handlers.review_common import rich_text_to_text
from milobot.services.files import RECORDING, read_file_token, sign_file
from milobot.services.nudges import COMPLETED, DISMISSED, NO_EMAIL, TOO_MANY, TOO_SOON, refusal
from milobot.services.ratings import reaction_value

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    "name, value",
    [
        ("+1", 1),
        ("thumbsup", 1),
        ("+1::skin-tone-2", 1),
        ("thumbsup::skin-tone-6", 1),
        ("-1", -1),
        ("thumbsdown::skin-tone-4", -1),
        ("tada", None),
        ("+1::skin-tone-x", None),
        ("+1 ", 1),
        ("", None),
        (None, None),
        ("heavy_plus_sign", None),
    ],
)
def test_which_reactions_rate(name, value):
    assert reaction_value(name) == value


def test_rich_text_keeps_mentions_and_turns_broadcasts_into_words():
    value = {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_section",
                "elements": [
                    {"type": "text", "text": "Ask "},
                    {"type": "user", "user_id": "U0TEAM0001"},
                    {"type": "text", "text": " and "},
                    {"type": "broadcast", "range": "here"},
                    {"type": "usergroup", "usergroup_id": "S123"},
                    {"type": "link", "url": "https://ex.ample", "text": "the doc"},
                    {"type": "emoji", "name": "fire"},
                    {"type": "text", "text": "\n"},
                ],
            },
            {
                "type": "rich_text_list",
                "style": "ordered",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": "first"}]},
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": "second"}]},
                ],
            },
            {"type": "rich_text_quote", "elements": [{"type": "text", "text": "quoted"}]},
        ],
    }
    assert (
        rich_text_to_text(value)
        == "Ask <@U0TEAM0001> and @here@groupthe doc:fire:\n1. first\n2. second\n> quoted"
    )
    assert rich_text_to_text(None) == ""


def test_note_text_is_escaped_and_only_teammates_stay_mentions():
    body = (
        "<!channel> <!here|here> <!subteam^S1> <@U0TEAM0001> <@U0TEAM0001|dana> <@U0OTHER001> "
        "<@U0TEAM0001|<!channel>> <https://evil.example|click here> <#C0HIRING01>\nline two &amp;"
    )
    shown = note_mrkdwn(body, {"U0TEAM0001"})
    assert "<!" not in shown and "<http" not in shown
    # display() also keeps the bare link inert (look-alike colon and dots): it reads the same, links nowhere.
    assert "&lt;!channel&gt;" in shown and display("<https://evil.example|click here>") in shown
    assert shown.count("<@U0TEAM0001>") == 2 and "&lt;@U0OTHER001&gt;" in shown
    assert "&lt;@U0TEAM0001|&lt;!channel&gt;&gt;" in shown  # a mention hiding a broadcast stays text
    assert "<#C0HIRING01>" in shown and shown.endswith("line two &amp;amp;")
    assert len(note_mrkdwn("word " * 2000, set(), limit=500)) <= 520


def test_file_links_are_signed_and_expire():
    token = sign_file("secret", workspace_id=3, kind=RECORDING, ref_id=9, expires=NOW + timedelta(hours=1))
    claim = read_file_token("secret", token, now=NOW)
    assert (claim.workspace_id, claim.kind, claim.ref_id) == (3, RECORDING, 9)
    with pytest.raises(NotFound):
        read_file_token("another secret", token, now=NOW)
    body, mac = token.split(".")
    other = sign_file("secret", workspace_id=4, kind=RECORDING, ref_id=9, expires=NOW + timedelta(hours=1))
    with pytest.raises(NotFound):
        read_file_token("secret", other.split(".")[0] + "." + mac, now=NOW)  # another workspace's body
    for garbage in ("", ".", "a.b", "!!!.???", token + "x", "x" * 500):
        with pytest.raises(NotFound):
            read_file_token("secret", garbage, now=NOW)
    with pytest.raises(Gone):
        read_file_token("secret", token, now=NOW + timedelta(hours=1))


def test_each_nudge_rule():
    def person(**kw):
        base = dict(status="invited", decision="none", email="a@b.co", nudge_count=0, last_nudged_at=None)
        return Candidate(**{**base, **kw})

    assert refusal(person(), now=NOW) is None
    assert refusal(person(status="in_progress"), now=NOW) is None
    assert refusal(person(status="completed"), now=NOW) == COMPLETED
    assert refusal(person(decision="dismissed"), now=NOW) == DISMISSED
    assert refusal(person(email=None), now=NOW) == NO_EMAIL
    assert refusal(person(nudge_count=3, last_nudged_at=NOW - timedelta(days=9)), now=NOW) == TOO_MANY
    assert (
        refusal(person(nudge_count=1, last_nudged_at=NOW - timedelta(hours=23, minutes=59)), now=NOW)
        == TOO_SOON
    )
    assert refusal(person(nudge_count=1, last_nudged_at=NOW - timedelta(hours=24)), now=NOW) is None


def test_the_history_words_every_entry_it_shows_and_names_the_ats_rather_than_a_broken_mention():
    """The profile's History reads the candidate's audit entries: reports made and candidates arriving
    from the ATS were shown as their codes ("report․link") and as `<@ats:greenhouse>`, a mention of no
    one."""
    from milobot.blocks.profile import history_line
    from milobot.services.profile import HistoryLine

    def line(action, actor="U1", **detail):
        return history_line(HistoryLine(NOW, actor, action, detail)).split(" · ", 1)[1]

    assert line("report.link") == "<@U1> made a View Report link"
    assert line("report.pdf") == "<@U1> downloaded the PDF report"
    assert line("report.package") == "<@U1> made a Package ZIP"
    assert line("report.revoke") == "<@U1> revoked the report links"
    assert line("candidate.from_ats", "ats:greenhouse", stage="Phone screen") == (
        "Greenhouse added the candidate (stage Phone screen)"
    )
    assert line("candidate.from_ats", "ats:lever") == "Lever added the candidate"
