"""Every action_id, block_id, callback_id and command word, in one registry (house rule 1).
Builders and handler registration both import from here, so a rename can't break one side only."""

from __future__ import annotations

from enum import StrEnum


class Command(StrEnum):
    SLASH = "/milo"


class Sub(StrEnum):
    """First word after /milo."""

    HELP = "help"
    TEAM = "team"
    AGENT = "agent"
    AGENTS = "agents"
    SHARE = "share"
    CANDIDATES = "candidates"
    APIKEY = "apikey"
    DIGEST = "digest"
    FORGET = "forget"
    EXPORT = "export"
    IMPORTS = "imports"
    ATS = "ats"
    ANALYTICS = "analytics"
    SETTINGS = "settings"


class TeamVerb(StrEnum):
    LIST = "list"
    INVITE = "invite"
    ROLE = "role"
    REMOVE = "remove"


class Action(StrEnum):
    # App Home quick actions
    HOME_NEW_AGENT = "home.new_agent"
    HOME_LIST_AGENTS = "home.list_agents"
    HOME_TEAM = "home.team"
    HOME_HELP = "home.help"
    HOME_OPEN_BATCH = "home.open_batch"
    # Agent card
    AGENT_SHARE = "agent.share"
    AGENT_ADD_CANDIDATES = "agent.add_candidates"
    AGENT_ACTIONS = "agent.actions"  # overflow: Edit Questions / Duplicate / Create Template / Archive
    AGENT_PICK_FOR_SHARE = "agent.pick_for_share"
    # Candidate card
    CANDIDATE_SHORTLIST = "candidate.shortlist"
    CANDIDATE_DISMISS = "candidate.dismiss"
    CANDIDATE_VIEW = "candidate.view"
    # Ingestion review
    REVIEW_APPROVE = "review.approve"
    REVIEW_DISCARD = "review.discard"
    REVIEW_EDIT = "review.edit"
    REVIEW_APPROVE_ALL = "review.approve_all"
    REVIEW_DISCARD_ALL = "review.discard_all"
    REVIEW_AGENT = "review.agent"
    REVIEW_PAGE = "review.page"
    # Team list
    TEAM_ROLE = "team.role"
    TEAM_REMOVE = "team.remove"


class AgentMenu(StrEnum):
    """Values of the agent card's Actions overflow; the labels are the seed document's words."""

    EDIT_QUESTIONS = "edit_questions"
    DUPLICATE = "duplicate"
    CREATE_TEMPLATE = "create_template"
    MANAGE_WEBHOOKS = "manage_webhooks"
    ARCHIVE = "archive"
    UNARCHIVE = "unarchive"


class View(StrEnum):
    AGENT_NEW = "agent.new"
    AGENT_EDIT_QUESTIONS = "agent.edit_questions"
    AGENT_CHANNEL = "agent.channel"
    ADD_CANDIDATES = "agent.add_candidates"
    REVIEW_EDIT = "review.edit"
    CONFIRM = "confirm"


class Block(StrEnum):
    """Input block ids in modals; state.values is keyed by these."""

    AGENT_NAME = "agent_name"
    AGENT_ROLE = "agent_role"
    AGENT_LOCATION = "agent_location"
    AGENT_QUESTIONS = "agent_questions"
    AGENT_TEMPLATE = "agent_template"
    AGENT_CHANNEL = "agent_channel"
    CANDIDATES_TEXT = "candidates_text"
    QUESTION_TEXT = "q_text"
    QUESTION_ANCHOR_1 = "q_anchor1"
    QUESTION_ANCHOR_5 = "q_anchor5"
    QUESTION_WEIGHT = "q_weight"
    PROFILE_FIELD = "profile"


class Input(StrEnum):
    """action_ids of inputs inside modal blocks."""

    VALUE = "value"


class CardView(StrEnum):
    """The candidate card's View modal (interview transcript and scores)."""

    INTERVIEW_DETAIL = "interview.detail"
    ADJUST_SCORE = "interview.adjust_score"


class AdjustScore(StrEnum):
    """An admin adjusting one answer's score from the View modal."""

    BUTTON = "candidate.adjust_score"
    SCORE_BLOCK = "adjust_score"
    REASON_BLOCK = "adjust_reason"


class ApiKeyVerb(StrEnum):
    CREATE = "create"
    LIST = "list"
    REVOKE = "revoke"


class AgentAction(StrEnum):
    """Agent list paging and the share picker's extra controls."""

    AGENTS_PAGE = "agent.list_page"
    PICK_FOR_CHANNEL = "agent.pick_for_channel"


class AgentBlock(StrEnum):
    """block_id prefixes of an agent card's blocks, `<prefix>:<agent_id>`, so one card can be replaced in
    a message holding many."""

    CARD = "agent_card"
    CARD_ACTIONS = "agent_card_actions"
    SHARE_PICKER = "agent_share_picker"


class ReviewAction(StrEnum):
    """Ingestion review controls beyond Action.REVIEW_*."""

    # The Approve button of a row flagged as a likely duplicate: it carries a confirm dialog, and the
    # service only approves a flagged draft through this action id (a stale plain Approve is refused).
    APPROVE_DUPLICATE = "review.approve_duplicate"
    # Next beside Previous (Action.REVIEW_PAGE) in one actions block: action_ids are unique per block.
    PAGE_NEXT = "review.page_next"
    # After approvals: e-mail each approved candidate their personal interview link.
    INVITE = "review.invite"


class CandidateAction(StrEnum):
    """Candidate-level controls shared by the list, the profile and the card (value: a CandidateRef
    or an AgentRef as noted)."""

    PROFILE = "candidate.profile"  # CandidateRef: open the candidate profile
    NUDGE_ALL = "agent.nudge_all"  # AgentRef: bulk nudge of an agent's not-completed candidates (confirmed)


class ReviewField(StrEnum):
    """Input block ids of the review Edit modal, one per profile field."""

    NAME = "review.name"
    EMAIL = "review.email"
    PHONE = "review.phone"
    TITLE = "review.title"
    COMPANY = "review.company"
    LOCATION = "review.location"
    SKILLS = "review.skills"


class CandidateList(StrEnum):
    """The candidate list modal (SPEC step 5): `/milo candidates`, the Candidates buttons, its controls."""

    OPEN = "candidates.open"  # agent card and App Home: AgentRef
    PICK_AGENT = "candidates.pick_agent"  # when a name matches several agents: AgentRef
    SORT = "candidates.sort"
    FILTERS = "candidates.filters"
    CLEAR = "candidates.clear"
    PREVIOUS = "candidates.previous"
    NEXT = "candidates.next"
    PICK_VIEW = "candidates.pick_view"
    SAVE_VIEW = "candidates.save_view"
    UPDATE_VIEW = "candidates.update_view"
    RENAME_VIEW = "candidates.rename_view"
    DELETE_VIEW = "candidates.delete_view"
    EXPORT = "candidates.export"
    SHORTLIST = "candidates.shortlist"  # a row's Shortlist (admins): CandidateRef
    DISMISS = "candidates.dismiss"  # a row's Dismiss, confirmed, no reason (admins): CandidateRef


class CandidateListView(StrEnum):
    """callback_ids: the list itself, and the forms pushed over it."""

    LIST = "candidates.list"
    FILTERS = "candidates.filter_form"
    VIEW_NAME = "candidates.view_name"


class CandidateListBlock(StrEnum):
    """block_ids of the list and its filter form; an input's block id is `cl_<ListQuery field>`, so a
    refusal naming a field lands beside its input."""

    HEADER = "cl_header"
    VIEWS = "cl_views"
    CONTROLS = "cl_controls"
    NOTICE = "cl_notice"
    PAGING = "cl_paging"
    STATUSES = "cl_statuses"
    DECISIONS = "cl_decisions"
    SCORE_MIN = "cl_score_min"
    SCORE_MAX = "cl_score_max"
    DATE_FIELD = "cl_date_field"
    DATE_FROM = "cl_date_from"
    DATE_TO = "cl_date_to"
    SOURCES = "cl_sources"
    RATED = "cl_rated"
    TEXT = "cl_text"
    SORT = "cl_sort"
    COLUMNS = "cl_columns"
    VIEW_NAME = "cl_name"


class ReportAction(StrEnum):
    """Reports (SPEC step 7): the candidate card's overflow, the profile's buttons (value CandidateRef)
    and Package shortlisted on an agent card (value AgentRef)."""

    MENU = "report.menu"  # candidate card overflow; option values are ReportChoice
    VIEW = "report.view"
    PDF = "report.pdf"
    PACKAGE = "report.package"
    REVOKE = "report.revoke"
    PACKAGE_SHORTLISTED = "report.package_shortlisted"


class ReportMenu(StrEnum):
    """ReportChoice.action values of the card's overflow."""

    VIEW = "view"
    PDF = "pdf"
    PACKAGE = "package"
    REVOKE = "revoke"


class ReportView(StrEnum):
    """The Package ZIP modal (callback id) and its checkbox block."""

    PACKAGE = "report.package_modal"
    ITEMS = "report_items"


class ProfileAction(StrEnum):
    """The candidate profile's controls, and the rating controls it shares with the candidate card."""

    RATE_STARS = "candidate.rate_stars"  # static_select, option value RatingChoice
    THUMBS_UP = "candidate.thumbs_up"  # RatingChoice
    THUMBS_DOWN = "candidate.thumbs_down"  # RatingChoice
    ADD_NOTE = "candidate.add_note"  # CandidateRef
    NOTE_MENU = "candidate.note_menu"  # overflow, option value NoteChoice (Edit / Delete, author only)
    SHORTLIST = "candidate.profile_shortlist"  # CandidateRef
    DISMISS = "candidate.profile_dismiss"  # CandidateRef: opens the reason form
    UNDO = "candidate.undo_decision"  # DecisionRef
    NUDGE = "candidate.nudge"  # CandidateRef
    PAGE = "candidate.transcript_page"  # ProfileRef: Previous
    PAGE_NEXT = "candidate.transcript_page_next"  # ProfileRef: Next
    INTERVIEW = "candidate.pick_interview"  # static_select, option value ProfileRef


class ProfileView(StrEnum):
    """callback_ids of the profile and the forms pushed over it."""

    PROFILE = "candidate.profile_view"
    NOTE = "candidate.note"
    DISMISS = "candidate.dismiss_reason"
    NUDGE_ALL = "agent.nudge_all_confirm"


class ProfileBlock(StrEnum):
    NOTE_TEXT = "note_text"
    DISMISS_REASON = "dismiss_reason"


class WebhookAction(StrEnum):
    """Controls inside the Manage Webhooks modal."""

    ADD = "webhook.add"  # AgentRef: push the Add endpoint form
    ENDPOINT = (
        "webhook.endpoint"  # overflow, WebhookChoice: Send test / Rotate secret / Disable / Enable / Delete
    )
    RETRY = "webhook.retry"  # DeliveryRef: queue a failed delivery again
    REFRESH = "webhook.refresh"  # AgentRef: reload the log


class WebhookChoice(StrEnum):
    TEST = "test"
    ROTATE = "rotate"
    DISABLE = "disable"
    ENABLE = "enable"
    DELETE = "delete"


class WebhookView(StrEnum):
    MANAGE = "webhooks.manage"
    ADD = "webhooks.add"
    SECRET = "webhooks.secret"


class WebhookBlock(StrEnum):
    URL = "webhook_url"
    EVENTS = "webhook_events"


class AtsAction(StrEnum):
    RETRY = "ats.retry"  # SyncRef: write a failed sync again (admins)
    CONNECT = "ats.connect"  # value: greenhouse | lever: open the connect form
    MAP = "ats.map"  # open the map-an-agent form
    DISCONNECT = "ats.disconnect"


class AtsView(StrEnum):
    CONNECT = "ats.connect"
    MAP = "ats.map"


class AtsBlock(StrEnum):
    API_KEY = "ats_api_key"
    ACTING_USER = "ats_acting_user"
    INBOUND_SECRET = "ats_inbound_secret"
    OPTIONS = "ats_options"
    AGENT = "ats_agent"
    JOB = "ats_job"
    STAGE = "ats_stage"


class PrivacyAction(StrEnum):
    """Forget, export, retention and privacy in public channels (milobot/handlers/privacy.py)."""

    # The /milo settings modal's "Privacy & retention" button (i11c adds the button; this opens ours).
    SETTINGS_OPEN = "settings_privacy_open"
    RETENTION_CHANGED = "privacy.retention_changed"  # dispatch_action: the preview count is redrawn


class PrivacyView(StrEnum):
    FORGET_CONFIRM = "privacy.forget_confirm"
    SETTINGS = "privacy.settings"


class PrivacyBlock(StrEnum):
    RETENTION = "privacy_retention"
    PUBLIC = "privacy_public"
    AGENTS_SHOW = "privacy_agents_show"
    AGENTS_HIDE = "privacy_agents_hide"
    PREVIEW = "privacy_preview"


class AnalyticsAction(StrEnum):
    OPEN = "analytics.open"  # agent card (AnalyticsRef with the agent) and App Home (agent None)
    RANGE = "analytics.range"  # the quick-range buttons under a report; suffixed ":<range>" per button
    PICK_AGENT = "analytics.pick_agent"  # when a name matches several agents


class DigestAction(StrEnum):
    """`/milo digest list`: a subscription's buttons (DigestRef)."""

    SEND_NOW = "digest.send_now"
    REMOVE = "digest.remove"


class SettingsView(StrEnum):
    WORKSPACE = "settings.workspace"


class SettingsBlock(StrEnum):
    TIME_ZONE = "settings_time_zone"
    WORK_START = "settings_work_start"
    WORK_END = "settings_work_end"
    COST_PER_INTERVIEW = "settings_cost_per_interview"
    MINUTES_SAVED = "settings_minutes_saved"
    HOURLY_RATE = "settings_hourly_rate"
    CURRENCY = "settings_currency"
    REVIEWERS = "settings_reviewers"
    TEAM_FEEDBACK = "settings_team_feedback"
