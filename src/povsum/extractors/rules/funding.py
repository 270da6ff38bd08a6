"""Funding: money spent, allocated, invested, lent or donated for poverty alleviation.

Each amount in 元 is judged on its phrase: the text between the punctuation that ends a statement
(,;:。), quotes, brackets and 、 included, because a report names a fund in quotes right after its
amount ("另设1386万元“风险资金池”"). The rules, in the order they are tried:

1. ``part_of_total``: a part of an amount stated before it, opened by 其中, 包括, (含, 这…元中,
   首期 or 仅2019年 (also in the sentence after the amount, when the marker opens it or follows a
   fund's name). The breakdown runs on through the ;-separated statements that follow, up to the
   full stop or a new item (另, 此外, 同时, 并), or until its parts add up to the total, whether
   they run on over a ; or not and wherever the total was stated (the sentence before, for a 其中
   opening the next), unless the next phrase opens another 其中 of the same total. ``use_of_total``:
   an amount whose phrase names only a use (用于产业发展1.8亿元) right after one kept in its sentence
   is a part of it too.
   ``wider_total``: when the parts open with the share of the writer's own unit (其中下达我区) of a
   wider unit's total (全市安排, 国家下达我省, 两个县), the share is judged as an amount of its own
   (also when the total is in the statement before) and a total in its own sentence is left out.
2. form rules, whatever verb surrounds the amount. On the phrase: ``limit`` (5万元以下, 贷款额度,
   超过5000元的部分), ``per_unit`` (每户, 户均, 生均, 元/亩, 各拨付), ``award`` (对获评先进的村奖励
   10万元, 一次性奖励5000元), ``range`` (1500—4000元),
   ``change`` (比上年增加200亿元), ``entitlement`` (每户可获得), ``whole_budget`` (一般公共预算支出:
   its 其中 parts are judged on their own), ``shortfall`` (资金缺口, 还需),
   ``misuse`` (追回违规资金, 问题资金, 整改), ``foreign_currency`` (港币380万元), ``deal_signed``
   (签约, 协议投资) and ``not_spent`` (节约, 收回, 结余). On the whole statement before the amount:
   ``oversight`` (a case 查处 or 立案 involving it, or what 审计发现), ``private_purchase``
   (residents' own cars), ``business_deal`` (招商引资: an enterprise's business, not aid),
   ``partner_at_home`` (对口帮扶城市甲市投入本市) and ``neighbour`` (邻近的乙县, 外省的一个县).
   On the phrase and the rest of its sentence: ``progress`` (已拨付…,支出进度79.7%: a part of a
   budget). Then ``wider_scope``: a total of a unit two levels above the one the report totals
   most often (全省 in a report saying 全县; 国家下达乙省 for a province named), not counting the
   sentence judged, or of the nation in a report on any unit below it, is another region's money;
   so is ``several_regions``: money given to several units of the report's level or above
   (向甲县等5个县, 向受援地区).
3. the cue nearest the amount: a not-funding cue (收入, 工资, 价格, 销售, 产值, 余额, 标准) skips
   it, a funding cue (投入, 发放, 贷款, 捐, 补助, 资金...) keeps it, except ``household_loan``: a
   loan within the microcredit ceiling is one household's loan.
4. ``series``: an amount with no cue of its own continues the sentence's list when the amount
   before it was kept ("由2016年的1800万元…增至2017年的7460万元"); ``recap``: one that sums up or
   converts its statement (户均3000元,共计6900万元; 约合人民币) takes the statement's last cue.

The kept amounts then become distinct items: ``breakdown_sum`` leaves out a run of amounts that
add up to the amount next to them, except ``yearly_sum``: amounts of distinct years summed up after
them (2019年投入…,2020年投入…,两年合计…) are the items and the sum restates them (ANNOTATION.md
leaves out parts of an amount already counted, and these come before it). ``restatement`` leaves
out an amount already kept: the same figure again, or a rounded one (a headline's, or an
approximate 超10亿元 for 10.27亿元) that the exact figure falls within at the precision it is
written to (an approximate one: or within a tenth of it, 近200亿元 for 186.7亿元), in a phrase
sharing a funding word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from povsum.document import Document
from povsum.extractors.rules.trace import Trace
from povsum.models import Funding, Level, Quantity, Region
from povsum.numbers import MULTIPLIER, Approx, QuantityMatch, find_quantities, find_table_totals
from povsum.regions import NEIGHBOUR
from povsum.sentences import Sentence, evidence

# What ends a phrase. Not 、 (a list of one statement), nor quotes or brackets (a name).
_PHRASE_BREAK = re.compile(r"[,，;；:：。！？!?]")
_STATEMENT_GOES_ON = (";", "；")
# A label's colon and the spaces after it, right before its value.
_LABEL_COLON = re.compile(r"[:：]\s*")
# What opens the parts of an amount: 其中, 包括, (含 in brackets after it, an amount named (again)
# with 中 ("这186.7亿元中,搬迁资金68亿元", "在超过12亿元资金中", "1.2亿元扶贫资金中") or pointed
# back at (这笔资金中), the first
# tranche of a fund (首期到位) and one period of a cumulative total (仅2019年一年).
_ROUGH_AMOUNT = r"(?:超过|超|近|约)?[\d.]+\s*多?[万亿]?多?元"
_BREAKDOWN = re.compile(
    rf"其中|包括|\(含|(?:在|这|该|上述|以上){_ROUGH_AMOUNT}[^\d,;:。]{{0,6}}?中(?!央)|首期|首批"
    # A fund opening its phrase with its amount and 中 ("1.2亿元扶贫资金中,有…").
    rf"|(?:^|(?<=[,，])){_ROUGH_AMOUNT}的?[^\d,;:。]{{0,4}}?(?:资金|经费|基金|款)中(?!央)"
    # The fund just stated, pointed back at with no amount ("这笔资金中,产业资金8000万元").
    r"|(?:这笔|这些|该笔|上述|以上|前述)(?:资金|经费|款项|投入)中(?!央)"
    r"|仅(?:[0-9]{4}年|今年|去年|当年)"
)
# What opens a new item after parts, so the breakdown ends there: 另安排, 此外, 同时, 并注入.
_NEW_ITEM = re.compile(r"(?:^|(?<=[,;:。]))(?:另|此外|同时|并)")
# A unit named as the writer's own (我区, 本县) by level, as in _SCOPES_BY_LEVEL: its share of a
# wider unit's total ("全市安排8.6亿元,其中下达我区1.2亿元") is the report's money, and the total
# is not.
_OWN_UNIT_LEVEL = {"省": 4, "市": 3, "州": 3, "盟": 3, "县": 2, "旗": 2, "区": 2, "镇": 1, "乡": 1, "村": 0}
_OWN_UNIT_CHARS = "".join(_OWN_UNIT_LEVEL)
_OWN_UNIT = re.compile(f"[我本](?P<unit>[{_OWN_UNIT_CHARS}])")

# Cue words by what they make an amount. A table, not control flow: to teach the rules a new word,
# add it to its group.
_NOT_FUNDING_CUES: dict[str, tuple[str, ...]] = {
    "income": ("收入", "增收", "创收", "收益", "效益", "获益", "赚", "挣"),
    # Dividends and rents paid out are the poor's income, not money spent on them: 发放分红资金,
    # 土地流转费.
    "profit": ("分红", "分红资金", "收益资金", "利润", "利税", "盈利", "回报", "租金", "流转费"),
    "wage": ("工资", "薪", "报酬", "工钱", "劳务费"),
    "price": ("价格", "售价", "单价", "房价", "市值", "估值"),
    # Money changing hands in trade, not money paid out.
    "sales": ("销售", "销量", "营业", "营收", "交易", "成交", "订单", "零售", "流水", "卖", "出售", "售出"),
    # Buying the poor's produce is sales too.
    "produce_bought": ("消费扶贫", "带货", "采购", "收购", "购买", "认购", "购销"),
    # Output values (产值, 年产出, 产生经济价值) and the economy's statistics, which are not money
    # spent on the poor: taxes, trade, and the investment of the whole economy (the whole budget is
    # the form whole_budget).
    "output": ("产值", "增加值", "产出", "经济价值"),
    "economy": ("生产总值", "GDP", "经济总量", "税收", "纳税", "进出口", "外贸"),
    "economy_investment": ("固定资产投资", "民间投资"),
    # What a company or cooperative is registered with, not money it spent: its capital, its
    # members' contributions to it (成员出资总额), subscribed (认缴) or paid in (实缴).
    "registered_capital": ("注册资本", "注册资金", "成员出资", "认缴", "实缴", "认缴出资", "实缴出资"),
    # A stock of the whole economy (贷款余额, 存款余额), not an amount lent to the poor.
    "balance": ("存款", "储蓄", "余额"),
    # A stock of assets (村集体经济资产总额, 扶贫资产规模) is what money built or owns, not money
    # spent; 资产收益 is income above.
    "assets": ("资产",),
    # A bank's credit line (为全县授信20亿元) is a ceiling it may lend up to, not money lent.
    "credit_line": ("授信",),
    # What an insurance covers is not money paid: 提供风险保障12亿元, 保额; 投保 is not 投.
    "insured_cover": ("保额", "风险保障", "保险金额", "投保"),
    # Poverty lines and subsidy standards are rates, not amounts spent.
    "standard": ("标准", "贫困线", "低保线", "门槛"),
}
_FUNDING_CUES: dict[str, tuple[str, ...]] = {
    # 投 alone as in 共投, 投向; money 用于 a purpose is spent; a budget 拿出 for it (县财政拿出);
    # 砸了3.5个亿, as an official says it.
    "spending": ("投入", "投", "耗资", "斥资", "用于", "拿出", "砸", "支出"),
    # Budgets handed down and paid out: 拨 as in 拨付, 下拨, 划拨, 拨款; 列支 from a fund.
    "allocation": ("安排", "预算", "下达", "拨", "发放", "投放", "到位", "兑现", "兑付", "支付", "列支"),
    # Investment and the funds it brings in or sets up: 配套, 撬动社会资本, 设立风险补偿金; funds
    # pooled from several budgets (统筹, as 整合, 统筹整合).
    "investment": ("投资", "出资", "注资", "援建", "整合", "统筹", "配套", "撬动", "设立", "注入", "资本"),
    # Funds raised, by the villagers themselves (自筹) or by bonds (易地扶贫搬迁债券), or secured
    # with no noun after the verb (累计落实2亿元).
    "raising": ("筹措", "筹集", "筹资", "自筹", "集资", "募集", "融资", "债券", "落实"),
    "loan": ("贷款", "信贷", "放贷", "借款"),
    "aid": ("捐", "援助", "资助", "赞助", "支援", "帮扶", "慰问", "善款"),
    "subsidy": ("补助", "补贴", "奖补", "以奖代补", "奖励", "扶持", "贴息"),
    "relief": ("救助", "救济", "助学"),
    # Premiums paid for the poor (为贫困户购买保险, 代缴保费); what the policy covers is not.
    "insurance": ("保险", "保费", "参保"),
    # The noun alone makes it funding: 引进帮扶资金, 专项扶贫资金规模, 工作经费, 彩票公益金.
    "fund": ("资金", "经费", "基金", "专款", "扶贫款", "公益金"),
    # The pools microcredit and mutual aid draw on.
    "pool": ("补偿金", "风险金", "担保金", "互助金", "周转金"),
}
_CUE_GROUP: dict[str, tuple[str, bool]] = {
    **{w: (group, False) for group, words in _NOT_FUNDING_CUES.items() for w in words},
    **{w: (group, True) for group, words in _FUNDING_CUES.items() for w in words},
}
# Longest first, so a compound (投保, 增加值) wins over the word inside it.
_CUE = re.compile("|".join(sorted(map(re.escape, _CUE_GROUP), key=len, reverse=True)))

# Form rules: what the text says about the amount itself, whatever the verb. They read the text
# with the amount marked as 〔amount〕, and match only their cue word.
_AMOUNT_AHEAD = r"(?=[^〔]*〔)"  # the cue stands anywhere before the amount
# What a reward or a subsidy is called right before its amount, for ``award``.
_REWARD = "(?:奖励|奖补|奖金|补助|补贴|资助)"
_PHRASE_FORMS: dict[str, re.Pattern[str]] = {
    # Loan ceilings and thresholds: 贷款额度5万元, 最高5万元, 5万元以下, 5万元(含)以下, 低于3000元.
    "limit": re.compile(
        rf"(?:额度|上限|最高|最多|至多|不(?:得|能|应)?(?:超过|高于|低于|少于)|低于|高于){_AMOUNT_AHEAD}"
        r"|不(?:得|能|应)?(?=〔(?:超过|逾))"  # 不得超过10万元, where 超过 is read as part of the amount
        r"|以下(?=〕)|(?<=〕)(?:\(含\)|及)?(?:以下|以内|封顶|为限)"  # closing it, or right after it
        # A condition on an amount (自付超过5000元的部分, 5万元以上的项目) is a threshold.
        r"|(?<=〔)(?:超过|超出)(?=[^〕]*〕的)|以上(?=〕的)|(?<=〕)以上的"
    ),
    # Rates per household, person, pupil, mu, head or month: 每户2万元, 每亩, 户均, 生均, 月均,
    # 1500元/亩. A budget each year (每年安排1000万元) is money spent; so is an amount for each of the
    # villages or townships a report lists (每个村投入300万元): only their average is a rate
    # (平均每村, 村均). 每逢, 每当 say when, not per what. 各 before a verb gives each of the units
    # just named the amount (向25个村各拨付50万元); 各级, 各类 before a noun name them all.
    "per_unit": re.compile(
        rf"(?:平均每|每(?!个?[村乡镇]|年|逢|当)|[户人亩村生月]均"
        rf"|各(?=拨|补|安排|投|奖|下达|给|发放|扶持|支持|落实|配套|资助|捐)){_AMOUNT_AHEAD}|(?<=〕)/"
    ),
    # What a reward gives each one who earns a title (对获评先进的村奖励10万元, 对被评为示范户的家庭
    # 给予奖励2000元), or a payment made once to each one who qualifies (一次性奖励5000元, 给予一次性
    # 交通补贴500元), right before the amount, is a rate per recipient, as 每户 is. Not money for
    # units counted (对获评先进的12个村共奖励资金120万元), nor a fund paid once (一次性拨付资金3000万元).
    "award": re.compile(
        rf"(?:获评|评为|评选为|荣获|考核(?:为|结果为)?优秀)[^〔\d]*?的[^〔\d共]{{0,8}}?(?:给予)?{_REWARD}(?=〔)"
        rf"|一次性(?:给予)?[\u4e00-\u9fff]{{0,4}}?{_REWARD}(?=〔)"
    ),
    # Either end of a span (补助1500—4000元, 1万~5万元): a rate or a threshold, not a sum.
    "range": re.compile(r"[0-9][万亿]?元?[-—–~～](?=〔)|(?<=〕)[-—–~～][0-9]"),
    # A difference between two amounts, not an amount: 比上年增加200亿元, 同比增长, 较2019年多.
    "change": re.compile(
        r"(?:增加|增长|减少|下降|提高|净增)(?=了?〔)"
        rf"|(?:(?:比|较)(?:上年|去年|上一年|前一年|同期|[0-9]{{4}}年)|同比|环比){_AMOUNT_AHEAD}"
    ),
    # What one household or person can get (每户可获得, 可申请) is an entitlement, not a sum paid.
    "entitlement": re.compile(rf"可(?:获得?|享受|领取|申请|贷|得到|拿到){_AMOUNT_AHEAD}"),
    # What a fund could lever is no money lent: 按1:10放大,可撬动银行贷款2亿元.
    "capacity": re.compile(rf"(?:可|能|可以|理论上)(?:撬动|放大|带动|拉动|吸引){_AMOUNT_AHEAD}"),
    # A whole budget is no poverty funding; its 其中 parts are judged on their own (一般公共预算
    # 支出安排28.6亿元,其中…衔接资金1.5亿元).
    "whole_budget": re.compile(rf"(?:公共预算|公共财政预算|财政总支出|财政预算总支出){_AMOUNT_AHEAD}"),
    # Money still missing or needed is not money spent: 资金缺口3亿元, 还需投入资金2亿元.
    "shortfall": re.compile(rf"(?:缺口|需求|尚需|还需|仍需){_AMOUNT_AHEAD}|(?<=〕)的?(?:资金)?缺口"),
    # Money misused, recovered or set right, as a supervision or audit report finds it: 追回违规
    # 资金, 问题资金, 整改到位资金; the money a case involved (涉案金额).
    "misuse": re.compile(
        "(?:违规|违纪|违法|涉案|挪用|套取|骗取|冒领|侵占|贪污|截留|滞留|追回|追缴|收缴|退赔|清退|虚报|问题资金"
        f"|罚款|罚没|整改){_AMOUNT_AHEAD}"
    ),
    # Money in another currency (港币380万元) is not an amount in 元; its conversion (约合人民币
    # 340万元) is.
    "foreign_currency": re.compile("(?:港币|港元|澳门币|新台币|美元|欧元|英镑|日元|澳元)(?=〔)"),
    # A deal signed is not money paid: 签约资金18亿元, 协议投资120亿元.
    "deal_signed": re.compile(rf"(?:签约|(?:协议|意向|合同)(?:投资|资金|金额)){_AMOUNT_AHEAD}"),
    # Money saved (a spending cut: 减少支出, 减轻负担), lost, owed, repaid or left unspent is not
    # money spent: 为群众节约资金200万元, 挽回损失, 收回到期贷款, 结余资金.
    "not_spent": re.compile(
        "(?:节约|节省|节支|减少支出|减轻负担|减负|挽回|损失|亏损|负债|欠款|欠债|拖欠|诈骗|被骗|回收|收回"
        f"|归还|还款|偿还|结余|结转|闲置|沉淀){_AMOUNT_AHEAD}"
    ),
}
# A partner of the report's region: the city or province paired with it (对口帮扶城市, 协作方).
_PARTNER = r"(?:对口(?:帮扶|支援|协作)|东西部(?:扶贫)?协作|结对帮扶|协作)(?:的)?(?:城市|省份|省|市|方|地区)"
# The partner's own unit named after it (对口帮扶城市甲市…本市): the partner's home, not the report's.
_PARTNERS_HOME = rf"{_PARTNER}[^〔;:。]*?[本该][省市]"
# A place named as outside the report's own province or area: another region (外省的一个县).
_ELSEWHERE = r"(?:外省|外地|其他省份?|其它省份?)的?"
# Read on the whole statement before the amount, because the cue is often a phrase away:
# 查处扶贫领域问题120起,涉及资金860万元; 招商引资项目32个,到位资金35亿元.
_STATEMENT_FORMS: dict[str, re.Pattern[str]] = {
    # A case a supervision report handled, or what an audit or inspection found (审计发现,部分乡镇
    # 将扶贫资金386万元用于办公楼): the money it involved was misused, not spent.
    "oversight": re.compile(rf"(?:查处|立案|(?:审计|检查|巡视|巡察|督查|核查)中?发现){_AMOUNT_AHEAD}"),
    # Residents' own cars (买房买车, the sign of a better life these reports count) are not money
    # spent on the poor. Not homes alone: 购房补助 helps relocated households buy one.
    "private_purchase": re.compile(
        rf"(?:购车|买车|(?:购买|购置|买)了?(?:家用)?(?:轿车|小?汽车|私家车)){_AMOUNT_AHEAD}"
    ),
    # Investment an enterprise brings in for its own business is not aid.
    "business_deal": re.compile(rf"(?:招商|引资){_AMOUNT_AHEAD}"),
    # A partner's money spent in its own home (对口帮扶城市甲市投入本市…): its own unit (本市,
    # 本省) is named after the partner, so it is not the report's; the amount in that phrase.
    "partner_at_home": re.compile(rf"{_PARTNERS_HOME}[^〔,;:。]*〔"),
    # A neighbour the report compares itself with (邻近的乙县投入21亿元), or a place it says is
    # elsewhere (外省的一个县), until the statement turns to the writer's own unit (而我县).
    "neighbour": re.compile(
        rf"(?:{NEIGHBOUR}|{_ELSEWHERE})[^〔,;:。]{{1,8}}?[县市区州旗](?:(?![我本][{_OWN_UNIT_CHARS}])[^〔])*〔"
    ),
}
# Read on the phrase and the rest of the sentence after it, because what the amount is comes after.
_FOLLOWED_FORMS: dict[str, re.Pattern[str]] = {
    # The share of a budget paid out so far, given with its progress (已拨付1.88亿元,支出进度79.7%),
    # is a part of the budget, not another sum.
    "progress": re.compile(
        r"已(?:全部|累计)?(?:拨付|支出|使用|支付|兑付)[^〔,;:。]*〔[^〕]*〕[^。]*?"
        r"(?:进度|拨付率|支付率|支出率|执行率|使用率)"
    ),
}

# Whole units by level, for the scope of a total (全省累计投入…). 全区 names a district or an
# autonomous region, so it says no level; 我省, 本县 name the writer's own unit, never a wider one.
_SCOPES_BY_LEVEL: dict[int, tuple[str, ...]] = {
    5: ("全国",),
    4: ("全省",),
    3: ("全市", "全州", "全盟"),
    2: ("全县", "全旗"),
    1: ("全镇", "全乡"),
    0: ("全村",),
}
_SCOPE_LEVEL = {word: level for level, words in _SCOPES_BY_LEVEL.items() for word in words}
_SCOPE = re.compile("|".join(_SCOPE_LEVEL) + f"|[我本][{_OWN_UNIT_CHARS}]")
# A whole unit (全市), a payer of a level (省级, 市财政), the writer's own wider unit (下达我省) or
# several units (两个县), for the total a share is taken from.
_WHOLE_OR_PAYER = re.compile(
    "|".join(_SCOPE_LEVEL)
    + "|(?P<payer>[省市州县])(?:级|财政|里|委|政府)|[我本](?P<own>[省市州盟])"
    + "|(?:[两二三四五六七八九十]|[0-9]+)个(?P<several>[县市区乡镇村])"
)
# Money handed down to a province named (国家下达乙省…, 下达各省): the province's, a scope of its level.
# Not the writer's own (下达我省), nor the payers listed (下达中央和省级资金).
_PROVINCE_LEVEL = _SCOPE_LEVEL["全省"]
_PROVINCE_GIVEN = re.compile(
    r"(?:下达|下拨|拨付|分配)(?:给|到)?(?:各省(?:区市)?|(?:(?![和及与我本])[\u4e00-\u9fff]){1,3}?(?:省|自治区)(?!级))"
)
# Money given to several units a list leaves open (向甲县等5个县, 向…等地) or to the regions a partner
# aids (受援地区, 对口地区), within a few characters after 向. Not units the payer names in full
# (向定点帮扶的两个县): the share of the report's own may follow (see ``wider_total``).
_SEVERAL_GIVEN = re.compile(
    rf"向[^〔,;:。]{{0,12}}?(?:等(?:[0-9]+|[两二三四五六七八九十]+)个(?P<unit>[{_OWN_UNIT_CHARS}])"
    r"|受援地区?|对口(?:帮扶|支援|协作)?地区|等地)"
)
# A place named by its level's character (甲县, 城关镇), after a scope word.
_UNIT_NAMED = re.compile(r"[\u4e00-\u9fff][县市区州旗乡镇村]")
# No unit stands above the nation: its totals (全国) are another region's in a report on any unit
# below it, even one whose unit is only totalled (a province report saying 全省 most).
_NATION = max(_SCOPES_BY_LEVEL)
# Levels above the report's own that make a total another region's: one level is too close to tell
# the report's unit from the sub-unit its anecdotes name (全镇 said more often than 全县).
_WIDER_BY = 2

# A phrase opening with the use of money (用于, 主要用于): an amount it names right after one kept in
# its sentence is that amount's share for the use (投入资金3亿元,用于产业发展1.8亿元), a part of it, as
# a 其中 part is. One with its own verb (,投入2亿元用于道路) is another item.
_USE_ONLY = re.compile(r"(?:主要|重点|全部|其余|分别)?(?:用于|投向|用在)")

# Words right before a cue-less amount that sum up or convert what its statement said (户均3000元,
# 共计6900万元; 港币380万元,约合人民币340万元), or a clause naming only the sum of what it said
# (投入各类扶贫资金,总额达280亿元; 总规模达): the statement's last cue decides it. Not 规模 alone:
# a sector's size (特色产业规模达50亿元) is no sum of money spent.
_RECAP = re.compile(r"(?:共计|合计|总计|共|折合|约合|合|(?:总金?额|总量|总规模)(?:达到?|为|约)?)(?:人民币)?$")

# An amount in brackets right after another (3200万元(约0.32亿元), 5亿元(折合人民币…)): the same
# amount in another unit or rounded, which ``restatement`` counts once.
_CONVERSION = re.compile(r"[元亿]\s*[(（](?:约合|折合|合|即|相当于)?(?:人民币)?$")
_CONVERSION_GAP = 8  # the most characters between the two: the bracket and its words

# A year named before an amount, and words saying an amount is a sum, for ``yearly_sum``.
_YEAR = re.compile(r"[0-9]{4}年")
_SUMS_UP = re.compile(r"合计|总计|共计|累计")
# Words right before an amount that point back at one already stated (上述3000多万元资金, 这2亿多元):
# it restates that one, whatever words its phrase shares with it.
_REFERS_BACK = re.compile(r"(?:上述|以上|前述|这|此)(?:笔|些)?$")

# Words right before an amount that say it is a floor, which the number parser does not read.
_ABOVE_BEFORE = ("超", "突破")

# 扶贫小额信贷 lends at most 5万元 to one household: a loan that small is a household's loan or
# the ceiling, never a programme's total.
_MICROCREDIT_CEILING = 50_000

_PAYER = re.compile(
    r"(?P<payer>[^\d,;:。]{2,12}?(?:市县|部门|政府|财政|企业|单位|集团|公司))(?:共|累计)?(?:投入|安排|发放|拨付)"
)


@dataclass(frozen=True, slots=True)
class _Phrase:
    before: str  # from the last phrase break up to the amount
    amount: str
    after: str  # from the amount up to the next phrase break
    lead: str = ""  # the statement before the phrase
    tail: str = ""  # the sentence after the phrase

    @classmethod
    def around(cls, sentence: Sentence, match: QuantityMatch) -> _Phrase:
        """
        >>> s = Sentence(0, 20, "甲,另设1386万元“风险资金池”,乙")
        >>> _Phrase.around(s, find_quantities(s.text, {"元"})[0])
        _Phrase(before='另设', amount='1386万元', after='“风险资金池”', lead='甲,', tail=',乙')
        >>> s = Sentence(0, 19, "甲县,累计投入扶贫资金:3200万元")
        >>> _Phrase.around(s, find_quantities(s.text, {"元"})[0]).before
        '累计投入扶贫资金:'
        """
        text = sentence.text
        breaks = list(_PHRASE_BREAK.finditer(text, 0, match.start))
        # A colon right before the amount joins a label to its value (扶贫资金:5亿元, 投入资金:
        # 3200万元): the label is the amount's phrase.
        if breaks and _LABEL_COLON.fullmatch(text, breaks[-1].start(), match.start):
            breaks.pop()
        left = breaks[-1].end() if breaks else 0
        brk = _PHRASE_BREAK.search(text, match.end)
        right = brk.start() if brk else len(text)
        return cls(text[left : match.start], match.text, text[match.end : right], text[:left], text[right:])

    def marked(self) -> str:
        return f"{self.before}〔{self.amount}〕{self.after}"

    def approx(self, parsed: Approx | None) -> Approx | None:
        """How rough the amount is: as parsed, or above it when a word the parser leaves out
        opens it (超5亿元, 突破10亿元).

        >>> _Phrase("累计投入超", "5亿元", "").approx(None), _Phrase("投入", "5亿元", "").approx(None)
        ('over', None)
        """
        return parsed or ("over" if self.before.endswith(_ABOVE_BEFORE) else None)

    def funding_words(self) -> frozenset[str]:
        """The funding cues of the phrase: what two statements of one amount share. A phrase with
        none of its own (合计5.6亿元, a sum ending a list) has its statement's.

        >>> sorted(_Phrase("累计投入扶贫资金", "5亿元", "用于产业").funding_words())
        ['投入', '用于', '资金']
        >>> sorted(_Phrase("合计", "5亿元", "", lead="投资中央资金3亿元、省级资金2亿元,").funding_words())
        ['投资', '资金']
        """
        own = self._funding_words(self.before + self.after)
        return own or self._funding_words(self.lead)

    @staticmethod
    def _funding_words(text: str) -> frozenset[str]:
        return frozenset(w for w in _CUE.findall(text) if _CUE_GROUP[w][1])


@dataclass(frozen=True, slots=True)
class _Cue:
    word: str
    group: str
    funding: bool
    distance: int  # characters between the cue and the amount


def _nearest_cue(phrase: _Phrase) -> _Cue | None:
    """The cue closest to the amount, before or after it; on a tie the not-funding cue.

    >>> _nearest_cue(_Phrase("投入资金", "1000万元", "用于增加贫困户收入")).word
    '资金'
    >>> _nearest_cue(_Phrase("", "5.5万元", "的收入")).group
    'income'
    >>> _nearest_cue(_Phrase("机关食堂采购扶贫产品", "860万元", "")).group
    'produce_bought'
    >>> _nearest_cue(_Phrase("全县", "82亿元", "")) is None
    True
    """
    found = [
        _Cue(m.group(), *_CUE_GROUP[m.group()], len(phrase.before) - m.end())
        for m in _CUE.finditer(phrase.before)
    ] + [_Cue(m.group(), *_CUE_GROUP[m.group()], m.start()) for m in _CUE.finditer(phrase.after)]
    return min(found, key=lambda c: (c.distance, c.funding), default=None)


@dataclass(frozen=True, slots=True)
class _Verdict:
    rule: str
    kept: bool
    cue: str  # the word that decided, or why nothing did


def _form(phrase: _Phrase) -> _Verdict | None:
    """The first form rule that reads the amount as no sum spent, on its phrase or its statement.

    >>> _form(_Phrase("涉及资金", "860万元", "", lead="查处扶贫领域问题120起,"))
    _Verdict(rule='oversight', kept=False, cue='查处')
    >>> _form(_Phrase("累计投入", "2亿元", "")) is None
    True
    """
    marked = phrase.marked()
    readings = (
        (_PHRASE_FORMS, marked),
        (_STATEMENT_FORMS, phrase.lead + marked),
        (_FOLLOWED_FORMS, marked + phrase.tail),
    )
    for forms, text in readings:
        for rule, pattern in forms.items():
            if (form := pattern.search(text)) is not None:
                return _Verdict(rule, False, form.group())
    return None


class _Home(NamedTuple):
    """The level of the report's own unit, and how many levels above it a total must be to be
    another region's money."""

    level: int
    margin: int


# A report that neither calls a unit its own nor totals one elsewhere may be a province's (a bank
# lending 在全省), but not the nation's, which totals itself (全国) more than once: the nation's
# totals in it (全国累计投入…) are others' money.
_UNTOLD_HOME = _Home(_NATION - 1, 1)
# The region's level as a scope word says it (全市 for the county-level city 靖西市), else by its
# level (全区 names no level).
_REGION_LEVEL: dict[Level, int] = {
    level: _SCOPE_LEVEL[word]
    for level, word in (
        ("national", "全国"),
        ("province", "全省"),
        ("prefecture", "全市"),
        ("county", "全县"),
        ("district", "全县"),
        ("township", "全乡"),
        ("village", "全村"),
    )
}


def _region_home(region: Region | None) -> _Home | None:
    """The home the region found says, as sure as a unit called its own."""
    if region is None:
        return None
    return _Home(_SCOPE_LEVEL.get(f"全{region.name[-1]}", _REGION_LEVEL[region.level]), 1)


# Asked of the whole text for each amount: cached on it (the counts are read, never changed).
@lru_cache(maxsize=8)
def _unit_counts(text: str) -> tuple[Counter[int], Counter[int]]:
    """The levels of the units ``text`` calls its own (我镇) and of those it totals (全县), counted.
    A partner's own unit (对口帮扶城市甲市…本市) is not the report's.

    >>> _unit_counts("本县…对口帮扶城市甲市投入本市…")[0]
    Counter({2: 1})
    """
    mine = re.sub(_PARTNERS_HOME, "", text)
    own = Counter(_OWN_UNIT_LEVEL[m["unit"]] for m in _OWN_UNIT.finditer(mine))
    return own, Counter(_SCOPE_LEVEL[w] for w in _SCOPE.findall(text) if w in _SCOPE_LEVEL)


def _home_level(text: str, without: str = "", region: _Home | None = None) -> _Home:
    """The report's own unit: the one it calls its own (我镇, 本村) most often unless the ``region``
    found is smaller (a province's writer on its county: 我省拜泉县), else the region ("全省共安排…"
    in a county's report is the province's money), else the one it totals most often (全县 in a
    county report; on a tie the wider one). A unit named as its own (or the region) is sure, so the
    unit above it is already another region (全县 in a report on 我村); one only totalled may be a
    sub-unit its anecdotes name (全镇 said more often than 全县), so a total must stand two levels
    above it. The totals of ``without`` (the sentence being judged) are not
    counted: a total cannot say itself that its unit is the report's own (全国投入… said once in a
    report on a county); a unit called its own there still is (全县投入…,我村争取…).

    >>> _home_level("全县投入…全县有…全省共…"), _home_level("我村共争取…全县累计投入…")
    (_Home(level=2, margin=2), _Home(level=0, margin=1))
    >>> _home_level("全县有…全省投入…", without="全省投入…")
    _Home(level=2, margin=2)
    >>> _home_level("没有范围") == _UNTOLD_HOME
    True
    """
    own, totals = _unit_counts(text)
    counts = totals - _unit_counts(without)[1]
    mine = max(own, key=lambda level: (own[level], level), default=None)
    # A writer's own wider unit (我省拜泉县) says who writes, the region found what about.
    if region and (mine is None or mine > region.level):
        return region
    if mine is not None:
        return _Home(mine, 1)
    level = max(counts, key=lambda level: (counts[level], level), default=None)
    return _UNTOLD_HOME if level is None else _Home(level, _WIDER_BY)


def _scope_level(word: str, after: str, home: _Home) -> int | None:
    """The level of a scope: a whole unit (全省); or, in a report that calls a smaller unit its own
    (我县), the writer's own unit of a wider kind (国家下达我省), unless a place of its is named after
    it (我省甲县: that one's money)."""
    if word in _SCOPE_LEVEL:
        return _SCOPE_LEVEL[word]
    if home.margin == 1 and not _UNIT_NAMED.search(after):
        return _OWN_UNIT_LEVEL[word[-1]]
    return None


def _wider_scope(phrase: _Phrase, home: _Home | None) -> _Verdict | None:
    """A total of a unit above the report's own (全省 in a county report) is another region's
    money. The scope is the last one named before the amount in its statement.

    >>> _wider_scope(_Phrase("全省累计投入", "80亿元", ""), home=_Home(2, 2))
    _Verdict(rule='wider_scope', kept=False, cue='全省')
    >>> _wider_scope(_Phrase("我省甲县累计投入", "3亿元", "", lead="全国,"), home=_Home(2, 2)) is None
    True
    >>> _wider_scope(_Phrase("上级下达我省", "8.5亿元", ""), home=_Home(2, 1)).cue
    '我省'
    >>> _wider_scope(_Phrase("我省甲县累计投入", "3亿元", ""), home=_Home(2, 1)) is None
    True
    >>> _wider_scope(_Phrase("国家下达乙省以工代赈资金", "8亿元", ""), home=_Home(2, 2)).cue
    '下达乙省'
    >>> _wider_scope(_Phrase("国家下达乙省以工代赈资金", "8亿元", ""), home=_Home(4, 2)) is None
    True
    >>> _wider_scope(_Phrase("下达中央和省级专项资金", "3000万元", ""), home=_Home(2, 2)) is None
    True
    """
    text = phrase.lead + phrase.before
    scopes = sorted([*_SCOPE.finditer(text), *_PROVINCE_GIVEN.finditer(text)], key=lambda m: m.end())
    if home is None or not scopes:
        return None
    last = scopes[-1]
    given = last.re is _PROVINCE_GIVEN
    level = _PROVINCE_LEVEL if given else _scope_level(last[0], last.string[last.end() :], home)
    if level is None or level < max(home.level + 1, min(home.level + home.margin, _NATION)):
        return None
    return _Verdict("wider_scope", False, last[0])


def _several_given(phrase: _Phrase, home: _Home | None) -> _Verdict | None:
    """Money given to several units (向甲县等5个县, 向受援地区, 向…等地: see _SEVERAL_GIVEN) is their
    total, of which the report's unit is one at most: another region's money when they are of the
    report's level or above (several townships in a county's report are its own). Read in the
    amount's phrase.

    >>> _several_given(_Phrase("乙市累计向甲县等5个县投入帮扶资金", "12亿元", ""), _Home(2, 1)).cue
    '向甲县等5个县'
    >>> _several_given(_Phrase("向受援地区投入", "120亿元", ""), _Home(2, 2)).cue
    '向受援地区'
    >>> _several_given(_Phrase("向全县等9个乡镇发放小额信贷", "1.6亿元", ""), _Home(2, 2)) is None
    True
    >>> _several_given(_Phrase("东部省份向受援地区投入", "120亿元", ""), _Home(_NATION, 1)) is None
    True
    """
    m = _SEVERAL_GIVEN.search(phrase.before)
    if home is None or m is None:
        return None
    level = _OWN_UNIT_LEVEL[m["unit"]] if m["unit"] else home.level if home.level < _NATION else None
    if level is None or level < home.level:
        return None
    return _Verdict("several_regions", False, m.group())


def _names_a_use_only(before: str) -> bool:
    """Whether the phrase before an amount names only a use of money (用于产业发展, 主要用于道路建设的
    资金): no verb of spending, raising or giving of its own, only a fund's noun besides.

    >>> _names_a_use_only("主要用于产业发展"), _names_a_use_only("投入资金")
    (True, False)
    >>> _names_a_use_only("用于产业发展,投入"), _names_a_use_only("用于产业发展的资金")
    (False, True)
    """
    use = _USE_ONLY.match(before)
    return use is not None and all(_CUE_GROUP[w][0] == "fund" for w in _CUE.findall(before, use.end()))


def _judge(phrase: _Phrase, value: float, previous: _Verdict | None, home: _Home | None) -> _Verdict:
    """Whether one amount outside a 其中 breakdown is funding, by the rules of the module docstring,
    in a report whose own unit is at level ``home``.

    >>> _judge(_Phrase("累计投入", "280亿元", ""), 2.8e10, None, None)
    _Verdict(rule='spending', kept=True, cue='投入')
    >>> _judge(_Phrase("为每户贫困户筹措资金", "2.2万元", ""), 22000, None, None).rule
    'per_unit'
    >>> _judge(_Phrase("贷款", "5万元", "投入村合作社"), 50000, None, None).rule
    'household_loan'
    """
    if (form := _form(phrase) or _wider_scope(phrase, home) or _several_given(phrase, home)) is not None:
        return form
    if previous is not None and previous.kept and _names_a_use_only(phrase.before):
        return _Verdict("use_of_total", False, "a use of the amount before it")
    cue = _nearest_cue(phrase)
    if cue is None:
        if previous is not None and previous.kept:
            return _Verdict("series", True, previous.cue)
        if _RECAP.search(phrase.before) and (recapped := _CUE.findall(phrase.lead)):
            word = recapped[-1]
            return _Verdict("recap", _CUE_GROUP[word][1], word)
        return _Verdict("no_cue", False, "no funding cue")
    if not cue.funding:
        return _Verdict(cue.group, False, cue.word)
    if cue.group == "loan" and value <= _MICROCREDIT_CEILING:
        return _Verdict("household_loan", False, cue.word)
    return _Verdict(cue.group, True, cue.word)


def _decision(verdict: _Verdict) -> str:
    """What ``povsum explain`` says about one amount.

    >>> _decision(_Verdict("series", True, "资金"))
    'kept: continues a list kept by 资金'
    """
    if verdict.rule == "series":
        return f"kept: continues a list kept by {verdict.cue}"
    if verdict.rule == "recap":
        return f"{'kept' if verdict.kept else 'skipped'}: sums up or converts a statement of {verdict.cue}"
    if verdict.rule == "household_loan":
        return f"skipped: {verdict.cue} within the {_MICROCREDIT_CEILING}元 microcredit ceiling"
    if verdict.rule == "wider_scope":
        return f"skipped: a total of {verdict.cue}, a unit above the report's own"
    if verdict.rule == "several_regions":
        return f"skipped: given {verdict.cue}, several units, the report's one at most"
    return f"{'kept' if verdict.kept else 'skipped'}: {verdict.cue}"


@dataclass(frozen=True, slots=True)
class _Breakdown:
    start: int  # where the parts begin in the sentence
    end: int  # where they end: at a new item (另, 此外) or the end of the sentence
    marker: str  # the word that opened them
    own: str = ""  # the report's own unit whose share opens the parts (我区), if a wider total's
    total: float | None = None  # the amount the parts break down, when it is stated
    summed: float = 0.0  # what the parts add up to at its end, to carry on over a ;


# A fund named before a marker that has no amount before it in its sentence: the parts are of the
# amount the sentence before stated ("鄞州区安排的帮扶资金重点用于产业,其中2800万元…").
_FUND_NOUN = re.compile("|".join(_FUNDING_CUES["fund"]))


def _levels_named(text: str) -> list[int]:
    """The levels of the whole units (全市) and payers (省级, 市财政) ``text`` names, in order.

    Several units of a kind (两个县) stand a level above one of them.

    >>> _levels_named("省财政下达…全县…我村"), _levels_named("国家下达我省"), _levels_named("向两个县投入")
    ([4, 2], [4], [3])
    """
    return [
        _OWN_UNIT_LEVEL[m["several"]] + 1
        if m["several"]
        else _SCOPE_LEVEL.get(m.group(), _OWN_UNIT_LEVEL.get(m["payer"] or m["own"] or "", -1))
        for m in _WHOLE_OR_PAYER.finditer(text)
    ]


def _own_share(text: str, marker: re.Match[str], before: str = "") -> str:
    """The report's own unit (我区) when the parts open with its share of a total that a wider
    unit stated before the marker (in its sentence, or in ``before``, the sentence before it when
    the marker refers back to that one's amount), else "".

    >>> _own_share("全市安排资金8.6亿元,其中下达我区1.2亿元", _BREAKDOWN.search("全市安排资金8.6亿元,其中"))
    '我区'
    >>> _own_share("全县投入资金3亿元,其中我县财政资金1亿元", _BREAKDOWN.search("全县投入资金3亿元,其中"))
    ''
    """
    brk = _PHRASE_BREAK.search(text, marker.end() + 1)
    own = _OWN_UNIT.search(text, marker.end(), brk.start() if brk else len(text))
    wider = _levels_named(before + text[: marker.start()])
    if own is None or not wider or wider[-1] <= _OWN_UNIT_LEVEL[own["unit"]]:
        return ""
    return own.group()


def _breakdown(sentence: Sentence, matches: list[QuantityMatch], before: str | None) -> _Breakdown | None:
    """Where a breakdown of an amount already stated begins in the sentence, if it does, and where
    it ends: at a marker (其中, 包括, (含) after an amount of this sentence, or at one with none
    before it right after a sentence that stated an amount, when it opens the sentence or follows
    a fund's name. Otherwise a marker introduces items, not parts.

    >>> s = Sentence(0, 24, "计划总投资4126万元,其中,省级资金2600万元")
    >>> _breakdown(s, find_quantities(s.text, {"元"}), before=None)
    _Breakdown(start=12, end=25, marker='其中', own='', total=41260000.0, summed=26000000.0)
    >>> s = Sentence(0, 16, "其中,援助该村90万元发展种植")
    >>> _breakdown(s, find_quantities(s.text, {"元"}), before=None) is None
    True
    """
    text = sentence.text
    for m in _BREAKDOWN.finditer(text):
        after_a_total = any(q.end <= m.start() for q in matches)
        # A marker naming the total itself (在3200万元资金中): the parts are of that one, stated or not
        # before; it is judged as an amount of its own.
        names_total = any(m.start() <= q.start < m.end() for q in matches)
        refers_back = before is not None and (m.start() == 0 or _FUND_NOUN.search(text, 0, m.start()))
        if after_a_total or names_total or refers_back:
            new_item = _NEW_ITEM.search(text, m.end())
            start = m.end() if names_total else m.start()
            total = _total_before(matches, start, before if refers_back else None)
            end, summed = _parts_end(text, matches, start, new_item.start() if new_item else len(text), total)
            own = _own_share(text, m, before if refers_back else "")
            return _Breakdown(start, end, m.group(), own, total, summed)
    return None


def _total_before(matches: list[QuantityMatch], start: int, before: str | None) -> float | None:
    """The amount that parts opening at ``start`` break down: the last one stated before them in
    their sentence, else in the statement ``before`` (其中 opening the next sentence).

    >>> s = "投入资金3亿元,其中中央资金2亿元"
    >>> _total_before(find_quantities(s, {"元"}), 8, None)
    300000000.0
    >>> _total_before([], 0, "完成投资106.2亿元。")
    10620000000.0
    """
    totals = [m.parsed.value for m in matches if m.end <= start]
    if not totals and before:
        totals = [m.parsed.value for m in find_quantities(before, units={"元"})]
    return totals[-1] if totals else None


def _parts_end(
    text: str, matches: list[QuantityMatch], start: int, end: int, total: float | None, summed: float = 0.0
) -> tuple[int, float]:
    """Where the parts opened at ``start`` end, and what they add up to there: at ``end``, or
    right after the part that makes them (with the ``summed`` parts of the sentences before, for a
    breakdown carried on over a ;) add up to their ``total``, since an amount after a complete
    breakdown is an item of its own ("捐款964万元,其中甲500万元、乙464万元,动员社会各界捐款1000万元");
    unless the next phrase opens another breakdown of the same total (其中…,其中市级资金…: by
    payer, then by purpose).

    >>> s = "投入资金3亿元,其中中央资金2亿元、省级资金1亿元,撬动社会资金5亿元"
    >>> at, summed = _parts_end(s, find_quantities(s, {"元"}), 8, len(s), 3e8)
    >>> s[at:], summed
    (',撬动社会资金5亿元', 300000000.0)
    >>> s = "投入资金3亿元,其中中央资金2亿元、省级资金1亿元,其中产业资金1亿元"
    >>> _parts_end(s, find_quantities(s, {"元"}), 8, len(s), 3e8) == (len(s), 1e8)
    True
    >>> s = "投入资金3亿元,其中中央资金2亿元,社会资金5亿元"  # parts that do not add up run to the end
    >>> _parts_end(s, find_quantities(s, {"元"}), 8, len(s), 3e8)[0] == len(s)
    True
    >>> s = "省级资金1亿元,撬动社会资金5亿元"  # the last part, after a ;
    >>> s[_parts_end(s, find_quantities(s, {"元"}), 0, len(s), 3e8, summed=2e8)[0] :]
    ',撬动社会资金5亿元'
    """
    subtotal = summed
    for m in matches:
        if not (start <= m.start < end) or total is None:
            continue
        subtotal += m.parsed.value
        if abs(subtotal - total) <= _SUM_TOLERANCE * total:
            brk = _PHRASE_BREAK.search(text, m.end, end)
            if brk is None or not _BREAKDOWN.match(text, brk.end()):
                return m.end, subtotal
            subtotal = 0.0  # another breakdown of the same total
    return end, subtotal


def _placed(matches: list[QuantityMatch], breakdown: _Breakdown | None) -> list[_Verdict | None]:
    """The verdict each amount gets from its place around a breakdown: a part of the amount
    before it, or a wider unit's total whose share for the report's own unit follows (the share
    is judged on its phrase, and continues the total's list). None for an amount outside one."""
    if breakdown is None:
        return [None] * len(matches)
    part = _Verdict("part_of_total", False, f"a {breakdown.marker} part of an amount before it")
    wider = _Verdict("wider_total", False, f"a wider unit's total, whose share for {breakdown.own} follows")
    inside = [m for m in matches if breakdown.start <= m.start < breakdown.end]
    share = inside[0] if breakdown.own and inside else None

    def verdict(m: QuantityMatch) -> _Verdict | None:
        if m.start < breakdown.start:
            return wider if breakdown.own else None
        return part if m in inside and m is not share else None

    return [verdict(m) for m in matches]


# How near the parts of a breakdown must come to its total to complete it (rounded parts).
_SUM_TOLERANCE = 0.005
# Every amount in 元 writes 元, or 亿 as in "1.2个亿" (numbers.GE_YI; 億 is folded to 亿): a sentence
# with neither, most of a report, is not searched for amounts.
_YUAN_MARK = re.compile("[元亿億]")


def _amounts(
    sentences: Iterable[Sentence],
) -> Iterator[tuple[Sentence, list[tuple[QuantityMatch, _Verdict | None]]]]:
    """Each sentence holding amounts in 元, with them, and for each the verdict its place in a
    breakdown gives it, if it has one (see ``_placed``)."""
    carried: _Breakdown | None = None  # a breakdown still open at the end of a ;-separated statement
    before: str | None = None  # the statement just before, when its last sentence stated an amount
    statement = ""  # the sentences since the last full stop (;-separated statements go on)
    for sentence in sentences:
        text = sentence.text
        statement += text
        matches = find_quantities(text, units={"元"}) if _YUAN_MARK.search(text) else []
        if carried is not None:
            new_item = _NEW_ITEM.search(text)
            total, summed = carried.total, carried.summed
            end, summed = _parts_end(
                text, matches, 0, new_item.start() if new_item else len(text), total, summed
            )
            breakdown = _Breakdown(0, end, carried.marker, total=total, summed=summed)
        elif matches or before is not None:
            breakdown = _breakdown(sentence, matches, before)
        else:
            breakdown = None  # no amount here nor just before: a marker opens no parts
        if matches:
            yield sentence, list(zip(matches, _placed(matches, breakdown), strict=True))
        goes_on = breakdown is not None and breakdown.end == len(text) and text.endswith(_STATEMENT_GOES_ON)
        carried = breakdown if goes_on else None
        before = statement if matches else None
        if not text.endswith(_STATEMENT_GOES_ON):
            statement = ""


def _payer(clause: str) -> str | None:
    """Who paid, when the clause names it right before the spending verb.

    >>> _payer("县就业部门投入420万元")
    '县就业部门'
    >>> _payer("发放补助金7.35万元") is None
    True
    """
    m = _PAYER.search(clause)
    return m.group("payer") if m else None


def _funding(document: Document, sentence: Sentence, match: QuantityMatch, caption: str = "") -> Funding:
    """The item of an amount (``match`` in sentence offsets); its purpose is its clause, or the
    caption of the table whose total it is."""
    clause = caption or sentence.clause_around(match.start, match.end)
    return Funding(
        amount=Quantity(
            value=match.parsed.value,
            unit="元",
            text=match.text,
            approx=match.parsed.approx,
            evidence=evidence(document, sentence),
        ),
        purpose=clause.strip(),
        source=None if caption else _payer(clause),
        evidence=evidence(document, sentence),
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    item: Funding
    at: int  # offset of the amount in the cleaned text
    sentence: int  # offset of its sentence
    in_headline: bool
    words: frozenset[str]  # the funding cues of its phrase
    approx: Approx | None  # how rough the figure is written
    year: str | None = None  # the year its phrase names before it (2019年投入…)
    sums_up: bool = False  # its phrase says it is a sum (合计, 累计)
    converts: bool = False  # it stands in brackets right after an amount (3200万元(约0.32亿元))
    refers_back: bool = False  # its phrase points back at an amount stated (上述3000多万元)

    @property
    def yuan(self) -> int:
        return round(self.item.amount.value)

    @property
    def text(self) -> str:
        return self.item.amount.text


def _candidates(
    document: Document, sentences: Iterable[Sentence], trace: Trace, region: _Home | None
) -> list[_Candidate]:
    """Amounts kept one by one, before they are reduced to distinct items."""
    headline = document.title_span
    kept: list[_Candidate] = []
    parts: set[int] = set()  # the body's 其中 parts, which a headline may restate
    whole_budget = False  # the last total was a whole budget: its parts are judged on their own
    for sentence, amounts in _amounts(sentences):
        previous: _Verdict | None = None  # a series runs within one sentence
        for match, placed in amounts:
            at = sentence.start + match.start
            phrase = _Phrase.around(sentence, match)
            part = placed is not None and placed.rule == "part_of_total"
            if part and not whole_budget:
                judged = placed
            else:
                home = _home_level(document.text, without=sentence.text, region=region)
                judged = _judge(phrase, match.parsed.value, previous, home)
                whole_budget = whole_budget if part else judged.rule == "whole_budget"
            # A wider unit's total is left out when it is funding; its verdict carries on to the
            # report's share after it (其中本县1.2亿元).
            verdict = (
                placed
                if placed is not None and not part and (judged.kept or judged.rule == "wider_scope")
                else judged
            )
            trace.note("funding", verdict.rule, match.text, _decision(verdict), at)
            # The parts of an amount are an aside: a series runs on from the amount they break down
            # ("从2018年的2000万元,其中…,增加到2019年的5000万元"), and so do its uses (用于…1.8亿元、…).
            previous = previous if part or judged.rule == "use_of_total" else judged
            if verdict.rule == "part_of_total" and sentence.start not in headline:
                parts.add(round(match.parsed.value))
            if verdict.kept:
                item = _funding(document, sentence, match)
                rough = phrase.approx(match.parsed.approx)
                years = _YEAR.findall(phrase.before)
                kept.append(
                    _Candidate(
                        item,
                        at,
                        sentence.start,
                        sentence.start in headline,
                        phrase.funding_words(),
                        rough,
                        years[-1] if years else None,
                        _SUMS_UP.search(phrase.before) is not None,
                        _CONVERSION.search(phrase.before) is not None,
                        _REFERS_BACK.search(phrase.before) is not None,
                    )
                )
    restating = [c for c in kept if c.in_headline and c.yuan in parts]
    for candidate in restating:
        trace.note(
            "funding", "headline", candidate.text, "skipped: the headline restates a 其中 part", candidate.at
        )
    return [c for c in kept if c not in restating]


def _run_summing_to(yuan: list[int], t: int) -> list[int]:
    """Indices of two or more amounts right after (or else right before) amount ``t`` that add up
    to it exactly: its breakdown, listed without 其中.

    >>> _run_summing_to([32_000_000, 26_890_000, 5_110_000], 0)
    [1, 2]
    >>> _run_summing_to([3_226_400, 7_383_100, 10_609_500, 2_000_000], 2)
    [1, 0]
    >>> _run_summing_to([18_000_000, 74_600_000, 120_000_000], 2)
    []
    """
    total = yuan[t]
    for step in (1, -1):
        run: list[int] = []
        subtotal, i = 0, t + step
        while 0 <= i < len(yuan) and subtotal < total:
            subtotal += yuan[i]
            run.append(i)
            i += step
        if subtotal == total and len(run) >= 2:
            return run
    return []


def _is_yearly_sum(total: _Candidate, parts: list[_Candidate]) -> bool:
    """Whether ``total`` sums up, after them, amounts each of its own year (see ``yearly_sum``)."""
    years = [p.year for p in parts]
    return (
        total.sums_up
        and all(p.at < total.at for p in parts)
        and None not in years
        and len(set(years)) == len(years)
    )


def _without_breakdowns(candidates: list[_Candidate], trace: Trace) -> list[_Candidate]:
    yuan = [c.yuan for c in candidates]
    dropped: set[int] = set()
    for t, total in enumerate(candidates):
        if t in dropped:
            continue
        run = _run_summing_to(yuan, t)
        if run and _is_yearly_sum(total, [candidates[i] for i in run]):
            dropped.add(t)
            summed = "+".join(candidates[i].text for i in sorted(run))
            trace.note(
                "funding", "yearly_sum", total.text, f"dropped: the sum of the years' {summed}", total.at
            )
            continue
        # A restated total finds the same run again: note each part once.
        for i in sorted(set(run) - dropped):
            dropped.add(i)
            part = candidates[i]
            trace.note("funding", "breakdown_sum", part.text, f"dropped: a part of {total.text}", part.at)
    return [c for i, c in enumerate(candidates) if i not in dropped]


# The last number written in digits and the multipliers after it: '2千万' of '1亿2千万元', '1.2个亿'.
_WRITTEN_NUMBER = re.compile(
    r"(?P<whole>[0-9]+)(?:\.(?P<decimals>[0-9]+))?\s*个?(?P<more>[多余])?(?P<multiplier>[十百千万亿]*)"
)


def _written_step(text: str, yuan: int) -> float:
    """The precision an amount is written to: its last written digit, in yuan (1亿 for 超10亿元,
    1000万 for 5.6亿元 and for 1亿2千万元); with 多 or 余 after a round number, its last nonzero
    digit (3000多万元 is 3000万 to 4000万: 1000万). A figure in Chinese numerals falls back to its
    last significant digit.

    >>> _written_step("超过10亿元", 10**9), _written_step("5.6176亿元", 561_760_000)
    (100000000.0, 10000.0)
    >>> _written_step("一亿二千万元", 120_000_000), _written_step("386500元", 386_500)
    (10000000.0, 1.0)
    >>> _written_step("1亿2千万元", 120_000_000), _written_step("1.2个亿", 120_000_000)
    (10000000.0, 10000000.0)
    >>> _written_step("3000多万元", 30_000_000), _written_step("3200余万元", 32_000_000)
    (10000000.0, 1000000.0)
    """
    m = next(reversed(list(_WRITTEN_NUMBER.finditer(text))), None)
    if m is None:
        step = 1
        while yuan and yuan % (step * 10) == 0:
            step *= 10
        return float(step)
    places = len(m["whole"]) - len(m["whole"].rstrip("0")) if m["more"] and not m["decimals"] else 0
    scale = 10.0 ** (places - len(m["decimals"] or ""))
    for c in m["multiplier"]:
        scale *= MULTIPLIER[c]
    return scale


# An approximate figure (近200亿元) rounds one within this share of it, however many zeros it is
# written with: 186.7亿元 is 近200亿元.
_ROUGH_SHARE = 0.1


def _rounds(rough: _Candidate, exact: _Candidate) -> bool:
    """Whether ``rough`` is ``exact`` rounded to the precision ``rough`` is written to (or, for an
    approximate figure, within _ROUGH_SHARE of it), in the direction its qualifier says (超/多/余
    above, 近/不足 below, 约 or none either side)."""
    step, diff = _written_step(rough.text, rough.yuan), exact.yuan - rough.yuan
    if rough.approx is not None:
        step = max(step, _ROUGH_SHARE * rough.yuan)
    if rough.approx == "over":
        return 0 <= diff < step
    if rough.approx == "under":
        return -step < diff <= 0
    return abs(diff) < step


def _restates(candidate: _Candidate, kept: _Candidate) -> bool:
    """The same amount again, or a rounded statement of it: a headline's figure, in words of its
    own (a headline sums the body up: 投资超5亿元 over 累计到位帮扶资金5.6176亿元), or an approximate
    one (超10亿元 for 10.27亿元) in a phrase sharing a funding word with the exact one or pointing
    back at an amount stated (上述3000多万元 for 3317.4万元). Within one sentence equal amounts
    are a list (援助甲村100万元,援助乙村100万元), not a restatement, unless the later one points
    back (投入资金4.25亿元,这4亿多元资金…); and an amount in brackets after it, close to it, is its
    conversion (3200万元(约0.32亿元))."""
    later = max(candidate, kept, key=lambda c: c.at)
    if candidate.sentence == kept.sentence and not later.refers_back:
        return (
            candidate.converts
            and 0 < candidate.at - kept.at - len(kept.text) <= _CONVERSION_GAP
            and abs(candidate.yuan - kept.yuan) <= _ROUGH_SHARE * kept.yuan
        )
    if candidate.yuan == kept.yuan:
        return True
    related = bool(candidate.words & kept.words) or later.refers_back
    return any(
        (rough.in_headline or (related and rough.approx is not None)) and _rounds(rough, exact)
        for rough, exact in ((candidate, kept), (kept, candidate))
    )


def _distinct(candidates: list[_Candidate], trace: Trace) -> list[_Candidate]:
    """Each amount once. Exact body figures are read first, so a headline's or an approximate
    figure is the one dropped."""
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.in_headline, c.approx is not None)):
        same = next((k for k in kept if _restates(candidate, k)), None)
        if same is None:
            kept.append(candidate)
        else:
            trace.note(
                "funding", "restatement", candidate.text, f"dropped: restates {same.text}", candidate.at
            )
    return sorted(kept, key=lambda c: c.at)


def _line_at(text: str, at: int) -> tuple[int, int]:
    """Start and end of the line holding ``text[at]``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


# What a caption holds around its unit besides its words: "表3 …(单位:万元)".
_CAPTION_MARKS = " ()（）:：|\t"


def _caption(text: str, unit_at: int) -> tuple[int, str]:
    r"""Where a table's caption starts and what it says: the words before its unit on the unit's
    line, or the line above when the unit stands alone ("单位:万元"), and the column header below.

    >>> t = "甲\n表1 扶贫资金投入(单位:万元)\n项目 金额\n乙 3\n合计 3"
    >>> _caption(t, t.index("单位"))
    (2, '表1 扶贫资金投入 项目 金额')
    >>> t = "2019年扶贫资金投入情况\n单位:万元\n来源 | 金额\n乙 | 3\n合计 | 3"
    >>> _caption(t, t.index("单位"))
    (0, '2019年扶贫资金投入情况 来源 金额')
    """
    start, end = _line_at(text, unit_at)
    words = text[start:unit_at].strip(_CAPTION_MARKS)
    if not words and start > 0:
        start = _line_at(text, start - 1)[0]
        words = text[start : _line_at(text, start)[1]].strip(_CAPTION_MARKS)
    header = text[end + 1 : _line_at(text, end + 1)[1]].strip(_CAPTION_MARKS)
    return start, " ".join(f"{words} {header}".replace("|", " ").split())


def _table_totals(document: Document, trace: Trace) -> list[_Candidate]:
    """The total rows (合计, 总计) of tables whose unit is in 元 and whose caption and column
    header speak of funding (a funding cue and no not-funding one): ``table_total``. A table of
    incomes or output values is not funding, and its rows are parts of its total, never items."""
    text = document.text
    kept: list[_Candidate] = []
    for total in find_table_totals(text):
        start, caption = _caption(text, total.start)
        words = _CUE.findall(caption)
        funding = [w for w in words if _CUE_GROUP[w][1]]
        if not funding or len(funding) < len(words):
            why = next((w for w in words if not _CUE_GROUP[w][1]), "no funding cue")
            trace.note(
                "funding", "table_total", total.text, f"skipped: a table not of funding: {why}", total.start
            )
            continue
        trace.note(
            "funding",
            "table_total",
            total.text,
            f"kept: the total row of a table of {funding[0]}",
            total.start,
        )
        table = Sentence(start, total.end, text[start : total.end])
        at_table = QuantityMatch(total.start - start, total.end - start, total.text, total.parsed)
        item = _funding(document, table, at_table, caption)
        kept.append(_Candidate(item, total.start, start, False, frozenset(funding), None))
    return kept


def find_funding(
    document: Document, sentences: Iterable[Sentence], trace: Trace, region: Region | None = None
) -> list[Funding]:
    found = _candidates(document, sentences, trace, _region_home(region)) + _table_totals(document, trace)
    candidates = _without_breakdowns(sorted(found, key=lambda c: c.at), trace)
    return [c.item for c in _distinct(candidates, trace)]
