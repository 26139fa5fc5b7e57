"""Scoring interview answers 1-5 against per-question rubric anchors, weighted to an overall 0-100.

The default `RubricScorer` is deterministic and explainable on purpose: a hiring team must be able to
see *why* an answer got its score (which rubric terms it covered, which sentences earned them), and
a score must not change between two runs. An LLM scorer (scoring_llm.py) can be plugged in instead;
it falls back to this one whenever it cannot be trusted.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from milobot.interview import textstats


@dataclass(frozen=True)
class Question:
    text: str
    anchor_1: str  # what a score-1 answer looks like
    anchor_5: str  # what a score-5 answer looks like (rubric terms live mostly here)
    weight: float = 1.0


@dataclass(frozen=True)
class AnswerScore:
    score: int  # 1..5
    evidence: list[str] = field(default_factory=list)  # verbatim sentences from the answer
    rationale: str = ""  # one short line: why this score


@dataclass(frozen=True)
class InterviewScore:
    per_question: list[AnswerScore]
    overall: float  # 0..100, weighted


@runtime_checkable
class Scorer(Protocol):
    name: str

    async def score_answer(self, question: Question, answer: str) -> AnswerScore: ...


def overall_from_scores(scores: list[int], weights: list[float]) -> float:
    """Weighted mean of (score-1)/4, as 0..100 rounded to one decimal; zero total weight gives 0."""
    if len(scores) != len(weights):
        raise ValueError(f"{len(scores)} scores but {len(weights)} weights")
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    total = sum(weights)
    if total <= 0:
        return 0.0
    clamped = (min(5, max(1, s)) for s in scores)
    mean = sum((s - 1) / 4 * w for s, w in zip(clamped, weights)) / total
    return round(mean * 100, 1)


# How many scoring calls run at once: bounds concurrent requests to an LLM endpoint.
_CONCURRENCY = 4


async def score_interview(scorer: Scorer, questions: list[Question], answers: list[str]) -> InterviewScore:
    if len(questions) != len(answers):
        raise ValueError(f"{len(questions)} questions but {len(answers)} answers")
    gate = asyncio.Semaphore(_CONCURRENCY)

    async def one(q: Question, a: str) -> AnswerScore:
        async with gate:
            return await scorer.score_answer(q, a or "")

    per_question = list(await asyncio.gather(*(one(q, a) for q, a in zip(questions, answers))))
    overall = overall_from_scores([s.score for s in per_question], [max(0.0, q.weight) for q in questions])
    return InterviewScore(per_question=per_question, overall=overall)


# --- the built-in rubric scorer -------------------------------------------------------------------

_MIN_WORDS = 5  # below this an answer says nothing scoreable
_SHORT_WORDS = 15  # below this an answer can't be more than a 2, whatever words it hits
_FULL_LENGTH_WORDS = 60  # length stops helping past roughly a paragraph
_FULL_COVERAGE = 0.6  # covering 60% of the weighted rubric terms counts as full coverage
_QUESTION_TERM_WEIGHT = 0.5  # echoing the question is cheap, so it earns less than anchor-5 terms
_SHARED_TERM_WEIGHT = 0.6  # a term in both anchors discriminates less
_MAX_EVIDENCE = 3
_MAX_EVIDENCE_CHARS = 400


@dataclass(frozen=True)
class _Rubric:
    weights: dict[str, float]  # stem -> weight
    surface: dict[str, str]  # stem -> the word as the rubric wrote it (both anchors), for the rationale
    weak_only: frozenset[str]  # stems that appear only in the score-1 anchor


def _rubric(question: Question) -> _Rubric:
    strong = textstats.content_terms(question.anchor_5)
    weak_terms = textstats.content_terms(question.anchor_1)
    weak = {s for s, _ in weak_terms}
    asked = textstats.content_terms(question.text)
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    for s, w in strong:
        weights[s] = _SHARED_TERM_WEIGHT if s in weak else 1.0
        surface.setdefault(s, w)
    for s, w in asked:
        if s not in weights:
            weights[s] = _QUESTION_TERM_WEIGHT * (_SHARED_TERM_WEIGHT if s in weak else 1.0)
            surface.setdefault(s, w)
    for s, w in weak_terms:
        surface.setdefault(s, w)
    return _Rubric(weights, surface, frozenset(weak - set(weights)))


class RubricScorer:
    """Rubric-term coverage + specificity + length, mapped to 1..5; no network, no randomness."""

    name = "rubric"

    async def score_answer(self, question: Question, answer: str) -> AnswerScore:
        return self.score_sync(question, answer)

    def score_sync(self, question: Question, answer: str) -> AnswerScore:
        answer = answer or ""
        n_words = len(textstats.words(answer))
        if n_words == 0:
            return AnswerScore(1, [], "no answer given")
        if n_words < _MIN_WORDS:
            return AnswerScore(1, [], f"answer too short to assess ({n_words} words)")

        rubric = _rubric(question)
        answer_stems = {s for s, _ in textstats.content_terms(answer)}
        matched = [s for s in rubric.weights if s in answer_stems]
        weak_hits = sorted(rubric.weak_only & answer_stems)
        total = sum(rubric.weights.values())

        spec = textstats.specificity(answer)
        spec_part = (
            0.35 * min(spec.numbers, 3) / 3
            + 0.25 * min(spec.examples, 1)
            + 0.25 * min(spec.ownership, 2) / 2
            + 0.15 * min(spec.metrics, 2) / 2
        )
        length_part = min(1.0, max(0.0, (n_words - 8) / (_FULL_LENGTH_WORDS - 8)))
        if total > 0:
            coverage = sum(rubric.weights[s] for s in matched) / total
            coverage_part = min(1.0, coverage / _FULL_COVERAGE)
            raw = 0.55 * coverage_part + 0.25 * spec_part + 0.20 * length_part
        else:  # a question with no usable rubric text: judge on substance alone
            coverage_part = 0.0
            raw = 0.55 * spec_part + 0.45 * length_part
        # Sounding like the score-1 anchor costs, but less once the answer also covers the rubric.
        raw -= min(0.2, 0.07 * len(weak_hits)) * (1 - coverage_part)

        score = 1 + round(4 * max(0.0, min(1.0, raw)))
        if n_words < _SHORT_WORDS:
            score = min(score, 2)
        if total > 0 and not matched:
            score = min(score, 2)  # however long, an answer that touches no rubric term isn't on topic

        evidence = _evidence(answer, rubric, set(matched))
        return AnswerScore(score, evidence, _rationale(rubric, matched, weak_hits, spec, n_words))


def _evidence(answer: str, rubric: _Rubric, matched: set[str]) -> list[str]:
    """The sentences carrying the most rubric weight, quoted verbatim, in the order they were said."""
    ranked = []
    for sentence in textstats.sentences(answer):
        stems = {s for s, _ in textstats.content_terms(sentence.text)} & matched
        if stems:
            ranked.append((-sum(rubric.weights[s] for s in stems), sentence.start, sentence.text))
    top = sorted(sorted(ranked)[:_MAX_EVIDENCE], key=lambda r: r[1])
    # Slicing (not "…") keeps each quote an exact substring of what the candidate wrote.
    return [text[:_MAX_EVIDENCE_CHARS] for _, _, text in top]


def _rationale(
    rubric: _Rubric, matched: list[str], weak_hits: list[str], spec: textstats.Specificity, n_words: int
) -> str:
    parts = []
    if rubric.weights:
        named = ", ".join(rubric.surface[s] for s in matched[:6]) + (", …" if len(matched) > 6 else "")
        parts.append(
            f"covers {len(matched)} of {len(rubric.weights)} rubric terms" + (f": {named}" if named else "")
        )
    parts.append("specifics: " + ", ".join(spec.signals) if spec.signals else "no concrete specifics")
    if weak_hits:
        parts.append(
            "echoes the score-1 anchor (" + ", ".join(rubric.surface[s] for s in weak_hits[:3]) + ")"
        )
    parts.append(f"answer {n_words} words")
    return "; ".join(parts)


def build_scorer(
    *, llm_base_url: str | None, llm_model: str | None, llm_api_key: str | None = None
) -> Scorer:
    """The LLM scorer when an endpoint and model are configured, else the transparent rubric scorer."""
    if llm_base_url and llm_model:
        from milobot.interview.scoring_llm import OpenAICompatibleScorer

        return OpenAICompatibleScorer(base_url=llm_base_url, model=llm_model, api_key=llm_api_key)
    return RubricScorer()
