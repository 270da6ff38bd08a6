"""The catalogues every part of povsum reads: snapshot fields and measure categories.

Each concern has this one home. ``models`` builds the ``Snapshot`` model and the
``MeasureCategory`` literal from these tables; ``verify`` takes units and monotonicity from
them; the reports take labels and columns; the LLM draft models and the prompt's field lists are
generated from them; the rules extractor takes its measure cues. Adding a field or a category is
one entry here, then ``make schema`` and ``make record``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SnapshotField:
    """One figure a baseline or outcome can hold."""

    name: str
    zh: str  # label for Chinese readers and the prompt
    en: str  # label for reports
    units: frozenset[str]  # the units a value of this field may carry after parsing
    meaning: str  # one line for the model, in Chinese
    decreasing: bool = True  # an outcome above the baseline is flagged
    outcome_only: bool = False
    is_rate: bool = False  # a percentage, 0..100
    # When a number without a unit still is one of these: "myriad" for a count in 万/亿 whose
    # noun the sentence gives ("贫困人口由157万减少到1.6万"), "zero" for a rate fallen to 0
    # ("贫困发生率下降为0").
    bare: Literal["myriad", "zero"] | None = None

    def fits(self, unit: str, text: str, value: float) -> bool:
        """Whether a quantity read as ``value`` in ``unit`` from ``text`` can be this field.

        >>> FIELDS["people"].fits("", "157万", 1_570_000), FIELDS["people"].fits("", "157", 157)
        (True, False)
        >>> FIELDS["incidence_rate"].fits("", "0", 0), FIELDS["incidence_rate"].fits("", "3", 3)
        (True, False)
        """
        if unit in self.units:
            return True
        if unit or self.bare is None:
            return False
        return ("万" in text or "亿" in text) if self.bare == "myriad" else value == 0


SNAPSHOT_FIELDS: tuple[SnapshotField, ...] = (
    SnapshotField("households", "贫困户", "households", frozenset({"户"}), "贫困户数（户）"),
    SnapshotField("people", "贫困人口", "people", frozenset({"人", "名"}), "贫困人口（人）", bare="myriad"),
    SnapshotField(
        "incidence_rate",
        "贫困发生率",
        "incidence rate",
        frozenset({"%"}),
        "贫困发生率（%）",
        is_rate=True,
        bare="zero",
    ),
    SnapshotField("poor_villages", "贫困村", "poor villages", frozenset({"个", "村"}), "贫困村个数"),
    SnapshotField("poor_counties", "贫困县", "poor counties", frozenset({"个", "县"}), "贫困县个数"),
    SnapshotField(
        "people_lifted",
        "脱贫人数",
        "people lifted",
        frozenset({"人", "名"}),
        "写明的脱贫人数，如“已实现18255人脱贫”",
        decreasing=False,
        outcome_only=True,
    ),
)
FIELDS: dict[str, SnapshotField] = {f.name: f for f in SNAPSHOT_FIELDS}
SNAPSHOT_QUANTITIES: tuple[str, ...] = tuple(FIELDS)
BASELINE_QUANTITIES: tuple[str, ...] = tuple(f.name for f in SNAPSHOT_FIELDS if not f.outcome_only)
# A funding item's amount is checked like a field of its own.
AMOUNT_UNITS: frozenset[str] = frozenset({"元"})


@dataclass(frozen=True)
class MeasureKind:
    """One category of poverty-alleviation work."""

    key: str
    zh: str  # label for readers and the prompt
    # Terms that name the category's work, strongest first (the strongest in a reporting
    # sentence is the evidence). A cue is evidence, not proof: the rules keep it only in a
    # sentence that reports the region's work as done or under way (a verb of work, a result or
    # a count; not a plan, a policy drawn up, a listing of names, a heading or a description),
    # and the broad ones (产业, 道路, 旅游...) only beside a verb of work in their own clause.
    # Generic slogans ("两不愁三保障") are not cues.
    cues: tuple[str, ...]


def _cues(terms: str) -> tuple[str, ...]:
    return tuple(terms.split("|"))


MEASURE_KINDS: tuple[MeasureKind, ...] = (
    MeasureKind(
        "industry",
        "产业",
        _cues(
            "产业扶贫|产业帮扶|特色产业|扶贫产业|产业项目|产业发展|产业园|产业基地|扶贫基地|示范基地|生产基地|扶贫车间|光伏扶贫|"
            "扶贫电站|光伏电站|一村一品|庭院经济|林下经济|资产收益|产业链|种养|养殖|种植业|合作社|养牛|养羊|养猪|养鸡|"
            "种植|大棚|暖棚|茶园|加工厂|扶贫工厂|加工企业|冷库|入股|分红|光伏|龙头企业|招商引资|中药材|食用菌|经济林|果园|"
            "蔬菜|茶叶|花椒|核桃|肉牛|牦牛|生猪|母猪|牛羊|养蜂|蚕桑|产业"
        ),
    ),
    MeasureKind(
        "employment",
        "就业",
        _cues(
            "就业扶贫|就业帮扶|转移就业|就近就业|就地就业|稳定就业|劳务输出|劳务协作|转移劳动力|劳动力转移|公益岗|"
            "公益性岗位|就业岗位|带动就业|技能培训|就业培训|职业培训|创业培训|招聘会|吸纳贫困|返岗|以工代赈|灵活就业|"
            "居家就业|劳务经纪人|扶贫专岗|务工|就业"
        ),
    ),
    MeasureKind(
        "education",
        "教育",
        _cues(
            "教育扶贫|教育帮扶|教育保障|控辍保学|辍学|教育资助|学生资助|两免一补|营养改善|送教上门|贫困学生|雨露计划|"
            # Loans for students and schools' buildings are education, not finance or roads.
            "助学贷款|教育基础设施|学校基础设施|"
            "助学|扶学|教育脱贫|免学费|寄宿制|劝返|营养餐|送教|学校|教育"
        ),
    ),
    MeasureKind(
        "health",
        "医疗健康",
        _cues(
            "健康扶贫|健康帮扶|医疗救助|医疗保障|医疗保险|大病|住院|新农合|家庭医生|签约服务|先诊疗后付费|慢性病|义诊|"
            "医共体|医联体|健康体检|送药上门|慢病|报销比例|医疗费用|医药费|健康档案|巡诊|基本医疗|就医|村医|乡村医生|卫生室|"
            "卫生院|医保|医疗|卫生"
        ),
    ),
    MeasureKind(
        "housing",
        "住房、危房改造",
        _cues(
            "危房|危改|危旧房|住房安全|住房保障|安居工程|安居房|农房改造|房屋改造|拆旧建新|安全住房|安全房|土坯房|茅草屋|"
            "茅草房|住房"
        ),
    ),
    MeasureKind(
        "finance",
        "小额信贷、保险",
        _cues(
            "小额信贷|扶贫小贷|小额贷款|产业扶贫贷款|金融扶贫|金融帮扶|贴息贷款|金融贷款|扶贫贷款|无息贷款|信用贷款|扶贫再贷款|"
            "风险补偿金|特惠贷|授信|贴息|周转金|互助资金|互助社|户贷企用|户贷户用|融资担保|补充保险|扶贫保|防贫保险|农业保险|担保|贷款"
        ),
    ),
    MeasureKind(
        "ecommerce",
        "电商",
        _cues(
            # An e-commerce park is e-commerce, not the industry of 产业园 (cues match longest first).
            "电商产业园|电子商务产业园|"
            "电商|电子商务|网店|微店|淘宝|拼多多|阿里巴巴|网络销售|网络零售|网上销售|网销|网上卖|网上开店|线上销售|带货|直播间|"
            "直播|抖音|快手|快递"
        ),
    ),
    MeasureKind(
        "tourism",
        "旅游",
        _cues(
            "旅游扶贫|乡村旅游|旅游+扶贫|茶旅|农旅|文旅|民宿|农家乐|客栈|露营|采摘园|康养|研学|景区|观光|游客|旅游"
        ),
    ),
    MeasureKind(
        "relocation",
        "易地搬迁",
        _cues(
            "易地扶贫搬迁|易地搬迁|搬迁安置|移民搬迁|生态扶贫搬迁|扶贫搬迁|整村搬迁|整乡搬迁|生态移民|挪穷窝|搬出大山|搬出深山|"
            "搬下山|安置点|安置区|安置社区|安置小区|集中安置|分散安置|后续扶持|安置房|安置住房|安置|搬迁"
        ),
    ),
    MeasureKind(
        "infrastructure",
        "道路、饮水、电网",
        _cues(
            "基础设施|饮水安全|安全饮水|饮水工程|人饮工程|集中式供水|供水|自来水|饮水|水窖|村村通|组组通|村道|通村路|"
            "通组路|产业路|串户路|入户路|四好农村路|通客车|水泥路|道路|公路|修路|硬化|桥梁|路灯|农网|电网|变压器|供电|动力电|"
            "宽带|光纤|基站|4G|通信|卫生厕所|改厕|水利|灌溉工程|用电"
        ),
    ),
    MeasureKind(
        "social_security",
        "低保、兜底保障",
        _cues(
            "最低生活保障|低保|兜底|集中供养|分散供养|应保尽保|临时救助|社会救助|特困供养|特困人员|救助金|两项补贴|残疾人补贴|"
            "护理补贴|困难残疾人|孤寡老人|敬老院|养老保险|五保|防贫监测"
        ),
    ),
    MeasureKind(
        "party_building",
        "党建、驻村第一书记",
        _cues(
            "第一书记|驻村工作队|扶贫工作队|帮扶工作队|帮扶工作组|党建|党组织|党支部|党群服务中心|软弱涣散|两委|发展党员|"
            "帮扶责任人|帮扶联系人|帮扶干部|扶贫工作组|驻村"
        ),
    ),
    MeasureKind(
        "consumption",
        "消费扶贫",
        _cues(
            "消费扶贫|消费帮扶|以购代捐|扶贫产品|扶贫专柜|产销对接|产销衔接|农超对接|展销|销售渠道|拓销路|打开了销路|"
            "农产品销售|爱心扶贫网|扶贫832|832平台|采购贫困地区农产品|定向采购|爱心采购|扶贫集市|订单收购|认购|帮销|代销"
        ),
    ),
    MeasureKind(
        "ecology",
        "生态",
        _cues(
            "生态扶贫|生态护林员|护林员|护草员|草管员|生态管护员|管护员|生态公益岗|石漠化治理|治理了石漠化|退耕还林|退耕还草|"
            "退牧还草|公益林|天然林|天保|禁牧|草原奖补|草原补奖|造林|生态补偿|生态效益补偿"
        ),
    ),
    MeasureKind(
        "culture_mindset",
        "扶志扶智、夜校",
        _cues(
            "夜校|讲习所|扶志|扶智|志智|移风易俗|积分超市|爱心超市|道德讲堂|文明实践站|等靠要|红黑榜|光荣榜|乡风文明|"
            "文明户|孝老爱亲|红白理事会|村规民约|内生动力|感恩|宣讲"
        ),
    ),
    MeasureKind(
        "other",
        "其他",
        _cues(
            "边贸|村企共建|百企联百村|百企帮百村|万企帮万村|整村推进|土地确权|科技扶贫|科技特派员|科技培训"
        ),
    ),
)
MEASURES: dict[str, MeasureKind] = {m.key: m for m in MEASURE_KINDS}
MEASURE_CATEGORIES: tuple[str, ...] = tuple(MEASURES)
