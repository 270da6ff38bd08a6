"""Baseline and outcome figures: poor households, people, incidence rate, villages, people lifted.

Patterns are tried on each sentence of the cleaned text; the first hit for a field wins, with
"from A to B" transitions tried before single statements because they are the least ambiguous.
Targets and plans (计划/确保/力争...) and sub-groups (安置/惠及/其中...) are skipped: they are not
where the region started or got to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from povsum.document import Document
from povsum.extractors.rules.trace import Trace
from povsum.models import Quantity, Snapshot
from povsum.numbers import parse_quantity
from povsum.sentences import Sentence, evidence

# A quantity as these reports write counts and rates: 4352, 34.18万, 近4000, 212万余, 九万余.
_CN = r"[零一二两三四五六七八九十百千万亿]*[一二两三四五六七八九十][零一二两三四五六七八九十百千万亿]*"
_Q = rf"(?:近|约)?(?:\d+(?:\.\d+)?(?:万|亿)?|{_CN})(?:余|多)?"
_POOR = r"(?:农村)?(?:建档立卡)?贫困(?:人口|户|对象)"
_DOWN = r"(?:减少到|减少至|减至|降至|降到|下降到|下降至|降低到|降低至|变成了?|变为)"
# A time written between "由/从/降至" and the figure: "由2014年底的26.4万人减少到目前的…".
_WHEN = r"(?:\d{4}年(?:\d{1,2}月)?(?:底|末|初)?的?|目前的?|底)"
_TARGET = re.compile(r"计划|目标|力争|确保|争取|预计|将要|为了|为做到|为实现|以实现")
_SUBGROUP = re.compile(
    r"安置|惠及|涉及|带动|其中|参加|吸纳|救助|搬迁|巩固提升|帮扶|为$|(?<!相)对$|有劳动能力|就业"
)
_NOW = re.compile(r"截至|截止|如今|目前|现有|剩余|尚有|还有|仍有|未脱贫")
_PLACES = ("村", "镇", "乡", "组")
# Words before a count that make it people lifted or helped, not a population.
_CHANGE_BEFORE = ("减少", "减", "实现", "帮助", "带动", "退出")
_LIFTED_AFTER = re.compile(r"(?:已|已经)?(?:实现)?(?:稳定)?脱贫")
_TIME = re.compile(r"(?:截至|截止)?(?:\d{4}年(?:\d{1,2}月)?(?:底|末|初)?|如今|目前|“十[一二三四]五”期?末)")

_TRANSITION_PEOPLE = re.compile(
    rf"(?:由|从)(?P<a_when>{_WHEN})?[^\d,;。]{{0,3}}?(?P<a_hh>{_Q}户)?(?P<a_pp>{_Q}人)[^\d,;。]{{0,3}}?"
    rf"{_DOWN}(?P<b_when>{_WHEN})?[^\d,;。]{{0,3}}?(?P<b_hh>{_Q}户)?(?P<b_pp>{_Q}人)"
)
_TRANSITION_RATE = re.compile(
    rf"贫困发生率[^\d%,;。]{{0,8}}?(?:由|从)(?P<a_when>{_WHEN})?[^\d,;。]{{0,3}}?(?P<a_rate>{_Q}%)"
    rf"[^\d,;。]{{0,4}}?{_DOWN}(?P<b_when>{_WHEN})?[^\d,;。]{{0,3}}?(?P<b_rate>{_Q}%)"
)
# "贫困发生率为11.64%,到2019年底下降至0.37%".
_RATE_THEN_DOWN = re.compile(
    rf"贫困发生率(?:为|是|达|高达)?(?P<a_rate>{_Q}%),?(?:到|至)?(?P<b_when>{_WHEN})?{_DOWN}(?P<b_rate>{_Q}%)"
)
_TRANSITIONS = {
    "transition_people": _TRANSITION_PEOPLE,
    "transition_rate": _TRANSITION_RATE,
    "rate_then_down": _RATE_THEN_DOWN,
}
_POOR_COUNT = re.compile(rf"{_POOR}[^\d,;。]{{0,4}}?(?P<hh>{_Q}户)?(?P<pp>{_Q}人)")
_POOR_DOWN = re.compile(rf"{_POOR}[^\d,;。]{{0,2}}{_DOWN}(?P<hh>{_Q}户)?(?P<pp>{_Q}人)")
_RATE = re.compile(rf"贫困发生率(?:高达|达到|仅为|为|是|达|仅)?(?P<rate>{_Q}%)")
_RATE_DOWN = re.compile(rf"贫困发生率[^\d,;。]{{0,4}}?(?:到{_WHEN})?{_DOWN}(?P<rate>{_Q}%)")
_LIFTED = {
    "lifted_already": re.compile(rf"已脱贫的?(?:{_POOR})?(?:共计|共|累计)?(?P<hh>{_Q}户)?(?P<pp>{_Q}人)"),
    "lifted_cumulative": re.compile(rf"累计脱贫(?P<hh>{_Q}户)?(?P<pp>{_Q}人)"),
    "lifted_realized": re.compile(
        rf"(?:已实现|累计实现|累计|已有|共有|共)(?P<pp>{_Q}人)(?:实现)?(?:稳定)?脱贫"
    ),
    "lifted_reduced_poverty": re.compile(rf"(?:累计)?减贫(?P<pp>{_Q}人)"),
    "lifted_fewer_poor": re.compile(rf"减少(?:农村)?贫困人口(?P<pp>{_Q}人)"),
    "lifted_fewer": re.compile(rf"累计减少(?P<pp>{_Q}人)"),
    "lifted_poor_exited": re.compile(rf"贫困人口(?:实现)?脱贫(?P<pp>{_Q}人)"),
    "lifted_people_exited": re.compile(
        rf"(?:累计)?(?:帮助|带动)?(?P<pp>{_Q}人)(?:实现)?(?:稳定)?脱贫(?!致富)"
    ),
}
_VILLAGE_KIND = r"(?:省级|省定|市定|国家级|深度|重点)?贫困村"
_VILLAGES = {
    "villages_count_first": re.compile(
        rf"(?P<pre>.{{0,3}}?)(?<![\d.])(?P<n>{_Q}个){_VILLAGE_KIND}(?P<post>.{{0,6}})"
    ),
    "villages_noun_first": re.compile(rf"(?P<pre>.{{0,3}}?){_VILLAGE_KIND}(?P<n>{_Q}个)(?P<post>)"),
}
_VILLAGE_OK = re.compile(r"(?:有|共有|在|全部|共|全[县市区省州乡镇])$|^(?:中|全部|已全部|已|均|整村)")
_ALL_EXITED = re.compile(r"(?:已)?(?:全部|均)")
_COUNTIES = re.compile(rf"(?P<n>{_Q}个)(?:国家级|省级)?(?:贫困县|国家扶贫开发工作重点县)(?P<post>.{{0,20}})")


@dataclass
class _Draft:
    """Fields found so far; the first value for a field is kept."""

    part: str  # "baseline" | "outcome"
    trace: Trace
    fields: dict[str, Quantity] = field(default_factory=dict)
    as_of: str | None = None

    def put(self, name: str, quantity: Quantity | None, rule: str) -> None:
        if quantity is None:
            return
        path = f"{self.part}.{name}"
        if name in self.fields:
            self.trace.note(path, rule, quantity.text, f"skipped: already {self.fields[name].text}")
            return
        self.fields[name] = quantity
        self.trace.note(path, rule, quantity.text, "kept")

    def snapshot(self) -> Snapshot | None:
        if not self.fields:
            return None
        return Snapshot(as_of=self.as_of, **self.fields)


class _Finder:
    def __init__(self, document: Document, trace: Trace) -> None:
        self.document = document
        self.trace = trace
        self.baseline = _Draft("baseline", trace)
        self.outcome = _Draft("outcome", trace)

    def skipped(self, m: re.Match[str], rule: str, why: str) -> None:
        self.trace.note("figures", rule, m.group(), f"skipped: {why}", m.start())

    def quantity(self, sentence: Sentence, match: re.Match[str], group: str) -> Quantity | None:
        text = match.group(group)
        if not text:
            return None
        parsed = parse_quantity(text)
        return Quantity(
            value=parsed.value,
            unit=parsed.unit,
            text=text,
            approx=parsed.approx,
            evidence=evidence(self.document, sentence),
        )

    def when(self, draft: _Draft, sentence: Sentence, before: int, after: int = 0) -> None:
        if draft.as_of is None:
            times = [m.group() for m in _TIME.finditer(sentence.text, after, before)]
            if times:
                draft.as_of = _bare_year(times[-1])

    def transitions(self, sentence: Sentence) -> None:
        for rule, pattern in _TRANSITIONS.items():
            for m in pattern.finditer(sentence.text):
                if _is_target(sentence, m):
                    self.skipped(m, rule, "a target or plan")
                    continue
                if "a_when" in pattern.groupindex:
                    self.baseline.as_of = self.baseline.as_of or _as_of(m.group("a_when"))
                self.outcome.as_of = self.outcome.as_of or _as_of(m.group("b_when"))
                self.when(self.baseline, sentence, m.start())
                for name, a, b in (
                    ("households", "a_hh", "b_hh"),
                    ("people", "a_pp", "b_pp"),
                    ("incidence_rate", "a_rate", "b_rate"),
                ):
                    if a in pattern.groupindex:
                        self.baseline.put(name, self.quantity(sentence, m, a), f"{rule}: from")
                        self.outcome.put(name, self.quantity(sentence, m, b), f"{rule}: to")

    def statements(self, sentence: Sentence) -> None:
        text = sentence.text
        for m in _POOR_DOWN.finditer(text):
            if _is_target(sentence, m):
                self.skipped(m, "poor_down", "a target or plan")
            else:
                self._put_count(self.outcome, sentence, m, "poor_down")
        for m in _POOR_COUNT.finditer(text):
            if _is_target(sentence, m):
                self.skipped(m, "poor_count", "a target or plan")
            elif not _is_population(text, m):
                self.skipped(m, "poor_count", "a sub-group, a place's own figure or people lifted")
            elif "建档立卡" in m.group():
                self._put_count(self.baseline, sentence, m, "poor_count: registered (建档立卡)")
            else:
                draft, why = self._snapshot_for(text, m)
                self._put_count(draft, sentence, m, f"poor_count: {why}")
        for m in _RATE_DOWN.finditer(text):
            self.outcome.put("incidence_rate", self.quantity(sentence, m, "rate"), "rate_down")
        for m in _RATE.finditer(text):
            if _is_target(sentence, m):
                self.skipped(m, "rate", "a target or plan")
                continue
            draft, why = self._snapshot_for(text, m)
            self.when(draft, sentence, m.start())
            draft.put("incidence_rate", self.quantity(sentence, m, "rate"), f"rate: {why}")

    def lifted(self, sentence: Sentence) -> None:
        for rule, pattern in _LIFTED.items():
            for m in pattern.finditer(sentence.text):
                if _is_target(sentence, m):
                    self.skipped(m, rule, "a target or plan")
                elif _SUBGROUP.search(_clause_head(sentence.text, m.start())):
                    self.skipped(m, rule, "a sub-group")
                else:
                    self.outcome.put("people_lifted", self.quantity(sentence, m, "pp"), rule)

    def villages_and_counties(self, sentence: Sentence) -> None:
        text = sentence.text
        for rule, pattern in _VILLAGES.items():
            for m in pattern.finditer(text):
                pre, post = m.group("pre"), m.group("post")
                if _is_target(sentence, m):
                    self.skipped(m, rule, "a target or plan")
                    continue
                if not (_VILLAGE_OK.search(pre) or _VILLAGE_OK.search(post)):
                    self.skipped(m, rule, "no stock word around the count (a flow or a mention)")
                    continue
                # "4个贫困村已全部脱贫出列" states how many there were, whatever the date.
                if _ALL_EXITED.match(post):
                    draft, why = self.baseline, "all exited (全部)"
                else:
                    draft, why = self._snapshot_for(text, m)
                draft.put("poor_villages", self.quantity(sentence, m, "n"), f"{rule}: {why}")
        for m in _COUNTIES.finditer(text):
            post = m.group("post")
            if _is_target(sentence, m):
                self.skipped(m, "counties", "a target or plan")
            elif "全部" in post or post.startswith("中"):
                self.baseline.put("poor_counties", self.quantity(sentence, m, "n"), "counties: all exited")
            else:
                self.skipped(m, "counties", "not a starting count")

    def _snapshot_for(self, text: str, m: re.Match[str]) -> tuple[_Draft, str]:
        """A lone figure is the outcome when the sentence dates it now ("截至…", "目前", "剩余")."""
        now = _NOW.search(text, 0, m.start())
        return (self.outcome, f"now cue {now.group()}") if now else (self.baseline, "no now cue")

    def _put_count(self, draft: _Draft, sentence: Sentence, m: re.Match[str], rule: str) -> None:
        self.when(draft, sentence, m.start())
        draft.put("households", self.quantity(sentence, m, "hh"), rule)
        draft.put("people", self.quantity(sentence, m, "pp"), rule)


def _is_population(text: str, m: re.Match[str]) -> bool:
    """Whether "贫困人口/贫困户 N户M人" counts the region's poor, not a group helped or lifted."""
    head = text[max(0, m.start() - 12) : m.start()]
    return not (
        _SUBGROUP.search(_clause_head(text, m.start()))
        or "已脱贫" in head
        or head.endswith(_CHANGE_BEFORE)  # "减少贫困人口590万人" is people lifted
        or head.endswith(_PLACES)  # a village's or town's own figures: "向阳村贫困户161户"
        or _LIFTED_AFTER.match(text, m.end())  # "贫困人口10500人脱贫" is people lifted
    )


def _clause_head(text: str, position: int) -> str:
    """The text of the clause before ``position`` (back to the last comma or colon)."""
    start = max(text.rfind(c, 0, position) for c in ",:、(") + 1
    return text[start:position]


def _is_target(sentence: Sentence, m: re.Match[str]) -> bool:
    # A plan stated shortly before the figure (this clause or the one before) makes it a
    # target: "计划实现贫困人口10500人脱贫", "确保10个贫困村摘帽,贫困人口523户2184人全部脱贫".
    text = sentence.text
    start = max(text.rfind(",", 0, max(0, text.rfind(",", 0, m.start()))), 0)
    return bool(_TARGET.search(text, start, m.start()))


def _as_of(when: str | None) -> str | None:
    """The time written inside a transition, if it names one: a bare "底" (its year lost in the
    source, "由底34.18万人") says nothing.

    >>> _as_of("2014年底的"), _as_of("底"), _as_of(None)
    ('2014年底', None, None)
    """
    phrase = (when or "").rstrip("的")
    return _bare_year(phrase) if phrase and phrase != "底" else None


def _bare_year(phrase: str) -> str:
    """'2014年' -> '2014'; other phrases stay as written.

    >>> _bare_year("2014年"), _bare_year("2019年底")
    ('2014', '2019年底')
    """
    return phrase[:-1] if re.fullmatch(r"\d{4}年", phrase) else phrase


def find_figures(
    document: Document, sentences: Iterable[Sentence], trace: Trace
) -> tuple[Snapshot | None, Snapshot | None]:
    """(baseline, outcome) for the article's main region."""
    finder = _Finder(document, trace)
    # Every pattern needs this character; most sentences lack it. A sentence opening with
    # 其中 gives a part of the region ("其中,昭觉县减少贫困人口3.1万人").
    sentences = [s for s in sentences if "贫" in s.text and not s.text.startswith("其中")]
    for step in (finder.transitions, finder.statements, finder.lifted, finder.villages_and_counties):
        for sentence in sentences:
            step(sentence)
    return finder.baseline.snapshot(), finder.outcome.snapshot()
