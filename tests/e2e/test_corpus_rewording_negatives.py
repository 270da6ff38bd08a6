"""Metamorphic rewordings, in place, of the sentences that give a train page's figures and funding.

For each train page, each figure or funding amount the rules find AND the gold agrees with has its
evidence sentence. That sentence is rewritten, put back in its place, and the page is read again;
the expected result is known without a reader, from ../shared/ANNOTATION.md:

- meaning REMOVED: a target or plan (力争, 计划, 确保, 预计), a sub-unit's (全县最偏远的甲镇, 其中甲镇),
  a sub-group's (因病致贫, 易地扶贫搬迁, 纳入低保), another place's (全省 in a county's page, 邻近的
  甲县, 结对帮扶的甲县); money turned into an income, sales, an output value, a rate per village or
  another place's money. No figure of the rewritten sentence may still carry the value.
- meaning KEPT: funding's spending verb swapped (投入, 安排, 整合, 下达, 拨付, 筹措, 落实, 统筹), the
  amount spelt another way (1.2亿元 / 12000万元 / 1亿2千万元 / 1.2个亿 / 超 / 余), its 其中 parts stated
  after it, another payer's fund (东西部扶贫协作资金, 社会捐赠资金), a plan (计划投入, 拟投入: planned
  money is funding). The page's funding must stay what it was; where the rewording names another
  payer (a partner city, a bank, firms), the amount must stay funding.

The rewritten sentence goes back in the page's own script. Township and village names are
invented (the gazetteer lists none); the sub-units above them, the neighbours and the partners are
real divisions the page does not name, as a real report would name them.

A rule tied to the one surface form a train page uses fails here on every page that uses it. The
rewritten sentences are made by the functions below on the page's own sentence: nothing of the
corpus is stored here. Only `train` is used: `test` stays unseen.

The texts are third-party and not in the repository: without ../shared/corpus these tests skip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from test_corpus_insertions import ANY_LEVEL, ROOT, TEXTS
from test_corpus_robustness import _S2T, _siblings

from povsum import ArticleSummary, Document, Summarizer
from povsum.evaluate import load_split
from povsum.regions import gazetteer

pytestmark = pytest.mark.skipif(not TEXTS.is_dir(), reason="the corpus texts (../shared/corpus) are not here")

FIGURE = "figure"
FUNDING = "funding"
COUNTIES = ("county", "district")


@dataclass(frozen=True, slots=True)
class Found:
    """A figure or funding amount the rules found on a page, with the gold's agreement."""

    kind: str  # FIGURE or FUNDING
    path: str  # "baseline.people", or "funding"
    value: float
    text: str  # its surface form, as the rules read it in the normalized sentence
    quote: str  # its sentence, normalized
    start: int  # the sentence's span in the original text
    end: int


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    summary: ArticleSummary
    level: str | None
    names: tuple[str, ...]  # the forms of the region's name (gold's accept list), longest first
    found: tuple[Found, ...]
    sibling: str | None  # a county of the same prefecture the page does not name, for a county's page
    child: str | None  # a unit inside the region the page does not name (real above counties)


def _agrees(gold: dict[str, Any], path: str, value: float) -> bool:
    if path.startswith("funding"):
        return any(abs(item["yuan"] - value) < 0.5 for item in gold["funding"])
    part, name = path.split(".")
    expected = gold[part].get(name)
    accepted = [v for v in (expected, *gold.get("alternatives", {}).get(path, ())) if v is not None]
    return path not in gold.get("optional", []) and any(abs(v - value) < 1e-6 for v in accepted)


def _page(stem: str, summarizer: Summarizer) -> Page:
    gold = json.loads((ROOT / "tests" / "corpus" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    text = Document.from_path(TEXTS / f"{stem}.txt").original
    summary = summarizer.summarize_text(text)
    found = tuple(
        Found(
            FUNDING if path.startswith("funding") else FIGURE,
            "funding" if path.startswith("funding") else path,
            q.value,
            q.text,
            q.evidence.quote,
            q.evidence.start,
            q.evidence.end,
        )
        for path, q in summary.quantities()
        if _agrees(gold, path, q.value) and q.text in q.evidence.quote
    )
    region = gold["region"] or {"name": "全国"}  # a page naming no place of its own
    names = sorted({region["name"], *region.get("accept", [])}, key=len, reverse=True)
    level = summary.region.level if summary.region else None
    return Page(
        text, summary, level, tuple(names), found, _a_sibling(region["name"], text), _a_child(region, text)
    )


# A township or village has no entry in the gazetteer: a county's sub-unit is named by its kind
# (invented here), as the rules must read a place they do not know.
# (Not a village's groups: a village's sentences are about the village, a group rarely their subject.)
_CHILD_BY_LEVEL = {"county": "青山镇", "district": "青山街道", "township": "青山村"}


def _a_child(region: dict[str, Any], text: str) -> str | None:
    """A unit inside the region that the page does not name: one of a province's prefectures, of
    a prefecture's counties (real ones), or a township or village by its kind."""
    level = region.get("level")
    if level not in ("province", "prefecture"):
        return _CHILD_BY_LEVEL.get(level or "")
    key, kind = ("province", "prefecture") if level == "province" else ("prefecture", "county")
    children = sorted(
        d.name
        for d in gazetteer().divisions
        if getattr(d, key) == region["name"] and d.level == kind and d.name != region["name"]
    )
    return next((c for c in children if c not in text and c[:2] not in text), None)


def _a_sibling(name: str, text: str) -> str | None:
    """A real county beside the region (same prefecture, same kind), as a report names its
    neighbour or its paired county: the gazetteer must know it for the rules to see a place."""
    divisions = [d for d in gazetteer().by_name(name) if d.name == name and d.level in COUNTIES]
    siblings = _siblings(divisions[0], text) if len(divisions) == 1 else []
    return min(siblings, key=lambda d: d.code or d.name).name if siblings else None


@pytest.fixture(scope="module")
def pages(rules_summarizer: Summarizer) -> dict[str, Page]:
    train = load_split("train", ROOT / "tests" / "corpus" / "split.json")
    assert train, "the split file names no train articles"
    return {stem: _page(stem, rules_summarizer) for stem in sorted(train)}


# --- where a figure stands in its sentence -----------------------------------------------------------

_BREAK = re.compile(r"[,;:。!?\n]")


@dataclass(frozen=True, slots=True)
class Spot:
    """A figure in its (normalized) sentence, and the page it is on."""

    sentence: str
    at: int  # where the figure starts
    end: int  # where it ends
    found: Found
    page: Page

    @property
    def clause_start(self) -> int:
        return max((m.end() for m in _BREAK.finditer(self.sentence, 0, self.at)), default=0)

    @property
    def clause_end(self) -> int:
        m = _BREAK.search(self.sentence, self.end)
        return m.start() if m else len(self.sentence)

    @property
    def before(self) -> str:
        """The clause up to the figure."""
        return self.sentence[self.clause_start : self.at]

    @property
    def clause(self) -> str:
        return self.sentence[self.clause_start : self.clause_end]

    def with_before(self, new: str) -> str:
        return self.sentence[: self.clause_start] + new + self.sentence[self.at :]

    def inserted(self, at: int, words: str) -> str:
        return self.sentence[:at] + words + self.sentence[at:]


Rewrite = Callable[[Spot], str | None]  # the sentence rewritten, or None where it does not apply


# --- figures: a target or plan ---------------------------------------------------------------------

# What makes a clause an outcome achieved: a fall to a value, people lifted, units exiting.
_ACHIEVED_VERB = re.compile(r"(?:减少|下降|降低|降)(?:到|至|为)|下降为|(?<!未)脱贫|减贫|出列|摘帽|退出|销号")
_LEADING_TIME = re.compile(r"^(?:截至|截止|到)?\d{4}年(?:\d{1,2}月)?(?:年?底|末)?(?:,|(?=[^\d]))")


def _achieved_clause(spot: Spot) -> bool:
    return spot.found.path.startswith("outcome.") and _ACHIEVED_VERB.search(spot.clause) is not None


def _clause_opened_by(words: str) -> Rewrite:
    """The figure's clause opened by a target's or plan's words (力争贫困发生率降至0.5%)."""

    def rewrite(spot: Spot) -> str | None:
        if not _achieved_clause(spot):
            return None
        return spot.inserted(spot.clause_start, words)

    return rewrite


def _sentence_framed_by(frame: str) -> Rewrite:
    """The sentence set in a plan's frame (按照规划,到2020年底,…), its own leading date left out."""

    def rewrite(spot: Spot) -> str | None:
        if not _achieved_clause(spot) or not _LEADING_TIME.match(spot.sentence):
            return None
        return frame + _LEADING_TIME.sub("", spot.sentence, count=1)

    return rewrite


_FALL = re.compile(r"(?:减少|下降|降低|降)(?:到|至|为)|下降为")


def _fall_as(words: str) -> Rewrite:
    """``words`` right before the verb of the fall (贫困发生率力争降至0.5%, 将降至), in a clause that
    states no time of its own (a year there would say when it was reached)."""

    def rewrite(spot: Spot) -> str | None:
        verbs = list(_FALL.finditer(spot.before))
        if not spot.found.path.startswith("outcome.") or not verbs or re.search(r"了|已", spot.clause):
            return None
        return spot.inserted(spot.clause_start + verbs[-1].start(), words)

    return rewrite


# --- figures: a sub-unit's, a sub-group's, another place's -----------------------------------------

_WHOLE = re.compile("全省|全区|全市|全州|全盟|全县|全旗|全镇|全乡|全村|全嘎查")


def _subject(spot: Spot) -> re.Match[str] | None:
    """The last whole unit (全县) or form of the region's name before the figure in its sentence."""
    names = "|".join(map(re.escape, spot.page.names))
    pattern = re.compile(f"{_WHOLE.pattern}|{names}" if names else _WHOLE.pattern)
    # The last one only: a later 全省 (推进全省…) says whose the figure is, whatever came before; one
    # that opens no subject (武威市 of 甘肃武威市, 推进全省) is not rewritten.
    last = next(reversed(list(pattern.finditer(spot.sentence, 0, spot.at))), None)
    return last if last is not None and _opens_a_subject(spot.sentence, last.start()) else None


# What may stand right before a subject: a break, a date, the start (not 甘肃 of 甘肃武威市).
_BEFORE_A_SUBJECT = re.compile(r"(?:^|[,;:。\s]|年|底|末|初|月|日)$")


def _opens_a_subject(sentence: str, at: int) -> bool:
    return _BEFORE_A_SUBJECT.search(sentence[:at]) is not None


# Counts of units at or above a sub-unit's level, which it cannot have (a county's 3 poor counties).
_TOO_WIDE_FOR = {
    "prefecture": ("poor_counties",),
    "county": ("poor_counties",),
    "district": ("poor_counties",),
}


ABOVE_COUNTIES = frozenset({"province", "prefecture"})
COUNTIES_AND_TOWNSHIPS = frozenset({"county", "district", "township"})


def _subject_narrowed(
    pattern: str, levels: frozenset[str | None] = ANY_LEVEL, names_only: bool = False
) -> Rewrite:
    """The sentence's subject (全县, or the region's name; only the name if ``names_only``) made one
    of its sub-units: ``pattern`` formatted with the subject and the sub-unit (``{whole}最偏远的{sub}``)."""

    def rewrite(spot: Spot) -> str | None:
        m = _subject(spot)
        too_wide = _TOO_WIDE_FOR.get(spot.page.level or "", ())
        if (
            m is None
            or spot.page.level not in levels
            or spot.page.child is None
            or spot.found.path.endswith(too_wide)
        ):
            return None
        if names_only and _WHOLE.fullmatch(m.group()):
            return None
        sub = pattern.format(whole=m.group(), sub=spot.page.child)
        return spot.sentence[: m.start()] + sub + spot.sentence[m.end() :]

    return rewrite


def _subject_replaced(pattern: str, levels: frozenset[str | None] = frozenset(COUNTIES)) -> Rewrite:
    """The subject of a sentence made another place: ``pattern`` formatted with a real county beside
    the region (``邻近的{sibling}``, for a county's page; 全省 needs none)."""

    def rewrite(spot: Spot) -> str | None:
        m = _subject(spot)
        sibling = spot.page.sibling
        if m is None or spot.page.level not in levels or ("{sibling}" in pattern and sibling is None):
            return None
        return spot.sentence[: m.start()] + pattern.format(sibling=sibling) + spot.sentence[m.end() :]

    return rewrite


# The noun of the registered poor right before their count (建档立卡贫困户768户, 贫困人口有1658户).
_POOR_NOUN_BEFORE = re.compile(
    r"(?:建档立卡)?(?:贫困户|贫困人口|贫困群众)(?=(?:共|有|为|共有|达)?[^\d]{0,2}$)"
)


def _the_poor_as_a_group(make: Callable[[re.Match[str]], str]) -> Rewrite:
    """The registered poor before a count of households or people made a sub-group of them."""

    def rewrite(spot: Spot) -> str | None:
        if spot.found.path.split(".")[1] not in ("households", "people"):
            return None
        m = _POOR_NOUN_BEFORE.search(spot.before)
        if m is None:
            return None
        at = spot.clause_start + m.start()
        return spot.sentence[:at] + make(m) + spot.sentence[at + len(m.group()) :]

    return rewrite


# --- funding ----------------------------------------------------------------------------------------

_SPENDING_VERBS = ("投入", "安排", "整合", "下达", "拨付", "筹措", "落实", "统筹", "筹集")
_SPENDING_VERB = re.compile("|".join(_SPENDING_VERBS))


def _funding_before(new: str, levels: frozenset[str | None] = ANY_LEVEL) -> Rewrite:
    """The phrase before the amount replaced by ``new`` (带动贫困户增收3.5亿元)."""

    def rewrite(spot: Spot) -> str | None:
        # Only where the amount ends its clause: what follows it (资金用于…) would say it is funding.
        if spot.found.kind != FUNDING or spot.page.level not in levels or spot.clause_end != spot.end:
            return None
        return spot.with_before(new)

    return rewrite


def _verb_swapped(to: str) -> Rewrite:
    """The spending verb before the amount in its phrase (投入资金) made ``to`` (安排资金)."""

    def rewrite(spot: Spot) -> str | None:
        verbs = [m for m in _SPENDING_VERB.finditer(spot.before) if m.group() != to]
        if spot.found.kind != FUNDING or not verbs or to in spot.before:
            return None
        at = spot.clause_start + verbs[-1].start()
        return spot.sentence[:at] + to + spot.sentence[at + len(verbs[-1].group()) :]

    return rewrite


def _verb_led_by(words: str, levels: frozenset[str | None] = ANY_LEVEL) -> Rewrite:
    """``words`` right before the spending verb of the amount's phrase (计划投入, 省财政下达)."""

    def rewrite(spot: Spot) -> str | None:
        verbs = list(_SPENDING_VERB.finditer(spot.before))
        if spot.found.kind != FUNDING or spot.page.level not in levels or not verbs or words in spot.before:
            return None
        return spot.inserted(spot.clause_start + verbs[-1].start(), words)

    return rewrite


def _over(spot: Spot) -> str | None:
    """超 before the amount (投入资金超3.5亿元): a floor the headline figure rounds."""
    if spot.found.kind != FUNDING or not _AMOUNT.match(spot.found.text) or spot.before.endswith(("超", "近")):
        return None
    return spot.inserted(spot.at, "超")


def _sentence_opened_by(words: str) -> Rewrite:
    """A reporting frame before the sentence (据统计,): the statement is the same."""

    def rewrite(spot: Spot) -> str | None:
        return words + spot.sentence if spot.found.kind == FUNDING else None

    return rewrite


_FUND_NOUN = re.compile(r"(?:[^\d,;:。]{0,8}?)(?:扶贫|帮扶|专项|财政|各类)?资金(?=[^\d]{0,2}$)")


def _fund_named(fund: str) -> Rewrite:
    """The fund named before the amount (财政资金) made another payer's (东西部扶贫协作资金)."""

    def rewrite(spot: Spot) -> str | None:
        m = _FUND_NOUN.search(spot.before) if spot.found.kind == FUNDING else None
        verbs = list(_SPENDING_VERB.finditer(spot.before))
        if m is None or not verbs or verbs[-1].end() > m.end():
            return None
        start = max(m.start(), verbs[-1].end())
        return spot.with_before(spot.before[:start] + fund + spot.before[m.end() :])

    return rewrite


_AMOUNT = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>万|亿)元$")


def _spelt(write: Callable[[float, str], str | None]) -> Rewrite:
    """The amount written another way; ``write`` gets its number and unit (1.2, 亿)."""

    def rewrite(spot: Spot) -> str | None:
        m = _AMOUNT.match(spot.found.text) if spot.found.kind == FUNDING else None
        if m is None or (new := write(float(m["number"]), m["unit"])) is None:
            return None
        return spot.sentence[: spot.at] + new + spot.sentence[spot.end :]

    return rewrite


def _number(x: float) -> str:
    return f"{x:.8f}".rstrip("0").rstrip(".")  # every digit kept: 3317.4万元 is 0.33174亿元


def _in_ten_thousands(number: float, unit: str) -> str | None:
    return f"{_number(number * 10000)}万元" if unit == "亿" else None


def _in_hundred_millions(number: float, unit: str) -> str | None:
    return f"{_number(number / 10000)}亿元" if unit == "万" and number >= 1000 else None  # 0.32亿元


def _in_yuan(number: float, unit: str) -> str | None:
    yuan = number * (10000 if unit == "万" else 100000000)
    return f"{round(yuan)}元" if unit == "万" and yuan == round(yuan) else None


def _yi_and_qianwan(number: float, unit: str) -> str | None:
    """1.2亿元 as 1亿2千万元."""
    yi, rest = divmod(round(number * 10), 10)
    if unit != "亿" or yi < 1 or rest == 0 or abs(number * 10 - round(number * 10)) > 1e-9:
        return None
    return f"{yi}亿{rest}千万元"


def _as_spoken(number: float, unit: str) -> str | None:
    """3.5亿元 as an official says it: 3.5个亿."""
    return f"{_number(number)}个亿" if unit == "亿" else None


def _without_yuan(number: float, unit: str) -> str | None:
    """3.5亿元 as a headline writes it: 3.5亿 (not 万, which counts people as well)."""
    return f"{_number(number)}亿" if unit == "亿" else None


def _in_renminbi(number: float, unit: str) -> str | None:
    return f"人民币{_number(number)}{unit}元"


def _more_than(number: float, unit: str) -> str | None:
    """3200万元 as 3200余万元: the same figure, a floor."""
    return f"{_number(number)}余{unit}元" if number == int(number) else None


def _parts_after(spot: Spot) -> str | None:
    """Its 其中 parts stated after the amount's phrase (其中中央资金0.72亿元、省级资金0.48亿元)."""
    m = _AMOUNT.match(spot.found.text) if spot.found.kind == FUNDING else None
    if m is None:
        return None
    number = float(m["number"])
    first = round(number * 0.6, 2)
    second = round(number - first, 2)
    parts = f",其中中央资金{_number(first)}{m['unit']}元、省级资金{_number(second)}{m['unit']}元"
    return spot.inserted(spot.clause_end, parts)


# --- the table --------------------------------------------------------------------------------------

# What a rewording must do: keep the page's funding as it was (KEEP), keep the amount it rewrites as
# funding (HOLD: a new payer or verb may part it from an amount elsewhere that it used to restate),
# or leave its value to no figure or item of its sentence (REMOVE).
KEEP, HOLD, REMOVE = "keep", "hold", "remove"
PREFECTURES = frozenset({"prefecture"})
BELOW_THE_NATION = frozenset({*COUNTIES, "prefecture", "province"})
# name -> (the kind of item it rewrites, the rewrite, what it must do).
REWORDINGS: dict[str, tuple[str, Rewrite, str]] = {
    # Targets and plans: no outcome figure.
    "strive_to": (FIGURE, _clause_opened_by("力争"), REMOVE),
    "planned_to": (FIGURE, _clause_opened_by("计划"), REMOVE),
    "ensure_by_the_year_end": (FIGURE, _clause_opened_by("确保到年底"), REMOVE),
    "expected_to": (FIGURE, _clause_opened_by("预计"), REMOVE),
    "the_goal_is": (FIGURE, _clause_opened_by("目标是"), REMOVE),
    "strive_for": (FIGURE, _clause_opened_by("争取"), REMOVE),
    "in_a_plans_frame": (FIGURE, _sentence_framed_by("按照规划,到2020年底,"), REMOVE),
    "strive_to_fall": (FIGURE, _fall_as("力争"), REMOVE),
    "will_fall": (FIGURE, _fall_as("将"), REMOVE),
    "is_expected_to_fall": (FIGURE, _fall_as("有望"), REMOVE),
    # A sub-unit's figures.
    "its_remotest_sub_unit": (FIGURE, _subject_narrowed("{whole}最偏远的{sub}", ABOVE_COUNTIES), REMOVE),
    "of_which_a_sub_unit": (FIGURE, _subject_narrowed("其中{sub}", ABOVE_COUNTIES), REMOVE),
    "its_remotest_township": (
        FIGURE,
        _subject_narrowed("{whole}最偏远的{sub}", COUNTIES_AND_TOWNSHIPS),
        REMOVE,
    ),
    "of_which_a_township": (FIGURE, _subject_narrowed("其中{sub}", COUNTIES_AND_TOWNSHIPS), REMOVE),
    "a_sub_unit_named_after_it": (FIGURE, _subject_narrowed("{whole}{sub}", names_only=True), REMOVE),
    # A sub-group's figures.
    "poor_by_illness": (FIGURE, _the_poor_as_a_group(lambda m: f"{m.group()}中因病致贫的"), REMOVE),
    "relocated": (FIGURE, _the_poor_as_a_group(lambda m: f"易地扶贫搬迁{m.group()}"), REMOVE),
    "on_the_edge_of_poverty": (FIGURE, _the_poor_as_a_group(lambda m: "边缘易致贫户"), REMOVE),
    "disabled_poor": (FIGURE, _the_poor_as_a_group(lambda m: "建档立卡贫困残疾人"), REMOVE),
    "migrant_workers": (FIGURE, _the_poor_as_a_group(lambda m: "外出务工的贫困劳动力"), REMOVE),
    "on_minimum_living_allowance": (
        FIGURE,
        _the_poor_as_a_group(lambda m: f"纳入农村低保的{m.group()}"),
        REMOVE,
    ),
    # Another place's figures.
    "the_province_in_a_county_page": (FIGURE, _subject_replaced("全省"), REMOVE),
    "a_neighbour": (FIGURE, _subject_replaced("邻近的{sibling}"), REMOVE),
    "the_province_in_a_prefecture_page": (
        FIGURE,
        _subject_replaced("全省", PREFECTURES),
        REMOVE,
    ),
    "the_nation": (
        FIGURE,
        _subject_replaced("全国", BELOW_THE_NATION),
        REMOVE,
    ),
    "a_paired_county": (FIGURE, _subject_replaced("结对帮扶的{sibling}"), REMOVE),
    # Money that is no funding, or another place's.
    "funding_as_an_income": (FUNDING, _funding_before("带动贫困户增收"), REMOVE),
    "funding_as_sales": (FUNDING, _funding_before("实现销售收入"), REMOVE),
    "funding_as_an_output_value": (FUNDING, _funding_before("特色产业总产值达到"), REMOVE),
    "funding_per_village": (FUNDING, _funding_before("平均每村投入"), REMOVE),
    "funding_as_a_price": (FUNDING, _funding_before("项目建成后按市场价格估值"), REMOVE),
    "funding_of_the_province": (
        FUNDING,
        _funding_before("全省累计投入财政扶贫资金", frozenset({*COUNTIES, "township", "village"})),
        REMOVE,
    ),
    "funding_of_a_neighbour": (FUNDING, _funding_before("邻近的东山县累计投入扶贫资金"), REMOVE),
    "funding_of_the_partner_at_home": (
        FUNDING,
        _funding_before("对口帮扶城市在本市安排资金"),
        REMOVE,
    ),
    "funding_as_dividends": (FUNDING, _funding_before("合作社为入股贫困户分红"), REMOVE),
    "funding_as_wages": (FUNDING, _funding_before("扶贫车间支付务工人员工资"), REMOVE),
    "funding_as_registered_capital": (FUNDING, _funding_before("新成立的扶贫开发公司注册资本"), REMOVE),
    "funding_as_insured_cover": (FUNDING, _funding_before("为贫困户提供风险保障"), REMOVE),
    "funding_as_the_economy": (FUNDING, _funding_before("全年实现地区生产总值"), REMOVE),
    "funding_as_savings": (FUNDING, _funding_before("城乡居民储蓄存款余额达到"), REMOVE),
    "funding_recovered": (FUNDING, _funding_before("追回违规使用的扶贫资金"), REMOVE),
    "funding_still_needed": (FUNDING, _funding_before("完成全部改造尚有资金缺口"), REMOVE),
    # Funding kept: verbs, spellings, parts, payers, plans.
    **{f"spending_verb_{verb}": (FUNDING, _verb_swapped(verb), KEEP) for verb in _SPENDING_VERBS},
    "the_partner_pays": (FUNDING, _funding_before("对口帮扶城市累计投入帮扶资金"), HOLD),
    "a_bank_lends": (FUNDING, _funding_before("农业发展银行累计发放扶贫贷款"), HOLD),
    "firms_donate": (FUNDING, _funding_before("爱心企业累计捐赠"), HOLD),
    "planned_funding": (FUNDING, _verb_led_by("计划"), KEEP),
    "funding_to_be_invested": (FUNDING, _verb_led_by("拟"), KEEP),
    "the_province_pays": (FUNDING, _verb_led_by("省财政", frozenset(COUNTIES)), KEEP),
    "over_the_amount": (FUNDING, _over, KEEP),
    "by_the_statistics": (FUNDING, _sentence_opened_by("据统计,"), KEEP),
    "east_west_cooperation_funds": (FUNDING, _fund_named("东西部扶贫协作资金"), KEEP),
    "social_donations": (FUNDING, _fund_named("社会捐赠资金"), KEEP),
    "amount_in_ten_thousands": (FUNDING, _spelt(_in_ten_thousands), KEEP),
    "amount_in_hundred_millions": (FUNDING, _spelt(_in_hundred_millions), KEEP),
    "amount_in_yuan": (FUNDING, _spelt(_in_yuan), KEEP),
    "amount_in_yi_and_qianwan": (FUNDING, _spelt(_yi_and_qianwan), KEEP),
    "its_parts_after_it": (FUNDING, _parts_after, KEEP),
    "amount_as_spoken": (FUNDING, _spelt(_as_spoken), KEEP),
    "amount_without_yuan": (FUNDING, _spelt(_without_yuan), KEEP),
    "amount_in_renminbi": (FUNDING, _spelt(_in_renminbi), KEEP),
    "amount_and_more": (FUNDING, _spelt(_more_than), KEEP),
    "amount_summed_up": (FUNDING, _spelt(lambda number, unit: f"共计{_number(number)}{unit}元"), KEEP),
}
TOLERANCE = 0.02  # two items in a hundred may differ (one at least)
MOVED_TOLERANCE = 0.1


def _spots(page: Page, kind: str) -> list[Spot]:
    spots = []
    for found in page.found:
        # Only a figure its sentence writes once: which of two the rules read is not known here.
        if found.kind == kind and found.quote.count(found.text) == 1:
            at = found.quote.index(found.text)
            spots.append(Spot(found.quote, at, at + len(found.text), found, page))
    return spots


def _holds(summary: ArticleSummary, spot: Spot, span: tuple[int, int]) -> bool:
    """Whether a figure or amount evidenced by the rewritten sentence still carries the value."""
    kinds = ("funding",) if spot.found.kind == FUNDING else ("baseline.", "outcome.")
    return any(
        path.startswith(kinds)
        and abs(q.value - spot.found.value) < 1e-6
        and q.evidence.start < span[1]
        and q.evidence.end > span[0]
        for path, q in summary.quantities()
    )


def _region(summary: ArticleSummary) -> str | None:
    return summary.region.name if summary.region else None


def _kept(before: ArticleSummary, after: ArticleSummary, spot: Spot) -> bool:
    if spot.found.kind == FUNDING:
        return sorted(f.amount.value for f in before.funding) == sorted(f.amount.value for f in after.funding)
    value = lambda s: next((q.value for p, q in s.quantities() if p == spot.found.path), None)  # noqa: E731
    return value(before) == value(after)


# Rewordings the rules still get wrong, and why: strict, so the mark must go when they are fixed.
KNOWN_GAPS = {
    # A township or village the gazetteer does not list is now read as a place after 其中 or a
    # modifier's 的 (全县最偏远的青山镇; 45 and 31 of 49 figures kept before, 6 and 8 now), but its
    # figures still stay the region's on three pages: the sub-unit put into a township page's own
    # statement of its villages (青山村…贫困村21个), and the clauses after it in a quoted account.
    "its_remotest_township": "a township's figures after a modifier, on 3 pages (8 of 49)",
    "of_which_a_township": "a township's figures after 其中, on 3 pages (6 of 49)",
}


def reworded(
    kind: str, rewrite: Rewrite, must: str, pages: dict[str, Page], summarizer: Summarizer
) -> tuple[int, list[tuple[str, str, str, str]], int]:
    """Each item of ``kind`` that ``rewrite`` applies to, rewritten in place and read again: how many
    were checked, those that did not do what ``must`` says (page, path, figure, the new sentence), and
    how many moved the page's region (not checked)."""
    checked, wrong, moved = 0, [], 0
    for stem, page in pages.items():
        for spot in _spots(page, kind):
            new = rewrite(spot)
            if new is None or new == spot.sentence:
                continue
            f = spot.found
            # Back in the page's own script: a line in the other script reads as another page's.
            new = _S2T.convert(new) if page.summary.source.script == "traditional" else new
            after = summarizer.summarize_text(page.text[: f.start] + new + page.text[f.end :])
            if _region(after) != _region(page.summary):
                moved += 1
                continue
            checked += 1
            held = _holds(after, spot, (f.start, f.start + len(new)))
            ok = {KEEP: _kept(page.summary, after, spot), HOLD: held, REMOVE: not held}[must]
            if not ok:
                wrong.append((stem, f.path, f.text, new))
    return checked, wrong, moved


def assert_few_wrong(name: str, checked: int, wrong: list[tuple[str, str, str, str]], moved: int) -> None:
    # A rewording may move the page's region (the place it drops was the region's one mention, or the
    # sub-unit it names is taken for the region): its figures are then another place's, and the
    # region rules' own tests (test_corpus_robustness, test_corpus_insertions) judge the move. Measured:
    # at most 3 of 38 items (funding rewordings that drop a phrase naming the region).
    assert moved <= max(1, (checked + moved) * MOVED_TOLERANCE), f"{name}: the region moved on {moved} pages"
    assert checked >= 3, f"{name} applies to {checked} items only"
    assert len(wrong) <= max(1, checked * TOLERANCE), f"{name}: {len(wrong)} of {checked}: {wrong}"


def with_known_gaps(names: Iterable[str], gaps: Mapping[str, str]) -> list[Any]:
    """``names`` sorted as test parameters, those in ``gaps`` marked as strict xfails with their reason."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=gaps[name], strict=True)) if name in gaps else name
        for name in sorted(names)
    ]


@pytest.mark.parametrize("name", with_known_gaps(REWORDINGS, KNOWN_GAPS))
def test_a_rewording_of_the_key_sentence_keeps_or_removes_its_value(
    name: str, pages: dict[str, Page], rules_summarizer: Summarizer
) -> None:
    kind, rewrite, must = REWORDINGS[name]
    assert_few_wrong(name, *reworded(kind, rewrite, must, pages, rules_summarizer))
