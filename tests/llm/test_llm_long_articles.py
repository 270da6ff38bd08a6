"""Long articles are read in paragraph-aligned parts and merged (issue 11, item 7). The article is
our own writing (figures invented for the test) and every answer is scripted by hand
(tests/llm/llm_server.py): they test the splitting and merging, not any model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from llm_cases import fig, measure, money
from llm_server import Reply, ScriptedModel, answer

from povsum import Document, Settings, Summarizer
from povsum.config import load_config
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.chunks import split_article
from povsum.models import ArticleSummary

Make = Callable[..., LLMExtractor]

S_REGION = "平江县地处湘东北的幕阜山区,山多地少,交通不便,曾是省级深度贫困县。"
S_BASELINE = "2014年平江县共有建档立卡贫困户3215户11876人,贫困发生率为9.8%。"
S_INDUSTRY = "各乡镇根据自己的土壤和气候,分别发展茶叶、油茶和中药材,由合作社统一收购,贫困户按入股的土地分红。"
S_HOUSING = "平江县投入财政资金2360万元,改造农村危房870户,让住在土坯房里的老人搬进了结实的新屋。"
S_OUTCOME = "截至2019年底,平江县剩余贫困人口减少到86户203人,全县贫困发生率降至0.15%。"
S_LIFTED = "平江县累计实现11673人脱贫。"
S_TRAINING = "县人社局在村里办起技能培训班,教电工、厨师和家政,结业后再帮他们联系工作。"
S_PREFECTURE = "岳阳市扶贫部门的一位负责人说,平江县的经验在于把帮扶落到每一户,下一步还要继续巩固成果。"

# An HTML page, so the cleaned text the model reads and the original file differ in offsets.
PARAGRAPHS = (
    S_REGION + S_BASELINE,
    "县里把产业作为脱贫的根本办法。" + S_INDUSTRY,
    "为了让山里的孩子安心上学,县教育部门逐户走访,建立了从学前到高中的资助台账,没有一个孩子因为家里困难而离开课堂。",
    "在基础设施方面,平江县新修和加宽了通村公路,给偏远的自然村接通了自来水和动力电,村民卖货和看病都比从前方便多了。",
    "村里的年轻人回来了。有人开起了网店,把山里的茶叶和笋干卖到城里,还带着邻居一起做。",
    "住房安全是另一件大事。" + S_HOUSING,
    "不少青壮年过去只能外出打零工。" + S_TRAINING,
    "看病难曾让不少家庭一病返贫。县里为贫困人口代缴了医疗保险,乡镇卫生院和村卫生室都配齐了医生,小病不出村。",
    "经过几年的努力,变化写在每个村民的脸上。" + S_OUTCOME,
    S_LIFTED + "县里还设立了防止返贫的监测名单,对收入不稳定的家庭定期回访。",
    "驻村工作队和村干部一起,挨家挨户核对收入,哪家缺劳力、哪家缺技术,都记在一本账上。",
    "一位种了三十年地的老农说,现在最大的心愿就是把自家的油茶林管好,让孙子在县城读完高中。",
    S_PREFECTURE,
)
LONG = (
    "<html><head><title>平江县山区群众走上增收路</title></head><body>\n<h1>平江县山区群众走上增收路</h1>\n"
    + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "\n</body></html>\n"
)
CHUNK = 300  # characters per part in these tests: the article is read in three parts

# What a careful model would answer about a part, by the sentences the part holds (scripted).
ANSWERS: dict[str, dict[str, Any]] = {
    S_BASELINE: {
        "region": {"name": "平江县", "level": "county", "quote": S_REGION},
        "baseline": {
            "as_of": "2014年",
            "households": fig("3215户", S_BASELINE),
            "people": fig("11876人", S_BASELINE),
            "incidence_rate": fig("9.8%", S_BASELINE),
        },
        "measures": [measure("industry", "发展茶叶、油茶和中药材", S_INDUSTRY)],
    },
    S_HOUSING: {
        "funding": [money("2360万元", S_HOUSING, "改造农村危房")],
        "measures": [measure("housing", "改造农村危房", S_HOUSING)],
    },
    S_OUTCOME: {
        "outcome": {
            "as_of": "截至2019年底",
            "households": fig("86户", S_OUTCOME),
            "people": fig("203人", S_OUTCOME),
            "incidence_rate": fig("0.15%", S_OUTCOME),
        },
        "measures": [measure("employment", "技能培训", S_TRAINING)],
    },
    S_LIFTED: {"outcome": {"people_lifted": fig("11673人", S_LIFTED)}},
    # The last part names the prefecture once, and repeats the housing sum and measure it quotes
    # from an earlier part (a sentence the whole article has): they are merged, not doubled.
    S_PREFECTURE: {
        "region": {"name": "岳阳市", "level": "prefecture", "quote": S_PREFECTURE},
        "funding": [money("2360万元", S_HOUSING, "改造农村危房")],
        "measures": [measure("housing", "改造农村危房", S_HOUSING)],
    },
}


def _merged_answer(part: str) -> dict[str, Any]:
    """The scripted answer about ``part``: the answers of the sentences it holds, joined."""
    merged: dict[str, Any] = {}
    for sentence, data in ANSWERS.items():
        if sentence not in part:
            continue
        for key, value in data.items():
            if isinstance(value, list):
                merged[key] = merged.get(key, []) + value
            elif isinstance(value, dict) and key != "region":
                merged[key] = {**merged.get(key, {}), **value}
            else:
                merged.setdefault(key, value)
    return merged


def by_part(request: dict[str, Any]) -> Reply:
    return answer(_merged_answer(request["messages"][1]["content"]))


@pytest.fixture
def long_document() -> Document:
    return Document.from_text(LONG)


def summarize(extractor: LLMExtractor, document: Document) -> ArticleSummary:
    return Summarizer(extractor.settings, extractor=extractor).summarize(document)


def test_the_article_is_cut_at_paragraphs_into_parts_that_join_to_it(long_document: Document) -> None:
    parts = split_article(long_document.text, CHUNK)
    assert len(parts) == 3 and "".join(p.text for p in parts) == long_document.text
    assert all(len(p.text) <= CHUNK and p.text.endswith("\n") for p in parts[:-1])
    assert [(p.index, p.count) for p in parts] == [(1, 3), (2, 3), (3, 3)]
    # The outcome is in a later part than the baseline: found only if every part is read.
    where = {s: next(p.index for p in parts if s in p.text) for s in (S_BASELINE, S_OUTCOME, S_PREFECTURE)}
    assert where[S_BASELINE] == 1 and where[S_OUTCOME] == 2 and where[S_PREFECTURE] == 3


def test_a_long_article_is_read_in_parts_and_merged_with_offsets_into_the_original(
    make_llm: Make, scripted: ScriptedModel, long_document: Document
) -> None:
    scripted.queue(*[by_part] * 3)
    summary = summarize(make_llm(chunk_chars=CHUNK), long_document)
    assert len(scripted.seen) == 3 and summary.extractor.chunks == 3 and summary.extractor.attempts == 3
    assert summary.verification.status == "verified", summary.verification.failures
    # Each request holds one part and says which.
    for seen, part in zip(scripted.seen, split_article(long_document.text, CHUNK), strict=True):
        user = seen.body["messages"][1]["content"]
        assert part.text in user and f"这是第{part.index}部分" in user
        assert seen.body["messages"][0] == scripted.seen[0].body["messages"][0]  # one constant system prompt
    # Figures from the second part, their offsets into the original HTML file, not into a part.
    outcome = summary.outcome
    assert (outcome.people.value, outcome.households.value, outcome.as_of) == (203, 86, "截至2019年底")
    assert outcome.people_lifted.value == 11673 and summary.baseline.people.value == 11876
    for _, quantity in summary.quantities():
        ev = quantity.evidence
        assert LONG[ev.start : ev.end] == ev.quote and quantity.text in ev.quote
    assert (
        LONG.index(S_OUTCOME)
        == outcome.people.evidence.start
        > len(split_article(long_document.text, CHUNK)[0].text)
    )
    # Nothing doubled: the sum and the measure the last part repeated are listed once.
    assert [f.amount.value for f in summary.funding] == [23_600_000]
    assert sorted(m.category for m in summary.measures) == ["employment", "housing", "industry"]
    # The region is the one the whole article names most (平江县, 9 times), not the last part's.
    assert summary.region.name == "平江县" and summary.region.code == "430626"


def test_a_short_article_is_one_request_without_a_part_note(make_llm: Make, scripted: ScriptedModel) -> None:
    scripted.queue(by_part)
    document = Document.from_text("平江县简报\n\n" + S_REGION + S_BASELINE + S_INDUSTRY + "\n")
    summary = summarize(make_llm(chunk_chars=CHUNK), document)
    assert summary.extractor.chunks == 1 and len(scripted.seen) == 1
    assert "部分" not in scripted.seen[0].body["messages"][1]["content"]
    assert summary.baseline.households.value == 3215


def test_a_part_whose_answer_fails_is_re_asked_alone_and_the_others_are_kept(
    make_llm: Make, scripted: ScriptedModel, long_document: Document
) -> None:
    invented = {"outcome": {**ANSWERS[S_OUTCOME]["outcome"], "people": fig("2030人", S_OUTCOME)}}

    def first_try_invents(request: dict[str, Any]) -> Reply:
        part = request["messages"][1]["content"]
        if S_OUTCOME in part and len(request["messages"]) == 2:
            return answer({**_merged_answer(part), **invented})
        return by_part(request)

    scripted.queue(*[first_try_invents] * 4)
    summary = summarize(make_llm(chunk_chars=CHUNK), long_document)
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
