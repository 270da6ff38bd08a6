"""Sentences and clauses of the cleaned text, and Evidence pointing back into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from povsum.document import Document
from povsum.models import Evidence

# A sentence ends at 。！？ or a line break; ; also closes one because these reports chain
# independent statements with it ("...4352户18802人;全市有22个贫困村...").
_SENTENCE = re.compile(r"[^。！？!?;；\n]+[。！？!?;；]?")
_CLAUSE_BREAK = re.compile(r"[,，、:：()（）“”\"]")


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
    """Sentences of ``text`` with their offsets, surrounding white space trimmed.

    >>> [s.text for s in split_sentences("  甲乙。丙丁;\\n戊")]
    ['甲乙。', '丙丁;', '戊']
    """
    sentences = []
    for match in _SENTENCE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        sentences.append(Sentence(start, start + len(stripped), stripped))
    return sentences


def evidence(document: Document, sentence: Sentence) -> Evidence:
    """Evidence for a whole sentence: its normalized text and its span in the original."""
    start, end = document.to_original(sentence.start, sentence.end)
    return Evidence(quote=sentence.text, start=start, end=end)
