"""Text laid out at a fixed width (a PDF, a yearbook scan): where its line breaks are only the
layout's, inside a sentence and even inside a word ("贫困\\n人口")."""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from povsum.regions import gazetteer

# The marks that open a list's items or a data card's lines (■ 相关链接, ▶ 4.52万人 …).
BULLETS = "■□●○◆◇▲△▶►★☆·•※"
# A line ending so is finished (a sentence, a quotation, a bracketed note): its break ends it.
CLOSED = re.compile(r"[。！？!?;；”\"」』)）…]$")
# A line starting so is an item or a heading of its own, never the rest of the line before.
ITEM_START = re.compile(
    r"(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]\D|[•·\-*#>|])"
)
# At least this many lines of prose (punctuation inside, unlike a heading) of about the same width,
# none ending a sentence, mark the width. A comma grouping a number's thousands (8,650) is no
# punctuation: rows of a table of such numbers are not prose.
_PROSE = re.compile(r"(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|[、。;“”]")
_WRAPPED_MIN_LINES = 3
_WRAPPED_MIN_WIDTH = 12
_WIDTH_TOLERANCE = 1.5


def wrap_width(lines: list[str]) -> float | None:
    """The width at which a fixed-width text breaks its lines, or None for ordinary text.

    >>> wrap_width(["甲乙丙丁戊,己庚辛壬癸子丑", "甲乙丙丁戊、己庚辛壬癸子寅", "甲乙丙丁戊,己庚辛壬癸子卯"])
    12.5
    >>> wrap_width(["一二三四五六七八九十甲乙。", "短"]) is None
    True
    """
    prose = [s for s in (line.strip() for line in lines) if _PROSE.search(s) and not CLOSED.search(s)]
    widths = [w for w in map(display_width, prose) if w >= _WRAPPED_MIN_WIDTH]
    if len(widths) < _WRAPPED_MIN_LINES:
        return None
    middle = median(widths)
    near = [w for w in widths if abs(w - middle) <= _WIDTH_TOLERANCE]
    return middle if len(near) >= max(_WRAPPED_MIN_LINES, len(widths) / 2) else None


def is_wrapped(line: str, width: float) -> bool:
    """Whether ``line`` is prose broken at the text's fixed ``width``."""
    return _PROSE.search(line) is not None and abs(display_width(line) - width) <= _WIDTH_TOLERANCE


def display_width(line: str) -> float:
    """Display width: a Chinese character or mark counts 1, an ASCII one half."""
    return sum(1.0 if ord(c) > 0x2000 else 0.5 for c in line)


def layout_breaks(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the line breaks (with the indent after them) of a fixed-width
    text that only the layout put there: after a full line of prose that ends no sentence, before
    a line that starts no item.

    >>> text = "一二三四五,六七八九十甲乙\\n" * 3 + "乙丙丁戊己,庚辛壬癸贫困\\n  人口5万人。\\n二、做法\\n"
    >>> [text[s - 1 : e + 1] for s, e in layout_breaks(text)]
    ['乙\\n一', '乙\\n一', '乙\\n乙', '困\\n  人']
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return []
    spans, at = [], 0
    for line, following in pairwise(lines):
        at += len(line)
        rest = following.lstrip()
        full = is_wrapped(line.strip(), width) and not CLOSED.search(line.rstrip())
        if rest and full and not ITEM_START.match(rest):
            spans.append((at, at + 1 + len(following) - len(rest)))
        at += 1
    return spans


# Letter-spaced text ("贫 困 人 口 由 …", from some PDF extractions): a space between two Chinese
# characters is layout when most Chinese characters are followed by one.
_WIDE = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_SPACED = re.compile(rf"(?<={_WIDE}) (?={_WIDE})")
_CHINESE_RUN = re.compile(r"[\u3400-\u9fff]+")
_SPACED_SHARE = 0.5


def layout_spaces(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the spaces a letter-spaced text puts between its Chinese
    characters; none in ordinary text, where a space between two of them is rare.

    >>> text = "全 县 贫 困 人 口 由 5万人 减 少 到 300人 。"
    >>> "".join(c for i, c in enumerate(text) if not any(s <= i < e for s, e in layout_spaces(text)))
    '全县贫困人口由 5万人减少到 300人。'
    >>> layout_spaces("贫困人口 5万人,全县 12个村")
    []
    """
    spaces = [(m.start(), m.end()) for m in _SPACED.finditer(text)]
    if not spaces:
        return []
    chinese = sum(map(len, _CHINESE_RUN.findall(text)))  # runs, not one string per character
    return spaces if len(spaces) >= _SPACED_SHARE * chinese else []


# A PDF copy that spaces a word here and there ("贫 困发生率", "贫困人 口"), not every character. A
# lone space between two Chinese characters is layout in a line of prose (one with a comma, a full
# stop or a semicolon), except beside the words a byline or a dateline sets apart with a space
# ("记者 某某 摄", "9月1日电 全县"): there a name or the first sentence would run into them.
# Elsewhere (a headline, a menu) the space is layout only inside a place's name or one of the
# nouns a headline's figure counts, or where the text writes the three characters across it
# together somewhere else: a headline's own spaces part its phrases.
_LONE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\x20(?=[\u4e00-\u9fff])")
_PROSE_LINE = re.compile(r"[,。;]")  # after normalization: ，and ； are ASCII
# The words themselves, and the names after them ("记者 张某 李某").
_SET_APART_BEFORE = re.compile(r"(?:记者|通讯员|编辑|作者|讯|电|消息|报道)(?:\x20[\u4e00-\u9fff]{2,3})*$")
_SET_APART_REACH = 20  # characters before a space looked at for them
_SET_APART_AFTER = re.compile(r"摄|记者|通讯员")
# The nouns of what a figure counts; a line may end in one and its figure follow on the next.
_COUNTED_NOUNS = ("贫困发生率", "贫困人口", "贫困群众", "贫困户", "贫困村", "贫困县", "建档立卡")
# ...and 脱贫, which is a figure's noun inside a line only: many a heading ends in it (稳定脱贫).
_FIGURE_NOUNS = frozenset({*_COUNTED_NOUNS, "脱贫"})
_LONGEST_WORD = 12  # characters: the longest place names (克孜勒苏柯尔克孜自治州) fit
# At most this many spaces outside prose are weighed: a page has a few headlines, and more such
# spaces make a menu or a table, whose spaces are its own (and each weighing scans the text).
_HEADLINE_SPACES = 64


def word_spaces(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the spaces a PDF copy leaves inside words, in a text that is
    not letter-spaced throughout (``layout_spaces`` takes those).

    >>> text = "全县贫 困发生率降至0.4%,贫困人口减少到300人。(记者 王某 李某)\\n贫困人 口清零\\n攻坚 成效"
    >>> "".join(c for i, c in enumerate(text) if not any(s <= i < e for s, e in word_spaces(text)))
    '全县贫困发生率降至0.4%,贫困人口减少到300人。(记者 王某 李某)\\n贫困人口清零\\n攻坚 成效'
    """
    spans: list[tuple[int, int]] = []
    at = weighed = 0
    for line in text.split("\n"):
        if " " in line:
            prose = _PROSE_LINE.search(line) is not None
            for m in _LONE_SPACE.finditer(line):
                if prose:
                    layout = not _set_apart(line, m.start())
                else:
                    weighed += 1
                    layout = weighed <= _HEADLINE_SPACES and _joins_a_word(text, line, m.start())
                if layout:
                    spans.append((at + m.start(), at + m.end()))
        at += len(line) + 1
    return spans


def _set_apart(line: str, space: int) -> bool:
    before = _SET_APART_BEFORE.search(line, max(0, space - _SET_APART_REACH), space)
    return bool(before or _SET_APART_AFTER.match(line, space + 1))


def _joins_a_word(text: str, line: str, space: int) -> bool:
    """Whether the space of ``line`` at ``space`` splits what ``text`` writes together elsewhere
    (three characters across it) or a place's name or a figure's noun."""
    around = (
        line[max(0, space - 2) : space] + line[space + 1],
        line[space - 1] + line[space + 1 : space + 3],
    )
    if any(len(chars) == 3 and " " not in chars and chars in text for chars in around):
        return True
    places = gazetteer()
    left = line[max(0, space - _LONGEST_WORD + 1) : space]
    joined = left + line[space + 1 : space + _LONGEST_WORD]
    return any(
        word in _FIGURE_NOUNS or word in places
        for start in range(len(left))
        for end in range(len(left) + 1, min(len(joined), start + _LONGEST_WORD) + 1)
        if " " not in (word := joined[start:end])
    )


# A line of prose (a comma, a full stop or a semicolon inside) that stops inside a number or a word
# goes on in the next line, whatever the widths: a PDF or Word copy breaks its lines where its page
# did ("…建档立卡贫困户1.53万户4.61万" / "人,贫困发生率…", "…剩余贫困人口612户1" / "493人", "…贫困发生"
# / "率33.96%"), an English layout with a hyphen ("贫困发-" / "生率"). Inside a number: digits, or a
# number and its unit, on both sides. Inside a word: one the text writes whole elsewhere (three
# characters across the break), a place's name or a figure's noun (as ``word_spaces`` tells them).
# And a figure's noun ending the line goes on in its figure ("…贫困发生率" / "由34.56%降至0").
_PROSE_MARK = re.compile(r"[\u3400-\u9fff\d%][,。;][\u3400-\u9fff\d]")  # not "Section 4. Results"
_LINE_END = re.compile(r"(?P<last>[\u3400-\u9fff\d%])(?P<hyphen>-?)$")
_IN_A_NUMBER = re.compile(r"\d[\d%万亿千百户人个名]|[万亿千][户人元]")
_NOUN_END = re.compile(f"(?:{'|'.join(_COUNTED_NOUNS)})$")
_FIGURE_START = re.compile(r"(?:\d|由|从|为|降至|降到|下降|减少|减至)")


def unfinished_breaks(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the line breaks (with a hyphen before them and the indent after
    them) that cut a line of prose inside a number or a word.

    >>> text = "2014年,有贫困户1.5万户4.6万\\n人,贫困发-\\n生率33.7%,余612户1\\n493人,贫困发生率\\n由5%降至0"
    >>> "".join(c for i, c in enumerate(text) if not any(s <= i < e for s, e in unfinished_breaks(text)))
    '2014年,有贫困户1.5万户4.6万人,贫困发生率33.7%,余612户1493人,贫困发生率由5%降至0'
    >>> unfinished_breaks("北京贫困县排名,北京贫困县名单\\n原始的贫困,离城一小时。\\n全县12个村,有\\n1.2万人")
    []
    """
    spans, at = [], 0
    for line, following in pairwise(text.split("\n")):
        at += len(line)
        rest, body = following.lstrip(), line.rstrip()
        end = _LINE_END.search(body)
        if end and rest and _PROSE_MARK.search(body) and not ITEM_START.match(rest):
            head = body[: end.start("hyphen")]
            across = head[-_LONGEST_WORD:] + " " + rest[:_LONGEST_WORD]
            if (
                _IN_A_NUMBER.match(end["last"] + rest[0])
                or (_NOUN_END.search(head) and _FIGURE_START.match(rest))
                or _joins_a_word(text, across, len(head[-_LONGEST_WORD:]))
            ):
                start = at - (len(line) - len(body)) - len(end["hyphen"])
                spans.append((start, at + 1 + len(following) - len(rest)))
        at += 1
    return spans
