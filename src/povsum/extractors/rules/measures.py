"""Measures: what was done, by category, each with the sentence that says so.

A category is reported when one of its cues (``contract.MEASURE_KINDS``) occurs in a sentence
that reports work done or under way in the region. Three scopes decide it:

- the sentence: documents and their articles, lists of policy names, the report talking about
  itself, photo captions, headings and the sentences of a section of plans ("下一步…") report
  nothing;
- what comes before the cue: a plan word ("计划", "将继续", "要确保") governs the rest of the
  sentence, unless the sentence says the work has started ("目前正在实施");
- the cue's clause (between commas): targets, honours, slogans and standards ("两不愁三保障"),
  names of groups or funds, needs and lacks ("基础设施落后"), potential and descriptions of the
  economy ("主导产业为…") report nothing; broad words (产业, 道路, 旅游...) count only beside a
  verb of work or a quantity built; and a cue may mean something else where it stands (a road
  that is a path, 低保户 counted as a group, a cooperative that is the means of other work).

Cues are matched longest first, so a cue inside a longer one of another category belongs to the
longer one (生态扶贫搬迁 is relocation). The evidence is the first reporting sentence for the
category's strongest cue. Every cue considered is traced with the rule that kept or skipped it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from povsum.contract import MEASURE_KINDS
from povsum.document import Document
from povsum.extractors.rules.trace import Trace
from povsum.models import Measure
from povsum.sentences import Sentence, evidence

# Sentences that report no work at all, whatever cue they hold.
_NOT_A_REPORT: dict[str, re.Pattern[str]] = {
    # A document by its title or its articles: "…的指导意见", "第三条本办法所称…".
    "document": re.compile(r"指导意见|管理办法|实施意见|的通知|本办法|第[一二三四五六七八九十]+条"),
    # "制定了一系列扶贫政策,包括产业扶贫、教育扶贫…" names policies, it reports none of them.
    "policy_list": re.compile(r"一系列[^,]{0,4}政策"),
    # The article, column or reporting team talking about itself.
    "about_the_report": re.compile(r"采访组|采访团|本文|栏目|展示"),
    "caption": re.compile(r"^(?:图[①-⑳\d]|图片说明|\(?图为)"),
}
# A plan word before the cue governs it and the clauses after it: "计划改造危房…,新建村道",
# "将继续…,进一步推进产业扶贫" (将 before a verb, not 将…纳入), "今年要确保完成…搬迁任务" (要 as
# "must", not 重要, 主要, 要求). A named programme is no plan: "“八七”扶贫计划", "雨露计划".
_PLAN = re.compile(
    r"(?<![”\"贫动露])计划|预计|打算|拟|下一步|今后|方案(?:提出|明确|要求|安排|规定)|"
    r"将(?:继续|进一步|全面|重点|着力|大力|加快|加大|加强|持续|深入|逐步|陆续|努力|集中|实现|完成|实施|推进|"
    r"开展|启动|着手|进行|建设|新建|投入|投资|安排|于|在|以)|"
    r"(?<![重主需只必首纪摘简想])要(?![求点素是闻害紧塞道员务])"
)
# A verb in the perfective: "建设了", "走上了" (not 为了, 除了, 了解).
_PERFECTIVE = r"(?<![为除])了(?!解)"
# ...unless the sentence goes on to say the work has started: "计划改造危房1000户,…目前项目正在
# 组织实施", "…计划明年开工,安置区配套建设了日光温室".
_UNDER_WAY = re.compile(rf"正在|已经|已(?!于)|{_PERFECTIVE}")
# Clauses that report no work done, whatever cue they hold.
_NOT_DONE: dict[str, re.Pattern[str]] = {
    # A target governs only its clause: "力争年内完成搬迁". After "组织…搬迁," the clause
    # "确保搬迁户搬得出" is the purpose of work done, and that work was reported before it.
    "target": re.compile(r"力争|确保"),
    # Awards: "获得…称号", "“…案例”入选…", "荣膺", "挂牌为…基地".
    "honour": re.compile(r"称号|荣获|荣膺|入选|评为|授予|挂牌"),
    # The guarantee formula, the standards a region is measured by and strategy slogans.
    "slogan": re.compile(r"两不愁|三保障|有[^、,]{0,4}保障|八有|指标|(?:退出|脱贫)标准|战略"),
    # Names of working groups or sectors: "领导小组下设产业扶贫、…等11个工作组", "…电商、
    # 农家乐等23个行业".
    "name_list": re.compile(r"下设|等\d+个(?:行业|部门|工作组|专项组|小组|领域)"),
    # Funds pooled by name: "整合扶贫专项资金、小额信贷资金、涉农资金" names where money came from.
    "pooled_funds": re.compile(r"(?:整合|统筹)[^,]*资金"),
    # "困难补助" and "困难群众" are help and the people helped, not a lack.
    "need_or_lack": re.compile(
        r"没有|缺乏|不能|不得|不被|未能|需要|应该|亟待|落后|薄弱|滞后|受限|短缺|困难(?![补救群户家])|很低"
    ),
    # What a place could do: "具备发展特色种养殖业的优势".
    "potential": re.compile(r"具备|潜力"),
    # The economy as it is: "主导产业为…", "…是我镇的四大主导产业", "第一产业增加值".
    "description": re.compile(r"主导产业(?:为|是|有)|是[^,]{0,24}主导产业|增加值|三次产业"),
}
# A cue inside a title (《…》) names a book, a document or a column.
_TITLE = re.compile(r"《[^》]*》?")
# Benefits that are also a status: followed by a count ("低保户415户", "五保户76户", "低保人数")
# they count a group of the population, not work.
_STATUSES: frozenset[str] = frozenset({"低保", "五保"})
_COUNTED = re.compile(r"(?:贫困)?(?:户|对象)(?:共|有)?\d|人数|人口")
# Cues that are also ordinary words for the economy, a place or a need ("主导产业为种植",
# "沿公路", "农业种植的收益很低"): they count only when their clause holds a verb of work...
_BROAD: frozenset[str] = frozenset(
    {
        # industry
        "产业", "产业发展", "种养", "种植业", "种植", "养殖", "养牛", "养羊", "养猪", "养鸡", "合作社",
        "大棚", "茶园", "加工厂", "产业链", "龙头企业", "入股", "分红", "光伏", "招商引资",
        # employment, education, health, housing
        "就业", "务工", "学校", "教育", "医疗", "卫生", "卫生室", "医保", "住房",
        # finance, ecommerce, tourism
        "贷款", "直播", "旅游", "文旅", "民宿",
        # relocation, infrastructure, other
        "搬迁", "安置", "基础设施", "道路", "公路", "供水", "自来水", "水利", "用电", "监督", "土地确权",
    }
)  # fmt: skip
# 建 but not 建档立卡/建议/建筑; 带动 but not 带动型 (a kind of household); 通过 as "by way of",
# not "passing through" (公路通过); 改善 with an object ("改善村民的住房"), not as a result
# ("条件明显改善"); 走上 a road of development.
_WORK = re.compile(
    r"建(?![档议筑])|修|完成|实施|开展|发展|推进|推广|落实|投入|发放|组织|培训|调整|"
    r"帮助|带动(?!型)|吸纳|引导|引进|引入|创办|成立|组建|打造|开发|改造|完善|加强|加大|扶持|"
    r"支持|资助|补助|救助|纳入|解决|转移|输出|申请|争取|累计|新增|提供|选派|派驻|培育|"
    r"开办|开设|开了|开起|办起|兴办|壮大|种上|搬到|搬入|迁到|受益|惠及|用于|共建|结对|"
    r"走上|通过(?![,。;]|$)|(?<!得到)(?<!明显)改善(?![,。;!]|$)"
)
# ...or a quantity of what was built, planted or raised ("种植茶叶6500亩", "合作社12家"). A stock
# ("种植面积达6万亩", "公路通车里程2800公里", "生猪存栏") describes what is there and needs the verb.
_OUTPUT = re.compile(r"\d[\d.]*(?:万|亿)?(?:亩|头|只|羽|箱|公里|千米|座|套|栋|家|处)")
_STOCK = re.compile(r"面积|里程|总量|存栏|保有")
# Sector names that name a measure only in a list of the basic guarantees ("落实教育、卫生、住房等
# 保障政策", "改善村民的住房、医疗、教育情况"); alone they name a sector ("红色教育旅游").
_SECTOR_NAMES: frozenset[str] = frozenset({"教育", "卫生"})
_GUARANTEES = re.compile(r"(?:教育|卫生|医疗|住房)[、和与及](?:教育|卫生|医疗|住房)")
# Roads named as a figure of speech or a place, by what comes just before them: "走上了产业发展
# 道路" is a path, "沿公路一侧建起营业房" says where.
_NOT_A_ROAD: dict[str, re.Pattern[str]] = {
    "道路": re.compile(r"(?:(?:发展|致富|脱贫|小康|振兴|幸福|特色)的?|沿)$"),
    "公路": re.compile(r"沿$"),
}
# A broad cue right after 依托/借助/利用 is the means of other work: "依托合作社发展乡村旅游" is
# tourism, "依托文旅公司平台吸纳社会资本" is no tourism.
_MEANS = re.compile(r"(?:依托|借助|利用)[^,]{0,4}$")
# Cues that belong to another category when their sentence is about it.
_RECLASSIFIED: dict[str, tuple[re.Pattern[str], str]] = {
    # A poverty workshop is industry, or employment when the sentence is about its jobs or wages.
    "扶贫车间": (re.compile(r"就业|务工|岗位|工资|月收入|上班|打工"), "employment"),
    # New houses on a relocation site are part of the relocation.
    "住房": (re.compile(r"安置|搬迁|移民"), "relocation"),
    # People placed in jobs ("安置贫困劳动力就业") are employed, not relocated.
    "安置": (re.compile(r"安置[^,]{0,10}(?:就业|上岗)"), "employment"),
}
# A sentence opening a section of plans makes the rest of its paragraph plans; a heading that
# says no more ("三、下一步工作") ends the report.
_PLAN_SECTION = re.compile(r"^.{0,6}(?:下一步|今后|展望未来|规划到)")
_PLAN_HEADING_CHARS = 12
# A line this short without punctuation is a heading ("3.1 产业扶贫"): it names a topic.
_HEADING_CHARS = 12
_PUNCTUATION = re.compile(r"[。！？!?;；,，:：]")
_CLAUSE = re.compile(r"[^,，;；:：]+")
_SUMMARY_CHARS = 60
_SHORT_CLAUSE = 10

_KIND_OF: dict[str, str] = {cue: kind.key for kind in MEASURE_KINDS for cue in kind.cues}
_RANK: dict[str, int] = {cue: rank for kind in MEASURE_KINDS for rank, cue in enumerate(kind.cues)}
# Longest first: the regex takes the first alternative that matches at a position.
_CUES = re.compile("|".join(re.escape(c) for c in sorted(_KIND_OF, key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    cue: re.Match[str]  # in the sentence's text
    sentence: Sentence


def _summary(sentence: Sentence, start: int, end: int) -> str:
    """One line: the clause that names the measure, extended while it is too short to read.

    >>> _summary(Sentence(0, 20, "发挥优势,带动就业,让更多群众脱贫。"), 5, 9)
    '带动就业,让更多群众脱贫'
    """
    clause = sentence.clause_around(start, end, min_chars=_SHORT_CLAUSE)
    return clause.strip(" ,。;")[:_SUMMARY_CHARS]


def _first(patterns: Mapping[str, re.Pattern[str]], text: str) -> str | None:
    """The first pattern found in ``text``, as "name word".

    >>> _first({"plan": re.compile("计划")}, "计划新建")
    'plan 计划'
    """
    return next((f"{name} {m.group()}" for name, p in patterns.items() if (m := p.search(text))), None)


def _is_heading(document: Document, sentence: Sentence) -> bool:
    line_start = document.text.rfind("\n", 0, sentence.start) + 1
    line_end = document.text.find("\n", sentence.end)
    line = document.text[line_start : line_end if line_end >= 0 else len(document.text)].strip()
    return len(line) <= _HEADING_CHARS and not _PUNCTUATION.search(line)


def _with_objections(
    document: Document, sentences: Sequence[Sentence]
) -> Iterator[tuple[Sentence, str | None]]:
    """Each sentence with the reason it reports no work at all, or None when it may report some."""
    planning = False
    for previous_end, sentence in zip([0, *(s.end for s in sentences)], sentences, strict=False):
        if "\n" in document.text[previous_end : sentence.start]:
            planning = False
        if _PLAN_SECTION.search(sentence.text):
            if len(sentence.text) <= _PLAN_HEADING_CHARS:
                return
            planning = True
        if planning:
            yield sentence, "plan section"
        elif _is_heading(document, sentence):
            yield sentence, "heading"
        else:
            yield sentence, _first(_NOT_A_REPORT, sentence.text)


def _plan_before(sentence: Sentence, cue: re.Match[str], cues: Sequence[re.Match[str]]) -> str | None:
    """The plan word governing the cue, if any; one inside a cue ("雨露计划") names a programme."""
    for m in _PLAN.finditer(sentence.text, 0, cue.start()):
        inside_a_cue = any(c.start() <= m.start() < c.end() for c in cues)
        if not inside_a_cue and not _UNDER_WAY.search(sentence.text, m.end()):
            return m.group()
    return None


def _clause(sentence: Sentence, at: int) -> str:
    return next(m.group() for m in _CLAUSE.finditer(sentence.text) if m.start() <= at < m.end())


def _misread(sentence: Sentence, cue: re.Match[str]) -> str | None:
    """Why the cue does not name the measure here: a road that is a path or a place, a group
    counted, the means of other work, a title."""
    not_a_road = _NOT_A_ROAD.get(cue.group())
    if not_a_road and not_a_road.search(sentence.text, 0, cue.start()):
        return "a path or a place, not a road built"
    if cue.group() in _STATUSES and _COUNTED.match(sentence.text, cue.end()):
        return "a group of the population counted"
    if cue.group() in _BROAD and _MEANS.search(sentence.text, 0, cue.start()):
        return "means of other work"
    if any(m.start() < cue.start() < m.end() for m in _TITLE.finditer(sentence.text)):
        return "title"
    return None


def _unsupported(cue: str, clause: str) -> str | None:
    """A sector name alone, or a broad cue with neither a verb of work beside it (产业发展 holds
    发展 itself) nor an output."""
    if cue in _SECTOR_NAMES and not _GUARANTEES.search(clause):
        return "sector name outside a list of guarantees"
    if cue not in _BROAD or _WORK.search(clause.replace(cue, "|")):
        return None
    if _OUTPUT.search(clause) and not _STOCK.search(clause):
        return None
    return "broad word without a verb of work or an output"


def _objection(sentence: Sentence, cue: re.Match[str], cues: Sequence[re.Match[str]]) -> str | None:
    """Why this cue does not report work done, or None when it does."""
    if plan := _plan_before(sentence, cue, cues):
        return f"plan {plan}"
    clause = _clause(sentence, cue.start())
    return _first(_NOT_DONE, clause) or _misread(sentence, cue) or _unsupported(cue.group(), clause)


def _kind(cue: str, sentence: Sentence) -> str:
    about, other = _RECLASSIFIED.get(cue, (None, ""))
    return other if about and about.search(sentence.text) else _KIND_OF[cue]


def _note(trace: Trace, hit: _Hit, decision: str) -> None:
    """One step per cue considered: its category, the cue, and the clause it stands in."""
    cue, sentence = hit.cue, hit.sentence
    at = sentence.start + cue.start()
    trace.note(f"measures.{hit.kind}", f"cue:{cue.group()}", _clause(sentence, cue.start()), decision, at)


def _hits(document: Document, sentences: Sequence[Sentence], trace: Trace) -> Iterator[_Hit]:
    """Every cue that reports work done. Skipped cues are traced until their category is found."""
    found: set[str] = set()
    for sentence, objection in _with_objections(document, sentences):
        cues = list(_CUES.finditer(sentence.text))
        for cue in cues:
            kind = _kind(cue.group(), sentence)
            why = objection or _objection(sentence, cue, cues)
            if why is None:
                found.add(kind)
                yield _Hit(kind, cue, sentence)
            elif kind not in found:
                _note(trace, _Hit(kind, cue, sentence), f"skipped: {why}")


def find_measures(document: Document, sentences: Sequence[Sentence], trace: Trace) -> list[Measure]:
    """At most one measure per category, in the order the article reports them."""
    best: dict[str, _Hit] = {}
    for hit in _hits(document, sentences, trace):
        if hit.kind not in best or _RANK[hit.cue.group()] < _RANK[best[hit.kind].cue.group()]:
            best[hit.kind] = hit
    found: list[Measure] = []
    for kind, hit in best.items():
        cue, sentence = hit.cue, hit.sentence
        _note(trace, hit, "kept")
        found.append(
            Measure(
                category=kind,
                summary=_summary(sentence, cue.start(), cue.end()),
                evidence=evidence(document, sentence),
            )
        )
    return sorted(found, key=lambda m: m.evidence.start)
