"""The article's main region: the division, township or village it is about, or the nation.

Every place the article names is a candidate: the divisions of the gazetteer (also by a clipped
form such as 陈旗 once named in full), the townships and villages it names (东乡县高山乡布楞沟村,
also where no division stands next to them) and the nation (全国, 中国, 我国: named 全国). A
candidate scores its mentions: a headline mention weighs more; one that lists a place among others,
locates the next place (广西|崇左市: a county report keeps naming its province), names a government
body or an institution (兰州银行, 中国农业大学), files the report (a dateline, a paper), sets an
anecdote (a household's address, a village post, a home town) or points elsewhere (在北京召开的,
运往上海) weighs less; a neighbour (北接己衣镇, 与凉山州接壤) weighs nothing. The times the article
calls its subject by kind alone (全县, 我市, 该镇, XX乡) go to the best-mentioned candidate of that
kind (and the places it holds), never to a partner. The best-scored candidate is the subject; in
East-West cooperation the helping side's mentions weigh half, unless the helped side is named only
in passing. An article that calls its subject by a kind it never names (a template about 我县) has
none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise

from povsum.document import Document
from povsum.extractors.rules.trace import Trace
from povsum.furniture import column_label, headline, is_paragraph
from povsum.models import Region
from povsum.regions import (
    CENTRAL_GOVERNMENT,
    LOCAL_LEVELS,
    NATIONAL_AREAS,
    NATIONAL_FORMS,
    NATIONAL_NAMES,
    NEIGHBOUR,
    NEIGHBOUR_WORDS,
    SELF_REFERENCE,
    Division,
    Mention,
    abbreviations,
    common_word_base,
    gazetteer,
    is_eastern_helper,
)
from povsum.sentences import Sentence, evidence

_DEPTH = {
    "national": -1,
    "province": 0,
    "prefecture": 1,
    "county": 2,
    "district": 2,
    "township": 3,
    "village": 4,
}

# --- the weight of one mention -----------------------------------------------------------------
_TITLE_WEIGHT = 5.0  # a headline names what the article is about
_MINOR_WEIGHT = 0.5  # a place listed, locating another, acting as a body, or filing the report
# A newspaper's or a dateline's city is where the report was filed, seldom what it is about
# (but a city paper calls its city 我市): 永州日报讯, 新华社南昌8月6日电, 本报北京4月27日电,
# 央广网西宁9月23日消息. Before the city stands an agency, a site, a paper or a station (社, 网 but
# not 互联网 or 电网, 电视台, 日报, 客户端…); after it the paper's own name or the dateline's date
# and 电/讯/消息.
_PRESS_BEFORE = re.compile(
    r"(?:新华社|中新社|通讯社|报社|(?<!互联)(?<!电)网|电视台|电台|本报|日报|晚报|时报|新闻|客户端)$"
)
_PRESS_AFTER = re.compile(
    r"日报|晚报|都市报|电视台|广播电视台|广播电视总台|广电|卫视|融媒|新闻|网|讯|(?:\d{1,2}月)?\d{1,2}日(?:电|讯|消息)"
)
# A place named to say where another lies: 松岭村,地处遂昌县东北部; 嘎查隶属兴安盟扎赉特旗.
_LOCATES_BEFORE = re.compile(r"(?:位于|地处|隶属|坐落于|坐落在)于?$")
# But a project or a plant located so is at work in the place, which it does not locate:
# 建设项目位于纳雍县青杠乡, 扶贫车间坐落在会宁县.
_SITE_LOCATED = re.compile(
    r"(?:项目|工程|基地|园区|产业园|工厂|车间|安置点|安置区|小区|景区|企业|公司|合作社|学校|医院)"
    r"(?:位于|地处|坐落于|坐落在)$"
)
# A person's address down to the village group, or a post in a village, sets an anecdote
# (李某是龙泉乡柏树村五组的低保户, 家住石门村, 乌兰嘎查驻村工作队员, 某村第一书记): a county
# report tells one so about one of its villages.
# So does a person's home town (老家在湖北十堰, 四川籍务工人员, 温州客商, 来自河南信阳的队员; but
# the relocated 来自三宝乡 come from the place reported on).
_RESIDENT_BEFORE = re.compile(r"(?:家住|住在|老家在?)$")
_HOMETOWN_BEFORE = re.compile(r"来自$")
_HOMETOWN_AFTER = re.compile(r"的")
_RESIDENT_AFTER = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[组社](?![织成建员团会])|驻村|第一书记|籍|客商|商人"
)
# A government body named after its place acts on the subject, it is not the subject's name:
# 贵州省财政厅下达…用于纳雍县, 北京市支援合作办.
_BODIES = (
    *("委", "政府", "人大", "政协", "纪委", "组织部", "宣传部", "统战部"),  # the party and government
    *(
        "财政",
        "扶贫办",
        "扶贫开发",
        "扶贫局",
        "乡村振兴局",
        "发改委",
        "民政",
        "教育厅",
        "人社",
    ),  # departments
    *("农业农村", "卫健", "交通运输", "水利", "住建", "林业", "商务", "文旅", "医保", "统计局"),
    *("自然资源", "生态环境", "应急管理", "市场监管", "税务", "审计", "公安", "法院", "检察院"),
    *("妇联", "团委", "工商联", "残联", "总工会", "供销", "支援合作"),  # mass organisations, aid offices
    *("人民银行", "农商", "邮政"),  # banks and the post
)
# ...and so does an institution or a firm named after it, which may serve the whole country:
# 甘肃农业大学, 兰州银行, 四川大学华西医院, 中国移动, 中国之声; a bank, its branch or a society
# may have a word before its kind (中国农业银行, 国家开发银行甘肃分行, 中国扶贫基金会).
_NAMESAKES = (
    *("大学", "农业大学", "师范大学", "理工大学", "医科大学", "学院", "职业技术学院", "医院", "研究院"),
    *("科学院", "农科院", "农业科学院", "社科院", "信用社", "农信", "移动", "电信", "联通", "之声"),
)
_NAMED_BODIES = r"[\u4e00-\u9fff]{0,4}?(?:银行|分行|支行|基金会|促进会|协会|学会|商会)"
_INSTITUTION_AFTER = re.compile(rf"[省市县区州盟旗]?(?:{'|'.join((*_BODIES, *_NAMESAKES, _NAMED_BODIES))})")
# An editor's note introduces a series or the paper's reporting, not the article's subject
# (编者按:…本报推出系列报道,聚焦甘肃各地的脱贫故事): its line, or the line after its heading alone.
_EDITORS_NOTE = re.compile(r"[【\[]?(?:编者按|编者的话|编后语|编者注)[】\]]?\s*:?")
# One place of several: 化隆、循化两县, 甘南等5县.
_LISTED_BEFORE = re.compile(r"、$")
_LISTED_AFTER = re.compile(r"、|等|[—–-](?=[\u4e00-\u9fff])")  # 中国—东盟博览会 pairs two
# A division's name followed by these names a township, village, road or station after it.
_NAMESAKE_AFTER = re.compile(rf"{'|'.join(LOCAL_LEVELS)}|路|大道|大街|站|机场")

# --- the subject called by its kind ------------------------------------------------------------
# 全县, 我市, 该镇, 本村. A place's kind is the last character of its name (县 for 会宁县, 旗 for
# 科左后旗, 区 for 广西壮族自治区) or one of these two-character suffixes.
# A template's placeholder (XX乡, 某镇) stands for its subject too.
_SELF_PREFIXES = ("全", "我", "该", "本", "这个", "XX", "xx", "某")
_TWO_CHARACTER_KINDS = ("嘎查", "苏木", "街道", "社区", "地区")
_NATIONAL_KIND = "国"  # 全国, 我国
_KINDS = (*_TWO_CHARACTER_KINDS, *"省市州盟县旗区乡镇村屯", _NATIONAL_KIND)
_SELF_REFERENCE_ANY = re.compile(f"(?:{'|'.join(_SELF_PREFIXES)})(?P<kind>{'|'.join(_KINDS)})")
# A whole the subject ranks or measures itself in is the one it is part of, not the subject (排全市
# 第一, 居全省首位, 走在全省前列, 全省各市第一, 高于全国平均水平): not a self-reference. But 安排全县 is
# no rank; 全县第一书记 are the county's, 全省第三次大会 its event, 全市第一产业, 第一季度 and 第一批 its
# own, 全县平均海拔 its average; and a share (占全县总人口的) is most often of the subject's own people.
_RANKED_IN_BEFORE = re.compile(r"(?:(?<!安)排名?|位居|位列|名列|居|走在|领跑|高于|低于|超过|相当于)$")
_RANKED_IN_BEFORE_SPAN = 3
_RANKED_IN_AFTER = re.compile(
    r"(?:各[省市州县区旗乡镇村]+)?(?:第[一二三四五六七八九十\d]+(?![一二三四五六七八九十\d次届产季批]|书记)|前列|首位|之首|前茅|平均水平)"
)

# --- townships and villages --------------------------------------------------------------------
# Words that start with a suffix's character: 乡村, 乡镇, 村民, 村集体 (实现村集体经济 names no 实现村).
_WORDS_AFTER = {
    "乡": "村|镇|长|党|级",
    "镇": "村|级|长|党",
    "村": "民|委|集体|级|干部|组|里|庄|落|务|两委|容|貌|道|部|医|小|党|支|主任|卫生|寨|口|长|屯|一品",
}
# Longest first, so 嘎查 is tried before a one-character suffix.
_LOCAL_SUFFIX = re.compile(
    "|".join(
        f"{suffix}(?!{_WORDS_AFTER[suffix]})" if suffix in _WORDS_AFTER else suffix
        for suffix in sorted(LOCAL_LEVELS, key=len, reverse=True)
    )
)
# A stem is two to five Chinese characters; a level character (花垣县|双龙镇|十八洞村) or anything
# that is not Chinese ends it on the left.
_STEM_LENGTHS = range(2, 6)
_LONE_STEM_MAX = 3  # the longest stem of a name mentioned once, after a character not Chinese
# A profile says where its neighbours lie: 北接己衣镇, 东南与发窝乡 name 己衣镇 and 发窝乡, which
# are not the subject.
_BORDER = re.compile(r"[东南西北]{1,2}(?:与|接|邻|连|靠|临|至|抵)")
# ...and so do reports on their neighbours: 邻近的会宁县, 与之相邻的通渭县.
_BORDER_BEFORE = re.compile(rf"(?:{_BORDER.pattern}|{NEIGHBOUR})$")
# ...or the border after its name: 与四川省凉山州接壤, 同陕西交界.
_BORDER_AFTER = re.compile(r"接壤|毗邻|交界|相邻|相连|隔河相望")
# But a place the border names describes the one after it: 与通渭县相邻的|会宁县 is 会宁县, its
# neighbour named inside 与…相邻 (与之相邻的 and 邻近的 name none: the place after is the neighbour).
_DESCRIBED_BY_NEIGHBOUR = re.compile(
    rf"[与同和跟](?![之其我本该])[^,;:。、与同和跟]{{2,12}}(?:{NEIGHBOUR_WORDS}|接壤|交界)的$"
)
_DESCRIBED_SPAN = 18
# A place where a meeting or a fair was held (在北京召开的全国…大会, 在杭州举行的对接会) or where
# goods go (销往上海, 运往重庆): the article's subject is elsewhere.
_VENUE_BEFORE = re.compile(r"在$")
_VENUE_AFTER = re.compile(r"(?:召开|举行|举办|开幕|闭幕)")
# (销往全国20多个省市 and 销往全省各地 are no more the subject, nor the nation's provinces.)
_DESTINATION_BEFORE = re.compile(r"(?:销往|运往|发往|远销|销售到|卖到|运到|出口到?)(?:全国|国内)?$")
_DESTINATION_SPAN = 6
# Words that lead in to a name: a border, a preposition or conjunction, a date (2019年|城关乡), the
# part picked out of a whole (其中|青山镇).
_LEAD_IN = re.compile(rf"(?:{_BORDER.pattern}|其中|[和与及在向从对把将被年月日])+")
# A modifier ends right before a name it describes: 全县最偏远的|青山镇.
_MODIFIER_END = "的"
_SHORT_FORM_MIN = 3  # a stem this long also stands for its place alone: 布楞沟, 十八洞
# ...but not as the river or valley it is named after: 独龙江畔, 怒江两岸 (独龙江乡, 怒江州).
_GEOGRAPHY_AFTER = re.compile(r"畔|两岸|沿岸|流域|河谷|峡谷")
# A word between a village's name and 村 that describes it (原隆移民村 is 原隆村, 赤溪畲族村 赤溪村),
# read so where the text also writes the bare name.
_DESCRIPTOR = re.compile(r"(?:生态)?移民|搬迁|[\u4e00-\u9fff]族")
_DESCRIPTOR_BEFORE = re.compile(f"(?:{_DESCRIPTOR.pattern})$")
_DESCRIPTOR_SPAN = 4
_STEM_BREAKS = frozenset("乡镇村县市区省州旗盟")
# Except in words that end in a level's character and often name places: 红旗村, 旧县镇, 新市镇.
_LEVELLED_WORDS = frozenset({"红旗", "旧县", "老县", "新市", "旧市"})
# A stem ending so names a kind of village, not one village: 贫困村, 重点村, 示范村, 嘎查村.
_GENERIC_STEM_ENDS = (
    *LOCAL_LEVELS,
    *("贫困", "重点", "示范", "行政", "自然", "移民", "中心", "美丽", "文明", "小康", "特色", "专业"),
    *("民族", "边境", "搬迁", "安置", "试点", "先进", "所在", "脱贫", "出列", "相邻", "周边", "附近"),
    *("建制", "偏远", "深度"),  # 100%的建制村, 最偏远的村, 深度贫困村
    *("情况", "概况", "简介"),  # a heading run into its text: 一、乡基本情况|乡位于…
)
# A stem holding a verb of these reports is an action on villages, not a village's name:
# 加快村屯道路, 落实镇脱贫攻坚主体责任, 帮扶嘎查, 搬进新社区.
_VERBS = (
    *("加快", "推进", "落实", "实施", "打造", "培育", "帮扶", "扶持", "组织", "实现", "建成", "改造"),
    *("发展", "带动", "深化", "强化", "开展", "巩固", "提升", "完善", "推动", "支持", "引导", "覆盖"),
    *("联系", "包联", "结对", "进驻", "深入", "走进", "来到", "回到", "搬进", "迁入", "涉及", "包括"),
)
# A stem ending in one of these is a phrase about a village, not its name: 驻村, 每个村, 到村.
_FUNCTION_CHARACTERS = frozenset("全该本各每此这那其邻驻进到在回返离整个些幅座们")
# A stem holding a particle or a pronoun anywhere is a phrase: 曾经的穷村, 东与柳河乡, 我代表镇人民
# 政府, 他们村.
_PARTICLES = frozenset("的之与及等了着是为我你他她咱")
# Words that end like a place but are none (农村, 穷村, 城乡, 小镇), by suffix: the last character
# of a stem that makes one.
_WORD_ENDS = {"村": frozenset("农穷富小"), "乡": frozenset("城故老穷"), "镇": frozenset("城小名强重古")}
# 集镇 is a market town (集镇建设, 中心集镇, 小集镇) but also ends many townships' names (王集镇, 东井集镇):
# a word when nothing or a modifier stands before 集.
_MARKET_TOWN_MODIFIERS = ("中心", "小", "重点", "特色", "农村", "乡村", "城乡", "新型", "周边", "附近")
# A place name in quotes is an epithet: “拉面村”, “中国扶贫第一村”.
_QUOTED = re.compile(r"[“\"‘]")
_UNQUOTED = re.compile(r"[”\"’]")

# --- East-West cooperation ---------------------------------------------------------------------
# The article pairs an eastern province or city with the region it helps (上海普陀区 -> 昆明市).
# 结对帮扶 is one only between places (与铜仁市结对帮扶, 结对帮扶恩施州): cadres pair with poor
# households in every county.
_PLACE = r"[\u4e00-\u9fff]{1,8}[省市县州区旗盟]"
_COOPERATION = re.compile(
    rf"东西部(?:扶贫)?协作|扶贫协作|对口帮扶|对口支援|对口援建|携手奔小康|[与和同]{_PLACE}结对帮扶|结对帮扶{_PLACE}"
    r"|挂职干部|派[^,;。]{0,12}挂职"  # a cadre posted from the helping side: 张家港挂职干部, 从X派到Y挂职
)
# Aid named by the one-character name of the helped province (援疆干部, 援滇), or a pairing named
# helper first (沪滇合作, 闽宁协作, 粤桂扶贫协作): every place outside that province is a partner.
_PROVINCE_CHARACTERS = {
    "蒙": "内蒙古自治区", "冀": "河北省", "黔": "贵州省", "滇": "云南省", "陕": "陕西省", "青": "青海省",
    "宁": "宁夏回族自治区", "甘": "甘肃省", "川": "四川省", "桂": "广西壮族自治区", "渝": "重庆市",
    "吉": "吉林省", "疆": "新疆维吾尔自治区", "藏": "西藏自治区",
}  # fmt: skip
_HELPED = "".join(_PROVINCE_CHARACTERS)
_AID_TO = re.compile(
    rf"援(?P<aid>[{_HELPED}])|[京津沪苏浙闽鲁粤](?P<pair>[{_HELPED}])(?:扶贫)?(?:协作|合作|帮扶)"
)
# The eastern side of 东西部扶贫协作 (regions.is_eastern_helper) is a partner wherever the article
# names the side it helps. Its mentions weigh this much: a report on a partner's own aid work still
# names it above all.
_PARTNER_WEIGHT = 0.5

_CENTRAL = re.compile("|".join(CENTRAL_GOVERNMENT))
# Not a county of an area (六盘山片区县), which a county report says it is.
_NATIONAL_FORM = re.compile("|".join(map(re.escape, (*NATIONAL_FORMS, *NATIONAL_AREAS))))
_NATIONAL_MENTION = re.compile(f"(?:{'|'.join(('中国', *NATIONAL_AREAS))})(?!县)")
# A place that belongs to an area says so (古浪县属于六盘山集中连片特困地区, 地处乌蒙山片区): the
# area locates it, it names no national subject.
_MEMBER_OF = re.compile(r"(?:属于|地处|位于|处于|列入|地属)[\u4e00-\u9fff]{0,6}$")
_MEMBER_SPAN = 10
_CENTRAL_MIN = 2
# A report that counts or ranks provinces as its members speaks for the country, even where it
# never writes 全国: 中西部22个省区市, 东部9省市, 各省（区、市）, 搬迁人口最多的省份, 四川、云南等省区.
_PROVINCES_AS_MEMBERS = re.compile(
    r"(?:各|等|\d+多?个?|[二三四五六七八九十]+个)省(?:区市|市区|（区、市）|\(区、市\)|份|区|市)|省份|各省"
)

# How often an article must call its subject by kind (全县) for a name it gives once, unplaced, to
# be taken for it.
_UNPLACED_CALLS = 2
_SUBJECT_MIN = 1.0  # the least score of a subject: one mention on its own, or two that list it


@dataclass(eq=False)
class _Candidate:
    name: str
    level: str
    kind: str  # how the article calls it by kind alone: 县 for 会宁县, 嘎查 for 哈日珠日和嘎查
    at: int  # first mention in the cleaned text
    # The division itself, or for a township or village the nearest division it lies in.
    division: Division | None = None
    mentions: float = 0.0
    named_alone: int = 0  # mentions that neither list, cite nor locate
    first_alone: int | None = None  # where the first of them stands
    named_at: list[int] = field(default_factory=list)  # where those outside the headline stand
    self_references: int = 0
    partner: bool = False  # the helping side of a partnership
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.mentions + self.self_references

    @property
    def depth(self) -> int:
        return _DEPTH[self.level]

    @property
    def province(self) -> str | None:
        return self.division.province if self.division else None


@dataclass(frozen=True, slots=True)
class _Local:
    """One mention of a township or village name, and the place named right before it."""

    start: int
    name: str
    suffix: str
    anchor: Mention | _Local | None


def find_region(document: Document, sentences: Sequence[Sentence], trace: Trace) -> Region | None:
    text = document.text
    mentions, locals_ = _places_named(text)
    title = _headline(document, [*mentions, *locals_])
    inner = _inner_starts(mentions, locals_)
    divisions = _division_candidates(text, mentions, title, inner)
    candidates = [*divisions, *_local_candidates(text, locals_, divisions, mentions, sentences, title, inner)]
    if national := _national_candidate(text, title, mentions):
        candidates.append(national)
    _discount_partners(text, candidates)
    _credit_self_references(text, candidates)
    _as_background(text, candidates)
    # On a tie the helped side beats its partner, and the deeper place wins: a village page names
    # its county as often as the village.
    ranked = sorted(
        (c for c in candidates if c.score > 0), key=lambda c: (-c.score, c.partner, -c.depth, c.at)
    )
    for candidate in ranked[:8]:
        trace.note("region", "score", candidate.name, f"{candidate.score:g} ({'; '.join(candidate.notes)})")
    if not ranked:
        trace.note("region", "no_place", "", "skipped: the article names no place")
    subject = _subject(ranked, text, trace) if ranked else None
    if subject is None:
        subject = _unplaced_subject(text, ranked, trace)
    if subject is None and not any(c.named_alone or c.self_references for c in ranked):
        subject = _central_government(text, trace)
    return _region(document, sentences, subject) if subject else None


# The next line that holds anything, past blank ones.
_NEXT_LINE = re.compile(r"[^\n]*\n\s*(?P<line>[^\n]+)")


def _headline(document: Document, places: Sequence[Mention | _Local]) -> range:
    """The headline's span, unless a paragraph of the text stands above it: a page that lost its
    headline takes a subheading or a story's link between its paragraphs (通渭县:小土豆变成大产业)
    for one, which is about a part of the page or another page. A headline naming no place may be
    the eyebrow (引题: 决战决胜脱贫攻坚) over the one that does, on the next line: the two are one. One
    naming only the province or prefecture of the place the next line names is the series' or the
    section's (甘肃:决战决胜脱贫攻坚 over 古浪县:搬出来的好日子), and so is one naming only
    provinces or prefectures over a line naming no place (over 搬出来的好日子): the next line is the
    headline. A
    column's label before it (【甘肃脱贫攻坚进行时】) is no part of it either."""
    title = document.title_span
    text = document.text
    above = text[: title.start].split("\n") if title else []
    if any(is_paragraph(line.strip()) for line in above):
        return range(0)
    # A column's label (【甘肃脱贫攻坚进行时】) before the headline is not the headline.
    title = range(title.start + len(column_label(text[title.start : title.stop])), title.stop)
    if not title:
        return title
    eyebrow = [place for place in places if place.start in title]
    below = _NEXT_LINE.match(text, title.stop)
    main = headline(below["line"].strip()) if below else None
    if below is None or main is None or is_paragraph(below["line"]):
        return title
    start = below.start("line")
    stop = text.index(main, start) + len(main)
    named = [place for place in places if place.start in range(start, stop)]
    if not eyebrow:
        return range(title.start, stop) if named else title
    if main.startswith(_SUBTITLE_DASHES):
        return title
    framed = _frames(eyebrow, named) if named else _frames_any(eyebrow)
    return range(start + len(column_label(main)), stop) if framed else title


# A subtitle (副题) below the headline opens with a dash: ——记会宁县柳树村.
_SUBTITLE_DASHES = ("—", "-", "–")


def _frames(eyebrow: Sequence[Mention | _Local], named: Sequence[Mention | _Local]) -> bool:
    """Whether the places of an eyebrow (甘肃:决战决胜脱贫攻坚, 聚焦白银) are only the provinces or
    prefectures holding a division that the headline below names, with a place deeper than them:
    the series or the paper's section, over the headline of the article (古浪县:搬出来的好日子)."""
    below = [place.division for place in named if isinstance(place, Mention)]
    depths = (_DEPTH[LOCAL_LEVELS[p.suffix]] if isinstance(p, _Local) else p.division.depth for p in named)
    deepest = max(depths)
    return all(
        isinstance(place, Mention)
        and place.division.depth < deepest
        and any(place.division == d or place.division.name in _ancestors(d) for d in below)
        for place in eyebrow
    )


def _frames_any(eyebrow: Sequence[Mention | _Local]) -> bool:
    """Whether the places of an eyebrow over a headline naming none are only provinces or
    prefectures (甘肃:决战决胜脱贫攻坚 over 搬出来的好日子): a series or a paper's section, which
    covers such a whole, not the article's subject (the body names that)."""
    return all(
        isinstance(place, Mention) and place.division.depth <= _DEPTH["prefecture"] for place in eyebrow
    )


def _weight(text: str, start: int, end: int, title: range, inner: Mapping[int, int]) -> tuple[float, str]:
    """The weight of the place named at text[start:end] and the cue that set it."""
    # A place named with its province (邻近的定西市安定区, 来自河南信阳) takes the words before both.
    first = _chain_start(start, inner)
    if _is_neighbour(text, first, end):
        return 0.0, "neighbour"
    full = _TITLE_WEIGHT if start in title else 1.0
    if _PRESS_BEFORE.search(text, max(0, start - 4), start) or _PRESS_AFTER.match(text, end):
        return _MINOR_WEIGHT, "press"
    if _in_editors_note(text, start):
        return _MINOR_WEIGHT, "editor's note"
    if (_VENUE_BEFORE.search(text, max(0, first - 1), first) and _VENUE_AFTER.match(text, end)) or (
        _points_elsewhere(text, first)
    ):
        return full * _MINOR_WEIGHT, "elsewhere"
    # A place listed with its province (四川凉山州、云南怒江州) is listed as a whole.
    if _LISTED_BEFORE.search(text, max(0, first - 1), first) or _LISTED_AFTER.match(text, end):
        return full * _MINOR_WEIGHT, "listed"
    if end in inner or _locates(text, start):
        return full * _MINOR_WEIGHT, "locator"
    if _INSTITUTION_AFTER.match(text, end):
        return full * _MINOR_WEIGHT, "institution"
    resident = (
        _RESIDENT_BEFORE.search(text, max(0, first - 3), first)
        or _RESIDENT_AFTER.match(text, end)
        or (_HOMETOWN_BEFORE.search(text, max(0, first - 2), first) and _HOMETOWN_AFTER.match(text, end))
    )
    if resident and start not in title:  # a headline's 柏杨坝贫困户喜迁新居 is about 柏杨坝
        return _MINOR_WEIGHT, "resident"
    return full, "title" if start in title else "mention"


def _in_editors_note(text: str, at: int) -> bool:
    """Whether ``at`` stands in an editor's note: on the line opening with 编者按, or on the line
    after a heading 编者按: alone."""
    line = text.rfind("\n", 0, at) + 1
    if _EDITORS_NOTE.match(text, line):
        return True
    before = text[text.rfind("\n", 0, max(0, line - 1)) + 1 : line].strip()
    return bool(before) and _EDITORS_NOTE.fullmatch(before) is not None


def _is_neighbour(text: str, first: int, end: int) -> bool:
    """Whether the place named from ``first`` to ``end`` is a neighbour: 邻近的|通渭县, 北接|己衣镇,
    通渭县|相邻, but not the place a neighbour describes (与通渭县相邻的|会宁县)."""
    if _BORDER_AFTER.match(text, end):
        return True
    return bool(_BORDER_BEFORE.search(text, max(0, first - 3), first)) and not _DESCRIBED_BY_NEIGHBOUR.search(
        text, max(0, first - _DESCRIBED_SPAN), first
    )


def _points_elsewhere(text: str, at: int) -> bool:
    """Whether goods go to the place named at ``at``: 运往|重庆, 销往全国|20多个省市."""
    return bool(_DESTINATION_BEFORE.search(text, max(0, at - _DESTINATION_SPAN), at))


def _chain_start(start: int, inner: Mapping[int, int]) -> int:
    """Where the chain of containers of the place named at ``start`` starts: 宁夏|银川市|永宁县."""
    while start in inner:
        start = inner[start]
    return start


def _locates(text: str, start: int) -> bool:
    """Whether the place named at ``start`` says where another lies (下姜村,地处|淳安县), not where
    a project does (项目位于|威信县)."""
    return bool(_LOCATES_BEFORE.search(text, max(0, start - 4), start)) and not _SITE_LOCATED.search(
        text, max(0, start - 8), start
    )


_ALONE_CUES = ("title", "mention")


def _tally(candidate: _Candidate, weights: Iterable[tuple[int, float, str]]) -> None:
    """Add the weights of mentions (where each starts, its weight and the cue that set it)."""
    counts: dict[str, int] = {}
    for start, weight, cue in weights:
        candidate.mentions += weight
        if cue in _ALONE_CUES:
            candidate.named_alone += 1
            first = candidate.first_alone
            candidate.first_alone = start if first is None else min(first, start)
            if cue == "mention":
                candidate.named_at.append(start)
        counts[cue] = counts.get(cue, 0) + 1
    if counts:
        candidate.notes.append(" ".join(f"{cue}×{n}" for cue, n in counts.items()))


_INTRODUCED = 1  # how often a county report names the village it introduces (永平县|建设村)


def _inner_starts(mentions: Sequence[Mention], locals_: Sequence[_Local]) -> dict[int, int]:
    """Where a place starts that is named right after a place containing it: 宁夏|银川市|永宁县,
    闽宁镇|原隆村. A county naming its village (永平县|建设村) is no mere locator: county reports
    introduce their villages so. Each start maps to where its container's name starts."""
    times = Counter(local.name for local in locals_)
    starts = {
        m.start: m.anchor.start
        for m in locals_
        if m.anchor is not None and (isinstance(m.anchor, _Local) or times[m.name] > _INTRODUCED)
    }
    for outer, inner in pairwise(mentions):
        if outer.end == inner.start and outer.division.name in _ancestors(inner.division):
            starts[inner.start] = outer.start
    return starts


def _ancestors(division: Division) -> set[str]:
    return {name for name in (division.province, division.prefecture) if name and name != division.name}


def _kind(name: str) -> str:
    """How an article calls the place ``name`` by kind alone.

    >>> _kind("会宁县"), _kind("哈日珠日和嘎查"), _kind("广西壮族自治区"), _kind("阿里地区")
    ('县', '嘎查', '区', '地区')
    """
    return next((k for k in _TWO_CHARACTER_KINDS if name.endswith(k)), name[-1])


def _division_candidates(
    text: str, mentions: Sequence[Mention], title: range, inner: Mapping[int, int]
) -> list[_Candidate]:
    by_division: dict[Division, list[Mention]] = {}
    for mention in mentions:
        by_division.setdefault(mention.division, []).append(mention)
    candidates = []
    for division, found in by_division.items():
        # A report of the years before a county became a city or a district calls it a county
        # (旬阳县): it is named as the report names it, with the county's level.
        named = {m.text for m in found}
        name = division.former_county if division.former_county in named - {division.name} else division.name
        candidate = _Candidate(
            name=name,
            level=division.level if name == division.name else "county",
            kind=_kind(name),
            at=found[0].start,
            division=division,
        )
        _tally(candidate, ((m.start, *_weight(text, m.start, m.end, title, inner)) for m in found))
        if any(m.text == division.name for m in found):
            _tally(candidate, _abbreviated_weights(text, division, title, inner, found))
        elif title and (base := common_word_base(division.name)) and text.startswith(f"{base}:", title.start):
            _tally(candidate, [(title.start, _TITLE_WEIGHT, "title")])
        candidates.append(candidate)
    return candidates


def _abbreviated_weights(
    text: str, division: Division, title: range, inner: Mapping[int, int], found: Sequence[Mention]
) -> list[tuple[int, float, str]]:
    """A weight per clipped form (陈旗 for 陈巴尔虎旗, 塔县) of a division named in full, outside
    its other mentions; a plain one is noted as abbreviated."""
    taken = {i for m in found for i in range(m.start, m.end)}
    weights = []
    # Named in full, a division is also called by its bare name where that is a common word (沿河).
    for form in (*abbreviations(division.name), *filter(None, [common_word_base(division.name)])):
        for match in re.finditer(re.escape(form), text):
            if match.start() not in taken:
                weight, cue = _weight(text, match.start(), match.end(), title, inner)
                weights.append((match.start(), weight, "abbreviated" if cue in _ALONE_CUES else cue))
    return weights


# --- townships and villages --------------------------------------------------------------------


def local_mentions(text: str) -> tuple[_Local, ...]:
    """The township and village names of ``text`` (``_local_names``), as the region rules read them."""
    return _places_named(text)[1]


# The region and the figures rules both read one text's places; cached on the text as the
# gazetteer's mentions are.
@lru_cache(maxsize=4)
def _places_named(text: str) -> tuple[tuple[Mention, ...], tuple[_Local, ...]]:
    """The gazetteer's mentions (not a namesake: 会宁路, 定西站) and the township and village names."""
    mentions = tuple(m for m in gazetteer().find_mentions(text) if not _NAMESAKE_AFTER.match(text, m.end))
    return mentions, tuple(_local_names(text, mentions))


def _local_names(text: str, mentions: Sequence[Mention]) -> list[_Local]:
    """Township and village names, left to right, each with the place named right before it.

    A name starts where a place name ends (东乡县|高山乡|布楞沟村) or after a character that is not
    Chinese; else as far left as its mentions agree (作小坑镇, 况小坑镇 -> 小坑镇), if it has two.
    """
    places: dict[int, Mention | _Local] = {m.end: m for m in mentions}
    suffixes = list(_LOCAL_SUFFIX.finditer(text))
    # How often each stem stands before each suffix, counted once for the whole text.
    counts = Counter((stem, m[0]) for m in suffixes for stem in _stems(text, m.start()))
    inside_mentions = {i for m in mentions for i in range(m.start, m.end)}  # 镇 of 镇雄县 is no suffix
    found = []
    for match in suffixes:
        if match.start() in inside_mentions:
            continue
        at, suffix = _described_end(text, match), match[0]
        start = _name_start(text, at, _stems(text, at), places, lambda stem, s=suffix: counts[stem, s])
        if start is None or not _is_name(text, start, at, suffix):
            continue
        local = _Local(start, text[start:at] + suffix, suffix, places.get(start))
        places[match.end()] = local
        found.append(local)
    return found


def _described_end(text: str, suffix: re.Match[str]) -> int:
    """Where the name before ``suffix`` ends: before a descriptor (原隆|移民|村, 赤溪|畲族|村) when the
    text also names the place without it, else right before the suffix."""
    described = _DESCRIPTOR_BEFORE.search(text, max(0, suffix.start() - _DESCRIPTOR_SPAN), suffix.start())
    if described and suffix[0] == "村":
        stems = _stems(text, described.start())
        if any(f"{stem}{suffix[0]}" in text for stem in stems):
            return described.start()
    return suffix.start()


def _stems(text: str, at: int) -> list[str]:
    """The candidate stems of a name ending at ``at``, shortest first."""
    start = at
    while (
        start > max(0, at - _STEM_LENGTHS[-1])
        and _is_chinese(text[start - 1])
        and (text[start - 1] not in _STEM_BREAKS or text[start - 2 : start] in _LEVELLED_WORDS)
    ):
        start -= 1
    return [text[at - length : at] for length in _STEM_LENGTHS if at - length >= start]


def _name_start(
    text: str, at: int, stems: Sequence[str], places: dict[int, Mention | _Local], count: Callable[[str], int]
) -> int | None:
    """Where the name ending at ``at`` starts, None when nothing says.

    Right after a place (花垣县|双龙镇), else as far left as all its mentions agree (作小坑镇 and
    况小坑镇 -> 小坑镇), else after a character that is not Chinese or a modifier's 的, for a stem of
    at most three characters (一个名字, not 组织联系村). A lead-in word is not part of a name
    (北接|己衣镇, 和|黄金镇, 其中|青山镇).
    """
    if not stems:
        return None
    shortest = count(stems[0])
    agreeing = [stem for stem in stems if count(stem) == shortest] if shortest >= 2 else stems
    anchored = [at - len(stem) for stem in agreeing if at - len(stem) in places]
    if anchored:  # 黄流镇|和|黄金镇 names two townships side by side: the lead-in breaks the chain
        return _after_lead_in(text, anchored[0], at)
    if shortest >= 2:
        return _after_lead_in(text, at - len(agreeing[-1]), at)
    for stem in stems:
        start = at - len(stem)
        if not start or not _is_chinese(text[start - 1]) or text[start - 1] == _MODIFIER_END:
            start = _after_lead_in(text, start, at)
            return start if at - start <= _LONE_STEM_MAX else None
    return None


def _after_lead_in(text: str, start: int, at: int) -> int:
    lead_in = _LEAD_IN.match(text, start, at)
    return lead_in.end() if lead_in and at - lead_in.end() >= _STEM_LENGTHS[0] else start


def _is_chinese(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_name(text: str, start: int, end: int, suffix: str) -> bool:
    """Whether the stem text[start:end] with its suffix names one place."""
    stem = text[start:end]
    last = stem[-1]
    quoted = _QUOTED.match(text, start - 1) and _UNQUOTED.match(text, end + len(suffix))
    return not (
        stem.endswith(_GENERIC_STEM_ENDS)
        or any(verb in stem for verb in _VERBS)
        or last in _FUNCTION_CHARACTERS
        or not _PARTICLES.isdisjoint(stem)
        or last in _WORD_ENDS.get(suffix, ())
        or (suffix == "镇" and last == "集" and (stem == "集" or stem[:-1].endswith(_MARKET_TOWN_MODIFIERS)))
        or quoted
    )


def _local_candidates(
    text: str,
    locals_: Sequence[_Local],
    divisions: Sequence[_Candidate],
    mentions: Sequence[Mention],
    sentences: Sequence[Sentence],
    title: range,
    inner: Mapping[int, int],
) -> list[_Candidate]:
    """One candidate per township or village name, placed where the text places it."""
    by_division = {c.division: c for c in divisions}
    places: dict[str, _Candidate] = {}
    starts: dict[str, list[int]] = {}
    for local in locals_:
        place = places.setdefault(
            local.name, _Candidate(local.name, LOCAL_LEVELS[local.suffix], local.suffix, local.start)
        )
        starts.setdefault(local.name, []).append(local.start)
        if local.anchor is not None:
            _place_after(place, local.anchor, by_division, places)
    index = _Sentences(sentences, mentions)
    for place in places.values():
        if place.division is None:
            _place_by_sentence(place, starts[place.name], index)
        _tally(place, _local_weights(text, place, title, inner))
    return list(places.values())


def _place_after(
    place: _Candidate,
    anchor: Mention | _Local,
    by_division: dict[Division | None, _Candidate],
    places: dict[str, _Candidate],
) -> None:
    """Place a township or village inside the place named right before it (石柱县|中益乡), or
    deeper where a later mention names a division inside the first (宁夏|原隆村, then
    永宁县|闽宁镇|原隆村)."""
    container = by_division[anchor.division] if isinstance(anchor, Mention) else places[anchor.name]
    found, known = container.division, place.division
    if found is None or found is known:
        return
    if known is None or (found.depth > known.depth and known.name in _ancestors(found)):
        place.division = found
        place.notes.append(f"named after {container.name}")


@dataclass(frozen=True)
class _Sentences:
    """The sentences of a text and the gazetteer mentions in each."""

    sentences: Sequence[Sentence]
    mentions: Sequence[Mention]

    def divisions_around(self, at: int) -> tuple[Sentence, list[Division]]:
        """The sentence holding position ``at`` and the divisions it names."""
        sentence = self.sentences[max(0, bisect_right(self._sentence_starts, at) - 1)]
        first = bisect_left(self._mention_starts, sentence.start)
        last = bisect_left(self._mention_starts, sentence.end)
        return sentence, [m.division for m in self.mentions[first:last]]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]


def _place_by_sentence(place: _Candidate, starts: Iterable[int], sentences: _Sentences) -> None:
    """Place it in the deepest division of the first sentence that names both: 下姜村,地处淳安县…"""
    for at in starts:
        _, named = sentences.divisions_around(at)
        if named:
            division = min(named, key=lambda d: -d.depth)
            place.division = division
            place.notes.append(f"in a sentence with {division.name}")
            return


def _local_weights(
    text: str, place: _Candidate, title: range, inner: Mapping[int, int]
) -> list[tuple[int, float, str]]:
    """A weight per mention of the name, or of a stem of three or more characters alone (布楞沟
    for 布楞沟村; 拉面 of 拉面村 is a word) where no other level follows it."""
    stem = place.name.removesuffix(place.kind)
    weights = []
    at = text.find(stem)
    while at >= 0:
        end = at + len(stem)
        described = _DESCRIPTOR.match(text, end)
        after = described.end() if described and place.kind == "村" else end
        if text.startswith(place.kind, after):
            weights.append((at, *_weight(text, at, after + len(place.kind), title, inner)))
        elif (
            len(stem) >= _SHORT_FORM_MIN
            and text[end : end + 1] not in _STEM_BREAKS
            and not _GEOGRAPHY_AFTER.match(text, end)
        ):
            weights.append((at, *_weight(text, at, end, title, inner)))
        at = text.find(stem, end)
    return weights


# --- the nation, self-references, partners -----------------------------------------------------


def _national_candidate(text: str, title: range, mentions: Sequence[Mention]) -> _Candidate | None:
    """The nation, always named 全国, when the article calls it 全国, 中国 or 我国, or names an area
    only the country holds (三区三州); the verifier accepts 全国 for any of them. 中国 before a
    place and a paper or a site (中国甘肃网) names the site."""
    first = _NATIONAL_FORM.search(text)
    members = [
        m.start() for m in _PROVINCES_AS_MEMBERS.finditer(text) if not _points_elsewhere(text, m.start())
    ]
    if first is None and not members:
        return None
    at = min(([first.start()] if first else []) + members)
    nation = _Candidate(NATIONAL_NAMES[0], "national", _NATIONAL_KIND, at)
    # 全国 is counted as a self-reference (全 + 国); 中国 and the areas are mentions.
    sites = {m.start for m in mentions if _PRESS_AFTER.match(text, m.end)}
    found = _NATIONAL_MENTION.finditer(text)
    _tally(nation, ((m.start(), *_national_weight(text, m, title, sites)) for m in found))
    if members:
        nation.self_references += len(members)
        nation.notes.append(f"provinces as members×{len(members)}")
    return nation


def _national_weight(text: str, mention: re.Match[str], title: range, sites: set[int]) -> tuple[float, str]:
    """The weight of 中国 or an area: a site's name (中国|甘肃网) is the press, an area a place
    belongs to (属于六盘山|集中连片特困地区) locates it."""
    if mention.end() in sites:
        return _MINOR_WEIGHT, "press"
    start = mention.start()
    if mention[0] != "中国" and _MEMBER_OF.search(text, max(0, start - _MEMBER_SPAN), start):
        return _MINOR_WEIGHT, "locator"
    return _weight(text, mention.start(), mention.end(), title, {})


def _central_government(text: str, trace: Trace) -> _Candidate | None:
    """The nation, for a notice of the central government that names no place on its own: the
    provinces it lists are recipients. Twice, outside titles: a report citing 《国务院扶贫办关于…》
    or one 中央财政 grant is no such notice."""
    found = [m.start() for m in _CENTRAL.finditer(text) if not _in_title(text, m.start())]
    if len(found) < _CENTRAL_MIN:
        return None
    trace.note(
        "region", "central_government", NATIONAL_NAMES[0], f"kept: the central government ×{len(found)}"
    )
    return _Candidate(NATIONAL_NAMES[0], "national", _NATIONAL_KIND, found[0])


def _in_title(text: str, at: int) -> bool:
    """Whether ``at`` stands inside 《…》."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _credit_self_references(text: str, candidates: Sequence[_Candidate]) -> None:
    """全县/我县/该县/本县 go to the best-mentioned candidate called 县, and so on for each kind: a
    place that holds other places the article names is so much better mentioned (全市 is the city
    whose counties it names, not a city it names in passing). Never to a partner: it is not 我市."""
    by_kind: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        if not candidate.partner:
            by_kind.setdefault(candidate.kind, []).append(candidate)
    named = [c for c in candidates if c.mentions > 0 and c.division is not None]
    for kind, group in by_kind.items():
        best = max(group, key=lambda c: (c.mentions + _MINOR_WEIGHT * _holds(c, named), -c.at))
        # A place must be named to be the one meant; the nation is named by 全国 and 我国 alone.
        if (best.mentions > 0 or best.level == "national") and (n := _self_references(text, kind)):
            best.self_references += n
            best.notes.append(f"全{kind}/该{kind}…×{n}")


def _holds(outer: _Candidate, candidates: Iterable[_Candidate]) -> int:
    """How many of ``candidates`` lie inside ``outer``: 南江县 and 巴州区 in 巴中市."""
    if outer.level == "national":
        return 0
    return sum(c is not outer and _lies_in(c, outer) for c in candidates)


def _lies_in(inner: _Candidate, outer: _Candidate) -> bool:
    """Whether ``inner`` lies inside ``outer``: 巴州区 in 巴中市, any place in the nation."""
    if outer.level == "national":
        return inner.level != "national"
    if outer.division is None or outer.level in ("township", "village") or inner.division is None:
        return False
    name = outer.division.name
    return name in _ancestors(inner.division) or (
        inner.depth > outer.depth and inner.division is outer.division
    )


def _self_references(text: str, kind: str) -> int:
    """How often the text calls its subject by ``kind`` alone.

    >>> _self_references("全乡有贫困户。该乡发展产业,XX乡修路。", "乡")
    3
    """
    return _self_reference_counts(text)[kind]


@lru_cache(maxsize=4)
def _self_reference_counts(text: str) -> Counter[str]:
    # One scan for every kind: the region rules ask for each kind of each candidate and for every
    # kind no candidate has.
    return Counter(m["kind"] for m in _calls(text))


@lru_cache(maxsize=4)
def _calls(text: str) -> tuple[re.Match[str], ...]:
    """Where the text calls its subject by kind alone (全县, 我市, 全国): not a whole it ranks in, a
    destination of goods or an editor's note."""
    return tuple(
        m
        for m in _SELF_REFERENCE_ANY.finditer(text)
        if not (_points_elsewhere(text, m.start()) or _ranks_in(text, m) or _in_editors_note(text, m.start()))
    )


def _as_background(text: str, candidates: Sequence[_Candidate]) -> None:
    """A page that names or calls a place of its own (会宁县, 我县) before it names or calls a whole
    holding that place (全省, 全国, 中国) sets its report against the whole's, in a paragraph of
    background that names the whole again and again (全省上下…全省脱贫攻坚…; 我国脱贫攻坚战取得了全面
    胜利,…全国832个贫困县全部摘帽; 中国减贫…中国提前10年…): those names count once for each paragraph
    they stand in. A report on the whole names it first (经过8年持续奋斗,我国…), then its examples
    (河南省兰考县是全国第一批…)."""
    for whole in candidates:
        calls = _own_calls(text, whole)
        named = [*calls, *(whole.named_at if whole.level == "national" else ())]
        if not named:
            continue
        inside = [c for c in candidates if c is not whole and _lies_in(c, whole)]
        own = [c.first_alone for c in inside if c.first_alone is not None]
        own += [at for c in inside for at in _own_calls(text, c)[:1]]
        paragraphs = len({text.count("\n", 0, at) for at in named})
        if min(own, default=len(text)) < min(named) and paragraphs < len(named):
            # Each name outside the headline weighs one: the calls go first.
            extra = len(named) - paragraphs
            uncalled = max(0, extra - len(calls))
            whole.self_references -= extra - uncalled
            whole.mentions -= uncalled
            whole.notes.append(f"background: named in {paragraphs} paragraphs")


def _own_calls(text: str, candidate: _Candidate) -> list[int]:
    """Where the text calls ``candidate`` by its kind, if they were credited to it."""
    return (
        [m.start() for m in _calls(text) if m["kind"] == candidate.kind] if candidate.self_references else []
    )


def _ranks_in(text: str, whole: re.Match[str]) -> bool:
    """Whether the text ranks or measures a part in ``whole`` (排名|全省|第一, 全市|平均水平)."""
    start = whole.start()
    before = _RANKED_IN_BEFORE.search(text, max(0, start - _RANKED_IN_BEFORE_SPAN), start)
    return bool(before or _RANKED_IN_AFTER.match(text, whole.end()))


def _discount_partners(text: str, candidates: Sequence[_Candidate]) -> None:
    """In East-West cooperation the partner is named as often as the region it helps: the places
    outside the helped province when the article names it (援滇), else the eastern ones."""
    if aid := _AID_TO.search(text):
        cue, is_partner = aid[0], _outside(_PROVINCE_CHARACTERS[aid["aid"] or aid["pair"]])
    elif cooperation := _COOPERATION.search(text):
        cue, is_partner = cooperation[0], _is_eastern
    else:
        return
    scored = [c for c in candidates if c.score > 0]
    partners = [c.score for c in scored if is_partner(c)]
    # A text that calls a place by a kind no partner has (全县, 该镇 beside 杭州市) speaks as the
    # helped side: those calls weigh with its mentions. (全国 is no side.)
    partner_kinds = {c.kind for c in scored if is_partner(c)} | {_NATIONAL_KIND}
    calls = {c.kind: _self_references(text, c.kind) for c in scored if c.kind not in partner_kinds}
    helped = [
        c.score + calls.get(c.kind, 0)
        for c in scored
        if not is_partner(c) and ((c.named_alone and c.province is not None) or calls.get(c.kind))
    ]
    # The partner's own report names no helped side, or one only in passing (a dateline, a guest, a
    # list, a post: never on its own, or not half as often as the partner).
    if not helped or max(helped) < _PARTNER_WEIGHT * max(partners, default=0):
        return
    for candidate in filter(is_partner, scored):
        candidate.partner = True
        candidate.mentions *= _PARTNER_WEIGHT  # (before 全县 and 我市 are credited: never to it)
        candidate.notes.append(f"partner side of {cue}: weighs {_PARTNER_WEIGHT:.2g}")


def _outside(province: str) -> Callable[[_Candidate], bool]:
    return lambda candidate: candidate.province not in (None, province)


def _is_eastern(candidate: _Candidate) -> bool:
    return candidate.division is not None and is_eastern_helper(candidate.division)


# --- the subject -------------------------------------------------------------------------------


def _subject(ranked: Sequence[_Candidate], text: str, trace: Trace) -> _Candidate | None:
    """The best-scored candidate named on its own somewhere (not only in lists of places), unless
    the article calls its subject by a kind it never names (全乡 in a page about an unnamed
    township) at least as often. A candidate that calls itself by its own kind (我市) ranks itself
    in the places that hold it (增幅排名全省第一, 全省"五连冠"): their kinds are its frame."""
    for candidate in ranked:
        if candidate.named_alone or candidate.self_references:
            break
        trace.note("region", "only_listed", candidate.name, "skipped: never named on its own")
    else:
        return None
    frames = _holders_kinds(candidate) if candidate.self_references else frozenset()
    kind, calls = _unnamed_kind(text, ranked, frames)
    if calls >= candidate.score:
        trace.note("region", "unnamed_subject", f"全{kind}", f"skipped: called {calls}× but never named")
        return None
    if candidate.score < _SUBJECT_MIN:
        trace.note("region", "no_subject", candidate.name, f"skipped: scores under {_SUBJECT_MIN:g}")
        return None
    trace.note("region", "best_scored", candidate.name, "kept")
    return candidate


def _unplaced_subject(text: str, candidates: Sequence[_Candidate], trace: Trace) -> _Candidate | None:
    """The subject an article calls by its kind alone (全县 ×6) and names once, opening a clause, by
    a form that reads as a place only where the text places it (昭觉是全国深度贫困县, a lone 蔚县): the
    one such division of that kind."""
    kind, calls = _unnamed_kind(text, candidates)
    if calls < _UNPLACED_CALLS:
        return None
    # Only a name opening a clause (not 农产|富县, a slogan's word); 全州 is the whole prefecture.
    unplaced = [
        m
        for m in gazetteer().unplaced_mentions(text)
        if (m.start == 0 or not _is_chinese(text[m.start - 1])) and not SELF_REFERENCE.fullmatch(m.text)
    ]
    found = {m.division: m for m in unplaced if _kind(m.division.name) == kind}
    if len(found) != 1:
        return None
    ((division, mention),) = found.items()
    trace.note(
        "region",
        "unplaced_subject",
        division.name,
        f"kept: named once as {mention.text}, called 全{kind} ×{calls}",
    )
    return _Candidate(division.name, division.level, kind, mention.start, division=division)


def _unnamed_kind(
    text: str, candidates: Sequence[_Candidate], frames: frozenset[str] = frozenset()
) -> tuple[str, int]:
    """The kind the article calls its subject most often without naming one of that kind, of
    those not in ``frames``."""
    named = {c.kind for c in candidates if c.score > 0} | frames
    calls = {kind: _self_references(text, kind) for kind in _KINDS if kind not in named}
    return max(calls.items(), key=lambda kv: kv[1], default=("", 0))


def _holders_kinds(candidate: _Candidate) -> frozenset[str]:
    """The kinds of the places that hold ``candidate``: 省 for 丽水市 (浙江省), 市 and 省 for a
    county of 白银市 in 甘肃省, and the division a township or a village lies in (县 of 会宁县)."""
    division = candidate.division
    if division is None:
        return frozenset()
    inside = candidate.level in ("township", "village")
    holders = _ancestors(division) | ({division.name} if inside else set())
    return frozenset(map(_kind, holders))


def _region(document: Document, sentences: Sequence[Sentence], subject: _Candidate) -> Region | None:
    sentence = next((s for s in sentences if s.start <= subject.at < s.end), None)
    if sentence is None:
        return None
    division = subject.division
    if division is None:
        province = prefecture = county = None
    elif division.name == subject.name:
        province, prefecture, county = division.province, division.prefecture, division.county
    elif division.former_county == subject.name:
        province, prefecture, county = division.province, division.prefecture, subject.name
    else:  # a township or village: its division is its county, district or prefecture
        province, prefecture = division.province, division.prefecture
        county = division.name if division.depth == _DEPTH["county"] else None
    return Region(
        name=subject.name,
        province=province,
        prefecture=prefecture,
        county=county,
        level=subject.level,
        evidence=evidence(document, sentence),
    )
