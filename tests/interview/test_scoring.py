"""RubricScorer, overall weighting and the OpenAI-compatible scorer (against a real local HTTP server)."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass

import pytest
from aiohttp import web

from milobot.interview.scoring import (
    AnswerScore,
    InterviewScore,
    Question,
    RubricScorer,
    Scorer,
    build_scorer,
    overall_from_scores,
    score_interview,
)
from milobot.interview.scoring_llm import OpenAICompatibleScorer, parse_reply
from milobot.interview.textstats import sentences, stem

# --- hand-written samples: one strong and one weak answer per kind of question ----------------------------


@dataclass(frozen=True)
class Sample:
    kind: str
    question: Question
    strong: str
    weak: str


SAMPLES = [
    Sample(
        "behavioural",
        Question(
            text="Tell us about a time you disagreed with a teammate. How did you handle it?",
            anchor_1="Vague or hypothetical; blames the teammate, avoided the conversation, or claims never "
            "to have had a disagreement.",
            anchor_5="A specific situation; listened to understand the teammate's view, discussed trade-offs "
            "openly with data, reached a compromise or decision, describes the outcome and what they learned.",
        ),
        strong=(
            "At my last job a teammate wanted to rewrite our billing service while I wanted to patch it. "
            "I set up a 30-minute call and listened to understand why he felt the rewrite was urgent. "
            "We discussed the trade-offs openly and pulled data: the old service caused 12 incidents in 6 months. "
            "We reached a compromise to rewrite the invoicing module first, and the outcome was zero incidents "
            "the next quarter. I learned to bring data before opinions."
        ),
        weak=(
            "Honestly I never really have disagreements with people, I get along with everyone. "
            "If someone is being difficult I usually just avoid it and let the manager sort it out, "
            "it is their fault anyway."
        ),
    ),
    Sample(
        "technical",
        Question(
            text="A web page that lists orders has become slow. How would you find and fix the problem?",
            anchor_1="Guesses a fix (bigger server, rewrite) without measuring anything.",
            anchor_5="Measures first: profiles the request, checks database query plans and indexes, looks for "
            "N+1 queries, adds caching or pagination where justified, verifies the latency improvement with "
            "metrics.",
        ),
        strong=(
            "First I would measure: profile the request and look at p95 latency in our metrics. "
            "Usually the database is the culprit, so I check the query plan with EXPLAIN and look for missing "
            "indexes or N+1 queries from the ORM. For example, I once cut a page from 4 s to 300 ms by adding "
            "a composite index and pagination. Only then would I add caching, and I verify the improvement "
            "against the latency dashboard."
        ),
        weak="I would probably just get a bigger server or rewrite it in a faster language, that usually works.",
    ),
    Sample(
        "customer-facing",
        Question(
            text="A customer is angry because their refund is late. What do you do?",
            anchor_1="Argues with the customer, quotes policy, or passes them along without follow-up.",
            anchor_5="Acknowledges the frustration and apologises, checks the refund status, explains clearly "
            "what happened and when it will arrive, escalates if needed, and follows up to confirm.",
        ),
        strong=(
            "I would acknowledge their frustration and apologise for the delay. "
            "Then I check the refund status in the billing system and explain what happened and when the money "
            "will arrive, usually 3 to 5 business days. If it is stuck I escalate to finance the same day. "
            "I follow up with the customer to confirm the refund landed."
        ),
        weak="I tell them our policy says refunds take time and they need to wait like everyone else.",
    ),
    Sample(
        "logistics",
        Question(
            text="When could you start, and are you available for weekend shifts?",
            anchor_1="Unsure or noncommittal about dates and availability.",
            anchor_5="Gives a start date, states the notice period, and confirms weekend and shift "
            "availability including any constraints.",
        ),
        strong=(
            "I can start on 3 March, after my two-week notice period ends. "
            "I am available for weekend shifts, both Saturday and Sunday, and can do evening shifts too. "
            "The only constraint is one Friday a month for a class."
        ),
        weak="Not sure yet, it depends on a few things. We can see.",
    ),
    Sample(
        "leadership",
        Question(
            text="Describe a project you led from start to finish.",
            anchor_1="Talks only about the team in general terms; no personal role or result.",
            anchor_5="Owns the project: set goals, planned milestones, delegated to the team, managed risks "
            "and stakeholders, shipped, and reports measurable results.",
        ),
        strong=(
            "I led the migration of our mobile app to a new payments provider. "
            "I set the goal of zero downtime, planned four milestones and delegated the API work to two "
            "engineers while I managed the stakeholders in finance. We hit a risk with refunds in week 3, "
            "which I handled by adding a fallback. We shipped on time and conversion rose 8%."
        ),
        weak=(
            "Our team did a lot of projects together. Everyone helped out and it went pretty well in "
            "general, the team was great."
        ),
    ),
    Sample(
        "motivation",
        Question(
            text="Why do you want to work in this role at our company?",
            anchor_1="Generic; could apply to any company; talks only about salary or perks.",
            anchor_5="Connects their skills and experience to the role's responsibilities, shows knowledge of "
            "the company's product and customers, and explains their career goals.",
        ),
        strong=(
            "Your product helps small clinics book patients, and I spent three years building scheduling "
            "software for customers like that. The role's responsibilities, owning the booking experience end "
            "to end, match my skills in frontend and API design. My career goal is to grow into a product "
            "engineering lead, and your company is at the stage where I can do that."
        ),
        weak="I need a job and the salary looks good. Also the perks seem nice.",
    ),
    Sample(
        "sales",
        Question(
            text="How do you handle a prospect who says your product is too expensive?",
            anchor_1="Immediately offers a discount or gives up.",
            anchor_5="Asks questions to uncover the real objection, quantifies the value and ROI against the "
            "cost, compares alternatives, and agrees next steps.",
        ),
        strong=(
            "I ask questions first to uncover the real objection, because price is often cover for risk. "
            "Then I quantify the value: for example, if our tool saves their team 10 hours a week, that is "
            "roughly $20,000 a year against a $6,000 cost, a clear ROI. I compare alternatives honestly and "
            "agree concrete next steps, like a pilot with a success metric."
        ),
        weak="I would just give them a discount right away so we do not lose the deal.",
    ),
]


IDS = [s.kind for s in SAMPLES]
rubric = RubricScorer()


# --- the rubric scorer ------------------------------------------------------------------------------------


def test_samples_cover_many_kinds_of_question():
    assert len(SAMPLES) >= 6
    assert {"behavioural", "technical", "customer-facing", "logistics"} <= set(IDS)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
async def test_strong_answer_outscores_weak_answer(sample: Sample):
    strong = await rubric.score_answer(sample.question, sample.strong)
    weak = await rubric.score_answer(sample.question, sample.weak)
    assert strong.score > weak.score, (strong.rationale, weak.rationale)
    assert strong.score >= 4, strong.rationale
    assert weak.score <= 2, weak.rationale


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
async def test_evidence_is_quoted_verbatim_from_the_answer(sample: Sample):
    for answer in (sample.strong, sample.weak):
        result = await rubric.score_answer(sample.question, answer)
        assert len(result.evidence) <= 3
        for quote in result.evidence:
            assert quote and quote in answer
    assert (await rubric.score_answer(sample.question, sample.strong)).evidence, (
        "a strong answer earns evidence"
    )


@pytest.mark.parametrize("answer", ["", "   \n\t ", "Yes.", "I don't know", "n/a"])
async def test_empty_or_very_short_answer_scores_1(answer: str):
    result = await rubric.score_answer(SAMPLES[0].question, answer)
    assert result.score == 1
    assert result.evidence == []
    assert result.rationale


async def test_rationale_names_the_covered_terms_and_the_length():
    sample = SAMPLES[1]  # technical
    result = await rubric.score_answer(sample.question, sample.strong)
    assert "rubric terms" in result.rationale
    assert "database" in result.rationale
    assert re.search(r"answer (7\d) words$", result.rationale)  # ~75 words, however N+1 is counted
    weak = await rubric.score_answer(sample.question, sample.weak)
    assert "score-1 anchor" in weak.rationale  # "bigger server", "rewrite" come from anchor_1 only


async def test_a_middling_answer_lands_between_weak_and_strong():
    sample = SAMPLES[1]
    middling = (
        "I would check the database for slow queries and maybe add an index or some caching, "
        "then see whether the page gets faster."
    )
    scores = [
        (await rubric.score_answer(sample.question, a)).score for a in (sample.weak, middling, sample.strong)
    ]
    assert scores[0] < scores[1] < scores[2], scores


async def test_long_but_off_topic_answer_is_capped():
    sample = SAMPLES[2]  # the angry customer
    off_topic = (
        "I really enjoy hiking in the mountains on weekends with my family. Last year we walked 120 km "
        "across three national parks and I planned every stage of the route myself. "
        "For example we climbed two peaks above 3000 metres in a single week, which was amazing."
    )
    assert (await rubric.score_answer(sample.question, off_topic)).score <= 2


async def test_scoring_is_deterministic():
    first = [await rubric.score_answer(s.question, s.strong) for s in SAMPLES]
    again = [await RubricScorer().score_answer(s.question, s.strong) for s in SAMPLES]
    assert first == again


async def test_non_latin_and_markup_answers_do_not_crash():
    q = SAMPLES[0].question
    for answer in [
        "<!channel> <script>alert(1)</script> " * 5,
        "我和同事有分歧。我们讨论了数据。最后达成了妥协。",
        "Él escuchó. Después discutimos los datos con calma y llegamos a un acuerdo útil.",
    ]:
        result = await rubric.score_answer(q, answer)
        assert 1 <= result.score <= 5
        assert all(quote in answer for quote in result.evidence)


def test_stemmer_conflates_inflections():
    assert stem("measured") == stem("measurement") == stem("measuring")
    assert stem("priorities") == stem("prioritize") == stem("prioritise")
    assert stem("organised") == stem("organized") == stem("organizing")
    assert stem("databases") == stem("database")
    assert stem("led") == stem("leading")
    assert stem("process") == stem("processes")


def test_sentences_are_exact_substrings():
    text = "First point. Second one!\n- a bullet\n\nThird?  Last"
    parts = sentences(text)
    assert [p.text for p in parts] == ["First point.", "Second one!", "- a bullet", "Third?", "Last"]
    assert all(text[p.start : p.start + len(p.text)] == p.text for p in parts)


# --- the overall score ------------------------------------------------------------------------------------


def test_overall_from_scores_maps_1_to_0_and_5_to_100():
    assert overall_from_scores([1, 1], [1, 1]) == 0.0
    assert overall_from_scores([5, 5], [1, 1]) == 100.0
    assert overall_from_scores([3], [1]) == 50.0
    assert overall_from_scores([5, 1], [1, 1]) == 50.0
    assert overall_from_scores([5, 1, 2], [1, 1, 1]) == 41.7  # mean of 1, 0, .25 -> 41.666...


def test_weights_move_the_overall_score():
    scores = [5, 2, 3]
    base = overall_from_scores(scores, [1, 1, 1])
    assert overall_from_scores(scores, [3, 1, 1]) > base  # more weight on the best-scored question
    assert overall_from_scores(scores, [1, 3, 1]) < base  # more weight on the worst
    assert overall_from_scores(scores, [0, 1, 0]) == 25.0  # a zero weight removes a question
    assert overall_from_scores(scores, [2, 2, 2]) == base  # only relative weights matter


def test_zero_total_weight_gives_zero_and_bad_input_is_refused():
    assert overall_from_scores([5, 5], [0, 0]) == 0.0
    assert overall_from_scores([], []) == 0.0
    with pytest.raises(ValueError):
        overall_from_scores([5], [1, 1])
    with pytest.raises(ValueError):
        overall_from_scores([5], [-1])


async def test_score_interview_weights_questions():
    questions = [s.question for s in SAMPLES[:3]]
    answers = [SAMPLES[0].strong, SAMPLES[1].weak, SAMPLES[2].strong]
    result = await score_interview(rubric, questions, answers)
    assert isinstance(result, InterviewScore)
    assert [a.score for a in result.per_question] == [
        (await rubric.score_answer(q, a)).score for q, a in zip(questions, answers)
    ]
    assert result.overall == overall_from_scores([a.score for a in result.per_question], [1, 1, 1])

    heavy_weak = [questions[0], Question(**{**questions[1].__dict__, "weight": 5.0}), questions[2]]
    assert (await score_interview(rubric, heavy_weak, answers)).overall < result.overall
    zero = [Question(**{**q.__dict__, "weight": 0.0}) for q in questions]
    assert (await score_interview(rubric, zero, answers)).overall == 0.0
    with pytest.raises(ValueError):
        await score_interview(rubric, questions, answers[:2])


def test_build_scorer_picks_the_rubric_unless_an_llm_is_configured():
    assert isinstance(build_scorer(llm_base_url=None, llm_model=None), RubricScorer)
    assert isinstance(build_scorer(llm_base_url="http://x/v1", llm_model=None), RubricScorer)
    llm = build_scorer(llm_base_url="http://x/v1/", llm_model="m", llm_api_key="k")
    assert isinstance(llm, OpenAICompatibleScorer) and llm.base_url == "http://x/v1"
    assert isinstance(llm, Scorer) and isinstance(RubricScorer(), Scorer)


# --- the OpenAI-compatible scorer, against a real HTTP server ---------------------------------------------


@dataclass
class FakeLLM:
    """A chat-completions endpoint on an ephemeral port; `reply` decides what the next call gets."""

    base_url: str
    requests: list[dict]
    reply: dict


@pytest.fixture
async def fake_llm():
    requests: list[dict] = []
    state = FakeLLM(base_url="", requests=requests, reply={"content": "{}"})

    async def completions(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        requests.append({"body": body, "authorization": request.headers.get("Authorization")})
        reply = state.reply
        if reply.get("delay"):
            await asyncio.sleep(reply["delay"])
        if reply.get("status"):
            return web.Response(status=reply["status"], text="upstream error")
        return web.json_response(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "model": body.get("model"),
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": reply["content"]},
                    }
                ],
            }
        )

    app = web.Application()
    app.router.add_post("/v1/chat/completions", completions)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    state.base_url = f"http://127.0.0.1:{port}/v1"
    try:
        yield state
    finally:
        await runner.cleanup()


def llm_reply(**fields) -> str:
    return json.dumps(fields)


async def test_llm_good_answer_path(fake_llm: FakeLLM):
    sample = SAMPLES[1]
    quote = "Usually the database is the culprit"
    fake_llm.reply = {"content": llm_reply(score=5, evidence=[quote], rationale="Measures before fixing.")}
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="gpt-test", api_key="sk-test")
    result = await scorer.score_answer(sample.question, sample.strong)
    assert result == AnswerScore(5, [quote], "Measures before fixing.")

    [call] = fake_llm.requests
    body = call["body"]
    assert call["authorization"] == "Bearer sk-test"
    assert body["model"] == "gpt-test" and body["temperature"] == 0
    assert body["response_format"] == {"type": "json_object"}
    system, user = body["messages"]
    assert system["role"] == "system" and sample.question.anchor_5 in system["content"]
    assert sample.question.anchor_1 in system["content"]
    assert json.loads(user["content"]) == {"question": sample.question.text, "answer": sample.strong}


async def test_llm_without_api_key_sends_no_authorization(fake_llm: FakeLLM):
    fake_llm.reply = {"content": llm_reply(score=3, evidence=[], rationale="ok")}
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="local")
    assert (await scorer.score_answer(SAMPLES[3].question, SAMPLES[3].strong)).score == 3
    assert fake_llm.requests[0]["authorization"] is None


async def test_llm_invalid_json_falls_back_to_rubric(fake_llm: FakeLLM):
    sample = SAMPLES[0]
    fake_llm.reply = {"content": "Sure! I'd give this a 4/5."}
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="m")
    result = await scorer.score_answer(sample.question, sample.strong)
    expected = await rubric.score_answer(sample.question, sample.strong)
    assert result.score == expected.score and result.evidence == expected.evidence
    assert result.rationale.startswith("LLM scorer unavailable (reply is not valid JSON); rubric fallback:")


async def test_llm_evidence_not_in_answer_is_dropped_and_score_clamped(fake_llm: FakeLLM):
    sample = SAMPLES[2]
    real = "I follow up with the customer to confirm the refund landed."
    fake_llm.reply = {
        "content": "```json\n"
        + llm_reply(
            score=9,
            evidence=[real, "The candidate promised a full refund plus a voucher.", 42, real],
            rationale="Great.",
        )
        + "\n```"
    }
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="m")
    result = await scorer.score_answer(sample.question, sample.strong)
    assert result.score == 5
    assert result.evidence == [real]


async def test_llm_timeout_falls_back_to_rubric(fake_llm: FakeLLM):
    sample = SAMPLES[4]
    fake_llm.reply = {"delay": 2.0, "content": llm_reply(score=5, evidence=[], rationale="late")}
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="m", timeout_s=0.2)
    result = await asyncio.wait_for(scorer.score_answer(sample.question, sample.weak), timeout=5)
    assert result.score == (await rubric.score_answer(sample.question, sample.weak)).score
    assert result.rationale.startswith("LLM scorer unavailable (timeout)")


async def test_llm_http_error_and_unreachable_endpoint_fall_back(fake_llm: FakeLLM):
    sample = SAMPLES[5]
    fake_llm.reply = {"status": 500}
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="m")
    assert "HTTP 500" in (await scorer.score_answer(sample.question, sample.strong)).rationale

    dead = OpenAICompatibleScorer(base_url="http://127.0.0.1:9/v1", model="m", timeout_s=2)
    result = await dead.score_answer(sample.question, sample.strong)
    assert result.rationale.startswith("LLM scorer unavailable (")
    assert 1 <= result.score <= 5


async def test_llm_empty_answer_scores_1_without_calling_the_model(fake_llm: FakeLLM):
    fake_llm.reply = {"content": llm_reply(score=5, evidence=[], rationale="??")}
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="m")
    assert (await scorer.score_answer(SAMPLES[0].question, "  ")).score == 1
    assert fake_llm.requests == []


async def test_score_interview_with_the_llm_scorer(fake_llm: FakeLLM):
    fake_llm.reply = {"content": llm_reply(score=4, evidence=[], rationale="fine")}
    scorer = OpenAICompatibleScorer(base_url=fake_llm.base_url, model="m")
    result = await score_interview(scorer, [s.question for s in SAMPLES], [s.strong for s in SAMPLES])
    assert [a.score for a in result.per_question] == [4] * len(SAMPLES)
    assert result.overall == 75.0
    assert len(fake_llm.requests) == len(SAMPLES)


@pytest.mark.parametrize(
    "content",
    [
        '{"score": "4", "evidence": "not a list"}',
        '{"score": 0.2}',
        '{"score": true}',
        "[1, 2]",
        '{"evidence": []}',
        "null",
    ],
)
def test_parse_reply_validates(content: str):
    answer = "Some answer text."
    try:
        result = parse_reply(content, answer)
    except ValueError:
        return  # refused: the caller falls back to the rubric
    assert 1 <= result.score <= 5 and result.evidence == [] and result.rationale
