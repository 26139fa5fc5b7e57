"""`milobot doctor`: is this install able to work? Each check prints a line; any failure exits 1."""

from __future__ import annotations

from sqlalchemy import text

from milobot.config import Settings
from milobot.db.engine import Database
from milobot.manifest import bot_scopes
from milobot.slack.client import make_web_client


async def check_slack(settings: Settings) -> list[tuple[bool, str]]:
    if not settings.slack_bot_token:
        if settings.oauth_enabled:
            return [(True, "Slack: OAuth mode; tokens come from installations (nothing to check here)")]
        return [(False, "Slack: SLACK_BOT_TOKEN is not set")]
    client = make_web_client(settings, settings.slack_bot_token)
    try:
        response = await client.auth_test()
    except Exception as exc:
        return [(False, f"Slack: auth.test failed: {exc}")]
    results = [(True, f"Slack: token works for team {response.get('team_id')} as {response.get('user_id')}")]
    granted = {
        s.strip()
        for s in (
            response.headers.get("x-oauth-scopes") or response.headers.get("X-OAuth-Scopes") or ""
        ).split(",")
        if s.strip()
    }
    wanted = bot_scopes()
    missing = [s for s in wanted if s not in granted]
    if missing:
        results.append(
            (False, f"Slack: scopes missing against manifest.yml: {', '.join(missing)} (reinstall the app)")
        )
    else:
        results.append((True, "Slack: every scope in manifest.yml is granted"))
    extra = sorted(granted - set(wanted))
    if extra:  # an install from an older manifest: harmless to run, but more than milobot needs
        results.append(
            (
                True,
                f"Slack: granted beyond manifest.yml (not needed; update the app from the manifest and "
                f"reinstall to drop them): {', '.join(extra)}",
            )
        )
    if not settings.slack_signing_secret:
        results.append((False, "Slack: SLACK_SIGNING_SECRET is not set; requests can't be verified"))
    return results


async def check_database(settings: Settings) -> tuple[bool, str]:
    db = Database.from_url(settings.database_url)
    try:
        async with db.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return True, f"Database: reachable ({db.engine.url.render_as_string(hide_password=True)})"
    except Exception as exc:
        return False, f"Database: unreachable: {exc}"
    finally:
        await db.dispose()


def check_public_url(settings: Settings) -> tuple[bool, str]:
    url = settings.public_url
    if "localhost" in url or "127.0.0.1" in url:
        return False, f"Public URL: {url} is local; candidates can't reach it. Set MILOBOT_PUBLIC_URL."
    if not url.startswith("https://"):
        return False, f"Public URL: {url} is not https; Slack and candidates expect https."
    return True, f"Public URL: {url}"


async def run_doctor(settings: Settings) -> int:
    results = await check_slack(settings)
    results.append(await check_database(settings))
    results.append(check_public_url(settings))
    for ok, line in results:
        print(("ok    " if ok else "FAIL  ") + line)
    return 0 if all(ok for ok, _ in results) else 1
