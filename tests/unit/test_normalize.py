"""Normalization steps: the fast Traditional-to-Simplified path gives exactly
opencc-python-reimplemented's output; an ASCII full stop ends a sentence as 。 does."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from povsum import Document, verify
from povsum.extractors.rules import RulesExtractor
from povsum.normalize import _t2s, chinese_numeral_years, full_stops, spaced_decimals

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二〇一四年底", "2014年底"),
        ("二○一九年", "2019年"),  # a white circle for the zero, as some fonts render 〇
        ("二零二零年", "2020年"),
        ("一九九八年", "1998年"),
        ("三十二年", "三十二年"),  # a count of years, not a year
        ("二〇一四", "二〇一四"),  # no 年 after it
        ("十二〇一四年", "十二〇一四年"),  # a longer numeral: not a year of four
        ("五四三二年", "五四三二年"),
        ("一二三个村", "一二三个村"),
        ("二〇一 四 年底", "2014年底"),  # a PDF copy's spaces inside it
        ("二 〇 一 四 年", "2014年"),
        ("二〇 一四 五年", "二〇 一四 五年"),
    ],
)
def test_a_year_in_chinese_numerals_reads_as_digits(text: str, expected: str) -> None:
    assert chinese_numeral_years(text)[0] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="〇○零一二三四五六七八九十年月 20", max_size=40))
def test_chinese_numeral_years_keep_every_other_character(text: str) -> None:
    changed, index = chinese_numeral_years(text)
    assert len(changed) == len(index) and list(index) == sorted(set(index))
    numerals = "〇○零一二三四五六七八九"
    assert all(
        c == text[i] or (text[i] in numerals and c.isdigit()) for c, i in zip(changed, index, strict=True)
    )
    assert all(text[i] == " " for i in set(range(len(text))) - set(index))  # only spaces are deleted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("由3. 64万户", "由3.64万户"),
        ("增长12 .5%", "增长12.5%"),
        ("降至0. 41%", "降至0.41%"),
        ("降至0 . 41 %", "降至0.41 %"),
        ("投入1. 2亿元", "投入1.2亿元"),
        ("下降2. 5个百分点", "下降2.5个百分点"),
        ("1. 产业扶贫\n2. 健康扶贫", "1. 产业扶贫\n2. 健康扶贫"),  # list numbers
        ("1. 5万户脱贫", "1. 5万户脱贫"),  # a list item that opens with a figure
        ("主要成效:2. 3万人脱贫", "主要成效:2. 3万人脱贫"),
        ("减少到120. 3户", "减少到120. 3户"),  # a count of 户 has no decimals: two sentences
        ("全县12. 36个村出列", "全县12. 36个村出列"),
        ("降至0.5. 36%", "降至0.5. 36%"),  # a decimal already: its "." ends a sentence
        ("由3.64万户", "由3.64万户"),
    ],
)
def test_a_space_at_a_decimal_point_is_deleted(text: str, expected: str) -> None:
    assert spaced_decimals(text)[0] == expected


def test_a_spaced_decimal_is_one_figure_cited_at_its_original_offsets() -> None:
    # Written for this test: a passage as a PDF copy spaces its decimals.
    text = "2014年,全县有贫困户3. 64万户,贫困发生率12 .5%。到2019年底,贫困发生率降至0. 41%。"
    document = Document.from_text(text)
    found = dict(verify(RulesExtractor().extract(document), document).quantities())
    assert {p: q.value for p, q in found.items()} == {
        "baseline.households": 36400,
        "baseline.incidence_rate": 12.5,
        "outcome.incidence_rate": 0.41,
    }
    cited = {p: text[q.evidence.start : q.evidence.end] for p, q in found.items()}
    assert "3. 64万户" in cited["baseline.households"]
    assert "0. 41%" in cited["outcome.incidence_rate"]


def test_years_in_chinese_numerals_date_the_figures_as_digits_do() -> None:
    # Written for this test: the same sentences with the years in digits and in Chinese numerals.
    digits = "2014年,全县有贫困人口4300人。到2019年底,贫困人口减少到120人,贫困发生率降至0.4%。"
    found = []
    for text in (digits, digits.replace("2014年", "二〇一四年").replace("2019年", "二○一九年")):
        document = Document.from_text(text)
        summary = verify(RulesExtractor().extract(document), document)
        found.append(({p: q.value for p, q in summary.quantities()}, summary.baseline, summary.outcome))
    assert found[0][0] == found[1][0]
    assert found[1][0]["baseline.people"] == 4300
    assert [s and s.as_of for s in found[1][1:]] == [s and s.as_of for s in found[0][1:]]
