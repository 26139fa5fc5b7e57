"""Reports in Slack: the candidate card's report menu, the buttons the candidate profile shows, Package
shortlisted on the agent card, the link reply, the Package ZIP modal and its progress message. Pure
builders; every name from outside goes through `display`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ConfirmObject,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from milobot.blocks.text import display, display_plain
from milobot.ids import ReportAction, ReportMenu, ReportView
from milobot.metadata import AgentRef, CandidateRef, PackageTarget, ReportChoice, encode

if TYPE_CHECKING:
    from milobot.services.report_packages import PackageOptions, PackageRequest
    from milobot.services.reports import PdfRequest, ReportLink, Revoked

LABELS = {
    ReportMenu.VIEW: "View Report",
    ReportMenu.PDF: "Download PDF",
    ReportMenu.PACKAGE: "Package ZIP",
    ReportMenu.REVOKE: "Revoke report links",
}
PACKAGE_TITLE = "Download Candidate Files"  # the seed's "Download Candidate Files Zip" dialog, in 24 chars
DEFAULT_ITEMS = ("report_pdf", "resume", "transcript_txt")


def _revoke_confirm(name: str | None = None) -> ConfirmObject:
    who = f" for {display_plain(name, 60)}" if name else ""
    return ConfirmObject(
        title="Revoke report links?",
        text=f"Every report link already handed out{who} stops working. New links can be made any time.",
        confirm="Revoke",
        deny="Cancel",
        style="danger",
    )


def report_menu(candidate_id: int) -> OverflowMenuElement:
    """The candidate card's overflow: the three report forms, and Revoke (the service lets only admins)."""
    return OverflowMenuElement(
        action_id=ReportAction.MENU,
        options=[
            Option(
                value=encode(ReportChoice(action=str(k), candidate_id=candidate_id), limit=150), text=label
            )
            for k, label in LABELS.items()
        ],
    )


def report_buttons(candidate_id: int, *, can_revoke: bool = False) -> list[ButtonElement]:
    """The buttons for the candidate profile (one line to include them there): View Report, Download PDF,
    Package ZIP, and Revoke report links for admins."""
    value = encode(CandidateRef(candidate_id))
    buttons = [
        ButtonElement(text=LABELS[ReportMenu.VIEW], action_id=ReportAction.VIEW, value=value),
        ButtonElement(text=LABELS[ReportMenu.PDF], action_id=ReportAction.PDF, value=value),
        ButtonElement(text=LABELS[ReportMenu.PACKAGE], action_id=ReportAction.PACKAGE, value=value),
    ]
    if can_revoke:
        buttons.append(
            ButtonElement(
                text=LABELS[ReportMenu.REVOKE],
                action_id=ReportAction.REVOKE,
                value=value,
                style="danger",
                confirm=_revoke_confirm(),
            )
        )
    return buttons


def report_actions(candidate_id: int, *, can_revoke: bool = False) -> ActionsBlock:
    return ActionsBlock(
        block_id=f"report:{candidate_id}", elements=report_buttons(candidate_id, can_revoke=can_revoke)
    )


def package_shortlisted_button(agent_id: int) -> ButtonElement:
    return ButtonElement(
        text="Package shortlisted",
        action_id=ReportAction.PACKAGE_SHORTLISTED,
        value=encode(AgentRef(agent_id)),
    )


def _slack_date(at: datetime) -> str:
    """Shown in each reader's own time zone; the fallback is UTC."""
    ts = int(at.timestamp())
    return f"<!date^{ts}^{{date_short_pretty}} at {{time}}|{at:%Y-%m-%d %H:%M} UTC>"


def link_message(link: ReportLink) -> tuple[str, list[dict[str, Any]]]:
    """The View Report reply, only ever to the person who asked (ephemeral or DM)."""
    name = display(link.candidate_name, 150)
    text = (
        f":page_facing_up: Report for *{name}* ({display(link.agent_name, 100)}): <{link.url}|open the report>\n"
        f"Anyone with this link can read it until {_slack_date(link.expires_at)}, so share it privately "
        "(not in a channel)."
    )
    if link.can_revoke:
        text += " *Revoke report links* turns off every link made for this candidate."
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=text))]
    buttons = [
        ButtonElement(text="Open report", url=link.url, action_id=f"{ReportAction.VIEW}:open"),
        ButtonElement(
            text=LABELS[ReportMenu.PDF],
            action_id=ReportAction.PDF,
            value=encode(CandidateRef(link.candidate_id)),
        ),
    ]
    if link.can_revoke:
        buttons.append(
            ButtonElement(
                text=LABELS[ReportMenu.REVOKE],
                action_id=ReportAction.REVOKE,
                value=encode(CandidateRef(link.candidate_id)),
                style="danger",
                confirm=_revoke_confirm(link.candidate_name),
            )
        )
    blocks.append(ActionsBlock(elements=buttons))
    return f"Report for {display(link.candidate_name, 150)}", [b.to_dict() for b in blocks]


def pdf_ack(request: PdfRequest) -> str:
    return f":hourglass_flowing_sand: Making the PDF report of *{display(request.candidate_name, 150)}*; it will arrive in your DM with me."


def pdf_comment(*, candidate_name: str, agent_name: str) -> str:
    """The message the PDF is uploaded with, in the requester's DM."""
    return f":page_facing_up: Candidate report: *{display(candidate_name, 150)}* ({display(agent_name, 100)})"


def revoked_text(revoked: Revoked) -> str:
    return (
        f":no_entry: Report links for *{display(revoked.candidate_name, 150)}* are revoked: every link made so far "
        "now says it was turned off. View Report makes a new one."
    )


def _size(n: int) -> str:
    if n >= 1_000_000_000:
        return f"{n / 1e9:.1f} GB"
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    return f"{max(1, round(n / 1000))} KB"


def package_modal(options: PackageOptions) -> dict[str, Any]:
    """Checkboxes for what is available (with sizes); what isn't is said below them."""
    shortlist = options.candidate_id is None
    offered: list[Option] = []
    absent: list[str] = []
    for item in options.items:
        if item.candidates == 0:
            reason = "missing from storage" if item.missing else "none on file"
            absent.append(f"{item.label.lower()} ({reason})")
            continue
        label = f"{item.label} ({_size(item.size)})"
        detail = None
        if shortlist and item.candidates < options.candidates:
            detail = f"for {item.candidates} of {options.candidates} candidates"
        if item.missing:
            detail = ((detail + "; ") if detail else "") + f"{item.missing} missing from storage"
        offered.append(
            Option(
                value=item.key,
                text=display_plain(label, 75),
                description=display_plain(detail, 75) if detail else None,
            )
        )
    initial = [o for o in offered if o.value in DEFAULT_ITEMS] or offered[:1]
    who = (
        f"*{options.candidates} shortlisted candidates* of *{display(options.title, 150)}*, a folder each"
        if shortlist
        else f"*{display(options.title, 150)}*"
    )
    blocks: list[Block] = [
        SectionBlock(text=MarkdownTextObject(text=f"A ZIP of {who}, sent to your DM with milobot.")),
        InputBlock(
            block_id=ReportView.ITEMS,
            label="Include",
            hint=f"Slack takes files up to {_size(options.max_bytes)}.",
            element=CheckboxesElement(action_id="value", options=offered, initial_options=initial or None),
        ),
    ]
    if absent:
        blocks.append(
            ContextBlock(elements=[MarkdownTextObject(text="Not available: " + ", ".join(absent) + ".")])
        )
    target = PackageTarget(candidate_id=options.candidate_id, agent_id=options.agent_id)
    return View(
        type="modal",
        callback_id=ReportView.PACKAGE,
        title=PACKAGE_TITLE,
        submit="Build ZIP",
        close="Cancel",
        blocks=blocks,
        private_metadata=encode(target, limit=3000),
    ).to_dict()


def package_started(request: PackageRequest) -> str:
    many = f" ({request.candidates} candidates)" if request.candidates > 1 else ""
    return (
        f":package: Building the package for *{display(request.title, 150)}*{many}, about {_size(request.estimated_bytes)}. "
        "It will arrive in your DM with milobot, where a message shows how it's going."
    )


def progress_message(*, title: str, done: int, total: int, stage: str) -> tuple[str, list[dict[str, Any]]]:
    pct = min(100, int(done * 100 / total)) if total else 0
    text = f":package: {stage} the package for *{display(title, 150)}*… {_size(done)} of about {_size(total)} ({pct}%)"
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=text)),
        ContextBlock(elements=[MarkdownTextObject(text="I'll update this message when it's ready.")]),
    ]
    return f"Building the package for {display(title, 150)}", [b.to_dict() for b in blocks]


def package_done(
    *, title: str, files: int, size: int, left_out: list[str]
) -> tuple[str, list[dict[str, Any]]]:
    text = f":white_check_mark: The package for *{display(title, 150)}* is ready: {files} files, {_size(size)}. It's just below."
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=text))]
    if left_out:
        blocks.append(
            ContextBlock(
                elements=[
                    MarkdownTextObject(text="Left out: " + "; ".join(display(x, 200) for x in left_out[:20]))
                ]
            )
        )
    return f"Package ready: {display(title, 150)}", [b.to_dict() for b in blocks]


def package_failed(*, title: str, reason: str) -> tuple[str, list[dict[str, Any]]]:
    text = f":x: I couldn't build the package for *{display(title, 150)}*: {display(reason, 300)}"
    return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]


def package_upload_comment(*, title: str) -> str:
    return f":package: Candidate files: *{display(title, 150)}*"
