"""The funding rules of the offline extractor, on short passages written for these tests.

Every passage below was written for the test (not real text): it imitates how the reports phrase
money, with invented places and figures.
"""

from __future__ import annotations

import pytest

from povsum.document import Document
from povsum.extractors.rules.funding import find_funding
from povsum.extractors.rules.trace import Step, Trace
from povsum.sentences import split_sentences


def _run(text: str) -> tuple[list[str], list[Step]]:
    """Texts of the funding items found in ``text``, and the trace of how."""
    document = Document.from_text(text)
    trace = Trace(enabled=True)
    items = find_funding(document, split_sentences(document.text), trace)
    return [item.amount.text for item in items], trace.steps


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
        ("甲县并设1417万元“扶贫小额信贷风险资金池”。", "1417万元"),
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
        "甲县对贫困村平均每村投入资金500万元。",
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
        "甲县地区生产总值(GDP)82.7亿元。",
        "按照国家扶贫标准2300元测算。",
        "甲县全年固定资产投资完成52亿元。",
        "甲县扶贫项目资金缺口3亿元。",
        "甲县农村低保标准提高到4800元。",
        # Loan ceilings and thresholds.
        "为贫困户提供5万元以下的扶贫小额信贷。",
        "甲县对5万元以内的小额贷款予以贴息。",
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
        "甲县规划总投资3058万元,其中,中央专项资金2000万元,整合县级资金100万元,部门资金958万元。",
        "甲县发放扶贫贷款3200万元。其中,对700户发放贷款2600万元,对113户发放贷款600万元。",
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
    text = "乙区对甲县的帮扶资金从2017年的2000万元,到2018年的9152万元,再扩大到2019年的超过1亿元。"
    assert _found(text) == ["2000万元", "9152万元", "超过1亿元"]
    assert _decision(text, "9152万元") == ("series", "kept: continues a list kept by 资金")


def test_a_series_continues_only_after_a_kept_amount() -> None:
    # Written for the test: the second amount follows an income, so it is not funding.
    assert _found("村集体收入达到5万元以上,5个村达到50万元以上。") == []
    # Written for the test: a rent after money spent has its own cue.
    assert _found("乙单位投入30万元建起养鸡场,每年带来租金3万元,村集体获租金2万元。") == ["30万元"]


def test_the_same_amount_restated_is_one_item() -> None:
    # Written for the test: a headline and the body state the same amount.
    text = "甲县今年扶贫资金达5亿元\n\n今年甲县扶贫资金达5亿元,主要用于重点村。"
    assert _found(text) == ["5亿元"]


def test_equal_amounts_in_one_sentence_are_a_list() -> None:
    # Written for the test: two villages, one amount each.
    assert _found("乙省援助甲村100万元建设车间,援助丙村100万元修建道路。") == ["100万元", "100万元"]


def test_a_rounded_headline_restates_the_body_figure() -> None:
    # Written for the test: the headline rounds the body's 5.6176亿元 down to 超5亿元.
    text = "乙区企业在甲县投资超5亿元\n\n目前,乙区8家企业在甲县累计投资5.6176亿元,吸纳贫困人口就业。"
    assert _found(text) == ["5.6176亿元"]
    assert _decision(text, "5亿元") == ("restatement", "dropped: restates 5.6176亿元")


def test_an_allocation_for_each_listed_village_is_spent_but_its_average_is_a_rate() -> None:
    # Written for the test.
    assert _found("启动10个贫困村整村推进,每个村投入300万元以上。") == ["300万元以上"]
    assert _found("对贫困村平均每村投入资金500万元。") == []


def test_a_yearly_budget_is_spent_but_a_monthly_allowance_is_a_rate() -> None:
    # Written for the test.
    assert _found("县财政每年安排1000万元设立产业发展基金。") == ["1000万元"]
    assert _found("为公益岗位人员每月发放补贴500元。") == []
    assert _found("光伏电站可带动贫困户每年每户增收3000元。") == []


def test_the_trace_names_the_rule_and_the_cue() -> None:
    # Written for the test.
    text = "甲县累计投入2.8亿元,农民人均可支配收入9000元。"
    assert _decision(text, "2.8亿元") == ("spending", "kept: 投入")
    assert _decision(text, "9000元") == ("per_unit", "skipped: 人均")
    assert _decision("甲县GDP为80亿元。", "80亿元") == ("economy", "skipped: GDP")
    assert _decision("甲县全年接待游客80万人次,实现综合收入2亿元。", "2亿元") == ("income", "skipped: 收入")
    assert _decision("甲县有贫困村30个,贷款5万元。", "5万元")[0] == "household_loan"
