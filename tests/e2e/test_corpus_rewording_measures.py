"""Metamorphic rewordings of the real train pages' own measure sentences, in place. For each measure
category the rules report on a train page and its gold agrees with, the sentence the rules quote as
evidence is reworded and put back where it stood:

- meaning KEPT (a verb changed, a subject added or removed, a list's "一是", a number first, a time or
  a source before it...): the category must stay;
- meaning REMOVED (turned into a plan, a must, a target, a requirement, a question, a wish, a
  condition, a definition, another place's work, a problem found...): the category must go. Where
  it is then found in another sentence, that one is reworded too, until the category is gone or
  a sentence the rewording does not apply to gives it (that page is not checked).

The expected result is known without a human reading the page: a rule tied to the one way the
train pages happen to write their work fails on the pages that write it another way. Each rewording
is written for this test; only `train` is used, `test` stays unseen.

The texts are third-party and not in the repository: without ../shared/corpus these tests skip.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from test_corpus_insertions import ROOT, TEXTS

from povsum import Document
from povsum.evaluate import load_split
from povsum.extractors.rules.measures import find_measures
from povsum.extractors.rules.region import find_region
from povsum.extractors.rules.trace import Trace
from povsum.models import Measure
from povsum.regions import gazetteer
from povsum.sentences import split_sentences

CORPUS = ROOT / "tests" / "corpus"

pytestmark = pytest.mark.skipif(not TEXTS.is_dir(), reason="the corpus texts (../shared/corpus) are not here")


@dataclass(frozen=True)
class Case:
    """A category the rules report on a train page and its gold agrees with, and what a rewording
    needs to know of the page: its (normalized) text, where the evidence stands, its region."""

    stem: str
    category: str
    text: str
    start: int
    end: int
    own: str  # the region's self-reference: 全县, 全市, 全省, 全镇, 全村...
    level: str | None  # the region's, where the rules find it
    province: str | None
    places: frozenset[str]  # every place the rules read on the page, as written there
    names: tuple[str, ...]  # the region's name forms (gold accept)


# A rewording: the sentence (its end punctuation kept by the caller) reworded, or None where it does
# not apply.
Rewording = Callable[[str, Case], str | None]

_END = re.compile(r"[。;!?…\s]*$")
# A done-marker: the perfective 了 (not 为了, 除了, 了解, 不了), 已经/已, 正在, and words of a total so far.
_DONE = re.compile(r"(?<![为除不])了(?!解)|已经|已(?!于)|正在|累计|先后|相继|陆续")
# Openings that date or place what follows as achieved: they do not fit a plan, a must or a wish.
_PAST = re.compile(r"以来|年来|截至|截止|目前|如今|现在|去年|前年|此前|过去|曾|\d{4}年(?:底|末|初)?")
# An opening time or source clause before the subject: "近年来,", "2019年,", "据了解,".
_OPENING = re.compile(r"^(?:[^,。;:“”]{0,14}(?:年|以来|目前|如今|同时|此外|据[^,]{0,8}|了解到|介绍)),")
# Who says it, opening the sentence: "…负责人介绍说,", "据了解,", "记者获悉,".
_SPEAKER = re.compile(r"^[^,。;:“”]{0,30}?(?:介绍说|介绍|表示|说|指出|获悉|了解到|据了解)[,:]")
_SELF = re.compile(r"^(?:全|我|该|本)[省市州盟县区旗镇乡村]|^(?:县|市|乡|镇|村)里")
_SUFFIXES = "省市州盟县区旗镇乡村"
_LEVEL_SUFFIX = {"province": "省", "prefecture": "市", "county": "县", "district": "区", "township": "镇"}


# A time opening the sentence ("2017年,", "近年来,", "截至目前,"): a plan or a wish drops it.
_TIME_OPENING = re.compile(r"^[^,。;:“”]{0,14}(?:年|以来|年来|目前|如今|年底|月底|间),")


def _undone(body: str) -> str | None:
    """The sentence with its time opening and done-markers taken out, for a plan or a wish; None when
    it still dates the work as achieved ("…,2019年以来…", "截至目前")."""
    body = _TIME_OPENING.sub("", body)
    if _PAST.search(body):
        return None
    return _DONE.sub("", body)


def _framed(frame: str, after_a_speaker: bool = True) -> Rewording:
    """``frame`` with the sentence, done-markers taken out, at its ``{}``; after who says it, when the
    sentence opens with a speaker ("…负责人介绍说,下一步,…"), or (not ``after_a_speaker``) not at
    all."""

    def reworded(body: str, case: Case) -> str | None:
        speaker = _SPEAKER.match(body)
        if speaker and not after_a_speaker:
            return None
        said, rest = (body[: speaker.end()], body[speaker.end() :]) if speaker else ("", body)
        undone = _undone(rest)
        # A quote opening the sentence is someone's words: a frame before it would be outside them.
        return said + frame.format(undone) if undone and not undone.startswith("“") else None

    return reworded


def _elsewhere(frame: str) -> Rewording:
    """Another place's work: ``frame`` with the sentence, of a sentence that names no place of the
    region (the region named or its self-reference would make it the region's again)."""

    def reworded(body: str, case: Case) -> str | None:
        if re.search(r"[全我该本][省市州盟县区旗镇乡村]", body) or any(name in body for name in case.names):
            return None
        return _framed(frame)(body, case)

    return reworded


# A verb of work right after its subject (not "通过发展…", "在实施过程中", "共实施").
_FIRST_VERB = re.compile(
    r"(?<![过在对为把共与、])(?:建成|完成|实施|开展|发放|组织|新建|培训|建立|推进|发展|落实|选派|派出|修建|打造|成立|扶持)"
)


# A means or a circumstance opening the clause is no subject: "通过…模式完成…", "在…下".
_MEANS = re.compile(r"通过|在|对|为|依托|按照|围绕")
_SUBJECT_CHARS = 10  # the verb of a clause this far from its start has a subject, not a phrase before it


def _framed_verb(word: str, opening: str = "") -> Rewording:
    """``word`` (将, 要) before the verb of work of the sentence's first clause (after its time or
    source), done-markers taken out: "全县新建…,发展…" -> "全县将新建…,发展…". (A 将 in a later clause
    would leave the work of the clauses before it done.)"""

    def reworded(body: str, case: Case) -> str | None:
        undone = _undone(body)
        if not undone:
            return None
        at = found.end() if (found := _OPENING.match(undone)) else 0
        verb = _FIRST_VERB.search(undone, at)
        subject = undone[at : verb.start()] if verb else ""
        if (
            not verb
            or len(subject) > _SUBJECT_CHARS
            or re.search(r"[,;:、]", subject)
            or _MEANS.match(subject)
        ):
            return None
        return opening + undone[: verb.start()] + word + undone[verb.start() :]

    return reworded


def _wrapped(frame: str) -> Rewording:
    """The sentence as it is at ``frame``'s ``{}``, unless it opens with the frame's opening."""
    opening = frame.split("{}")[0]
    return lambda body, case: None if opening and body.startswith(opening) else frame.format(body)


# Places far off, named, by their province: another place's work, on a page of another province.
# Neither is a helping province of East-West cooperation, whose work may be for the region.
_FAR_OFF = {"黑龙江省": ("抚远市", "鹤岗市"), "吉林省": ("和龙市", "白山市")}


def _far_off(frame: str, prefecture: bool = False) -> Rewording:
    """A named place far off doing the work (``frame``'s ``{place}``), on a page of another province."""

    def reworded(body: str, case: Case) -> str | None:
        # Where the rules find the region, on a sentence that names no place (a place of the page's own
        # the gold does not list would make the work the region's again).
        if case.level is None or any(place in body for place in case.places):
            return None
        province, places = next((p, v) for p, v in _FAR_OFF.items() if p != case.province)
        place = province + places[1 if prefecture else 0]
        return _elsewhere(frame.replace("{place}", place))(body, case)

    return reworded


def _above(frame: str, levels: frozenset[str]) -> Rewording:
    """A level above the region's doing the work (``frame``), on the pages of ``levels``: another
    place's work by the elsewhere rules."""
    inner = _elsewhere(frame)
    return lambda body, case: inner(body, case) if case.level in levels else None


def _prefixed(prefix: str) -> Rewording:
    """``prefix`` before the sentence, unless it opens with it already."""
    return lambda body, case: None if body.startswith(prefix.rstrip(",")) else prefix + body


def _with_subject(subject: Callable[[Case], str]) -> Rewording:
    """A subject added where the sentence has none: after its opening time or source clause."""

    def reworded(body: str, case: Case) -> str | None:
        opening = _OPENING.match(body)
        at = opening.end() if opening else 0
        rest = body[at:]
        if _SELF.match(rest) or any(rest.startswith(name) for name in case.names):
            return None
        return body[:at] + subject(case) + rest

    return reworded


def _without_subject(body: str, case: Case) -> str | None:
    """The subject taken out: a self-reference or the region's name opening the sentence (after its
    opening time or source clause)."""
    opening = _OPENING.match(body)
    at = opening.end() if opening else 0
    rest = body[at:]
    found = _SELF.match(rest)
    name = next((n for n in sorted(case.names, key=len, reverse=True) if rest.startswith(n)), None)
    cut = found.end() if found else len(name) if name else 0
    return body[:at] + rest[cut:].lstrip(",") if cut and len(rest) > cut + 4 else None


def _substituted(pattern: str, replacement: str | Callable[[re.Match[str]], str]) -> Rewording:
    """The first match of ``pattern`` replaced."""
    compiled = re.compile(pattern)

    def reworded(body: str, case: Case) -> str | None:
        changed = compiled.sub(replacement, body, count=1)
        return changed if changed != body else None

    return reworded


# Verbs of building and what their result is called: "建成产业基地21个" -> "21个产业基地已建成".
_BUILT = re.compile(
    r"(?P<verb>建成|新建|建设|建立|组建|成立|培育|打造|开办|创办)了?"
    r"(?P<what>[\u4e00-\u9fff“”]{2,12}?)(?P<count>\d[\d.]*(?:万|亿)?(?:余|多)?)(?P<unit>个|家|座|所|处|套|支|条)"
    r"(?![\u4e00-\u9fff\d])"
)
_RESULT_OF = {"建设": "建成", "新建": "建成", "组建": "组建", "开办": "开办", "创办": "创办"}


def _object_first(body: str, case: Case) -> str | None:
    """ "建成产业基地21个" -> "产业基地建成21个": the thing first, then the verb and the count."""
    found = _BUILT.search(body)
    if not found:
        return None
    reordered = f"{found['what']}{found['verb']}{found['count']}{found['unit']}"
    return body[: found.start()] + reordered + body[found.end() :]


def _number_first(body: str, case: Case) -> str | None:
    """ "建成产业基地21个" -> "21个产业基地已建成": the count and the thing first, the verb as its result."""
    found = _BUILT.search(body)
    if not found:
        return None
    result = _RESULT_OF.get(found["verb"], found["verb"])
    reordered = f"{found['count']}{found['unit']}{found['what']}已{result}"
    return body[: found.start()] + reordered + body[found.end() :]


def _split_at_and(body: str, case: Case) -> str | None:
    """Two sentences where a clause goes on with "并" or "同时": "…,并建立…" -> "…。同时,建立…"."""
    changed = re.sub(r",(?:并|同时),?(?=[\u4e00-\u9fff]{2})", "。同时,", body, count=1)
    return changed if changed != body else None


# Verbs of work whose 了 may go without changing the tense, in a sentence that plans nothing (there
# the 了 is what says the work after a plan word was done: "计划明年开工,…配套建设了温室").
_PERFECTIVE = re.compile(
    r"(?<=建成|完成|实施|开展|发放|组织|新建|建立|建设|发展|成立|培训|选派|解决|实现|带动|吸纳|配备|修建|安装)了"
)
_PLANNED = re.compile(r"计划|将|要|力争|确保|预计|下一步")


def _perfective_dropped(body: str, case: Case) -> str | None:
    """ "建成了…" -> "建成…"."""
    if _PLANNED.search(body):
        return None
    changed = _PERFECTIVE.sub("", body, count=1)
    return changed if changed != body else None


def _region_named(body: str, case: Case) -> str | None:
    """The self-reference opening the sentence (after its time or source) by the region's name:
    "全县…" -> "西吉县…"."""
    opening = _OPENING.match(body)
    at = opening.end() if opening else 0
    found = re.match(r"(?:全|我|该|本)[省市州盟县区旗镇乡村]", body[at:])
    name = max(case.names, key=len, default="")
    return body[:at] + name + body[at + found.end() :] if found and name else None


def _quoted(body: str, case: Case) -> str | None:
    """The sentence as what an official said: "“…。”县扶贫办负责人说"."""
    return None if "“" in body or "”" in body else f"“{body}。”县扶贫办负责人说"


_SHORT = 40  # a slogan is short


def _short(rewording: Rewording) -> Rewording:
    return lambda body, case: rewording(body, case) if len(body) <= _SHORT else None


# "产业扶贫" as reports after 2020 write it, "产业帮扶".
_RELIEF = r"(产业|就业|教育|健康|消费|电商|旅游|光伏|金融|生态|科技|文化|社会)扶贫"
# Names of the same work as reports after 2020 write them.
_RENAMED = {
    "易地扶贫搬迁": "易地搬迁",
    "扶贫车间": "帮扶车间",
    "扶贫小额信贷": "脱贫人口小额信贷",
    "建档立卡贫困户": "脱贫户",
    "贫困户": "脱贫户",
    "贫困群众": "脱贫群众",
    "扶贫工作队": "帮扶工作队",
    "扶贫资金": "衔接资金",
}
_RENAMING = re.compile("|".join(sorted(map(re.escape, _RENAMED), key=len, reverse=True)))


def _renamed(body: str, case: Case) -> str | None:
    changed = _RENAMING.sub(lambda m: _RENAMED[m.group()], body)
    return changed if changed != body else None


_NUMERALS = "零一二三四五六七八九"


def _in_chinese(number: int) -> str:
    """1-99 in Chinese numerals: 12 -> 十二, 30 -> 三十."""
    tens, ones = divmod(number, 10)
    return (("" if tens == 1 else _NUMERALS[tens]) + "十" if tens else "") + (_NUMERALS[ones] if ones else "")


def _chinese_counts(body: str, case: Case) -> str | None:
    """Small counts in Chinese numerals, as formal reports write them: "建成12个" -> "建成十二个"."""
    changed = re.sub(
        r"(?<![\d.])([1-9]\d?)(?=个|家|座|所|名|支|项|处)", lambda m: _in_chinese(int(m[1])), body
    )
    return changed if changed != body else None


# "完成危房改造2100户" -> "危房改造2100户已全部完成".
_COMPLETED = re.compile(
    r"(?:完成|实现)了?(?P<what>[\u4e00-\u9fff]{2,10}?)(?P<count>\d[\d.]*(?:万|亿)?(?:余|多)?"
    r"(?:户|人次|人|个|公里|千米|套|座|亩|名|万?元))(?![\u4e00-\u9fff\d])"
)


def _completed_at_the_end(body: str, case: Case) -> str | None:
    found = _COMPLETED.search(body)
    if not found:
        return None
    return body[: found.start()] + f"{found['what']}{found['count']}已全部完成" + body[found.end() :]


# "发展特色产业," -> "特色产业得到长足发展,", "推进易地扶贫搬迁," -> "易地扶贫搬迁稳步推进,": the work
# as the subject of its result.
_DEVELOPED = r"(?<![大全积])发展了?(?P<what>[\u4e00-\u9fff]{2,8})(?=[,;。]|$)"
_ADVANCED = r"(?<![扎全积])(?:推进|实施)了?(?P<what>[\u4e00-\u9fff]{2,8})(?=[,;。]|$)"
_VERBS_OF_WORK = "建成|完成|实施|开展|发放|(?<!党)组织|新建|培训|建立"


def _own(case: Case) -> str:
    return case.own


# name -> the rewording and whether it keeps the category (True) or removes it (False).
REWORDINGS: dict[str, tuple[Rewording, bool]] = {
    # --- meaning kept ---------------------------------------------------------------------------
    "first_of_a_list": (_prefixed("一是"), True),
    "second_of_a_list": (_prefixed("二是,"), True),
    "numbered_item": (_prefixed("(三)"), True),
    "besides": (_prefixed("此外,"), True),
    "in_recent_years": (_prefixed("近年来,"), True),
    "as_learnt": (_prefixed("据了解,"), True),
    "the_reporter_learnt": (_prefixed("记者了解到,"), True),
    "an_official_introduced": (_prefixed("县扶贫办负责人介绍,"), True),
    "under_the_leadership": (_prefixed("在县委县政府的坚强领导下,"), True),
    "own_subject_added": (_with_subject(_own), True),
    "we_as_subject": (_with_subject(lambda case: "我" + case.own[-1]), True),
    "that_county_as_subject": (_with_subject(lambda case: "该" + case.own[-1]), True),
    "subject_removed": (_without_subject, True),
    "perfective_added": (_substituted(rf"({_VERBS_OF_WORK})(?!了)", r"\1了"), True),
    "perfective_dropped": (_perfective_dropped, True),
    "in_total": (_substituted(rf"(?<![共计累])({_VERBS_OF_WORK}|搬迁|安置)(?!了)", r"累计\1"), True),
    "vigorously": (_substituted(r"(?<![大全积])(发展|推进|实施|开展)", r"大力\1"), True),
    "solidly_carried_out": (_substituted(r"(?<![扎组])(?:推进|开展|落实)", "扎实推进"), True),
    "organised": (_substituted(r"(?<![组])开展", "组织开展"), True),
    "newly_built": (_substituted(r"(?<![新])建成", "新建"), True),
    "number_first": (_number_first, True),
    "split_at_and": (_split_at_and, True),
    "region_named_as_subject": (_region_named, True),
    "a_year_before": (_prefixed("2019年,"), True),
    "quoted_from_an_official": (_quoted, True),
    "in_practice": (_prefixed("在具体工作中,"), True),
    "under_a_heading": (_prefixed("(一)主要做法\n"), True),
    "by_way_of": (_wrapped("通过{},群众收入明显增加"), True),
    "completed_at_the_end": (_completed_at_the_end, True),
    "help_for_relief": (_substituted(_RELIEF, r"\1帮扶"), True),
    "names_after_2020": (_renamed, True),
    "counts_in_chinese_numerals": (_chinese_counts, True),
    "by_the_end_of_a_year": (_prefixed("截至2019年底,"), True),
    "since_this_year": (_prefixed("今年以来,"), True),
    "object_first": (_object_first, True),
    "numbered_with_a_digit": (_prefixed("1."), True),
    "developed_as_a_result": (_substituted(_DEVELOPED, r"\g<what>得到长足发展"), True),
    "steadily_advanced": (_substituted(_ADVANCED, r"\g<what>稳步推进"), True),
    "chained_by_semicolon": (lambda body, case: body + ";" if not body.endswith(";") else None, True),
    # --- meaning removed ------------------------------------------------------------------------
    "next_step": (_framed("下一步,{}"), False),
    "next_step_will_go_on": (_framed("下一步,将继续{}"), False),
    "in_future": (_framed("今后,将{}"), False),
    "planned": (_framed("计划{}"), False),
    "plans_next_year": (_framed("明年,计划{}"), False),
    "expected": (_framed("预计明年{}"), False),
    "a_must": (_framed("要{}"), False),
    "must_firmly": (_framed("必须{}"), False),
    "the_meeting_required": (_framed("会议要求各地{}"), False),
    "a_speech_required": (_framed("县长在讲话中要求,{}"), False),
    "strive_by_a_date": (_framed("力争到2025年底,{}"), False),
    "strive": (_framed("力争{}"), False),
    "ensure": (_framed("确保{}"), False),
    "the_task_is": (_framed("今年的主要任务是:{}"), False),
    "proposed": (_framed("建议各乡镇{}"), False),
    "a_question": (_framed("如何{}?", after_a_speaker=False), False),
    "a_wish": (_framed("群众盼望{}"), False),
    "a_condition": (_framed("如果能{},群众增收就有了保障"), False),
    "a_definition": (_framed("所谓精准帮扶,就是{}"), False),
    "a_problem_found": (_framed("督查发现,一些乡镇{}的工作还存在不到位的问题"), False),
    "required_of_work_teams": (_framed("县委要求各驻村工作队{}"), False),
    "required_of_cadres": (_framed("县里要求驻村干部{}"), False),
    "a_secretary_required": (_framed("市委书记要求,{}"), False),
    "the_notice_required": (_framed("通知要求,{}"), False),
    "can_it_be_done": (_framed("能否{}?", after_a_speaker=False), False),
    "what_to_rely_on": (_framed("靠什么{}?", after_a_speaker=False), False),
    "a_work_plan_heading": (_framed("下一步工作打算:{}"), False),
    "a_slogan": (_short(_framed("“{}”,这是当地干部群众常挂在嘴边的一句口号")), False),
    "will_before_the_verb": (_framed_verb("将"), False),
    "next_year_will": (_framed_verb("将", opening="明年,"), False),
    "problems_exist": (_short(_framed("目前仍存在{}不到位等问题")), False),
    "a_goal": (_framed("目标是{}"), False),
    "other_provinces": (_elsewhere("外省一些地方{}"), False),
    "the_nations_work": (
        _above("据统计,全国{}", frozenset({"province", "prefecture", "county", "district"})),
        False,
    ),
    "the_provinces_work": (
        _above("全省{}", frozenset({"prefecture", "county", "district", "township"})),
        False,
    ),
    "as_long_as": (_framed("只要{},群众就能稳定增收"), False),
    "once_done": (_framed("一旦{},群众就能稳定增收"), False),
    "still_needed": (_framed_verb("还需要"), False),
    "not_yet": (_framed_verb("尚未"), False),
    "a_meeting_deployed": (_framed("会议研究部署{}"), False),
    "a_proposal": (_framed("政协委员提议,{}"), False),
    "a_named_county_elsewhere": (_far_off("据了解,{place}{}"), False),
    "a_named_city_elsewhere": (_far_off("与此同时,{place}{}", prefecture=True), False),
    "a_goal_heading": (_framed("工作目标:{}"), False),
    "the_key_tasks": (_framed("重点任务:{}"), False),
    "a_promise": (_framed("县政府承诺,{}"), False),
    "likely": (_framed_verb("有望"), False),
    "an_appeal": (_framed("县委呼吁,{}"), False),
    "a_call_to_action": (_framed("县妇联倡议,{}"), False),
    "others_places": (_elsewhere("有的地方{}"), False),
    "a_neighbour": (_elsewhere("邻近的几个县{}"), False),
    "experience_shown": (_elsewhere("考察团观摩了东部地区的经验做法:{}"), False),
}
TOLERANCE = 0.02  # two cases in a hundred may move (one at least)
MIN_CASES = 5  # a rewording that applies to fewer tests too little
_ROUNDS = 6  # sentences reworded at most, per case, for a category to go


def measures_of(text: str) -> list[Measure]:
    """The measures the rules find in ``text``, as in its summary: the region's (which decides whose
    work a sentence reports), with no figures nor funding read (four times faster than a summary;
    verification keeps measures whose evidence is the text's own, as it is here)."""
    document = Document.from_text(text)
    sentences = split_sentences(document.text)
    return find_measures(document, sentences, Trace(), find_region(document, sentences, Trace()))


def _own_of(gold: dict) -> str:
    name, level = gold["name"], gold["level"]
    suffix = name[-1] if name and name[-1] in _SUFFIXES else _LEVEL_SUFFIX.get(level, "县")
    return "全" + suffix


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return train_cases()


def train_cases() -> list[Case]:
    """Every category the rules report on a train page and its gold agrees with."""
    train = load_split("train", CORPUS / "split.json")
    assert train, "the split file names no train articles"
    found = []
    for stem in sorted(train):
        gold = json.loads((CORPUS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
        wanted = set(gold["measure_categories"]) - set(gold.get("measure_optional", []))
        region = gold["region"] or {"name": "", "level": None, "accept": []}
        # The page as the rules read it (normalized: Simplified script, half-width punctuation), so
        # the evidence offsets are offsets of the text that is reworded.
        text = Document.from_path(TEXTS / f"{stem}.txt").text
        names = tuple(n for n in {region["name"], *region.get("accept", [])} if n)
        # The level is known where the rules find the region the gold names (their region decides
        # what is above it).
        document = Document.from_text(text)
        found_region = find_region(document, split_sentences(document.text), Trace())
        level = region["level"] if found_region and found_region.name in names else None
        places = frozenset(m.text for m in gazetteer().find_mentions(document.text))
        for measure in measures_of(text):
            span = measure.evidence
            if measure.category in wanted and text[span.start : span.end] == span.quote:
                found.append(
                    Case(
                        stem,
                        measure.category,
                        text,
                        span.start,
                        span.end,
                        _own_of(region),
                        level,
                        region.get("province"),
                        places,
                        names,
                    )
                )
    assert len(found) >= 100, len(found)
    return found


def _reworded(text: str, start: int, end: int, rewording: Rewording, case: Case) -> tuple[str, int] | None:
    """The text with its sentence at start:end reworded, and the reworded sentence's end."""
    sentence = text[start:end]
    ending = _END.search(sentence)
    body, tail = sentence[: ending.start()], sentence[ending.start() :]
    if "?" in tail:
        return None  # a question already, or a character a Big5 page mangled
    changed = rewording(body, case)
    if changed is None or changed == body:
        return None
    new = changed + tail
    return text[:start] + new + text[end:], start + len(new)


def _outcome(
    case: Case, rewording: Rewording, keeps: bool, measures: Callable[[str], list[Measure]]
) -> str | None:
    """ "ok", "wrong" or None (the rewording does not apply, or another sentence it does not apply
    to still gives the category)."""
    text, start, end = case.text, case.start, case.end
    reworded: list[tuple[int, int]] = []
    for _ in range(_ROUNDS):
        result = _reworded(text, start, end, rewording, case)
        if result is None:
            return None
        text, new_end = result
        shift = new_end - end
        reworded = [(s if s < start else s + shift, e if e <= start else e + shift) for s, e in reworded]
        reworded.append((start, new_end))
        found = measures(text)
        if keeps:
            return "ok" if any(m.category == case.category for m in found) else "wrong"
        measure = next((m for m in found if m.category == case.category), None)
        if measure is None:
            return "ok"
        start, end = measure.evidence.start, measure.evidence.end
        if text[start:end] != measure.evidence.quote:
            return None
        if any(s < end and start < e for s, e in reworded):
            return "wrong"  # still found in a sentence reworded not to report it
    return None


@pytest.mark.parametrize("name", sorted(REWORDINGS))
def test_a_rewording_keeps_or_removes_the_measure(name: str, cases: list[Case]) -> None:
    rewording, keeps = REWORDINGS[name]
    # Categories of a page that share their sentence share its reworded page: summarized once.
    measures = functools.cache(measures_of)
    outcomes = {(c.stem, c.category): _outcome(c, rewording, keeps, measures) for c in cases}
    checked = [key for key, outcome in outcomes.items() if outcome is not None]
    wrong = [key for key in checked if outcomes[key] == "wrong"]
    assert len(checked) >= MIN_CASES, f"{name} applies to {len(checked)} cases only"
    assert len(wrong) <= max(1, len(checked) * TOLERANCE), f"{name}: {len(wrong)}/{len(checked)} {wrong}"
