"""The reading stage: bytes -> decoded original -> cleaned, normalized article text.

``Document.original`` is the decoded source and every Evidence offset points into it.
``Document.text`` is what extractors see: HTML stripped, page furniture dropped (``furniture``),
characters normalized (``normalize``). ``Document.index`` maps each character of ``text`` back
to its offset in ``original``, so a quote found in ``text`` can be cited in ``original`` and an
original span can be read back as normalized text, exactly, without fuzzy matching.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Literal

from povsum import furniture
from povsum.errors import InputError
from povsum.models import Source
from povsum.normalize import delete_spans, explain, identity, is_traditional, normalize
from povsum.wrapping import layout_breaks, layout_spaces, unfinished_breaks, word_spaces

__all__ = ["DEFAULT_MAX_BYTES", "Document", "explain", "file_sha256"]

DEFAULT_MAX_BYTES = 2_000_000
# The path that stands for standard input on the command line.
STDIN = Path("-")


def read_stdin(stream: BinaryIO | None = None) -> bytes:
    """Every byte of standard input (of ``stream``, when one is given)."""
    return (stream if stream is not None else sys.stdin.buffer).read()


# File signatures of the binary formats most often saved by mistake next to articles.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
)
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# GB18030 is a superset of GBK and GB2312, so it is the one to decode with.
_CHINESE_ENCODINGS = ["gb18030", "big5"]


def _decode(data: bytes, path: str | None) -> str:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"this is {kind}, not a text article")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        if b"\x00" in data:
            raise InputError(path, "binary data (contains NUL bytes), not a text article")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            encoding = _detect_chinese(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise InputError(path, "cannot be decoded as UTF-8, UTF-16, GB18030 or Big5 text")


def _detect_chinese(data: bytes) -> str | None:
    # Imported here: only non-UTF-8 input pays for charset-normalizer's import.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CHINESE_ENCODINGS).best()
    return None if best is None else best.encoding


# HTML: a document that declares itself, or plain text dense with tags.
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_ENTITY_PATTERN = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);"
_MARKUP = re.compile(
    r"(?P<skip><(?P<raw>script|style|noscript|template)\b.*?</(?P=raw)\s*>|<!--.*?-->|<![^>]*>|<\?[^>]*>)"
    r"|(?P<tag></?(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>)"
    rf"|(?P<entity>{_ENTITY_PATTERN})"
    r"|(?P<space>\s+)",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(_ENTITY_PATTERN)
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure"}
    | {"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"}
    | {"p", "pre", "section", "table", "title", "tr", "ul"}
)


def _is_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    sample = text[:20_000]
    tags = _ANY_TAG.findall(sample)
    return len(tags) >= 10 and sum(map(len, tags)) * 10 >= len(sample)


def _has_markup(text: str) -> bool:
    """Plain text with tags or entities left in it (``<p>``, ``&nbsp;``), as copied pages carry."""
    return bool(_ANY_TAG.search(text) or _ENTITY.search(text))


def _strip_html(source: str, *, page: bool = True) -> tuple[str, array[int], dict[int, int]]:
    """Visible text of an HTML page, its index into ``source``, and the width in ``source`` of
    characters that stand for more than one source character (entities, block tags).

    ``page=False`` is for plain text with markup litter: its own line breaks and spaces are the
    text's layout and are kept; a block tag breaks a line only where the text does not already."""
    parts: list[str] = []
    index = array("i")
    wide: dict[int, int] = {}

    def emit(chars: str, at: int, width: int) -> None:
        parts.append(chars)
        index.extend(range(at, at + len(chars)))
        if width > len(chars):
            wide[at + len(chars) - 1] = width - len(chars) + 1

    pos = 0
    for m in _MARKUP.finditer(source):
        if m.start() > pos:
            emit(source[pos : m.start()], pos, m.start() - pos)
        pos = m.end()
        last = parts[-1][-1] if parts else "\n"
        if m["space"] and not page:
            emit(m[0], m.start(), len(m[0]))
        elif m["tag"] and m["name"].lower() in _BLOCK_TAGS:
            if not page and (last == "\n" or source.startswith("\n", m.end())):
                continue
            if last == " ":  # a space right before a line break is layout, not text
                parts.pop()
                index.pop()
            emit("\n", m.start(), len(m[0]))
        elif m["entity"]:
            emit(html.unescape(m[0]), m.start(), len(m[0]))
        elif m["space"] and last not in " \n":
            # HTML collapses a whitespace run to one space: keep its first character, as a space.
            emit(" ", m.start(), 1)
    if pos < len(source):
        emit(source[pos:], pos, len(source) - pos)
    return "".join(parts), index, wide


# Metadata, searched in the normalized text before furniture is dropped (it lives in furniture).
_PUBLISHED = re.compile(
    r"(?:时间|日期|发布日期|发布时间|发表时间|发稿时间)\s*:\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
_SOURCE = re.compile(
    r"来源\s*:\s*([^\s\[\]|:]{1,30}?)(?=字号|作者|责任编辑|编辑|点击|浏览|访问|阅读|[\s\[\]|:]|$)"
)
_SITE_BEFORE_URL = re.compile(r"^[ \t]*([^\s\d:/]{2,20})[ \t]+https?://", re.MULTILINE)
_URL = re.compile(r"https?://[^\s<>\"'\[\]()]+")
_MOJIBAKE = re.compile(r"\?{2,}|\ufffd+")
_CJK = re.compile("[\u3400-\u9fff]")


def _published(text: str) -> str | None:
    for m in _PUBLISHED.finditer(text):
        try:
            return dt.date(*map(int, m.groups())).isoformat()
        except ValueError:
            continue
    return None


def _publisher(text: str) -> str | None:
    # A damaged name (??诰W) is no name; the site named before the header URL is the fallback.
    for pattern in (_SOURCE, _SITE_BEFORE_URL):
        for m in pattern.finditer(text):
            if not _MOJIBAKE.search(m[1]):
                return m[1]
    return None


def _mojibake(text: str) -> list[str]:
    """A short sample of each damaged run: ``??`` next to a CJK character, or U+FFFD."""
    runs: list[str] = []
    if "??" not in text and "\ufffd" not in text:  # the common case, without a regex scan
        return runs
    for m in _MOJIBAKE.finditer(text):
        start, end = m.span()
        before, after = text[start - 1 : start], text[end : end + 1]
        if m[0][0] == "?" and not (_CJK.match(before) or _CJK.match(after)):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        runs.append(text[max(line_start, start - 2) : min(line_end, end + 2)].strip())
    return runs


# Page furniture seldom holds figures (a related headline or two): cleaning that drops more than
# this share of an article's figures, and at least _LOST_FIGURES_MIN of them, probably cut text.
_LOST_FIGURES_SHARE = 0.3
_LOST_FIGURES_MIN = 3


def _figures_lost(text: str, cuts: Sequence[furniture.Cut]) -> str | None:
    """A warning when the furniture ``cuts`` hold too many of the figures (numbers with a unit) of
    ``text``.

    >>> _figures_lost("共4352户18802人,投入7488万元。", [furniture.Cut(0, 25, "disclaimer")])
    'furniture: cleaning dropped 3 of 3 figures (disclaimer); check the cut lines'
    """
    # A figure never holds a line break and the cuts are whole lines: the figures of the cut lines
    # are those found in them alone, and the whole text is scanned only when enough are dropped.
    # A copy of a line (rule "repeated") loses nothing.
    dropped = [
        cut for cut in cuts if cut.rule != "repeated" for _ in furniture.figures(text[cut.start : cut.end])
    ]
    if len(dropped) < _LOST_FIGURES_MIN:
        return None
    total = len(furniture.figures(text))
    if len(dropped) <= _LOST_FIGURES_SHARE * total:
        return None
    rules = ", ".join(dict.fromkeys(cut.rule for cut in dropped))
    return f"furniture: cleaning dropped {len(dropped)} of {total} figures ({rules}); check the cut lines"


@dataclass(frozen=True)
class Document:
    """One article: its original text, the cleaned text extractors read, and the map between them.

    >>> doc = Document.from_text("標題說了什麼事情\\n截至2月25日,共投入1127.14萬元。")
    >>> doc.script, doc.title, doc.text.splitlines()[1]
    ('traditional', '标题说了什么事情', '截至2月25日,共投入1127.14万元。')
    >>> start, end = doc.locate("1127.14万元")
    >>> doc.original[start:end], doc.text_between(start, end)
    ('1127.14萬元', '1127.14万元')
    """

    original: str = field(repr=False)
    text: str = field(repr=False)
    index: array[int] = field(repr=False, compare=False)
    path: str | None
    sha256: str
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None
    script: Literal["simplified", "traditional"]
    warnings: tuple[str, ...] = ()
    # Original width of the few characters that stand for several (HTML entities, block tags).
    _wide: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_path(
        cls, path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, *, folder: str | None = None
    ) -> Document:
        """Read and decode a file; refuse it early if it is too large to be an article. A relative
        ``path`` is read from ``folder`` when one is given; it is recorded and named as given."""
        name = os.fspath(path)
        where = name if folder is None else os.path.join(folder, name)
        try:
            size = os.stat(where).st_size
            if size > max_bytes:
                raise InputError(name, _too_large(size, max_bytes))
            with open(where, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except IsADirectoryError:
            raise InputError(name, "is a directory, not a file") from None
        except PermissionError:
            raise InputError(name, "permission denied") from None
        return cls.from_bytes(data, path=name, max_bytes=max_bytes)

    @classmethod
    def from_bytes(cls, data: bytes, path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
        """Decode UTF-8 (with or without BOM), UTF-16/32 (BOM), GB18030/GBK or Big5 bytes."""
        if len(data) > max_bytes:
            raise InputError(path, _too_large(len(data), max_bytes))
        if not data.strip():
            raise InputError(path, _empty(data))
        text = _decode(data, path)
        return cls._build(text, path, hashlib.sha256(data).hexdigest())

    @classmethod
    def from_text(cls, text: str, path: str | None = None) -> Document:
        """A Document from already decoded text (plain or HTML); sha256 is of its UTF-8 form."""
        if not isinstance(text, str):
            hint = (
                ": decode them first, or give the bytes (or the file's path) to summarize(), which"
                " detects the encoding"
                if isinstance(text, bytes | bytearray)
                else ""
            )
            raise TypeError(f"the article's text must be a str, not {type(text).__name__}{hint}")
        return cls._build(text, path, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())

    @classmethod
    def _build(cls, original: str, path: str | None, sha256: str) -> Document:
        if not original.strip():
            raise InputError(path, _empty(original))
        if _is_html(original):
            text, index, wide = _strip_html(original)
        elif _has_markup(original):
            text, index, wide = _strip_html(original, page=False)
        else:
            text, index, wide = original, identity(len(original)), {}
        traditional = is_traditional(text)
        text, index = normalize(text, index, traditional=traditional)
        # A letter-spaced layout spaces every character ("贫 困 人 口"), a PDF copy some words
        # ("贫 困发生率"), a fixed-width one breaks sentences and words ("贫困\n人口"): all gone from
        # the text, still in the original the index maps into. Spaces first: furniture reads a
        # spaced headline as a menu bar.
        text, index = delete_spans(text, index, layout_spaces(text))
        text, index = delete_spans(text, index, word_spaces(text))
        layout = furniture.analyse(text)
        header = text[: layout.header_end]
        url = _URL.search(header)
        title = text[slice(*layout.title)] if layout.title else None
        published, publisher = _published(text), _publisher(text)
        lost = _figures_lost(text, layout.cuts)
        text, index = delete_spans(text, index, ((cut.start, cut.end) for cut in layout.cuts))
        text, index = delete_spans(text, index, layout_breaks(text))
        text, index = delete_spans(text, index, unfinished_breaks(text))
        damaged = _mojibake(text)
        warnings = [f"mojibake: {len(damaged)} damaged run(s), e.g. {damaged[0]!r}"] if damaged else []
        if lost:
            warnings.append(lost)
        return cls(
            original=original,
            text=text,
            index=index,
            path=path,
            sha256=sha256,
            title=title,
            published=published,
            publisher=publisher,
            url=url[0] if url else None,
            script="traditional" if traditional else "simplified",
            warnings=tuple(warnings),
            _wide=wide,
        )

    def _end_of(self, k: int) -> int:
        at = self.index[k]
        return at + self._wide.get(at, 1)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` came from, including any characters
        deleted inside it (pinyin, tags)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the text ({len(self.text)} chars)")
        if start == end:
            at = self.index[start] if start < len(self.text) else (self._end_of(start - 1) if start else 0)
            return at, at
        return self.index[start], self._end_of(end - 1)

    @property
    def title_span(self) -> range:
        """Where the headline stands in ``text`` (empty when there is none)."""
        at = self.text.find(self.title) if self.title else -1
        return range(at, at + len(self.title or "")) if at >= 0 else range(0)

    def text_between(self, start: int, end: int) -> str:
        """What ``original[start:end]`` reads as after cleaning and normalization."""
        return self.text[bisect_left(self.index, start) : bisect_left(self.index, end)]

    def locate(self, quote: str, near: int = 0) -> tuple[int, int] | None:
        """Original offsets of ``quote`` (normalized first): the first match at or after ``near``
        (a position in ``text``), else the first anywhere; None if it is not in the text."""
        needle = self.normalize(quote)
        if not needle:
            return None
        found = self.text.find(needle, near)
        if found < 0:
            found = self.text.find(needle)
        return None if found < 0 else self.to_original(found, found + len(needle))

    def source_info(self) -> Source:
        """The ``source`` block of a summary, taken from this document's metadata."""
        return Source(
            path=self.path,
            sha256=self.sha256,
            title=self.title,
            published=self.published,
            publisher=self.publisher,
            url=self.url,
            script=self.script,
            warnings=list(self.warnings),
        )

    def normalize(self, s: str) -> str:
        """``s`` normalized like this document's text (t2s only if the document is Traditional)."""
        return _normalized(s, self.script == "traditional")


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The ``sha256`` a Document read from ``path`` has (of the file's bytes), without decoding it."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@lru_cache(maxsize=8192)
def _normalized(s: str, traditional: bool) -> str:
    # The verifier normalizes the same quotes several times; t2s is slow in pure Python.
    return normalize(s, traditional=traditional)[0]


def _empty(content: str | bytes) -> str:
    return "the input is empty" if not content else "the input contains only whitespace"


def _too_large(size: int, limit: int) -> str:
    return f"{size:,} bytes is larger than the {limit:,}-byte limit (raise it with --max-bytes)"
