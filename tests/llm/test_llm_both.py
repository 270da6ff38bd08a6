"""--extractor both: the model's answer checked against the offline rules, field by field.
The model's answers are scripted (tests/llm/llm_server.py)."""

from __future__ import annotations

import copy
from collections.abc import Callable

from llm_cases import HAIKOU, HAIKOU_ANSWER, fig
from llm_server import ScriptedModel, answer

from povsum import Document, Settings, Summarizer
from povsum.extractors.combined import CrossCheckedExtractor
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.rules import RulesExtractor
from povsum.pipeline import build_extractor


def test_agreeing_fields_are_marked_and_a_disagreement_is_flagged_not_dropped(
    make_llm: Callable[..., LLMExtractor], scripted: ScriptedModel
) -> None:
    misread = copy.deepcopy(HAIKOU_ANSWER)
    # Verifiable, but the wrong field: the people lifted read as the baseline population.
    misread["baseline"]["people"] = fig("18255人", "这18255人脱贫的背后,是一股强大的合力。")
    scripted.queue(answer(misread))
    both = CrossCheckedExtractor(make_llm(), RulesExtractor())
    summary = Summarizer(extractor=both).summarize(Document.from_text(HAIKOU))
    verdicts = {
        a.field: a for a in summary.agreement if a.field.startswith(("baseline", "outcome", "region"))
    }
    # The text writes only the short 海口, which the rules do not take alone (迁安 in 搬迁安置).
    assert (verdicts["region"].status, verdicts["region"].llm) == ("llm_only", "海口市")
    assert verdicts["baseline.households"].status == "agree"
    assert (verdicts["baseline.people"].status, verdicts["baseline.people"].rules) == ("disagree", "18802人")
    assert summary.baseline.people.text == "18255人"  # kept: it is proven, only doubted
    flag = next(f for f in summary.verification.failures if f.field == "baseline.people")
    assert flag.is_flag and "the rules read 18802人" in flag.reason
    assert summary.verification.status == "verified"


def test_both_is_built_from_settings_and_described() -> None:
    settings = Settings(extractor="both", base_url="http://127.0.0.1:9/v1", model="m")
    summarizer = Summarizer(settings)
    assert isinstance(summarizer.extractor, CrossCheckedExtractor)
    assert "checked against the offline rules" in summarizer.describe()
    assert build_extractor(Settings(extractor="rules")).name == "rules"


def test_funding_agreements_name_the_amount_in_plain_digits(
    make_llm: Callable[..., LLMExtractor], scripted: ScriptedModel
) -> None:
    scripted.queue(answer(HAIKOU_ANSWER))
    both = CrossCheckedExtractor(make_llm(), RulesExtractor())
    summary = Summarizer(extractor=both).summarize(Document.from_text(HAIKOU))
    amounts = {a.llm or a.rules for a in summary.agreement if a.field == "funding"}
    assert "74880000" in amounts, amounts  # 7488万元, not 7.488e+07
