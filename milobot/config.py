"""Settings from the environment (and a `.env` file). No Slack imports here: services read settings too."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

SLACK_DEFAULT_API_URL = "https://slack.com/api/"
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


class ConfigError(Exception):
    """Settings milobot refuses to serve with; the message says what to set."""


GREENHOUSE_DEFAULT_API_URL = "https://harvest.greenhouse.io/v1"
LEVER_DEFAULT_API_URL = "https://api.lever.co/v1"


def _env(environ: dict[str, str], name: str, default: str | None = None) -> str | None:
    value = environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip()


@dataclass(frozen=True)
class Bucket:
    """A token bucket: `burst` requests at once, then `per_second` on average."""

    burst: float
    per_second: float


@dataclass(frozen=True)
class PageLimits:
    """Token buckets on the public interview pages, per client address and per link (share or personal).
    Sized for people: a lobby tablet registers a queue of walk-ups, a candidate answers one question at
    a time; a script creating candidates or spending the scoring budget runs dry within seconds."""

    start_per_client: Bucket = Bucket(10, 1 / 180)
    start_per_link: Bucket = Bucket(60, 1 / 10)
    answer_per_client: Bucket = Bucket(60, 1 / 2)
    answer_per_link: Bucket = Bucket(20, 1 / 10)
    signals_per_client: Bucket = Bucket(120, 2)
    signals_per_link: Bucket = Bucket(60, 1)


@dataclass(frozen=True)
class Settings:
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str = SLACK_DEFAULT_API_URL
    database_url: str = ""
    public_url: str = "http://localhost:3000"
    data_dir: Path = Path("milobot-data")
    secret_key: str = ""
    # False when the key was generated into the data folder: fine for one SQLite process, wrong for
    # replicas sharing PostgreSQL (each would sign with its own key).
    secret_key_configured: bool = False
    admins: frozenset[str] = field(default_factory=frozenset)
    smtp_url: str | None = None
    mail_from: str = "milobot <no-reply@milobot.local>"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    # MILOBOT_LLM_EXTRACTION=on: résumé text goes to the LLM endpoint (ingest/llm.py)
    llm_extraction: bool = False
    host: str = "0.0.0.0"
    port: int = 3000
    # How long a report link stays valid, and how often the outbox is swept when nothing wakes it.
    report_link_ttl_seconds: int = 7 * 24 * 3600
    outbox_poll_seconds: float = 2.0
    extraction_processes: int = 2
    run_scheduler: bool = True
    # How often the digest job looks for due digests (a minute; tests and demos shorten it).
    scheduler_tick_seconds: float = 60.0
    # Webhooks and ATS sync: hosts/networks outbound calls may reach despite the SSRF guard, the ATS
    # API base URLs, and the retry schedule (seconds after each failed attempt) of webhooks and write-backs.
    outbound_allow: str = ""
    greenhouse_api_url: str = GREENHOUSE_DEFAULT_API_URL
    lever_api_url: str = LEVER_DEFAULT_API_URL
    retry_schedule: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000)
    # Reports: worker processes that draw PDFs, the CJK font file ("auto": ask fontconfig; "none": draw
    # a marked placeholder), and the biggest Package ZIP milobot builds (Slack takes files up to 1 GB).
    report_processes: int = 1
    report_cjk_font: str = "auto"
    package_max_bytes: int = 1_000_000_000
    # Proxies in front of milobot that append to X-Forwarded-For (0: trust only the socket's address).
    proxy_hops: int = 0
    # New candidates one agent's share link may create per UTC day (0: no cap).
    link_daily_cap: int = 0
    # How often counted share-link visits are written to the database.
    visit_flush_seconds: float = 30.0
    page_limits: PageLimits = field(default_factory=lambda: PageLimits())
    # Operations: /metrics needs `Authorization: Bearer <token>` when set; log lines as text or JSON;
    # how long a stopping process lets requests and deliveries finish before it releases their claims;
    # how long a claim on an outbox row or an import's extraction lasts without being renewed.
    metrics_token: str | None = None
    log_format: str = "text"
    shutdown_grace_seconds: float = 20.0
    outbox_lease_seconds: float = 120.0
    extraction_lease_seconds: float = 60.0

    @property
    def oauth_enabled(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_signing_secret and (self.slack_bot_token or self.oauth_enabled))

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def refusals(self) -> list[str]:
        """What makes this configuration unsafe to serve; `serve` and `socket` refuse to start on any."""
        problems = []
        if not self.is_sqlite and not self.secret_key_configured:
            problems.append(
                "MILOBOT_SECRET_KEY is not set. On PostgreSQL every replica must sign report links and "
                "interview forms with the same key: generate one with "
                "`python -c 'import secrets; print(secrets.token_urlsafe(32))'` and set it on every replica."
            )
        if self.llm_base_url:
            url = urlsplit(self.llm_base_url)
            if url.scheme != "https" and not (url.scheme == "http" and url.hostname in LOOPBACK_HOSTS):
                problems.append(
                    f"LLM_BASE_URL must be https:// (candidates' answers are sent there); got "
                    f"{self.llm_base_url!r}. Plain http:// is accepted only on this machine (localhost)."
                )
        return problems

    def missing_for_slack(self) -> list[str]:
        missing = []
        if not self.slack_signing_secret:
            missing.append("SLACK_SIGNING_SECRET")
        if not (self.slack_bot_token or self.oauth_enabled):
            missing.append("SLACK_BOT_TOKEN (or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET for OAuth installs)")
        return missing


def _normalise_db_url(url: str) -> str:
    # People paste the URLs their hosting gives them; map them to the async drivers we ship.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+asyncpg://" + url[len("postgresql://") :]
    if url.startswith("sqlite:///") and not url.startswith("sqlite+aiosqlite"):
        url = "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
    return url


def _secret_key(data_dir: Path, configured: str | None) -> str:
    """A stable key signs report links; generate one into the data folder when none is configured."""
    if configured:
        return configured
    key_file = data_dir / "secret.key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def load_settings(environ: dict[str, str] | None = None, *, env_file: str | Path | None = ".env") -> Settings:
    merged: dict[str, str] = {}
    if env_file and Path(env_file).exists():
        merged.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    merged.update(os.environ if environ is None else environ)

    data_dir = Path(_env(merged, "MILOBOT_DATA_DIR", "milobot-data")).expanduser()
    default_db = f"sqlite+aiosqlite:///{(data_dir / 'milobot.sqlite3').resolve()}"
    api_url = _env(merged, "SLACK_API_URL", SLACK_DEFAULT_API_URL)
    if not api_url.endswith("/"):
        api_url += "/"
    admins = frozenset(a.strip() for a in (_env(merged, "MILOBOT_ADMINS", "") or "").split(",") if a.strip())
    return Settings(
        slack_bot_token=_env(merged, "SLACK_BOT_TOKEN"),
        slack_signing_secret=_env(merged, "SLACK_SIGNING_SECRET"),
        slack_app_token=_env(merged, "SLACK_APP_TOKEN"),
        slack_client_id=_env(merged, "SLACK_CLIENT_ID"),
        slack_client_secret=_env(merged, "SLACK_CLIENT_SECRET"),
        slack_api_url=api_url,
        database_url=_normalise_db_url(_env(merged, "DATABASE_URL", default_db)),
        public_url=(_env(merged, "MILOBOT_PUBLIC_URL", "http://localhost:3000")).rstrip("/"),
        data_dir=data_dir,
        secret_key=_secret_key(data_dir, _env(merged, "MILOBOT_SECRET_KEY")),
        secret_key_configured=bool(_env(merged, "MILOBOT_SECRET_KEY")),
        admins=admins,
        smtp_url=_env(merged, "SMTP_URL"),
        mail_from=_env(merged, "MILOBOT_MAIL_FROM", "milobot <no-reply@milobot.local>"),
        llm_base_url=_env(merged, "LLM_BASE_URL"),
        llm_model=_env(merged, "LLM_MODEL"),
        llm_api_key=_env(merged, "LLM_API_KEY"),
        llm_extraction=(_env(merged, "MILOBOT_LLM_EXTRACTION", "off") or "off").lower() == "on",
        host=_env(merged, "MILOBOT_HOST", "0.0.0.0"),
        port=int(_env(merged, "PORT", _env(merged, "MILOBOT_PORT", "3000"))),
        run_scheduler=_env(merged, "MILOBOT_SCHEDULER", "on") != "off",
        scheduler_tick_seconds=max(0.05, float(_env(merged, "MILOBOT_SCHEDULER_TICK_SECONDS", "60"))),
        extraction_processes=max(1, int(_env(merged, "MILOBOT_EXTRACTION_PROCESSES", "2"))),
        outbound_allow=_env(merged, "MILOBOT_OUTBOUND_ALLOW", "") or "",
        greenhouse_api_url=_env(merged, "MILOBOT_GREENHOUSE_API_URL", GREENHOUSE_DEFAULT_API_URL).rstrip("/"),
        lever_api_url=_env(merged, "MILOBOT_LEVER_API_URL", LEVER_DEFAULT_API_URL).rstrip("/"),
        report_link_ttl_seconds=_report_link_seconds(_env(merged, "MILOBOT_REPORT_LINK_DAYS", "7")),
        report_processes=max(1, int(_env(merged, "MILOBOT_REPORT_PROCESSES", "1"))),
        report_cjk_font=_env(merged, "MILOBOT_CJK_FONT", "auto"),
        proxy_hops=max(0, int(_env(merged, "MILOBOT_PROXY_HOPS", "0"))),
        link_daily_cap=max(0, int(_env(merged, "MILOBOT_LINK_DAILY_CAP", "0"))),
        metrics_token=_env(merged, "MILOBOT_METRICS_TOKEN"),
        log_format="json" if (_env(merged, "MILOBOT_LOG_FORMAT", "text") or "").lower() == "json" else "text",
        shutdown_grace_seconds=max(0.0, float(_env(merged, "MILOBOT_SHUTDOWN_GRACE", "20"))),
        outbox_lease_seconds=max(1.0, float(_env(merged, "MILOBOT_OUTBOX_LEASE", "120"))),
        extraction_lease_seconds=max(1.0, float(_env(merged, "MILOBOT_EXTRACTION_LEASE", "60"))),
    )


def _report_link_seconds(days: str) -> int:
    """MILOBOT_REPORT_LINK_DAYS: a number of days (fractions allowed), at most a year."""
    try:
        value = float(days)
    except ValueError:
        raise ValueError(f"MILOBOT_REPORT_LINK_DAYS must be a number of days, not {days!r}") from None
    if not 0 < value <= 365:
        raise ValueError("MILOBOT_REPORT_LINK_DAYS must be more than 0 and at most 365")
    return int(value * 24 * 3600)
