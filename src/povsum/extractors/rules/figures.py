"""Baseline and outcome figures: poor households, people, incidence rate, poor villages and
counties, and people lifted.

Flattened tables (a year per row, a field or a place per row, places as columns), a data portal's
records (指标名称/基期/现期) and a fact sheet's "label(unit):value" lines are read first, each figure's
text running from its table's unit or header to its cell. Then rules run in passes over the
sentences, strongest first, and the first value a field gets is kept: "from A to B" transitions
(the least ambiguous), then what is left (未脱贫/剩余/降至), then lone statements (a registered
total is the baseline; a now cue, or the outcome's year, makes one the outcome), then village and
county counts. People lifted are collected and the one covering the longest period up to the
latest date wins (ANNOTATION.md); figures dated by several years give the latest to the outcome
when nothing later is reported. Targets and plans (计划/确保...), sub-groups (其中/安置/惠及...),
sub-units, partner regions, flows (N个贫困村退出 without 全部 or a starting count), a place's own
figures and, in a report on the registration era, history before it (1986年…, 改革开放初期…) are
skipped, each with a note in the trace. When the region is known, figures said of
another place the article names (the province around a county, a partner, a village within it:
"宁夏9个贫困县", "湖南全省贫困人口…", "全村") are skipped too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from povsum.contract import FIELDS
from povsum.document import Document
from povsum.extractors.rules import literals
from povsum.extractors.rules.region import local_mentions
from povsum.extractors.rules.sections import NO_PLANS, PlanSections, plan_sections
from povsum.extractors.rules.trace import Trace
from povsum.models import Evidence, Quantity, Region, Snapshot
from povsum.numbers import (
    GROUPED,
    GROUPING_COMMA,
    LABELLED_CELL,
    NOT_A_GROUPS_TAIL,
    PEOPLE_NOUN,
    TABLE_CELL,
    TABLE_SEPARATOR,
    TABLE_UNIT,
    NumberParseError,
    ParsedQuantity,
    TableCell,
    find_quantities,
    find_table_cells,
    parse_quantity,
    rounds_to,
)
from povsum.regions import (
    LOCAL_LEVELS,
    NEIGHBOUR_WORDS,
    SELF_KINDS,
    SELF_REFERENCE,
    Division,
    Mention,
    gazetteer,
    name_forms,
)
from povsum.sentences import Sentence, evidence

# --- How these reports write a count, a rate and a time ---------------------------------------

_CN = (
    r"(?:[零一二两三四五六七八九十百千万亿]*[一二两三四五六七八九十][零一二两三四五六七八九十百千万亿]*|零(?=点))"
    r"(?:点[零一二三四五六七八九]+[万亿]?)?"
)
# 4352, 34.18万, 25.5 万 (one space, as numbers.py allows), 8千, 近4000, 212万余, 700多万, 九万余, 十八点二万,
# 244 501 and 25,586 (digits grouped by threes); never the tail of a longer number ("28 499户" is
# 28499).
# A bound is not a figure: "不足两千人", "贫困发生率低于1%" (as "2%以下" is not, below).
_BOUND_BEFORE = r"(?<!不足)(?<!低于)(?<!少于)(?<!不到)(?<!控制在)"
_NUM = (
    rf"(?<![\d.点零一二两三四五六七八九十百千万亿]){NOT_A_GROUPS_TAIL}{_BOUND_BEFORE}"
    r"(?:将近|接近|大约|近|约|超过|逾)?"
    rf"(?:(?:{GROUPED}|\d+(?:\.\d+)?)(?:[余多]?\x20?[千万亿]{{1,2}})?|{_CN})(?:余|多)?"
)
# Every figure group of the patterns below opens with one optional space, as pages and PDF copies
# write one after a verb or a noun ("降至 0.8%", "贫困村 248个", "累计减少贫困人口 16 821 户").
# One space may stand before the unit, as numbers.py allows ("862 人", "12.5 %"); "5万人次", "120户次"
# count visits or trainings, not people or households.
_HH = rf"{_NUM}\x20?户(?!次)"
# What a count of households is called after its number: "293户贫困户", "312户贫困家庭".
_HH_NOUN = r"(?:建档立卡)?贫困(?:户|家庭)"
_PP = rf"{_NUM}\x20?(?:{PEOPLE_NOUN}|口?人(?!次)|名)"  # "312口人" too
_PEOPLE_BEFORE_NOUN = rf"{_NUM}(?:{PEOPLE_NOUN})"
# A count of people may drop its 人 after its noun ("贫困人口由157万减少到1.6万", "贫困人口84.24万、"):
# found, but without a unit the verifier cannot prove it as people, so the draft refuses it and the
# trace says so.
_BARE = rf"{_NUM}(?<=[万亿])(?![\d人户名元个亩吨%])"
_PP_OR_BARE = rf"(?:{_PP}|{_BARE})"
# "12.5%", "百分之十二"; "降至2%以下" is a threshold, not a figure.
_RATE_Q = rf"(?:{_NUM}\x20?%|百分之(?:\d+(?:\.\d+)?|{_CN}))(?!以下|以内)"
# "贫困发生率下降为0", "降至零": a rate written without its %.
_ZERO_RATE = rf"(?:{_RATE_Q}|(?<![\d.])(?:0|零)(?![\d.%点]))"
_UNITS_Q = rf"{_NUM}\x20?个"
# Households and people of one statement: "4352户18802人", "286户、1103人", "1347户 2829人",
# "1.2万户贫困户和4.5万贫困人口".
_SEP = r"(?:[、,\x20]|和|及)?"
# The words of a total before the people of the households just counted ("1658户,共计7604人"); they
# may open a sentence of their own, which names no noun and so goes on the one before it ("1658户。
# 共计7604人": _join_continued).
_TOTAL_WORD = r"(?:共计|合计|总计|共)"
_HH_THEN_TOTAL = rf"(?:{_SEP}|[。;](?={_TOTAL_WORD}))"


def _hh_after(prefix: str = "") -> str:
    """Households after the people, in brackets or after 、, as people-first reports write them
    ("贫困人口7604人(1658户)", "贫困人口7604人、1658户"): group ``{prefix}hh_after``, optional."""
    return rf"(?:(?:\(|、)\x20?(?P<{prefix}hh_after>{_HH})\)?)?"


def _hh_pp(prefix: str = "", people: str = _PP) -> str:
    """Households (optional) and people of one statement, as groups ``{prefix}hh``, ``{prefix}pp``
    (or the households after them, ``_hh_after``); a word of the total may stand between them
    ("未脱贫4户共10人", "退出贫困户1292户共计4379人")."""
    households = rf"(?:\x20?(?P<{prefix}hh>{_HH})(?:{_HH_NOUN})?{_SEP}{_TOTAL_WORD}?)?"
    return rf"{households}\x20?(?P<{prefix}pp>{people}){_hh_after(prefix)}"


_TIME = r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:年?底|末|初)?"
# A year of two digits, inside a transition only ("从14年的5436户…下降到19年底的89户").
_SHORT_YEAR = r"(?<!\d)\d{2}年(?:年?底|末|初)?"
# A time between "由/从/降至" and the figure: "由2014年底的", "由建档立卡初的", "到目前的", or any
# short phrase ending in 的 ("由“十二五”末的", "从精准扶贫之初的", "由原来的").
_WHEN = (
    rf"(?:(?:{_TIME}|{_SHORT_YEAR}|上世纪\d0年代(?:初|中期|末)?|建档立卡|目前|现在|如今|底)[^,;。\d%]{{0,6}}?的?"
    r"|[^,;。\d%]{1,10}?的)"
)
# A fall to a figure: a verb of decrease and 到/至/为 ("减少到了", "降至", "下降为", "锐减至", "降到了").
# A data card's arrow says it too ("由12.6% → 0.57%").
_DOWN = r"(?:(?:减少|下降|降低|缩减|缩小|锐减|回落|减|降)了?(?:到|至|为)了?|变成了?|变为|→|➜|➝)"
# A period in years: "七年间", "5年来" ("…减少到30.83万人,七年间减少892.17万人").
_YEARS_SINCE = r"(?<=,)(?:[一二三四五六七八九十]|\d{1,2})年(?:间|来)"
# How a fall went, before its verb: "由767万人,累计减少至19.9万人".
_OVER_TIME = r"(?:累计|逐年|逐步|持续)"
# A gap inside a transition, short and holding no figure or clause break.
_GAP = r"[^\d,;。]{0,3}?"

# A bracket that qualifies a noun before its figure ("贫困村(含深度贫困村35个)108个", "贫困发生率(按乡村
# 户籍人口计算,下同)16.3%", "累计脱贫(含2014年当年脱贫1.52万人)15.03万人"): the figure is the noun's.
_QUALIFIER = r"(?:\((?:不?含|不?包括|按|以下|下同)[^()]{0,30}\))"

# --- The nouns -------------------------------------------------------------------------------

_POOR_QUALIFIERS = r"(?:(?:农村|牧区|相对)的?)*"
# 深度贫困人口 are a subset of the poor, never their count. 贫困群众 names them as 贫困人口 does
# ("有贫困户5776户、贫困群众17253人", "8.1万名贫困群众脱贫").
_POOR = (
    # Its qualifiers in any order: "建档立卡农村贫困人口", "农村建档立卡贫困户", "相对贫困人口"; the
    # register may name them without 贫困 ("建档立卡人口").
    rf"(?<!深度)(?:{_POOR_QUALIFIERS}(?:(?:建档立卡|立档建卡)的?{_POOR_QUALIFIERS}(?:贫困)?|贫困)"
    r"(?:人口|人数|户|家庭|对象|群众)"
    # "建档立卡12345户45678人": the register named without its noun.
    r"|(?:农村)?扶贫对象|(?:建档立卡|立档建卡)(?=\d))"
)
_RATE_NOUN = r"(?:贫困(?:人口)?发生率|贫困面|贫困率)"
# 深度贫困村/县 are a subset of the poor ones, never their count.
_VILLAGE = (
    r"(?<!深度)(?:(?:建档立卡|省级|省定|市级|市定|县级|国家级|重点|相对)*贫困(?:重点)?(?:行政村|嘎查村|嘎查|村)(?!民)"
    r"|(?:省级|市级|县级|国家级)?扶贫(?:开发)?(?:工作)?重点村)"
)
# The county-level kinds a count of counties lists in brackets: 贫困县(市、区、行委).
_COUNTY_KINDS = r"\((?:[市区旗]|特区|行委)(?:、(?:[市区旗]|特区|行委)){0,3}\)"
_COUNTY = (
    rf"(?<!深度)(?:(?:国家级|省级|国定|省定|国家|省)?(?:重点)?(?:贫困|国贫)(?:旗|区)?县(?:市区|区|市(?!场)|{_COUNTY_KINDS})?"
    r"|(?:国家级?|省级?)?扶贫开发(?:工作)?重点县)"
)
# Each unit's noun, and how the ones not yet out are named.
# unit -> (its poor noun, how the ones not yet out are named, the unit itself, how one exits).
_UNIT_NOUNS = {
    "poor_villages": (_VILLAGE, r"未出列(?:贫困)?村", r"(?:行政村|嘎查村|村|嘎查)", r"出列|退出|销号"),
    "poor_counties": (
        _COUNTY,
        r"未摘帽(?:贫困)?旗?县",
        r"旗?县(?:市区|市|区)?(?:\([^()]{0,6}\))?",
        r"摘帽|退出",
    ),
}
# Leaving poverty, said of people: "脱贫" (not 脱贫致富/脱贫攻坚), "达到脱贫(退出)标准", "摆脱贫困",
# "摆脱绝对贫困", "脱离贫困", "走出贫困".
_OUT_OF_POVERTY = (
    r"(?:脱贫(?!致富|攻坚)|脱了贫|达到脱贫(?:退出)?标准|(?:摆脱|脱离|走出|告别)了?(?:绝对)?贫困)"
)
# Only sentences naming one of these can hold a figure (most sentences do not).
_ABOUT_POVERTY = re.compile(r"贫|摘帽|出列|建档立卡|立档建卡")
# Every figure rule needs a number: a digit, 零, a Chinese numeral of two characters or more
# (十八点二万, 三千), or one before a unit (九户). Sentences without one (most of a long report)
# are not tried against the ~50 patterns at all.
_HAS_NUMBER = re.compile(
    r"[0-9０-９零〇]|[一二两三四五六七八九十百千万亿点]{2,}|[一二两三四五六七八九十][户人个名]|百分之"
)

# --- Cue tables ------------------------------------------------------------------------------

# A plan or target shortly before a figure makes it neither baseline nor outcome; a purpose ("为实现…")
# only in the figure's own clause, since what follows a purpose is usually what was done.
# "可减少贫困人口8000人" forecasts; "要在2018年底实现…" plans.
_TARGET = re.compile(
    r"计划|目标(?:任务)?(?:是|为|:)|力争|确保|争取|预计|将要|还要|(?<!模)拟(?!人)|预(?=脱贫|退出|摘帽|出列|减贫|$)"
    r"|(?<![重主需只必首])要(?:在|实现|完成|使|(?=减少|减贫|脱贫|退出|摘帽|出列|$))|(?<![认许])可(?:望|以)?(?=实现|减少|减贫|脱贫|退出|摘帽|出列|$)"
)
_PURPOSE = re.compile(r"为了|为做到|为实现|以实现")
# "将" (will) only in the figure's own clause: "全县将实现剩余贫困人口3000人全部脱贫"; "将近" is "nearly".
# So are a target's and a forecast's verbs, also between the two figures of a fall ("由8.2%力争降至2%",
# "有望降至").
_FUTURE = re.compile(r"将(?!近)|力争|有望")
# A plan word in the clause before governs a figure only when that clause names what is planned, a
# count or a deadline ("确保10个贫困村摘帽,贫困人口523户2184人全部脱贫", "力争到2020年,…"); after a
# slogan ("确保高质量打赢脱贫攻坚战,", "围绕脱贫目标,") the figure is a result...
_PLANNED = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:户|人|名|个|%)|\d{4}年")
# ...or when it is only the frame of a plan ("按照计划,", "根据规划,"): what follows it is planned.
_PLAN_FRAME = re.compile(r"(?:按照|根据|按)(?:计划|规划|部署|安排|目标)(?:要求)?")
# ...and so it is when its own clause says it is done ("计划减贫3000人,目前已完成2860人脱贫").
_ACHIEVED = re.compile(r"已|目前|截至|截止|如今|至今")
# A count of units inside the region: "4个贫困县", "10个深度贫困县", "12个重点乡镇".
_A_FEW_UNITS = r"[\d一二两三四五六七八九十]+\x20?个(?:国家级|省级|重点|深度|极度|边远|偏远)?(?:贫困)?"
# People of one kind among the poor, before or after the noun ("贫困家庭学生共有1.8万名").
_ONE_KIND = r"残疾|老年|学生|儿童|妇女|劳动力"
_ONE_KIND_WORD = re.compile(_ONE_KIND)
# ...or a count of some of them named between the noun and its figure ("贫困人口参保人数8.6万人").
_ANOTHER_COUNT = re.compile(r"[^\d\s的总]+(?:人数|户数)")
# Words in a figure's clause that make it a group helped, moved, employed, lifted through one
# programme, or a breakdown (其中) or per-unit list (分别), not the region's poor.
_SUBGROUP = re.compile(
    # What a bracket after a noun includes ("贫困人口(含兜底保障对象3260人)"): a part of the whole.
    r"^不?(?:含|包括)|安置|惠及|涉及|带动|其中|参加|吸纳|救助|搬迁|巩固提升|帮扶|扶持|受益|覆盖|新识别|新增|返贫|删除|监测|边缘"
    # Those poor by one cause: "因病致贫户".
    r"|致贫"
    # People of one kind among the poor: "贫困残疾人3216人", "贫困学生", "贫困劳动力".
    rf"|{_ONE_KIND}"
    # "纳入低保的贫困户": put into a programme; "纳入建档立卡贫困户…" right before the noun is the register.
    r"|纳入(?!$)"
    # Per unit: "人均联系贫困户3户", "户均3.2人", "每个贫困村有贫困户45户" count one unit's share.
    r"|分别|每年|年均|平均|[人户村]均|每(?:个|户|人|村|名)"
    r"|为$|(?<!相)对$|有劳动能力|就业"
    # Figures of several units inside the region ("4个贫困县累计脱贫…"), or qualified by income.
    rf"|{_A_FEW_UNITS}[县乡镇村]|收入"
)
# A count the clause goes on to help is the group helped: "为困难贫困群众2950户5643人实施临时救助",
# "贫困户312户落实危房改造".
_ACTED_ON = re.compile(r"[^\d,;。]{0,3}?(?:实施|落实|发放|给予|提供|纳入|享受)")
# A place called by its kind where the text is there (村里, 镇上): the place the text is in.
_PLACE_BY_KIND = re.compile(r"(?<![农城乡])[村镇乡][里上]")
# "“我们村原来有贫困户62户…”", a village head quoted, is his village's too (in a quotation only: a
# text written by the village in the first person is about it).
_OUR_PLACE = re.compile(r"(?:我们|咱们|咱)[村镇乡]")
# A village's group (第三村民小组, 5组, 上湾组): a sub-unit of whatever region the text is about.
_VILLAGE_GROUP = re.compile(
    r"(?:第?[一二三四五六七八九十\d]+|[\u4e00-\u9fff]{2})村?民小组|第?[一二三四五六七八九十\d]+(?:村民)?组(?![织成建合])"
)
# The whole population or every household, before 其中.
_EVERYONE = re.compile(
    r"(?:总人口|户籍人口|农业人口|农村人口|常住人口|总户数|农户|居民|村民)[^,;。]{0,4}?\d"
    # "全村有245户1065人,其中建档立卡贫困户…": a place's every household (not "全村有12户贫困户").
    r"|全[村组乡镇县市区](?:共)?有\d+(?:\.\d+)?万?户(?!贫困)"
    # "对全镇5832户农户开展排查,其中对全镇建档立卡贫困户…": every household counted before its noun.
    r"|\d+(?:\.\d+)?万?户(?:农户|居民|村民|群众)"
)
# A count of the poor households, ending its clause: "涉及" after it gives those households' people
# ("建档立卡贫困户4210户,涉及贫困人口15860人"), not a group a project touches ("实施项目326个,涉及…").
_POOR_HOUSEHOLDS_BEFORE = re.compile(rf"(?:{_POOR})[^\d,;。]{{0,6}}?{_HH},$")
# The subject of a whole sentence is a few units inside the region: "这8个贫困县累计完成9.7万
# 人口脱贫,当年完成3.4万人口脱贫", "其余8个乡镇…".
_SUBUNITS = re.compile(rf"(?:这|该|上述|其余|其他|其它|另外){_A_FEW_UNITS}[县乡镇村]")
# A count of units (or the poor units) right before a noun, or before a transition's noun: the noun
# is theirs ("6个乡镇的贫困发生率", "12个重点乡镇贫困人口由…", "贫困村贫困发生率由…"); a match opening on
# its noun or on 由/从 is said of them. A bracket opened after the units and not closed breaks them
# down ("辖6个行政村(贫困村5个,…"): its figures are the region's.
_POOR_UNITS = r"(?:深度)?贫困(?:行政村|村|县)"
_FEW_UNITS_BEFORE = re.compile(
    rf"(?:{_A_FEW_UNITS}(?:乡镇|行政村|县市区|[县乡镇村])(?:\([^()]{{0,6}}\))?|{_POOR_UNITS})的?"
    rf"(?:{_POOR}|{_RATE_NOUN})?[^\d,;。、(]{{0,4}}$"
)
# A sentence opening on a few units as its topic ("项目覆盖的56个贫困村,贫困发生率由…") is about them.
_TOPIC_UNITS = re.compile(rf"[^,;。]*的{_A_FEW_UNITS}(?:乡镇|行政村|县市区|[县乡镇村]),")
# A partner region's figures in East-West or paired help ("扶贫协作任务涉及…共134万贫困人口").
# "结对帮扶的5个县" are the paired places, not the region.
_PARTNER = re.compile(r"扶贫协作|对口(?:支援|帮扶|援助|协作)|结对(?:帮扶)?的|援[藏疆]|受援|援助")
# What is left: an outcome even when the figure is a registered count ("剩余建档立卡贫困人口").
_LEFT_WORDS = "剩余|剩下|还剩|仅剩|只剩|尚有|还有|仍有"
_REMAINING = re.compile(rf"{_LEFT_WORDS}|未脱贫")
# The present ("截至2019年底,全县贫困发生率为2.6%"; a yearbook's "年末全县有贫困人口…", the end of
# the year it reports, not "2014年末")...
_NOW = re.compile(r"如今|目前|现有|现在|至今|截至|截止|(?<![\d年])年[末底]|(?<![比较])今年(?!以来)")
# ...and the past: "五年前,全县还有贫困人口5万人" is where it started, not what is left.
_PAST = re.compile(r"年前|曾经?|当时|那时")
# ...unless a total is stated after it: "截至2015年底,共有贫困人口约26万人,贫困发生率达9.3%",
# "现有建档立卡贫困户1085户".
_TOTAL = re.compile(r"建档立卡|立档建卡|识别|共有")
# A clause after a sentence's figures saying whose year's data they are: "…0.76%,这是2018年底的数据",
# "…0.76%(2018年统计数据)".
_DATA_OF = re.compile(r"[,(]\x20?(?:这是|以上为|以上是|均为)?(?P<year>\d{4})年[底末]?的?(?:统计)?数据")
# A time framing the next sentence, a heading or a sentence of its own: a year, no figure, short.
_TIME_FRAME = re.compile(r"(?=[^\n]*(?<!\d)\d{4}年)(?![^\n]*\d(?:%|[万千亿]?(?:户|人|名|个)))[^\n]{4,30}")
_FRAME_ENDS = "。!?\n"
# A time, and the noun of the poor or of their rate (see time_frame).
_TIME_RE = re.compile(_TIME)
_A_POOR_NOUN = re.compile(rf"{_RATE_NOUN}|{_POOR}")
# A heading naming the register, no figure: the lone counts under it are the register's totals.
_REGISTER_HEADING = re.compile(
    r"(?![^\n]*\d(?:%|[万千亿]?(?:户|人|名|个)))[^\n]{0,30}?(?:建档立卡|立档建卡)[^\n]{0,30}"
)
# A sentence after one of these goes on its statement; one of these ends it.
_STATEMENT_BREAKS = ";"
_STATEMENT_ENDS = "。\n"
# After a lone figure: it is the present, lower than before ("0.5%,比2014年下降18个百分点").
_FALL_AFTER = re.compile(r"[^。;]{0,3}?(?:比|较)[^。;,]{0,12}?(?:下降|降低|减少)")
# Words before a count of units (or of people written before their noun) that make it a stock.
# The clause before ends with a figure: a count stands in a list of figures.
_AFTER_A_FIGURE = re.compile(r"\d(?:%|[万千]?[户人个])?,$")
_STOCK = re.compile(r"有|共|辖|识别|确定|建档立卡|立档建卡|认定|分布")
# A figure right after a place name is that place's own ("向阳村贫困户161户"); 全村/该镇 is the region.
_OWN_PLACE = re.compile(r"(?<![全该本我此])(?:村|镇|乡|组)$")
# Words just before "贫困人口N人" that make it people lifted or helped, not a population.
_CHANGE_BEFORE = ("减少", "减", "实现", "帮助", "带动", "退出")
_LIFTED_AFTER = re.compile(rf"(?:已|已经)?(?:实现)?(?:稳定)?{_OUT_OF_POVERTY}")
# Between a poor noun and its figure only linking words stand: "贫困人口降至…" is not a stock,
# "贫困发生率低于3%" is a threshold, "分别为0.52%、0.81%" a list of units' figures, "贫困户王大爷家
# 5口人" one family, "贫困发生率最高的村达45%" the extreme one of its units...
_NOT_A_LINK = re.compile(
    rf"{_DOWN}|由|从|减少|下降|降低|脱贫|退出|低于|高于|控制|比|较|分别|家|最[高低多少大小]"
)
# A count bounding a class of units is no stock: "扶贫对象在2万人以上的县有8个", "贫困户50户以下的村".
_BOUND_OF_UNITS = re.compile(r"\x20?(?:以上|以下|以内|之间)的")
# ...and "贫困户及边缘户8642户" counts others too, "贫困人口中…" a part.
_OTHERS_IN_GAP = re.compile(r"及|和|与|或|中")
# A lifted figure counted over several years ("累计", "5年来", "2016年以来", up to "目前") beats one
# year's ("2019年一年就脱贫…" counts one).
_CUMULATIVE = re.compile(
    r"累计|以来|年来|年间|先后|总计|共计|共(?=有|脱贫|减贫|减少|实现)|全部|目前|截至|截止|至今|[比较]\d{4}年"
    r"|(?<![\d.])\d{1,2}年(?![底末初度\d])|[二三四五六七八九十]年|十一年"
)
_YEAR = re.compile(r"(?<!\d)(\d{4})年")
# A figure before another in its sentence: a cue of a period before it is that figure's ("全县共有
# 贫困人口11.6万人,当年减贫2.2万人" counts no period for the 2.2万).
_A_FIGURE = re.compile(r"\d(?:%|[万千亿]?(?:户|人|名|个))")
# Figures of several units, one each: "贫困发生率分别由81.2%、73.4%降至0.13%和0.58%".
_RESPECTIVELY = re.compile(r"分别")
# The last ones of a whole: "最后的7个贫困县全部摘帽", "最后1.16万名贫困群众全部脱贫".
_LAST_BATCH = re.compile(r"最后(?:的|一批)?")
# The time a draft is dated by: the last one written before its first figure.
# A year named by the page's own date, as written ("截至去年底", "今年"; the panel reads it by the
# publication date): not a comparison's ("比去年减少", "较去年同期").
_RELATIVE_YEAR = r"(?<![比较])(?:今|去)年(?:年?底|末|初)?(?!同期)"
_AS_OF = re.compile(rf"(?:截至|截止)?(?:{_TIME}|{_RELATIVE_YEAR}|如今|目前)")
_WRITTEN_YEAR = re.compile(rf"{_TIME}|{_RELATIVE_YEAR}")
# A time that opens a period rather than ending it: "2014年以来", "2014年起".
_SINCE_AFTER = re.compile(r"\x20?(?:以来|起|开始)")
# A range of years: "2014年至2019年", "2014—2019年", "2014至2019年".
_YEAR_RANGE = re.compile(rf"(?P<a>\d{{4}}(?:年(?:底|末|初)?)?)(?:至|到|—|-|~)(?P<b>{_TIME}|{_RELATIVE_YEAR})")
# Values listed in turn or each for its own (依次为, 分别为): of several times or units, not one.
_IN_TURN = re.compile(r"依次|分别")

# --- Rules: named patterns; groups a_/b_ are the from/to of a transition ------------------------

# Which field each group fills; "n", "n2", "n3" count villages or counties, by the rule.
_GROUP_FIELDS = {
    "hh": "households",
    "hh_only": "households",
    "hh_after": "households",  # after the people, in brackets
    "pp": "people",
    "rate": "incidence_rate",
    "rate2": "incidence_rate",  # a second way one pattern writes it
}
_UNIT_GROUPS = ("n", "n2", "n3", "n4", "n5", "n6", "n7")


def _unit_transition(noun: str) -> re.Pattern[str]:
    """'贫困村由176个减少到4个', '贫困行政村从517个减少到162个'."""
    return re.compile(
        rf"{noun}(?:数量?)?[^\d,;。]{{0,4}}?(?:由|从)(?P<a_when>{_WHEN})?\x20?(?P<a_n>{_UNITS_Q})"
        rf"{_GAP},?{_DOWN}(?P<b_when>{_WHEN})?\x20?(?P<b_n>{_UNITS_Q})"
    )


def _dated_after(prefix: str) -> str:
    """A transition's figure dated in brackets after it ("由39.86%(2013年底)下降到0.07%(2019年底)"):
    group ``{prefix}dated``, optional."""
    return rf"(?:\((?P<{prefix}dated>{_TIME})\))?"


# The start of a transition: "由2014年底的", "从", or a stated figure ("为", "2014年为", "有").
_FROM = rf"(?:,?(?:由|从)(?P<a_when>{_WHEN})?{_GAP}|(?:{_TIME})?(?:为|是|达|高达|有|共有)?)"
# A later fall in the next clause, which names no figure of its own before it: "…,2019年进一步
# 下降至0.4%", "…下降了12个百分点,降至0.5%", "…,到2019年底已减少到1200人", "…,2019年为0.3%"; or
# in the next statement after ";" (_join_continued): "…2013年底为39.86%;2019年底下降到0.07%".
# (What may open that later fall: a time, and words of going on; _ELIDED_FALL opens so too.)
_LATER = rf"(?:到|至|截至)?(?:{_TIME})?,?"
_GOING_ON = "又|再|进一步|继续|已|已经|则"
_FURTHER = rf"[^,;。]*?[,;](?P<b_when>{_LATER}(?:{_GOING_ON}|更是)*)(?:{_DOWN}|(?<=[年底末])(?:为|是))"
# A rate's noun and what may stand before its figure: "贫困发生率", "全县的贫困发生率也,".
_RATE_LEAD = rf"{_RATE_NOUN}[^\d%,;。]{{0,8}}?"
_RATE_FROM = r"(?:,[^\d%,;。]{0,4}?)?(?:由|从)"  # "贫困发生率,已经从…"

# One more dated figure of a series: ",2016年减至4.1万人", ",2019年底仅剩3216人", ",2015年为24.1%".
_SERIES_STEP = (
    rf",(?P<b_when>{_TIME})(?:又|再|进一步|继续|已|已经|则|仅|只)*(?:{_DOWN}|为|是|有|剩|仅剩|只剩)?"
)
# A list after a fall or a year range: "…、906户和118户", "25.4%、21.3%、…、1.08%".
_LIST_SEP = r"(?:、|,|和|及)"


def _series_down(group: str, figure: str) -> re.Pattern[str]:
    """A fall to a list, one figure a year: "由9562户逐年减少到7014户、4870户…和118户" (the last is the
    outcome). A figure its own verb follows is a clause of its own, not the list's ("…减少到1200人,
    4.38万人脱贫")."""
    return re.compile(
        rf"(?:由|从)(?P<a_when>{_WHEN})?{_GAP}\x20?(?P<a_{group}>{figure})(?:逐年|逐步|依次|分别)?{_DOWN}"
        rf"(?:{figure}{_LIST_SEP})+\x20?(?P<b_{group}>{figure})(?!{_LIFTED_AFTER.pattern})"
    )


def _dated_pair(noun: str, first: str, second: str) -> re.Pattern[str]:
    """A table row flattened, each figure after its year: "贫困人口【2014年】3.06万人【2019年】0.12万人",
    "贫困户 2014年 8216户 2019年 83户" (``first`` and ``second`` are the two figures' groups)."""
    return re.compile(
        rf"{noun}[\x20:【\[]*(?P<a_when>{_TIME})[\x20:】\]]*{first}[\x20,;、]*[【\[]?"
        rf"(?P<b_when>{_TIME})[\x20:】\]]*{second}"
    )


# "贫困发生率依次为16.2%、9.0%、4.6%" after two years or a year range: the first is the baseline.
_RATE_SERIES = rf"{_RATE_Q}(?:{_LIST_SEP}{_RATE_Q})*{_LIST_SEP}"
_TRANSITIONS = {
    # Series first, so their last figure is the outcome: "2014年贫困人口为6.8万人,2016年减至4.1万人,
    # 2018年减至1.2万人,2019年底仅剩3216人", "贫困发生率2014年为28.5%,…,2019年为1.2%".
    "people_series": re.compile(
        rf"{_POOR}[^\d%,;。]{{0,6}}?(?:{_TIME})?(?:为|有|是|共有|达)?{_hh_pp('a_')}(?:{_SERIES_STEP}{_hh_pp('b_')})+"
    ),
    "rate_series": re.compile(
        rf"{_RATE_LEAD}(?:{_TIME}(?:为|是|达))?\x20?(?P<a_rate>{_RATE_Q})"
        rf"(?:{_SERIES_STEP}\x20?(?P<b_rate>{_RATE_Q}))+"
    ),
    "rate_series_listed": re.compile(
        rf"(?P<a_when>{_TIME})[^。;]*?(?P<b_when>{_TIME})[^。;]*?{_RATE_NOUN}(?:分别|依次)(?:为|是)"
        rf"\x20?(?P<a_rate>{_RATE_Q}){_LIST_SEP}(?:{_RATE_Q}{_LIST_SEP})*\x20?(?P<b_rate>{_RATE_Q})"
    ),
    "households_down_to_a_list": _series_down("hh", _HH),
    "people_down_to_a_list": _series_down("pp", _PP),
    # A table row flattened, each figure after its year (_dated_pair).
    "people_dated_pair": _dated_pair(_POOR, _hh_pp("a_"), _hh_pp("b_")),
    "households_dated_pair": _dated_pair(_POOR, rf"(?P<a_hh>{_HH})", rf"(?P<b_hh>{_HH})"),
    "rate_dated_pair": _dated_pair(_RATE_NOUN, rf"(?P<a_rate>{_RATE_Q})", rf"(?P<b_rate>{_RATE_Q})"),
    # The earlier figure a later one is compared with: "比2014年的9.3万人下降了88%", "较2014年建档立卡
    # 时的8.1万人减少了7.95万人" (a year is needed: "比上年" names no figure).
    "compared_with_before": re.compile(
        rf"(?:比|较)(?P<a_when>{_TIME}[^,;。\d%]{{0,6}}?的?){_hh_pp('a_')}(?:下降|减少|降低)"
    ),
    # The latest fall is the outcome: "贫困发生率由15.8%下降到2.1%,2019年进一步下降至0.4%".
    "rate_then_further_down": re.compile(
        rf"{_RATE_LEAD}{_FROM}\x20?(?P<a_rate>{_RATE_Q}){_FURTHER}\x20?(?P<b_rate>{_ZERO_RATE})"
    ),
    "people_then_further_down": re.compile(
        rf"{_POOR}[^\d%,;。]{{0,6}}?{_FROM}{_hh_pp('a_')}{_FURTHER}{_hh_pp('b_')}"
    ),
    "transition_people": re.compile(
        rf"(?:由|从)(?P<a_when>{_WHEN})?{_GAP}{_hh_pp('a_', _PP_OR_BARE)}{_dated_after('a_')}"
        rf"{_GAP},?{_OVER_TIME}?{_DOWN}(?P<b_when>{_WHEN})?{_GAP}{_hh_pp('b_', _PP_OR_BARE)}"
        rf"{_dated_after('b_')}"
    ),
    "transition_households": re.compile(
        rf"(?:由|从)(?P<a_when>{_WHEN})?{_GAP}\x20?(?P<a_hh>{_HH})(?!{_SEP}{_NUM}[人名]){_dated_after('a_')}"
        rf"{_GAP},?{_OVER_TIME}?{_DOWN}(?P<b_when>{_WHEN})?{_GAP}\x20?(?P<b_hh>{_HH}){_dated_after('b_')}"
    ),
    # "有贫困人口4.5万人,到2019年底减少到1200人".
    "people_then_down": re.compile(
        rf"{_POOR}(?:为|有|共有|共|达)?{_hh_pp('a_')},?(?:到|至)?(?P<b_when>{_WHEN})?{_DOWN}{_hh_pp('b_')}"
    ),
    # "贫困发生率,已经从31.8%,降到了1.93%", "贫困发生率从16.1%到0.2%" (two rates need no verb).
    "transition_rate": re.compile(
        rf"{_RATE_LEAD}{_RATE_FROM}(?P<a_when>{_WHEN})?{_GAP}\x20?(?P<a_rate>{_RATE_Q}){_dated_after('a_')}"
        rf"[^\d,;。]{{0,4}}?,?(?:{_DOWN}|到|至)(?P<b_when>{_WHEN})?{_GAP}\x20?(?P<b_rate>{_ZERO_RATE})"
        rf"{_dated_after('b_')}"
    ),
    # "贫困发生率为11.64%,到2019年底下降至0.37%".
    "rate_then_down": re.compile(
        rf"{_RATE_NOUN}(?:为|是|达|高达)?\x20?(?P<a_rate>{_RATE_Q}),?(?:到|至)?(?P<b_when>{_WHEN})?{_DOWN}"
        rf"\x20?(?P<b_rate>{_ZERO_RATE})"
    ),
    "transition_villages": _unit_transition(_VILLAGE),
    "transition_counties": _unit_transition(_COUNTY),
    # Only the start written as a transition ("贫困发生率由23.1%下降了22.5个百分点"): the baseline.
    "people_from": re.compile(rf"{_POOR}[^\d,;。]{{0,6}}?(?:由|从)(?P<a_when>{_WHEN})?{_GAP}{_hh_pp('a_')}"),
    "rate_from": re.compile(rf"{_RATE_LEAD}{_RATE_FROM}(?P<a_when>{_WHEN})?{_GAP}\x20?(?P<a_rate>{_RATE_Q})"),
    # The subject after the transition: "由2014年的27.3%下降为2019年的0.98%,这是施甸县贫困发生率的变化".
    "rate_transition_then_subject": re.compile(
        rf"(?:由|从)(?P<a_when>{_WHEN})?{_GAP}\x20?(?P<a_rate>{_RATE_Q}){_GAP},?{_DOWN}(?P<b_when>{_WHEN})?{_GAP}"
        rf"\x20?(?P<b_rate>{_ZERO_RATE}),这(?:是|就是)[^,;。]{{0,12}}?{_RATE_NOUN}"
    ),
}
# A table row of one field: its label, its unit in brackets, its cells ("—" for none).
_TABLE_CELL = re.compile(rf"(?<=[|\t\x20]){TABLE_CELL}(?=$|{TABLE_SEPARATOR})")
_TABLE_ROW = re.compile(
    rf"(?P<label>[^|\t\d()]{{1,24}}?)\x20*(?P<cells>\((?P<unit>{TABLE_UNIT})\)"
    rf"(?:(?:{TABLE_SEPARATOR}){TABLE_CELL})+)\x20*"
)
# Its header: a label, then the years of the columns.
_TABLE_HEADER = re.compile(rf"[^|\t\d]{{1,12}}?(?P<years>(?:(?:{TABLE_SEPARATOR})\d{{4}}年?)+)")
# A fact sheet's line: a label, its unit in brackets and its value ("贫困人口(户/人):10 236/38 845").
_LABELLED = re.compile(
    rf"(?P<noun>{_POOR}|{_RATE_NOUN}|{_VILLAGE}|{_COUNTY}|(?P<lifted>(?:累计)?(?:脱贫|减贫)))(?:数|个数|人数)?"
    rf"(?P<cells>{LABELLED_CELL})"
)
# The time opening a fact sheet's line: "2014年底,", "截至2019年底,".
_LINE_TIME = re.compile(rf"(?:截至|截止|到)?(?P<time>{_TIME})")
# A data portal's record: "指标名称:贫困人口" names the indicator of the lines below it, "基期(2014年):
# 2.8万户 10.46万人" its start, "现期(2019年):312户 1108人" where it is now, "变化:减少10.35万人" the fall.
_RECORD_NAME = re.compile(r"指标(?:名称)?\x20*:\x20*(?P<name>\S{2,12})")
_RECORD_VALUE = re.compile(
    r"(?P<part>基期|期初|现期|期末|变化)(?:\(\d{4}年?(?:底|末)?\))?\x20*:\x20*(?P<values>\S.*)"
)
_RECORD_PARTS = {"基期": "baseline", "期初": "baseline", "现期": "outcome", "期末": "outcome"}
_RECORD_UNITS = {"户": "households", "人": "people", "%": "incidence_rate"}
# Rules whose two figures are dated each: a later year before an earlier one is no fall.
_DATED_EACH = frozenset(
    {"people_dated_pair", "households_dated_pair", "rate_dated_pair", "rate_series_listed"}
)
# Series of dated figures: their years may run back (series_back_in_time).
_SERIES = frozenset({"people_series", "rate_series"})
# Rules whose subject is named after the figures: whose they are is read there.
_SUBJECT_AFTER = frozenset({"rate_transition_then_subject"})
_TRANSITION_UNITS = {"transition_villages": "poor_villages", "transition_counties": "poor_counties"}

# What is left: always the outcome. "剩余", "尚有未脱贫", "未脱贫" before the count.
_LEFT_WORD = rf"(?:(?:{_LEFT_WORDS})(?:未脱贫)?|未脱贫)"
_LEFT = {
    "poor_down": re.compile(rf"{_POOR}[^\d,;。]{{0,2}}{_DOWN}(?:{_WHEN})?{_hh_pp()}"),
    # "贫困人口2016年底减少到35.7万人,…,2019年底减少到1.6万人": dated falls, the last one's figure; the
    # first is no start (it fell to it).
    "poor_dated_down": re.compile(
        rf"{_POOR}[^\d%,;。]{{0,4}}?{_TIME}{_DOWN}(?:{_hh_pp('a_')}{_SERIES_STEP})*{_hh_pp()}"
    ),
    # "未脱贫4户10人", "现剩余未脱贫人口43户138人", "2019年底剩余1680人": the 贫困人口 noun unwritten.
    # "其中未脱贫户12户31人" is what is left of the total before it, not a breakdown.
    # "未脱贫人口降至263户601人" too.
    "remaining_count": re.compile(
        rf"(?:其中)?{_LEFT_WORD}(?:的)?(?:贫困)?(?:人口|户)?(?:{_POOR})?{_QUALIFIER}?(?:{_DOWN}|为|有|共)?{_hh_pp()}"
    ),
    # "312户786人尚未脱贫": the count before the words.
    "count_not_out": re.compile(rf"{_hh_pp()}(?:{_POOR})?(?:尚|还|仍)?(?:未|没有)(?:实现)?脱贫"),
    # "还有两千八百多户没有脱贫": households alone, before the words.
    "households_not_out": re.compile(
        rf"(?:{_LEFT_WORDS})\x20?(?P<hh_only>{_HH})(?:{_HH_NOUN})?(?:尚|还|仍)?(?:未|没有)(?:实现)?脱贫"
    ),
    # "未脱贫户120户,未脱贫人口325人": households on their own.
    "remaining_households": re.compile(
        rf"{_LEFT_WORD}(?:贫困)?户(?:为|有|共)?\x20?(?P<hh_only>{_HH})(?![\d、,\x20]*{_NUM}[人名])"
    ),
    # "贫困发生率为0", "贫困发生率归零": a rate of zero is what the region reached.
    "rate_zero": re.compile(
        rf"{_RATE_NOUN}(?:已|已经)?(?:(?:为|是)\x20?(?P<rate>(?<![\d.])(?:0|零)(?![\d.%点]))|[归清]\x20?(?P<rate2>零))"
    ),
    "rate_down": re.compile(
        rf"{_RATE_NOUN}[^\d,;。]{{0,4}}?(?:到{_WHEN})?{_DOWN}(?:{_WHEN})?\x20?(?P<rate>{_ZERO_RATE})"
    ),
    # "贫困发生率下降了15.2个百分点,降至0.8%", "贫困发生率累计下降12个百分点至0.5%".
    "rate_down_by_points": re.compile(
        rf"{_RATE_NOUN}[^\d,;。]{{0,6}}?{_NUM}个百分点,?(?:{_DOWN}|至|到)\x20?(?P<rate>{_ZERO_RATE})"
    ),
}

# A lone count or rate: baseline or outcome by its cues and date.
_STATEMENTS = {
    "poor_count": re.compile(
        rf"{_POOR}(?:数)?(?:\([^()]{{0,12}}\)|{_QUALIFIER})?(?P<gap>[^\d,;。]{{0,4}}?(?:{_TIME}(?:的|为|是|有|达)?)?)"
        rf"(?=[近约超逾]?[\d一二两三四五六七八九十])"
        rf"\x20?(?P<hh>{_HH})?(?:{_HH_THEN_TOTAL}(?:{_POOR}(?:数)?(?:为|有|共|达)?|{_TOTAL_WORD})?\x20?(?P<pp>{_PP}|{_BARE}(?=[,、;。]|$)){_hh_after()})?"
    ),
    # "有1845个贫困村、29万贫困人口", "立档建卡时有268户贫困户": the count before its noun.
    "count_before_noun": re.compile(
        rf"{_hh_pp(people=_PEOPLE_BEFORE_NOUN)}(?=[,;。、]|$)|\x20?(?P<hh_only>{_HH}){_HH_NOUN}(?=[,;。、]|$)"
    ),
    # "全县合计17785户69823人" after a list by township: the whole region's total.
    "total_of_a_list": re.compile(rf"全[县市区州省旗盟](?:共)?(?:合计|总计)\x20?{_hh_pp()}"),
    # "812口人中有117户462人贫困".
    "count_then_poor": re.compile(rf"有{_hh_pp()}贫困(?=[,;。]|$)"),
    # "全县共有贫困群众3.2万人": 贫困群众 is a stock after a stock word (not "…3.2万人脱贫").
    "masses_stock": re.compile(rf"(?:共有|有)贫困群众\x20?(?P<pp>{_PP})(?!{_LIFTED_AFTER.pattern})"),
    # "贫困发生率为18.9%", "贫困发生率曾经高达11.3%".
    "rate": re.compile(
        rf"{_RATE_NOUN}{_QUALIFIER}?(?P<gap>[^\d%,;。]{{0,6}}?(?:{_TIME}(?:的|为|是|达)?)?)\x20?(?P<rate>{_RATE_Q})(?!{_DOWN})"
    ),
    # "扶贫对象为28.4137万人,占全盟乡村户籍人口的37.62%"; a share of the province's poor is not.
    "rate_share_of_population": re.compile(
        rf"(?:{_POOR})[^。;]{{0,20}}?占(?:(?!贫困)[^。;,]){{0,8}}?人口(?:总数)?(?:的)?(?:比例|比重)?(?:为|达到|达|是)?"
        rf"\x20?(?P<rate>{_RATE_Q})"
    ),
}
# The rules of _LEFT that read a word of what is left (剩余, 还有, 未脱贫), not a fall.
_LEFT_WORDED = frozenset({"remaining_count", "count_not_out", "remaining_households", "households_not_out"})
# Rates are of the whole region: sub-group cues ("为", "对"...) do not apply to them.
_RATE_RULES = frozenset({"rate", "rate_share_of_population", "rate_down", "rate_down_by_points", "rate_zero"})

# A data card's line, its value first and its label after ("▶ 92.6万人 2014年全市建档立卡贫困人口",
# "◆ 5个:剩余未摘帽县", "1.25%——2019年底贫困发生率"): the label says the field and when. It holds only
# a time, a place (the region's, checked), a cue and the field's noun, so the card's other lines
# (relocated, jobs, training, money) are not read; a value without its unit cannot be proved.
_CARD_LINE = re.compile(
    rf"(?P<bullet>[▶►◆◇●○■□★☆•·])?\x20*(?P<value>{_NUM}\x20?(?:%|[万千]?(?:人(?!次)|户|名)|个))"
    r"(?P<sep>\x20*[:—]+\x20*|\x20+)?"
    rf"(?P<time>(?:截至|截止|到)?{_TIME}(?P<since>以来)?)?(?P<place>[^\d,;。:]{{0,12}}?)"
    rf"(?P<cue>{_LEFT_WORD}|累计)?"
    rf"(?:(?P<noun>{_POOR}|{_RATE_NOUN}|{_VILLAGE}|{_COUNTY})"
    rf"|(?P<not_out>{'|'.join(nouns[1] for nouns in _UNIT_NOUNS.values())})"
    r"|(?P<lifted>(?:已|已经)?(?:脱贫|减贫)(?:人口|人数)?|减少(?:的)?贫困人口))"
    r"(?:数|数量|总数|个数)?(?=[,;。]|$)"
)
# A card's count of units not yet out ("未摘帽县"), by the field it counts.
_CARD_NOT_OUT = {re.compile(nouns[1]): name for name, nouns in _UNIT_NOUNS.items()}
# People lifted; "pp" is the figure, "hh" its households when written.
# "脱贫人口达到4.3万人", "减贫人数为3820人", "累计减贫:5.2万人"; a word of the total may come before
# the link ("脱贫人口累计达155.4万人", "减贫人数共计为3820人").
_AMOUNTS_TO = r"(?:共计|累计|总计|合计|共)?(?:为|达到|达|:)?"
_LIFTED = {
    # "117户462名贫困人口,于2018年3月全部脱贫": also the baseline (ANNOTATION.md).
    # "全县12000户贫困户全部脱贫": households alone give the baseline only.
    "lifted_all": re.compile(
        rf"(?:{_hh_pp()}|\x20?(?P<hh_only>{_HH}){_HH_NOUN})(?:{_POOR})?(?:[^,。;\d]{{0,6}}?|,于[^,。;]{{0,10}}?|已?于{_TIME})"
        rf"(?:全部|全面|均已?|已全部)(?:实现)?{_OUT_OF_POVERTY}"
    ),
    # "其中已脱贫612户2201人": the part of the registered total that is out.
    "lifted_already": re.compile(rf"(?:其中)?已脱贫的?(?:{_POOR})?{_AMOUNTS_TO}{_hh_pp()}"),
    # "脱贫591.73万人", "累计脱贫1523户6890人", "脱贫人口8478人", "退出贫困户1174户3968人",
    # "退出贫困家庭72户171人".
    "lifted_exited": re.compile(
        rf"(?<!未)(?:脱贫(?:退出|出列)?(?:人口|人数)?|(?:脱贫)?退出(?=贫困|建档立卡|立档建卡))(?:{_POOR})?{_QUALIFIER}?{_AMOUNTS_TO}"
        rf"{_hh_pp()}"
    ),
    "lifted_reduced_poverty": re.compile(rf"减贫(?:人口|人数)?{_AMOUNTS_TO}{_hh_pp()}"),
    # "减少农村贫困人口438万人", "累计减少贫困人口1256户4321人", "减少贫困群众2.86万人",
    # "减少贫困人口共计2.86万人".
    "lifted_fewer_poor": re.compile(rf"减少了?(?:{_POOR}){_AMOUNTS_TO}{_hh_pp()}"),
    # "贫困人口减少了2.6万人", "贫困人口共减少2.86万人": a fall by a figure (not to it, _DOWN).
    "lifted_poor_fewer": re.compile(rf"{_POOR}(?:累计|共计|共|净)?减少了?\x20?(?P<pp>{_PP})"),
    # "累计减少9348万人", "…减少到850人,减少了3.8万人", "比上年末减少1109万人".
    # "较2014年的8.1万人减少了7.95万人".
    "lifted_fewer_than_before": re.compile(
        rf"(?:比|较){_TIME}[^,;。\d%]{{0,6}}?的?{_PP}减少了?\x20?(?P<pp>{_PP})"
    ),
    # "比2014年减少12.9万人": fewer than in a base year, so lifted since then.
    "lifted_fewer": re.compile(
        rf"(?:累计|(?<=,)(?:共计?)?|(?:比|较)(?:上年(?:末|底)?|{_TIME})|{_YEARS_SINCE})减少了?\x20?(?P<pp>{_PP})"
    ),
    "lifted_poor_exited": re.compile(rf"(?:{_POOR})(?:实现)?脱贫\x20?(?P<pp>{_PP})"),
    # "7482人脱贫", "30.9万贫困人口脱贫", "2.38万贫困人口稳定脱贫".
    "lifted_people_exited": re.compile(
        rf"{_hh_pp()}(?:{_POOR})?(?:已|如期|顺利|稳定|实现|了)*{_OUT_OF_POVERTY}"
    ),
}


# A few places named in a row: "镇雄县", "紫云、关岭", "威宁、纳雍等".
_NAMED = r"(?:[\u4e00-\u9fff]{2,8}[、和])*[\u4e00-\u9fff]{2,8}?等?"  # no unit's noun: a list of names
# All the units of a region, poor or not: "12个行政村", "7个县(区)", "11个旗县市区".
_ALL_UNITS = r"(?:行政村|村|嘎查村|旗?县(?:市区|市|区)?(?:\([^()]{0,6}\))?|县级行政区)"


def _unit_statements(
    noun: str, not_out: str, unit: str, exit_: str
) -> dict[str, tuple[re.Pattern[str], str | None]]:
    """The ways a count of poor villages (or counties) is written: rule name -> (pattern, the part
    it always gives, or None when the words around the count decide)."""
    # What follows the count is looked at, not consumed: "最后7个贫困村出列,全县46个贫困村全部退出"
    # holds two counts. Enough of it for the time of an exit: "已于2019年12月全部退出".
    after = r"(?=(?P<post>[^。;]{0,16}))"
    return {
        # A bracket qualifying the noun stands between it and what is said of it ("71个贫困村(含深度
        # 贫困村12个)全部出列").
        "count_first": (re.compile(rf"\x20?(?P<n>{_UNITS_Q})(?P<noun>{noun}){_QUALIFIER}?{after}"), None),
        "noun_first": (
            re.compile(
                rf"(?P<noun>{noun})(?:数量?|总数)?{_QUALIFIER}?(?:为|共有|有|共|达|:)?\x20?(?P<n>{_UNITS_Q}){after}"
            ),
            None,
        ),
        # First, so the whole beats a part of it ("8个县市全部是贫困县,其中7个是重点县").
        # "辖9个行政村,均为贫困村", "所辖7个县(区)均为国家级贫困县".
        "all_units_poor": (
            re.compile(rf"\x20?(?P<n>{_UNITS_Q}){_ALL_UNITS},?(?:均|全部|全)(?:为|是|属于?){noun}"),
            "baseline",
        ),
        # "全州4个县(市)均为深度贫困县": deep-poor ones are poor ones, so all of them were poor.
        "all_units_deep_poor": (
            re.compile(rf"\x20?(?P<n>{_UNITS_Q}){_ALL_UNITS},?(?:均|全部|全)(?:为|是|属于?)深度贫困{unit}"),
            "baseline",
        ),
        # "3956个行政村中1874个是贫困村", "其中9个是国家级贫困县", "14个县中有9个为贫困县", "辖12个
        # 行政村,其中贫困村8个", "17个县市中有11个国家扶贫开发重点县" (not "…中有3个贫困村出列"):
        # the poor ones among all the units.
        "share_of_units": (
            re.compile(
                rf"(?:其中|中)有?\x20?(?P<n>{_UNITS_Q})(?:是|为){noun}|(?:其中|中有){noun}(?:为|有|共)?\x20?(?P<n2>{_UNITS_Q})"
                rf"|中有\x20?(?P<n3>{_UNITS_Q}){noun}(?![^。;,]{{0,6}}(?:{exit_}))"
            ),
            "baseline",
        ),
        # "74个县(区)全部脱贫摘帽", "46个村全部出列": only poor ones exit, so all of them were poor.
        "all_units_exited": (
            re.compile(
                rf"\x20?(?P<n>{_UNITS_Q}){unit},?(?:已经?|均已)?(?:全部|均|全)(?:实现)?(?:脱贫)?(?:{exit_})"
            ),
            "baseline",
        ),
        # "剩余100个贫困村", "新疆聚焦10个未摘帽县", "尚有威宁、纳雍等4个县未摘帽".
        "remaining_units": (
            re.compile(
                rf"(?:{_LEFT_WORDS})\x20?(?P<n>{_UNITS_Q}){noun}|\x20?(?P<n2>{_UNITS_Q}){not_out}"
                rf"|{not_out}(?:为|有|共)?\x20?(?P<n3>{_UNITS_Q})|\x20?(?P<n4>{_UNITS_Q}){unit}(?:尚|还|仍)?未(?:{exit_})"
                # "剩余贫困县仅镇雄县1个", "剩余紫云、关岭2个县": what is left, named before its count.
                rf"|(?:{_LEFT_WORDS})(?:{noun}(?:仅|只|为)?{_NAMED}\x20?(?P<n5>{_UNITS_Q})|{_NAMED}\x20?(?P<n6>{_UNITS_Q}){unit})"
                r"(?=[,;。]|$)"
                # "全县原有贫困村123个,至2019年底已出列101个,剩余22个": the noun named before in the sentence.
                rf"|{noun}[^。;]*?,(?:{_LEFT_WORDS})\x20?(?P<n7>{_UNITS_Q})(?=[,;。]|$)"
            ),
            "outcome",
        ),
        # "剩余望谟、册亨2个深度贫困县尚未摘帽": what is left of the poor ones, whatever their depth.
        "remaining_deep_poor": (
            re.compile(rf"(?:{_LEFT_WORDS})(?:{_NAMED})?\x20?(?P<n>{_UNITS_Q})深度贫困{unit}"),
            "outcome",
        ),
        # "9个已脱贫摘帽县区,剩余1个县区": what is left beside the ones that exited (only poor ones exit).
        "remaining_beside_exits": (
            re.compile(
                rf"(?:{exit_}){unit}[^。;]*?,(?:{_LEFT_WORDS})\x20?(?P<n>{_UNITS_Q})(?:{unit})?(?=[,;。]|$)"
            ),
            "outcome",
        ),
    }


_UNIT_RULES = {name: _unit_statements(*nouns) for name, nouns in _UNIT_NOUNS.items()}
# Why a count of units is the baseline though its statement reports an exit (its time is the exit's).
_ALL_EXITED_REASON = "all exited (全部)"
_PART_CHANGED_REASON = "the total a part of which changed"
_EXIT_REASONS = (_ALL_EXITED_REASON, _PART_CHANGED_REASON)
# The rule tables as tried on a sentence (literals.Table: the literals their patterns need are
# checked once per sentence, not pattern by pattern); a unit's rules are named by (unit, form).
_TRANSITIONS_TABLE = literals.Table(_TRANSITIONS)
_LEFT_TABLE = literals.Table(_LEFT)
_STATEMENTS_TABLE = literals.Table(_STATEMENTS)
_LIFTED_TABLE = literals.Table(_LIFTED)
_UNITS_TABLE = literals.Table(
    {(name, form): pattern for name, rules in _UNIT_RULES.items() for form, (pattern, _) in rules.items()}
)
# After "N个贫困村" (or "贫困村N个,"): all of them exited, so N is how many there were ("已全部出列",
# "现已全部脱贫出列"), the time of the exit between ("已于2019年底全部出列", "已于当年全部摘帽").
_EXIT_TIME = rf"(?:于|在)?(?:{_TIME}|当年|同年|年内|今年|去年|上年)"
_ALL_EXITED = re.compile(rf"^,?(?:已经?)?(?:{_EXIT_TIME})?(?:现|目前)?(?:已经?)?(?:全部|均|整体|全面)")
# After "N个贫困村": part of them did something, so N is the total ("有156个整村退出", "将退出近10万个",
# "贫困村45个,已出列38个"); the part's count in digits or in Chinese numerals ("有一百五十六个整村退出").
_PART_COUNT = rf"(?:\d|{_CN}\x20?个)"
_PART_OF_TOTAL = re.compile(
    rf"^(?:中有|中|有|将(?:减少|退出))[^,;。]{{0,3}}?{_PART_COUNT}|^,(?:已经?|累计|先后)?(?:出列|退出|摘帽|销号)了?{_PART_COUNT}"
)
# After "N个贫困村": this many exited, a flow ("2019年286个贫困村出列"); "之一" names one of them.
_FLOW_AFTER = re.compile(
    r"^[“\"]?(?:已经?|顺利|成功|有效|率先|先后|相继|陆续|实现了?|完成)*(?:脱贫)?[“\"]?"
    r"(?:出列|退出|摘帽|销号|脱贫|达到|通过)|^之一"
)
# "国家级贫困村25个,省级贫困村13个", "20个国家级贫困县和15个省级贫困县": each count is one rank of
# poor units, and their total is not stated.
_RANK = r"(?:国家级|省级|省定|市级|市定|县级|国定)"
_ANOTHER_RANK_AFTER = re.compile(rf"^[,、和及与](?:\d+\x20?个)?{_RANK}")
_ANOTHER_RANK_BEFORE = re.compile(
    rf"(?:{_RANK}贫困[^\d,、]{{0,3}}\d+\x20?个|\d+\x20?个{_RANK}贫困[^\d,、]{{0,3}})[,、和及与]$"
)
# Before "贫困村N个": a flow ("去年再出列贫困村3个").
_FLOW_BEFORE = re.compile(r"出列|退出|摘帽|销号")
_WHOLE_REGION = re.compile(r"[全该我本][县市区省州乡镇旗盟]$")


# --- Whose figure: the region's, or another place's ---------------------------------------------

# A self-reference (全省, 我县, 该镇, 本村) names the region when the region's name ends in its kind
# (全县 in a report on 西吉县, 全区 on 巴州区 or 西藏自治区), otherwise a place that holds it or lies
# in it ("全省" in a county report, "全村" in one village's story within it).
# A place that files the report, acts or helps is not what a figure is about: before a date
# ("新华社南昌3月10日电"), before a body ("甘肃省委", "省扶贫办"), inside a frame of agency or source
# ("在福建省的对口帮扶下,", "在甘肃省委、省政府的坚强领导下,", "据江西省扶贫办统计,").
_DATELINE_AFTER = re.compile(r"\d{1,2}月\d{1,2}日")
_BODY_AFTER = re.compile(
    r"[省市县区州盟旗]?(?:委|政府|党委|人大|政协|扶贫(?:办|局|开发(?:办|局|领导小组)|部门)|乡村振兴局"
    r"|财政|民政|发改|统计|日报|晚报|电视台|新闻网|融媒体中心)"
)
_FRAME = re.compile(r"在[^,;:。!?]*的[^,;:。!?]*下|据[^,;:。!?]*(?:统计|消息|介绍|了解|显示|报道|数据)")
_CLAUSE_MARKS = ",;:。!?\n"  # what ends a clause
# One mark, not the comma of a number grouped by threes (25,586户), which ends no clause.
_CLAUSE_MARK = re.compile(f"(?!{GROUPING_COMMA.pattern})[{re.escape(_CLAUSE_MARKS)}]")
# A clause opens with what it is about, after a time, a preposition, a verb of looking over, a
# neighbour's or partner's mark, 其中 or a modifier ending in 的 at most ("至此,宁夏…", "在广东河源市…",
# "2013年全镇…", "放眼全州,…", "与之相邻的会泽县…"); a place after other words is not its subject
# ("也是麦积区唯一…", "占全国…").
_NEIGHBOUR = rf"(?:与之|与其|与本[县市区])?(?:{NEIGHBOUR_WORDS}|接壤)的"
# ...or a partner's mark, as a neighbour's: "结对帮扶的会宁县贫困发生率…" is about the partner.
_PAIRED = r"(?:结对(?:帮扶)?|对口(?:帮扶|支援|协作))的"
# ...or what picks a part out of a whole: 其中 ("其中临洮县贫困发生率…"), or a modifier ending in 的, as
# Chinese puts it before the noun it qualifies ("全市最偏远的临洮县", "甘肃省唯一的…"): the place after
# it is the head of the subject.
_PART_OF = r"其中|[^\d,;:。]{1,10}?的"
_SUBJECT_LEAD = re.compile(
    rf"(?:{_TIME}|截至|截止|至此|同期|今年|去年|目前|如今|近年来|放眼|纵观|综观|{_NEIGHBOUR}|{_PAIRED}|{_PART_OF}"
    r"|[在据到至从自就\s])*"
)


# A bracketed aside (normalized brackets): what it notes is said of the word right before it.
_ASIDE_OPENS, _ASIDE_CLOSES = "(", ")"


@dataclass(frozen=True, slots=True)
class _Place:
    start: int  # offsets in the cleaned text
    end: int
    text: str
    other: bool  # neither the region nor a place inside it: its figures are not the region's
    # A county of the region: a member, not the owner, of a count of counties before which it is
    # named ("剩余通渭县1个贫困县", "尚有威宁、纳雍等4个县未摘帽" in a prefecture's report).
    county_inside: bool = False


class _Scope:
    """The places an article names, to tell the main region's figures from those of a place that
    holds it, lies in it, helps it or borders it ("宁夏9个贫困县全部摘帽" in a county report, "湖南全省
    贫困人口…" on a village's page, "井冈山市贫困人口…" in a province's)."""

    def __init__(self, document: Document, region: Region | None) -> None:
        self.text = document.text
        self.clauses = _Clauses(document.text)
        self.places = _places(document.text, region, self.clauses)
        self.starts = [p.start for p in self.places]

    def other_place(self, sentence: Sentence, position: int, counties: bool = False) -> str | None:
        """The other place a figure at ``position`` (in the sentence) is said of, or None: the last
        place named in its clause, else the last one opening a clause of the sentence before it.
        A count of ``counties`` is not said of the region's counties it names. A bracket notes what
        the word right before it names: its figures are a place's named right there ("青山镇(贫困户
        120户)"), else not of a place named earlier in the clause ("是金寨县71个贫困村之一(贫困户…)")."""
        at = sentence.start + position
        before = self.places[bisect_left(self.starts, sentence.start) : bisect_left(self.starts, at)]
        if counties:
            before = [p for p in before if not p.county_inside]
        clause = self._clause_start(sentence, at)
        aside = self.text.rfind(_ASIDE_OPENS, clause, at)
        if aside >= 0 and _ASIDE_CLOSES not in self.text[aside:at] and all(p.end != aside for p in before):
            clause = aside + 1
        subject = next((p for p in reversed(before) if p.start >= clause), None) or next(
            (p for p in reversed(before) if self._opens_a_clause(sentence, p)), None
        )
        return subject.text if subject is not None and subject.other else None

    def region_ends_at(self, at: int) -> bool:
        """Whether the region is named right before ``at`` ("望湖村贫困户93户" on 望湖村's page)."""
        i = bisect_left(self.starts, at) - 1
        return i >= 0 and self.places[i].end == at and not self.places[i].other

    def _opens_a_clause(self, sentence: Sentence, place: _Place) -> bool:
        return (
            _SUBJECT_LEAD.fullmatch(self.text, self._clause_start(sentence, place.start), place.start)
            is not None
        )

    def _clause_start(self, sentence: Sentence, at: int) -> int:
        return max(self.clauses.last(sentence.start, at) + 1, sentence.start)


class _Clauses:
    """Where the clauses of a text end (_CLAUSE_MARKS; the comma of a number grouped by threes ends
    none): found once per article, so each place and figure looks its clause up instead of
    scanning the text back and forth for each mark.

    >>> clauses = _Clauses("有2,063个村,36万人。共1,000户")
    >>> clauses.last(0, 12), clauses.last(0, 8), clauses.first(9), clauses.first(14)
    (8, -1, 13, 21)
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]

    def last(self, start: int, end: int) -> int:
        """The index of the last mark in ``text[start:end]``, -1 if none (as ``_last_mark``)."""
        i = bisect_left(self.marks, end) - 1
        return self.marks[i] if i >= 0 and self.marks[i] >= start else -1

    def first(self, start: int) -> int:
        """The index of the first mark from ``start``, or the text's length (as ``_first_mark``)."""
        i = bisect_left(self.marks, start)
        return self.marks[i] if i < len(self.marks) else self.length


def _places(text: str, region: Region | None, clauses: _Clauses) -> list[_Place]:
    """Every place named in ``text``, in order: the gazetteer's divisions, self-references and the
    region's own name; a chain naming a place by its parents (甘肃武威市, 湖南全省) is one place, the last.
    Without a region (a page whose names are masked: XX县), the subject is what the text calls
    itself most (全县), and every place it names is another.

    >>> region = Region(name="西吉县", level="county", evidence={"quote": "西吉县", "start": 0, "end": 3})
    >>> text = "宁夏9个贫困县,全县,全省,全村,甘肃武威市"
    >>> [(p.text, p.other) for p in _places(text, region, _Clauses(text))]
    [('宁夏', True), ('全县', False), ('全省', True), ('全村', True), ('甘肃武威市', True)]
    >>> [(p.text, p.other) for p in _places("固原市西吉县,全国", region, _Clauses("固原市西吉县,全国"))]
    [('固原市西吉县', False), ('全国', True)]
    >>> [(p.text, p.other) for p in _places("XX县:全县,全县,全国", None, _Clauses("XX县:全县,全县,全国"))]
    [('全县', False), ('全县', False), ('全国', True)]
    """
    forms = set(name_forms(region.name)) if region else set()
    references = list(SELF_REFERENCE.finditer(text))
    if region:
        own_kinds = {kind for kind in SELF_KINDS if _names_region(region, kind)}
    else:
        own_kinds = {kind for kind, _ in Counter(m.group("kind") for m in references).most_common(1)}
    level = region.level if region else None
    # A self-reference first: 全州 is the prefecture's, not a short form of 全州县.
    found = [_Place(m.start(), m.end(), m.group(), m.group("kind") not in own_kinds) for m in references]
    mentions = gazetteer().find_mentions(text)
    found += [
        _Place(
            m.start,
            m.end,
            m.text,
            not _is_region(forms, m),
            bool(region and _is_county_in(region, m.division)),
        )
        for m in mentions
    ]
    # A township or village the gazetteer does not list (石头村原有贫困户…): an example's figures. Not
    # a village in a township's report, whose region may be the one misread (a village page taken
    # for its township's).
    found += [
        _Place(local.start, local.start + len(local.name), local.name, True)
        for local in local_mentions(text)
        if local.name not in forms and not (level == "township" and LOCAL_LEVELS[local.suffix] == "village")
    ]
    # A place called by its kind (村里有贫困户…) is an example's in the report of a county or above.
    if level and level not in LOCAL_LEVELS.values():
        found += [_Place(m.start(), m.end(), m.group(), True) for m in _PLACE_BY_KIND.finditer(text)]
        found += [
            _Place(m.start(), m.end(), m.group(), True)
            for m in _OUR_PLACE.finditer(text)
            if text.rfind("“", 0, m.start()) > text.rfind("”", 0, m.start())
        ]
    found += [_Place(m.start(), m.end(), m.group(), True) for m in _VILLAGE_GROUP.finditer(text)]
    for form in forms:
        found += [_Place(m.start(), m.end(), form, False) for m in re.finditer(re.escape(form), text)]
    found.sort(key=lambda p: (p.start, -p.end))  # stable: on a tie, the first kind listed
    places: list[_Place] = []
    for place in found:
        if places and place.start < places[-1].end:
            continue  # inside a longer name already kept (whether it acts or not)
        if _acts(text, place, clauses):
            continue
        if places and place.start == places[-1].end:  # the one before only locates this one
            located = places.pop()
            place = _Place(
                located.start, place.end, text[located.start : place.end], place.other, place.county_inside
            )
        places.append(place)
    return places


def _acts(text: str, place: _Place, clauses: _Clauses) -> bool:
    """Whether ``place`` files the report, acts or helps rather than being what its clause is about.

    >>> text = "在福建省的对口帮扶下,会宁县贫困人口减少"
    >>> funder, subject = _Place(1, 4, "福建省", True), _Place(11, 14, "会宁县", False)
    >>> _acts(text, funder, _Clauses(text)), _acts(text, subject, _Clauses(text))
    (True, False)
    """
    start = clauses.last(0, place.start) + 1
    end = clauses.first(place.end)
    return bool(
        _DATELINE_AFTER.match(text, place.end)
        or _BODY_AFTER.match(text, place.end)
        or _FRAME.fullmatch(text, start, end)
    )


def _names_region(region: Region, kind: str) -> bool:
    """Whether a self-reference of ``kind`` (全县, 我国) names the region itself."""
    return region.name.endswith(kind) or (kind == "国" and region.level == "national")


_COUNTY_DEPTH = 2  # Division.depth of a county, county-level city or district


def _is_county_in(region: Region, division: Division) -> bool:
    """Whether ``division`` is a county (or county-level city, district) of the region."""
    return division.depth == _COUNTY_DEPTH and region.name in (division.province, division.prefecture)


def _is_region(forms: set[str], mention: Mention) -> bool:
    """Whether ``mention`` names the region (one of its ``forms``)."""
    return mention.text in forms or mention.division.name in forms


@dataclass
class _Draft:
    """Fields found so far; the first value for a field is kept."""

    part: str  # "baseline" | "outcome"
    trace: Trace
    fields: dict[str, Quantity] = field(default_factory=dict)
    as_of: str | None = None
    # The year of the statement a field was taken from, where it names one (what is left).
    years: dict[str, int] = field(default_factory=dict)
    this_year: int = 0  # the year of the page's date (0: unknown)

    def put(
        self, name: str, quantity: Quantity | None, rule: str, year: int | None = None, exact: bool = True
    ) -> bool:
        """Keep the first value for a field; what is left at a later year than a dated kept value
        replaces it ("2018年…降至11.56%" then "截至2019年底…降至6.23%"), and so does the exact figure
        a kept approximate one rounds (约35万人, then 35.47万人: one figure stated twice; ``exact``
        False where the rounding may be another figure's). Whether the field holds it now: kept, or
        restated (the value kept already), so its statement may date the draft."""
        if quantity is None:
            return False
        path = f"{self.part}.{name}"
        if not FIELDS[name].fits(quantity.unit, quantity.text, quantity.value):
            # "下降为0" has no %: the verifier could not prove it as a rate.
            self.trace.note(path, rule, quantity.text, f"skipped: no unit of {name}")
            return False
        kept = self.fields.get(name)
        later = bool(year and year > self.years.get(name, year))
        exactly = (
            exact
            and kept is not None
            and not quantity.approx
            and quantity.value != kept.value
            and rounds_to(quantity.value, kept.text)
        )
        if kept is not None and not (later or exactly):
            self.trace.note(path, rule, quantity.text, f"skipped: already {kept.text}")
            return kept.value == quantity.value
        if kept is not None:
            why = f"{year} is later" if later else f"{quantity.text} is the figure it rounds"
            self.trace.note(path, rule, kept.text, f"replaced: {why}")
        self.fields[name] = quantity
        if year:
            self.years[name] = year
        self.trace.note(path, rule, quantity.text, "kept")
        return True

    def year(self) -> int:
        return _year_of(self.as_of, self.this_year)

    def snapshot(self) -> Snapshot | None:
        return Snapshot(as_of=self.as_of, **self.fields) if self.fields else None


@dataclass(frozen=True)
class _Part:
    """The part a lone statement gives, and the cue that says so."""

    draft: _Draft
    why: str
    registered: bool = False  # a registered total: the baseline before any other lone figure


@dataclass(frozen=True)
class _Stated:
    """A lone statement and its part, put once all are found."""

    sentence: Sentence
    m: re.Match[str]
    rule: str
    part: _Part


@dataclass(frozen=True)
class _Dated:
    """A figure with the period it covers: for choosing among people lifted, or a dated sequence."""

    name: str  # the field
    quantity: Quantity
    rule: str
    year: int  # the latest year written before it in its sentence, 0 when none
    at: int  # offset in the cleaned text: on a tie the first stated wins
    cumulative: bool = False
    in_headline: bool = False  # a headline rounds what the body states (4.7万 for 4.73万人)
    registered: bool = False  # a registered total (建档立卡, 识别): a start, never the latest state
    ended: str | None = None  # the time written before it that ends its period ("截至2019年底")

    def lifted_rank(self, most_in_a_year: float) -> tuple[bool, int, bool, int]:
        """Longest period first, then latest: an undated figure above every dated one-year figure
        spans more than a year ("实现188.95万人脱贫" beside "2018年减贫0.9万人")."""
        return (self.spans(most_in_a_year), self.year, not self.in_headline, -self.at)

    def spans(self, most_in_a_year: float) -> bool:
        return self.cumulative or (not self.year and 0 < most_in_a_year < self.quantity.value)


class _Finder:
    def __init__(
        self, document: Document, trace: Trace, region: Region | None, plans: PlanSections = NO_PLANS
    ) -> None:
        self.document = document
        self.trace = trace
        self.plans = plans  # figures there are targets ("二、目标任务" over "2017年,全县减少贫困人口1.2万人")
        self.scope = _Scope(document, region)
        self.region_names = set(name_forms(region.name)) if region else set()
        # The year of the page's date, which "今年"/"去年" are read by (0: unknown).
        self.this_year = int(document.published[:4]) if document.published else 0
        self.baseline = _Draft("baseline", trace, this_year=self.this_year)
        self.outcome = _Draft("outcome", trace, this_year=self.this_year)
        self.lifted_found: list[_Dated] = []
        self.stated: list[_Stated] = []  # lone statements and the part each gives
        self.dated: list[_Dated] = []  # lone statements with a year, for dated_sequence
        self.drafts = {"baseline": self.baseline, "outcome": self.outcome}
        self.labelled: list[_Dated] = []  # a fact sheet's values, by the year opening their line
        self.cards: list[_Dated] = []  # a data card's lines, value first, neither left nor lifted
        self.card_years: set[int] = set()  # the years its lines name (0: undated)
        self.headline = document.title_span
        # A text reporting the registration era (建档立卡, counted from 2013 on: its years or its words)
        # tells its earlier figures as history (_history); a text on the years before does not.
        self.registration_era = bool(_ERA_WORDS.search(document.text)) or (
            max(map(int, _YEAR.findall(document.text)), default=0) >= _REGISTERED_FROM
        )
        # The rules read one figure many times (a lone statement, then its date; a transition's
        # end, then what is left): each figure's reading and each sentence's evidence, once.
        self.readings: dict[str, ParsedQuantity | NumberParseError] = {}
        self.evidence: dict[tuple[int, int], Evidence] = {}

    def skipped(self, sentence: Sentence, m: re.Match[str], rule: str, why: str) -> None:
        self.trace.note("figures", rule, m.group(), f"skipped: {why}", sentence.start + m.start())

    def quantity(self, sentence: Sentence, m: re.Match[str], group: str) -> Quantity | None:
        text = m.group(group) if group in m.re.groupindex else None
        return self.quantity_of(sentence, text, m.start(group), group) if text else None

    def quantity_of(self, sentence: Sentence, text: str, at: int, rule: str) -> Quantity | None:
        """The quantity ``text`` (at ``at`` in the sentence) reads as, with its sentence as evidence."""
        if (parsed := self.readings.get(text)) is None:
            try:
                parsed = parse_quantity(text)
            except NumberParseError as exc:  # "三四个" (three or four): better missed than misread
                parsed = exc
            self.readings[text] = parsed
        if isinstance(parsed, NumberParseError):
            self.trace.note("figures", rule, text, f"skipped: not a quantity ({parsed})", sentence.start + at)
            return None
        span = (sentence.start, sentence.end)
        if (quote := self.evidence.get(span)) is None:
            quote = self.evidence[span] = evidence(self.document, sentence)
        return Quantity(value=parsed.value, unit=parsed.unit, text=text, approx=parsed.approx, evidence=quote)

    def when(self, draft: _Draft, sentence: Sentence, before: int) -> None:
        """Date ``draft`` by the last time written before ``before`` in the sentence."""
        if draft.as_of is None and (found := _time_before(sentence.text, before)):
            self.when_at(draft, found[0])

    def when_transition(self, sentence: Sentence, before: int) -> None:
        """The time written before a fall dates its start when it says since (2014年以来,自2014年),
        else its end: "截至2019年底,…从4.23%降至0%", "已于2019年底全部退出,贫困发生率从…降至0%"."""
        if found := _time_before(sentence.text, before):
            time, since = found
            self.when_at(self.baseline if since else self.outcome, time)

    def when_at(self, draft: _Draft, time: re.Match[str]) -> None:
        if draft.as_of is None:
            draft.as_of = _bare_year(time.group())

    def blocked(
        self, sentence: Sentence, m: re.Match[str], rule: str, of_people: bool = True, unit: str | None = None
    ) -> bool:
        """Skip (and say why) another place's figure or a target; for counts of people, also a
        sub-group, a partner region's figure or a few units' figure."""
        text, start = sentence.text, m.start()
        if place := self.scope.other_place(sentence, start, counties=unit == "poor_counties"):
            self.skipped(sentence, m, rule, f"another place's figure ({place})")
            return True
        # A few units' figures, rates too: the sentence's topic, or named before the noun ("深山区6个
        # 乡镇的贫困发生率…").
        if (topic := _TOPIC_UNITS.match(text)) and topic.end() <= start:
            self.skipped(
                sentence, m, rule, f"the figure of the few units the sentence is about ({topic.group()})"
            )
            return True
        if _SAID_OF_BEFORE.match(m.group()) and (few := _FEW_UNITS_BEFORE.search(text, 0, start)):
            self.skipped(sentence, m, rule, f"the figure of a few units inside the region ({few.group()})")
            return True
        # "骆驼湾村、顾家台村,贫困发生率分别由81.2%、73.4%降至…": several units' figures, one each.
        if respectively := _respectively(text, m):
            self.skipped(sentence, m, rule, f"several units' figures ({respectively.group()})")
            return True
        if self.registration_era and (when := _history(text, m)):
            self.skipped(sentence, m, rule, f"history ({when}), before the registration era the text reports")
            return True
        if plan := self.plans.at(sentence.start + start):
            self.skipped(sentence, m, rule, f"a target: in a section of plans ({plan.opening})")
            return True
        # "1.2万贫困人口将全部脱贫": the plan word may stand between the figure and its verb.
        cues = [("a target or plan", _target_cue(text, start) or _FUTURE.search(m.group()))]
        if of_people:
            # What is left stays the outcome, whatever is done for it ("剩余4户9人正在落实兜底措施").
            left = _REMAINING.search(_lead(text, start) + m.group())
            cues += [
                ("a sub-group", _subgroup(text, start)),
                ("a group acted upon", None if left else _ACTED_ON.match(text, m.end())),
                ("a partner region's figure", _PARTNER.search(text, 0, start)),
                ("the figure of a few units inside the region", _SUBUNITS.search(text, 0, start)),
            ]
        for why, cue in cues:
            if cue:
                self.skipped(sentence, m, rule, f"{why} ({cue.group()})")
                return True
        return False

    def put_groups(
        self,
        draft: _Draft,
        sentence: Sentence,
        m: re.Match[str],
        rule: str,
        unit: str | None = None,
        year: int | None = None,
    ) -> bool:
        """Every figure group of ``m`` into ``draft``; a count of units into the field ``unit``.
        Whether the draft holds any of them (Draft.put)."""
        kept = [
            draft.put(name, self.quantity(sentence, m, group), rule, year)
            for group, name in _GROUP_FIELDS.items()
        ]
        kept += [draft.put(unit, self.quantity(sentence, m, group), rule) for group in _UNIT_GROUPS if unit]
        return any(kept)

    def transitions(self, sentence: Sentence) -> None:
        for rule, m in _TRANSITIONS_TABLE.finditer(sentence.text):
            if self.blocked(sentence, m, rule, of_people=False):
                continue
            # "因病致贫户由3260户减少到126户": a fall opening on 由/从 is of the group named before it.
            if _FROM_FIRST.match(m.group()) and (sub := _subgroup(sentence.text, m.start())):
                self.skipped(sentence, m, rule, f"a sub-group ({sub.group()})")
                continue
            if rule in _SUBJECT_AFTER and (place := self.scope.other_place(sentence, m.end())):
                self.skipped(sentence, m, rule, f"another place's figure ({place}), named after it")
                continue
            if rule in _DATED_EACH and m.group("a_when")[:4] >= m.group("b_when")[:4]:
                self.skipped(sentence, m, rule, "the later year first")
                continue
            if rule in _SERIES and self.series_back_in_time(sentence, m, rule):
                continue
            groups = m.groupdict()
            self.baseline.as_of = self.baseline.as_of or _as_of(groups.get("a_when") or groups.get("a_dated"))
            self.outcome.as_of = self.outcome.as_of or _as_of(groups.get("b_when") or groups.get("b_dated"))
            # "2014年至2019年,全县贫困人口由…减少到…": a range before the fall dates its two ends, in its
            # sentence or in the time framing it ("2014年至2019年,…取得决定性进展。贫困人口由…").
            frame = self.time_frame(sentence)
            if span := _last(_YEAR_RANGE, sentence.text, m.start()) or _last(_YEAR_RANGE, frame, len(frame)):
                self.baseline.as_of = self.baseline.as_of or _bare_year(span["a"])
                self.outcome.as_of = self.outcome.as_of or _bare_year(span["b"])
            self.when_transition(sentence, m.start())
            unit = _TRANSITION_UNITS.get(rule)
            for prefix, draft, side in (("a_", self.baseline, "from"), ("b_", self.outcome, "to")):
                for group, name in (*_GROUP_FIELDS.items(), *((g, unit) for g in _UNIT_GROUPS if unit)):
                    draft.put(name, self.quantity(sentence, m, prefix + group), f"{rule}: {side}")

    def series_back_in_time(self, sentence: Sentence, m: re.Match[str], rule: str) -> bool:
        """A series whose later year is written first ("贫困发生率2019年底为0.07%,2013年底为39.86%",
        the latest first, as news leads with it) runs back in time: its last figure is the start,
        its first the outcome, each dated by its own time. False (nothing put) for one that runs on."""
        first = min(m.start(g) for g in m.re.groupindex if g.startswith("a_") and m.group(g))
        when, end = _ended(sentence.text, first), m.group("b_when")
        if not (when and _year_of(end, self.this_year) < _year_of(when, self.this_year)):
            return False
        self.baseline.as_of = self.baseline.as_of or _bare_year(end)
        self.outcome.as_of = self.outcome.as_of or when
        for prefix, draft, side in (
            ("b_", self.baseline, "from, written last"),
            ("a_", self.outcome, "to, written first"),
        ):
            for group, name in _GROUP_FIELDS.items():
                draft.put(name, self.quantity(sentence, m, prefix + group), f"{rule}: {side}")
        return True

    def table_row(self, sentence: Sentence) -> None:
        """A table row of a field under a header of years ("贫困户(户)|19832|647" under "指标|2014年|
        2019年"): the first year's cell is the baseline, the last year's the outcome. Each figure's text
        runs from the row's unit to its cell, so the verifier reads both from the source."""
        # The first line only: a row ending in "—" runs on into the next line (sentences._OPEN_END).
        row = _TABLE_ROW.fullmatch(sentence.text, 0, _first_mark(sentence.text, "\n", 0))
        if row is None or (name := _table_field(row.group("label"), row.group("unit"))) is None:
            return
        cells = list(_TABLE_CELL.finditer(sentence.text, row.start("cells"), row.end()))
        years = _header_years(self.document.text, sentence.start)
        if len(years) != len(cells) or len(cells) < 2:
            self.skipped(sentence, row, "table_row", "no header of as many years as the row has cells")
            return
        for draft, cell, year in ((self.baseline, cells[0], years[0]), (self.outcome, cells[-1], years[-1])):
            if cell.group() == "—":
                continue
            text = sentence.text[row.start("cells") : cell.end()]
            draft.as_of = draft.as_of or year
            quantity = self.quantity_of(sentence, text, row.start("cells"), "table_row")
            draft.put(name, quantity, f"table_row: the {year} column")

    def table_cells(self) -> None:
        """A flattened table of a year per row, or of a field per row under a header of years
        (numbers.find_table_cells): the earliest year's cell of a field is the baseline, the latest
        year's the outcome. Each figure's text and evidence run from the table's unit line or header
        to its cell, so the verifier reads the label, the unit and the cell from the source."""
        text = self.document.text
        by_field: dict[tuple[int, str], list[TableCell]] = {}
        years: dict[int, set[str]] = {}  # a table's years, by where it starts
        for cell in find_table_cells(text):
            # A table of places: only the region's row ("泸西县" in its prefecture's table).
            if cell.row and cell.row not in self.region_names:
                continue
            if cell.part:  # under a header's group: its part is written, not its year
                if name := _table_field(cell.label, cell.parsed.unit) or _COUNTED.get(cell.label):
                    self.put_cell(self.drafts[cell.part], name, cell, cell.part)
                continue
            years.setdefault(cell.start, set()).add(cell.year)
            if name := _table_field(cell.label, cell.parsed.unit):
                by_field.setdefault((cell.start, name), []).append(cell)
        for (table, name), cells in by_field.items():
            first, last = min(cells, key=lambda c: c.year), max(cells, key=lambda c: c.year)
            # A field without a cell of the table's first or last year ("—") gives no figure there.
            ends = {min(years[table]): self.baseline, max(years[table]): self.outcome}
            if len(ends) < 2:
                continue
            for cell in dict.fromkeys((first, last)):
                if (draft := ends.get(cell.year)) is None:
                    continue
                draft.as_of = draft.as_of or cell.year
                self.put_cell(draft, name, cell, cell.year)

    def put_cell(self, draft: _Draft, name: str, cell: TableCell, column: str) -> None:
        """A table cell's figure into ``draft``, its text and evidence the cell's whole span."""
        text = self.document.text[cell.start : cell.end]
        quantity = self.quantity_of(Sentence(cell.start, cell.end, text), text, 0, "table_column")
        draft.put(name, quantity, f"table_column: {cell.label}, {column}")

    def records(self) -> None:
        """A data portal's records (_RECORD_NAME, _RECORD_VALUE): a poor count's or the rate's start
        and present, and the fall of the poor count ("变化:减少10.35万人") as people lifted."""
        text, at, indicator = self.document.text, 0, None
        for line in text.split("\n"):
            start, stripped = at + len(line) - len(line.lstrip()), line.strip()
            at += len(line) + 1
            if named := _RECORD_NAME.fullmatch(stripped):
                indicator = named["name"]
                continue
            value = _RECORD_VALUE.fullmatch(stripped)
            if not value or indicator is None:
                continue
            poor, rate = re.fullmatch(_POOR, indicator), re.fullmatch(_RATE_NOUN, indicator)
            sentence = Sentence(start, start + len(stripped), stripped)
            for q in find_quantities(value["values"]):
                name = _RECORD_UNITS.get(q.parsed.unit)
                if not name or not (rate if name == "incidence_rate" else poor):
                    continue
                offset = value.start("values") + q.start
                quantity = self.quantity_of(sentence, q.text, offset, "record")
                if value["part"] == "变化":
                    fell = re.search(r"减少|下降", value["values"][: q.start])
                    if fell and name == "people" and quantity:
                        self.lifted_found.append(
                            _Dated("people_lifted", quantity, "record", 0, start, cumulative=True)
                        )
                else:
                    draft = self.drafts[_RECORD_PARTS[value["part"]]]
                    draft.put(name, quantity, f"record: {indicator}, {value['part']}")

    def labelled_cells(self, sentence: Sentence) -> None:
        """A fact sheet's "label(unit):value" ("2014年底,全县贫困村(个):63;贫困人口(户/人):10 236/38 845"),
        dated by the time opening its line; the earliest line's values are the baseline, the latest
        line's the outcome (put_labelled), and a count of people lifted is one more found."""
        found = list(literals.finditer(_LABELLED, sentence.text))
        if not found:
            return  # most sentences: no line of its own to read the time of
        text = self.document.text
        line_start = text.rfind("\n", 0, sentence.start) + 1
        opening = _LINE_TIME.match(text[line_start : sentence.start + 1 + 12])
        for m in found:
            if not opening:
                self.skipped(sentence, m, "labelled", "no time opens its line")
                continue
            if self.blocked(sentence, m, "labelled", of_people=False):
                continue
            year = int(opening["time"][:4])
            cells = m.start("cells")
            parts = [(m.group("unit"), m.end("cell"))] + (
                [(m.group("unit2"), m.end("cell2"))] if m.group("cell2") else []
            )
            for unit, end in parts:
                quantity = self.quantity_of(sentence, sentence.text[cells:end], cells, "labelled")
                if quantity is None:
                    continue
                if m.group("lifted"):
                    at = sentence.start + m.start()
                    self.lifted_found.append(
                        _Dated("people_lifted", quantity, "labelled", year, at, cumulative=True)
                    )
                elif name := _table_field(m.group("noun"), unit[-1]):
                    self.labelled.append(_Dated(name, quantity, "labelled", year, sentence.start + m.start()))

    def put_labelled(self) -> None:
        for name in dict.fromkeys(d.name for d in self.labelled):
            found = [d for d in self.labelled if d.name == name]
            first, last = min(found, key=lambda d: d.year), max(found, key=lambda d: d.year)
            if first.year < last.year:
                for draft, d in ((self.baseline, first), (self.outcome, last)):
                    draft.as_of = draft.as_of or str(d.year)
                    draft.put(name, d.quantity, f"labelled: the line of {d.year}")

    def card_line(self, sentence: Sentence) -> None:
        """A data card's line, its value first ("▶ 3.9万人 2019年底剩余贫困人口"): what is left is the
        outcome, people lifted one more found; the other lines wait for the card's years (put_cards)."""
        text = self.document.text
        if text[text.rfind("\n", 0, sentence.start) + 1 : sentence.start].strip():
            return  # not where a line opens
        # A bullet or a separator after the value makes a card line ("104个贫困村,出列!" is a headline).
        if (m := _CARD_LINE.match(sentence.text)) is None or not (m["bullet"] or m["sep"]):
            return
        if m["place"] and not self.scope.region_ends_at(sentence.start + m.end("place")):
            self.skipped(sentence, m, "card_line", f"not the region's figure ({m['place']})")
            return
        if (quantity := self.quantity(sentence, m, "value")) is None:
            return
        year, at = _year_before(m["time"] or "", len(m["time"] or "")), sentence.start + m.start()
        self.card_years.add(year)
        if m["lifted"]:
            cumulative = bool(m["cue"] or m["since"])
            self.lifted_found.append(_Dated("people_lifted", quantity, "card_line", year, at, cumulative))
            return
        if m["not_out"]:
            name = next(n for p, n in _CARD_NOT_OUT.items() if p.fullmatch(m["not_out"]))
            name = name if quantity.unit == "个" else None
        else:
            name = _table_field(m["noun"], quantity.unit)
        if name is None:
            self.skipped(sentence, m, "card_line", "its unit is not of the field its label names")
        elif m["not_out"] or (m["cue"] and m["cue"] != "累计"):
            self.when(self.outcome, sentence, m.end())
            self.outcome.put(name, quantity, f"card_line: remaining cue {m['cue'] or m['not_out']}", year)
        else:
            self.cards.append(_Dated(name, quantity, "card_line", year, at))

    def put_cards(self) -> None:
        """A card's other lines: a line of its latest year, when it names several, is the outcome;
        the others, undated ones too, are where the region started (ANNOTATION.md: a lone count
        without a now cue is the baseline). A card of one year waits for the text's baseline year
        (put_card_of_one_year)."""
        years = self.card_years - {0}
        latest = max(years) if len(years) > 1 else 0
        for d in sorted(self.cards, key=lambda d: d.year):  # the earliest line is the start
            if d.year and not latest:
                continue
            draft, why = (
                (self.outcome, "the card's latest year") if d.year == latest > 0 else (self.baseline, "")
            )
            draft.as_of = draft.as_of or (str(d.year) if d.year else None)
            draft.put(d.name, d.quantity, f"card_line: {why or 'the card before its latest year'}")

    def put_card_of_one_year(self) -> None:
        """The dated lines of a card naming one year: the outcome when later than the baseline the
        text states ("0.64%——2019年底全县贫困发生率" after "2014年,…贫困发生率23.6%"), else the baseline."""
        years = self.card_years - {0}
        for d in self.cards if len(years) == 1 else ():
            later = d.year > self.baseline.year() > 0
            draft = self.outcome if later else self.baseline
            why = (
                f"later than the baseline's {self.baseline.year()}" if later else "no later than the baseline"
            )
            draft.as_of = draft.as_of or str(d.year)
            draft.put(d.name, d.quantity, f"card_line: {why}")

    def left(self, sentence: Sentence) -> None:
        for rule, m in _LEFT_TABLE.finditer(sentence.text):
            if self.blocked(sentence, m, rule, of_people=rule not in _RATE_RULES):
                continue
            if rule not in _RATE_RULES and (why_not := self.not_left(sentence, m, rule)):
                self.skipped(sentence, m, rule, why_not)
                continue
            year = _year_before(sentence.text, m.start(), self.this_year)
            if year and year > max(self.outcome.years.values(), default=0) and self.outcome.years:
                self.outcome.as_of = None  # the later statement dates the outcome
            if self.put_groups(self.outcome, sentence, m, rule, year=year):
                self.when(self.outcome, sentence, m.start())

    def not_left(self, sentence: Sentence, m: re.Match[str], rule: str) -> str | None:
        """Why a count of what is left is not the region's outcome: a township's ("兴隆镇剩余贫困人口
        312人" in a county report), or a past state ("五年前还有贫困人口5万人")."""
        if self.own_place(sentence, m):
            return "a place's own figure"
        if rule in _LEFT_WORDED and (past := _past(sentence.text, m.start())):
            return f"a past state ({past.group()})"
        return None

    def own_place(self, sentence: Sentence, m: re.Match[str]) -> bool:
        """Whether the figure right after a place name is that place's ("向阳村贫困户161户"), unless
        that place is the region."""
        head = sentence.text[max(0, m.start() - 12) : m.start()]
        return bool(_OWN_PLACE.search(head)) and not self.scope.region_ends_at(sentence.start + m.start())

    def statements(self, sentence: Sentence) -> None:
        text = sentence.text
        for rule, m in _STATEMENTS_TABLE.finditer(text):
            if not any(m.group(g) for g in _GROUP_FIELDS if g in m.re.groupindex):
                continue  # a poor noun with no figure after it
            if self.blocked(sentence, m, rule, of_people=rule not in _RATE_RULES):
                continue
            why_not = self.not_a_population(sentence, m) if rule == "poor_count" else None
            if "gap" in m.re.groupindex and _NOT_A_LINK.search(m.group("gap")):
                why_not = "a change, a threshold or a list of units' figures"
            if _BOUND_OF_UNITS.match(text, m.end()):
                why_not = "the bound of a class of units"
            if rule == "count_before_noun" and not _STOCK.search(_lead(text, m.start())):
                why_not = "no stock word before the count (有/共有/建档立卡...)"
            if why_not:
                self.skipped(sentence, m, rule, why_not)
                continue
            before, frame = self.statement_before(sentence), self.time_frame(sentence)
            part = self.part_for(text, m, before, frame, self.register_heading(sentence))
            self.stated.append(_Stated(sentence, m, rule, part))

    def put_statements(self) -> None:
        """The lone statements found, registered totals first: "2015年建档立卡人口1389户4876人" is the
        baseline even after a list giving "贫困户1137户4210人" among other groups."""
        for s in sorted(self.stated, key=lambda s: not s.part.registered):
            # Dated by a statement whose figure the draft holds, by a time between its noun and its
            # figure too ("贫困发生率2013年底为39.86%。2019年底,贫困发生率为0.07%": not by the second).
            if self.put_groups(s.part.draft, s.sentence, s.m, f"{s.rule}: {s.part.why}"):
                self.when(s.part.draft, s.sentence, _figure_start(s.m))
            self.remember_dated(s.sentence, s.m, s.rule, s.part.registered)

    def not_a_population(self, sentence: Sentence, m: re.Match[str]) -> str | None:
        """Why "贫困人口/贫困户 N户M人" does not count the region's poor, or None when it does."""
        text = sentence.text
        head = text[max(0, m.start() - 12) : m.start()]
        if _OTHERS_IN_GAP.search(m.group("gap")):
            return "the poor counted with others, or a part of them"
        if kind := _ONE_KIND_WORD.search(m.group("gap")) or _ANOTHER_COUNT.search(m.group("gap")):
            return f"people of one kind among the poor ({kind.group()})"
        if "已脱贫" in head or head.endswith(_CHANGE_BEFORE) or _LIFTED_AFTER.match(text, m.end()):
            return "people lifted"  # "减少贫困人口590万人", "贫困人口10500人脱贫"
        if self.own_place(sentence, m):
            return "a place's own figure"
        return None

    def remember_dated(self, sentence: Sentence, m: re.Match[str], rule: str, registered: bool) -> None:
        before = self.statement_before(sentence) or self.time_frame(sentence)
        if year := _dated_by(sentence.text, m, before, self.this_year):
            # The time as written, when its own sentence writes it ("2019年底,…"), else its year.
            ended = _ended(sentence.text, _figure_start(m))
            written = ended if ended and _year_of(ended, self.this_year) == year else str(year)
            for group, name in _GROUP_FIELDS.items():
                if quantity := self.quantity(sentence, m, group):
                    at = sentence.start + m.start()
                    dated = _Dated(name, quantity, rule, year, at, registered=registered, ended=written)
                    self.dated.append(dated)

    def statement_before(self, sentence: Sentence) -> str:
        """The ;-separated statements of the sentence's statement before it ("截至2019年底:已脱贫…;
        未脱贫…;" before "贫困发生率:0.22%"), on its line; "" when it opens a statement."""
        text = self.document.text
        if sentence.start == 0 or text[sentence.start - 1] not in _STATEMENT_BREAKS:
            return ""
        opened = max(text.rfind(c, 0, sentence.start - 1) for c in _STATEMENT_ENDS) + 1
        return text[opened : sentence.start]

    def framing(self, sentence: Sentence) -> tuple[str, bool]:
        """What stands just before the sentence as a unit of its own, and whether it is a line over
        it ending without a stop (a heading, "…情况如下:") rather than the sentence before it; ("",
        False) when the sentence goes on a clause."""
        text = self.document.text
        before = text[: sentence.start].rstrip()
        if not before:
            return "", False
        heading = before[-1] not in _FRAME_ENDS and "\n" in text[len(before) : sentence.start]
        if before[-1] not in _FRAME_ENDS and not heading:
            return "", False
        opened = max(before.rfind(c, 0, len(before) - 1) for c in _FRAME_ENDS) + 1
        return before[opened:].strip(), heading

    def time_frame(self, sentence: Sentence) -> str:
        """The time framing the sentence from just before it: a heading line over it naming a time
        and no figure ("(一)2018年基本情况"), or the sentence before it doing so ("2018年,全镇脱贫攻坚
        取得决定性进展。"); "" when there is none. Writers move the year out of the figure's sentence
        into either.

        A sentence opening on a figure's noun and naming no time of its own lists on at the time the
        sentence before it in its paragraph states its figures at: writers split one statement's
        figures into two sentences ("2018年贫困户393户1087人,脱贫退出335户1009人。贫困发生率为0.76%。")."""
        frame, heading = self.framing(sentence)
        if _TIME_FRAME.fullmatch(frame):
            return frame
        text, before = sentence.text, self.document.text[: sentence.start]
        if heading or "\n" in before[before.rfind(frame) :] or not _A_POOR_NOUN.match(text):
            return ""
        if _YEAR.search(text) or _NOW.search(text):
            return ""
        if (first := _A_FIGURE.search(frame)) is None:
            return ""
        # The time its figures of the poor are stated at ("2018年,全镇投入资金1200万元用于修路,受益
        # 群众3600人。" states others: no frame).
        times = list(_TIME_RE.finditer(frame, 0, first.start()))
        if not times or _SINCE_AFTER.match(frame, times[-1].end()):
            return ""
        return times[-1].group() if _A_POOR_NOUN.search(frame, times[-1].end(), first.start()) else ""

    def register_heading(self, sentence: Sentence) -> str:
        """The heading line right over the sentence when it names the register and no figure
        ("(一)建档立卡情况", "2020年5月,全镇建档立卡情况如下:"); "" otherwise."""
        frame, heading = self.framing(sentence)
        return frame if heading and _REGISTER_HEADING.fullmatch(frame) else ""

    def part_for(
        self, text: str, m: re.Match[str], before: str = "", frame: str = "", heading: str = ""
    ) -> _Part:
        """A lone figure is the outcome when what is left is meant ("剩余", "尚有"), when the present
        is meant of a figure that is not a registered total ("目前", "截至", also opening the
        statement the sentence goes on: "截至2019年底:…;贫困发生率:0.22%"), when a fall from before
        follows it ("比上年下降"), or when it is dated with the outcome's year; otherwise the baseline."""
        remaining = _REMAINING.search(_lead(text, _figure_start(m)))  # "贫困人口还剩2.3万人" too
        if remaining and not _past(text, m.start()):
            return _Part(self.outcome, f"remaining cue {remaining.group()}")
        # "年末全县有建档立卡贫困人口3216人,比上年减少9872人": the present, whatever it is called.
        if _FALL_AFTER.match(text, m.end()):
            return _Part(self.outcome, "a fall from before follows")
        if total := _TOTAL.search(m.group()):
            return _Part(self.baseline, f"total cue {total.group()}", registered=True)
        now, total = _last(_NOW, text, m.start()), _last(_TOTAL, text, m.start())
        if total and (not now or total.start() > now.start()):
            return _Part(self.baseline, f"total cue {total.group()}", registered=True)
        if heading:  # "(一)建档立卡情况" over "现有贫困户1347户": the register said once for its section
            return _Part(self.baseline, f"total cue of its heading ({heading})", registered=True)
        # The statement before ";" dates it, else a time framing its sentence (time_frame).
        year, outcome_year = _dated_by(text, m, before or frame, self.this_year), self.outcome.year()
        opening = None if now or _YEAR.search(_lead(text, _figure_start(m))) else _NOW.match(before)
        if opening and (total := _last(_TOTAL, before, len(before))) and total.start() > opening.start():
            # "截至2015年底,共有贫困人口30万人;贫困发生率达8.7%": the total its statement states.
            return _Part(self.baseline, f"total cue {total.group()} of its statement", registered=True)
        if (cue := now or opening) and year and year < outcome_year:
            # "截至2015年底,有贫困人口30万人" in a report whose outcome is of 2019: where it started,
            # also said in a clause after ";" ("截至2015年底,…;贫困发生率达8.7%").
            return _Part(self.baseline, f"now cue {cue.group()} of {year}, before {outcome_year}")
        if now:
            return _Part(self.outcome, f"now cue {now.group()}")
        if opening:
            return _Part(self.outcome, f"now cue {opening.group()} opening its statement")
        if year and year == outcome_year != self.baseline.year():
            return _Part(self.outcome, f"dated {year}, the outcome's year")
        # "年末尚有贫困人口2106户6733人,贫困发生率3.1%": one more item of a list of what is left.
        lead = _lead(text, _figure_start(m))
        previous = text[: _figure_start(m) - len(lead)]
        listed = not _YEAR.search(lead) and _AFTER_A_FIGURE.search(previous)
        if listed and (left := _REMAINING.search(previous)) and not _past(text, m.start()):
            return _Part(self.outcome, f"listed after what is left ({left.group()})")
        return _Part(self.baseline, "no now cue")

    def lifted(self, sentence: Sentence) -> None:
        text = sentence.text
        for rule, m in _LIFTED_TABLE.finditer(text):
            if self.blocked(sentence, m, rule):
                continue
            last_batch = rule == "lifted_all" and _last_batch(text, m.start())
            if rule == "lifted_all" and not last_batch:
                # "全县贫困人口N人全部脱贫" also says there were N...
                self.put_groups(self.baseline, sentence, m, "lifted_all: all lifted (全部)")
                self.when(self.outcome, sentence, m.start())  # the time of the exit, as for units
            if (quantity := self.quantity(sentence, m, "pp")) is not None:
                self.lifted_found.append(
                    _Dated(
                        "people_lifted",
                        quantity,
                        rule,
                        year=_year_before(text, m.end(), self.this_year),
                        at=sentence.start + m.start(),
                        in_headline=sentence.start + m.start() in self.headline,
                        # ...unless they are the last ones, lifted in one year ("最后的1.2万人").
                        cumulative=not last_batch
                        and bool(_CUMULATIVE.search(text, _after_last_figure(text, m.start()), m.end())),
                        ended=_ended(text, m.start()),
                    )
                )

    def choose_lifted(self) -> None:
        """The figure covering the longest period up to the latest date (ANNOTATION.md)."""
        one_year = [f.quantity.value for f in self.lifted_found if f.year and not f.cumulative]
        most = max(one_year, default=0.0)
        ranked = sorted(self.lifted_found, key=lambda f: f.lifted_rank(most), reverse=True)
        for found in ranked:
            if found.cumulative:
                period = "cumulative"
            elif found.spans(most):
                period = "undated, more than any one year's"
            else:
                period = f"one year ({found.year or 'undated'})"
            # The exact figure an approximate one rounds replaces it when undated or of the same period
            # ("累计约189万人摆脱贫困" beside "188.95万人脱贫"; not "2019年减贫4.8万人" beside "累计约5万人").
            same = not found.year or found.lifted_rank(most)[:2] == ranked[0].lifted_rank(most)[:2]
            self.outcome.put("people_lifted", found.quantity, f"{found.rule}: {period}", exact=same)
            if self.outcome.fields.get("people_lifted") is found.quantity and found.ended:
                # "截至2019年底,累计减贫9.2万人": the people lifted date an outcome dated by nothing else.
                self.outcome.as_of = self.outcome.as_of or found.ended

    def units(self, sentence: Sentence) -> None:
        for (name, form), m in _UNITS_TABLE.finditer(sentence.text):
            fixed = _UNIT_RULES[name][form][1]
            rule = f"{name.removeprefix('poor_')}_{form}"
            # "其中11个是贫困县" is the region's own count, not a breakdown.
            if self.blocked(sentence, m, rule, of_people=fixed != "baseline", unit=name):
                continue
            decided = (self.drafts[fixed], form) if fixed else self.unit_stock(sentence, m, rule)
            if decided:
                draft, why = decided
                # "截至2019年底,46个贫困村全部出列": the time is the exit's, the outcome's, not the count's;
                # a planned exit's is no outcome's ("到今年底,832个贫困县将减少430个以上").
                exited = form == "all_units_exited" or why in _EXIT_REASONS
                planned = exited and _FUTURE.match(m.groupdict().get("post") or "")
                if self.put_groups(draft, sentence, m, f"{rule}: {why}", unit=name) and not planned:
                    self.when(self.outcome if exited else draft, sentence, m.start())

    def unit_stock(self, sentence: Sentence, m: re.Match[str], rule: str) -> tuple[_Draft, str] | None:
        """Whether "N个贫困村" (or "贫困村N个") states how many there were, or are left."""
        post, lead = m.group("post"), _lead(sentence.text, m.start())
        noun_first = m.start("n") > m.start()
        if re.match(_RANK, m.group("noun")) and (
            _ANOTHER_RANK_AFTER.match(post) or _ANOTHER_RANK_BEFORE.search(lead)
        ):
            self.skipped(sentence, m, rule, "one rank of poor units among several, their total not stated")
            return None
        if _LAST_BATCH.search(lead) and _ALL_EXITED.match(post):
            self.skipped(sentence, m, rule, "the last ones (最后) exited, not how many there were")
            return None
        if _ALL_EXITED.match(post):
            return self.baseline, _ALL_EXITED_REASON
        if _PART_OF_TOTAL.match(post):
            return self.baseline, _PART_CHANGED_REASON
        if _FLOW_AFTER.match(post) or (noun_first and _FLOW_BEFORE.search(lead)):
            self.skipped(sentence, m, rule, "a flow (exited without 全部 or a starting count) or one of them")
            return None
        if remaining := _REMAINING.search(lead):
            return self.outcome, f"remaining cue {remaining.group()}"
        # "贫困村有12个": the stock word may stand between the noun and its count.
        if stock := _STOCK.search(lead) or _STOCK.search(sentence.text, m.start(), m.start("n")):
            return self.baseline, f"stock cue {stock.group()}"
        if _WHOLE_REGION.search(lead):
            return self.baseline, "the whole region's (全…)"
        # "贫困村:58个": a fact sheet's label and value.
        if noun_first and ":" in sentence.text[m.end("noun") : m.start("n")]:
            return self.baseline, "a label: value line"
        # "全省有贫困人口880万人,贫困发生率21.7%,88个贫困县": one more item of a stock's list.
        if _AFTER_A_FIGURE.search(lead) and (stock := _STOCK.search(sentence.text, 0, m.start())):
            return self.baseline, f"listed after a stock ({stock.group()})"
        self.skipped(sentence, m, rule, "no stock word around the count (a mention)")
        return None

    def undate_a_late_baseline(self) -> None:
        """A baseline is not dated after its outcome: "截至2020年8月,系统中建档立卡贫困户1538户" read
        beside "已于2019年底全部退出" dates when the register was read, not where it started."""
        if self.outcome.year() and self.baseline.year() > self.outcome.year():
            why = f"skipped: after the outcome's {self.outcome.as_of}, the time of a reading, not a start"
            self.trace.note("baseline.as_of", "undate_a_late_baseline", self.baseline.as_of or "", why)
            self.baseline.as_of = None

    def dated_sequence(self) -> None:
        """Figures dated by several years: the latest, when lower than the earliest, is the
        outcome ("2016年…20.26%…2018年…0.76%") unless one is stated otherwise. (A later year named
        only in a plan, "到2020年确保…", does not make it less the latest achieved.)"""
        for name in {d.name for d in self.dated}:
            dated = [d for d in self.dated if d.name == name]
            earliest, latest = min(dated, key=lambda d: d.year), max(dated, key=lambda d: d.year)
            if earliest.year >= latest.year or latest.quantity.value >= earliest.quantity.value:
                continue
            if latest.registered:  # "2014年识别建档立卡贫困人口3.4万人" after an older figure: the start
                why = "skipped: the latest of dated figures is a registered total"
                self.trace.note(f"outcome.{name}", latest.rule, latest.quantity.text, why)
            elif self.outcome.put(name, latest.quantity, f"{latest.rule}: the latest of dated figures"):
                # "贫困发生率2013年底为39.86%。2019年底,贫困发生率为0.07%": its year dates the outcome.
                self.outcome.as_of = self.outcome.as_of or latest.ended


def _history(text: str, m: re.Match[str]) -> str | None:
    """When ``m`` is dated before the registration era, that date: a fall ending before 2013 ("由1994年的
    8.2万人减少到2000年的3.1万人"), a lone figure dated before the poverty line of 2011 (2010 prices)
    ("1986年,…当时农村贫困人口达12.6万人"), or either dated by an old time with no year after it
    ("新中国成立之初,…", "上世纪八十年代,…"). A fall is dated by its end; None for a later or undated one.

    >>> fall = "2010年贫困人口为9.8万人,到2012年减少到6.5万人"
    >>> _history(fall, _TRANSITIONS["people_then_down"].search(fall))
    '2012'
    >>> old = "改革开放初期,当地贫困人口一度达到15.6万人"
    >>> _history(old, _STATEMENTS["poor_count"].search(old))
    '改革开放初期'
    """
    if "b_when" in m.re.groupindex:  # its end's year, else the one dating it (no figure between)
        end_year = _YEAR.search(m.group("b_when") or "")
        since, at = _after_last_figure(text, m.start()), m.start()
        if not end_year and (old := _last(_OLD_TIMES, text, at)) and old.start() >= since:
            return None if _YEAR.search(text, old.end(), at) else old.group()
        dates = _YEAR.findall(text, since, at)
        # Its latest year: a series may run back ("贫困人口2014年为2.64万人,2011年为5.5万人").
        end = max(map(int, _YEAR.findall(m.group()))) if end_year else int(dates[-1]) if dates else 0
        return str(end) if 0 < end < _REGISTERED_FROM else None
    at = _figure_start(m)
    if (old := _last(_OLD_TIMES, text, at)) and not _YEAR.search(text, old.end(), at):
        return old.group()
    year = _year_before(text, at)
    return str(year) if 0 < year < _OLD_LINE_BEFORE else None


# The register (建档立卡) counts the poor from 2013 on; the poverty line before 2011 counted others.
_REGISTERED_FROM = 2013
_ERA_WORDS = re.compile(r"建档立卡|立档建卡|精准扶贫|精准脱贫|脱贫攻坚")
_OLD_LINE_BEFORE = 2010
# Times long before it, written without a year.
_OLD_TIMES = re.compile(
    r"上世纪[\d零一二三四五六七八九十]+年代[初中末]?(?:期)?|二十世纪[\d零一二三四五六七八九十]+年代"
    r"|(?:新中国成立|建国|解放|改革开放)(?:之初|初期|前|以前)"
)


def _subgroup(text: str, position: int) -> re.Match[str] | None:
    """The word making the figure at ``position`` a sub-group's; 其中 after the whole population
    ("总人口52万人,其中贫困人口5.1万人") introduces the region's poor, not a part of them, and 涉及
    after their households their people ("贫困户4210户,涉及贫困人口15860人"). A word opening a 、
    list is said of each item ("涉及贫困村98个、贫困人口3.2万人")."""
    head = _clause_head(text, position)
    start = position - len(head)
    if not (sub := _SUBGROUP.search(head)):
        head, start = _list_head(text, position)
        sub = _SUBGROUP.search(head)
    previous = text[_last_mark(text, ",;:", 0, max(start - 1, 0)) + 1 : start]
    if sub and sub.group() == "其中" and _EVERYONE.search(previous):
        return None
    # 涉及 after a count of the poor households gives their people, unless those households are a
    # sub-group themselves (their clause ends at start - 1).
    if (
        sub
        and sub.group() == "涉及"
        and _POOR_HOUSEHOLDS_BEFORE.search(previous)
        and not _subgroup(text, start - 1)
    ):
        return None
    return sub


def _list_head(text: str, position: int) -> tuple[str, int]:
    """The words opening the 、 list whose item starts at ``position``, before the first item's noun,
    and where they start; ("", position) when the item is in no list.

    >>> _list_head("共实施项目326个,涉及贫困村98个、贫困人口3.2万人", 19)
    ('涉及', 10)
    >>> _list_head("全县有贫困村98个、贫困人口3.2万人", 10)
    ('全县有', 0)
    """
    # A bracket qualifying an item ("2063个贫困村(含深度贫困村35个)、36万贫困人口") is of that item.
    text = _QUALIFIER_RE.sub(lambda q: "\x20" * len(q.group()), text)
    at, first = _last_mark(text, ",、(", 0, position), -1
    while at >= 0 and text[at] == "、":
        first, at = at, _last_mark(text, ",、(", 0, at)
    if first < 0:
        return "", position
    words = text[at + 1 : first]
    ends = [m.start() for m in (_A_DIGIT.search(words), _LISTED_NOUN.search(words)) if m]
    return words[: min(ends, default=len(words))], at + 1


_A_DIGIT = re.compile(r"\d")
_QUALIFIER_RE = re.compile(_QUALIFIER)
_LISTED_NOUN = re.compile(f"{_POOR}|{_VILLAGE}|{_COUNTY}|{_RATE_NOUN}")
_SAID_OF_BEFORE = re.compile(f"{_LISTED_NOUN.pattern}|由|从")
_FROM_FIRST = re.compile("由|从")


def _clause_head(text: str, position: int) -> str:
    """The text of the clause before ``position``: back to the last comma, 、 or open bracket, and
    over a colon ("其中:产业型贫困户587户"); a bracket closed inside it is a qualifier, left out.

    >>> _clause_head("共有1124户,其中:产业型贫困户587户", 14)
    '其中:产业型'
    >>> _clause_head("贫困人口(不含动态新增人口)4.61万户", 14), _clause_head("贫困人口(含兜底对象326人)", 10)
    ('贫困人口', '含兜底对象')
    """
    at = _last_mark(text, ",、(", 0, position)
    while at >= 0 and text[at] == "(" and ")" in text[at:position]:  # a bracket closed before it
        at = _last_mark(text, ",、(", 0, at)
    return _CLOSED_BRACKET.sub("", text[at + 1 : position])


_CLOSED_BRACKET = re.compile(r"\([^()]*\)")


def _dated_by(text: str, m: re.Match[str], before: str, this_year: int = 0) -> int:
    """The year dating the lone figure ``m``: the last before it in its clauses; or, when they name
    neither a year nor the present, the year of the statement they go on after ";" (``before``:
    "2018年贫困户393户1087人;贫困发生率为0.76%"), as a frame opening a statement governs each of
    its parts. "今年"/"去年" are read by the page's date, ``this_year`` (0: unknown).

    >>> _dated_by("贫困发生率为0.76%", re.search(r"0.76%", "贫困发生率为0.76%"), "2018年贫困户393户;")
    2018
    >>> _dated_by("目前贫困发生率0.5%", re.search(r"0.5%", "目前贫困发生率0.5%"), "2014年贫困户393户;")
    0
    >>> said = "贫困发生率为0.76%,这是2018年底的数据。"
    >>> _dated_by(said, re.search(r"0.76%", said), "")
    2018
    >>> rates = "贫困发生率依次为16.2%、4.6%"
    >>> _dated_by(rates, re.search(r"16.2%", rates), "2015年、2019年;")
    0
    """
    at = _figure_start(m)
    if year := _year_before(text, at, this_year):
        return year
    # Values given in turn (依次为16.2%、9.0%、4.6%) are of the statement's several years, not its last.
    if _NOW.search(text, 0, at) or _IN_TURN.search(text, 0, at):
        return 0
    if data := _DATA_OF.search(text, m.end()):
        return int(data["year"])
    return _year_before(before, len(before), this_year)


def _lead(text: str, position: int) -> str:
    """The clause before ``position``, a 、 list included; a clause holding only the figure
    continues the one before.

    >>> _lead("全省共有19个贫困县,1342个贫困村", 11)
    '全省共有19个贫困县,'
    """
    start = _last_mark(text, ",;:", 0, position) + 1
    if start > 0 and not text[start:position].strip():
        start = _last_mark(text, ",;:", 0, start - 1) + 1
    return text[start:position]


def _respectively(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """分别 in the clause of ``m``, before its first figure: the figures of several units."""
    found = _RESPECTIVELY.search(text, _last_mark(text, ",;:", 0, m.start()) + 1, m.end())
    if found is None:
        return None
    first_digit = m.start() + next((d.start() for d in re.finditer(r"\d", m.group())), 0)
    return found if found.start() < first_digit else None


def _last_batch(text: str, end: int) -> re.Match[str] | None:
    """The last ones (最后) before ``end`` in the sentence: "最后的7个贫困县全部摘帽,31.2万贫困人口全部
    脱贫" are the last batch's people; an exit told as the background of a whole (随着最后7个县摘帽,
    11个贫困县全部摘帽,105.2万…全部脱贫) is not."""
    found = next(reversed(list(_LAST_BATCH.finditer(text, 0, end))), None)
    if found is None:
        return None
    clause = _last_mark(text, ",;:", 0, found.start()) + 1
    return None if text.startswith("随着", clause) else found


def _last_mark(text: str, marks: str, start: int, end: int) -> int:
    """The index of the last of ``marks`` in ``text[start:end]``, -1 if none; the comma of a number
    grouped by threes (25,586户) marks nothing.

    >>> _last_mark("有2,063个村,36万人", ",", 0, 12), _last_mark("有2,063个村", ",", 0, 9)
    (8, -1)
    """
    at = max(text.rfind(c, start, end) for c in marks)
    while at >= 0 and GROUPING_COMMA.match(text, at):
        at = max(text.rfind(c, start, at) for c in marks)
    return at


def _first_mark(text: str, marks: str, start: int) -> int:
    """The index of the first of ``marks`` in ``text`` from ``start``, or its length; the comma of a
    number grouped by threes marks nothing."""
    at = start - 1
    while True:
        at = min((i for i in (text.find(c, at + 1) for c in marks) if i >= 0), default=len(text))
        if at == len(text) or not GROUPING_COMMA.match(text, at):
            return at


def _last(pattern: re.Pattern[str], text: str, position: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text`` before ``position``."""
    matches = list(pattern.finditer(text, 0, position))
    return matches[-1] if matches else None


def _figure_start(m: re.Match[str]) -> int:
    """Where the first figure of ``m`` starts: a year between its noun and it dates it too
    ("贫困发生率2014年为12.5%")."""
    return min((m.start(g) for g in _GROUP_FIELDS if g in m.re.groupindex and m.group(g)), default=m.start())


def _table_field(label: str, unit: str) -> str | None:
    """The field a table row counts, by its label and unit: "贫困户(户)" households, "贫困人口(万人)"
    people, "贫困发生率(%)" the rate, "贫困村(个)" villages; None for any other row (incomes...)."""
    label = label.strip()
    if re.fullmatch(rf"{_RATE_NOUN}", label):
        return "incidence_rate" if unit == "%" else None
    if re.fullmatch(rf"{_VILLAGE}(?:数|个数)?", label):
        return "poor_villages" if unit == "个" else None
    if re.fullmatch(rf"{_COUNTY}(?:数|个数)?", label):
        return "poor_counties" if unit == "个" else None
    if re.fullmatch(rf"{_POOR}(?:数)?", label):
        return "households" if unit.endswith("户") else "people" if unit.endswith("人") else None
    return None


# Under a header's group naming the poor (建档立卡, 剩余未脱贫), a count is of the poor.
_COUNTED = {"户数": "households", "人数": "people"}


def _header_years(text: str, before: int) -> list[str]:
    """The years of the nearest table header above ``before`` ("指标|2014年|2019年"), within a few lines;
    [] when none, or when they do not rise."""
    lines = text[:before].split("\n")[-12:-1]
    for line in reversed(lines):
        if header := _TABLE_HEADER.fullmatch(line.strip()):
            years = re.findall(r"\d{4}", header.group("years"))
            return years if years == sorted(set(years)) else []
    return []


def _past(text: str, position: int) -> re.Match[str] | None:
    """The past cue before ``position`` in its sentence when no present cue follows it ("五年前,…
    还有", not "五年前…;如今,仅剩")."""
    past, now = _last(_PAST, text, position), _last(_NOW, text, position)
    return past if past and (not now or now.start() < past.start()) else None


def _after_last_figure(text: str, position: int) -> int:
    """Where the text after the last figure before ``position`` starts (0 when none)."""
    figure = _last(_A_FIGURE, text, position)
    return figure.end() if figure else 0


def _year_before(text: str, position: int, this_year: int = 0) -> int:
    """The last year written before ``position``: "2014年", or "今年"/"去年" read by the page's
    date (``this_year``); 0 when none, or when that date is unknown (a relative year after an older
    one is no time of the older one's).

    >>> _year_before("2014年有贫困人口3万人,今年贫困发生率", 20), _year_before("…今年贫困发生率", 8, 2018)
    (0, 2018)
    >>> _year_before("去年底,贫困发生率", 8, 2020), _year_before("比去年减少2014年", 10)
    (2019, 2014)
    """
    found = _last(_A_YEAR, text, position)
    if found is None:
        return 0
    if found["year"]:
        return int(found["year"])
    return this_year - (found["relative"] == "去") if this_year else 0


def _year_of(time: str | None, this_year: int) -> int:
    """The year of a time as a draft is dated by it: "2019年底", "2019"; "去年底" read by the page's
    date (``this_year``), as the panel reads it; 0 when it names none.

    >>> _year_of("截至2019年底", 0), _year_of("2019", 0), _year_of("去年底", 2020), _year_of("目前", 2020)
    (2019, 2019, 2019, 0)
    """
    found = re.search(r"\d{4}", time or "")
    return int(found.group()) if found else _year_before(time or "", len(time or ""), this_year)


_A_YEAR = re.compile(rf"(?<!\d)(?P<year>\d{{4}})年|(?=(?P<relative>[今去])){_RELATIVE_YEAR}")


def _target_cue(text: str, position: int) -> re.Match[str] | None:
    """The plan word before ``position`` that makes a figure a target: in its clause ("计划实现贫困
    人口10500人脱贫"), or in the clause before when that one names what is planned.

    >>> _target_cue("确保10个贫困村摘帽,贫困人口2184人全部脱贫", 17).group()
    '确保'
    >>> _target_cue("确保打赢脱贫攻坚战,贫困人口由2.2万人减少到1000人", 15) is None
    True
    >>> _target_cue("计划减贫3000人,目前已完成2860人脱贫", 15) is None
    True
    >>> _target_cue("力争到2020年,贫困人口减少到500人,12个贫困村全部出列", 22).group()
    '力争'
    """
    comma = _last_mark(text, ",", 0, position)
    own = _TARGET.search(text, comma + 1, position) or _PURPOSE.search(text, comma + 1, position)
    if own := own or _FUTURE.search(_clause_head(text, position)):
        return own
    if comma < 0 or _ACHIEVED.search(text, comma + 1, position):
        return None
    # A plan naming what is planned governs the clauses listed after it ("目标是到2020年,贫困人口减少到
    # 500人以下,12个贫困村全部出列"), up to one saying what is done or a plan word of a slogan.
    while comma >= 0:
        opened = _last_mark(text, ",", 0, comma)
        previous = text[opened + 1 : comma]
        if (planned := _TARGET.search(previous)) and _PLANNED.search(previous):
            return planned
        if frame := _PLAN_FRAME.fullmatch(previous):
            return frame
        if planned or _ACHIEVED.search(previous):
            return None
        comma = opened
    return None


def _as_of(when: str | None) -> str | None:
    """The year written inside a transition, if any, as written ("降至去年底的8.7万人"): "由底34.18万人"
    (its year lost in the source) or "到目前的" says none.

    >>> _as_of("2014年底的"), _as_of("2014年建档立卡时的"), _as_of("去年底的"), _as_of("底"), _as_of(None)
    ('2014年底', '2014', '去年底', None, None)
    """
    found = _WRITTEN_YEAR.match(when or "")
    return _bare_year(found.group()) if found else None


def _time_before(text: str, before: int) -> tuple[re.Match[str], bool] | None:
    """The last time written before ``before``, and whether it opens a period (2014年以来,
    自2014年, a fall's start: "由2011年底的775万人减少到…") rather than ending one."""
    times = list(_AS_OF.finditer(text, 0, before))
    if not times:
        return None
    time = times[-1]
    return time, bool(
        _SINCE_AFTER.match(text, time.end()) or text[: time.start()].endswith(("自", "从", "由"))
    )


def _ended(text: str, before: int) -> str | None:
    """The time before ``before`` that ends a period, as a draft is dated by it."""
    found = _time_before(text, before)
    return _bare_year(found[0].group()) if found and not found[1] else None


def _bare_year(phrase: str) -> str:
    """'2014年' -> '2014'; other phrases stay as written.

    >>> _bare_year("2014年"), _bare_year("2019年底")
    ('2014', '2019年底')
    """
    return phrase[:-1] if re.fullmatch(r"\d{4}年", phrase) else phrase


# A statement opening on its time and a fall, its noun elided: it goes on the one before ";"
# ("贫困发生率2013年底为39.86%;2019年底下降到0.07%").
_ELIDED_FALL = re.compile(rf"{_LATER}(?:{_GOING_ON})*{_DOWN}\x20?\d")


# Statements that name no subject of their own and go on the one before them: name -> (how the one
# before ends, how the one going on opens). An elided fall after ";" ("…2013年底为39.86%;2019年底下降
# 到0.07%"); the people of the households just counted, after "。" or ";" ("…贫困户1658户。共计7604人").
_CONTINUED = {
    "elided_fall": (re.compile(r";$"), _ELIDED_FALL),
    "people_of_the_households": (re.compile(rf"{_HH}[。;]$"), re.compile(rf"{_TOTAL_WORD}\x20?{_PP}")),
}


def _join_continued(document: Document, sentences: Iterable[Sentence]) -> list[Sentence]:
    """``sentences``, each statement going on the one before it (_CONTINUED) joined to it, so the
    rules read both (and the evidence quotes both)."""
    joined: list[Sentence] = []
    for sentence in sentences:
        before = joined[-1] if joined else None
        if (
            before
            and not document.text[before.end : sentence.start].strip()
            and any(
                ends.search(before.text) and opens.match(sentence.text) for ends, opens in _CONTINUED.values()
            )
        ):
            joined[-1] = Sentence(before.start, sentence.end, document.text[before.start : sentence.end])
        else:
            joined.append(sentence)
    return joined


def find_figures(
    document: Document, sentences: Iterable[Sentence], trace: Trace, region: Region | None = None
) -> tuple[Snapshot | None, Snapshot | None]:
    """(baseline, outcome) for the article's main ``region`` (when known, another place's figures
    are skipped)."""
    every = list(sentences)
    finder = _Finder(document, trace, region, plan_sections(document, every))
    # A sentence opening with 其中 gives a part of the region ("其中,昭觉县减少贫困人口3.1万人").
    sentences = [
        s
        for s in _join_continued(document, every)
        if _ABOUT_POVERTY.search(s.text) and _HAS_NUMBER.search(s.text) and not s.text.startswith("其中")
    ]
    finder.table_cells()
    finder.records()
    for sentence in sentences:
        finder.labelled_cells(sentence)
    finder.put_labelled()
    for sentence in sentences:
        finder.card_line(sentence)
    finder.put_cards()
    for step in (finder.table_row, finder.transitions, finder.left, finder.statements):
        for sentence in sentences:
            step(sentence)
    finder.put_statements()
    finder.put_card_of_one_year()
    for step in (finder.lifted, finder.units):
        for sentence in sentences:
            step(sentence)
    finder.choose_lifted()
    finder.dated_sequence()
    finder.undate_a_late_baseline()
    return finder.baseline.snapshot(), finder.outcome.snapshot()
