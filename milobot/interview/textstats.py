"""Small, dependency-free text helpers for the rubric scorer.

We deliberately avoid NLTK & co.: the scorer must be deterministic, explainable and cheap to install,
so a compact suffix stemmer and a hand-picked stop-word list are enough to match "measured" against
"measurement" or "scaling" against "scale", which is all rubric matching needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Plain English function words, plus words that rubric *authors* use to describe answers
# ("candidate mentions a clear example") which say nothing about the answer's content. Without the
# second group every answer containing "example" would match half of every rubric.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each else even ever every
    few for from further get gets got had has have having he her here hers herself him himself his how
    i if in into is it its itself just let like me more most much must my myself no nor not now of off
    on once only or other ought our ours ourselves out over own per quite rather really same she should
    so some such than that the their theirs them themselves then there these they this those through to
    too under until up upon us very was we were what when where which while who whom why will with
    within without would yes yet you your yours yourself yourselves etc e g ie eg okay ok um uh
    maybe thing things stuff lot lots guess need needs needed
    answer answers candidate candidates mention mentions mentioned describe describes described
    explain explains explained give gives given provide provides provided show shows shown
    clear clearly specific specifically concrete example examples good great strong weak poor
    vague generic relevant detail details detailed able ability demonstrate demonstrates
    discuss discusses include includes including least several multiple one two
    """.split()  # noqa: SIM905 - a word block is far easier to review than a 200-item list literal
)

# Irregular forms that suffix stripping cannot reach but interview answers use constantly.
_IRREGULAR = {
    "led": "lead",
    "built": "build",
    "ran": "run",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "taught": "teach",
    "brought": "bring",
    "thought": "think",
    "made": "make",
    "chose": "choose",
    "chosen": "choose",
    "began": "begin",
    "begun": "begin",
    "grew": "grow",
    "grown": "grow",
    "caught": "catch",
    "sold": "sell",
    "bought": "buy",
    "met": "meet",
    "kept": "keep",
    "went": "go",
    "gone": "go",
    "did": "do",
    "took": "take",
    "taken": "take",
    "saw": "see",
    "seen": "see",
    "found": "find",
    "told": "tell",
    "drove": "drive",
    "fell": "fall",
    "felt": "feel",
    "paid": "pay",
    "won": "win",
    "lost": "lose",
}

# Longest first; (suffix, replacement). A Porter-ish single step that keeps at least three letters.
_SUFFIXES = sorted(
    [
        ("izations", ""),
        ("ization", ""),
        ("isations", ""),
        ("isation", ""),
        ("ational", "ate"),
        ("fulness", ""),
        ("ship", ""),
        ("ships", ""),
        ("iveness", ""),
        ("ousness", ""),
        ("ements", ""),
        ("ement", ""),
        ("ments", ""),
        ("ment", ""),
        ("nesses", ""),
        ("ness", ""),
        ("izing", ""),
        ("ized", ""),
        ("izes", ""),
        ("ize", ""),
        ("ations", "ate"),
        ("ation", "ate"),
        ("ities", ""),
        ("ity", ""),
        ("ings", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ers", ""),
        ("er", ""),
        ("ly", ""),
        ("ful", ""),
        ("ive", ""),
        ("able", ""),
        ("ible", ""),
        ("al", ""),
        ("abilities", ""),
        ("ability", ""),
        ("ibilities", ""),
        ("ibility", ""),
        ("itizations", ""),
        ("itization", ""),
        ("itizing", ""),
        ("itized", ""),
        ("itizes", ""),
        ("itize", ""),
        ("itisations", ""),
        ("itisation", ""),
        ("itising", ""),
        ("itised", ""),
        ("itises", ""),
        ("itise", ""),
        ("ising", ""),
        ("ised", ""),
        ("ises", ""),
        ("ise", ""),
        ("sses", "ss"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("zes", "z"),
        ("s", ""),
    ],
    key=lambda pair: -len(pair[0]),
)
_VOWELS = set("aeiouy")


def stem(word: str) -> str:
    """Reduce an English word to a crude stem so inflections of one rubric term compare equal."""
    w = word.lower().strip("'")
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha():
        return w
    # Two passes reach stacked suffixes ("measurements" -> "measure", "answering" -> "answ").
    for _ in range(2):
        stripped = _strip_suffix(w)
        if stripped == w:
            break
        w = stripped
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"  # "priority"/"priorities" -> "prioriti"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in "ls":
        w = w[:-1]  # "stopped" -> "stopp" -> "stop"
    return w


def _strip_suffix(w: str) -> str:
    if w.endswith(("ss", "us", "is")):
        return w  # "process", "status", "analysis": the trailing s is not a plural
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix):
            base = w[: -len(suffix)] + replacement
            # Keep the stem pronounceable-ish, or "ring" -> "r" and "bed" -> "b".
            if len(base) >= 3 and any(c in _VOWELS for c in base):
                return base
            # Too short a stem for this suffix: a shorter suffix may still apply ("users" -> "user").
    return w


# Rubric-meta words, compared by stem so "mentioning" or "explanation" are caught too.
_META_STEMS = frozenset(
    stem(w)
    for w in (
        "mention",
        "describe",
        "explain",
        "explanation",
        "example",
        "demonstrate",
        "discuss",
        "candidate",
        "answer",
        "response",
        "respond",
    )
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """Surface words (lowercased), keeping digits and non-Latin letters."""
    return [m.group(0).lower().replace("’", "'") for m in _WORD_RE.finditer(text)]


def content_terms(text: str) -> list[tuple[str, str]]:
    """(stem, surface word) for each non-stop-word, in order; numbers are left to `specificity`."""
    out = []
    for w in words(text):
        if w in STOP_WORDS or w.isdigit() or len(w) < 2:
            continue
        s = stem(w)
        if s in _META_STEMS:
            continue
        out.append((s, w))
    return out


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim slice of the source text, stripped of surrounding whitespace
    start: int


def sentences(text: str) -> list[Sentence]:
    """Split into sentences whose `.text` is always an exact substring of `text`."""
    out: list[Sentence] = []
    pos = 0
    # Split on sentence-final punctuation + whitespace, or newlines; slicing keeps the text verbatim.
    for m in re.finditer(r"(?<=[.!?])\s+|\n+", text):
        _append(out, text, pos, m.start())
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        out.append(Sentence(stripped, start + chunk.index(stripped)))


# Spelled-out quantities count too ("three years"), but not "one", which is mostly a pronoun.
_NUMBER_RE = re.compile(
    r"(?<![\w])[$€£]?\d[\d,.]*\s*(?:%|percent|k|m|x|ms|s|h|hrs|hours|days|weeks|months|years)?"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|"
    r"dozen|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
_EXAMPLE_RE = re.compile(
    r"\b(for example|for instance|e\.g\.|such as|in one case|one time|last year|at my last"
    r"|when i was|in my (?:last|previous|current) (?:role|job|team|position))\b",
    re.IGNORECASE,
)
_OWNERSHIP_RE = re.compile(
    r"\bI (?:led|lead|built|designed|owned|own|wrote|shipped|launched|managed|ran|"
    r"created|drove|organized|organised|negotiated|migrated|reduced|increased|cut|"
    r"improved|mentored|hired|fixed|resolved|implemented|introduced|set up|started)\b",
    re.IGNORECASE,
)
_METRIC_RE = re.compile(
    r"\b(percent|%|revenue|latency|throughput|conversion|retention|churn|nps|csat|"
    r"uptime|p9\d|sla|kpi|okrs?|roi|budget|deadline|users|customers|tickets|"
    r"hours|days|weeks|months)\b|%",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Specificity:
    numbers: int
    examples: int
    ownership: int
    metrics: int

    @property
    def signals(self) -> list[str]:
        """Human-readable names of the kinds of specificity found, for the rationale line."""
        names = []
        if self.numbers:
            names.append("numbers")
        if self.examples:
            names.append("a concrete example")
        if self.ownership:
            names.append("first-person ownership")
        if self.metrics:
            names.append("metrics")
        return names


def specificity(text: str) -> Specificity:
    return Specificity(
        numbers=len(_NUMBER_RE.findall(text)),
        examples=len(_EXAMPLE_RE.findall(text)),
        ownership=len(_OWNERSHIP_RE.findall(text)),
        metrics=len(_METRIC_RE.findall(text)),
    )
