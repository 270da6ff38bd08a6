"""Sections of plans: where a report stops telling what was done and says what it will do.

A sentence opening a section of plans ("下一步,…", "2020年工作思路:…", "今年的主要任务是:…") makes the
rest of its paragraph plans; a heading that says no more ("三、下一步工作", "二、目标任务") makes the
rest of the report plans. Read there, a measure is a plan (measures.py) and a figure a target
(figures.py): one reading of the sections for both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from povsum.document import Document
from povsum.sentences import Sentence

# Plans, proposals, a year's tasks or targets ("四、2020年工作打算", "对策建议", "二、目标任务").
PLAN_SECTION = re.compile(
    r"^.{0,6}(?:下一步|今后|展望未来|规划到)|^.{0,12}?(?:工作打算|对策建议|几点建议|工作建议)|"
    # "2020年工作思路:…", "二、目标任务" (not "坚持…的工作思路,": a heading or a label).
    r"^.{0,12}?(?:工作思路|工作计划|工作重点|工作安排|目标任务|工作目标|主要目标)(?::|$)|"
    r"^(?:今年|明年|\d{4}年)的?(?:主要|重点)?(?:工作)?任务(?:是|如下)?:?$",
    re.MULTILINE,  # or a line of it: a sentence runs on from a line cut at a comma
)
# A sentence this short that opens plans is their heading: the rest of the report is plans.
PLAN_HEADING_CHARS = 12
# A label of what was done ends them: "兴文县2020年目标任务:…。2019年完成情况:减贫1.42万人".
DONE_LABEL = re.compile(
    r"^.{0,12}?(?:完成情况|进展情况|工作成效|主要成效|取得的?成效|主要成绩|工作成绩)(?::|$)", re.MULTILINE
)


@dataclass(frozen=True)
class PlanSection:
    start: int  # offsets in the cleaned text
    end: int
    opening: str  # the words that open it ("下一步", "工作打算")
    heading: bool  # a heading: the section runs to the end of the report


@dataclass(frozen=True)
class PlanSections:
    """The sections of plans of one text, in text order, found by ``plan_sections``."""

    sections: tuple[PlanSection, ...] = ()
    starts: tuple[int, ...] = ()  # each section's start, for ``at``

    def at(self, offset: int) -> PlanSection | None:
        """The section of plans holding ``offset``, if any."""
        i = bisect_right(self.starts, offset) - 1
        return self.sections[i] if i >= 0 and offset < self.sections[i].end else None


NO_PLANS = PlanSections()


def plan_sections(document: Document, sentences: Sequence[Sentence]) -> PlanSections:
    """The sections of plans; a paragraph ends where a line break stands between two sentences."""
    found: list[PlanSection] = []
    for i, sentence in enumerate(sentences):
        if (opening := PLAN_SECTION.search(sentence.text)) is None:
            continue
        heading = len(sentence.text) <= PLAN_HEADING_CHARS
        if found and found[-1].end > sentence.start and not heading:
            continue  # inside the section before, which a heading would extend to the end
        end = _end(document, sentences, i, heading)
        found.append(PlanSection(sentence.start, end, opening.group().strip(), heading))
    return PlanSections(tuple(found), tuple(s.start for s in found))


def _end(document: Document, sentences: Sequence[Sentence], i: int, heading: bool) -> int:
    """Where the section opened by sentence ``i`` ends: at a label of what was done, or (unless
    it is a heading's) at the next paragraph."""
    for previous, sentence in zip(sentences[i:], sentences[i + 1 :], strict=False):
        new_paragraph = "\n" in document.text[previous.end : sentence.start]
        if DONE_LABEL.search(sentence.text) or (not heading and new_paragraph):
            return sentence.start
    return len(document.text)
