from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povsum.errors import PovsumError
from povsum.numbers import (
    NumberParseError,
    ParsedQuantity,
    find_quantities,
    find_table_totals,
    parse_quantity,
    rounds_to,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("4352户", 4352, "户", None),
        ("18802人", 18802, "人", None),
        ("34.18万人", 341800, "人", None),
        ("1.5亿元", 150_000_000, "元", None),
        ("1127.14萬元", 11_271_400, "元", None),
        ("3.13億元", 313_000_000, "元", None),
        ("212万余元", 2_120_000, "元", "over"),
        ("近4000人", 4000, "人", "under"),
        ("将近4000人", 4000, "人", "under"),
        ("约100元", 100, "元", "about"),
        ("約100元", 100, "元", "about"),
        ("大约100元", 100, "元", "about"),
        ("400万亩以上", 4_000_000, "亩", "over"),
        ("18.16%", 18.16, "%", None),
        ("0%", 0, "%", None),
        ("95％以上", 95, "%", "over"),
        ("百分之五十", 50, "%", None),
        ("三分之一", 1 / 3, "", None),
        ("三分之一以上", 1 / 3, "", "over"),
        ("两个", 2, "个", None),
        ("兩個", 2, "个", None),
        ("十多万元", 100_000, "元", "over"),
        ("3千余人", 3000, "人", "over"),
        ("1000多户", 1000, "户", "over"),
        ("400多万元", 4_000_000, "元", "over"),
        ("5万元以下", 50_000, "元", "under"),
        ("20亿元左右", 2_000_000_000, "元", "about"),
        ("超过90%", 90, "%", "over"),
        ("逾1万人", 10_000, "人", "over"),
        ("不足100元", 100, "元", "under"),
        ("一千二百人", 1200, "人", None),
        ("一点五亿元", 150_000_000, "元", None),
        ("2.3万元", 23_000, "元", None),
        ("10500人", 10500, "人", None),
        ("122个", 122, "个", None),
        ("126名", 126, "名", None),
        ("947家", 947, "家", None),
        ("5.3萬噸", 53_000, "吨", None),
        ("22个", 22, "个", None),
        ("62村", 62, "村", None),
        ("33县", 33, "县", None),
        ("958人次", 958, "人次", None),
        ("120户次", 120, "户次", None),
        ("3公里", 3, "公里", None),
        ("0.06个百分点", 0.06, "百分点", None),
        ("零点五%", 0.5, "%", None),
        ("4352", 4352, "", None),
    ],
)
def test_parse_quantity(text: str, value: float, unit: str, approx: str | None) -> None:
    parsed = parse_quantity(text)
    assert (parsed.value, parsed.unit, parsed.approx) == (pytest.approx(value, rel=1e-12), unit, approx)


@pytest.mark.parametrize(("text", "value"), [("34.18万人", 341800.0), ("1127.14萬元", 11271400.0)])
def test_decimal_values_are_exact(text: str, value: float) -> None:
    parsed = parse_quantity(text)
    assert parsed.value == value
    assert parsed.value.is_integer()


@pytest.mark.parametrize(
    "text", ["2014年", "2018-10-18", "10月17日", "0898—66822333", "T2", "三四个", "", "人", "万人"]
)
def test_parse_quantity_rejects(text: str) -> None:
    with pytest.raises(NumberParseError):
        parse_quantity(text)


def test_error_hierarchy() -> None:
    assert issubclass(NumberParseError, PovsumError)
    assert issubclass(NumberParseError, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "2014年",
        "时间:2018-10-18 07:37",
        "10月17日是“国家扶贫日”",
        "电话: 0898—66822333",
        "美兰机场T2值机柜台",
        "考取了B2驾照",
        "ICP备2023008284号-1",
        "阅读:974",
        "10500贫困户脱贫",
        "排广西第3位",
        "驻村第一书记",
        "万人帮万户",
        "千家镇抱平村",
        "经过了1个多月的培训",
        "考驾照的10个月期间",
        "两不愁三保障",
        "其中2万5千元",
        "三四个村",
    ],
)
def test_find_quantities_negatives(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("由4352户18802人减至136户547人", ["4352户", "18802人", "136户", "547人"]),
        ("计发放 212万余元,惠及", ["212万余元"]),
        ("口就业近4000人,人均", ["近4000人"]),
        ("种植面积400万亩以上,产值", ["400万亩以上"]),
        ("附近5个村", ["5个"]),  # 附近 is "nearby", not an approximation
        ("签约100户", ["100户"]),
        ("12.34567万元", ["12.34567万元"]),
        ("村总数的三分之一以上", ["三分之一以上"]),
        ("低于广西0.06个百分点", ["0.06个百分点"]),
    ],
)
def test_find_quantities_surface_forms(text: str, expected: list[str]) -> None:
    matches = find_quantities(text)
    assert [m.text for m in matches] == expected
    assert all(text[m.start : m.end] == m.text for m in matches)


def test_find_quantities_no_start_mid_number() -> None:
    assert [m.text for m in find_quantities("编号123.45万元")] == ["123.45万元"]
    assert find_quantities("1.5.3万元") == []  # '3万元' would start mid-number


def test_find_quantities_units_filter() -> None:
    text = "投入7488万元,改造1580户,惠及5143人"
    assert [m.text for m in find_quantities(text, units={"元"})] == ["7488万元"]
    assert [m.text for m in find_quantities(text, units=("户", "人"))] == ["1580户", "5143人"]


def test_the_units_filter_reads_units_written_otherwise() -> None:
    # Written for the test: a noun or a measure word counts people, 个百分点 is its own unit, a
    # fraction and 个亿 have no unit word of their own.
    text = "减少4.29万贫困人口和312口人,下降3个百分点,占三分之一,投入1.2个亿"
    assert [m.text for m in find_quantities(text, units={"人"})] == ["4.29万贫困人口", "312口人"]
    assert [m.text for m in find_quantities(text, units={"百分点"})] == ["3个百分点"]
    assert [m.text for m in find_quantities(text, units={""})] == ["三分之一"]
    assert [m.text for m in find_quantities(text, units={"元"})] == ["1.2个亿"]


def test_find_quantities_on_seed() -> None:
    text = (SEEDS / "000_dda217ac4bff4475.txt").read_text(encoding="utf-8")
    matches = find_quantities(text)
    assert all(text[m.start : m.end] == m.text for m in matches)
    starts = [m.start for m in matches]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))
    by_text = {m.text: m.parsed for m in matches}
    assert by_text["4352户"] == ParsedQuantity(4352, "户", None)
    assert by_text["18802人"] == ParsedQuantity(18802, "人", None)
    assert by_text["472万元"] == ParsedQuantity(4_720_000, "元", None)
    assert by_text["7488万元"] == ParsedQuantity(74_880_000, "元", None)
    first = next(m for m in matches if m.text == "4352户")
    assert first.start == text.index("4352户") and first.end == first.start + len("4352户")


@given(st.integers(min_value=1000, max_value=10**10), st.sampled_from(["人", "户", "元", "个"]))
def test_digits_grouped_by_commas_are_one_number(n: int, unit: str) -> None:
    assert parse_quantity(f"{n:,}{unit}").value == n
    found = find_quantities(f"全县共有{n:,}{unit},其余不计")
    assert [m.text for m in found] == [f"{n:,}{unit}"]


def test_a_comma_not_grouping_by_threes_parts_two_numbers() -> None:
    assert [m.text for m in find_quantities("贫困村12个,3456人")] == ["12个", "3456人"]
    with pytest.raises(NumberParseError):
        parse_quantity("12,3456人")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a rate of zero or a decimal ends its clause before a count; a grouped
        # number opens with a group of 1-3 digits that is not 0 and no decimal's tail.
        ("贫困发生率降为0,12个贫困村全部出列", ["12个"]),
        ("贫困发生率降为0,104个贫困村全部出列", ["104个"]),
        ("贫困发生率降至百分之0.56,104个贫困村全部出列", ["百分之0.56", "104个"]),
        ("贫困发生率降至百分之0.025,4个贫困县全部摘帽", ["百分之0.025", "4个"]),
        ("贫困发生率降为0,2.3万贫困人口全部脱贫", ["2.3万贫困人口"]),
        # ...while a number grouped by threes is still one, however many groups it has.
        ("共有25,586户1,234,567人", ["25,586户", "1,234,567人"]),
    ],
)
def test_a_number_after_a_clause_ending_in_a_digit_is_no_groups_tail(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_quantities(text)] == expected


# The verifier and the furniture warning read the quantities of one line alone: that holds only if
# a line's own quantities are the whole text's there (no quantity holds a line break).
_LINE_PIECES = [
    *"0123456789.,%万亿千百十一二两三四五六七八九零点约近余多 \u2009\n\n人户元个名次年月",
    "个百分点",
    "贫困人口",
    "以上",
    "分之",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=40).map("".join))
def test_the_quantities_of_a_text_are_those_of_its_lines(text: str) -> None:
    whole = [(m.start, m.end, m.text) for m in find_quantities(text)]
    by_line, start = [], 0
    for line in text.split("\n"):
        by_line += [(start + m.start, start + m.end, m.text) for m in find_quantities(line + "\n")]
        start += len(line) + 1
    assert whole == by_line


def test_numerals_of_one_character_read_as_cn2an_reads_them() -> None:
    import cn2an

    from povsum.numbers import ONE_CHARACTER

    for numeral, value in ONE_CHARACTER.items():
        assert value == cn2an.cn2an(numeral.replace("两", "二"), "strict"), numeral
    assert parse_quantity("三户") == ParsedQuantity(3.0, "户", None)
    assert parse_quantity("两万人") == ParsedQuantity(20000.0, "人", None)
    with pytest.raises(NumberParseError):
        parse_quantity("〇")  # cn2an's strict mode rejects it alone, and so does the shortcut


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # Written for the test: a table cell read with its row's unit, the last cell being the value.
        ("(户)|19832|647", 647, "户"),
        ("(万人)\t8.62", 86200, "人"),
        ("(%) | 24.36 | 0.71", 0.71, "%"),
        ("(个)|102", 102, "个"),
    ],
)
def test_a_table_cell_under_its_rows_unit(text: str, value: float, unit: str) -> None:
    parsed = parse_quantity(text)
    assert (parsed.value, parsed.unit) == (pytest.approx(value), unit)


def test_a_table_cell_is_not_found_in_running_text() -> None:
    # Written for the test: only parse_quantity reads the form; a search finds no bare cell.
    assert find_quantities("贫困户(户)|19832|647") == []


@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [
        # Written for the test: money with two multipliers, or with 个亿.
        ("1亿2千万元", 120_000_000, None),
        ("2亿5000万元", 250_000_000, None),
        ("3亿零500万元", 305_000_000, None),
        ("约1亿2千多万元", 120_000_000, "about"),
        ("一个亿", 100_000_000, None),
        ("1.2个亿", 120_000_000, None),
        ("两个亿元", 200_000_000, None),
        ("两个多亿", 200_000_000, "over"),
        ("两千万元", 20_000_000, None),
        ("3千万元", 30_000_000, None),
    ],
)
def test_money_with_two_multipliers_or_ge_yi(text: str, value: float, approx: str | None) -> None:
    assert parse_quantity(text) == ParsedQuantity(value, "元", approx)
    # Written for the test: found whole in a sentence, never its tail ('500万元', '2千万元').
    assert [m.text for m in find_quantities(f"县财政拿出{text}用于产业")] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "2万5户",  # no 元: the tail is no count of anything
        "3亿零5000万元",  # 零 says the 千万 place is empty
        "2亿12000万元",  # 12000万 is more than the 亿 before it
        "一两个亿",  # a range of 个亿
        "几十个亿",  # vague: never 十个亿
        "几十万元",
        "1亿2千万",  # no 元
    ],
)
def test_ambiguous_or_malformed_money_is_refused(text: str) -> None:
    with pytest.raises(NumberParseError):
        parse_quantity(text)
    assert [m.text for m in find_quantities(f"其中{text},其余")] == []


_DIGIT = "一二三四五六七八九"


@st.composite
def _money_spellings(draw: st.DrawFn) -> tuple[str, int]:
    """A generated amount and one of the mixed spellings of it."""
    yi = draw(st.integers(min_value=1, max_value=9999))
    form = draw(st.sampled_from(["qian_wan", "wan", "ling", "ge_yi", "ge_yi_decimal", "cn_qian_wan"]))
    if form == "qian_wan":
        d = draw(st.integers(min_value=1, max_value=9))
        return f"{yi}亿{d}千万元", yi * 10**8 + d * 10**7
    if form == "wan":
        wan = draw(st.integers(min_value=1, max_value=9999))
        return f"{yi}亿{wan}万元", yi * 10**8 + wan * 10**4
    if form == "ling":
        wan = draw(st.integers(min_value=1, max_value=999))
        return f"{yi}亿零{wan}万元", yi * 10**8 + wan * 10**4
    if form == "ge_yi":
        n = draw(st.integers(min_value=1, max_value=99))
        written = draw(st.sampled_from([str(n), *([_DIGIT[n - 1]] if n < 10 else [])]))
        return f"{written}个亿", n * 10**8
    if form == "ge_yi_decimal":
        tenths = draw(st.integers(min_value=1, max_value=999).filter(lambda t: t % 10))
        return f"{tenths / 10:g}个亿", tenths * 10**7
    d = draw(st.integers(min_value=1, max_value=9))
    return f"{draw(st.sampled_from([_DIGIT[d - 1], str(d)]))}千万元", d * 10**7


@given(_money_spellings())
def test_a_generated_amount_in_a_mixed_spelling_parses_back(spelled: tuple[str, int]) -> None:
    text, value = spelled
    assert parse_quantity(text) == ParsedQuantity(value, "元", None)
    found = find_quantities(f"甲县投入{text},用于乙村")
    assert [(m.text, m.parsed.value) for m in found] == [(text, value)]


# Written for the test: a money table flattened, its unit in the caption.
_TABLE = "单位:万元)\n来源 金额\n中央 6200\n省级 2300.5\n合计 8500.5"


def test_a_money_tables_total_reads_with_the_headers_unit() -> None:
    assert parse_quantity(_TABLE) == ParsedQuantity(85_005_000, "元", None)
    assert parse_quantity("单位：亿元\n合计\t3.2") == ParsedQuantity(320_000_000, "元", None)
    assert parse_quantity("单位:元)\n甲 | 1,200\n合  计 | 1,200").value == 1200
    found = find_table_totals("表1 投入情况(" + _TABLE + "\n说明:略")
    assert [(m.text, m.parsed.value) for m in found] == [(_TABLE, 85_005_000)]


@pytest.mark.parametrize(
    "text",
    [
        _TABLE.replace("合计 8500.5", "合计 6200 2300.5"),  # a cell per column: which is the total?
        _TABLE.replace("来源 金额", "单位:元"),  # another unit below: not this table's
        _TABLE.replace("中央 6200", "总计 6200"),  # a total row before it
        _TABLE.replace("中央 6200", "中央投入6200万元。"),  # a sentence: no table row
        _TABLE.replace("万元", "万人"),  # not money
    ],
)
def test_a_table_total_of_another_unit_row_or_shape_is_refused(text: str) -> None:
    with pytest.raises(NumberParseError):
        parse_quantity(text)


# Written for the test: amounts in 亿 with no 元, beside a word of money, and bare 亿 beside none.
@pytest.mark.parametrize(
    ("text", "found", "value"),
    [
        ("全县累计投入扶贫资金28亿,建成产业基地", "28亿", 2_800_000_000),
        ("省政府投资3.6亿援建一所学校", "3.6亿", 360_000_000),
        ("将新增的50亿资金用于深度贫困地区", "50亿", 5_000_000_000),
        ("各类帮扶资金累计到位超4.5亿。", "4.5亿", 450_000_000),
        ("小额信贷投放总量达12.6亿,排全省第一", "12.6亿", 1_260_000_000),
    ],
)
def test_an_amount_in_yi_without_yuan_beside_money_is_yuan(text: str, found: str, value: float) -> None:
    [m] = find_quantities(text, units={"元"})
    assert (m.text, m.parsed.value, m.parsed.unit) == (found, value, "元")
    assert parse_quantity(m.text).unit == "元"  # as verify reads it back


@pytest.mark.parametrize("text", ["惠及14亿中国人民", "全国7亿多农村贫困人口", "2019年全县减少3亿"])
def test_a_bare_yi_beside_no_money_word_is_no_amount(text: str) -> None:
    assert find_quantities(text, units={"元"}) == []


@pytest.mark.parametrize(
    ("exact", "approximate", "rounds"),
    [
        # Written for the test: an approximate figure rounds an exact one to its last digit written,
        # on the side its word says (约/左右 either side, 多/余/超过 above, 近 below).
        (354_700, "约35万人", True),
        (354_700, "35万人左右", True),
        (356_000, "约35万人", False),
        (35_470, "约3.5万人", True),
        (103_256, "10万多人", True),
        (99_800, "10万多人", False),
        (3_960, "近4000人", True),
        (4_020, "近4000人", False),
        (12.25, "约12%", True),
        # An exact figure, or one in Chinese numerals, rounds none.
        (354_700, "35万人", False),
        (30_200, "三万余人", False),
    ],
)
def test_an_approximate_figure_rounds_the_exact_one(exact: float, approximate: str, rounds: bool) -> None:
    assert rounds_to(exact, approximate) is rounds
