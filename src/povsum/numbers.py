"""Chinese quantity expressions: '34.18万人' -> 341800 people, located by verbatim offsets.

Matching runs on a *folded* copy of the text (Traditional, full-width and variant characters mapped
one-to-one onto Simplified ASCII-digit forms). The fold never changes the length, so match offsets are
offsets into the original string and ``text`` is always ``s[start:end]`` of the original.

A fraction such as ``三分之一`` has no base unit: it is returned as a ratio (value 1/3, unit ``""``),
not as a percent, because in these reports it is a share of some count ("村总数的三分之一以上").
Only ``百分之X`` (a denominator of exactly 100) becomes a percent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

from povsum.errors import PovsumError
from povsum.precompiled import precompiled

Approx = Literal["about", "over", "under"]


class NumberParseError(PovsumError, ValueError):
    """A surface form is not a quantity expression this module understands."""


@dataclass(frozen=True, slots=True)
class ParsedQuantity:
    value: float  # in base units: people, households, yuan, percent, ...
    unit: str  # base unit ("人", "户", "元", "%", ...); "" for a bare fraction or number
    approx: Approx | None


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    start: int  # offsets into the string searched
    end: int
    text: str  # the verbatim surface form, == s[start:end]
    parsed: ParsedQuantity


def plain_number(value: float, digits: int | None = None) -> str:
    """``value`` written out in digits, never in exponent form: a whole number without ".0",
    another with the decimals that tell it apart (``digits``: rounded to that many significant
    digits first). The one way povsum prints a number, in messages and in table cells.

    >>> plain_number(4_720_000.0), plain_number(2.951e6), plain_number(18.16), plain_number(1e-5)
    ('4720000', '2951000', '18.16', '0.00001')
    >>> plain_number(1.6e4, 4), plain_number(123_456.7, 4), plain_number(7488), plain_number(-0.5)
    ('16000', '123500', '7488', '-0.5')
    """
    if digits is not None:
        value = float(f"{value:.{digits}g}")
    if isinstance(value, int) or (math.isfinite(value) and value.is_integer()):
        return str(int(value))
    if not math.isfinite(value):
        return repr(value)
    return format(Decimal(repr(value)), "f")


# One-to-one so offsets survive; covers every character the pattern below looks at.
_FOLD_FROM = "萬億兩點餘約將過戶個畝噸縣項條隻頭簽節預０１２３４５６７８９．％"
_FOLD = str.maketrans(_FOLD_FROM, "万亿两点余约将过户个亩吨县项条只头签节预0123456789.%")
# On whole articles a substitution touching only these characters is ~4x faster than translate().
_FOLDABLE = re.compile(f"[{_FOLD_FROM}]")

_APPROX: dict[str, Approx] = {
    "约": "about",
    "大约": "about",
    "左右": "about",
    "近": "under",
    "将近": "under",
    "接近": "under",
    "不足": "under",
    "以下": "under",
    "余": "over",
    "多": "over",
    "以上": "over",
    "超过": "over",
    "逾": "over",
}

# What each multiplier multiplies by.
MULTIPLIER = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_CN_DIGITS = "零〇一二三四五六七八九"
_CN_TO_ARABIC = str.maketrans(_CN_DIGITS, "00123456789")
_CN_NUM = _CN_DIGITS + "两十百千万亿"
# The numerals of one character, as cn2an's strict mode reads them ('〇' alone it rejects): most
# articles write no other, and they need not import cn2an (a test checks each against it).
ONE_CHARACTER = {c: Decimal(i) for i, c in enumerate("零一二三四五六七八九十")} | {"两": Decimal(2)}

# Units written otherwise than their base unit: a percentage-point difference is its own unit, not
# a count of '个'; '312口人' counts people with a measure word.
_UNIT_ALIASES = {"个百分点": "百分点", "口人": "人"}
# Longest first so '人次' wins over '人' and '个百分点' over '个'.
_PLAIN_UNITS = "人 户 人次 户次 % 元 个 名 家 村 县 所 项 件 条 座 只 头 宗 亩 吨 斤 公里 公顷 平方米"
_UNITS = sorted([*_PLAIN_UNITS.split(), *_UNIT_ALIASES], key=len, reverse=True)
# A count written before its noun counts people: '4.29万贫困人口', '7亿多农村贫困人口',
# '3.2万贫困群众', '533名贫困人口', '11.5万人口脱贫'. The noun is the unit, read as 人. Its qualifiers
# come in any order: '84.24万建档立卡农村贫困人口', '3万农村建档立卡贫困人口'.
PEOPLE_NOUN = r"名?(?:农村|牧区|建档立卡|立档建卡|相对){0,3}贫困(?:人口|群众)|人口"
_PEOPLE_NOUN = re.compile(PEOPLE_NOUN)
_UNIT_RE = "|".join(
    [PEOPLE_NOUN]
    # '1个多月', '10个月' are durations, not counts of things.
    + ["个(?![多余]?月)" if u == "个" else re.escape(u) for u in _UNITS]
)

_AR = r"[0-9]+(?:\.[0-9]+)?"
# Digits grouped by threes with a space, a thin space or a narrow no-break space ('244 501人',
# '4 358.73元'), as academic texts print them, or with commas ('25,586户'), as statistical tables do:
# one number, never its tail ('501人').
GROUP_SPACE = "\x20\u2009\u202f"
# Its first group is never 0: "降为0,12个贫困村" is a rate of zero, then a count.
GROUPED = rf"[1-9][0-9]{{0,2}}(?:[,{GROUP_SPACE}][0-9]{{3}})+(?![0-9])(?:\.[0-9]+)?"
_GROUP_MARKS = str.maketrans("", "", "," + GROUP_SPACE)
# What stands before a mark inside such a number: its first group (not a decimal's tail: "百分之0.56,
# 104个贫困村" is a rate, then a count), or a group of three after another mark ("1,000,000").
_GROUP_BEFORE_MARK = (
    "(?<![0-9.])[1-9]",
    "(?<![0-9.])[1-9][0-9]",
    "(?<![0-9.])[1-9][0-9]{2}",
    rf"[0-9][,{GROUP_SPACE}][0-9]{{3}}",
)
# Not the tail of such a number ("586户" of "25,586户"): what a number after a comma or a space
# must not follow.
NOT_A_GROUPS_TAIL = "".join(rf"(?<!{head}[,{GROUP_SPACE}])" for head in _GROUP_BEFORE_MARK)
# The comma inside such a number, which marks no clause: "25,586户" (not "降为0,104个贫困村").
GROUPING_COMMA = re.compile(
    rf"(?:{'|'.join(f'(?<={head})' for head in _GROUP_BEFORE_MARK)}),(?=[0-9]{{3}}(?![0-9]))"
)
# A range written as two neighbouring digits before a place ('三四十人' 30-40, '一两万人', '一千二三百人'):
# read as its lower bound, about. Two digits at the units place ('三四个') stay ambiguous.
_RANGES = ("一二", "一两", "二三", "两三", "三四", "四五", "五六", "六七", "七八", "八九")
_RANGE = re.compile(rf"(?:{'|'.join(_RANGES)})(?=[十百千万亿])")
_CN = rf"[{_CN_NUM}]+(?:点[{_CN_DIGITS}]+)?"
# Money written with two multipliers, 亿 then a count of 万 ('1亿2千万元', '2亿5000万元', '3亿零500万元',
# '1亿2千多万元'), or colloquially with 个 ('一个亿', '1.2个亿', '两个亿元'), which names only money.
# The first needs its 元: without it ('2万5户') the tail is no count of anything.
MIXED_YUAN = rf"(?P<yi>[0-9]+)亿(?P<ling>零)?(?P<wan>{_AR})(?P<wan_m>[十百千]?)(?P<more>[多余])?万元"
GE_YI = r"(?P<ge>[0-9]+(?:\.[0-9]+)?|[一二三四五六七八九两十]+)个(?P<ge_more>多)?亿元?(?![万人户口])"
_QUANTITY = re.compile(
    rf"""
    (?P<pre>大约|(?<![签节预合制])约|将近|接近|(?<![附最靠])近|超过|逾|不足)?
    (?:
        # No start mid-number, after a letter ('T2') or after 第 (an ordinal, '第3位').
        (?<![0-9.A-Za-z第{_CN_NUM}])
        (?P<den>[0-9]+|[{_CN_NUM}]+)分之(?P<nu>{_AR}|{_CN})
    |
        (?P<money>(?<![0-9.A-Za-z第十百千万亿零]){NOT_A_GROUPS_TAIL}{MIXED_YUAN}|(?<![0-9.A-Za-z第{_CN_NUM}点几]){GE_YI})
    |
        # Nor right after '2万' ('2万5千元'), mid-group ('000人' of '1,000人') or after 零 ('500万元'
        # of '3亿零500万元').
        (?:(?<![0-9.A-Za-z第十百千万亿零]){NOT_A_GROUPS_TAIL}(?P<ar>{GROUPED}|{_AR})
          |(?<![{_CN_NUM}点第几])(?P<cn>(?:[一二三四五六七八九两十]|零(?=点)|零(?![{_CN_NUM}]))[{_CN_NUM}]*(?:点[{_CN_DIGITS}]+)?))
        # One space may stand between the number and its multiplier or unit ('1210 万元').
        (?:\x20(?=[十百千万亿多余]|{_UNIT_RE}))?
        (?P<m1>[十百千万亿]*)(?P<mid>[多余])?(?P<m2>[十百千万亿]*)
        (?:\x20(?={_UNIT_RE}))?
        (?P<unit>{_UNIT_RE})?
    )
    (?P<post>以上|以下|左右)?
    """,
    re.VERBOSE,
)
# An amount in 亿 written without 元 (投入资金56.84亿, 投资2.2亿, 200亿资金), as news and officials
# write money: a count in 亿 always writes its noun (7亿多农村贫困人口), so a bare 亿 is money. Found in
# a text only beside a word of money: a fund's noun or a spending verb before it (its link 达, 为, 共计
# between), or a fund's noun after it.
_MONEY_WORD = (
    r"资金|经费|款项|善款|捐款|金额|总额|总量|规模|资本|投资|贷款|信贷"
    r"|投入|使用|安排|下达|拨付|筹集|筹措|整合|到位|投放|发放"
)
_YI_AFTER_MONEY = re.compile(rf"(?:{_MONEY_WORD})(?:达到?|为|共计?|合计|总计|累计)?(?:超|突破)?$")
_YI_BEFORE_MONEY = re.compile(r"的?[^\d,，;；:：。]{0,2}?(?:资金|经费|善款|款项)")
# How far before a bare 亿 its money word may stand: the word and its link.
_MONEY_WORD_REACH = 6


def _bare_yi(m: re.Match[str]) -> bool:
    """Whether the match is a number in 亿 with no unit (56.84亿, 2.7亿多)."""
    return not (m["unit"] or m["den"] or m["money"]) and (m["m1"] + m["m2"]).endswith("亿")


def _yi_beside_money(folded: str, m: re.Match[str]) -> bool:
    """A bare 亿 beside a word of money (see _MONEY_WORD): money in a text."""
    if not _bare_yi(m):
        return False
    before = folded[max(0, m.start() - _MONEY_WORD_REACH) : m.start()]
    return _YI_AFTER_MONEY.search(before) is not None or _YI_BEFORE_MONEY.match(folded, m.end()) is not None


# Every alternative of _QUANTITY starts with one of these. Trying _QUANTITY only there is ~5x faster
# than finditer, which attempts the whole pattern at every position.
_START = re.compile(rf"[大约将接近超逾不0-9{_CN_NUM}]")


# A table's cell read with its row's unit: "(户)|19832|647" is 647 households, the last cell of the
# row "贫困户(户)|19832|647" (the text runs from the unit to the cell, so both are in the source).
# Only parse_quantity reads it: a bare cell is no quantity when a text is searched.
TABLE_SEPARATOR = r"\x20*[|\t]\x20*|\x20+"
# The units a row gives in brackets (a 万 before 人 or 户 multiplies its cells), and a cell: a
# number, or "—" for none.
TABLE_UNIT = r"万[人户]|[人户%个]"
TABLE_CELL = r"(?:[0-9]+(?:\.[0-9]+)?|—)"
_TABLE_CELL = re.compile(
    rf"\((?P<unit>{TABLE_UNIT})\)(?:(?:{TABLE_SEPARATOR}){TABLE_CELL})*?"
    rf"(?:{TABLE_SEPARATOR})(?P<cell>[0-9]+(?:\.[0-9]+)?)"
)
# A fact sheet's label, its unit in brackets and its value after a colon: "(个):63", "(%):19.8", and
# households and people together, "(户/人):10 236/38 845" (the first value in the first unit; with
# both written, the second in the second).
LABELLED_CELL = (
    rf"\((?P<unit>{TABLE_UNIT})(?:/(?P<unit2>{TABLE_UNIT}))?\)\x20*:\x20*(?P<cell>{GROUPED}|[0-9]+(?:\.[0-9]+)?)"
    rf"(?:\x20*/\x20*(?P<cell2>{GROUPED}|[0-9]+(?:\.[0-9]+)?))?"
)
_LABELLED_CELL = re.compile(LABELLED_CELL)
# A money table's total read with the unit its header states: the text runs from the unit
# ("单位:万元") over the rows to the total row ("合计 19040"), so both are in the source. The lines
# between name no other unit or total and end no sentence, so the unit is this table's and the total
# row its first; a total row of several cells (years, shares) is not read.
# Spaced out in some layouts: "合  计".
TABLE_TOTAL = r"合\x20*计|总\x20*计"
_TABLE_LINE = rf"(?:(?!单位|{TABLE_TOTAL})[^\n。])*"
# A header whose last column is the total ("资金来源|2018年|2019年|合计") makes the total row's last
# cell the grand total; empty cells may stand before a lone one ("合计||1,320|").
_TABLE_CELL_VALUE = rf"{GROUPED}|{_AR}"
_MONEY_TABLE_TOTAL = re.compile(
    rf"单位[:：]\x20*(?P<multiplier>[千万亿]?)元{_TABLE_LINE}"
    rf"(?:\n(?P<header>{_TABLE_LINE}(?:{TABLE_SEPARATOR})(?:{TABLE_TOTAL}))\x20*\|?\x20*(?=\n))?"
    rf"(?:\n{_TABLE_LINE}){{0,40}}?"
    rf"\n\x20*(?:{TABLE_TOTAL})(?P<cells>(?:(?:{TABLE_SEPARATOR})(?:{_TABLE_CELL_VALUE})?)*?)"
    rf"(?:{TABLE_SEPARATOR})(?P<total>{_TABLE_CELL_VALUE})(?=(?:{TABLE_SEPARATOR})?\x20*(?:\n|$))"
)
_TABLE_CELL_NUMBER = re.compile(_TABLE_CELL_VALUE)


# A statistical table flattened, its figures read with their column's (or row's) label and the unit
# the table states: the text runs from the table's unit line ("单位:户、人、%") or header over the rows to
# the cell, so the label, the unit and the cell are all in the source. Three layouts: a year per
# row, its cells split by tabs or wide spaces ("2019\t5.67\t3.00") or one per line, under a header
# of labels, each with its unit in brackets ("贫困人口(万人)") or a unit line above; and a label per
# row, one cell per line, under a header of years ("项目" / "2014年" / "2019年").
_TABLE_UNIT_LINE = re.compile(r"\x20*单位\x20*[:：]\x20*(?P<units>[^\n]+?)\x20*")
_TABLE_UNIT_SPLIT = re.compile(r"\x20*[、,，;；/]\x20*")
_TABLE_LABEL_UNIT = re.compile(rf"(?P<label>[^()（）\d]+?)\x20*[(（](?P<unit>{TABLE_UNIT})[)）]")
_TABLE_LABEL = re.compile(r"[^\d\s|()（）:：][^\d\t|:：]{0,15}")
_TABLE_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)年?")
_TABLE_VALUE = re.compile(rf"{GROUPED}|[0-9]+(?:\.[0-9]+)?|—|-")
# A header with a unit column before the years: "序号 指标 单位 2014年 2019年".
_UNIT_COLUMN_HEADER = re.compile(r"(?:\S+\x20+)*单位(?:\x20+(?:19|20)\d\d年?){2,}")
# The groups of a two-level header and the part each stands for.
_GROUP_PARTS = (
    ("outcome", re.compile("剩余|未脱贫|现有|期末|现期")),
    ("baseline", re.compile("建档立卡|识别|原有|期初|基期")),
)
# A two-level header's line of groups: "\t\t建档立卡\t\t\t剩余未脱贫".
_GROUP_LINE = (
    r"[\t\x20]*(?:建档立卡|识别|原有|期初|基期)[^\n]*?(?:\t|\x20\x20)[^\n]*?(?:剩余|未脱贫|现有|期末|现期)"
)
# A header line of cells apart by bars: "| 项目 | 全省 | 黔东南州 | 榕江县 |".
_BARRED = re.compile(r"\|?(?:[^|\n]+\|){2,}[^|\n]*")
# A column of a table of places: its year, its label and its unit ("2014年贫困人口(万人)").
_DATED_LABEL = re.compile(
    rf"(?P<year>(?:19|20)\d\d)年(?:底|末)?(?P<label>[^\d\t|()（）]{{1,16}}?[(（](?:{TABLE_UNIT})[)）])"
)
_WIDE_CELLS = re.compile(r"\S+(?:\x20\S+)*")  # cells apart by a tab or two spaces and more
# The unit a label's kind takes from the unit line: a rate, households, people, units.
_LABEL_KINDS = ((re.compile("率"), ("%",)), (re.compile("户(?:数)?$"), ("万户", "户")))
_LABEL_KINDS += ((re.compile("人口|人数|人$"), ("万人", "人")), (re.compile("[村县](?:数|个数)?$"), ("个",)))


@dataclass(frozen=True, slots=True)
class TableCell:
    """A figure of a flattened table: ``text`` runs from the table's start to the cell's end."""

    start: int
    end: int
    text: str
    label: str  # the column's or row's label, its unit dropped
    year: str
    parsed: ParsedQuantity
    row: str = ""  # the place a row of places is about ("泸西县", "全州"); "" in a table of one place
    part: str = ""  # "baseline" or "outcome" under a header's group (建档立卡, 剩余未脱贫); "" by year


def _label_unit(label: str, units: list[str]) -> tuple[str, str | None]:
    """A header label without its unit, and the unit: its own in brackets, else the one of the
    table's unit line its kind takes (a count of villages or counties is of 个 when none is given)."""
    if own := _TABLE_LABEL_UNIT.fullmatch(label):
        return own["label"], own["unit"]
    for kind, wanted in _LABEL_KINDS:
        if kind.search(label):
            found = next((u for u in wanted if u in units), None)
            return label, found or ("个" if wanted == ("个",) else None)
    return label, None


def _cell(
    text: str, start: int, end: int, label: str, units: list[str], year: str, row: str = "", part: str = ""
) -> TableCell | None:
    name, unit = _label_unit(label, units)
    value = text[start:end]
    if unit is None or value in "—-":
        return None
    number = _cn_decimal(value) * (MULTIPLIER[unit[0]] if len(unit) == 2 else 1)
    return TableCell(0, end, text[:end], name, year, ParsedQuantity(float(number), unit[-1], None), row, part)


_TABLE_LINES = 200  # a table is read over at most this many lines...
_TABLE_CHARS = 20_000  # ...and characters


def _table_lines(text: str) -> list[tuple[int, str]]:
    found, at = [], 0
    for line in text.split("\n", _TABLE_LINES)[:_TABLE_LINES]:
        stripped = line.strip()
        found.append((at + len(line) - len(line.lstrip()), stripped))
        at += len(line) + 1
    return found


def _read_table(text: str) -> list[TableCell]:
    """Every cell of the flattened table ``text`` starts with, each with its label, year and unit;
    [] when ``text`` starts with no such table. Reading stops at the first line that does not fit."""
    lines = _table_lines(text)
    units: list[str] = []
    if lines and (unit_line := _TABLE_UNIT_LINE.fullmatch(lines[0][1])):
        units = _TABLE_UNIT_SPLIT.split(unit_line["units"])
        lines = lines[1:]
    if not lines:
        return []
    if _UNIT_COLUMN_HEADER.fullmatch(lines[0][1]):
        return _unit_column(text, lines)
    if _BARRED.fullmatch(lines[0][1]):
        return _places_as_columns(text, lines)
    if len(lines) > 1 and (groups := _header_groups(lines[0][1])):
        return _grouped_places(text, lines[1:], groups)
    header = [
        (m.start(), m[0]) for m in _WIDE_CELLS.finditer(text, lines[0][0], lines[0][0] + len(lines[0][1]))
    ]
    if len(header) >= 3 and all(_TABLE_LABEL.fullmatch(label) for _, label in header):
        return _year_rows(text, lines[1:], [label for _, label in header], units)
    return _one_cell_per_line(text, lines, units)


def _year_rows(
    text: str, lines: list[tuple[int, str]], header: list[str], units: list[str]
) -> list[TableCell]:
    cells: list[TableCell] = []
    for at, line in lines:
        row = list(_WIDE_CELLS.finditer(text, at, at + len(line)))
        if not row or not (year := _TABLE_YEAR.fullmatch(row[0][0])) or len(row) > len(header):
            break
        for label, m in zip(header[1:], row[1:], strict=False):
            if not _TABLE_VALUE.fullmatch(m[0]):
                return cells
            if cell := _cell(text, m.start(), m.end(), label, units, year["year"]):
                cells.append(cell)
    return cells


def _one_cell_per_line(text: str, lines: list[tuple[int, str]], units: list[str]) -> list[TableCell]:
    labels = 0
    while labels < len(lines) and _TABLE_LABEL.fullmatch(lines[labels][1]):
        labels += 1
    years = labels
    while years < len(lines) and _TABLE_YEAR.fullmatch(lines[years][1]):
        years += 1
    cells: list[TableCell] = []
    if labels == 1 and years - labels >= 2:  # a header of years: a label per row
        columns = [_TABLE_YEAR.fullmatch(line)["year"] for _, line in lines[labels:years]]  # type: ignore[index]
        rows = lines[years:]
        for k in range(0, len(rows), len(columns) + 1):
            label = rows[k][1]
            if not _TABLE_LABEL.fullmatch(label):
                break
            for year, (at, value) in zip(columns, rows[k + 1 : k + 1 + len(columns)], strict=False):
                if not _TABLE_VALUE.fullmatch(value):
                    return cells
                if cell := _cell(text, at, at + len(value), label, units, year):
                    cells.append(cell)
    elif labels == 1 and len(columns := _dated_columns(lines[1:])) >= 2:  # a row per place
        rows = lines[1 + len(columns) :]
        for k in range(0, len(rows), len(columns) + 1):
            place = rows[k][1]
            if not _TABLE_LABEL.fullmatch(place):
                break
            for (year, label), (at, value) in zip(columns, rows[k + 1 : k + 1 + len(columns)], strict=False):
                if not _TABLE_VALUE.fullmatch(value):
                    return cells
                if cell := _cell(text, at, at + len(value), label, units, year, place):
                    cells.append(cell)
    elif labels >= 3 and years > labels:  # a header of labels: a year per row
        header = [line for _, line in lines[:labels]]
        rows = lines[labels:]
        for k in range(0, len(rows), labels):
            if not (year := _TABLE_YEAR.fullmatch(rows[k][1])):
                break
            for label, (at, value) in zip(header[1:], rows[k + 1 : k + labels], strict=False):
                if not _TABLE_VALUE.fullmatch(value):
                    return cells
                if cell := _cell(text, at, at + len(value), label, units, year["year"]):
                    cells.append(cell)
    return cells


def _unit_column(text: str, lines: list[tuple[int, str]]) -> list[TableCell]:
    """A yearbook's table whose rows give their unit in a column: "序号 指标 单位 2014年 2019年" over
    "1 建档立卡贫困户 户 11342 210"; cells apart by spaces (so none is grouped by spaces)."""
    header = lines[0][1].split()
    at_unit = header.index("单位")
    if at_unit < 1:
        return []
    years = [_TABLE_YEAR.fullmatch(cell) for cell in header[at_unit + 1 :]]
    cells: list[TableCell] = []
    for at, line in lines[1:]:
        row = list(re.finditer(r"\S+", text[at : at + len(line)]))
        # A text read back ends at its cell: the last row may stop short of the header's width.
        if not at_unit < len(row) - 1 < len(header) or not re.fullmatch(TABLE_UNIT, row[at_unit][0]):
            break
        label, unit = row[at_unit - 1][0], row[at_unit][0]
        for year, m in zip(years, row[at_unit + 1 :], strict=False):
            if not _TABLE_VALUE.fullmatch(m[0]) or year is None:
                return cells
            if cell := _cell(text, at + m.start(), at + m.end(), f"{label}({unit})", [], year["year"]):
                cells.append(cell)
    return cells


def _header_groups(line: str) -> list[str]:
    """The parts the groups of a two-level header stand for ("建档立卡 … 剩余未脱贫": baseline, outcome),
    [] when ``line`` is no such header."""
    groups = _WIDE_CELLS.findall(line)
    parts = [next((part for part, words in _GROUP_PARTS if words.search(g)), "") for g in groups]
    return parts if len(parts) >= 2 and all(parts) and len(set(parts)) == len(parts) else []


def _grouped_places(text: str, lines: list[tuple[int, str]], groups: list[str]) -> list[TableCell]:
    """A row per place under a two-level header, as a spreadsheet's merged cells flatten: a group
    per part over the same labels repeated ("单位 户数(户) 人数(人) … 户数(户) 人数(人) …"); each
    column is of the group its block of labels falls under."""
    header = _WIDE_CELLS.findall(lines[0][1])
    labels = header[1:]
    block = len(labels) // len(groups)
    if not block or block * len(groups) != len(labels) or labels[:block] * len(groups) != labels:
        return []
    cells: list[TableCell] = []
    for at, line in lines[1:]:
        row = list(_WIDE_CELLS.finditer(text, at, at + len(line)))
        if not row or not _TABLE_LABEL.fullmatch(place := row[0][0]) or len(row) > len(header):
            break
        for k, m in enumerate(row[1:]):
            if not _TABLE_VALUE.fullmatch(m[0]):
                return cells
            if cell := _cell(text, m.start(), m.end(), labels[k], [], "", place, groups[k // block]):
                cells.append(cell)
    return cells


def _barred_cells(text: str, at: int, line: str) -> list[tuple[int, str]]:
    """(offset, content) of the cells of a line whose cells are apart by bars ("| 项目 | 全省 |")."""
    cells = []
    for m in re.finditer(r"[^|]+", text[at : at + len(line)]):
        if content := m[0].strip():
            cells.append((at + m.start() + len(m[0]) - len(m[0].lstrip()), content))
    return cells


def _places_as_columns(text: str, lines: list[tuple[int, str]]) -> list[TableCell]:
    """A table whose columns are places and whose rows each date a label with its unit: "| 项目 |
    全省 | 某州 | 某县 |" over "| 2014年贫困人口(万人) | 623 | 87.2 | 10.3 |"."""
    places = [content for _, content in _barred_cells(text, *lines[0])][1:]
    if len(places) < 2 or not all(_TABLE_LABEL.fullmatch(place) for place in places):
        return []
    cells: list[TableCell] = []
    for at, line in lines[1:]:
        row = _barred_cells(text, at, line)
        if not row or not (dated := _DATED_LABEL.fullmatch(row[0][1])) or len(row) > len(places) + 1:
            break
        for place, (start, value) in zip(places, row[1:], strict=False):
            if not _TABLE_VALUE.fullmatch(value):
                return cells
            if cell := _cell(text, start, start + len(value), dated["label"], [], dated["year"], place):
                cells.append(cell)
    return cells


def _dated_columns(lines: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(year, label) of the header lines that each date a label with its unit ("2014年贫困人口(万人)")."""
    columns = []
    for _, line in lines:
        if not (m := _DATED_LABEL.fullmatch(line)):
            break
        columns.append((m["year"], m["label"]))
    return columns


def find_table_cells(s: str) -> list[TableCell]:
    """The figures of the flattened tables of ``s`` (see _read_table), at their offsets in ``s``.

    >>> text = "说明\\n单位:户、%\\n年份\\n贫困户数\\n贫困发生率\\n2014\\n12 563\\n21.36\\n2019\\n302\\n0.62"
    >>> cells = find_table_cells(text)
    >>> [(c.label, c.year, c.parsed.value, c.parsed.unit) for c in cells][1:3]
    [('贫困发生率', '2014', 21.36, '%'), ('贫困户数', '2019', 302.0, '户')]
    >>> parse_quantity(cells[-1].text)
    ParsedQuantity(value=0.62, unit='%', approx=None)
    >>> rows = "年度\\t贫困人口(万人)\\t贫困县\\n2015\\t48.1\\t8"
    >>> [(c.label, c.year, c.parsed.value) for c in find_table_cells(rows)]
    [('贫困人口', '2015', 481000.0), ('贫困县', '2015', 8.0)]
    >>> columns = "项目\\n2014年\\n2019年\\n贫困村\\n170\\n0"
    >>> [(c.label, c.year, c.parsed.value) for c in find_table_cells(columns)]
    [('贫困村', '2014', 170.0), ('贫困村', '2019', 0.0)]
    """
    folded = _FOLDABLE.sub(lambda c: c[0].translate(_FOLD), s)
    found: list[TableCell] = []
    if not _TABLE_ROW_YEAR.search(folded):
        return found  # most texts: no line opens with a year, no table is read
    end = 0
    for m in _TABLE_START.finditer(folded):
        if m.start() < end:
            continue  # inside a table read already
        cells = _read_table(folded[m.start() : m.start() + _TABLE_CHARS])
        for cell in cells:
            found.append(
                TableCell(
                    m.start(),
                    m.start() + cell.end,
                    s[m.start() : m.start() + cell.end],
                    cell.label,
                    cell.year,
                    cell.parsed,
                    cell.row,
                    cell.part,
                )
            )
        end = found[-1].end if cells else end
    return found


# A line opening with a year alone or before a cell: some table of this module is in the text.
_TABLE_ROW_YEAR = re.compile(
    rf"(?m)^\x20*(?:19|20)\d\d年?(?:\t|\x20\x20|\x20*$|[^\d\n]{{1,16}}[(（](?:{TABLE_UNIT})[)）]\x20*$)"
    r"|单位(?:\x20+(?:19|20)\d\d年?){2,}\x20*$"
    rf"|^\|?\x20*(?:19|20)\d\d年[^\d|\n]{{1,16}}[(（](?:{TABLE_UNIT})[)）]\x20*\|"
    rf"|^{_GROUP_LINE}"
)
# Where a table may start: a unit line, or a line that is a label (a header's first).
_TABLE_START = re.compile(
    rf"(?m)^(?:{_GROUP_LINE}|\x20*(?:\|\x20*[^\d\s|]{{1,8}}\x20*\||单位\x20*[:：]"
    r"|[^\n]{0,20}单位(?:\x20+(?:19|20)\d\d年?){2,}\x20*$|[^\d\s|()（）][^\d\t|\n]{0,15}$"
    r"|[^\d\s|()（）][^\d\t|\n]{0,15}(?:\t|\x20\x20)))"
)


def _table_figure(text: str) -> ParsedQuantity | None:
    """The last cell of the table ``text`` is, when ``text`` ends with it."""
    cells = _read_table(text)
    return cells[-1].parsed if cells and cells[-1].end == len(text) else None


@lru_cache(maxsize=1)
def _cn2an() -> Any:
    # Imported on first use (~100 ms, most of it compiling patterns): most articles write their
    # numbers in digits, or Chinese numerals of one character (ONE_CHARACTER).
    with precompiled("cn2an"):
        import cn2an

    return cn2an.cn2an


@lru_cache(maxsize=4096)
def _cn_decimal(s: str) -> Decimal:
    """Chinese or Arabic numeral -> exact Decimal; cn2an (strict) for Chinese integer parts.

    Strict mode rejects digit runs such as '三四' ("three or four"), which we must not read as 34.

    >>> _cn_decimal("一千二百"), _cn_decimal("两"), _cn_decimal("十二点零五"), _cn_decimal("百")
    (Decimal('1200'), Decimal('2'), Decimal('12.05'), Decimal('100'))
    >>> _cn_decimal("三四")
    Traceback (most recent call last):
    ...
    povsum.numbers.NumberParseError: not a Chinese numeral: '三四'
    """
    if s[0].isascii():
        return Decimal(s.translate(_GROUP_MARKS))
    whole, _, frac = s.partition("点")
    if whole[0] in "百千万亿":
        whole = "一" + whole  # strict mode wants '一百' where 百分之 says '百'
    integer = ONE_CHARACTER.get(whole)
    if integer is None:
        try:
            # Strict mode knows 二 but not the colloquial 两.
            integer = Decimal(_cn2an()(whole.replace("两", "二"), "strict"))
        except ValueError as e:
            raise NumberParseError(f"not a Chinese numeral: {s!r}") from e
    return integer + (Decimal(f"0.{frac.translate(_CN_TO_ARABIC)}") if frac else 0)


def _from_match(m: re.Match[str]) -> ParsedQuantity:
    """Value, unit and approx of one regex match (on folded text).

    >>> _from_match(_QUANTITY.fullmatch("十多万元"))
    ParsedQuantity(value=100000.0, unit='元', approx='over')
    """
    words = [w for w in (m["pre"], m["mid"], m["more"], m["ge_more"], m["post"]) if w]
    approx = _APPROX[words[0]] if words else None  # the first qualifier wins if several disagree
    if m["money"]:
        return ParsedQuantity(float(_money(m)), "元", approx)
    numeral = m["ar"] or m["cn"]
    if numeral and _RANGE.search(numeral):
        numeral, approx = _RANGE.sub(lambda r: r[0][0], numeral), approx or "about"
    if m["den"]:
        den, nu = _cn_decimal(m["den"]), _cn_decimal(m["nu"])
        if den == 0:
            raise NumberParseError(f"zero denominator: {m[0]!r}")
        if den == 100:
            return ParsedQuantity(float(nu), "%", approx)
        return ParsedQuantity(float(nu / den), "", approx)
    value = _cn_decimal(numeral)
    for c in m["m1"] + m["m2"]:
        value *= MULTIPLIER[c]
    unit = "元" if _bare_yi(m) else _counted_unit(m["unit"] or "")
    return ParsedQuantity(float(value), unit, approx)


def _counted_unit(written: str) -> str:
    """The base unit of a count's unit as written: "贫困人口" counts 人, "个百分点" is 百分点."""
    return "人" if _PEOPLE_NOUN.fullmatch(written) else _UNIT_ALIASES.get(written, written)


# Below 1亿 the count of 万 after 亿; below 1000万 after 零, which says the 千万 place is empty.
_WAN_BELOW = {False: Decimal(10**4), True: Decimal(10**3)}


def _money(m: re.Match[str]) -> Decimal:
    """Yuan of money written with two multipliers or with 个亿 (see MIXED_YUAN and GE_YI).

    >>> _money(_QUANTITY.fullmatch("3亿零500万元")), _money(_QUANTITY.fullmatch("1.2个亿"))
    (Decimal('305000000'), Decimal('120000000.0'))
    >>> _money(_QUANTITY.fullmatch("3亿零5000万元"))
    Traceback (most recent call last):
    ...
    povsum.numbers.NumberParseError: not a count of 万 after 亿: '3亿零5000万元'
    """
    if m["ge"]:
        return _cn_decimal(m["ge"]) * MULTIPLIER["亿"]
    wan = Decimal(m["wan"]) * (MULTIPLIER[m["wan_m"]] if m["wan_m"] else 1)
    if not 0 < wan < _WAN_BELOW[bool(m["ling"])]:
        raise NumberParseError(f"not a count of 万 after 亿: {m['money']!r}")
    return Decimal(m["yi"]) * MULTIPLIER["亿"] + wan * MULTIPLIER["万"]


# The digits of a figure in Arabic numerals and the multipliers after them ("35", "35.5万", "4000多").
_WRITTEN_DIGITS = re.compile(r"(?P<int>[0-9]+)(?:\.(?P<dec>[0-9]+))?\x20?[多余]?(?P<mult>[千万亿]{0,2})")


def rounds_to(exact: float, approximate: str) -> bool:
    """Whether the approximate figure ``approximate`` states ``exact`` rounded: within one unit of
    its last digit written, on the side its word says (约35万人 or 35万人左右 for 354700, 近4000人 for
    3960, 10万多人 for 103256); False for an exact figure or one in Chinese numerals.

    >>> rounds_to(354_700, "约35万人"), rounds_to(3_960, "近4000人"), rounds_to(103_256, "10万多人")
    (True, True, True)
    >>> rounds_to(360_000, "约35万人"), rounds_to(4_020, "近4000人"), rounds_to(354_700, "35.47万人")
    (False, False, False)
    >>> rounds_to(12.25, "约12%"), rounds_to(30_200, "三万余人")
    (True, False)
    """
    try:
        parsed = parse_quantity(approximate)
    except NumberParseError:
        return False
    digits = _WRITTEN_DIGITS.search(approximate.translate(_FOLD))
    if parsed.approx is None or digits is None:
        return False
    whole = digits["int"]
    step = 10.0 ** -len(digits["dec"]) if digits["dec"] else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    for multiplier in digits["mult"]:
        step *= MULTIPLIER[multiplier]
    gap = exact - parsed.value
    if parsed.approx == "over":
        return 0 <= gap < step
    if parsed.approx == "under":
        return -step < gap <= 0
    return abs(gap) <= step / 2


def parse_quantity(text: str) -> ParsedQuantity:
    r"""Parse one surface form into base units. Raises NumberParseError.

    >>> parse_quantity("34.18万人")
    ParsedQuantity(value=341800.0, unit='人', approx=None)
    >>> parse_quantity("212万余元")
    ParsedQuantity(value=2120000.0, unit='元', approx='over')
    >>> parse_quantity("近4000人")
    ParsedQuantity(value=4000.0, unit='人', approx='under')
    >>> parse_quantity("百分之五十")
    ParsedQuantity(value=50.0, unit='%', approx=None)
    >>> parse_quantity("1210 万元"), parse_quantity("18802 人").value
    (ParsedQuantity(value=12100000.0, unit='元', approx=None), 18802.0)
    >>> parse_quantity("零"), parse_quantity("零点五%").value
    (ParsedQuantity(value=0.0, unit='', approx=None), 0.5)
    >>> parse_quantity("4.29万贫困人口"), parse_quantity("7亿多农村贫困人口").value
    (ParsedQuantity(value=42900.0, unit='人', approx=None), 700000000.0)
    >>> parse_quantity("533名贫困人口").value, parse_quantity("8.1万名贫困群众").value
    (533.0, 81000.0)
    >>> parse_quantity("312口人")
    ParsedQuantity(value=312.0, unit='人', approx=None)
    >>> parse_quantity("244 501人").value, parse_quantity("4\u2009358.73元").value
    (244501.0, 4358.73)
    >>> parse_quantity("三四十人"), parse_quantity("一千二三百人").value, parse_quantity("一两万人").value
    (ParsedQuantity(value=30.0, unit='人', approx='about'), 1200.0, 10000.0)
    >>> parse_quantity("(户)|19832|647"), parse_quantity("(万人)\t8.62").value
    (ParsedQuantity(value=647.0, unit='户', approx=None), 86200.0)
    >>> parse_quantity("单位:万元)\n项目 金额\n甲 12560\n乙 6480\n合计 19040")
    ParsedQuantity(value=190400000.0, unit='元', approx=None)
    >>> parse_quantity("56.84亿"), parse_quantity("2.7亿多").approx
    (ParsedQuantity(value=5684000000.0, unit='元', approx=None), 'over')
    >>> parse_quantity("2014年")
    Traceback (most recent call last):
    ...
    povsum.numbers.NumberParseError: not a quantity: '2014年'
    """
    folded = text.strip().translate(_FOLD)
    m = _QUANTITY.fullmatch(folded)
    if m is None and (cell := _TABLE_CELL.fullmatch(folded.replace("（", "(").replace("）", ")"))):
        unit = cell["unit"]
        multiplier = MULTIPLIER[unit[0]] if len(unit) == 2 else 1
        return ParsedQuantity(float(Decimal(cell["cell"]) * multiplier), unit[-1], None)
    if m is None and (labelled := _LABELLED_CELL.fullmatch(folded.replace("：", ":"))):
        return _labelled(labelled)
    if m is None and (table := _MONEY_TABLE_TOTAL.fullmatch(folded)) and _is_total_cell(table):
        return _table_total(table)
    if m is None and (figure := _table_figure(folded)):
        return figure
    if m is None:
        raise NumberParseError(f"not a quantity: {text!r}")
    return _from_match(m)


def _labelled(m: re.Match[str]) -> ParsedQuantity:
    """The value of a fact sheet's "(unit):value" (see LABELLED_CELL).

    >>> _labelled(_LABELLED_CELL.fullmatch("(户/人):10 236/38 845"))
    ParsedQuantity(value=38845.0, unit='人', approx=None)
    >>> _labelled(_LABELLED_CELL.fullmatch("(户/人):10 236"))
    ParsedQuantity(value=10236.0, unit='户', approx=None)
    """
    unit, cell = (m["unit2"], m["cell2"]) if m["cell2"] and m["unit2"] else (m["unit"], m["cell"])
    multiplier = MULTIPLIER[unit[0]] if len(unit) == 2 else 1
    return ParsedQuantity(float(_cn_decimal(cell) * multiplier), unit[-1], None)


def _is_total_cell(m: re.Match[str]) -> bool:
    """Whether the cell read is the table's total: the total row's only figure, or its last one
    under a header whose last column is the total (a row of years alone gives no grand total)."""
    return m["header"] is not None or not _TABLE_CELL_NUMBER.search(m["cells"])


def _table_total(m: re.Match[str]) -> ParsedQuantity:
    multiplier = MULTIPLIER[m["multiplier"]] if m["multiplier"] else 1
    return ParsedQuantity(float(_cn_decimal(m["total"]) * multiplier), "元", None)


def find_table_totals(s: str) -> list[QuantityMatch]:
    r"""The totals of the money tables in ``s``, each read with its header's unit (see
    _MONEY_TABLE_TOTAL). Only the total row: the other rows are its parts.

    >>> [(m.text, m.parsed.value) for m in find_table_totals("表1(单位:万元)\n甲 120\n乙 80\n合计 200\n")]
    [('单位:万元)\n甲 120\n乙 80\n合计 200', 2000000.0)]
    >>> table = "(单位:万元)\n来源|2019年|2020年|合计\n甲|1|2|3\n合计|4|5|9\n"
    >>> [m.parsed.value for m in find_table_totals(table)]
    [90000.0]
    >>> find_table_totals("(单位:万元)\n来源|2019年|2020年\n甲|1|2\n合计|4|5\n")
    []
    """
    folded = _FOLDABLE.sub(lambda c: c[0].translate(_FOLD), s)
    return [
        QuantityMatch(m.start(), m.end(), s[m.start() : m.end()], _table_total(m))
        for m in _MONEY_TABLE_TOTAL.finditer(folded)
        if _is_total_cell(m)
    ]


def find_quantities(s: str, units: Collection[str] | None = None) -> list[QuantityMatch]:
    """All quantity expressions in s, left to right, non-overlapping; ``units`` filters by base unit.

    A bare number ('2014年', '0898—66822333', 'T2') is not a quantity; a fraction is.

    >>> [(m.start, m.text, m.parsed.value) for m in find_quantities("2014年共有4352户18802人")]
    [(7, '4352户', 4352.0), (12, '18802人', 18802.0)]
    >>> [m.text for m in find_quantities("投入1127.14萬元,帮扶近4000人", units={"元"})]
    ['1127.14萬元']
    >>> [m.text for m in find_quantities("投入资金56.84亿,安排的2亿资金,惠及14亿人民", units={"元"})]
    ['56.84亿', '2亿']
    >>> [m.text for m in find_quantities("共244 501人,28 499户,约两三千人")]
    ['244 501人', '28 499户', '约两三千人']
    """
    folded = _FOLDABLE.sub(lambda c: c[0].translate(_FOLD), s)
    found: list[QuantityMatch] = []
    pos = 0
    while start := _START.search(folded, pos):
        m = _QUANTITY.match(folded, start.start())  # lookbehinds still see the text before pos
        if m is None:
            pos = start.start() + 1
            continue
        pos = m.end()  # never empty: every match holds a number
        money = m["money"] or _yi_beside_money(folded, m)
        if not (m["unit"] or m["den"] or money):
            continue
        if units is not None and not (m["den"] or money) and _counted_unit(m["unit"]) not in units:
            continue  # not of the units asked for: its value need not be read
        try:
            parsed = _from_match(m)
        except NumberParseError:
            continue  # e.g. '三四个': ambiguous, and better missed than misread
        if units is None or parsed.unit in units:
            found.append(QuantityMatch(m.start(), m.end(), s[m.start() : m.end()], parsed))
    return found
