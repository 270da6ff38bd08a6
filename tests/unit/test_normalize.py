"""Normalization steps: the fast Traditional-to-Simplified path gives exactly
opencc-python-reimplemented's output; an ASCII full stop ends a sentence as 。 does."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from povsum import Document
from povsum.extractors.rules import RulesExtractor
from povsum.normalize import _t2s, full_stops

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "texts"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def reference() -> OpenCC:
    return OpenCC("t2s")


def pieces() -> st.SearchStrategy[str]:
    fast = _t2s()
    phrases = sorted(fast.phrases)
    chars = sorted(chr(c) for c in fast.chars)
    plain = list("的了是在有和人口贫困脱户万元年,。、 ()《》“”-0123456789abc")
    return st.one_of(st.sampled_from(phrases), st.sampled_from(chars), st.sampled_from(plain))


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces(), max_size=40).map("".join))
def test_generated_text_converts_as_opencc_does(text: str) -> None:
    assert _t2s().convert(text) == reference().convert(text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus texts (../shared/corpus) are not here")
def test_every_corpus_line_converts_as_opencc_does() -> None:
    for path in [*sorted(CORPUS.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert _t2s().convert(line) == reference().convert(line), (path.name, line[:40])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("降至0.5%.全县", "降至0.5%。全县"),
        ("个贫困村.2019年底", "个贫困村。2019年底"),
        ("增长10.5.全县", "增长10.5。全县"),
        ("投入1.5亿元", "投入1.5亿元"),
        ("1.基本情况", "1.基本情况"),
        ("  12.主要做法", "  12.主要做法"),
        ("www.gov.cn", "www.gov.cn"),
        ("汇报材料.docx", "汇报材料.docx"),
        ("等等...", "等等..."),
    ],
)
def test_an_ascii_full_stop_ends_a_sentence(text: str, expected: str) -> None:
    assert full_stops(text)[0] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.%,年村县人户万元贫困ab\n ", max_size=60))
def test_full_stops_keep_the_length_and_every_digit(text: str) -> None:
    changed, index = full_stops(text)
    assert len(changed) == len(index) == len(text)
    assert all(a == b or (a == "." and b == "。") for a, b in zip(text, changed, strict=True))


def test_a_page_typed_with_ascii_full_stops_gives_the_figures_of_one_with_chinese_ones() -> None:
    # Written for this test: the same sentences, once with 。 and once with "." (without the step,
    # the plan of the second sentence made the rate of the third one a target).
    chinese = (
        "全县贫困人口由2014年的4300人减少到2019年的120人。2020年计划投入资金3000万元。"
        "全县贫困发生率降至0.4%。"
    )
    found = [
        {p: q.value for p, q in RulesExtractor().extract(Document.from_text(t)).quantities()}
        for t in (chinese, chinese.replace("。", "."))
    ]
    assert found[0] == found[1]
    assert found[0]["outcome.incidence_rate"] == 0.4
