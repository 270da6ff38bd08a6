"""Measures: what was done, by category, each with the sentence that says so.

A category is reported when one of its cues (``contract.MEASURE_KINDS``) stands in a sentence
that reports the region's work as done or under way, the way annotators read these reports.
Five scopes decide it:

- the sentence: documents and their articles, the report talking about itself (not a dateline,
  "本报讯"), photo captions, headings and titles, rhetorical questions, lists of other pages,
  who attended, what a film, book or article tells, cases of misconduct, what an inspection found
  wanting, what a paper prescribes, a term defined, what a sign or a hotline says, one person's own
  life ("他买了20头肉牛"), the sentences of a section of plans ("下一步…", "工作打算") or of problems
  ("存在的问题:…", "排查发现:", "问题清单:") and, on a page whose
  title names a notice, task list or appeal, every sentence not said to be under way report
  nothing; a statement chained with ";" keeps the frame of its first part;
- what comes before the cue: a plan or must-word ("计划", "将继续", "要确保", "必须", "要求各地",
  "力争…" opening the sentence, "谋划建设", "讲话中要求,"), the formulation of a policy ("制定了一系列
  政策,包括…", "印发通知") or others' experience shown ("观摩了兄弟县的做法:…") governs the rest of
  the sentence, unless the sentence says the work has started ("目前正在实施"); a condition ("如果
  能…") governs it whatever follows; a must-word governs its subject too ("各学校要落实…");
- the cue's clause (between commas): targets, honours and designations, slogans, standards and
  ideas ("两不愁三保障", "…工作理念"), names of groups or funds, potential, what a measure can do
  or is good for ("能够…", "…是…的重要途径", and the clause a definition after it is said of),
  descriptions of the economy ("主导产业为…", "以…为主"), a rule stated or an entitlement ("按规定纳入…",
  "均可申请…"), an agenda ("听取…汇报", "议题"), work put on a list for later ("纳入…建设计划"),
  unnamed or other places as the subject ("有的地方…", "另一个县…", up to a turn in the clauses
  after it), a level above the region ("国家累计选派…" in a county's report) and misconduct
  ("虚报冒领…"), duties and a check's topics ("职责是:", "负责对…进行评估"), a programme by the national
  bodies running it and history ("1958年建成的") report nothing;
- the cue where it stands: a need, lack or weakness of it ("基础设施落后", "缺乏技能培训", "物流
  成本偏高", "仍有辍学学生"; not a problem solved, "解决了…饮水问题"), what was learnt from others
  ("学习了当地发展民宿的经验"), what an unnamed other place owns ("参观了邻县的扶贫车间"), a named
  helper's work that says nothing of help, the requirement followed ("按照“一村一品”的要求"), an adverb of
  other work ("兜底建设"), a road that is a path, 低保户 counted as a group, a department or its staff
  ("卫生、教育专业技术人员"), a body's or a firm's name ("…服务中心的负责人", "国家电网"), a person's
  office or role as a speaker ("村党组织书记", "帮扶干部老王笑着说"), everyone's bodies ("各级党组织"),
  the means of other work, a title in 《》;
- support: a report says what was done. A broad word (产业, 道路, 旅游...) needs a verb of work
  or a quantity built in its own clause; a name in a list of names needs a verb of work, a result
  or a count in its own clause ("产业扶贫、易地搬迁……" is no report, "修路、引水" are acts); any
  other cue needs one somewhere in its sentence; a group of people's count ("在校贫困学生8970名") is
  none. Verbs inside cues (产业发展, 转移就业) do not count.

Cues are matched longest first, so a cue inside a longer one of another category belongs to the
longer one (生态扶贫搬迁 is relocation); some follow what their sentence is about (a workshop's jobs
are employment, the facilities of a relocation site are the relocation). The evidence is the first
sentence with the category's best support: a verb of work with a count, then the strongest cue.
Every cue considered is traced with the rule that kept or skipped it. A run that traces nothing
reads each category's cues best first and stops at the first that reports work: the same
measures, most cues never read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import count, groupby
from typing import get_args

from povsum.contract import MEASURE_KINDS
from povsum.document import Document
from povsum.extractors.rules import literals
from povsum.extractors.rules.sections import plan_sections
from povsum.extractors.rules.trace import Trace
from povsum.models import Level, Measure, Region
from povsum.regions import NEIGHBOUR, SELF_REFERENCE, gazetteer, is_eastern_helper, name_forms
from povsum.sentences import Sentence, evidence


def _not_after(before: str, word: str) -> str:
    """``word`` not right after a match of ``before`` (a regex of fixed width): "(?<!B)word"
    written "w(?<!(?:B)w)ord". Both say the same, but the regex engine skips ahead to where a
    match can start only in a pattern whose every alternative opens with a literal; one opening
    with a lookbehind is tried at every position of the text (5-10 times slower on a sentence).

    >>> _not_after("[为除]", "了")
    '了(?<!(?:[为除])了)'
    """
    head = re.escape(word[0])
    return f"{head}(?<!(?:{before}){head}){re.escape(word[1:])}"


# What a speaker or a source says opens after this: "…负责人介绍说,", "记者…了解到,", "据了解,".
_SAID = r"(?:介绍说?|介绍道|表示|说|指出|谈到|获悉|据悉|了解到?)[,:]"
# The words that ask how or why.
_ASKING = "如何|怎样|怎么|为何|为什么|何以"
# A time before the poverty work: "这所学校是1958年建成的", "上世纪80年代" (not "1986年以来",
# "1994年至2000年间", "上世纪80年代以来").
_HISTORY = (
    r"(?:(?<![\d.])19[0-8]\d年|(?:上世纪|20世纪)[5-8五六七八][0十]年代[初中末]?)(?!以来|起|开始|至|到|[-—~])"
)
# Sentences that report no work at all, whatever cue they hold.
_NOT_A_REPORT: dict[str, re.Pattern[str]] = {
    # History, by the time opening the sentence: "早在上世纪80年代,这里就开始发展乡村旅游".
    "history": re.compile(rf"^(?:早在|在|从)?{_HISTORY}"),
    # A document by its title or its articles: "关于…的指导意见", "…管理办法", "第三条本办法所称…".
    "document": re.compile(
        r"关于[^,。]{2,30}的(?:指导|实施)?(?:意见|通知|决定|办法|方案|规定|细则)|"
        r"(?:管理|实施)(?:办法|细则)|实施意见|本(?:办法|细则|规定|条例|通知)|第[一二三四五六七八九十百]+条"
    ),
    # The article, column or reporting team talking about itself; a dateline ("本报讯", "本报北京
    # 讯") opens the news, it is no talk about the paper.
    "about_the_report": re.compile(r"本文|本报(?![^,。]{0,6}讯)|本刊|本栏|栏目|专栏|编者按|采访组|采访团"),
    # Photo captions by their label: "图①…", "图片说明", "图为…".
    "caption": re.compile(r"^(?:图[①-⑳\d]|图片说明|\(?图为)"),
    # "驻村帮扶工作队,怎样让群众日子越过越红火?" asks, it reports nothing (a "?" alone may be a mangled
    # character of a Big5 page). A question word in the first clause asks the whole sentence, however
    # many clauses it runs to: "如何发展特色产业,让群众增收致富?", "能否…,…?", "靠什么…?".
    "question": re.compile(
        rf"(?:{_ASKING}|吗|呢)[^,。]*\?$|"
        rf"^[^,。]{{0,10}}?(?:{_ASKING}|能否|是否|能不能|是不是|什么|哪|谁)[^。]*\?$"
    ),
    # A saying the sentence calls one: "“…”,这是当地群众常挂在嘴边的一句口号".
    "a_saying": re.compile(r"”,?(?:这|此)(?:就)?是[^,。]{0,20}(?:口号|顺口溜|标语|俗语|谚语|口头禅|歌谣)"),
    # A page's lists of other pages' titles: "相关新闻:…", "热点留言:关于低保办理的咨询 | …".
    "links": re.compile(r"^(?:相关|热点|热门|推荐|延伸|猜你)[^,。:]{0,6}:|上一篇|下一篇"),
    # One person's own life, by the sentence's subject: a household or a relative ("我妈…在村卫生室
    # 看病用上了医保卡", "他家…"), or 他/她 buying, selling, earning or raising for themselves ("用这笔钱,
    # 他买了20头肉牛"; not a cadre's work, "他争取资金修通了公路"); unless others' work reaches it ("他
    # 带领村民种茶", "我家…按危房改造政策拆了重建,政府补了三万五").
    "anecdote": re.compile(
        r"^(?:[^,。]{0,6},)?(?:[他她我](?:家|妈|爸|爹|娘|父亲|母亲|老伴|儿子|女儿)|[他她](?=买|卖|挣|赚|养了|种了|领到|拿到|看病|住院|住进))"
        r"(?!.*(?:带领|带着|带动|帮助|组织|为(?:村民|群众|贫困户|乡亲)|政府|政策|补助|补贴|补了|帮扶|[村乡镇县]里))"
    ),
    # A sentence of problems that exist, or a speaker's: "目前仍存在产业带贫效果不明显、搬迁后续扶持不到位
    # 等问题" (not "针对存在的问题,…", "解决了长期存在的…问题").
    "problems_exist": re.compile(
        rf"(?:^|{_SAID})(?:(?!解决|破解|整改|针对|化解)[^,。]){{0,16}}?存在[^。]*[等的]"
        r"(?:问题|不足|短板|弱项|差距|困难|隐患)[。;]?$"
    ),
    # Who attended: "县金融办主任、县旅游公路建设指挥部负责人等列席会议", "…原驻村第一书记李明…参加
    # 座谈,…" name offices, not work.
    # A term defined: "所谓“雨露计划”,是指…", "电商扶贫,顾名思义,就是…", "何为消费扶贫?".
    "a_term_defined": re.compile(r"所谓|顾名思义|是指|指的是|何为|何谓|什么是"),
    # What a sign or a board says: "宣传栏上写着:“小额信贷5万元以下…”".
    "a_sign": re.compile(r"(?:写|印|刻|贴)着[^,。]{0,10}?[:“\"]"),
    # A hotline and what to call it about: "监督举报电话:低保、危房改造等问题请拨打12317".
    "a_hotline": re.compile(r"(?:举报|咨询|监督|服务|投诉)(?:电话|热线)|请拨打"),
    # What a paper prescribes: "文件对驻村第一书记的选派条件、工作职责…作了明确规定".
    "prescribed": re.compile(
        r"(?:文件|办法|通知|意见|规定|条例|方案|细则)[^。]{0,40}?(?:作|做)[了出]?(?:明确|具体|详细|严格)?(?:的)?规定"
    ),
    "attendance": re.compile(r"(?:列席|出席|参加)了?(?:会议|仪式|座谈)|主持(?:会议|座谈)"),
    # What a work tells: "电视剧《…》讲述了…移民搬迁的故事", "纪录片…播出,讲述了…发展特色产业的故事",
    # "…的书,记录了驻村干部的酸甜苦辣", "刊发长篇通讯《…》,报道了…发展农村电商的故事".
    "a_works_content": re.compile(
        r"(?:剧|片|电影|节目|书(?!记)|小说|作品|歌曲|通讯|文章)(?:《[^》]*》)?[^。]{0,30}?"
        r"(?:讲述|讲的是|描写|描绘|再现|记录|记述|报道)"
    ),
    # What an inspection found wanting: "巡视组反馈意见指出,教育扶贫、健康扶贫政策落实存在偏差".
    "findings": re.compile(
        r"(?:巡视|巡察|督查|督导|审计|暗访|检查|考核|评估)[^,。]{0,8}?(?:反馈|指出|发现)"
        r"(?=[^。]*(?:问题|偏差|不足|短板|不到位|不规范|不精准))"
    ),
    # Cases of misconduct and the fields they concern: "通报了3起扶贫领域腐败和作风问题典型案例,涉及危房
    # 改造、低保评定等领域".
    "misconduct_cases": re.compile(r"(?:腐败|作风|违纪|违法)[^,。]{0,6}(?:问题|案件|案例)|典型案例|问题线索"),
}
# A document whose title names a notice, a task list, an appeal or a plan ("关于…的通知", "…工作
# 要点", "…任务清单", "…倡议书", "…整改方案") sets tasks: its sentences report no work unless they
# say it is under way or done.
_TASK_DOCUMENT = re.compile(
    # Not a summary that ends with its plan ("2019年工作总结及2020年工作计划"): it reports first.
    r"^(?!.*(?:总结|汇报|报告|综述)[及和与暨])"
    r".*(?:通知|倡议书?|要点|任务清单|整改方案|实施方案|工作方案|行动方案|工作计划|规划)(?:\([^)]*\))?$"
)
# "Must": 要, 必须, 应当 (not 重要, 主要, 要求), 应 before a verb of effort ("应加大…投入"; not 应用,
# 应对, 应保尽保), and a requirement addressed to others ("要求各地加快…", not "按照…的要求,"), or
# told by a speaker or a paper ("在讲话中要求,扎实推进…", "通知要求:…", "提出明确要求:…"; not "按照“…”
# 要求,"), by an office or a body whoever it is addressed to ("市委书记要求,…", "县委要求驻村工作队…",
# "县里要求驻村干部…") or urged ("叮嘱驻村干部…", "会议强调,压实…责任", "县妇联倡议,…", "呼吁…").
# It governs its whole clause, the subject before it too ("各学校要落实…").
_REQUIRING = "[记长委府导任里]"  # the end of an office or a body: 书记, 县长, 县委, 政府, 领导, 主任, 县里
_MUST = (
    rf"{_not_after('[重主需只必首纪摘简想]', '要')}(?![求点素是闻害紧塞道员务])|必须|务必|应当|"
    r"应(?=加大|加快|加强|进一步|继续|尽快|把|将|切实|着力|大力|积极|重点|该)|"
    rf"{_not_after('[的照据]', '要求')}(?=各|全|所有|相关|有关)|"
    r"要求(?<=[中议话知件书他她并还也又]要求)(?=[,:])|要求(?<=[确出]要求)(?=:)|"
    rf"要求(?<={_REQUIRING}要求)(?![的是])|叮嘱|嘱咐|嘱托|号召|呼吁|倡议(?!书)|强调"
)
_MUST_WORD = re.compile(_MUST)
# A plan word before the cue governs it and the clauses after it: "计划改造危房…,新建村道",
# "将继续…,进一步推进产业扶贫" (将 before a verb,
# 把, 要 or 会, "将把…作为主攻方向"; not 将…纳入, 将会议精神), "今年要确保完成…搬迁任务", "按照规划,
# …需搬迁", and a target opening the sentence, a line or what a speaker says, after a date at most
# ("力争到年底,完成…任务,实现…全覆盖", "…负责人介绍说,确保年内完成…": no work is reported before it
# for it to be the purpose of). A named programme is no plan: "“八七”扶贫计划", "雨露计划".
# A promise is of work to come ("县政府承诺,…"; not one kept, "兑现承诺", "践行承诺", nor "承诺书").
_PROMISE = _not_after("[现行]", "承诺") + "(?!书|制)"
# More verbs of work after 将 ("将发展…", "将组织…", "将选派…"), where 将 cannot mark an object.
_WILL_DO = (
    "发展|落实|组织|培训|选派|修建|成立|建立|发放|改造|推广|举办|"
    "引进|培育|开办|帮助|带动|修通|铺设|安装|扶持|资助"
)
_TARGET_OPENING = rf"(?:^|\n|{_SAID})(?:[^,。;:]{{0,12}}[年月底前内],?)?(?:力争|确保)"
_PLAN = re.compile(
    rf"{_TARGET_OPENING}|"
    + _not_after('[”"贫动露]', "计划")
    + r"|预计|有望|打算|准备(?=[\u4e00-\u9fff]{2})|拟|下一步|下一?阶段|今后|原规划|"
    # Planning a project ("谋划建设一批光伏电站"; "积极谋划,强力落实" goes on to do it), what is
    # expected (预计, 有望), a goal or tasks stated ("目标是…", "工作目标:…", "重点任务:…") and
    # striving by a date or for an object moved ("争取明年把自来水接到…", "争取将更多贫困户纳入…"; not
    # "争取到资金").
    r"(?:谋划|筹划|酝酿)(?=[\u4e00-\u9fff])|目标(?:是|为|:)|争取(?=明年|今年|年内|年底|早日|尽快|\d|[将把让使])|"
    + rf"{_not_after('[意见和]', '建议')}|提议|"
    r"(?:方案|规划|计划|意见|纲要)》?(?:提出|明确|要求|安排|规定)|"
    r"(?:按照|根据|按)规划|"
    r"将(?:把|要(?!求)|会(?!议)|继续|进一步|全面|重点|着力|大力|加快|加大|加强|持续|深入|逐步|陆续|努力|集中|实现|完成|实施|推进|"
    rf"开展|启动|着手|进行|建设|新建|建成|打造|形成|投入|投资|安排|于|在|以|{_WILL_DO})|设想|构想|(?:任务|职责)(?:是|为|如下|:)|{_PROMISE}|{_MUST}"
)
# A condition governs the rest of its sentence, whatever it says is done then: "如果能在村里办个扶贫车间,
# 留守妇女就能在家门口挣钱了". One contrary to fact is none: "如果不是工作队帮我们引进了龙头企业,
# 茶叶根本卖不出去" says the firm was brought in.
_CONDITION = re.compile(
    rf"(?:如果|假如|倘若|{_not_after('[主重需只必]', '要是')})(?!没|不)|"
    r"只有(?=[^。]*才)|"  # a condition of a principle: "只有发展产业,才能…" (not "只有3户")
    r"只要(?=[^。]*就)|一旦"  # "只要…,就能…", "一旦建成,…"
)
# A wish governs what follows it in its sentence, as a plan does ("群众盼望修通公路,发展乡村旅游"),
# unless the sentence goes on to say the work is done ("村民希望通上自来水,去年县里建成了…"); a name
# is none ("希望小学", "希望工程", "希望之星"). A wish may be named by its noun, as what it is ("最大的
# 心愿就是能通上自来水", "梦想是开一家农家乐"; not one met, "圆了群众的安居梦想").
_WISH_WORD = (
    r"(?:(?:希望|盼望|期盼|渴望|盼着)(?!小学|工程|之[光星])|(?:心愿|愿望|梦想|期望|盼头)(?:就|便)?是)"
)
_WISH = re.compile(rf"{_WISH_WORD}(?![,。;])")
# Words that govern what follows them in their sentence as a plan does, unless the sentence then says
# the work is done: a wish, a need still to meet ("这些村还需要完善基础设施,发展产业"; not a
# qualifier, "对仍需搬迁的农户…"), a negation ("一些村尚未通自来水,…"; not "尚未脱贫的…" nor a group by
# its status, "尚未脱贫人口1200人全部纳入低保"), work a
# meeting deploys ("会议研究部署易地搬迁后续扶持,…") and an opinion ("专家认为,电商扶贫…作用明显",
# "在业内人士看来,…"; not what a place is held to be, "被认为是…", nor one telling work done, "他认为,
# 正是工作队修通了路").
_GOVERNING: dict[str, re.Pattern[str]] = {
    "wish": _WISH,
    "need": re.compile(r"(?:还|仍然?|尚|亟)需要?(?![\u4e00-\u9fff]{1,4}的)|亟待(?![\u4e00-\u9fff]{1,4}的)"),
    "negation": re.compile(
        r"(?:尚未|还未|仍未|从未|(?:还|仍|尚)没有)(?![\u4e00-\u9fff]{1,4}的|脱贫|出列|摘帽|退出)"
    ),
    "agenda": re.compile(r"研究部署|安排部署|动员部署|会议部署|专题研究"),
    "opinion": re.compile(r"(?<!被)(?:认为|看来)[,:]"),
}
# Drawing up a policy is not carrying it out: "制定了多项帮扶政策,涵盖教育扶贫、产业扶贫",
# "发布…规划,先后推出…计划", "制定了分类帮扶方案:给因学致贫户发放助学补贴".
_FORMULATION = re.compile(
    r"(?:制定|出台|印发|发布(?!会)|推出|编制)了?(?=[^。]{0,30}(?:政策|方案|规划|计划|意见|办法|文件|措施|通知))"
)
# A verb in the perfective: "建设了", "走上了" (not 为了, 除了, 了解).
_PERFECTIVE = rf"{_not_after('[为除]', '了')}(?!解)"
# ...unless the sentence goes on to say the work has started: "计划改造危房1000户,…目前项目正在
# 组织实施", "…计划明年开工,安置点同步建成了养殖圈舍". What a plan or a policy states is done in its
# text only: "制定了…方案,明确了大病集中救治…的要求".
_STATED = "明确|规定|提出|细化|界定|涵盖|包括|作出|做出|列出"
_UNDER_WAY = re.compile(rf"正在|已经|已(?!于)|{_PERFECTIVE}(?<!(?:{_STATED})了)")
# Others' experience: a cue learnt about ("学习了当地发展乡村旅游的经验", between the learning verb and
# its 经验 or 做法), and an experience shown and then told after a colon ("观看了邻县的经验介绍片:
# 该县通过…"), which governs the rest of its sentence. Experience learnt and then applied
# ("借鉴外地经验,发展乡村旅游") is the region's own work.
_LEARNING = r"学习|考察|观摩|观看|借鉴|参观|取经"
_LEARNT_BEFORE = re.compile(rf"(?:{_LEARNING})[^,。;:]*$")
_LEARNT_AFTER = re.compile(r"[^,。;:]*(?:经验|做法)")
_EXPERIENCE_SHOWN = re.compile(rf"(?:{_LEARNING})[^,。;:]*(?:经验|做法)[^,。;:]{{0,6}}:")
# What a definition calls a measure: "…是脱贫攻坚的重要举措", "…的根本之策", "…的标志性工程", "…是
# 解决…问题的前提,也是…的关键".
_DEFINED_AS = (
    r"[^,]{0,16}的(?:重要|有效|主要|关键|根本|必由|头号|标志性|首要|核心)*"
    r"(?:途径|举措|手段|抓手|方式|措施|路径|渠道|载体|之路|之策|出路|法宝|工程|"
    # ...and words that are such nouns only at the end of the clause ("的关键", not "的关键之举" or
    # "的基础设施").
    r"(?:前提|关键|基础|核心|重中之重)(?:所在)?(?![\u4e00-\u9fff]))"
)
# A judgement of what a measure is worth: "对于带动群众增收具有重要意义", "意义重大" (not what it has
# done: "发挥了重要作用").
_SIGNIFICANCE = r"(?:具有|有着)[^,。;]{0,6}?(?:意义|作用|价值)|意义(?:重大|深远)"
# A clause opening with a definition defines the clause before it, its subject: "国家实施的易地扶贫搬迁、
# 生态护林员等政策,是打赢脱贫攻坚战的重要举措". One judging its worth does too ("发展乡村旅游,对于带动
# 群众增收具有重要意义"), unless that clause counts work done or a result ("建成扶贫车间56个,对稳定脱贫
# 意义重大").
_DEFINING = re.compile(rf"\s*(?:都|也|均|正|就)?是{_DEFINED_AS}")
_JUDGING = re.compile(rf"[^,;:…。]{{0,24}}?(?:{_SIGNIFICANCE})")
# A clause turning to another subject: "…,而我们…", "但本村…".
_TURN = re.compile(r"\s*(?:而|但|却|可|我们|我|咱)")
# Clauses that report no work done, whatever cue they hold.
_NOT_DONE: dict[str, re.Pattern[str]] = {
    # A target after other clauses governs only its own (one opening the sentence is a plan,
    # ``_TARGET_OPENING``): "…,力争年内完成搬迁". After "组织…搬迁," the clause
    # "确保搬迁户搬得出" is the purpose of work done, and that work was reported before it.
    "target": re.compile(r"力争|确保"),
    # Awards, ratings and designations: "获得…称号", "“…案例”入选…", "荣膺", "挂牌为…基地",
    # "AAA级景区", "获批…电子商务进农村综合示范县", praise ("乡村旅游被誉为“无烟工业”").
    # A county's or a city's title ("成功创建国家级电子商务进农村综合示范县"; not the programme, "示范县创建")
    # is one too.
    "honour": re.compile(
        r"称号|荣获|荣膺|入选|评为|授予|挂牌|A级|星级|获批|列为|誉为|称为|称作|(?:示范|试点)(?:县|市|州)(?![级项城创建])"
    ),
    # The guarantee formula, the standards a region is measured by, strategy slogans and the
    # ideas a region follows ("贯彻抓党建促脱贫工作理念").
    # The "five batches" list names paths out of poverty ("易地搬迁脱贫一批、生态补偿脱贫一批"); a
    # principle pairs two ("坚持扶贫同扶志扶智相结合", "开发式扶贫和保障性扶贫相统筹").
    "slogan": re.compile(
        r"两不愁|三保障|有[^、,]{0,4}保障|八有|指标|(?:退出|脱贫)标准|战略|理念|思想|精神|一批、"
        r"|相结合|相统筹|并重|一起抓"
    ),
    # Names of working groups or sectors: "领导小组下设产业扶贫、…等11个工作组", "…电商、
    # 农家乐等23个行业".
    "name_list": re.compile(r"下设|等\d+\x20?个(?:行业|部门|单位|工作组|专项组|小组|领域)|分为|分成|划分为"),
    # Funds pooled by name: "整合扶贫专项资金、小额信贷资金", "汇集…专项贷款四个方面的资金"; pooled
    # and then spent on work in the same clause ("整合资金发展牦牛养殖") the clause reports that work.
    "pooled_funds": re.compile(r"(?:整合|统筹|汇集|归集|捆绑)[^,]*资金(?![^,]*(?:发展|用于|建设|实施|扶持))"),
    # What a place could do: "具备发展特色种养殖业的优势", "是发展反季节蔬菜的理想之地", "旅游资源得天
    # 独厚", "发展康养产业前景广阔". ("具备条件的建制村通硬化路" qualifies who got the work.)
    "potential": re.compile(r"具备(?!条件的)|潜力|适宜发展|适合发展|理想之地|得天独厚|前景广阔|大有可为"),
    # A rate set ("人均补助标准为2万元", "补助标准是…"), no work done.
    "standard": re.compile(r"标准(?:为|是)|(?:补助|补贴|救助|资助)标准"),
    # A rule stated, with no count or completion after it: "对丧失劳动能力的贫困人口,按规定纳入农村
    # 低保" (not "按规定将1200人纳入低保"), "对符合条件的贫困户给予危房改造补助".
    "rule": re.compile(r"(?:按(?:照)?(?:有关|相关)?规定|对符合条件的)(?![^,]*(?:\d|了|已))"),
    # An entitlement, what whoever qualifies may get or do: "凡是符合条件的学生,均可申请助学贷款",
    # "凡家庭人均收入低于低保标准的,…", "贫困户可申请5万元以下的小额信贷" (its amounts are ceilings,
    # not counts), and how to apply ("申请危房改造补助需提交…", "办事指南").
    "entitlement": re.compile(
        r"均可|^\s*凡|可(?:申请|享受|获得|领取|参加|报销|免费)|需(?:提交|提供|携带|填写|满足)|办事指南|申请(?:条件|材料)"
    ),
    # A meeting's or a course's agenda names topics: "会议听取了…危房改造工作的汇报", "通报了全省…工作
    # 进展情况", "各乡镇汇报了…工作推进情况", "介绍了…工作开展
    # 情况", "研究部署…后续扶持工作", "围绕…推进消费扶贫等议题进行了
    # 交流", "培训内容包括小额信贷政策解读", "观看了产业扶贫专题片".
    "agenda": re.compile(
        r"听取|审议|研究部署|安排部署|专题研究|议题|议程|(?:培训|授课|课程|学习|会议)内容|观看[^,]*(?:片|视频)|"
        r"(?:通报|汇报|介绍)[^,]*(?:进展|推进|开展|落实|完成)?情况"
    ),
    "history": re.compile(_HISTORY),
    # Work put on a list for later: "该路段已纳入2021年农村公路建设计划".
    "scheduled": re.compile(r"纳入[^,]{0,16}(?:计划|规划|项目库)"),
    # Duties and the topics of a check: "驻村第一书记的主要职责是:", "负责对危房改造、饮水安全等进行评估".
    "duty": re.compile(r"职责(?:是|为|包括|有)|对[^,。]*进行了?(?:评估|考核|检查|督查|督导|暗访|巡查)"),
    # A national programme by who runs it: "…示范县项目由商务部、财政部、国务院扶贫办联合组织实施".
    "nations_programme": re.compile(r"由(?:国务院|国家|党中央|中央|[\u4e00-\u9fff]{1,3}部[、和与])"),
    # Unnamed or other places as the clause's subject, in commentaries and letters: "有的地方
    # 易地搬迁后…", "外地一些贫困村通过…" (not "外地客商…"), "另一个县则一哄而上发展养羊", and a
    # helper at home ("协作方所在的城市近年来…", "帮扶城市本地的乡村旅游…"; not "帮扶城市援建了…",
    # work for the region).
    "elsewhere": re.compile(
        r"^\s*(?:但|而|还|也)?(?:(?:(?:外省|外地|省外|国外|其他省份?)的?(?:有的|有些|一些|个别|某些)?|(?:东部|沿海)?的?(?:有的|有些|一些|个别|某些))"
        r"(?:贫困|偏远|山区|农村)?(?:地方|地区|乡镇|县市|山?村)|(?:另一个?|邻|兄弟)(?:县|市|省|乡镇|乡|村)|"
        r"(?:邻近|周边|相邻|附近)的?(?:几个|一些|部分|其他)?(?:县市|市县|县|市|省|乡镇|乡|村|地区|地方)|"
        r"在(?:东部|沿海|发达|外省|国外|其他|一些)[^,]{0,8}(?:省份|省区|地区|城市|国家|地方)\s*$|"
        r"[^,]{0,4}(?:帮扶|协作|对口|援助)[^,]{0,4}?(?:所在的?(?:城市|地方|地区)|本地|当地))"
    ),
    # Misconduct uncovered: "虚报冒领危房改造补助资金", "违规将亲属纳入低保".
    "misconduct": re.compile(r"虚报|冒领|违规|违纪|侵占|挪用|贪污|套取|截留|优亲厚友|收受|骗取|雁过拔毛"),
    # What a measure can do or is good for: "光伏扶贫电站能够实现一次建设、多年收益",
    # "易地扶贫搬迁是脱贫攻坚的头号工程", "把小额信贷作为精准扶贫的重要载体".
    "ability": re.compile(
        r"能够|可以|有利于|有助于|可(?=带动|实现|解决|增加|吸纳|安置|提供|辐射|惠及|满足|使)"
    ),
    "definition": re.compile(rf"(?:是|作为){_DEFINED_AS}|{_SIGNIFICANCE}"),
    # The economy as it is: "主导产业为…", "…是我镇的四大主导产业", "…是带动增收的朝阳产业", "第一
    # 产业增加值", "当地以种植水稻为主" (not "以…为主线", "为主体"), what is grown every year ("常年种植
    # 高山蔬菜12万亩").
    "description": re.compile(
        r"主导产业(?:为|是|有)|是[^,]{0,24}(?:主导|支柱|朝阳|富民|优势|新兴)产业|增加值|三次产业|"
        r"以[^,]{1,20}为主(?![导线体要])|常年(?:种植|养殖|种)"
    ),
}
# A need or lack of the measure itself, next to the cue: "基础设施落后", "农业种植的收益很低",
# "住房难", "住房条件差", a problem listed ("资助政策落实不精准", "结算不畅"), a wish ("有发展养殖的
# 意愿"), "缺乏技能培训", "需要易地搬迁", "尚未通自来水", and what is left or found by a check ("仍有辍学
# 学生43名", "排查发现危房216户"). "困难" is not one: "得知老人生活困难" is the need the work then meets.
_LACK_AFTER = re.compile(
    r"难|[^,]{0,8}(?:落后|薄弱|滞后|短缺|受限|不足|不便|很低|较低|不起来|问题|偏高|偏低|严重|不稳定|不强|"
    r"不够|不健全|不完善|不到位|不紧密|不精准|不畅|不规范|不及时|不力|不严|缓慢|单一|欠缺|瓶颈|条件差|意愿|愿望|心愿|"
    r"跟不上|重建设)"
)
# ...and before it: "还住在年久失修的危房里", "很多贫困户不敢发展产业".
_LACK_BEFORE = re.compile(
    rf"(?:没有|缺乏|缺少|需要|{_not_after('[所无必按]', '需')}(?!求)|亟待|亟需|不能|未能|无法|应该|应当|不得|"
    r"尚未|还未|仍未|从未|针对|仍有|尚有|发现|排查出|(?:还|仍|仍然|依然)住在?|不敢|不愿|不懂|不会)[^,]{0,8}$"
)
# An unnamed other place owning what the cue names: "参观了邻县的扶贫车间和光伏电站", "观摩了东部某县的
# 电商直播基地" (not "我县扶贫
# 车间的产品销往邻县的超市").
_OWNED_ELSEWHERE = re.compile(
    r"(?:(?:邻近?|兄弟|周边)的?|某|外)(?:县市|市县|县|市|省|州|乡镇|乡|镇|村|区|地区|地)的[^,。;]{0,12}$"
)
# A wish governs the rest of its clause: "最盼望的是修通公路、解决饮水问题".
_WISHED = re.compile(rf"(?:{_WISH_WORD}|最迫切)[^,。;]*$")
# A hardship after the cue is met when its clause says so before it: "解决了1.2万人饮水问题".
_SOLVED = re.compile(r"(?:解决|破解|缓解|攻克|化解|告别|摆脱)[^,。;]*$")
# A cue inside a title (《…》) names a book, a document or a column.
_TITLE = re.compile(r"《[^》]*》?")
# Benefits that are also a status: followed by a count ("低保户415户", "五保户76户", "低保人数")
# they count a group of the population, not work.
_STATUSES: frozenset[str] = frozenset({"低保", "五保", "分散供养", "集中供养", "特困人员", "特困供养"})
# Named in a list of groups ("对低保户、分散供养特困人员…4类重点对象开展排查") they are a group too,
# and so they are with their count ("其中低保户516户、分散供养特困人员142户") or as the whole a share is
# of ("低保对象中,60岁以上老人占六成").
_COUNTED = re.compile(
    r"(?:贫困)?(?:户|对象|人员)(?:共|有)?\d|(?:户|对象|人员)中|(?:特困)?(?:供养)?人员\d|\d+\x20?户|人数|人口|户[、和与及]"
)
# A cue naming people (贫困学生, 特困人员, 孤寡老人) right before their count counts a group of the
# population ("在校贫困学生8970名", "农村特困人员2300人") unless its clause says what was done for them
# ("资助贫困学生8970名", "新纳入特困人员120人"): the count is the group's size, no support.
_GROUP_NOUN = re.compile(r"(?:学生|人员|残疾人|老人|儿童|劳动力)$")
_GROUP_COUNT = re.compile(r"(?:共|有|达)?\d+(?:\.\d+)?万?(?:余|多)?\x20?[人名户](?!次)")
# A cue in the name of a body before its staff or head names the body: "县易地扶贫搬迁工作指挥部、县电子
# 商务服务中心的负责人陪同调研", "住建局危房改造股股长", "县旅游发展集团、县健康扶贫医疗集团等单位派员
# 参加" (not "成立了电子商务服务中心", "…服务中心已建成").
_BODY = (
    r"[^,。;、]{0,10}?(?:指挥部|办公室|领导小组|公司|集团|协会|学会|研究院|研究会|中心|服务站|联合会|商会|银行|支行|分行|"
    r"管委会|委员会|[股科处所局])"
)
_BODY_PEOPLE = re.compile(
    rf"(?:{_BODY}[、和与及])*{_BODY}(?:等(?:单位|部门|机构))?的?"
    r"(?:负责人|派员|负责同志|工作人员|技术人员|主任|董事长|理事长|经理|会长|副?[股科处局所室站部]长|干部|职工|员工|专家|一行|代表)"
)
# Groups named as the targets of other work: "对低保户、分散供养特困人员和贫困残疾人家庭4类重点对象开展
# 排查" (the housing check is the work).
_TARGET_GROUPS = re.compile(r"[^,。;]{0,30}?(?:\d|[一二三四五六七八九十])类(?:重点)?(?:对象|人群|群体|人员)")
# Who speaks, by office or role: "驻村第一书记李某告诉记者", "县电子商务中心主任李某接受记者采访",
# "帮扶干部老王笑着说", "第一书记李某在发言中说,", "驻村队员小李说:", "护林员老杨感慨地说", "…投资有限
# 公司董事长王某介绍说" name a speaker, not work done.
_TITLES = "书记|主任|局长|队长|负责人|经理|站长|校长|院长|所长|干部|员|专干|董事长|理事长|会长"
_SPEAKER = re.compile(
    rf"(?P<title>[^,。;]{{0,12}}?(?:{_TITLES}))?[\u4e00-\u9fff]{{2,3}}(?:在[^,。;]{{0,6}}[中上])?"
    r"(?:告诉|介绍说|介绍道|介绍[,:]|表示|接受了?(?:记者)?采访|(?:[\u4e00-\u9fff]{1,2}[着地])?说[,:])"
)
# Party bodies that are also a person's office: "村党组织书记张三说" names who speaks.
_OFFICES: frozenset[str] = frozenset({"党组织", "党支部"})
_OFFICE = re.compile(r"书记|负责人")
# Cues that are also ordinary words for the economy, a place or a need ("主导产业为种植",
# "沿公路", "农业种植的收益很低"): they count only when their clause holds a verb of work...
_BROAD: frozenset[str] = frozenset(
    {
        # industry
        "产业", "产业发展", "种养", "种植业", "种植", "养殖", "养牛", "养羊", "养猪", "养鸡", "合作社",
        "大棚", "茶园", "加工厂", "产业链", "龙头企业", "入股", "分红", "光伏", "招商引资",
        # employment, education, health, housing
        "就业", "务工", "学校", "教育", "医疗", "卫生", "卫生室", "卫生院", "村医", "乡村医生", "医保",
        "住房", "土坯房", "茅草屋",
        # finance, ecommerce, tourism
        "贷款", "担保", "直播", "抖音", "快手", "旅游", "文旅", "民宿", "景区", "观光",
        # relocation, infrastructure
        "搬迁", "安置", "基础设施", "道路", "公路", "水泥路", "饮水", "供水", "自来水", "水利", "用电",
        # party building, other ("抓党建促脱贫" is a slogan, "加强党建" work)
        "党建", "土地确权",
        # produce and places of the genre: "盛产核桃", "种植蔬菜为主", "客流量", "基本医疗有保障"
        "暖棚", "冷库", "加工企业", "中药材", "食用菌", "经济林", "果园", "蔬菜", "茶叶", "花椒", "核桃",
        "肉牛", "牦牛", "生猪", "母猪", "牛羊", "养蜂", "蚕桑",
        "基本医疗", "就医", "医疗费用", "医药费", "快递", "游客", "康养", "研学", "桥梁", "供电", "通信",
        "两委", "内生动力", "感恩", "宣讲", "认购",
    }
)  # fmt: skip
# 建 but not 建档立卡/建议/建筑; 带动 but not 带动型 (a kind of household); 通过 as "by way of",
# not "passing through" (公路通过); 改善 with an object ("改善群众的医疗"), not as a result
# ("条件明显改善"); 走上 a road of development. The plain words of features and interviews count
# too: "通了水泥路", "用上了自来水", "村里有了卫生室", "办了合作社", "带着大伙种茶叶", "接待游客".
_WORK = re.compile(
    r"建(?![档议筑])|修|完成|实施|开展|举办|发展|推进|推广|落实|投入|发放|组织|培训|调整|"
    r"通了|用上|喝上|住上|有了|配了|配齐|配强|办了|搞起|搞了|带着|带领|接待|覆盖|代缴|"
    r"帮助|带动(?!型)|吸纳|引导|引进|引入|创办|成立|组建|打造|开发|改造|完善|加强|加大|扶持|"
    r"支持|资助|补助|救助|纳入|解决|转移|输出|申请|争取|累计|新增|提供|选派|派驻|培育|"
    r"开办|开设|开了|开起|办起|兴办|壮大|种上|搬到|搬入|迁到|受益|惠及|用于|共建|结对|"
    r"抓好|抓实|配备|设立|安排|担任|兼任|挂职|进驻|派出|委派|聘用|聘请|选聘|探索|推行|实行|"
    r"铺设|架设|安装|开通|签约|动员|通到|通达|接通|通上|"
    rf"走上|通过(?![,。;]|$)|{_not_after('得到|明显', '改善')}(?![,。;!]|$)"
)
# ...or a quantity of what was built, planted or raised ("种植茶叶6500亩", "合作社12家"). A stock
# ("种植面积达6万亩", "公路通车里程2800公里", "生猪存栏") describes what is there and needs the verb.
_OUTPUT = re.compile(r"\d[\d.]*(?:万|亿)?\x20?(?:亩|头|只|羽|箱|公里|千米|座|套|栋|家|处)")
_STOCK = re.compile(r"面积|里程|总量|存栏|保有")
# A cue that is no broad word is supported by a verb of work anywhere in its sentence, by a
# result ("…全覆盖", "实现…", "已…") or by a count ("54户68人", "两个合作社").
_RESULT = re.compile(rf"{_PERFECTIVE}|已|正在|覆盖|实现|达到|均达|清零|无一(?:人|户|名|例)")
# "一个缩影", "一户一栋" count nothing.
_COUNT = re.compile(
    r"(?:\d|(?!一[个户人名家座所处])[一两二三四五六七八九十百千万])+(?:余|多)?\x20?"
    r"(?:户|人|名|个|家|座|所|处|亩|套|批|项|支|元)"
)
# An amount per unit or a ceiling is a rate, no count of what was done: "公益性岗位人员每月补贴800元",
# "人均2.5万元", "额度最高不超过5万元", "最高可贷5万元", "5万元以下", with the payment it is the rate of
# ("搬迁户每人补助2万元"), and one worker's pay ("护林员年工资1万元", "月薪3000元"). A rate raised is
# work on its policy: "将低保标准提高到每人每年5200元".
_RATE = re.compile(
    r"(?P<raised>(?:提高|提升|上调)[到至])?"
    r"(?:每[^,。;\d]{0,6}|[人户亩生月]均|(?:最高|不超过|不高于|上限)[^,。;\d]{0,3}"
    r"|[年月日]?(?:工资|薪|薪酬|报酬)(?:为|达到?|约|有)?)[\d.]+万?(?:余|多)?\x20?元"
    r"|[\d.]+万?\x20?元(?:以下|以内|封顶)"
)
# Sector names that name a measure only in a list of the basic guarantees ("落实教育、卫生、住房等
# 保障政策", "改善群众的医疗、住房、教育条件"); alone they name a sector ("红色教育旅游").
_SECTOR_NAMES: frozenset[str] = frozenset({"教育", "卫生"})
_GUARANTEES = re.compile(r"(?:教育|卫生|医疗|住房)[、和与及](?:教育|卫生|医疗|住房)")
# A broad word followed by the staff or the body of its sector names people or departments:
# "组织帮扶干部和卫生、教育专业技术人员赴浙江学习", "民政、教育、医疗等部门", "县旅游局", and the
# canteens that buy ("学校食堂优先采购贫困户农产品").
_SECTOR_STAFF = re.compile(
    r"(?:[、和与及](?:教育|卫生|医疗|住房|民政|交通|水利|农业|人社|财政|扶贫))*等?"
    r"(?:部门|人员|系统|单位|局|专业技术|工作者|食堂)"
)
# ...but 务工人员, 就业人员 are the workers the work is for ("吸纳务工人员860人").
_WORKERS: frozenset[str] = frozenset({"务工", "就业"})
# Roads named as a figure of speech or a place, by what comes just before them: "走上了产业发展
# 道路" is a path, "沿公路一侧建起营业房" says where.
_NOT_A_ROAD: dict[str, re.Pattern[str]] = {
    "道路": re.compile(r"(?:(?:发展|致富|脱贫|小康|振兴|幸福|特色)的?|沿)$"),
    "公路": re.compile(r"沿$"),
    "水泥路": re.compile(r"沿着?$"),
}
# A cue that is a firm's name after its first word: "国家电网某供电所", "南方电网".
_FIRM: dict[str, re.Pattern[str]] = {"电网": re.compile(r"(?:国家|南方)$")}
# Everyone's bodies, not the region's: "各级党组织和广大党员干部冲锋在前", "展示各地驻村工作队的
# 风采" (but "全县各级党组织" is the region's own).
_EVERYONE = re.compile(rf"{_not_after('全[省市县区州盟旗镇乡]', '各')}(?:级|地)[^,]{{0,4}}$")
# A cue inside the requirement a region follows names the requirement: "按照“一村一品”的要求".
_FOLLOWED_BEFORE = re.compile(r"按照[^,。]{0,12}$")
_FOLLOWED_AFTER = re.compile(r"[^,。]{0,6}?的?(?:要求|部署|思路|原则)")
# Cues that are also adverbs saying how other work was done: "为特困户兜底建设保障房" is housing.
_MANNER: dict[str, re.Pattern[str]] = {"兜底": re.compile(r"建|修|改造|安置|解决")}
# A broad cue right after 依托/借助/利用 is the means of other work: "依托合作社发展乡村旅游" is
# tourism, "依托文旅公司平台吸纳社会资本" is no tourism.
_MEANS = re.compile(r"(?:依托|借助|利用)[^,]{0,4}$")
# Cues that belong to another category when their sentence is about it.
# A poverty workshop or factory is industry, or employment when the sentence is about its jobs or
# wages.
_ABOUT_JOBS = re.compile(r"就业|务工|岗位|工资|月收入|上班|打工")
_RECLASSIFIED: dict[str, tuple[re.Pattern[str], str]] = {
    "扶贫车间": (_ABOUT_JOBS, "employment"),
    "扶贫工厂": (_ABOUT_JOBS, "employment"),
    # New houses on a relocation site are part of the relocation.
    "住房": (re.compile(r"安置|搬迁|移民"), "relocation"),
    # People placed in jobs ("安置贫困劳动力就业") are employed, not relocated.
    "安置": (re.compile(r"安置[^,]{0,10}(?:就业|上岗)"), "employment"),
}
# Facilities that come with a relocation site are part of the relocation: "这一易地扶贫搬迁项目建设
# 包括供电线路、人饮工程", "安置区水电配套基础设施完工", "移民村配套建成一所小学".
_SITE_FACILITIES: frozenset[str] = frozenset({"infrastructure", "education", "health", "housing"})
_PART_OF_A_SITE = re.compile(r"(?:安置|搬迁|移民)[^。]*(?:配套|包括)")
# A heading or an opening that announces problems ("二、存在的问题", "存在的问题:一是…", "当前仍存在一些
# 短板弱项:…", what a check found: "排查发现:一是…", a list of problems: "问题整改清单:1.…") makes the
# rest of its paragraph problems, and a heading the paragraphs up to the next heading: a measure named
# there is what is wanting ("合作社带贫能力不强").
_PROBLEM_SECTION = re.compile(
    r"^.{0,16}?(?:存在[^,。:]{0,8}?(?:问题|不足|困难|短板|弱项|差距)|(?:问题|困难|短板)[和与](?:不足|问题|弱项|困难)|"
    r"(?:排查|检查|督查|巡查|暗访|审计)发现|(?:问题|整改|负面)清单)"
    r"(?:[^,。]{0,6}(?::|$))",
    re.MULTILINE,  # or a line of it, as a section of plans
)
# A line this short without a full stop or a comma is a heading or a title ("3.1 产业扶贫",
# "故事之一:修公路", "一名驻村“第一书记”的周末"): it names a topic.
_HEADING_CHARS = 30
_BODY_PUNCTUATION = re.compile(r"[。!?;,]")
# Work said of a level above the region ("据统计,全国累计选派第一书记…", "国家累计选派…", "党中央把…",
# "多年来在全国各地实施了…项目" in a county report; not a national body, "国家统计局…", "国家开发银行…")
# is not the region's: the self-reference that opens the cue's clause, or the last one opening a clause
# before it in its sentence, after a time or a source at most.
_LEVELS: tuple[Level, ...] = get_args(Level)  # from the nation down
_NATION: tuple[str, ...] = ("全国", "国家", "党中央")
_ABOVE: dict[str, frozenset[Level]] = {
    who: frozenset(_LEVELS[_LEVELS.index(level) + 1 :])
    for who, level in (*((nation, "national") for nation in _NATION), ("全省", "province"))
}
# A township or village never calls itself 全县 or 全市: in its report those are the county's (or
# the city's) work ("全县建成扶贫车间56个" on a township's page), as 全省 is in a county's. (A
# county-level city is 全市 to itself, so 全市 is above no county.)
_BELOW_COUNTY: frozenset[Level] = frozenset({"township", "village"})
_ABOVE |= {who: _BELOW_COUNTY for who in ("全县", "全区", "全旗", "全市", "全州", "全盟")}
_ABOVE |= {who: frozenset({"village"}) for who in ("全镇", "全乡", "全苏木", "全街道")}
# The self-references above each level: 全国 and 全省 above a county.
_ABOVE_OF: dict[Level, frozenset[str]] = {
    level: frozenset(who for who, below in _ABOVE.items() if level in below) for level in _LEVELS
}
_CLAUSE_SUBJECT = re.compile(
    r"(?:\d{4}年(?:以来|底|末)?|截至[^,]*|据[^,]*(?:统计|了解|介绍)|目前|如今|[近多]年来|同时|此外|今年|去年|\s|"
    r"在(?=全[国省]各地))*"
    r"(?P<who>[全我该本][国省市州县区旗乡镇村]|国家(?!级|[\u4e00-\u9fff]{0,6}?(?:局|部|委|院|署|办|中心|银行|开发))|党中央)"
)
# Clauses end at commas, colons, semicolons and the "……" closing an enumeration.
_CLAUSE = re.compile(r"[^,;:…]+")
# A name in a list of names ("产业扶贫、易地搬迁、健康扶贫等"): 、 or 等 right after it, or 、 right
# before it (a stray comma or space of a badly converted page beside the 、 is no break).
_LIST_NEXT = re.compile(r"[,\s]*、|等")
_LIST_PREVIOUS = re.compile(r"、[,\s]*$")
# A listed cue this short holding a verb of work is an act ("修路"), not a programme's name.
_ACT_CHARS = 3
_SUMMARY_CHARS = 60
_SHORT_CLAUSE = 10

# Another place's work: the last place named before a cue in its sentence is a division that is
# neither the region, nor inside it, nor holding it ("邻近的会宁县通过发展乡村旅游…" in a report on
# 西吉县). A place named as where money, firms or goods come from or go to, where work is done, as
# a partner or a helper is none ("引进浙江企业", "销往北京", "在广州设立工作站", "张家港市援建…").
_RELATION_BEFORE = re.compile(
    r"(?:引进|来自|从|在|与|和|同|向|到|赴|销往|对口|帮助|帮扶|支援|援助)[^,;:。]{0,2}$"
)
# Places named alone after 在 in a clause of their own set the scene of what follows, its subject:
# "在浙江安吉,乡村旅游已经成为…" (not a site of work, "在广州设立工作站", nor a helper, "在浙江的帮助下,").
_SCENE = re.compile(r"\s*在\s*")
_SCENE_BREAKS = ",;:。\n"
_SCENE_END = re.compile(r"\s*[,:]")
_ACTOR_AFTER = re.compile(
    r"[省市县区州盟旗]?(?:委|政府|党委|人大|政协|财政|扶贫|日报|电视台|新闻网|融媒体|企业|公司)"
    r"|[^,;:。]{0,4}(?:帮扶|援建|支援|协作|对口|捐|援助|出资|资助|投入)"
)

_COOPERATION = re.compile(r"东西部|扶贫协作|对口帮扶|对口支援|携手奔小康")
# A helper's work for the region: words of help or of the poor it is for, once its title is taken out
# ("对口帮扶城市", "协作方" name it, they say nothing of what it does).
_HELPER_TITLE = re.compile(r"(?:对口|东西部)?(?:帮扶|协作|支援|援助)(?:城市|方|省|市|区|县)")
_HELPING = re.compile(
    r"援|帮扶|扶贫|协作|支援|捐|资助|结对|对口|携手|采购|吸纳|贫困|脱贫|农产品|劳务|务工|籍|西部|受援"
)
_NEIGHBOUR_BEFORE = re.compile(rf"(?:{NEIGHBOUR}|邻省|邻县|邻市)$")

_KIND_OF: dict[str, str] = {cue: kind.key for kind in MEASURE_KINDS for cue in kind.cues}
_RANK: dict[str, int] = {cue: rank for kind in MEASURE_KINDS for rank, cue in enumerate(kind.cues)}
# The longest cue at each position (see literals.longest_first).
_CUES = literals.longest_first(_KIND_OF)


@dataclass(frozen=True)
class _Reading:
    """A sentence as the cue rules read it: its cues, and its text with every cue blanked out,
    since a verb inside a cue (产业发展, 转移就业) says nothing about the words around it. What
    every cue of the sentence asks about it (its clauses, its plan words) is worked out once."""

    sentence: Sentence
    cues: list[re.Match[str]]
    bare: str
    # What the sentence's place says of it (a section, a chain, a heading, a task page): see
    # ``_readings``.
    frame: str | None = None
    _not_done: dict[tuple[int, int], str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, sentence: Sentence, frame: str | None = None) -> _Reading:
        """The sentence with its cues found and blanked out.

        >>> _Reading.of(Sentence(0, 8, "推进产业扶贫项目")).bare
        '推进||||项目'
        """
        text = sentence.text
        cues = list(_CUES.finditer(text))
        pieces, end = [], 0
        for cue in cues:
            pieces += (text[end : cue.start()], "|" * (cue.end() - cue.start()))
            end = cue.end()
        return cls(sentence, cues, "".join(pieces) + text[end:] if cues else text, frame)

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property
    def objection(self) -> str | None:
        """Why the sentence reports no work at all, or None when it may report some: its frame,
        else what it is (``_NOT_A_REPORT``), read only for a sentence whose cues are considered."""
        return self.frame or _first(_NOT_A_REPORT, self.text)

    @cached_property
    def _clauses(self) -> tuple[list[int], list[int]]:
        spans = [m.span() for m in _CLAUSE.finditer(self.text)]
        return [start for start, _ in spans], [end for _, end in spans]

    def _clause_span(self, at: int) -> tuple[int, int]:
        starts, ends = self._clauses
        i = bisect_right(starts, at) - 1
        if i < 0 or at >= ends[i]:
            raise ValueError(f"offset {at} is in no clause of {self.text!r}")
        return starts[i], ends[i]

    def clause(self, at: int, bare: bool = False) -> str:
        """The clause holding offset ``at``, as written or with its cues blanked out."""
        start, end = self._clause_span(at)
        return (self.bare if bare else self.text)[start:end]

    def not_done(self, at: int) -> str | None:
        """Why the clause holding ``at`` reports no work done (``_NOT_DONE``), or None; a clause
        the next one defines or judges (``_DEFINING``, ``_JUDGING``) is the subject of a definition."""
        span = self._clause_span(at)
        if span not in self._not_done:
            why = _first(_NOT_DONE, self.text[span[0] : span[1]]) or self._defined_after(*span)
            self._not_done[span] = why or self._elsewhere_before(span[0])
        return self._not_done[span]

    def _defined_after(self, start: int, end: int) -> str | None:
        """The definition or judgement opening the clause after the one from ``start`` to ``end``."""
        defined = _DEFINING.match(self.text, end + 1)
        clause = self.bare[start:end]
        if defined is None and not (_RESULT.search(clause) or _counts(clause)):
            defined = _JUDGING.match(self.text, end + 1)
        return f"definition {defined.group().strip()}" if defined else None

    def _elsewhere_before(self, start: int) -> str | None:
        """Another place opening an earlier clause (``_NOT_DONE``'s "elsewhere") stays the subject of
        the clauses after it, up to one with a subject or a turn of its own ("协作方所在的城市近年来大力
        发展电子商务,网络零售额位居全国前列"; "有的地方…,而我们…")."""
        starts, ends = self._clauses
        own = bisect_right(starts, start) - 1
        for i in range(own, -1, -1):
            clause = self.text[starts[i] : ends[i]]
            if i < own and (found := _NOT_DONE["elsewhere"].search(clause)):
                return f"elsewhere {found.group().strip()}"
            if self._subjects[i] or _TURN.match(clause):
                return None
        return None

    def _governs(self, word: re.Match[str]) -> bool:
        """A plan word governs unless it stands inside a cue ("雨露计划") or right after one, naming
        a programme ("营养改善计划"), or work under way follows it ("计划…,目前正在实施")."""
        at = word.start()
        programme = word.group() == "计划"  # "学校要…" is a must-word after its subject, no name
        named = any(c.start() <= at < c.end() or (programme and c.end() == at) for c in self.cues)
        return not named and not _UNDER_WAY.search(self.text, word.end())

    @cached_property
    def governors(self) -> tuple[tuple[int, str] | None, ...]:
        """The first plan word, formulation word and word of ``_GOVERNING`` that govern what follows
        them, and others' experience introduced and a condition set for the rest of the sentence:
        (offset, "name word")."""
        return (
            *(
                next(
                    (
                        (m.start(), f"{name} {m.group()}")
                        for m in pattern.finditer(self.text)
                        if self._governs(m)
                    ),
                    None,
                )
                for name, pattern in (("plan", _PLAN), ("formulation", _FORMULATION), *_GOVERNING.items())
            ),
            (m.start(), f"elsewhere {m.group()}") if (m := _EXPERIENCE_SHOWN.search(self.text)) else None,
            (m.start(), f"condition {m.group()}") if (m := _CONDITION.search(self.text)) else None,
        )

    def must_after(self, cue: re.Match[str]) -> str | None:
        """A plan or must-word after the cue in its own clause governs the cue as its subject
        ("各学校要落实…", "安置点建设将于下月开工")."""
        end = self._clause_span(cue.start())[1]
        word = next((m for m in _PLAN.finditer(self.text, cue.end(), end) if self._governs(m)), None)
        return f"plan {word.group()}" if word else None

    @cached_property
    def _subjects(self) -> list[str | None]:
        """The self-reference opening each clause (``_CLAUSE_SUBJECT``), if any."""
        return [m["who"] if (m := _CLAUSE_SUBJECT.match(self.text, s)) else None for s in self._clauses[0]]

    @cached_property
    def part_of_a_site(self) -> bool:
        """Whether the sentence says what a relocation site comes with (``_PART_OF_A_SITE``)."""
        return bool(_PART_OF_A_SITE.search(self.text))

    def above(self, cue: re.Match[str], level: Level | None) -> str | None:
        """The level above the region (``_ABOVE``) the cue's clause is said of, if any. A region
        not found is not the country, which a report on it names ("全国"): in a report whose
        region is unknown, "据统计,全国累计选派…" is the country's work, not its own."""
        starts, _ = self._clauses
        subjects = self._subjects[: bisect_right(starts, cue.start())]
        who = next((who for who in reversed(subjects) if who), None)
        above = who in _ABOVE and (level in _ABOVE[who] or (level is None and who in _NATION))
        return f"a higher level's: {who}" if above else None

    @cached_property
    def reports(self) -> bool:
        """Whether the sentence, its cues blanked out, says something was done."""
        return _reports(self.bare)

    @cached_property
    def counted(self) -> bool:
        """A verb of work and a count outside the cues: the best evidence."""
        return bool(_WORK.search(self.bare) and _counts(self.bare))


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    cue: re.Match[str]  # in the sentence's text
    reading: _Reading

    def strength(self) -> tuple[int, int]:
        """Lower is better evidence: a verb of work with a count first, then the stronger cue."""
        return (0 if self.reading.counted else 1, _RANK[self.cue.group()])

    def beats(self, other: _Hit) -> bool:
        """``self.strength() < other.strength()``, its sentence's count read only when the ranks do
        not decide."""
        rank, other_rank = _RANK[self.cue.group()], _RANK[other.cue.group()]
        if other.reading.counted:
            return rank < other_rank and self.reading.counted
        return rank < other_rank or self.reading.counted


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
    if len(sentence.text) > _HEADING_CHARS or _BODY_PUNCTUATION.search(sentence.text):
        return False  # so is its line, which holds it
    line_start = document.text.rfind("\n", 0, sentence.start) + 1
    line_end = document.text.find("\n", sentence.end)
    line = document.text[line_start : line_end if line_end >= 0 else len(document.text)].strip()
    return len(line) <= _HEADING_CHARS and not _BODY_PUNCTUATION.search(line)


def _readings(document: Document, sentences: Sequence[Sentence]) -> Iterator[_Reading]:
    """Each sentence read, with the frame its place gives it (``_Reading.objection``). A statement
    chained with ";" keeps the frame of its first part ("本报开设专栏,…;展示…")."""
    tasks = _first({"task document": _TASK_DOCUMENT}, document.title or "")
    plans = plan_sections(document, sentences)
    section: str | None = None  # "plan section" or "problem section"
    problems_headed = False  # a problem heading lasts to the next heading
    chained: str | None = None
    for previous_end, sentence in zip([0, *(s.end for s in sentences)], sentences, strict=False):
        heading = _is_heading(document, sentence)
        if "\n" in document.text[previous_end : sentence.start]:
            chained = None
            if not (problems_headed and not heading):
                section, problems_headed = None, False
        if plan := plans.at(sentence.start):
            if plan.heading:  # the rest of the report is plans
                return
            section = "plan section"
        elif _PROBLEM_SECTION.search(sentence.text):
            section, problems_headed = "problem section", heading
        frame = (
            section
            or chained
            or ("heading" if heading else None)
            or (tasks if tasks and not _UNDER_WAY.search(sentence.text) else None)
        )
        reading = _Reading.of(sentence, frame)
        chained = None
        if sentence.text.endswith(";") and (objection := reading.objection) != "heading":
            chained = objection
        yield reading


def _governing_word(reading: _Reading, cue: re.Match[str]) -> str | None:
    """The plan, formulation or others' experience governing the cue, if any."""
    for found in reading.governors:
        if found is not None and found[0] < cue.start():
            return found[1]
    return reading.must_after(cue)


def _misread(text: str, cue: re.Match[str]) -> str | None:
    """Why the cue does not name work on the measure where it stands."""
    word, before, after = cue.group(), text[: cue.start()], text[cue.end() :]
    if (
        _LACK_BEFORE.search(before)
        or _WISHED.search(before)
        or (_LACK_AFTER.match(after) and not _SOLVED.search(before))
    ):
        return "a need or lack of it"
    if _LEARNT_BEFORE.search(before) and _LEARNT_AFTER.match(after):
        return "others' experience learnt"
    if _OWNED_ELSEWHERE.search(before):
        return "another place's"
    not_a_road = _NOT_A_ROAD.get(word)
    if not_a_road and not_a_road.search(before):
        return "a path or a place, not a road built"
    if (firm := _FIRM.get(word)) and firm.search(before):
        return "a firm's name"
    if word in _STATUSES and _COUNTED.match(after):
        return "a group of the population counted"
    if _TARGET_GROUPS.match(after):
        return "a group of the population named"
    if _BODY_PEOPLE.match(after):
        return "a body's name"
    if word in _OFFICES and _OFFICE.match(after):
        return "a person's office"
    if (speaker := _SPEAKER.match(after)) and (speaker["title"] or re.search(f"(?:{_TITLES})$", word)):
        return "who speaks, by office"
    if (
        word in _BROAD
        and (staff := _SECTOR_STAFF.match(after))
        and not (word in _WORKERS and staff[0] == "人员")
    ):
        return "a department or its staff"
    if _EVERYONE.search(before):
        return "everyone's, not the region's"
    if word in _BROAD and _MEANS.search(before):
        return "means of other work"
    if _FOLLOWED_BEFORE.search(before) and _FOLLOWED_AFTER.match(after):
        return "the requirement followed"
    if (manner := _MANNER.get(word)) and manner.match(after):
        return "how other work was done"
    if any(m.start() < cue.start() < m.end() for m in _TITLE.finditer(text)):
        return "title"
    return None


def _reports(text: str) -> bool:
    """Whether ``text`` says something was done: a verb of work, a result or a count, outside its
    rates (a payment at a rate, "搬迁户每人补助2万元", states the rate).

    >>> _reports("易地扶贫搬迁户每人补助2万元"), _reports("为搬迁户发放补助资金2000万元")
    (False, True)
    """
    rest = _without_rates(text)
    return _acts(rest) or bool(_COUNT.search(rest))


def _counts(text: str) -> bool:
    """Whether ``text`` counts something done (``_COUNT``), its rates (``_RATE``) left out.

    >>> _counts("安置房每平方米价格2000元"), _counts("共建成安置房1200套")
    (False, True)
    """
    return bool(_COUNT.search(_without_rates(text)))


def _without_rates(text: str) -> str:
    """``text`` with its rates (``_RATE``) taken out, but for the rates raised."""
    return _RATE.sub(lambda rate: rate[0] if rate["raised"] else "", text)


def _acts(text: str) -> bool:
    """Whether ``text`` says something was done by a verb of work or a result (not a count)."""
    return bool(_WORK.search(text) or _RESULT.search(text))


def _is_an_act(word: str) -> bool:
    """A short verb and object ("修路、引水、改电") lists acts; a longer name is a programme
    (转移就业, 整村推进).

    >>> _is_an_act("修路"), _is_an_act("转移就业")
    (True, False)
    """
    return len(word) <= _ACT_CHARS and bool(_WORK.search(word))


def _is_listed(text: str, cue: re.Match[str]) -> bool:
    return bool(_LIST_NEXT.match(text, cue.end()) or _LIST_PREVIOUS.search(text, 0, cue.start()))


def _unsupported(reading: _Reading, cue: re.Match[str]) -> str | None:
    """A sector name alone; a broad cue with neither a verb of work beside it nor an output; a name
    in a list ("产业扶贫、易地搬迁……") whose clause does nothing with it and that is no act itself;
    any other cue in a sentence that says nothing was done."""
    word = cue.group()
    clause, bare_clause = reading.clause(cue.start()), reading.clause(cue.start(), bare=True)
    if word in _SECTOR_NAMES and not _GUARANTEES.search(clause):
        return "sector name outside a list of guarantees"
    if word in _BROAD:
        if _WORK.search(_without_rates(bare_clause)) or (
            _OUTPUT.search(clause) and not _STOCK.search(clause)
        ):
            return None
        return "broad word without a verb of work or an output"
    if _GROUP_NOUN.search(word) and _GROUP_COUNT.match(reading.text, cue.end()) and not _acts(bare_clause):
        return "a group of the population counted"
    if _is_listed(reading.text, cue):
        acted = _reports(bare_clause) or _is_an_act(word)
        return None if acted else "a listed name without a verb of work, result or count"
    return None if reading.reports else "no verb of work, result or count"


@dataclass(frozen=True)
class _Places:
    """The places a text names, each marked as the region's (the region, a place inside it or
    holding it, a self-reference such as 全县), a helper's or elsewhere."""

    starts: list[int]
    mentions: list[tuple[int, int, str, bool, bool]]  # start, end, text, elsewhere, a helper
    # A township's or village's name forms (the gazetteer lists few): a line naming it is its own.
    local_forms: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str, region: Region | None) -> _Places:
        """Where the region is unknown, only a neighbour (邻近的会宁县) is known to be elsewhere. In
        East-West cooperation the helping side's work may be for the region it helps."""
        cooperation = bool(_COOPERATION.search(text))
        forms = set(name_forms(region.name)) if region else set()
        ours = {region.name, region.province, region.prefecture, region.county} - {None} if region else set()
        # A self-reference to a level above the region ("位居全国前列" in a county's report) is none of
        # its own.
        above = _ABOVE_OF.get(region.level, frozenset()) if region else frozenset()
        local = region is not None and region.level in _BELOW_COUNTY
        found = [
            (m.start(), m.end(), m.group(), m.group() in above, False) for m in SELF_REFERENCE.finditer(text)
        ]
        for m in gazetteer().find_mentions(text):
            d = m.division
            related = (
                region is None
                or m.text in forms
                or d.name in ours
                or region.name in (d.province, d.prefecture, d.county)
            )
            helper = not related and cooperation and is_eastern_helper(d)
            neighbour = bool(_NEIGHBOUR_BEFORE.search(text, max(0, m.start - 4), m.start))
            # On a township's or village's page its county (or city) named alone does the county's
            # work ("康保县在县城建设的安置区…"); named with the region ("康保县张纪镇") it is the region's.
            parent = local and d.name in ours and d.name != region.name  # type: ignore[union-attr]
            elsewhere = neighbour or parent or not (related or helper)
            found.append((m.start, m.end, m.text, elsewhere, helper and not neighbour))
        found.sort()
        return cls([f[0] for f in found], found, tuple(forms) if local else ())

    def elsewhere(self, reading: _Reading, cue: re.Match[str]) -> str | None:
        """The other place whose work the cue reports, if any: one named before it, in a sentence
        that names neither the region nor a place of its own (a partner's work for the region
        names the region it is for: "吴江区…吸纳了沿河籍务工人员"). A helper's work is for the region
        when its line says it helps ("新建了5个消费扶贫馆", "采购农产品"), its own when it does not
        ("作为对口帮扶城市,杭州市近年来大力发展直播电商")."""
        sentence, text = reading.sentence, reading.text
        # Within the cue's line: a line cut off without a full stop runs on into the next one.
        line_start = sentence.start + text.rfind("\n", 0, cue.start()) + 1
        newline = text.find("\n", cue.end())
        line_end = sentence.start + (newline if newline >= 0 else len(text))
        # A place opening the next sentence ("…人;全市…") is not in this one's line: line_end is its start.
        start, end = bisect_right(self.starts, line_start - 1), bisect_left(self.starts, line_end)
        line = text[line_start - sentence.start : line_end - sentence.start]
        if any(form in line for form in self.local_forms):
            return None
        helps = bool(_HELPING.search(_HELPER_TITLE.sub("", line)))
        named = [
            (at, to, name, elsewhere or (helper and not helps))
            for at, to, name, elsewhere, helper in self.mentions[start:end]
        ]
        if any(not elsewhere for *_, elsewhere in named):
            return None
        for at, to, name, _ in reversed(named):
            local, local_end = at - sentence.start, to - sentence.start
            if local_end <= cue.start() and self._sets_the_scene(text, sentence.start, local_end):
                return f"another place's work ({name})"
            if (
                local_end > cue.start()
                or _RELATION_BEFORE.search(text, 0, local)
                or _ACTOR_AFTER.match(text, local_end)
            ):
                continue  # after or inside the cue, or a partner, helper, origin or site: not the subject
            return f"another place's work ({name})"
        return None

    def _sets_the_scene(self, text: str, offset: int, end: int) -> bool:
        """Whether the places ending at ``end`` fill a clause after 在 (``_SCENE``): the sentence's
        own text, which starts at ``offset`` in the document."""
        clause_start = max(text.rfind(c, 0, end) for c in _SCENE_BREAKS) + 1
        if not _SCENE_END.match(text, end):
            return False
        start, stop = bisect_left(self.starts, offset + clause_start), bisect_left(self.starts, offset + end)
        words = text[clause_start:end]
        for _, _, name, *_ in self.mentions[start:stop]:
            words = words.replace(name, "", 1)
        return bool(_SCENE.fullmatch(words))


def _objection(reading: _Reading, cue: re.Match[str], level: Level | None, places: _Places) -> str | None:
    """Why this cue does not report work done in the region (of ``level``), or None when it does."""
    return (
        _governing_word(reading, cue)
        or reading.above(cue, level)
        or places.elsewhere(reading, cue)
        or reading.not_done(cue.start())
        or _misread(reading.text, cue)
        or _unsupported(reading, cue)
    )


def _kind(cue: str, reading: _Reading) -> str:
    about, other = _RECLASSIFIED.get(cue, (None, ""))
    if about and about.search(reading.text):
        return other
    kind = _KIND_OF[cue]
    return "relocation" if kind in _SITE_FACILITIES and reading.part_of_a_site else kind


def _note(trace: Trace, hit: _Hit, decision: str) -> None:
    """One step per cue considered: its category, the cue, and the clause it stands in."""
    if not trace.enabled:
        return  # an ordinary run: the step's text would be built for nothing
    cue, reading = hit.cue, hit.reading
    at = reading.sentence.start + cue.start()
    trace.note(f"measures.{hit.kind}", f"cue:{cue.group()}", reading.clause(cue.start()), decision, at)


def _hits(
    document: Document, sentences: Sequence[Sentence], trace: Trace, region: Region | None
) -> dict[str, _Hit]:
    """The best cue of each category that reports work done (the lowest ``_Hit.strength``, the
    first of equals), by category in the order they are found, for a traced run. Skipped cues are
    traced until their category is found; after that a cue that could not replace the one kept
    (``_Hit.beats``) is not read at all: neither the output nor the trace would change whatever its
    rules say."""
    best: dict[str, _Hit] = {}
    level = region.level if region else None
    places = _Places.of(document.text, region)
    for reading in _readings(document, sentences):
        for cue in reading.cues:
            hit = _Hit(_kind(cue.group(), reading), cue, reading)
            kept = best.get(hit.kind)
            if kept is not None and not hit.beats(kept):
                continue
            why = reading.objection or _objection(reading, cue, level, places)
            if why is None:
                best[hit.kind] = hit
            elif kept is None:
                _note(trace, hit, f"skipped: {why}")
    return best


def _best_hits(
    document: Document, sentences: Sequence[Sentence], region: Region | None
) -> tuple[dict[str, _Hit], Callable[[str], int]]:
    """What ``_hits`` keeps, for a run that traces nothing, with fewer cues read: each category's
    cues are read best first (``_Hit.strength``, then the text's order) until one reports work.

    With them comes where a category is first found (the place, in the text's order of all cues,
    of its first cue that reports work: ``_hits``'s order), worked out only when asked."""
    level = region.level if region else None
    places = _Places.of(document.text, region)
    cues: dict[str, list[tuple[int, _Hit]]] = {}
    order = count()
    for reading in _readings(document, sentences):
        for cue in reading.cues:
            hit = _Hit(_kind(cue.group(), reading), cue, reading)
            cues.setdefault(hit.kind, []).append((next(order), hit))
    read: dict[int, bool] = {}  # the place of a cue read: whether it reports work

    def reports_work(at: int, hit: _Hit) -> bool:
        if at not in read:
            read[at] = not (hit.reading.objection or _objection(hit.reading, hit.cue, level, places))
        return read[at]

    best: dict[str, _Hit] = {}
    for kind, hits in cues.items():
        # sorted() is stable: of equal strength, the first in the text is read first.
        for at, hit in sorted(hits, key=lambda found: found[1].strength()) if len(hits) > 1 else hits:
            if reports_work(at, hit):
                best[kind] = hit
                break

    def first_found(kind: str) -> int:
        return next(at for at, hit in cues[kind] if reports_work(at, hit))

    return best, first_found


def find_measures(
    document: Document, sentences: Sequence[Sentence], trace: Trace, region: Region | None = None
) -> list[Measure]:
    """At most one measure per category of the ``region`` (when known), in the order the article
    reports them; of the same evidence, the category found first comes first."""
    if trace.enabled:
        hits = _hits(document, sentences, trace, region)
        first_found: Callable[[str], int] = list(hits).index
    else:
        hits, first_found = _best_hits(document, sentences, region)
    found: list[Measure] = []
    for kind, hit in hits.items():
        cue, sentence = hit.cue, hit.reading.sentence
        _note(trace, hit, "kept")
        found.append(
            Measure(
                category=kind,
                summary=_summary(sentence, cue.start(), cue.end()),
                evidence=evidence(document, sentence),
            )
        )
    measures: list[Measure] = []
    for _, same in groupby(sorted(found, key=lambda m: m.evidence.start), key=lambda m: m.evidence.start):
        group = list(same)
        measures += sorted(group, key=lambda m: first_found(m.category)) if len(group) > 1 else group
    return measures
