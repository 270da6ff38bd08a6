"""Measures: what was done, by category, each with the sentence that says so.

A category is reported when one of its distinctive terms occurs in the article; each term is
specific enough that its mere presence means the measure was taken (generic slogans such as
"坚持以党建促脱贫" or "两不愁三保障" are deliberately not terms).
"""

from __future__ import annotations

from collections.abc import Sequence

from povsum.document import Document
from povsum.models import Measure
from povsum.sentences import Sentence, evidence

# Plain substrings, "|"-separated for compactness.
_TERMS: dict[str, str] = {
    "industry": (
        "产业扶贫|特色产业|扶贫产业|产业项目|产业发展|种养|养殖|种植业|合作社|扶贫基地|示范基地|"
        "养牛|养羊|养猪|养鸡|种植|产业"
    ),
    "employment": (
        r"就业扶贫|转移就业|就近就业|就地就业|务工|公益岗|扶贫车间|招聘会|就业岗位|带动就业|技能培训|"
        r"吸纳贫困"
    ),
    "education": r"教育扶贫|教育帮扶|教育保障|辍学|贫困学生|雨露计划|助学|扶学|教育脱贫",
    "health": r"健康扶贫|医疗|大病|住院|新农合|家庭医生|先诊疗后付费|慢性病",
    "housing": r"危房|危改|住房安全|住房保障",
    "finance": r"小额信贷|扶贫小贷|金融扶贫|贴息贷款|金融贷款|补充保险",
    "ecommerce": r"电商|电子商务|网店|微店|直播|阿里巴巴|京东|苏宁",
    "tourism": "旅游扶贫|乡村旅游|旅游+扶贫|游工|茶旅|农旅|文旅|民宿",
    "relocation": "易地扶贫搬迁|易地搬迁|搬迁安置|移民搬迁|扶贫搬迁|整村搬迁",
    "infrastructure": r"基础设施|饮水安全|集中式供水|供水|村道|道路|路灯|农网",
    "social_security": r"低保|兜底|临时救助|特困供养|救助金",
    "party_building": r"第一书记|驻村工作队|扶贫工作队|党组织|帮扶责任人|帮扶联系人|扶贫工作组",
    "consumption": r"消费扶贫|以购代捐|销售渠道|拓销路|打开了销路|农产品销售|荔枝销量|爱心扶贫网",
    "ecology": r"生态扶贫|生态护林员|护林员|退耕还林|生态补偿|光伏",
    "culture_mindset": r"夜校|扶志|志智|移风易俗|致富经验|田教授",
    "other": r"边贸|村企共建|百企联百村|整村推进|田洋整治|土地确权|监督|科技扶贫|科技培训",
}
# Terms are listed strongest first: the evidence is the first sentence with the strongest term.
_TERM_LISTS: dict[str, tuple[str, ...]] = {name: tuple(terms.split("|")) for name, terms in _TERMS.items()}
_PLANS = "下一步"
# A sentence listing policy names ("产业扶贫、就业扶贫、扶贫小额信贷等一系列政策继续实施") says
# nothing about what was done in the article's region.
_POLICY_LIST = "一系列政策"
_SUMMARY_CHARS = 60
_SHORT_CLAUSE = 10


def _summary(sentence: Sentence, start: int, end: int) -> str:
    """One line: the clause that names the measure, extended while it is too short to read.

    >>> _summary(Sentence(0, 20, "发挥优势,带动就业,让更多群众脱贫。"), 5, 9)
    '带动就业,让更多群众脱贫'
    """
    clause = sentence.clause_around(start, end, min_chars=_SHORT_CLAUSE)
    return clause.strip(" ,。;")[:_SUMMARY_CHARS]


def _current(document: Document, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that report what was done, not the plans for later: a "下一步" heading
    ends the report; a sentence opening with it makes the rest of its paragraph plans."""
    kept: list[Sentence] = []
    planning = False
    for previous_end, sentence in zip([0, *(s.end for s in sentences)], sentences, strict=False):
        if "\n" in document.text[previous_end : sentence.start]:
            planning = False
        if _PLANS in sentence.text:
            if len(sentence.text) <= 12:
                break
            planning = True
        if not planning and _POLICY_LIST not in sentence.text:
            kept.append(sentence)
    return kept


def find_measures(document: Document, sentences: Sequence[Sentence]) -> list[Measure]:
    """At most one measure per category, in the order the article reports them."""
    current = _current(document, sentences)
    found: list[Measure] = []
    for category, terms in _TERM_LISTS.items():
        present = [t for t in terms if t in document.text]
        hit = next(((s, t, i) for t in present for s in current if (i := s.text.find(t)) >= 0), None)
        if hit:
            sentence, term, at = hit
            found.append(
                Measure(
                    category=category,
                    summary=_summary(sentence, at, at + len(term)),
                    evidence=evidence(document, sentence),
                )
            )
    return sorted(found, key=lambda m: m.evidence.start)
