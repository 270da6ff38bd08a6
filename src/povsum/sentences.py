"""Sentences and clauses of the cleaned text, and Evidence pointing back into the original."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from povsum.document import Document
from povsum.models import Evidence
from povsum.numbers import GROUPING_COMMA
from povsum.wrapping import BULLETS, CLOSED, ITEM_START

# A sentence ends at 。！？ or a line break; ; also closes one because these reports chain
# independent statements with it ("...4352户18802人;全市有22个贫困村...").
_SENTENCE = re.compile(r"[^。！？!?;；\n]+[。！？!?;；]?")
# A comma inside a number grouped by threes (25,586户) breaks no clause.
_CLAUSE_BREAK = re.compile(rf"(?!{GROUPING_COMMA.pattern})[,，、:：()（）“”\"]")

# --- Where a line break does not end the sentence ------------------------------------------------
# A line ending inside a clause goes on in the next one: "…三转屯," / "…深度贫困县——" / "…贫困发生率由" /
# "…减少到". (A colon does not: "来源:", "作者:" label what follows.)
_OPEN_END = re.compile(r"(?:[,、(“—]|[的由从和及与到至])$")
# A line holding only a time dates the next one: "2013年底" over "建档立卡贫困人口28.63万人,…".
_TIME_LINE = re.compile(
    r"(?:截至|截止|到|至)?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:年?底|末|初)?(?:以来)?[,:]?"
)
# A heading holding a figure, finished by the next line's predicate, a blank line between or not:
# "148.3万相对贫困人口" over "全部达到脱贫标准". (These words seldom open a sentence of their own.)
_FIGURE_LINE = re.compile(r"[^,;。]*\d[^,;。]*")
_PREDICATE_START = re.compile(r"(?:已经?|均已?|全部|降至|降到|下降到|减少到|减至)")
# A heading naming a figure's noun, its figures on the next line from where they start: "贫困发生率"
# over "由2014年的16.3%降至…".
_HEADING_LINE = re.compile(r"[^,;。!?]{1,20}")
_TRANSITION_START = re.compile(r"(?:由|从)(?:\d|建档立卡|上世纪)")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into Document.text
    end: int
    text: str

    def clause_around(self, start: int, end: int, min_chars: int = 0) -> str:
        """The clause (between commas) holding text[start:end], in sentence-local offsets,
        extended over the following clauses while shorter than ``min_chars``.

        >>> Sentence(0, 12, "甲,共计发放212万元,惠及").clause_around(6, 10)
        '共计发放212万元'
        >>> Sentence(0, 17, "发挥优势,带动就业,让更多群众脱贫。").clause_around(5, 9, min_chars=6)
        '带动就业,让更多群众脱贫。'
        """
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(self.text, 0, start)), default=0)
        right = end
        while True:
            brk = _CLAUSE_BREAK.search(self.text, right)
            right = brk.start() if brk else len(self.text)
            if right - left >= min_chars or brk is None:
                return self.text[left:right]
            right += 1


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets, surrounding white space trimmed. A line break
    inside a sentence (a wrapped line, a heading finished by the next line) stays in its text.

    >>> [s.text for s in split_sentences("  甲乙。丙丁;\\n戊")]
    ['甲乙。', '丙丁;', '戊']
    >>> [s.text for s in split_sentences("二、基本情况\\n2013年底\\n全县贫困人口5万人。")]
    ['二、基本情况', '2013年底\\n全县贫困人口5万人。']
    """
    # Breaks that continue a sentence become spaces in a copy of the same length.
    flat = list(text)
    for start, end in _continuing_breaks(text):
        flat[start:end] = " " * (end - start)
    sentences = []
    for match in _SENTENCE.finditer("".join(flat)):
        raw = match.group()
        lead, length = _lead(raw), len(raw.rstrip())
        if lead >= length:
            continue
        start = match.start() + lead
        sentences.append(Sentence(start, match.start() + length, text[start : match.start() + length]))
    return sentences


# Symbols that open a sentence as litter, not as its words: an emoji after the full stop before, a
# replacement character (U+FFFD), a zero-width mark. A cue read at a sentence's start (其中, 一是) must
# find it there. A list's bullet is no litter: it makes a data card's line (▶ 4.52万人 …).
_LITTER = frozenset({"So", "Cf", "Co", "Cn"})


def _lead(raw: str) -> int:
    """How many characters of white space and litter open ``raw``.

    >>> _lead("  \U0001f44d其中,"), _lead("\ufffd\u200b其中"), _lead("▶ 4.52万人"), _lead("“我们")
    (3, 2, 0, 0)
    """
    at = 0
    while at < len(raw) and (
        raw[at].isspace() or (unicodedata.category(raw[at]) in _LITTER and raw[at] not in BULLETS)
    ):
        at += 1
    return at


def _continuing_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of line breaks (with the blank lines among them) that do not end a sentence. (A
    fixed-width layout's breaks are already gone from a Document's text: ``wrapping``.)

    >>> text = "全县贫困发生率由\\n12.5%降至0.5%。\\n161.5万贫困人口\\n\\n全部脱贫\\n一、做法\\n(一)产业"
    >>> [text[start - 1 : end + 1] for start, end in _continuing_breaks(text)]
    ['由\\n1', '口\\n\\n全']
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return [
        (starts[i] + len(lines[i]), starts[j])
        for i, j in pairwise(filled)
        if _continues(lines[i].strip(), lines[j].strip(), blank_between=j > i + 1)
    ]


def _continues(line: str, following: str, blank_between: bool) -> bool:
    """Whether ``line`` goes on in ``following``, the next line that is not blank."""
    if CLOSED.search(line) or ITEM_START.match(following):
        return False
    if _FIGURE_LINE.fullmatch(line) and _PREDICATE_START.match(following):
        return True
    return not blank_between and bool(
        _OPEN_END.search(line)
        or _TIME_LINE.fullmatch(line)
        or (_HEADING_LINE.fullmatch(line) and _TRANSITION_START.match(following))
    )


def evidence(document: Document, sentence: Sentence) -> Evidence:
    """Evidence for a whole sentence: its normalized text and its span in the original."""
    start, end = document.to_original(sentence.start, sentence.end)
    return Evidence(quote=sentence.text, start=start, end=end)
