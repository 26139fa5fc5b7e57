"""Say only what exists: `/milo help` and the manifest's usage hint against the command router, both
ways; and the words the help, App Home, welcome DM and manifest use for things that aren't built."""

from __future__ import annotations

import re

from milobot.blocks import help as help_module
from milobot.blocks.home import home_view
from milobot.blocks.team import welcome_blocks
from milobot.handlers.commands import SUBCOMMANDS
from milobot.handlers.payload import parse_command_text
from milobot.manifest import load_manifest
from milobot.services.home import HomeData
from tests.conftest import ADMIN

NOT_BUILT: tuple[str, ...] = ()  # not built yet: offered nowhere (everything advertised is built now)


def _routed(milo) -> list[set[str]]:
    """The words that reach each routed subcommand (`help` and its alias `?` are one)."""
    assert milo.container is not None  # the app is built, so every subcommand module has registered
    names: dict[object, set[str]] = {}
    for word, fn in SUBCOMMANDS.items():
        names.setdefault(fn, set()).add(word)
    return list(names.values())


def _help_subcommands() -> list[str]:
    return [
        parse_command_text(example[len("/milo") :]).sub
        for _, example, _ in help_module.COMMANDS
        if example.startswith("/milo")
    ]


async def test_help_and_router_agree_both_ways(milo, slack):
    routed = _routed(milo)
    in_help = _help_subcommands()
    for sub in in_help:
        assert sub in SUBCOMMANDS, f"/milo help offers `{sub}`, which no subcommand handles"
    for words in routed:
        assert words & set(in_help), f"`/milo {sorted(words)[-1]}` works but /milo help doesn't mention it"

    # And over the wire: every command help shows is understood (no "I don't know").
    for _, example, _ in help_module.COMMANDS:
        if not example.startswith("/milo"):
            continue
        mark = slack.mark()
        await milo.command(example[len("/milo ") :], user=ADMIN)
        opens_modal = example.endswith(" new") or example == "/milo settings"
        method = "views.open" if opens_modal else "response_url"
        answered = await slack.wait_for(method, since=mark)
        assert "I don't know" not in str(answered.args), example


def test_manifest_usage_hint_and_router_agree_both_ways(milo):
    command = load_manifest()["features"]["slash_commands"][0]
    hinted = {parse_command_text(part).sub for part in command["usage_hint"].split("|")}
    assert hinted <= set(SUBCOMMANDS), f"the usage hint offers {hinted - set(SUBCOMMANDS)}"
    for words in _routed(milo):
        assert words & hinted, (
            f"`/milo {sorted(words)[-1]}` works but the manifest's usage hint leaves it out"
        )
    for word in NOT_BUILT:
        assert word.lower() not in command["description"].lower()


def test_nothing_unbuilt_is_offered():
    texts = (
        [str(help_module.help_blocks(role=role)) for role in ("admin", "viewer", None)]
        + [str(welcome_blocks(role=role, invited_by=ADMIN)) for role in ("admin", "viewer")]
        + [
            str(home_view(HomeData(user_id=ADMIN, role=role, admin_ids=(ADMIN,))))
            for role in ("admin", "viewer")
        ]
    )
    manifest = load_manifest()["display_information"]
    texts.append(manifest["description"] + manifest["long_description"])
    for text in texts:
        for word in NOT_BUILT:
            assert not re.search(rf"\b{re.escape(word)}", text, re.IGNORECASE), (word, text[:200])
    assert "/milo candidates" in texts[0]
