"""E-mails to candidates, rendered with Jinja2. HTML templates autoescape, so a name like
`<b>Jo</b>` arrives as text, never as markup; the plain-text part is left as typed."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import DictLoader, Environment, StrictUndefined, select_autoescape

_TEMPLATES = {
    "invitation.subject.txt": "Your interview for {{ role or agent_name }}",
    "invitation.txt": """Hi {{ name }},

You're invited to a short online interview for {{ role or agent_name }}{% if location %} ({{ location }}){% endif %}.

Start here whenever suits you: {{ link }}

The link is personal to you. An AI evaluates the answers; a person makes every hiring decision.
""",
    "invitation.html": """<!DOCTYPE html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>Hi {{ name }},</p>
<p>You're invited to a short online interview for <strong>{{ role or agent_name }}</strong>{% if location %} ({{ location }}){% endif %}.</p>
<p><a href="{{ link }}">Start your interview</a><br><small>{{ link }}</small></p>
<p style="color:#666">The link is personal to you. An AI evaluates the answers; a person makes every hiring decision.</p>
</body></html>
""",
    "nudge.subject.txt": "Reminder: your interview for {{ role or agent_name }}",
    "nudge.txt": """Hi {{ name }},

A friendly reminder: your short online interview for {{ role or agent_name }} is waiting for you.

Pick up where you left off, or start, here: {{ link }}

The link is personal to you. An AI evaluates the answers; a person makes every hiring decision.
""",
    "nudge.html": """<!DOCTYPE html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>Hi {{ name }},</p>
<p>A friendly reminder: your short online interview for <strong>{{ role or agent_name }}</strong> is waiting for you.</p>
<p><a href="{{ link }}">Continue your interview</a><br><small>{{ link }}</small></p>
<p style="color:#666">The link is personal to you. An AI evaluates the answers; a person makes every hiring decision.</p>
</body></html>
""",
    "personal_link.subject.txt": "Your interview link for {{ role or agent_name }}",
    "personal_link.txt": """Hi{% if name %} {{ name }}{% endif %},

Here is your personal link to the interview for {{ role or agent_name }}:

{{ link }}

Someone asked for it on the interview page with this e-mail address. If that wasn't you, ignore this
e-mail: nothing happens until the link is opened. An AI evaluates the answers; a person makes every
hiring decision.
""",
    "personal_link.html": """<!DOCTYPE html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>Hi{% if name %} {{ name }}{% endif %},</p>
<p>Here is your personal link to the interview for <strong>{{ role or agent_name }}</strong>:</p>
<p><a href="{{ link }}">Open your interview</a><br><small>{{ link }}</small></p>
<p style="color:#666">Someone asked for it on the interview page with this e-mail address. If that wasn't you,
ignore this e-mail: nothing happens until the link is opened. An AI evaluates the answers; a person makes
every hiring decision.</p>
</body></html>
""",
}

_env = Environment(
    loader=DictLoader(_TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    text: str
    html: str

    def payload(self) -> dict[str, str]:
        return {"to": self.to, "subject": self.subject, "text": self.text, "html": self.html}


def invitation(
    *, to: str, name: str, agent_name: str, role: str | None, location: str | None, link: str
) -> Email:
    values = {"name": name, "agent_name": agent_name, "role": role, "location": location, "link": link}
    # A subject is a header, not HTML: strip line breaks so a crafted name can't add headers.
    subject = " ".join(_env.get_template("invitation.subject.txt").render(values).split())
    return Email(
        to=to,
        subject=subject[:200],
        text=_env.get_template("invitation.txt").render(values),
        html=_env.get_template("invitation.html").render(values),
    )


def nudge(*, to: str, name: str, agent_name: str, role: str | None, link: str) -> Email:
    """The reminder to a candidate who has not completed the interview (same escaping as above)."""
    values = {"name": name, "agent_name": agent_name, "role": role, "link": link}
    subject = " ".join(_env.get_template("nudge.subject.txt").render(values).split())
    return Email(
        to=to,
        subject=subject[:200],
        text=_env.get_template("nudge.txt").render(values),
        html=_env.get_template("nudge.html").render(values),
    )


def personal_link(*, to: str, name: str | None, agent_name: str, role: str | None, link: str) -> Email:
    """The answer to a registration on the shared link: the link goes to the address, never the page.
    `name` None greets without one (a name typed on the form is the visitor's words, not the owner's)."""
    values = {"name": name, "agent_name": agent_name, "role": role, "link": link}
    subject = " ".join(_env.get_template("personal_link.subject.txt").render(values).split())
    return Email(
        to=to,
        subject=subject[:200],
        text=_env.get_template("personal_link.txt").render(values),
        html=_env.get_template("personal_link.html").render(values),
    )
