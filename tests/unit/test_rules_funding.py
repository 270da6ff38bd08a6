"""The funding rules of the offline extractor, on short passages written for these tests.

Every passage below was written for the test (not real text): it imitates how the reports phrase
money, with invented places and figures.
"""

from __future__ import annotations

import pytest

from povsum import verify
from povsum.document import Document
from povsum.extractors.rules import RulesExtractor
from povsum.extractors.rules.funding import find_funding
from povsum.extractors.rules.trace import Step, Trace
from povsum.sentences import split_sentences


def _run(text: str) -> tuple[list[str], list[Step]]:
    """Texts of the funding items found in ``text``, and the trace of how."""
    document = Document.from_text(text)
    trace = Trace(enabled=True)
    items = find_funding(document, split_sentences(document.text), trace)
    return [item.amount.text for item in items], trace.steps


def _values(text: str) -> list[float]:
    """The yuan of the funding items found in ``text``."""
    document = Document.from_text(text)
    return [item.amount.value for item in find_funding(document, split_sentences(document.text), Trace())]


def _found(text: str) -> list[str]:
    return _run(text)[0]


def _decision(text: str, amount: str) -> tuple[str, str]:
    """The rule and decision the trace gives for ``amount`` (its last step)."""
    steps = [s for s in _run(text)[1] if s.text == amount]
    assert steps, f"{amount} was not considered"
    return steps[-1].rule, steps[-1].decision


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # Written for the test: the spending verbs and nouns the reports use.
        ("甲县县级财政配套800万元用于产业项目。", "800万元"),
        ("甲县撬动金融和社会资本12亿元投向扶贫产业。", "12亿元"),
        ("甲县设立1500万元“扶贫贷款风险补偿金”。", "1500万元"),
        ("甲县另设1386万元“小额扶贫信贷风险资金池”。", "1386万元"),
        ("甲县引进东部协作帮扶资金6000万元。", "6000万元"),
        ("甲县发放临时救助金36.5万元。", "36.5万元"),
        ("甲县今年计划投入2.3亿元实施易地扶贫搬迁。", "2.3亿元"),
        ("甲县累计向乙村捐赠300万元。", "300万元"),
        ("甲县为1200户贫困户发放扶贫小额贷款5600万元。", "5600万元"),
        # One space inside the amount, as some sources write it.
        ("甲县累计投入扶贫资金1210 万元。", "1210 万元"),
    ],
)
def test_money_spent_lent_or_given_is_funding(text: str, amount: str) -> None:
    assert _found(text) == [amount]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: rates per unit, with any measure word.
        "甲县对贫困户每户补助2万元。",
        "甲县为每人安排1000元周转金。",
        "甲县种植中药材每亩补助1500元。",
        "甲县养殖肉牛每头奖补3000元。",
        "甲县建设沼气池每方补贴200元。",
        "甲县给重点村平均每村安排资金450万元。",
        "甲县产业扶贫户均投入1.2万元。",
        "甲县按照600元/亩的补贴发放。",
        # Sales, deals and trade: money changing hands, not money spent on the poor.
        "甲县在推介会上签约资金达18亿元。",
        "甲县扶贫产品交易额突破3000万元。",
        "甲县扶贫产品年销售额2.1亿元。",
        "乙市机关食堂采购甲县扶贫产品860万元。",
        "甲县消费扶贫金额达1.3亿元。",
        # Incomes, wages, prices, output values, GDP, poverty lines and standards.
        "甲县农民人均可支配收入达9500元。",
        "甲县村集体经济收入增加到25万元。",
        "甲县扶贫车间工人月工资2800元。",
        "甲县收购价格每斤3元。",
        "甲县茶叶产业年产值达6亿元。",
        "甲县全年GDP(地区生产总值)达到64.3亿元。",
        "依照国定扶贫标准2736元计算。",
        "甲县全年固定资产投资完成52亿元。",
        "甲县扶贫项目资金缺口3亿元。",
        "甲县农村低保标准提高到4800元。",
        # Loan ceilings and thresholds.
        "为贫困户提供5万元以下的扶贫小额信贷。",
        "甲县给3万元以内的扶贫贷款全额贴息。",
        "贫困户可申请贷款额度最高5万元。",
        # One household's loan is within the microcredit ceiling, not a programme's total.
        "贫困户老王从信用社贷款5万元养羊。",
        # A change between two amounts.
        "甲县今年扶贫资金比上年增加2000万元。",
    ],
)
def test_rates_deals_earnings_standards_and_limits_are_not_funding(text: str) -> None:
    assert _found(text) == []


def test_nearest_cue_decides_when_a_phrase_has_both_kinds() -> None:
    # Written for the test: the income named after the amount is what the money is for.
    assert _found("甲县投入资金1000万元用于增加贫困户收入。") == ["1000万元"]
    # Written for the test: an amount followed by what it is.
    assert _found("老李去年养牛实现5.5万元的收入。") == []


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: the 其中 parts in the same clause, in the next clause, in the
        # next sentence, and on through the ;-separated statements that follow.
        "甲县累计投入扶贫资金3.5亿元,其中财政资金2.1亿元。",
        "甲县计划总投资4126万元,其中,省级专项资金2600万元,统筹县级资金300万元,行业部门资金1226万元。",
        "甲县发放扶贫贷款4500万元。其中,向820户发放贷款3700万元,向160户发放贷款800万元。",
        "甲县下达专项扶贫资金9亿元。其中,产业扶贫资金5亿元;基础设施资金3亿元;教育扶贫资金1亿元。",
    ],
)
def test_qizhong_parts_of_an_amount_already_stated_are_left_out(text: str) -> None:
    assert len(_found(text)) == 1


def test_a_breakdown_ends_at_the_full_stop() -> None:
    # Written for the test: the second sentence is a new statement, not part of the 其中 list.
    text = "甲县投入资金9亿元,其中产业资金5亿元;基础资金4亿元。另外,乙企业捐赠资金800万元。"
    assert _found(text) == ["9亿元", "800万元"]


def test_qizhong_with_no_amount_before_it_introduces_items() -> None:
    # Written for the test: 其中 picks out aid items, not parts of a figure already given.
    text = "乙省与甲村结成帮扶对子。其中,援助甲村90万元发展中药材;援助200万元建设扶贫车间。"
    assert _found(text) == ["90万元", "200万元"]


def test_amounts_adding_up_to_the_amount_next_to_them_are_its_breakdown() -> None:
    # Written for the test: the allocations per county, listed without 其中, sum to the total.
    text = (
        "下达我市专项扶贫资金6000万元。"
        "甲县:专项扶贫资金2500万元;乙县:专项扶贫资金2000万元;丙县:专项扶贫资金1500万元。"
    )
    assert _found(text) == ["6000万元"]
    assert _decision(text, "1500万元") == ("breakdown_sum", "dropped: a part of 6000万元")


def test_amounts_that_do_not_add_up_are_separate_items() -> None:
    # Written for the test: three years of aid, each its own amount.
    text = "丙区给丁县的协作资金由2016年的1800万元,增至2017年的7460万元,再提高到2018年的超过1.2亿元。"
    assert _found(text) == ["1800万元", "7460万元", "超过1.2亿元"]
    assert _decision(text, "7460万元") == ("series", "kept: continues a list kept by 资金")


def test_a_series_continues_only_after_a_kept_amount() -> None:
    # Written for the test: the second amount follows an income, so it is not funding.
    assert _found("各村集体收入都在8万元以上,有3个村达到30万元以上。") == []
    # Written for the test: a rent after money spent has its own cue.
    assert _found("乙单位投入30万元建起养鸡场,每年带来租金3万元,村集体获租金2万元。") == ["30万元"]


def test_the_same_amount_restated_is_one_item() -> None:
    # Written for the test: a headline and the body state the same amount.
    text = "甲县今年扶贫资金达4亿元\n\n今年甲县扶贫资金共4亿元,重点投向贫困村。"
    assert _found(text) == ["4亿元"]


def test_equal_amounts_in_one_sentence_are_a_list() -> None:
    # Written for the test: two villages, one amount each.
    assert _found("乙省援助甲村100万元建设车间,援助丙村100万元修建道路。") == ["100万元", "100万元"]


def test_a_rounded_headline_restates_the_body_figure() -> None:
    # Written for the test: the headline rounds the body's 3.4728亿元 down to 超3亿元.
    text = "丙区企业在丁县投资超3亿元\n\n截至目前,丙区6家企业在丁县累计投资3.4728亿元,带动贫困群众就业。"
    assert _found(text) == ["3.4728亿元"]
    assert _decision(text, "3亿元") == ("restatement", "dropped: restates 3.4728亿元")


@pytest.mark.parametrize(
    "headline",
    [
        # Written for the test: a headline sums the body up in words of its own, sharing no funding
        # word with the body's phrase (砸下, 投资, 贷款 over 到位…帮扶资金).
        "甲县砸下3亿多元建设美丽乡村",
        "超3亿元投资助力甲县脱贫攻坚",
        "甲县3亿多元扶贫贷款惠及贫困户",
    ],
)
def test_a_rounded_headline_in_its_own_words_restates_the_body_figure(headline: str) -> None:
    text = f"{headline}\n\n今年以来,甲县累计到位各类帮扶资金3.4728亿元,用于产业发展和基础设施建设。"
    assert _found(text) == ["3.4728亿元"]


def test_an_allocation_for_each_listed_village_is_spent_but_its_average_is_a_rate() -> None:
    # Written for the test.
    assert _found("启动10个贫困村整村推进,每个村投入300万元以上。") == ["300万元以上"]
    assert _found("乙县为重点村平均每村安排资金420万元。") == []


def test_a_yearly_budget_is_spent_but_a_monthly_allowance_is_a_rate() -> None:
    # Written for the test.
    assert _found("县财政每年安排1000万元设立产业发展基金。") == ["1000万元"]
    assert _found("为公益岗位人员每月发放补贴500元。") == []
    assert _found("村级光伏电站能让贫困户每年每户增收2400元。") == []


def test_the_trace_names_the_rule_and_the_cue() -> None:
    # Written for the test.
    text = "甲县累计投入2.8亿元,农民人均可支配收入9000元。"
    assert _decision(text, "2.8亿元") == ("spending", "kept: 投入")
    assert _decision(text, "9000元") == ("per_unit", "skipped: 人均")
    assert _decision("甲县GDP为80亿元。", "80亿元") == ("economy", "skipped: GDP")
    assert _decision("甲县全年接待游客80万人次,实现综合收入2亿元。", "2亿元") == ("income", "skipped: 收入")
    assert _decision("甲县有贫困村30个,贷款5万元。", "5万元")[0] == "household_loan"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # Written for the test: verbs and nouns of money spent, raised or given, in both scripts.
        ("县财政下拨专项资金600万元。", "600万元"),
        ("乙企业出资300万元设立教育基金。", "300万元"),
        ("将1200万元用于村道硬化和安全饮水。", "1200万元"),
        ("丙县共投1.2亿元建设集中安置点。", "1.2亿元"),
        ("县里耗资2.6亿元修建安置社区。", "2.6亿元"),
        ("丁集团斥資5000萬元援建三所學校。", "5000万元"),  # the text as normalized
        ("村民筹资45万元修建通组路。", "45万元"),
        ("发行易地扶贫搬迁地方政府债券12亿元。", "12亿元"),
        ("县财政每年预算500万元用于脱贫攻坚。", "500万元"),
        ("对带贫合作社以奖代补180万元。", "180万元"),
        ("县财政为贫困人口购买医疗保险86万元。", "86万元"),
        ("县财政兑付光伏扶贫补贴1300万元。", "1300万元"),
        # Secured or pooled with no noun after the verb.
        ("乙镇今年累计落实1800万元,用于产业路建设。", "1800万元"),
        ("县里统筹2.4亿元实施农村人居环境整治。", "2.4亿元"),
        # Taken out of a budget or a fund, lent free of interest, sponsored.
        ("县财政拿出2000万元,用于贫困村基础设施建设。", "2000万元"),
        ("市里还要再拿出一个亿,专门支持搬迁后续产业。", "一个亿"),
        ("乙镇列支18万元为贫困户修缮危房。", "18万元"),
        ("乙商会向合作社提供无息借款60万元。", "60万元"),
        ("丙公司赞助80万元修建村小学。", "80万元"),
        # Fund names with no verb: a lottery fund, the pools microcredit and mutual aid draw on.
        ("省级彩票公益金1600万元支持老区村庄建设。", "1600万元"),
        ("县财政注资风险补偿金1000万元。", "1000万元"),
        ("全县村级扶贫互助金规模达860万元。", "860万元"),
    ],
)
def test_more_ways_of_spending_raising_and_giving_are_funding(text: str, amount: str) -> None:
    assert _found(text) == [amount]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # Written for the test: a supervision report's money, misused, recovered or investigated,
        # with the cue in the amount's phrase or a phrase before it.
        ("乙县纪委监委追回违规发放的扶贫资金32.6万元。", "misuse"),
        ("2019年,甲市共查處扶貧領域腐敗和作風問題87起,涉及資金412萬元。", "oversight"),
        ("审计发现,个别乡镇将扶贫资金52万元用于修建办公场所。", "oversight"),
        ("審計發現問題資金1800萬元,已全部整改到位。", "misuse"),
        ("对套取补贴的3名干部罚款2万元。", "misuse"),
        # An enterprise's deal is not aid.
        ("全县招商引资到位资金35.8亿元。", "business_deal"),
        ("今年以来,丙县签约项目26个,协议投资120亿元。", "deal_signed"),
        # Residents' own homes and cars.
        ("外出务工群众在县城购买住房2100套、购置小汽车900辆,累计投入资金9.3亿元。", "private_purchase"),
        ("全村有23户买了汽车,共投入120万元。", "private_purchase"),
        # Money saved, lost or owed.
        ("新技术为群众节约资金200万元。", "not_spent"),
        ("帮助受灾贫困户挽回经济损失35万元。", "not_spent"),
        # Stocks and statistics of the whole economy, and what a company is registered with.
        ("年末金融机构各项贷款余额356亿元。", "balance"),
        ("全县一般公共预算支出45.2亿元,增长6%。", "whole_budget"),
        ("全县民间投资完成28亿元。", "economy_investment"),
        ("甲村成立种养殖合作社,注册资本200万元。", "registered_capital"),
        # A cooperative's members' capital, subscribed or in total, is no money spent.
        ("乙合作社成员出资总额360万元。", "registered_capital"),
        ("丙合作社由8户农户发起,认缴出资额共计120万元。", "registered_capital"),
        # What an insurance covers is not money paid out.
        ("为建档立卡贫困户提供风险保障12.6亿元。", "insured_cover"),
        # Dividends and rents paid to the poor are their income; a company's taxes and profits.
        ("村集体向贫困户发放分红资金36万元。", "profit"),
        ("合作社每年向农户支付土地流转费86万元。", "profit"),
        ("项目建成后年利税2000万元。", "profit"),
        ("龙头企业全年纳税3200万元。", "economy"),
        # Selling and buying produce.
        ("机关单位购买扶贫产品320万元。", "produce_bought"),
        ("通过网络卖出农产品1500万元。", "sales"),
    ],
)
def test_oversight_deals_purchases_losses_and_statistics_are_not_funding(text: str, rule: str) -> None:
    amounts, steps = _run(text)
    assert amounts == []
    assert [s.rule for s in steps] == [rule]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # Written for the test: near the words of those rules, but money spent.
        ("严禁截留挪用,全年拨付专项资金1.2亿元。", "1.2亿元"),
        ("与乙市签订帮扶协议后,乙市捐赠资金500万元。", "500万元"),
        ("对进城购房的搬迁户发放购房补助860万元。", "860万元"),
        ("每逢春节,县里发放慰问金38万元。", "38万元"),
        ("将资产收益扶贫资金200万元折股量化到户。", "200万元"),
    ],
)
def test_money_spent_beside_those_words_is_still_funding(text: str, amount: str) -> None:
    assert _found(text) == [amount]


def test_a_supervision_statement_does_not_reach_the_next_sentence() -> None:
    # Written for the test: the spending and the recovered money are separate statements.
    text = "甲县投入扶贫资金2亿元;县纪委追回违规资金30万元。乙县查处问题5起。丙企业捐赠100万元。"
    assert _found(text) == ["2亿元", "100万元"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # Written for the test: ranges, ceilings, averages and differences in more forms.
        ("贫困户危房改造补助1.5万~2.5万元。", "range"),
        ("给予产业奖补3000-8000元。", "range"),
        ("单笔扶贫贷款不得超过10万元。", "limit"),
        ("为贫困户提供5万元(含)以下的贷款。", "limit"),
        ("对年收入低于3000元的农户给予补助。", "limit"),
        ("义务教育阶段生均补助1250元。", "per_unit"),
        ("公益岗位人员月均补贴800元。", "per_unit"),
        ("甲县扶貧資金比上年多投入1200萬元。", "change"),
        ("同比多拨付专项资金3000万元。", "change"),
        ("较2019年多安排资金1.5亿元。", "change"),
    ],
)
def test_ranges_ceilings_averages_and_differences_are_not_funding(text: str, rule: str) -> None:
    amounts, steps = _run(text)
    assert amounts == []
    assert steps[-1].rule == rule


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a reward for a title earned, or a payment made once, to each recipient.
        "对获评“脱贫攻坚先进村”的村奖励10万元。",
        "对被评为“美丽庭院”示范户的农户给予奖励2000元。",
        "对考核优秀的驻村工作队奖励5万元。",
        "对评为脱贫光荣户的家庭一次性奖励5000元。",
        "对首次外出务工的贫困劳动力给予一次性交通补贴500元。",
    ],
)
def test_a_reward_per_recipient_is_a_rate(text: str) -> None:
    amounts, steps = _run(text)
    assert amounts == []
    assert [s.rule for s in steps] == ["award"]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # Written for the test: the recipients counted, a fund paid once, a fund after the reward.
        ("对获评先进的12个村共奖励资金120万元。", "120万元"),
        ("县财政一次性拨付资金3000万元用于安置点建设。", "3000万元"),
        ("县里一次性安排产业奖补资金500万元。", "500万元"),
        ("为获评示范村的村庄投入资金3000万元。", "3000万元"),
    ],
)
def test_money_for_recipients_counted_or_a_fund_paid_once_is_funding(text: str, amount: str) -> None:
    assert _found(text) == [amount]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: parts opened by 包括 and by (含 after the total.
        "全县投入资金3.2亿元,包括中央资金1.56亿元、省级资金1.1亿元。",
        "全县投入扶贫资金8000万元(含中央资金5000万元)。",
        "乙市累計下達資金6.8億元,包括省級資金2億元;市級資金1.3億元。",
    ],
)
def test_parts_opened_by_baokuo_or_han_are_left_out(text: str) -> None:
    amounts, steps = _run(text)
    assert len(amounts) == 1
    assert all(s.rule == "part_of_total" for s in steps[1:])


def test_baokuo_with_no_amount_before_it_introduces_items() -> None:
    # Written for the test.
    assert _found("帮扶内容包括:援助甲村90万元建车间,援助乙村60万元修路。") == ["90万元", "60万元"]


def test_an_approximate_figure_restates_the_exact_one_it_rounds() -> None:
    # Written for the test: a lead paragraph rounds the body's figure; the exact one is kept.
    text = "全县累计投入扶贫资金超过10亿元。\n近年来,全县累计投入各类扶贫资金10.27亿元,用于产业发展。"
    assert _found(text) == ["10.27亿元"]
    assert _decision(text, "超过10亿元") == ("restatement", "dropped: restates 10.27亿元")
    # Written for the test: 3.5亿多元 rounds 3.58亿元 down, the body comes first this time.
    assert _found("乙区投入帮扶资金3.58亿元。乙区投入帮扶资金3.5亿多元。") == ["3.58亿元"]
    # Written for the test: 超 and 突破 open a floor the number itself does not say.
    assert _found("全縣累計投入扶貧資金超10億元。\n近年來全縣累計投入扶貧資金10.27億元。") == ["10.27亿元"]
    assert _found("丙县扶贫资金投入突破5亿元。今年丙县扶贫资金投入5.4亿元,主要用于产业。") == ["5.4亿元"]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: 近10亿元 is below 10亿元, so 10.27亿元 is another amount.
        "近10亿元扶贫资金投向产业。\n全县累计投入扶贫资金10.27亿元。",
        # A loan and money spent share no funding word: two items, however close.
        "发放扶贫贷款超1亿元。\n全县投入资金1.5亿元修建道路。",
        # 超2亿元 rounds to 1亿, and 3.1亿元 lies outside it.
        "投入资金超2亿元。另投入资金3.1亿元。",
    ],
)
def test_a_rough_figure_outside_its_precision_is_another_item(text: str) -> None:
    assert len(_found(text)) == 2


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # Written for the test: money still needed, repaid or left unspent, and what one household
        # can get.
        ("全县易地扶贫搬迁还需投入资金2亿元。", "shortfall"),
        ("丙县尚有3亿元的资金缺口。", "shortfall"),
        ("今年收回到期扶贫贷款1.2亿元。", "not_spent"),
        ("盘活結餘資金800萬元。", "not_spent"),
        ("贫困户可申请扶贫贷款3万元。", "entitlement"),
        ("符合条件的搬迁户可享受补助1.8万元。", "entitlement"),
    ],
)
def test_money_needed_repaid_or_unspent_and_entitlements_are_not_funding(text: str, rule: str) -> None:
    amounts, steps = _run(text)
    assert amounts == []
    assert steps[-1].rule == rule


def test_a_total_of_a_unit_well_above_the_report_is_another_regions_money() -> None:
    # Written for the test: a county report quoting the province's total beside its own.
    text = (
        "全县有贫困村42个,全县今年投入资金2亿元。全省累计投入专项扶贫资金80亿元,全县累计投入扶贫资金5.3亿元。"
    )
    assert _found(text) == ["2亿元", "5.3亿元"]
    assert _decision(text, "80亿元") == (
        "wider_scope",
        "skipped: a total of 全省, a unit above the report's own",
    )
    # Written for the test: a village report quoting the nation's total.
    assert _found("全村有贫困户12户,全村通了水泥路。全國每年投入扶貧資金1400億元。") == []


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a county story that says 全县 once; the nation's total said once
        # must not make the nation the report's unit (on a tie the wider one would win).
        "全县有贫困户3000户。全国累计投入专项扶贫资金6000亿元。",
        # A story that totals no unit of its own is not the nation's.
        "甲村有贫困户30户,村里通了路。全国累计投入专项扶贫资金6000亿元。",
        # A report that totals its province most is still below the nation.
        "全省有贫困县20个,全省脱贫。全省共有贫困村600个。全国累计投入专项扶贫资金6000亿元。",
    ],
)
def test_the_nations_total_said_once_is_another_regions_money(text: str) -> None:
    assert _found(text) == []
    assert _decision(text, "6000亿元")[0] == "wider_scope"


def test_a_partners_own_unit_is_not_the_reports_home() -> None:
    # Written for the test: a county report (我县) naming its partner's home (本市): the province's
    # total stays another region's, and the partner's money for the county is kept.
    text = (
        "我县有贫困户3000户,我县脱贫。对口帮扶城市戊市投入本市资金40亿元,向我县投入帮扶资金1.2亿元。"
        "全省累计投入扶贫资金80亿元。"
    )
    assert _found(text) == ["1.2亿元"]


def test_money_handed_down_to_a_province_named_is_the_provinces() -> None:
    # Written for the test: a county report quoting what the nation gave its province (and all
    # provinces); the province's and central money handed down to the county stays.
    text = (
        "全县有贫困户3000户,全县脱贫。国家下达乙省以工代赈资金8亿元,中央财政下达各省专项扶贫资金1400亿元。"
        "全县今年争取下达中央和省级专项扶贫资金3000万元。"
    )
    assert _found(text) == ["3000万元"]
    assert _decision(text, "8亿元")[0] == "wider_scope"


def test_a_nations_report_keeps_its_own_total() -> None:
    # Written for the test: a national report totalling itself.
    assert _found("全国贫困县全部摘帽。全国累计投入专项扶贫资金6000亿元。") == ["6000亿元"]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: one level up is kept, a township anecdote may outnumber the county.
        "全镇有贫困户30户,全镇建成车间两个,全镇通了路。全县投入扶贫资金2亿元。",
        # 我省 names the writer's province, not a total of it.
        "全县有贫困户3000户,全县脱贫。我省甲县累计投入扶贫资金3亿元。",
        # A report that names no unit's total keeps everything.
        "乙省累计投入扶贫资金80亿元。",
    ],
)
def test_scopes_close_to_the_reports_own_keep_their_money(text: str) -> None:
    assert len(_found(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: parts opened by the amount named again with 中, by a fund's first
        # tranche and by one year of a cumulative total.
        "甲县累计投入资金6.4亿元。在6.4亿元资金中,用于产业的有2.5亿元。",
        "甲县设立产业基金1亿元,首期到位3000万元。",
        "2017年以来甲县累计投入扶贫资金15亿元。仅2020年一年,全县就投入扶贫资金4.2亿元。",
    ],
)
def test_more_markers_open_the_parts_of_an_amount(text: str) -> None:
    amounts, steps = _run(text)
    assert len(amounts) == 1
    assert "part_of_total" in {s.rule for s in steps}


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # Written for the test: the marker names the total itself, with nothing before it, roughly
        # (超过, 多), or opening its phrase with the fund (…元扶贫资金中).
        ("在6.4亿元资金中,用于产业的有2.5亿元。", "6.4亿元"),
        ("在超过12亿元资金中,用于产业的有5亿元。", "超过12亿元"),
        ("在2600多万元资金中,用于产业的有800万元。", "2600多万元"),
        ("1.2亿元扶贫资金中,有8000万元用在了产业上。", "1.2亿元"),
        ("近年来,3.6亿元帮扶资金中,有1.1亿元投向产业。", "3.6亿元"),
    ],
)
def test_a_marker_naming_its_total_opens_its_parts(text: str, total: str) -> None:
    assert _found(text) == [total]


def test_qizhong_after_a_fund_named_refers_to_the_sentence_before() -> None:
    # Written for the test: the second sentence names the fund again without its amount.
    text = "乙市向甲县拨付协作资金5000万元。这批协作资金主要投向产业,其中1800万元用于茶园建设。"
    assert _found(text) == ["5000万元"]
    assert _decision(text, "1800万元")[0] == "part_of_total"
    # Written for the test: with no amount in the sentence before, 其中 introduces items.
    assert _found("乙市与甲县开展协作。协作资金主要投向产业,其中1800万元用于茶园建设。") == ["1800万元"]


@pytest.mark.parametrize("opener", ["另", "此外,", "同时", "并"])
def test_a_new_item_ends_a_breakdown(opener: str) -> None:
    # Written for the test: after the parts, the sentence turns to another sum.
    text = f"甲县整合资金2亿元,其中产业资金8000万元,{opener}安排专项扶贫资金3000万元。"
    assert _found(text) == ["2亿元", "3000万元"]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: the parts add up to the total, and the sentence goes on to another sum
        # with no 另 or 此外 to open it (a donation, a loan, a year's budget in a series).
        "乙市企业捐款800万元,其中现金500万元、物资折款300万元,动员社会各界捐款1200万元用于教育扶贫。",
        "甲县投入资金9亿元,其中中央资金5亿元、省级资金4亿元,发放扶贫小额信贷2亿元。",
        "帮扶资金从2018年的2000万元,其中产业资金1200万元、基础设施资金800万元,增加到2019年的5000万元。",
    ],
)
def test_parts_that_add_up_to_the_total_end_the_breakdown(text: str) -> None:
    assert len(_found(text)) == 2


def test_a_second_breakdown_of_a_complete_total_is_still_its_parts() -> None:
    # Written for the test: the total broken down by payer, then by purpose, in one sentence.
    text = "甲县累计投入资金9亿元,其中中央资金5亿元、省级资金4亿元,其中产业扶贫资金3亿元。"
    assert _found(text) == ["9亿元"]


def test_a_new_item_ends_a_breakdown_carried_over_a_semicolon() -> None:
    # Written for the test.
    text = "甲县投入资金9亿元,其中产业资金5亿元;基础资金3亿元;另发放扶贫贷款2亿元。"
    assert _found(text) == ["9亿元", "2亿元"]


def test_the_own_units_share_of_a_wider_total_is_the_reports_money() -> None:
    # Written for the test: a district report quoting the city's total and its own share.
    text = "全市下达财政扶贫资金6亿元,其中下达我区8000万元,比上年增长10%。"
    assert _found(text) == ["8000万元"]
    assert _decision(text, "6亿元") == (
        "wider_total",
        "skipped: a wider unit's total, whose share for 我区 follows",
    )
    # Written for the test: a payer of a wider level, and the parts after the share stay parts.
    assert _found("省财政安排资金20亿元,其中本县1.2亿元、乙县1.5亿元。") == ["1.2亿元"]
    # Written for the test: the unit's own fiscal share of its own total is a part.
    assert _found("全县投入扶贫资金3亿元,其中我县财政资金1亿元。") == ["3亿元"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # Written for the test: conditions on an amount, each of a unit, money set right by an
        # audit, another currency, progress on a budget, and a neighbour's money.
        ("住院自付费用超过3000元的部分由县财政兜底。", "limit"),
        ("项目资金10万元以上的须公开招标。", "limit"),
        ("向12个贫困村各拨付发展资金30万元。", "per_unit"),
        ("审计指出的问题已整改到位资金560万元。", "misuse"),
        ("某慈善会在甲县投入项目资金港币500万元。", "foreign_currency"),
        ("截至9月底,已拨付资金2.1亿元,支出进度82%。", "progress"),
        ("2019年,邻近的乙县投入扶贫资金12亿元。", "neighbour"),
        # A place said to be elsewhere (外省, 其他省份) is another region.
        ("外省的一个贫困县今年投入资金6亿元。", "neighbour"),
        ("其他省份的丁县三年投入扶贫资金9亿元。", "neighbour"),
        # A partner's money spent in its own home (本市 after the partner is named).
        ("对口帮扶城市戊市去年投入本市的乡村振兴资金达40亿元。", "partner_at_home"),
        ("作为东西部协作城市,己市去年在本市安排乡村振兴资金20亿元。", "partner_at_home"),
    ],
)
def test_thresholds_shares_rectified_foreign_progress_and_neighbours_are_not_funding(
    text: str, rule: str
) -> None:
    amounts, steps = _run(text)
    assert amounts == []
    assert steps[-1].rule == rule


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # Written for the test: near the words of those rules, but money spent.
        ("各级财政投入扶贫资金1.5亿元。", "1.5亿元"),
        ("全年下达资金3亿元,已拨付2.8亿元,拨付率93%。", "3亿元"),
        ("带动周边群众就业,县里投入资金3000万元建设车间。", "3000万元"),
        ("邻近的乙县投入资金10亿元,而我县投入资金4亿元。", "4亿元"),
    ],
)
def test_money_spent_beside_the_new_form_words_is_still_funding(text: str, amount: str) -> None:
    assert _found(text) == [amount]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # Written for the test: a rate, then the total it sums to; another currency, then 元.
        ("为800户贫困户发放产业扶持资金,户均5000元,共计400万元。", "400万元"),
        ("为贫困户送去慰问金每户300元,共9000元。", "9000元"),
        ("某基金会在甲县投入资金港币200万元,约合人民币180万元。", "180万元"),
    ],
)
def test_a_sum_or_conversion_takes_the_cue_of_its_statement(text: str, amount: str) -> None:
    assert _found(text) == [amount]
    assert _decision(text, amount)[0] == "recap"


def test_a_sum_of_earnings_is_not_funding() -> None:
    # Written for the test: the statement's last cue is an income.
    assert _found("贫困户务工收入每人8000元,共计96万元。") == []


def test_an_approximate_figure_with_zeros_restates_one_within_a_tenth() -> None:
    # Written for the test: 近300亿元 rounds 276.4亿元, but not 230亿元.
    assert _found("全省累计投入扶贫资金276.4亿元。近300亿元的扶贫资金投入,改变了山区面貌。") == ["276.4亿元"]
    assert len(_found("全省累计投入扶贫资金230亿元。近300亿元的扶贫资金投入,改变了山区面貌。")) == 2


def test_a_headline_in_thousands_of_wan_restates_the_body_figure() -> None:
    # Written for the test: 3千万元 is written to 1000万, so 3050万元 is the same money.
    text = "甲县投入扶贫资金3千万元\n\n今年甲县累计投入扶贫资金3050万元,用于产业发展。"
    assert _found(text) == ["3050万元"]
    assert _decision(text, "3千万元") == ("restatement", "dropped: restates 3050万元")


def test_amounts_of_distinct_years_summed_after_them_are_the_items() -> None:
    # Written for the test: two years' amounts, then their 合计, which restates them.
    text = "2018年甲县投入1500万元建设村道,2019年投入2500万元,两年合计4000万元。"
    assert _found(text) == ["1500万元", "2500万元"]
    assert _decision(text, "4000万元") == ("yearly_sum", "dropped: the sum of the years' 1500万元+2500万元")
    # Written for the test: a cumulative total said with 累计, in the sentence after the years.
    text = "2019年乙县安排资金800万元,2020年安排资金1200万元。两年累计投入2000万元。"
    assert _found(text) == ["800万元", "1200万元"]


def test_parts_of_no_year_or_of_one_year_still_leave_the_total() -> None:
    # Written for the test: the parts name no year, or the same one, so they are a breakdown.
    assert _found("甲县投入村道资金1500万元,饮水资金2500万元,合计4000万元。") == ["4000万元"]
    assert _found("2019年上半年投入1500万元,2019年下半年投入2500万元,合计4000万元。") == ["4000万元"]


# Written for the test: a flattened funding table, its unit in the caption, its total last.
_FUNDING_TABLE = (
    "表2 甲县2020年扶贫资金投入情况(单位:万元)\n资金来源 金额\n"
    "中央专项 6200\n省级专项 2300\n县级配套 1500\n合计 10000\n"
)


def test_a_funding_tables_total_row_is_one_item_read_with_the_headers_unit() -> None:
    amounts, steps = _run(_FUNDING_TABLE + "说明:资金已全部拨付到位。")
    assert amounts == [_FUNDING_TABLE[_FUNDING_TABLE.index("单位") : -1]]
    assert [s.decision for s in steps if s.rule == "table_total"] == [
        "kept: the total row of a table of 资金"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a table of incomes, one of no funding word, one whose total row
        # has a cell per year, and one with no total row.
        "表3 各乡镇农民收入情况(单位:万元)\n乡镇 收入\n甲镇 6200\n乙镇 2300\n合计 8500\n",
        "表4 主要指标(单位:万元)\n指标 数值\n甲 6200\n乙 2300\n合计 8500\n",
        "表5 扶贫资金投入(单位:万元)\n来源|2019年|2020年\n中央|6200|7000\n合计|6200|7000\n",
        "表6 扶贫资金投入(单位:万元)\n来源 金额\n中央 6200\n省级 2300\n",
    ],
)
def test_other_tables_and_their_rows_are_not_funding(text: str) -> None:
    assert _found(text) == []


def test_a_table_total_restated_in_the_text_is_one_item() -> None:
    # Written for the test: the text gives the table's total in 亿元.
    assert _found("全县投入扶贫资金1亿元。\n" + _FUNDING_TABLE) == ["1亿元"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Written for the test: the unit on a line of its own, cells split by bars, a subtotal.
        ("乙县产业扶贫资金\n单位:万元\n项目 | 金额\n种植 | 800\n小计 | 800\n养殖 | 700\n合计 | 1500", 15e6),
        # The total row spaced out, the unit in 亿元, cells split by tabs.
        ("表1\t丙县扶贫项目投资(单位:亿元)\n项目\t投资\n道路\t1.2\n饮水\t0.8\n合  计\t2.0\n", 2e8),
    ],
)
def test_funding_tables_in_other_layouts(text: str, value: float) -> None:
    document = Document.from_text(text)
    summary = verify(RulesExtractor().extract(document), document)
    assert [item.amount.value for item in summary.funding] == [value]
    assert summary.verification.failures == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a headline restates a 其中 part of the body's total.
        (
            "县长:“我们今年在产业上投了3.5个亿”\n记者:今年全县投入了多少?\n"
            "县长:今年全县各类扶贫资金投入是8个亿左右,其中产业上投了3.5个亿,基础设施上投了2亿多元。",
            ["8个亿左右"],
        ),
        # Written for the test: what a fund could lever is no loan made; a colloquial verb.
        (
            "市里设立扶贫贷款风险补偿基金2,000万元,按1:10放大,理论上可撬动银行贷款2亿元。"
            "光是今年,我们在产业上就砸了3.5个亿。",
            ["2,000万元", "3.5个亿"],
        ),
        # Written for the test: a village report calls itself 我村; the county's total is another's.
        (
            "下坝村脱贫攻坚工作简介\n脱贫攻坚以来,全县累计投入扶贫资金21.6亿元,我村共争取和落实各类项目资金1,280万元。",
            ["1,280万元"],
        ),
    ],
)
def test_restated_parts_capacity_and_upper_totals(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_the_writers_own_wider_unit_in_a_report_on_a_smaller_own_unit_is_another_regions_money() -> None:
    # Written for the test: a county report (我县) that names its province's allocation (我省).
    text = "国家下达我省以工代赈投资8.5亿元。今年我县投入扶贫资金3860万元,我县修建道路21条。"
    assert _found(text) == ["3860万元"]
    assert _decision(text, "8.5亿元")[0] == "wider_scope"


def test_a_place_named_after_the_writers_own_wider_unit_keeps_its_money() -> None:
    # Written for the test: 我省甲县 names the county whose money it is.
    text = "我省会宁县累计投入扶贫资金3亿元。我县修建道路21条,我县群众受益。"
    assert _found(text) == ["3亿元"]


def test_the_own_units_share_of_a_wider_total_stated_in_the_sentence_before_is_an_item() -> None:
    # Written for the test: the province's allocation in one sentence, the county's share in the next.
    text = "国家下达我省以工代赈投资8.5亿元。其中,我县获得以工代赈资金3860万元,实施项目21个。我县群众受益。"
    assert _found(text) == ["3860万元"]


def test_a_whole_budget_is_no_item_and_its_parts_are_judged_on_their_own() -> None:
    # Written for the test: a county budget report: the whole budget, its poverty part, its revenue.
    text = (
        "2021年,县级一般公共预算支出安排28.6亿元。其中,安排巩固脱贫攻坚成果衔接资金1.5亿元,比上年增长7%。"
        "全县一般公共预算收入预计完成9.2亿元。"
    )
    assert _found(text) == ["1.5亿元"]
    assert _decision(text, "28.6亿元")[0] == "whole_budget"


def test_the_own_units_share_of_a_total_for_several_units_in_the_statement_before_is_an_item() -> None:
    # Written for the test: a company's aid to two counties over ;-separated statements, then 本县's share.
    text = (
        "2020年,集团向定点帮扶的两个县投入帮扶资金3200万元;培训干部1850人次;购买农产品2860万元。"
        "其中在本县,集团投入帮扶资金1650万元,支持茶叶加工厂建设。"
    )
    # The share is an item (a part it would be otherwise); the total before it, a sentence back, stays.
    assert _found(text) == ["3200万元", "1650万元"]


def test_a_statement_after_parts_that_add_up_to_their_total_is_an_item() -> None:
    # Written for the test: the parts sum to the total, so the next ;-statement is new money.
    text = (
        "全县累计投入搬迁资金5.36亿元,其中住房资金1.86亿元、配套资金2.1亿元、产业资金1.4亿元;"
        "累计兑付奖补资金1380万元。"
    )
    assert _found(text) == ["5.36亿元", "1380万元"]
    # ...while parts that do not yet add up go on over the ;.
    text = "全县累计投入搬迁资金5.36亿元,其中住房资金1.86亿元、配套资金2.1亿元;产业资金1.4亿元。"
    assert _found(text) == ["5.36亿元"]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: the parts complete their total over a ; and the statement goes on to
        # another sum, in the sentence of the last part or the one after it.
        "甲县累计投入资金9亿元,其中:中央资金5亿元;省级资金4亿元,发放扶贫小额信贷2亿元。",
        "甲县累计投入资金9亿元,其中:中央资金5亿元;省级资金4亿元;发放扶贫小额信贷2亿元。",
        # The parts open the sentence after their total's.
        "甲县完成投资9亿元。其中,中央资金5亿元,省级资金4亿元;发放扶贫小额信贷2亿元。",
        "甲县完成投资9亿元。其中,中央资金5亿元;省级资金4亿元;发放扶贫小额信贷2亿元。",
    ],
)
def test_parts_that_add_up_to_their_total_over_a_semicolon_end_the_breakdown(text: str) -> None:
    assert _found(text) == ["9亿元", "2亿元"]


def test_a_tables_grand_total_is_its_total_rows_last_cell_under_a_total_column() -> None:
    # Written for the test: a money table by source and year with a total column and a total row.
    text = (
        "表:全县财政专项扶贫资金投入情况(单位:万元)\n资金来源|2019年|2020年|合计\n"
        "中央财政|8,650|10,320|18,970\n省级财政|3,120|3,860|6,980\n合计|11,770|14,180|25,950\n"
        "从表中可以看出,投入逐年增加。"
    )
    assert _values(text) == [259500000]


def test_a_lone_total_after_empty_cells_is_read() -> None:
    # Written for the test: the total row leaves its other columns empty.
    text = (
        "省级财政专项扶贫资金分配表(单位:万元)\n项目|地点|补助资金\n"
        "蔬菜基地|龙潭镇|320\n道路硬化|白岩镇|485\n合计||805|\n"
    )
    assert _values(text) == [8050000]


def _full(text: str) -> list[float]:
    """The yuan of the funding items the whole extractor keeps (the region found first)."""
    document = Document.from_text(text)
    return [item.amount.value for item in RulesExtractor().extract(document).funding]


def test_the_region_found_is_the_home_of_a_text_calling_no_unit_its_own() -> None:
    # Written for the test: a county's report naming no unit of its own nor totalling one, then the
    # province's money in a sentence of its own; and a county-level city calling itself 全市.
    county = "会宁县脱贫攻坚综述\n会宁县投入扶贫资金3.2亿元。\n全省今年共安排财政专项扶贫资金120亿元。"
    assert _full(county) == [320000000]
    city = "靖西市扶贫工作综述\n2019年全市投入各类扶贫资金8.47亿元。\n全省共安排资金120亿元。"
    assert _full(city) == [847000000]
    # ...and a province's writer on its county (我省…县): the county is the home.
    ours = "我省拜泉县脱贫纪实\n我省拜泉县投入扶贫资金2.1亿元。\n全省今年共安排财政专项扶贫资金120亿元。"
    assert _full(ours) == [210000000]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: a label and its value after a colon, as fact sheets and lists write them.
        ("甲县资金投入情况。全年投入扶贫资金:3200万元;整合涉农资金:1.2亿元。", ["3200万元", "1.2亿元"]),
        ("乙村道路硬化项目。项目总投资： 860万元。", ["860万元"]),
        ("甲县2019年基本情况。农村居民人均可支配收入:9860元;帮扶单位捐款:35万元。", ["35万元"]),
    ],
)
def test_a_label_before_a_colon_is_its_values_phrase(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: an amount converted or rounded in brackets after it is the same amount.
        ("甲县累计投入扶贫资金26428万元(约2.64亿元),用于产业发展。", ["26428万元"]),
        ("甲县安排专项资金15000万元(1.5亿元)。", ["15000万元"]),
        ("乙市援助甲县港币380万元(约合人民币340万元)。", ["340万元"]),
        # Not a conversion: another amount in brackets, or the same figure in a list.
        ("甲县投入资金3200万元(带动社会资本1.2亿元)。", ["3200万元", "1.2亿元"]),
        ("援助甲村100万元,援助乙村100万元。", ["100万元", "100万元"]),
    ],
)
def test_an_amount_in_brackets_after_it_converting_it_is_one_item(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: 上述 or 这 before a rounded amount points back at the one stated.
        ("甲县为632户贫困户发放贷款3317.4万元。上述3000多万元资金全部用于发展产业。", ["3317.4万元"]),
        ("甲县完成投资4.71亿元。这4亿多元资金带动了全县产业发展。", ["4.71亿元"]),
        # 多 after a round number is rounded to its last nonzero digit: 3000多万元 is 3000万 to 4000万.
        ("甲县累计投入扶贫资金3317.4万元。全县投入资金3000多万元。", ["3317.4万元"]),
        # Neither pointing back nor sharing a word, nor rounding it: another item.
        ("甲县发放贷款3317.4万元。乙镇投入3000多万元修建道路。", ["3317.4万元", "3000多万元"]),
        ("甲县发放贷款3317.4万元。上述2000多万元资金用于产业。", ["3317.4万元", "2000多万元"]),
    ],
)
def test_an_amount_pointing_back_or_rounding_one_stated_restates_it(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: a stock of assets after an amount kept is no item of its list.
        ("甲县投入扶贫资金3.2亿元,村集体经济资产总额达1.5亿元。", ["3.2亿元"]),
        ("甲县累计形成扶贫资产5.6亿元。", []),
    ],
)
def test_a_stock_of_assets_is_not_funding(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: a clause naming only the sum of what its statement said.
        ("甲县累计投入各类扶贫资金,总额达28亿元。", ["28亿元"]),
        ("甲县为贫困户发放扶贫小额贷款,总规模达1.6亿元。", ["1.6亿元"]),
        ("甲县整合涉农资金,总规模为3.5亿元,用于基础设施。", ["3.5亿元"]),
        # The sum of what is no funding is none.
        ("甲县乡村旅游实现综合收入,总额达2.6亿元。", []),
        # A sector's size is no sum of the statement.
        ("通过加大投入,甲县特色产业规模达50亿元。", []),
    ],
)
def test_a_clause_naming_only_the_sum_takes_its_statements_cue(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


def test_a_credit_line_is_not_money_lent() -> None:
    # Written for the test: a credit line after money kept in its sentence continues no series.
    assert _found("甲县累计投入扶贫资金3.2亿元,农业银行为全县授信20亿元。") == ["3.2亿元"]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: 这 points back at the amount before it in its sentence.
        ("甲县投入扶贫资金4.25亿元,这4.25亿元资金主要用于产业发展。", ["4.25亿元"]),
        ("甲县发放扶贫小额贷款3317.4万元,这3000多万元主要用于种养业。", ["3317.4万元"]),
        # Equal amounts in a list stay two items.
        ("甲县援助甲村100万元,援助乙村100万元。", ["100万元", "100万元"]),
    ],
)
def test_an_amount_pointing_back_in_its_sentence_restates_it(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


def test_a_sum_ending_a_list_shares_its_statements_words_with_a_headline() -> None:
    # Written for the test: the headline rounds the sum, whose own phrase (合计) names no fund.
    text = "甲县投资5亿元助力脱贫\n甲县累计投资中央资金3.37亿元、省级资金2.2476亿元,合计5.6176亿元。"
    assert _found(text) == ["5.6176亿元"]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: an amount named by its use after one kept is a share of it.
        ("甲县投入扶贫资金3亿元,主要用于产业发展1.8亿元。", ["3亿元"]),
        ("甲县争取上级资金5000万元,用于道路建设3000万元、安全饮水1200万元。", ["5000万元"]),
        ("甲县投入资金3亿元,用于产业发展1.8亿元,用于基础设施1.1亿元。", ["3亿元"]),
        # With a verb of its own, or after no amount kept, it is an item.
        ("甲县投入资金3亿元用于产业发展,投入2亿元用于道路。", ["3亿元", "2亿元"]),
        ("甲县投入资金3亿元,用于产业发展1.8亿元,另安排资金5000万元。", ["3亿元", "5000万元"]),
        ("乙县用于产业发展的资金达1.8亿元。", ["1.8亿元"]),
    ],
)
def test_an_amount_named_by_its_use_after_one_kept_is_its_share(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


def test_the_money_a_case_involved_is_no_sum_of_its_statement() -> None:
    # Written for the test: a case's money after a statement of loans (its 金额 sums nothing up).
    text = "甲县为贫困户发放扶贫小额贷款,警方破获电信诈骗案件,涉案金额320万元。"
    assert _decision(text, "320万元") == ("misuse", "skipped: 涉案")


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: expenditure is money spent; a cut in it is money saved.
        ("甲县全年财政扶贫支出3.2亿元。", ["3.2亿元"]),
        ("甲县一般公共预算支出28亿元,其中扶贫支出3亿元。", ["3亿元"]),
        ("甲县通过集中采购为群众减少支出200万元。", []),
        ("甲县农村居民人均消费支出8000元。", []),
    ],
)
def test_expenditure_is_spent_and_a_cut_in_it_is_saved(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts


def test_the_fund_pointed_back_at_with_zhong_opens_its_parts() -> None:
    # Written for the test: 这笔资金中 opens the parts of the amount just stated.
    assert _found("甲县投入资金1.2亿元。这笔资金中,产业资金8000万元,基础设施资金2000万元。") == ["1.2亿元"]


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: an output after an amount kept is no item of its list.
        "甲县投入资金1.2亿元建设产业园,项目建成后年产出8000万元。",
        "甲县发放贷款3200万元,产生经济价值1900万元。",
    ],
)
def test_an_output_after_an_amount_kept_continues_no_series(text: str) -> None:
    assert len(_found(text)) == 1


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Written for the test: a partner's money for all the regions it aids is not the report's.
        ("甲县投入资金3000万元。乙省累计向受援地区投入财政帮扶资金120亿元。", ["3000万元"]),
        ("全县投入资金3000万元。乙市累计向甲县等5个县投入帮扶资金12亿元。", ["3000万元"]),
        ("甲县投入资金3000万元。乙市向四川、贵州等地捐赠资金2亿元。", ["3000万元"]),
        # Several townships of a county's report are its own; so are the two counties a payer names.
        ("甲县向全县等9个乡镇发放小额信贷1.6亿元。", ["1.6亿元"]),
    ],
)
def test_money_given_to_several_regions_is_not_the_reports(text: str, amounts: list[str]) -> None:
    assert _found(text) == amounts
