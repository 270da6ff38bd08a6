"""Long articles in parts: paragraph-aligned pieces of the cleaned text, each small enough for a
model's context window (``Settings.chunk_chars``).

A part is a slice of ``Document.text``, so the answers about it are still grounded in the whole
document: quotes are located in the original file and offsets point into it, whichever part the
model read them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Part", "split_article"]

# Where a paragraph longer than the limit may be cut: after a sentence's end.
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


@dataclass(frozen=True)
class Part:
    """One piece of an article as the model is sent it."""

    text: str
    index: int  # 1-based
    count: int


def split_article(text: str, limit: int) -> list[Part]:
    """``text`` whole when it is at most ``limit`` characters, else in parts of at most ``limit``
    characters cut at line ends (paragraphs); a longer paragraph is cut after a sentence, a
    longer sentence at the limit. The parts, joined, are ``text``.

    >>> [p.text for p in split_article("甲乙。\\n丙丁。\\n戊己。\\n", 8)]
    ['甲乙。\\n丙丁。\\n', '戊己。\\n']
    >>> [p.text for p in split_article("一二三。四五六七八九。", 5)]
    ['一二三。', '四五六七八', '九。']
    >>> len(split_article("短文。", 100))
    1
    """
    if len(text) <= limit:
        return [Part(text, 1, 1)]
    texts: list[str] = []
    current = ""
    for piece in _pieces(text, limit):
        if current and len(current) + len(piece) > limit:
            texts.append(current)
            current = ""
        current += piece
    if current:
        texts.append(current)
    return [Part(t, i, len(texts)) for i, t in enumerate(texts, 1)]


def _pieces(text: str, limit: int) -> list[str]:
    """Lines of ``text``, those longer than ``limit`` cut into sentences and then at ``limit``."""
    pieces: list[str] = []
    for line in text.splitlines(keepends=True):
        for sentence in [line] if len(line) <= limit else _SENTENCE_END.split(line):
            pieces.extend(sentence[i : i + limit] for i in range(0, len(sentence), limit))
    return [p for p in pieces if p]
