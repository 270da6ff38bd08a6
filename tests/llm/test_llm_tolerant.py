"""A correct answer with a harmless format quirk verifies in one request (issue 11, tolerant
reading); the stored text, quote and offsets are the source's. Answers are scripted
(tests/llm/llm_server.py), each quirk written by hand after the ones real endpoints produce."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from llm_cases import HAIKOU, HAIKOU_ANSWER
from llm_server import Reply, ScriptedModel, answer

from povsum import Document, Summarizer
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.tolerant import tolerant_shape

Make = Callable[..., LLMExtractor]


def quirk(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(HAIKOU_ANSWER)
    change(data)
    return data


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = data
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[last] = value

    return change


LIFTED = "这18255人脱贫的背后,是一股强大的合力。"
S2014 = "据了解,2014年海口共有贫困人口4352户18802人。"
QUIRKS = {
    "thousands-separator": quirk(_set("baseline.people.text", "18,802人")),
    "space-before-unit": quirk(_set("baseline.people.text", "18802 人")),
    "full-width-digits": quirk(_set("baseline.people.text", "１８８０２人")),
    "unit-left-out": quirk(_set("baseline.people.text", "18802")),
    "curly-quote-marks": quirk(
        _set("outcome.people_lifted.quote", "“这18255人脱贫的背后,是一股强大的合力。”")
    ),
    "title-prefix": quirk(_set("region.quote", "标题：海口众志成城打好脱贫攻坚战 已实现18255人脱贫")),
    "inserted-comma": quirk(
        _set("baseline.households.quote", "据了解,2014年海口共有贫困人口4352户、18802人。")
    ),
    "elision": quirk(_set("funding.0.amount.quote", "海口共投入政府性资金7488万元……1580户。")),
    "measures-null": quirk(_set("measures", None)),
    "figure-text-null": quirk(_set("outcome.people_lifted", {"text": None, "quote": None})),
}


@pytest.mark.parametrize("name", sorted(QUIRKS))
def test_a_quirky_correct_answer_verifies_in_one_request(
    name: str, make_llm: Make, scripted: ScriptedModel
) -> None:
    scripted.queue(answer(QUIRKS[name]))
    document = Document.from_text(HAIKOU)
    summary = Summarizer(extractor=make_llm()).summarize(document)
    assert summary.extractor.attempts == 1, summary.verification.failures
    assert summary.verification.status == "verified", summary.verification.failures
    for _, quantity in summary.quantities():
        assert quantity.text in quantity.evidence.quote
        assert (
            document.text_between(quantity.evidence.start, quantity.evidence.end) == quantity.evidence.quote
        )


def test_an_answer_wrapped_in_its_schema_name_and_numbers_as_json_numbers(
    make_llm: Make, scripted: ScriptedModel
) -> None:
    data = quirk(_set("baseline.households.text", 4352))
    scripted.queue(answer({"ArticleDraft": data}))
    summary = Summarizer(extractor=make_llm()).summarize(Document.from_text(HAIKOU))
    assert summary.extractor.attempts == 1 and summary.verification.status == "verified"
    assert summary.baseline.households.text == "4352户"


def test_a_large_json_number_where_text_belongs_is_written_out_not_in_exponent_form() -> None:
    data = {"funding": [{"amount": {"text": 74_880_000.0, "quote": "海口共投入政府性资金7488万元"}}]}
    shaped = tolerant_shape(data, frozenset({"funding"}))
    assert shaped["funding"][0]["amount"]["text"] == "74880000"  # not 7.488e+07


def test_two_tool_calls_in_one_answer_are_merged_not_dropped(make_llm: Make, scripted: ScriptedModel) -> None:
    first = {"region": HAIKOU_ANSWER["region"], "baseline": HAIKOU_ANSWER["baseline"]}
    second = {k: HAIKOU_ANSWER[k] for k in ("outcome", "funding", "measures")}
    scripted.queue(
        Reply(
            text=json.dumps(first, ensure_ascii=False), more_calls=(json.dumps(second, ensure_ascii=False),)
        )
    )
    summary = Summarizer(extractor=make_llm()).summarize(Document.from_text(HAIKOU))
    assert summary.extractor.attempts == 1 and summary.verification.status == "verified"
    assert summary.outcome.people_lifted.value == 18255 and len(summary.funding) == 1 and summary.measures


def test_tolerance_never_lets_an_invented_number_through(make_llm: Make, scripted: ScriptedModel) -> None:
    invented = quirk(_set("baseline.people.text", "18,803人"))
    scripted.queue(answer(invented), answer(invented), answer(invented))
    summary = Summarizer(extractor=make_llm(max_retries=2)).summarize(Document.from_text(HAIKOU))
    assert summary.baseline.people is None and summary.verification.status == "partial"
