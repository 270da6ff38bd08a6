"""Long articles are read in paragraph-aligned parts and merged (issue 11, item 7). The article is
our own writing (figures invented for the test) and every answer is scripted by hand
(tests/llm/llm_server.py): they test the splitting and merging, not any model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from llm_cases import (
    LONG_ANSWERS,
    LONG_ARTICLE,
    LONG_CHUNK,
    S_BASELINE,
    S_INDUSTRY,
    S_OUTCOME,
    S_PREFECTURE,
    S_REGION,
    by_part,
    fig,
    part_answer,
)
from llm_server import Reply, ScriptedModel, answer, raw

from povsum import Document, Settings, Summarizer
from povsum.config import load_config
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.chunks import split_article
from povsum.models import ArticleSummary

Make = Callable[..., LLMExtractor]


@pytest.fixture
def long_document() -> Document:
    return Document.from_text(LONG_ARTICLE)


def summarize(extractor: LLMExtractor, document: Document) -> ArticleSummary:
    return Summarizer(extractor.settings, extractor=extractor).summarize(document)


def test_the_article_is_cut_at_paragraphs_into_parts_that_join_to_it(long_document: Document) -> None:
    parts = split_article(long_document.text, LONG_CHUNK)
    assert len(parts) == 3 and "".join(p.text for p in parts) == long_document.text
    assert all(len(p.text) <= LONG_CHUNK and p.text.endswith("\n") for p in parts[:-1])
    assert [(p.index, p.count) for p in parts] == [(1, 3), (2, 3), (3, 3)]
    # The outcome is in a later part than the baseline: found only if every part is read.
    where = {s: next(p.index for p in parts if s in p.text) for s in (S_BASELINE, S_OUTCOME, S_PREFECTURE)}
    assert where[S_BASELINE] == 1 and where[S_OUTCOME] == 2 and where[S_PREFECTURE] == 3


def test_a_long_article_is_read_in_parts_and_merged_with_offsets_into_the_original(
    make_llm: Make, scripted: ScriptedModel, long_document: Document
) -> None:
    scripted.queue(*[by_part] * 3)
    summary = summarize(make_llm(chunk_chars=LONG_CHUNK), long_document)
    assert len(scripted.seen) == 3 and summary.extractor.chunks == 3 and summary.extractor.attempts == 3
    assert summary.verification.status == "verified", summary.verification.failures
    # Each request holds one part and says which.
    for seen, part in zip(scripted.seen, split_article(long_document.text, LONG_CHUNK), strict=True):
        user = seen.body["messages"][1]["content"]
        assert part.text in user and f"这是第{part.index}部分" in user
        assert seen.body["messages"][0] == scripted.seen[0].body["messages"][0]  # one constant system prompt
    # Figures from the second part, their offsets into the original HTML file, not into a part.
    outcome = summary.outcome
    assert (outcome.people.value, outcome.households.value, outcome.as_of) == (203, 86, "截至2019年底")
    assert outcome.people_lifted.value == 11673 and summary.baseline.people.value == 11876
    for _, quantity in summary.quantities():
        ev = quantity.evidence
        assert LONG_ARTICLE[ev.start : ev.end] == ev.quote and quantity.text in ev.quote
    assert (
        LONG_ARTICLE.index(S_OUTCOME)
        == outcome.people.evidence.start
        > len(split_article(long_document.text, LONG_CHUNK)[0].text)
    )
    # Nothing doubled: the sum and the measure the last part repeated are listed once.
    assert [f.amount.value for f in summary.funding] == [23_600_000]
    assert sorted(m.category for m in summary.measures) == ["employment", "housing", "industry"]
    # The region is the one the whole article names most (平江县, 9 times), not the last part's.
    assert summary.region.name == "平江县" and summary.region.code == "430626"


def test_a_short_article_is_one_request_without_a_part_note(make_llm: Make, scripted: ScriptedModel) -> None:
    scripted.queue(by_part)
    document = Document.from_text("平江县简报\n\n" + S_REGION + S_BASELINE + S_INDUSTRY + "\n")
    summary = summarize(make_llm(chunk_chars=LONG_CHUNK), document)
    assert summary.extractor.chunks == 1 and len(scripted.seen) == 1
    assert "部分" not in scripted.seen[0].body["messages"][1]["content"]
    assert summary.baseline.households.value == 3215


def test_a_part_whose_answer_fails_is_re_asked_alone_and_the_others_are_kept(
    make_llm: Make, scripted: ScriptedModel, long_document: Document
) -> None:
    invented = {"outcome": {**LONG_ANSWERS[S_OUTCOME]["outcome"], "people": fig("2030人", S_OUTCOME)}}

    def first_try_invents(request: dict[str, Any]) -> Reply:
        part = request["messages"][1]["content"]
        if S_OUTCOME in part and len(request["messages"]) == 2:
            return answer({**part_answer(part), **invented})
        return by_part(request)

    scripted.queue(*[first_try_invents] * 4)
    summary = summarize(make_llm(chunk_chars=LONG_CHUNK), long_document)
    assert len(scripted.seen) == 4 and summary.extractor.attempts == 4
    assert summary.verification.status == "verified" and summary.outcome.people.value == 203
    assert summary.extractor.reasked == ["outcome.people"]
    reask = next(s for s in scripted.seen if len(s.body["messages"]) == 3).body["messages"][2]["content"]
    assert "outcome.people「2030人」" in reask and "baseline" not in reask


def test_the_part_size_is_a_setting_of_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "povsum.toml").write_text("chunk_chars = 3000\n", encoding="utf-8")
    config, _ = load_config(tmp_path)
    assert Settings.from_env({}, config).chunk_chars == 3000
    assert Settings.from_env({}, config, chunk_chars=1200).chunk_chars == 1200  # the flag wins
    assert Settings().chunk_chars == 6000


def test_a_part_that_never_gives_a_readable_answer_leaves_the_others_and_says_so(
    make_llm: Make, scripted: ScriptedModel, long_document: Document
) -> None:
    def second_part_garbled(request: dict[str, Any]) -> Reply:
        part = request["messages"][1]["content"]
        return raw('{"outcome": {"people": ') if S_OUTCOME in part else by_part(request)

    scripted.queue(*[second_part_garbled] * 5)
    summary = summarize(make_llm(chunk_chars=LONG_CHUNK, max_retries=2), long_document)
    assert len(scripted.seen) == 5  # parts 1 and 3 once, part 2 three times
    assert summary.verification.status == "partial" and summary.outcome.people is None
    assert summary.baseline.people.value == 11876 and summary.outcome.people_lifted.value == 11673
    (failure,) = summary.verification.failures
    assert (failure.field, failure.text) == ("answer", "part 2/3")
    assert failure.reason.startswith("no usable answer in 3 attempt(s)")
    reask = scripted.seen[2].body["messages"][-1]["content"]
    assert "无法按给定结构读取" in reask and "Invalid JSON" in reask
