"""The measure rules of the offline extractor, on short passages written for these tests.

Every passage below was written for the test (not real text): it imitates how the reports phrase
work done, plans, slogans and descriptions, with invented places and figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from povsum.contract import MEASURES
from povsum.document import Document
from povsum.extractors.rules import RulesExtractor
from povsum.extractors.rules.measures import (
    _BROAD,
    _MANNER,
    _NOT_A_ROAD,
    _OFFICES,
    _RECLASSIFIED,
    _SECTOR_NAMES,
    _STATUSES,
    _WORKERS,
    find_measures,
)
from povsum.extractors.rules.trace import Step, Trace
from povsum.models import Measure, Region
from povsum.sentences import split_sentences


def _run(text: str) -> tuple[list[Measure], list[Step]]:
    document = Document.from_text(text)
    trace = Trace(enabled=True)
    return find_measures(document, split_sentences(document.text), trace), trace.steps


def _categories(text: str) -> set[str]:
    return {m.category for m in _run(text)[0]}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Written for the test: work done, in the words the reports use for each category.
        ("甲县累计发放扶贫小额信贷2.1亿元,惠及贫困户3000户。", "finance"),
        ("全县实施易地扶贫搬迁1.2万人,建成集中安置点20个。", "relocation"),
        ("乙镇选派15名干部驻村帮扶。", "party_building"),
        ("全县建成村级光伏扶贫电站30个。", "industry"),
        ("丙村组建茶叶合作社,发展茶园800亩。", "industry"),
        ("今年开发公益岗位500个,安置贫困劳动力就业。", "employment"),
        ("全市完成危房改造2100户。", "housing"),
        ("全县修建通村公路120公里,解决了3万人饮水安全问题。", "infrastructure"),
        ("全县将符合条件的贫困人口全部纳入低保,实现应保尽保。", "social_security"),
        ("丁县聘用生态护林员1200名。", "ecology"),
        ("村里办起脱贫夜校,每月开课两次。", "culture_mindset"),
        ("去年组织特色农产品赴沪展销,实现销售300万元。", "consumption"),
        ("全村大力发展乡村旅游,开办农家乐12家。", "tourism"),
        ("村里的猕猴桃上了电商平台。", "ecommerce"),
    ],
)
def test_work_done_reports_its_category(text: str, category: str) -> None:
    found = _run(text)[0]
    assert category in {m.category for m in found}
    measure = next(m for m in found if m.category == category)
    assert measure.evidence.quote == split_sentences(text)[0].text and measure.summary


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: plans and targets, before the work they govern.
        "明年计划改造危房500户,新建村道10公里。",
        "下一阶段,全县将继续推进产业扶贫,进一步做好易地扶贫搬迁后续工作。",
        "今年全省要确保完成2万人易地扶贫搬迁任务。",
        "力争年底前完成危房改造任务。",
        "会议强调,各地要坚决推进产业扶贫和易地扶贫搬迁。",
        # Slogans, standards and policy names.
        "稳定实现“两不愁三保障”,住房安全、基本医疗和义务教育都有保障。",
        "基础设施建设水平达到贫困县退出标准。",
        "坚持精准扶贫精准脱贫基本方略,坚持扶贫同扶志扶智相结合,坚持开发式扶贫和保障性扶贫相统筹。",
        "文件明确,对符合条件的贫困户给予危房改造补助。",
        "国家陆续制定了多项扶贫政策措施,涵盖健康扶贫、就业扶贫、生态扶贫等。",
        "扶贫领导小组下设产业扶贫、易地扶贫搬迁、金融扶贫等9个工作组。",
        "《关于做好扶贫小额信贷工作的指导意见》印发。",
        # Needs, lacks, potential and descriptions of the economy.
        "全县基础设施落后,产业发展受限。",
        "该乡具备发展乡村旅游和特色养殖的优势。",
        "这里气候冷凉,是发展反季节蔬菜的理想之地。",
        "当地森林覆盖率高,发展康养产业前景广阔。",
        "全镇主导产业为玉米种植和肉羊养殖。",
        "国道沿公路穿过全镇。",
        "全县公路通车里程2800公里。",
        "游客晚上入住特色民宿。",
        # Funds pooled by name.
        "整合扶贫专项资金、小额信贷资金、涉农资金共3亿元。",
        # Counts of groups of people, honours, captions and headings.
        "全乡现有低保户415户,五保户76户。",
        "该村先后获得“全国乡村旅游重点村”称号。",
        "图① 村民在扶贫车间里劳动。",
        "3.1 产业扶贫\n",
    ],
)
def test_no_report_of_work_done_gives_no_category(text: str) -> None:
    assert _categories(text) == set()


def test_a_count_of_kinds_after_names_lists_them_with_a_space_before_its_measure_word() -> None:
    # Written for the test: PDF copies write a space between a number and its measure word.
    _, steps = _run("群众返乡投身电商、农家乐、旅游住宿等23 个行业,开办经济实体523家。")
    cues = [step for step in steps if step.rule.startswith("cue:")]
    assert cues and all(step.decision == "skipped: name_list 等23 个行业" for step in cues)


def test_a_plan_whose_work_has_started_is_work_under_way() -> None:
    # Written for the test.
    assert _categories("计划改造贫困户危房800户,目前项目正在组织实施。") == {"housing"}


def test_a_target_after_the_work_is_its_purpose() -> None:
    # Written for the test: the target clause follows the relocation it is about.
    assert _categories("组织贫困群众向安置点搬迁,确保搬迁户搬得出、稳得住。") == {"relocation"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a target opening the sentence governs all its clauses.
        ("力争到明年底,全面完成剩余危房改造任务,实现行政村卫生室全覆盖。", set()),
        ("2021年确保适龄儿童无一辍学,为贫困人口代缴医疗保险。", set()),
        # ...and so does one opening a line, in a sentence run on from the line before.
        ("乙县位于省境西部,\n力争年底前完成危房改造任务,实现行政村卫生室全覆盖。", set()),
        # ...unless the sentence says the work has started.
        ("力争年内完成危房改造任务,目前已改造危房800户。", {"housing"}),
    ],
)
def test_a_target_opening_the_sentence_governs_it(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a project planned, a goal, striving by a date.
        ("乡里正在谋划建设一批光伏电站。", set()),
        ("目标是到2025年,培育龙头企业10家,建成特色产业基地20个。", set()),
        ("我们争取明年把自来水接到每家每户。", set()),
        ("争取将更多贫困户纳入产业发展项目。", set()),
        # An idea, a year's tasks, a condition whatever it says is done then.
        ("设想中的乡村旅游环线建成后,将串联起沿线的农家乐和民宿。", set()),
        ("今年的重点任务是:全面完成易地扶贫搬迁安置房建设。", set()),
        ("如果能在村里办个扶贫车间,留守妇女就能在家门口挣钱了。", set()),
        ("实践证明,只有发展产业,才能从根本上解决贫困问题。", set()),
        ("全村只有3户没有发展产业,其余农户都建起了大棚。", {"industry"}),
        # A condition contrary to fact says the work was done.
        ("如果不是驻村工作队帮我们引进了龙头企业,村里的茶叶根本卖不出去。", {"party_building", "industry"}),
        # Planning that goes on to the work, and funds striven for and got.
        ("该镇积极谋划,强力落实,实施易地扶贫搬迁1349户。", {"relocation"}),
        ("村里争取到资金,修通了产业路。", {"infrastructure"}),
    ],
)
def test_a_project_planned_a_goal_and_striving_are_plans(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 将 before 把, 要 or 会 is the future.
        ("明年,我们将把发展乡村旅游作为主攻方向,打造一批精品民宿。", set()),
        ("年底前将会新建一批村卫生室。", set()),
        # 将 before 会议 is the object marker of work done.
        ("全县将会议精神落实到户,完成危房改造300户。", {"housing"}),
    ],
)
def test_will_before_a_verb_or_its_object_is_a_plan(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: what whoever qualifies may get, its amounts ceilings.
        ("凡是符合条件的贫困家庭学生,均可申请生源地信用助学贷款。", set()),
        ("贫困户可申请5万元以下、3年以内的扶贫小额信贷。", set()),
        ("凡家庭人均收入低于当地低保标准的,均可申请。", set()),
        # A rate set.
        ("根据政策,易地扶贫搬迁建档立卡户人均补助标准为2万元。", set()),
        # How to apply.
        ("办事指南:申请危房改造补助需提交身份证和房屋鉴定报告。", set()),
        # What was got is work done.
        ("全县已有1200户贫困户申请到扶贫小额信贷。", {"finance"}),
        # An amount per unit or a ceiling counts nothing done; a rate raised is work on its policy.
        ("公益性岗位人员每月补贴800元。", set()),
        ("扶贫小额信贷额度最高不超过5万元,期限不超过3年。", set()),
        ("安置房每平方米价格2000元,每套房子自筹不超过1万元。", set()),
        ("乙县将农村低保标准提高到每人每年5000元。", {"social_security"}),
        # A payment at a rate states the rate; a ceiling may name what is got before its amount.
        ("易地扶贫搬迁户每人补助2万元,同步搬迁户每人补助1万元。", set()),
        ("小额信贷最高可贷5万元。", set()),
        ("甲县为搬迁户发放补助资金2000万元。", {"relocation"}),
        ("丙县发放扶贫小额信贷1.2亿元。", {"finance"}),
        # One worker's pay is a rate too; the jobs counted are work.
        ("护林员年工资1万元。", set()),
        ("公益岗位保洁员月工资1500元。", set()),
        ("全县聘用生态护林员3200名,护林员年工资1万元。", {"ecology"}),
    ],
)
def test_an_entitlement_is_no_work_done(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a meeting's and a course's agenda name topics.
        ("常委会听取了各乡镇关于危房改造和饮水安全工作的汇报。", set()),
        ("会议审议了易地扶贫搬迁后续扶持实施方案。", set()),
        ("座谈会上,大家围绕推进消费扶贫等议题进行了交流。", set()),
        ("培训内容包括小额信贷政策解读和电商运营实务。", set()),
        ("会议研究部署下一阶段易地搬迁后续扶持工作,推进产业发展。", set()),
        ("与会人员观看了产业扶贫专题片。", set()),
        # The course held is work done.
        ("乙县举办电商培训班12期,培训内容包括网店运营。", {"ecommerce"}),
    ],
)
def test_an_agenda_names_topics_not_work_done(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


def test_an_honour_spoils_only_its_own_clause() -> None:
    # Written for the test.
    text = "该县荣获全国乡村旅游示范县称号,全县累计实施易地扶贫搬迁2万人。"
    assert _categories(text) == {"relocation"}


def test_a_broad_cue_that_is_the_means_of_other_work_is_not_that_work() -> None:
    # Written for the test: the cooperative is how the village runs its tourism.
    assert _categories("村里依托合作社发展乡村旅游。") == {"tourism"}


def test_sector_names_count_only_in_a_list_of_the_guarantees() -> None:
    # Written for the test: a list of the guarantees put into practice, then a sector name alone.
    assert _categories("扎实落实住房、教育、卫生等各项保障政策。") == {"education", "health", "housing"}
    assert _categories("村里大力发展红色教育基地。") == set()


def test_a_road_that_is_a_path_or_a_place_is_no_infrastructure() -> None:
    # Written for the test.
    assert _categories("镇里沿公路一侧建起一排商铺。") == set()
    assert _categories("全村走上了特色道路。") == set()


def test_a_named_programme_is_no_plan() -> None:
    # Written for the test: 计划 is part of the programme's name.
    assert _categories("扎实推进“雨露计划”教育扶贫,资助学生1200人。") == {"education"}


def test_a_plan_section_lasts_to_the_end_of_its_paragraph() -> None:
    # Written for the test: the second paragraph reports work done again.
    text = "下一步,全县将统筹推进各项工作。同时建设扶贫车间20个。\n全县发放小额信贷1亿元。"
    assert _categories(text) == {"finance"}


def test_a_next_steps_heading_ends_the_report() -> None:
    # Written for the test.
    text = "全县发放小额信贷1亿元。\n三、下一步工作\n完成危房改造1000户。"
    assert _categories(text) == {"finance"}


def test_broad_words_count_only_beside_a_verb_of_work() -> None:
    # Written for the test: the same word as a description, then as work done.
    assert _categories("全镇农业种植的收益很低。") == set()
    assert _categories("全镇引导群众种植中药材2000亩。") == {"industry"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a quantity of what was planted or built reports the work.
        ("截至去年底,全镇种植茶叶6500亩。", {"industry"}),
        ("全村养殖合作社12家。", {"industry"}),
        # An area statistic describes the land, a count of people is no output.
        ("全乡马铃薯种植面积达3万亩。", set()),
        ("对29个专业合作社门下的农户进行走访。", set()),
        # The verb must stand beside the cue: 产业发展 holds 发展 itself.
        ("推动新产业发展方面迈出坚实步伐。", set()),
        ("村里走上了乡村旅游和产业发展的道路。", {"industry", "tourism"}),
    ],
)
def test_broad_words_count_beside_an_output_or_a_done_verb(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


def test_a_cue_inside_a_title_names_a_book_or_column() -> None:
    # Written for the test.
    assert _categories("据《农村电商发展报告》介绍,该书去年出版。") == set()
    assert _categories("据《甲县日报》报道,甲县发放扶贫小额信贷3000万元。") == {"finance"}


def test_people_placed_in_jobs_are_employment_not_relocation() -> None:
    # Written for the test.
    assert _categories("开发公益岗位300个,安置贫困劳动力就业。") == {"employment"}
    assert _categories("全县建成安置点12个,安置搬迁群众5000人。") == {"relocation"}


def test_a_cue_inside_a_longer_cue_belongs_to_the_longer_one() -> None:
    # Written for the test: 生态扶贫 stands inside 生态扶贫搬迁, a relocation programme.
    assert _categories("全县完成生态扶贫搬迁3000人。") == {"relocation"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Written for the test: a workshop about production, then about jobs.
        ("全县建成扶贫车间36个。", "industry"),
        ("全县建成扶贫车间36个,每名工人月收入2000元。", "employment"),
        # Houses, then houses on a relocation site.
        ("为困难户争取到了住房改造项目。", "housing"),
        ("集中安置区住房建设全部完工。", "relocation"),
    ],
)
def test_some_cues_belong_to_the_category_their_sentence_is_about(text: str, category: str) -> None:
    assert _categories(text) == {category}


def test_a_group_counted_is_no_measure_but_people_brought_into_it_are() -> None:
    # Written for the test.
    assert _categories("全乡有低保户120户。") == set()
    assert _categories("全乡新纳入低保120人。") == {"social_security"}
    # Households counted after a measure's name are its outcome.
    assert _categories("全县易地扶贫搬迁户3000户全部搬入新居。") == {"relocation"}


def test_a_page_without_poverty_work_gets_no_category() -> None:
    # Written for the test: a travel page that names roads and farming only as scenery.
    text = "这座小城依山傍水,公路沿河蜿蜒。\n当地以种植水稻为主,秋天稻田金黄,游客不少。"
    assert _categories(text) == set()


def test_one_measure_per_category_from_its_strongest_cue() -> None:
    # Written for the test: 产业 comes first in the text, 产业扶贫 is the stronger cue.
    text = "全镇发展产业带动增收。全镇推进产业扶贫项目30个。"
    [measure] = _run(text)[0]
    assert measure.category == "industry" and measure.evidence.quote == "全镇推进产业扶贫项目30个。"


def test_the_trace_names_the_cue_and_why_it_was_kept_or_skipped() -> None:
    # Written for the test.
    _, steps = _run("明年计划新建村道10公里。全县完成危房改造2100户。")
    decisions = {(s.field, s.rule, s.decision) for s in steps}
    assert ("measures.infrastructure", "cue:村道", "skipped: plan 计划") in decisions
    assert ("measures.housing", "cue:危房", "kept") in decisions


def test_rule_tables_name_cues_of_the_catalogue() -> None:
    cues = {cue for kind in MEASURES.values() for cue in kind.cues}
    assert cues >= _BROAD | _STATUSES | _OFFICES | _SECTOR_NAMES | set(_NOT_A_ROAD) | set(_MANNER)
    assert _SECTOR_NAMES | set(_NOT_A_ROAD) | _WORKERS <= _BROAD
    assert all(cue in cues and other in MEASURES for cue, (_, other) in _RECLASSIFIED.items())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: programme names listed with nothing done to them, in a slogan-like
        # line, in Traditional script and with junk around it.
        ("产业扶贫、易地搬迁、健康扶贫……脱贫攻坚战正在这里打响。", set()),
        ("<p>產業扶貧、健康扶貧、生態扶貧……</p>", set()),
        ("產業扶貧,、易地搬遷,、轉移就業……決戰正在這里鋪展。", set()),
        # Short acts listed are acts: building roads, bringing water.
        ("修路、引水、改电,这些事他都抓在手上。", {"infrastructure"}),
        # The same names under a verb of work, or with a count, are reports.
        ("全县落实产业扶贫、易地搬迁等措施,群众收入明显提高。", {"industry", "relocation"}),
        ("未脱贫3户7人、兜底保障41户60人。", {"social_security"}),
    ],
)
def test_a_listed_name_needs_its_own_verb_or_count(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: drawing up policies is not carrying them out...
        ("县里制定了若干帮扶政策,涉及教育扶贫、生态扶贫、产业扶贫等。", set()),
        ("2019年乙市发布乡村振兴规划,先后推出3个农家乐提升计划。", set()),
        ("該村制定了幫扶方案:為因病戶提供醫療救助和公益崗位。", set()),
        # What the policy states is done in its text only.
        ("制定了健康扶贫实施方案,明确了大病集中救治、慢病签约服务的要求。", set()),
        # ...unless the sentence says the work was done.
        ("全县出台扶贫小额信贷实施方案,已累计发放贷款5000万元。", {"finance"}),
    ],
)
def test_a_formulated_policy_is_no_work_until_it_is_carried_out(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: what a measure can do or is good for...
        ("光伏扶贫能够带来长期稳定的收益。", set()),
        ("项目建成后,可带动200名贫困群众就近务工。", set()),
        ("小额信贷可以帮助贫困户解决资金难题。", set()),
        ("易地扶贫搬迁是打赢脱贫攻坚战的头号工程。", set()),
        ("产业兴旺是解决农村一切问题的前提,也是巩固脱贫成果的关键。", set()),
        # "的关键" ends a definition; "的关键之举" that the work then follows does not.
        ("乙县把易地扶贫搬迁作为破解深度贫困的关键之举,吸纳了周边145户贫困户。", {"relocation"}),
        # ...and the clause before it when that is its subject.
        ("国家实施的易地扶贫搬迁、生态护林员等政策,是打赢脱贫攻坚战的重要举措。", set()),
        # ...spoils its own clause only.
        ("易地扶贫搬迁是脱贫攻坚的头号工程,丙县累计搬迁1.2万人。", {"relocation"}),
        ("丙县累计实施易地扶贫搬迁1.2万人,是全省搬迁任务最重的县之一。", {"relocation"}),
        # A judgement of its worth, in its clause or the next one, unless that one counts work done.
        ("发展乡村旅游,对于带动贫困群众增收具有重要意义。", set()),
        ("推广电商扶贫意义重大。", set()),
        ("丁县建成扶贫车间56个,对稳定脱贫具有重要意义。", {"industry"}),
    ],
)
def test_what_a_measure_can_do_is_no_report_of_it(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a need or lack of the measure itself, beside the cue.
        ("當地基礎設施薄弱,群眾出行不便。", set()),
        ("村里缺乏技能培训,年轻人只能外出。", set()),
        ("过去全村住房难、看病难。", set()),
        # A hardship of the people helped is what the work then meets.
        ("得知老人生活困难,驻村工作队为她申请了危房改造。", {"party_building", "housing"}),
    ],
)
def test_a_need_beside_the_cue_is_no_work_but_a_hardship_met_is(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a sector's staff or departments, and a person's office.
        ("县里组织教育、卫生系统干部200人下乡走访。", set()),
        ("民政、教育、医疗等部门联合开展核查。", set()),
        ("“今年收成不错。”丁村党支部书记王某说。", set()),
        # The same words naming work.
        ("丁村党支部牵头成立合作社,带动50户增收。", {"party_building", "industry"}),
        ("张某是县交通局干部,兼任戊村第一书记。", {"party_building"}),
        # Bodies listed up to 等单位 before who they send or their heads.
        ("县旅游发展集团、县健康扶贫医疗集团等单位派员参加。", set()),
        ("县电商产业园管委会、县光伏扶贫运维公司等单位的负责人作了发言。", set()),
        ("县里新组建了县旅游发展集团,开发景区3个。", {"tourism"}),
    ],
)
def test_people_and_offices_are_no_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: questions, slogans of ideas, descriptions, ratings and duties.
        "驻村工作队如何帮助群众增收?",
        # A question word in the first clause asks the whole sentence, with all its clauses.
        "如何建成扶贫车间32个,让留守妇女在家门口就业?",
        "怎样把易地扶贫搬迁安置点建好,让搬迁群众稳得住?",
        "能否建成扶贫车间20个,让贫困户在家门口就业?",
        "靠什么发展乡村旅游,带动群众致富?",
        # A saying the sentence calls one.
        "“修通公路,发展产业”,这是当地群众常挂在嘴边的一句口号。",
        # A requirement by an office or a body, whoever it is addressed to.
        "市委书记要求,加快推进易地扶贫搬迁,建成安置点12个。",
        "县委要求驻村工作队帮助群众发展产业。",
        "县里要求驻村干部组织开展技能培训。",
        # An appeal urges work, it reports none.
        "县妇联倡议,广大妇女参与电商创业,开设网店200家。",
        "县委呼吁,社会各界积极采购贫困地区农产品,开展消费扶贫。",
        "全镇坚持抓党建促脱贫的工作理念。",
        "全乡以种植玉米、养殖肉牛为主。",
        "丙村2017年顺利通过AAAA级旅游景区验收。",
        "各乡镇必须加快推进危房改造。",
        "说起扶贫车间,大家都很熟悉。",
    ],
)
def test_sentences_that_do_not_report_work_give_no_category(text: str) -> None:
    assert _categories(text) == set()


def test_a_title_names_a_topic_and_the_body_reports_the_work() -> None:
    # Written for the test: the title line says more than twelve characters, with a colon.
    assert _categories("己县:产业扶贫让群众鼓起钱袋子\n记者走进己县。") == set()
    text = "己县:产业扶贫让群众鼓起钱袋子\n全县建成产业扶贫基地12个。"
    [measure] = _run(text)[0]
    assert measure.category == "industry" and measure.evidence.quote == "全县建成产业扶贫基地12个。"


def test_a_statement_chained_with_a_semicolon_keeps_its_frame() -> None:
    # Written for the test: a column introduction continued after ";".
    assert _categories("本报今起开设专栏,报道脱贫故事;展示驻村工作队的风采。") == set()
    assert _categories("全县完成危房改造800户;选派驻村工作队120支。") == {"housing", "party_building"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Written for the test: common terms of the genre for each category.
        ("庚村建成村级扶贫电站2座,年收益20万元。", "industry"),
        ("全县在超市设立扶贫专柜36个。", "consumption"),
        ("今年聘用生态公益岗位人员300名。", "ecology"),
        ("全县新纳入最低生活保障对象2000人。", "social_security"),
        ("县工商联组织开展“万企帮万村”行动,签约项目40个。", "other"),
        ("辛村村民开起淘宝店,年销售额50万元。", "ecommerce"),
        ("全镇新建通村路35公里。", "infrastructure"),
        ("壬县为1.2万名学生发放学生资助资金。", "education"),
        ("癸县家庭医生签约服务覆盖全部贫困户。", "health"),
        ("全县累计发放“特惠贷”3.6亿元。", "finance"),
        ("全县建成万亩以上生产基地6个。", "industry"),
    ],
)
def test_genre_terms_name_their_category(text: str, category: str) -> None:
    assert _categories(text) == {category}


def test_the_evidence_is_the_sentence_that_says_what_was_done() -> None:
    # Written for the test: the first mention has no count, the second does.
    text = "全县高度重视小额信贷工作。全县发放扶贫小额信贷1.5亿元,惠及3000户。"
    [measure] = _run(text)[0]
    assert measure.category == "finance" and measure.evidence.quote.startswith("全县发放")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: everyone's bodies, then the region's own.
        ("各级党组织和广大党员干部冲锋在前,为脱贫攻坚提供了坚强保证。", set()),
        ("全县各级党组织选派驻村工作队230支。", {"party_building"}),
        # A plan document that "明确提出" sets a target.
        ("《甲县产业发展三年行动计划》明确提出,到2020年建成扶贫基地100个。", set()),
        # A policy drawn up far from its list of names.
        ("省里先后出台了一批关于健康扶贫、产业扶贫、生态扶贫的政策文件。", set()),
        # Water and power brought to the door report infrastructure.
        ("村里的自来水管道已经通到了每家每户。", {"infrastructure"}),
        # 北京东北 holds no e-commerce platform.
        ("该村位于北京东北方向,村民以种植板栗为主。", set()),
    ],
)
def test_generic_bodies_plan_documents_and_results(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: facilities that come with a relocation site are the relocation.
        ("这一易地扶贫搬迁项目的建设内容包括饮水工程、输电线路和住房。", {"relocation"}),
        ("安置区配套建成一所小学和一个卫生室。", {"relocation"}),
        # Work beside a relocation that is no part of the site keeps its category.
        ("全县完成易地扶贫搬迁3000人,新建通村路120公里。", {"relocation", "infrastructure"}),
    ],
)
def test_facilities_of_a_relocation_site_are_part_of_it(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a designation, a work not yet done, what a measure is good for.
        "该县获批国家电子商务进农村综合示范县。",
        "全村还有12户尚未通自来水。",
        "发展特色产业是群众稳定增收的根本之策。",
        # Praise of a kind of work, and a kind of industry valued.
        "乡村旅游被誉为“无烟工业”,是带动农民增收的朝阳产业。",
        # A county's title.
        "成功创建国家级电子商务进农村综合示范县。",
    ],
)
def test_designations_lacks_and_praise_are_no_work(text: str) -> None:
    assert _categories(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a dateline opens the news; it is no talk about the paper.
        ("本报讯 近日,甲县新建通村公路80公里。", {"infrastructure"}),
        ("本报兰州讯 乙县今年完成危房改造600户。", {"housing"}),
        ("本报今起开设专栏,讲述驻村工作队的故事。", set()),
    ],
)
def test_a_dateline_is_no_talk_about_the_report(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a requirement addressed to others, a notice issued, a plan followed.
        ("省扶贫办印发通知,要求各地加快推进消费扶贫。", set()),
        ("市里要求各乡镇抓紧完成危房改造。", set()),
        ("按照规划,全县需搬迁贫困群众5000人。", set()),
        # A must-word governs its subject too.
        ("各学校要切实落实控辍保学责任。", set()),
        ("合作社要带动贫困户增收。", set()),
        # A requirement met is work done.
        ("按照省里的要求,丙县为贫困人口代缴医保1200万元。", {"health"}),
        ("按照“五清零”要求,丙县为贫困人口代缴医保1200万元。", {"health"}),
        # Told by a speaker or urged on others, what follows is a requirement.
        ("市长在讲话中要求,扎实推进健康扶贫,落实家庭医生签约服务。", set()),
        ("他叮嘱驻村干部,帮助群众理清发展思路。", set()),
        ("会议强调,压实驻村工作队责任,持续推进消费扶贫。", set()),
        ("人大代表在议案中提出,应加大对农村饮水工程的投入。", set()),
        ("省扶贫办对各地提出明确要求:严格落实“四个不摘”,持续开展消费扶贫。", set()),
        # A plan word after the cue governs it as its subject; one right after it names a programme.
        ("记者获悉,安置点建设将于下月开工。", set()),
        ("全面落实“两免一补”和营养改善计划,发放教育资助资金4260万元。", {"education"}),
    ],
)
def test_requirements_and_must_words_are_no_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: what was learnt from others, and experience shown then told.
        ("考察组在外省学习了发展民宿和网店的经验。", set()),
        ("大家观摩了兄弟县的做法:该县建起扶贫车间40个。", set()),
        # What an unnamed other place owns is its own.
        ("观摩团参观了邻县的扶贫车间和光伏电站。", set()),
        ("我县建成扶贫车间12个,产品销往邻县的超市。", {"industry"}),
        # Experience learnt and then applied is the region's work.
        ("丁县借鉴外地经验,建成农家乐30家。", {"tourism"}),
    ],
)
def test_others_experience_is_not_the_regions_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: an opening that announces problems, then the problems.
        ("工作中存在的不足:一是合作社带动能力不强;二是扶贫车间开工率低。", set()),
        ("目前仍存在一些短板:搬迁群众就业不稳定,村卫生室设备老旧。", set()),
        # A problem heading lasts to the next heading.
        (
            "三、存在的问题\n合作社运营不规范。\n部分安置点配套滞后。\n四、主要成效\n全县建成扶贫车间12个,吸纳就业800人。",
            {"employment"},
        ),
        # The paragraph after a problem opening reports work again.
        ("存在的问题:产业链条短。\n今年全县新修村道60公里。", {"infrastructure"}),
        # A list of problems, and one opening a line of a sentence run on from a line cut at a comma.
        ("整改问题清单:1.健康扶贫“一站式”结算服务落实不到位;2.扶贫车间开工率低。", set()),
        ("村里修了路,\n存在的问题:健康扶贫“一站式”结算服务落实不到位。", set()),
    ],
)
def test_a_problem_section_names_what_is_wanting(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the measure named as weak, costly or a problem...
        ("山区电商物流成本偏高。", set()),
        ("部分村的乡村旅游同质化严重。", set()),
        ("针对贫困户养殖风险大的问题,县里统一购买了农业保险。", {"finance"}),
        ("该村需搬迁农户120户。", set()),
        # ...or as a problem solved.
        ("戊县新建水厂3座,解决了2万人的饮水问题。", {"infrastructure"}),
        # A wish to solve it is still a need.
        ("村民最盼望的是修通公路、解决饮水问题。", set()),
        # A wish governs the clauses after it, unless the sentence says the work was then done.
        ("山里的群众盼望修通公路,发展乡村旅游,开办农家乐20家。", set()),
        ("村民们希望通上自来水,去年县里投资建成了供水工程。", {"infrastructure"}),
        ("乙村依托希望小学开办了脱贫夜校。", {"culture_mindset"}),
        # A wish named by its noun, as what it is; one met is work done.
        ("乡亲们最大的心愿就是能通上自来水,修一条进城的公路。", set()),
        ("他的梦想是在村里开一家农家乐。", set()),
        ("乙村建成供水站2座,圆了群众多年的吃水梦想。", {"infrastructure"}),
        ("不少贫困户有发展养殖的意愿,但苦于没有启动资金。", set()),
        ("由于缺少资金和技术,很多贫困户不敢发展产业。", set()),
        # Poor conditions, and people still living in them.
        ("不少寄宿制学校办学条件差,3所学校学生住宿拥挤。", set()),
        ("不少人家还住在年久失修的危房里。", set()),
    ],
)
def test_a_weakness_or_problem_beside_the_cue_is_no_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: an opinion governs what follows it, as a wish does...
        ("专家认为,电商扶贫在带动贫困群众增收方面作用明显。", set()),
        ("业内人士认为,光伏扶贫是一项稳定的增收产业。", set()),
        ("在专家看来,发展乡村旅游是山区群众增收的好门路。", set()),
        # ...unless the sentence says the work was done; a place held to be something is no opinion.
        (
            "村支书认为,正是驻村工作队帮村里修通了公路,乡亲们才富了起来。",
            {"infrastructure", "party_building"},
        ),
        ("乙村曾被认为是最穷的村,如今村里建成了扶贫车间。", {"industry"}),
    ],
)
def test_an_opinion_governs_what_follows_it(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the "five batches" policy list, the region's work beside it.
        ("坚持发展生产脱贫一批、易地搬迁脱贫一批、社会保障兜底一批。", set()),
        ("己县实施易地扶贫搬迁4000人。", {"relocation"}),
        # Nobody left out and a count cleared to zero are results.
        ("全县义务教育阶段无一人辍学。", {"education"}),
        ("全镇危房实现动态清零。", {"housing"}),
        # Funds pooled and spent on work in the same clause.
        ("庚县整合资金发展肉牛养殖。", {"industry"}),
        ("庚县整合扶贫资金、小额信贷资金。", set()),
    ],
)
def test_policy_lists_results_and_pooled_funds(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the plain verbs of features and interviews.
        ("这两年村里通了水泥路,家家用上了自来水。", {"infrastructure"}),
        ("村里有了卫生室,还办了养羊合作社。", {"health", "industry"}),
        ("第一书记带着乡亲们种茶叶。", {"party_building", "industry"}),
        ("镇里举办感恩奋进宣讲会20场。", {"culture_mindset"}),
        ("去年景区接待游客8万人次。", {"tourism"}),
        # The same words without a verb of work describe the place.
        ("这里盛产核桃和花椒。", set()),
    ],
)
def test_plain_verbs_of_work_support_broad_cues(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Written for the test: the working words of each category, without its label.
        ("辛镇依托扶贫工厂吸纳留守妇女务工150人。", "employment"),
        ("全县推行以工代赈,建成机耕道20公里,发放劳务报酬300万元。", "employment"),
        ("壬县落实寄宿制学生生活补助,惠及3000人。", "education"),
        ("县医院与乡镇卫生院组建医共体12个。", "health"),
        ("政府帮助200户困难群众拆旧建新。", "housing"),
        ("全县建立村级互助资金协会80个。", "finance"),
        ("乡里帮农户网上开店60家。", "ecommerce"),
        ("癸村建成采摘园2处,开办客栈8家。", "tourism"),
        ("全县把3000户群众搬出大山,建成安置社区5个。", "relocation"),
        ("全县新建移动基站90座。", "infrastructure"),
        ("县残联为800名重度残疾人发放护理补贴。", "social_security"),
        ("全县整顿软弱涣散村党组织20个。", "party_building"),
        ("市直单位定向采购农特产品500万元。", "consumption"),
        ("全县兑现公益林补偿资金3000万元。", "ecology"),
        ("各村修订村规民约,成立红白理事会。", "culture_mindset"),
    ],
)
def test_working_words_name_their_category(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    ("level", "text", "expected"),
    [
        # Written for the test: work said of the country or the province in a county's report...
        ("county", "据统计,全国累计选派第一书记20万名。", set()),
        ("county", "2019年,全省新建通村公路5000公里,我县完成危房改造300户。", {"housing"}),
        ("county", "近年来,国家累计选派第一书记和驻村干部300多万人。", set()),
        ("county", "党中央实施易地扶贫搬迁,累计搬迁960多万人。", set()),
        ("county", "某基金会成立于1995年,多年来在全国各地实施了多个教育扶贫项目。", set()),
        ("county", "甲地在全省率先完成危房改造任务,改造危房1200户。", {"housing"}),
        # A national body is no level: its work may be for the region.
        ("county", "国家开发银行向我县发放扶贫贷款2亿元。", {"finance"}),
        # ...is the region's own in a report on the country or the province.
        ("national", "据统计,全国累计选派第一书记20万名。", {"party_building"}),
        ("province", "2019年,全省新建通村公路5000公里。", {"infrastructure"}),
        # A township or village never calls itself 全县 (nor a village 全镇): its county's work.
        ("township", "2019年,全县完成危房改造3000户。", set()),
        ("village", "今年以来全镇接待游客3万多人次。", set()),
        ("township", "2019年,甲地完成危房改造300户。", {"housing"}),
        ("county", "2019年,全县完成危房改造3000户。", {"housing"}),
    ],
)
def test_work_of_a_level_above_the_region_is_not_its_own(level: str, text: str, expected: set[str]) -> None:
    document = Document.from_text(text)
    region = Region(name="甲地", level=level, evidence={"quote": "甲地", "start": 0, "end": 2})
    found = find_measures(document, split_sentences(document.text), Trace(), region)
    assert {m.category for m in found} == expected


# Written for the test: a notice's title sets tasks for the whole page...
_NOTICE = (
    "甲县关于做好2021年危房改造工作的通知\n各乡镇人民政府:\n"
    "一、全面落实危房改造政策。\n二、组织开展通村公路质量检查。"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_NOTICE, set()),
        ("乙县2020年脱贫攻坚重点任务清单\n(一)新增转移就业3000人。\n(二)完成易地扶贫搬迁500人。", set()),
        # ...but what it says is already done is reported.
        (_NOTICE + "\n今年以来,全县已完成危房改造300户。", {"housing"}),
    ],
)
def test_a_task_document_reports_only_work_under_way(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: other pages' titles, who attended, a suggestion, a road put on a list.
        ("相关阅读:乙县累计发放小额信贷2.1亿元惠及3000户 | 丙县建成扶贫车间30个吸纳就业1200人", set()),
        ("县金融办、县旅游公路建设指挥部负责人列席会议。", set()),
        ("建议加大乡村旅游基础设施投入,培育电商人才。", set()),
        ("该村道已纳入明年农村公路建设计划。", set()),
        # A rule stated, and a rule applied with a count.
        ("对丧失劳动能力的贫困人口,按规定纳入农村低保。", set()),
        ("对丧失劳动能力的贫困人口,按规定将1200人纳入农村低保。", {"social_security"}),
        # A qualifier of who got the work is no potential.
        ("全市实现具备条件的建制村100%通硬化路。", {"infrastructure"}),
    ],
)
def test_links_attendance_suggestions_and_schedules_are_no_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: unnamed or other places as the subject of a commentary.
        ("还有的地方易地搬迁后,群众又回到了老家。", set()),
        ("另一个县则一哄而上发展养羊,结果羊价下跌。", set()),
        ("据介绍,邻近的几个县也在大力发展乡村旅游。", set()),
        ("相比之下,周边县市的电商产业起步更早、发展更快。", set()),
        ("在东部沿海省份,电商直播已成为农产品销售的主要渠道。", set()),
        # A classification names kinds of work.
        ("帮扶措施分为产业扶持、就业扶持、教育扶持和兜底保障四类。", set()),
        # ...stays the subject of the clauses after it, up to a turn.
        ("有的地方一哄而上,盲目发展肉牛养殖800头。", set()),
        ("有的地方一哄而上,而我们扎实推进产业扶贫,建成茶园800亩。", {"industry"}),
        # Misconduct uncovered is no measure.
        ("丁村原村主任虚报冒领危房改造补助资金8.6万元。", set()),
        ("某乡工作人员违规将亲属纳入低保。", set()),
        # What a check found or is left is a need.
        ("全县仍有辍学学生43名。", set()),
        ("排查中发现危房216户。", set()),
    ],
)
def test_other_places_misconduct_and_findings_are_no_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a section of proposals or of this year's tasks is plans.
        ("四、2020年工作打算\n全面完成危房改造500户。", set()),
        ("今年的主要任务是:\n新建通村公路100公里。", set()),
        # ...opened on a line of a sentence run on from a line cut at a comma.
        (
            "乙县位于省境西部,\n2021年工作打算:一是推进产业振兴,发展壮大村集体经济;二是加强驻村帮扶力量。",
            set(),
        ),
        # What a check found opens a section of problems.
        ("检查发现:个别村的扶贫车间已停工,部分农户的危房改造补助发放不及时。", set()),
        # The report before such a section stays.
        ("一、主要成效\n全县完成危房改造800户。\n二、2021年工作打算\n新建村道50公里。", {"housing"}),
    ],
)
def test_proposals_tasks_and_findings_open_a_section(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the requirement followed, a cue as an adverb of other work.
        ("乡里按照“一村一品”的要求,组织各村开展评比。", set()),
        ("乡里为8户特困户兜底建设安全住房8套。", {"housing"}),
        # Migrant workers are the people employment work is for, not a department's staff.
        ("园区吸纳外县籍务工人员860人。", {"employment"}),
    ],
)
def test_requirements_followed_adverbs_and_workers(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: one person's own life...
        ("用这笔钱,他买了20头肉牛。", set()),
        ("我妈今年在村卫生室看病用上了医保卡。", set()),
        # ...unless others' work reaches it, or the person leads work for others.
        ("我家老屋去年按危房改造政策拆了重建。", {"housing"}),
        ("他带领村民种植茶叶300亩。", {"industry"}),
        ("他争取资金修通了村里的公路。", {"infrastructure"}),
    ],
)
def test_an_anecdote_of_one_person_is_no_measure(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: who attended, mid-sentence.
        ("镇党委副书记、驻村第一书记赵某,县医保局负责同志等参加座谈,大家围绕防止返贫交流了意见。", set()),
        # Groups named as the targets of other work, and the canteens that buy.
        (
            "乙县对低保户、分散供养特困人员和残疾人家庭3类重点对象开展住房排查,完成危房改造500户。",
            {"housing"},
        ),
        ("丙县组织机关、学校食堂定向采购农产品200万元。", {"consumption"}),
        # A loan for industry is finance.
        ("合作银行向贫困户发放产业扶贫贷款2亿元。", {"finance"}),
    ],
)
def test_attendance_target_groups_buyers_and_loans(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


def test_the_countrys_work_is_not_that_of_a_region_not_found() -> None:
    # Written for the test: a local report whose region is unknown.
    assert _categories("全县干部尽锐出战。据统计,全国累计选派第一书记20万名。") == set()
    assert _categories("据统计,全县累计选派第一书记200名。") == {"party_building"}


def _extracted(text: str) -> set[str]:
    """The categories the whole extractor finds, the region included."""
    return {m.category for m in RulesExtractor().extract(Document.from_text(text)).measures}


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # Written for the test: a neighbour's work, named, in a county report.
        (
            "西吉县脱贫攻坚\n西吉县累计发放扶贫小额信贷2.1亿元。全县贫困发生率降至1%。"
            "记者了解到,邻近的会宁县近年来通过发展乡村旅游和电商带动了群众增收。",
            {"finance"},
            {"tourism", "ecommerce"},
        ),
        # Written for the test: another province's work, in a sentence naming nothing of the region's.
        (
            "西吉县脱贫攻坚\n西吉县累计发放扶贫小额信贷2.1亿元。全县贫困发生率降至1%。"
            "浙江省安吉县建成了一批乡村旅游示范村。",
            {"finance"},
            {"tourism"},
        ),
        # Written for the test: another province's work, though the next sentence opens with the
        # region's own "全县" right after its full stop.
        (
            "西吉县脱贫攻坚\n西吉县累计发放扶贫小额信贷2.1亿元。"
            "浙江省安吉县建成了一批乡村旅游示范村。全县贫困发生率降至1%。",
            {"finance"},
            {"tourism"},
        ),
        # Written for the test: the helping side's work is for the region it helps.
        (
            "沿河县东西部扶贫协作\n在东西部扶贫协作框架下,张家港市对口帮扶沿河县。全县贫困发生率降至1.5%。"
            "张家港市今年新建了5个消费扶贫馆,全年采购农产品4200万元。",
            {"consumption"},
            set(),
        ),
        # Written for the test: the helping side's own work at home, named or not, says nothing of
        # the region it helps ("全国" is no place of the county's own).
        (
            "沿河县东西部扶贫协作\n在东西部扶贫协作框架下,张家港市对口帮扶沿河县。全县贫困发生率降至1.5%。"
            "作为对口帮扶城市,杭州市近年来大力发展直播电商,网络零售额位居全国前列。"
            "协作方所在的城市大力发展乡村旅游,民宿遍布城郊。",
            set(),
            {"ecommerce", "tourism"},
        ),
        # Written for the test: a place where the region's work is done, or where goods go.
        (
            "罗甸县脱贫攻坚\n罗甸县贫困发生率降至1%。县人社局在广州设立了劳务工作站,输送劳动力1.2万人。",
            {"employment"},
            set(),
        ),
        # Written for the test: another place named alone after 在, in a clause of its own, sets the
        # scene; a helper after 在 does not.
        (
            "西吉县脱贫攻坚\n西吉县累计发放扶贫小额信贷2.1亿元。全县贫困发生率降至1%。"
            "在浙江安吉,乡村旅游已经成为农民增收的主渠道。在江苏省江阴市,村村都办起了农家乐。",
            {"finance"},
            {"tourism"},
        ),
        (
            "西吉县东西部扶贫协作\n西吉县贫困发生率降至1%。在福建省的帮助下,西吉县建成扶贫车间30个。",
            {"industry"},
            set(),
        ),
    ],
)
def test_another_places_work_is_not_the_regions(text: str, kept: set[str], dropped: set[str]) -> None:
    found = _extracted(text)
    assert kept <= found and not dropped & found, found


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        # Written for the test: groups with their counts in a housing breakdown, not social security.
        (
            "西吉县脱贫攻坚\n2019年,全县完成农村危房改造2864户,其中建档立卡贫困户1932户、低保户516户、"
            "分散供养特困人员142户。全县贫困发生率降至1%。",
            "social_security",
        ),
        # Written for the test: a first secretary who speaks, not party building done.
        (
            "大湾村脱贫攻坚\n大湾村驻村第一书记黄敏介绍,村里现在有茶园1500亩。全村贫困发生率降至0。",
            "party_building",
        ),
        # Written for the test: what was planned at first and is not yet done.
        (
            "某镇工作汇报\n我镇原规划易地扶贫搬迁215户,目前尚未搬迁入住。全镇贫困发生率降至1%。",
            "relocation",
        ),
        # Written for the test: what a county grows every year describes its economy.
        ("某县概况\n全县常年种植高山蔬菜12万亩、魔芋8万亩。全县贫困发生率降至1%。", "industry"),
    ],
)
def test_groups_speakers_first_plans_and_descriptions_report_no_work(text: str, dropped: str) -> None:
    assert dropped not in _extracted(text)


def test_student_loans_and_school_buildings_are_education() -> None:
    # Written for the test: the finance and road cues inside education's own compounds.
    text = (
        "某州教育扶贫\n全州全面推进控辍保学、教育基础设施建设等工作,落实生源地信用助学贷款2.1亿元,"
        "受益学生2.7万人。全州贫困发生率降至1%。"
    )
    found = _extracted(text)
    assert "education" in found and not {"finance", "infrastructure"} & found


def test_a_run_that_traces_nothing_keeps_what_the_traced_run_keeps_in_its_order() -> None:
    # Written for the test. Both measures cite the last sentence, where industry's cue comes first;
    # infrastructure was found first (自来水), industry's first cue is a description.
    text = "茶叶是石桥村的主导产业。去年,石桥村通了自来水。今年,全村发展茶叶种植600亩,新修通村公路5公里。"
    document = Document.from_text(text)
    sentences = split_sentences(document.text)
    traced = find_measures(document, sentences, Trace(enabled=True))
    assert find_measures(document, sentences, Trace()) == traced
    assert [m.category for m in traced] == ["infrastructure", "industry"]


_PROBES = sorted((Path(__file__).resolve().parents[1] / "phrasings").glob("measures*.jsonl"))


@pytest.mark.parametrize("probes", _PROBES, ids=lambda path: path.stem)
def test_the_untraced_run_reads_fewer_cues_but_keeps_the_same_measures(probes: Path) -> None:
    # The probes were written for the project (tests/phrasings/README.md).
    for line in probes.read_text(encoding="utf-8").splitlines():
        document = Document.from_text(json.loads(line)["text"])
        sentences = split_sentences(document.text)
        assert find_measures(document, sentences, Trace()) == find_measures(
            document, sentences, Trace(enabled=True)
        ), line


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a target opening what a speaker says or a source tells is a plan too.
        "县扶贫办负责人介绍说,确保年内建成扶贫车间12个,带动300名群众就业。",
        "记者从县农业农村局了解到,力争到明年底,全县发展特色种植5万亩。",
        "据了解,确保该县年内新建扶贫车间12个,带动300名群众就业。",
    ],
)
def test_a_target_opening_what_a_speaker_says_is_a_plan(text: str) -> None:
    assert _categories(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a condition by 只要…就 or 一旦, a proposal, a need still to meet, a
        # negation and work a meeting deploys govern the clauses after them...
        ("只要建成扶贫车间20个,留守妇女就能在家门口就业。", set()),
        ("一旦光伏电站建成并网,村集体每年可增收10万元。", set()),
        ("政协委员提议,在全县推广庭院经济,发展特色种植。", set()),
        ("这些村还需要修建通组公路,完善饮水工程。", set()),
        ("一些村尚未组织劳动力外出,开展过电商培训,引进快递网点。", set()),
        ("会议研究部署易地扶贫搬迁后续扶持,安排产业项目30个。", set()),
        # ...but a need or a negation qualifying who the work is for is no frame, nor one the
        # sentence then says is met.
        ("对仍需搬迁的农户,全县新建安置房1200套。", {"relocation"}),
        ("尚未脱贫的贫困户全部落实了低保兜底。", {"social_security"}),
        ("全县尚未脱贫人口1200人全部纳入农村低保兜底保障。", {"social_security"}),
        ("这些村尚未通自来水,去年县里投资建成了供水工程。", {"infrastructure"}),
    ],
)
def test_conditions_proposals_needs_negations_and_deployments_govern_what_follows(
    text: str, expected: set[str]
) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 将 before more verbs of work is a plan...
        ("明年,全县将发展特色种植5万亩,带动贫困户增收。", set()),
        ("乙镇将组织开展技能培训20期。", set()),
        ("全县将建立扶贫车间12个。", set()),
        # ...so are a goal or tasks stated, a promise and what is likely, but not a promise kept.
        ("工作目标:全县新建易地扶贫搬迁安置点20个。", set()),
        ("重点任务:完成危房改造1200户,实现住房安全有保障。", set()),
        ("县政府承诺,年内建成扶贫车间12个。", set()),
        ("明年全县有望建成光伏扶贫电站30座。", set()),
        ("全县兑现承诺,建成扶贫车间12个。", {"industry"}),
        # ...as are problems that exist, and others' places further off.
        ("目前仍存在扶贫车间建成后吸纳就业人数偏少、易地搬迁安置点配套产业发展滞后等问题。", set()),
        ("县扶贫办负责人说,部分乡镇还存在把危房改造资金用于其他项目、拨付进度慢的问题。", set()),
        ("外省一些地方发展光伏扶贫,建成村级电站300座。", set()),
        # The region's work beside them stays.
        ("针对存在的问题,乙镇新建扶贫车间3个,吸纳120人就业。", {"employment"}),
        ("全县将贫困户全部纳入产业扶持,发展茶园2万亩。", {"industry"}),
    ],
)
def test_plans_by_will_problems_that_exist_and_places_further_off(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


def test_what_a_village_is_preparing_to_do_is_a_plan() -> None:
    # Written for the test: a villager's plan in a quote; the work done beside it stays.
    text = "村里今年修通了硬化路。他说,明年村里准备利用森林资源发展乡村旅游,这还在规划。"
    assert _categories(text) == {"infrastructure"}
    assert _categories("做好迎检准备,村里修通了硬化路。") == {"infrastructure"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a group of people counted is its size; work done for it is work.
        ("甲乡有分散供养特困人员86人。", set()),
        ("目前在校贫困学生1260名。", set()),
        ("在低保对象中,重度残疾人有360人。", set()),
        ("乙镇资助贫困学生1260名。", {"education"}),
        ("乙镇新纳入特困人员86人。", {"social_security"}),
        ("乙镇特困人员86人全部纳入集中供养。", {"social_security"}),
    ],
)
def test_a_group_of_people_counted_is_no_measure_but_work_for_it_is(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a speaker named by a role, a body's name with its staff, a firm.
        ("帮扶干部小陈高兴地说,雨水来了。", set()),
        ("驻村队员老周笑着说:“我都晒黑了。”", set()),
        ("生态护林员老马感慨地说,树长高了。", set()),
        ("丙县乡村旅游开发有限公司董事长刘某介绍说,客人多了。", set()),
        ("丙县电子商务服务中心、丙县易地扶贫搬迁工作办公室的工作人员陪同参观了。", set()),
        ("住建局危房改造股股长和医保局医疗救助科科长作了发言。", set()),
        ("中国移动某分公司和国家电网某供电所的电工也来了。", set()),
        ("第一书记赵某在座谈会上说,村里的变化大家都看到了。", set()),
        ("丙县电商产业园管委会、丙县农村公路管理局的负责人作了发言。", set()),
        ("帮扶干部小陈说,他帮贫困户申请了小额信贷。", {"finance"}),
        ("丙县成立了电子商务服务中心。", {"ecommerce"}),
        ("丙县电子商务服务中心已建成运营。", {"ecommerce"}),
    ],
)
def test_speakers_roles_bodies_and_firms_name_no_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: what a film, book or article tells; cases of misconduct; what an
        # inspection found wanting; progress reported at a meeting; problems listed; what an unnamed
        # other place owns.
        ("电影《回家》讲述了一个山村易地扶贫搬迁的故事。", set()),
        ("这部纪录片在省台播出,讲述了几个贫困村发展特色产业的经历。", set()),
        ("他写的那本书,记录了第一书记们的日日夜夜。", set()),
        ("纪委通报了2起扶贫领域作风问题典型案例,涉及危房改造、低保评定。", set()),
        ("督查组反馈指出,健康扶贫、教育扶贫政策落实存在偏差。", set()),
        ("会议通报了上半年易地扶贫搬迁工作推进情况。", set()),
        ("各村汇报了危房改造工作进展情况。", set()),
        ("清单列出了教育扶贫资助政策落实不精准、健康扶贫结算不畅等问题。", set()),
        ("代表们观摩了外省的电商直播基地。", set()),
        ("省考核组检查后认为,丁县已完成危房改造1200户。", {"housing"}),
        ("第一书记记录了每户的危房改造进度,全村改造危房26户。", {"housing", "party_building"}),
        # A term defined, a sign's words; the work done after a sign stays.
        ("所谓“两免一补”,是指对贫困学生免学费、免书本费并补助生活费。", set()),
        ("易地扶贫搬迁,顾名思义,就是把群众从大山里搬出来,建好新家。", set()),
        ("墙上写着:“小额信贷5万元以下,3年以内免抵押免担保。”", set()),
        ("村委会门口挂着宣传栏,今年全村发放小额信贷120万元。", {"finance"}),
        ("咨询电话:办理低保、危房改造补助请拨打12345。", set()),
        # History before the poverty work; work since then or in a span is no history.
        ("村里的学校是1965年修建的。", set()),
        ("1986年以来,全乡累计新建学校12所。", {"education"}),
        # History by the decade, in its clause or opening the sentence; a span from then is none.
        ("村里的第一所学校建于上世纪60年代。", set()),
        ("早在上世纪80年代,这里就开始发展乡村旅游。", set()),
        ("上世纪80年代以来,全县累计新建学校120所。", {"education"}),
    ],
)
def test_works_cases_findings_and_progress_reports_name_no_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: progress introduced, duties, a check's topics, what a paper prescribes,
        # a national programme by who runs it; work done beside them stays.
        ("座谈会上,乡长介绍了危房改造工作完成情况。", set()),
        ("第一书记的职责是:建强村党组织、推动产业扶贫。", set()),
        ("核查组负责对危房改造、饮水安全等进行评估。", set()),
        ("通知对生态护林员的选聘条件作了明确规定。", set()),
        ("该示范县项目由商务部、财政部联合组织实施电子商务进农村工作。", set()),
        ("乡长介绍,全乡完成危房改造320户。", {"housing"}),
        ("第一书记履行职责,帮助村里新建扶贫车间2个。", {"industry", "party_building"}),
    ],
)
def test_progress_introduced_duties_checks_and_prescriptions_are_no_work(
    text: str, expected: set[str]
) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the county named alone on its township's page does the county's work...
        ("康保县在县城建设的易地扶贫搬迁集中安置区已安置群众1.3万人。", set()),
        # ...named with the township, or the township named in the line, the township's.
        ("康保县张纪镇完成危房改造98户。", {"housing"}),
        ("康保县投资在张纪镇建成光伏电站2座。", {"industry"}),
    ],
)
def test_a_townships_county_named_alone_does_the_countys_work(text: str, expected: set[str]) -> None:
    document = Document.from_text(text)
    evidence = {"quote": "张纪镇", "start": 0, "end": 3}
    region = Region(name="张纪镇", level="township", county="康保县", province="河北省", evidence=evidence)
    found = find_measures(document, split_sentences(document.text), Trace(), region)
    assert {m.category for m in found} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: unnamed places' problems, a shortfall, a plan section opened by its
        # label, and an e-commerce park (not the industry of 产业园).
        ("一些乡镇产业扶贫项目“重建设、轻管理”,效益不高。", set()),
        ("部分安置点后续扶持跟不上。", set()),
        ("2020年工作思路:大力发展乡村旅游,培育旅游扶贫示范村10个;加快电商服务体系建设。", set()),
        ("全区建成区级电商产业园1个、村级电商服务点218个。", {"ecommerce"}),
        # Unnamed other places, by a qualifier of their kind.
        ("外地一些贫困村通过发展光伏产业,实现了村集体经济破零。", set()),
        ("有的偏远山村建起了扶贫车间。", set()),
        ("外地客商来村里投资建起了扶贫车间。", {"industry"}),
    ],
)
def test_problems_of_unnamed_places_plans_and_an_ecommerce_park(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


def test_a_summary_that_ends_with_its_plan_reports_first() -> None:
    # Written for the test: the title names a summary and a plan; its first part reports work done.
    text = "马边县扶贫开发局2019年工作总结及2020年工作计划\n一、主要工作\n全年完成农村危房改造3216户。"
    assert _categories(text) == {"housing"}
    assert _categories("马边县2020年脱贫攻坚工作计划\n一、主要任务\n完成农村危房改造3216户。") == set()
