"""The llm extractor against an in-process scripted model: conversion, re-asks, templating."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from instructor.templating import handle_templating
from llm_cases import HAIKOU, HAIKOU_ANSWER, HAIKOU_HALLUCINATED, SEED_ANSWERS, SEEDS, fig, measure
from llm_server import ScriptedModel, answer, raw

from povsum import Document, Settings
from povsum.errors import ConfigError
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.extractor import MODES
from povsum.models import ArticleSummary
from povsum.pipeline import Summarizer
from povsum.verify import verify

Make = Callable[..., LLMExtractor]


def summarize(extractor: LLMExtractor, document: Document) -> ArticleSummary:
    return Summarizer(extractor.settings, extractor=extractor).summarize(document)


@pytest.fixture
def haikou() -> Document:
    return Document.from_text(HAIKOU)


def test_an_answer_becomes_a_verified_summary_with_offsets_into_the_original(
    make_llm: Make, scripted: ScriptedModel, haikou: Document
) -> None:
    scripted.queue(answer(HAIKOU_ANSWER))
    summary = summarize(make_llm(), haikou)
    assert summary.verification.status == "verified"
    assert summary.region is not None and summary.region.name == "海口市"
    people = summary.baseline.people
    assert (people.value, people.unit, people.text) == (18802, "人", "18802人")
    assert haikou.original[people.evidence.start : people.evidence.end] == people.evidence.quote
    assert summary.funding[0].amount.value == 74_880_000
    info = summary.extractor
    assert (info.name, info.model, info.attempts) == ("llm", "scripted-model", 1)
    assert info.prompt_version and info.usage is not None and info.usage.prompt_tokens > 0


def test_a_traditional_article_is_quoted_in_simplified_and_cited_in_the_original(
    make_llm: Make, scripted: ScriptedModel
) -> None:
    stem = "002_8756b7e08ecedc89"
    document = Document.from_path(SEEDS / f"{stem}.txt")
    scripted.queue(answer(SEED_ANSWERS[stem]))
    summary = summarize(make_llm(), document)
    assert summary.verification.status == "verified"
    amount = summary.funding[0].amount
    assert amount.value == 11_271_400
    assert "1127.14萬元" in document.original[amount.evidence.start : amount.evidence.end]


@pytest.mark.parametrize("max_retries", [0, 1, 2])
def test_max_retries_counts_re_asks_so_there_are_one_more_answers(
    make_llm: Make, scripted: ScriptedModel, haikou: Document, max_retries: int
) -> None:
    # instructor 1.17: max_retries=N stops after N+1 attempts (retry.py: stop_after_attempt(N + 1)).
    scripted.queue(*[answer(HAIKOU_HALLUCINATED)] * 5)
    summary = summarize(make_llm(max_retries=max_retries), haikou)
    assert len(scripted.seen) == max_retries + 1
    assert summary.extractor.attempts == max_retries + 1
    # The re-asks ran out: the last answer is kept, and the verifier drops the invented number.
    assert summary.verification.status == "partial"
    assert summary.baseline.people is None and summary.baseline.households.value == 4352
    assert [(f.field, f.text) for f in summary.verification.failures] == [("baseline.people", "28802人")]


def test_the_verifiers_reasons_are_sent_back_and_the_corrected_answer_kept(
    make_llm: Make, scripted: ScriptedModel, haikou: Document
) -> None:
    scripted.queue(answer(HAIKOU_HALLUCINATED), answer(HAIKOU_ANSWER))
    summary = summarize(make_llm(), haikou)
    assert summary.verification.status == "verified"
    assert summary.baseline.people.value == 18802 and summary.extractor.attempts == 2
    first, again = (seen.body["messages"] for seen in scripted.seen)
    # The constant prefix, then one message about the failed field only: no resent answer, no
    # instructor boilerplate, and the fields that were proven are not mentioned.
    assert again[:2] == first and [m["role"] for m in again] == ["system", "user", "user"]
    reask = again[-1]["content"]
    assert reask.splitlines()[1:] == [
        "- baseline.people「28802人」：原文中找不到这句 quote：请逐字复制原文中连续的一句",
        "  原文最接近的一句：据了解,2014年海口共有贫困人口4352户18802人。",
    ]
    assert "无法在原文中得到证实" in reask and "Recall the function" not in reask
    assert summary.extractor.reasked == ["baseline.people"]


def test_usage_is_summed_over_every_answer(make_llm: Make, scripted: ScriptedModel, haikou: Document) -> None:
    scripted.queue(answer(HAIKOU_HALLUCINATED), answer(HAIKOU_ANSWER))
    usage = summarize(make_llm(), haikou).extractor.usage
    assert usage is not None
    assert usage.completion_tokens == (len(json.dumps(HAIKOU_HALLUCINATED, ensure_ascii=False)) // 2) + (
        len(json.dumps(HAIKOU_ANSWER, ensure_ascii=False)) // 2
    )


TEMPLATE_MARKUP = "据说这里有 {{ 1+1 }} 和 {% raw %} 以及 ${article} 与 {{ secrets }} 等标记。"


def test_jinja_and_template_markup_in_an_article_reach_the_model_verbatim(
    make_llm: Make, scripted: ScriptedModel
) -> None:
    document = Document.from_text(HAIKOU + TEMPLATE_MARKUP + "\n")
    scripted.queue(answer(HAIKOU_HALLUCINATED), answer(HAIKOU_ANSWER))
    summarize(make_llm(), document)
    for seen in scripted.seen:  # the first request and the re-ask
        assert TEMPLATE_MARKUP in seen.body["messages"][1]["content"]


def test_instructor_would_render_the_article_if_context_were_passed() -> None:
    # Why povsum never passes context=: instructor 1.17 then renders every message with Jinja.
    rendered = handle_templating(
        {"messages": [{"role": "user", "content": "{{ 1+1 }}"}]}, MODES["tools"], context={"x": 1}
    )
    assert rendered["messages"][0]["content"] == "2"


def test_an_answer_that_never_parses_gives_a_failed_summary(
    make_llm: Make, scripted: ScriptedModel, haikou: Document
) -> None:
    scripted.queue(*[raw('{"region": ')] * 3)
    summary = summarize(make_llm(), haikou)
    assert summary.extractor.attempts == 3
    assert summary.verification.status == "failed"
    assert summary.region is None and summary.baseline is None
    (failure,) = summary.verification.failures
    assert failure.field == "answer" and "no usable answer in 3 attempt(s)" in failure.reason


def test_the_last_answer_that_converted_is_kept_when_later_ones_are_malformed(
    make_llm: Make, scripted: ScriptedModel, haikou: Document
) -> None:
    scripted.queue(answer(HAIKOU_HALLUCINATED), raw("not json"), raw("{"))
    summary = summarize(make_llm(), haikou)
    assert summary.extractor.attempts == 3
    assert summary.verification.status == "partial"
    assert summary.outcome.people_lifted.value == 18255


def test_an_unknown_category_or_level_is_not_worth_a_re_ask(
    make_llm: Make, scripted: ScriptedModel, haikou: Document
) -> None:
    loose: dict[str, Any] = {
        "region": {**HAIKOU_ANSWER["region"], "level": "city"},
        "measures": [measure("poverty_relief", "改造农村危房", "改造农村危房1580户")],
    }
    scripted.queue(answer(loose))
    summary = summarize(make_llm(), haikou)
    assert summary.extractor.attempts == 1
    assert summary.region.level is None and summary.measures[0].category == "other"


def test_a_number_in_the_wrong_field_is_re_asked(
    make_llm: Make, scripted: ScriptedModel, haikou: Document
) -> None:
    quote = "据了解,2014年海口共有贫困人口4352户18802人。"
    wrong = {"baseline": {"households": fig("18802人", quote)}}
    scripted.queue(answer(wrong), answer({"baseline": {"people": fig("18802人", quote)}}))
    summary = summarize(make_llm(), haikou)
    assert "单位不符合这个字段" in scripted.seen[1].body["messages"][-1]["content"]
    assert summary.baseline.people.value == 18802 and summary.baseline.households is None


@pytest.mark.parametrize("mode", ["json_schema", "md_json"])
def test_json_modes_send_the_reask_as_a_user_message(
    make_llm: Make, scripted: ScriptedModel, haikou: Document, mode: str
) -> None:
    scripted.queue(answer(HAIKOU_HALLUCINATED), answer(HAIKOU_ANSWER))
    summary = summarize(make_llm(mode=mode), haikou)
    assert summary.verification.status == "verified" and summary.extractor.attempts == 2
    assert "tools" not in scripted.seen[0].body
    assert scripted.seen[1].body["messages"][-1]["role"] == "user"


def test_articles_in_parallel_are_each_checked_against_their_own_text(
    make_llm: Make, scripted: ScriptedModel
) -> None:
    # Each reply quotes the article it answers: a grounding shared across threads would fail.
    def echo(request: dict[str, Any]) -> Any:
        article = request["messages"][1]["content"]
        sentence = next(line for line in article.splitlines() if line.startswith("本村共有"))
        return answer({"baseline": {"people": fig(sentence[4:-1], sentence)}})

    documents = [Document.from_text(f"第{i}村简报\n\n本村共有{100 + i}人。\n") for i in range(8)]
    scripted.queue(*[echo] * len(documents))
    extractor = make_llm()
    with ThreadPoolExecutor(4) as pool:
        summaries = list(pool.map(lambda d: verify(extractor.extract(d), d), documents))
    assert [s.baseline.people.value for s in summaries] == [100 + i for i in range(8)]
    assert all(s.verification.status == "verified" for s in summaries)


def test_the_llm_extractor_needs_an_endpoint() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY or OPENAI_BASE_URL"):
        LLMExtractor(Settings(extractor="llm"))


def test_a_keyless_local_endpoint_gets_a_placeholder_key() -> None:
    from povsum.extractors.llm.transport import KEYLESS, make_client

    client = make_client(Settings(base_url="http://127.0.0.1:11434/v1"))
    assert client.api_key == KEYLESS and str(client.base_url) == "http://127.0.0.1:11434/v1/"
    assert client.max_retries == 0
