"""Character-level normalization that keeps an exact map back to the original text.

Each step is a small named function ``(text, index) -> (text, index)`` where ``index[i]`` is the
offset in the original of ``text[i]``. Steps only delete characters or replace one character by
one character, so the map stays exact and every number an extractor sees can be traced back to
the bytes it came from. ``explain`` runs the steps one by one (ftfy's ``fix_and_explain`` idea) so a
user can see why a quote or number did not match.
"""

from __future__ import annotations

import functools
import inspect
import re
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = [
    "Step",
    "chinese_numeral_years",
    "delete_spans",
    "explain",
    "full_stops",
    "identity",
    "is_traditional",
    "normalize",
    "remove_invisible",
    "spaced_decimals",
    "spaced_grouping",
    "steps",
    "strip_pinyin",
    "to_halfwidth",
    "to_simplified",
    "tracked_changes",
]

Step = Callable[[str, "array[int] | None"], tuple[str, "array[int]"]]


_IDENTITY = array("i")  # grown on demand and sliced: building an int array item by item is slow


def identity(n: int) -> array[int]:
    """The index of an untouched text: character i comes from offset i.

    >>> identity(3)
    array('i', [0, 1, 2])
    """
    global _IDENTITY
    if len(_IDENTITY) < n:
        _IDENTITY = array("i", range(max(n, 2 * len(_IDENTITY))))
    return _IDENTITY[:n]


def _step(work: Callable[[str, array[int]], tuple[str, array[int]]]) -> Step:
    """A normalization step that may be called without an index: it then starts from the untouched
    text's (``identity``), so each step is usable on its own and in ``normalize``'s chain."""

    @functools.wraps(work)
    def step(text: str, index: array[int] | None = None) -> tuple[str, array[int]]:
        return work(text, identity(len(text)) if index is None else index)

    return step


def delete_spans(text: str, index: array[int], spans: Iterable[tuple[int, int]]) -> tuple[str, array[int]]:
    """Delete the sorted, non-overlapping ``[start, end)`` spans from ``text`` and its index.

    >>> delete_spans("abcdef", identity(6), [(1, 2), (3, 5)])
    ('acf', array('i', [0, 2, 5]))
    """
    parts: list[str] = []
    kept = array("i")
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        kept.extend(index[pos:start])
        pos = end
    if not parts:
        return text, index
    parts.append(text[pos:])
    kept.extend(index[pos:])
    return "".join(parts), kept


# Zero-width characters, BOMs and soft hyphens split numbers invisibly ("1127\u200b.14"); the CR
# of a CRLF only doubles the line break (a lone CR is turned into a newline by to_halfwidth).
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\r]")


@_step
def remove_invisible(text: str, index: array[int]) -> tuple[str, array[int]]:
    r"""Delete zero-width characters, byte-order marks, soft hyphens and the CR of CRLF.

    >>> remove_invisible("12\u200b34\r\n")
    ('1234\n', array('i', [0, 1, 3, 4, 6]))
    """
    spans = (
        m.span() for m in _INVISIBLE.finditer(text) if m[0] != "\r" or text[m.end() : m.end() + 1] == "\n"
    )
    return delete_spans(text, index, spans)


# Full-width ASCII (U+FF01..U+FF5E) sits exactly 0xFEE0 above its half-width form.
_HALFWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",  # no-break space (&nbsp;)
    "\r": "\n",  # a lone CR is an old-style line break
}
_WIDE = re.compile("[\uff01-\uff5e\u3000\u00a0\r]")


@_step
def to_halfwidth(text: str, index: array[int]) -> tuple[str, array[int]]:
    """Full-width digits, letters and punctuation to ASCII, odd spaces to a plain space (1:1).

    >>> to_halfwidth("投入１１２７．１４万元，占９５．９％")[0]
    '投入1127.14万元,占95.9%'
    """
    return _WIDE.sub(lambda m: _HALFWIDTH[m.group()], text), index


# A year in Chinese numerals (二〇一四年, 二○一九年 with a white circle, 二零二零年), as formal reports
# write it: read as digits, one for one, so the year rules see 2014年. Only a run of four, 19.. or
# 20.., right before 年 and after no other numeral; every other Chinese numeral stays as written. A
# space a PDF copy puts inside it (二〇一 四 年) goes here: the layout's spaces are removed only
# after these steps, too late for the year to be read.
_YEAR_NUMERALS = "〇○零一二三四五六七八九"
_YEAR_DIGITS = str.maketrans(_YEAR_NUMERALS, "000123456789")
_NUMERAL = rf"\x20?[{_YEAR_NUMERALS}]"
_CHINESE_YEAR = re.compile(
    rf"(?<![{_YEAR_NUMERALS}两十百千万亿点第])(?:一\x20?九|二\x20?[〇○零]){_NUMERAL}{_NUMERAL}\x20?(?=年)"
)


@_step
def chinese_numeral_years(text: str, index: array[int]) -> tuple[str, array[int]]:
    """A year written in Chinese numerals becomes ASCII digits, without the spaces inside it.

    >>> chinese_numeral_years("二〇一四年至二○一九年,二零二零年;一九九八年 三十二年 十二〇一四年")[0]
    '2014年至2019年,2020年;1998年 三十二年 十二〇一四年'
    >>> chinese_numeral_years("由 二〇一 四 年 底")
    ('由 2014年 底', array('i', [0, 1, 2, 3, 4, 6, 8, 9, 10]))
    """
    spaces: list[tuple[int, int]] = []

    def digits(m: re.Match[str]) -> str:
        spaces.extend((i, i + 1) for i in range(m.start(), m.end()) if text[i] == " ")
        return m[0].translate(_YEAR_DIGITS)

    return delete_spans(_CHINESE_YEAR.sub(digits, text), index, spaces)


# A PDF copy's space at a decimal point ("3. 64万户", "12 .5%", "0. 41%"), or its line break ("降至5." over
# "09%"): the spaces go, so the
# number reads whole and full_stops, after this step, does not end a sentence at its ".". Only
# before a unit a decimal takes (a count of 户 or 人 has none: "120. 3户" is two sentences), and
# never after a list number opening a line or an item ("1. 5万户脱贫" may be item 1).
_DECIMAL_UNIT = r"万|亿|%|‰|个百分点|倍|元"
_SPACED_DECIMAL = re.compile(
    rf"(?<![\d.])\d+(?P<before>\x20*)\.(?P<after>\x20*|\n)(?=\d+\x20?(?:{_DECIMAL_UNIT}))"
)
_ITEM_NUMBER = re.compile(r"\s*[1-9]\d?")
_ITEM_OPENERS = "\n;:。"  # after to_halfwidth: ；and ： are ASCII here


@_step
def spaced_decimals(text: str, index: array[int]) -> tuple[str, array[int]]:
    r"""Delete the spaces around the point of a decimal followed by its unit.

    >>> spaced_decimals("由3. 64万户,增长12 .5%,降至0. 41%\n1. 5万户脱贫;2. 3个村 12. 36个村")[0]
    '由3.64万户,增长12.5%,降至0.41%\n1. 5万户脱贫;2. 3个村 12. 36个村'
    >>> spaced_decimals("贫困发生率降至5.\n09%,全县")[0]
    '贫困发生率降至5.09%,全县'
    """
    if " ." not in text and ". " not in text and ".\n" not in text:
        return text, index  # no space or break beside any point: nothing to delete
    spans = []
    for m in _SPACED_DECIMAL.finditer(text):
        if (m["before"] or m["after"]) and not _is_item_number(text, m.start(), m.start("after") - 1):
            spans.extend(span for span in (m.span("before"), m.span("after")) if span[0] < span[1])
    return delete_spans(text, index, spans)


def _is_item_number(text: str, start: int, dot: int) -> bool:
    opened = max(text.rfind(c, 0, start) for c in _ITEM_OPENERS) + 1
    return _ITEM_NUMBER.fullmatch(text, opened, dot) is not None


# A space a typed page leaves before the comma grouping a number's thousands ("1 ,208人", "6 ,124人"):
# the space goes, so the number reads whole ("1,208人"). A space after the comma may part a list.
_SPACED_GROUPING = re.compile(r"(?<=\d)\x20+(?=,\d{3}(?!\d))")


@_step
def spaced_grouping(text: str, index: array[int]) -> tuple[str, array[int]]:
    """Delete the spaces before a comma that groups a number's thousands.

    >>> spaced_grouping("降至 1 ,208人;1 ,650户 6 ,124人;第1, 208页")[0]
    '降至 1,208人;1,650户 6,124人;第1, 208页'
    """
    if " ," not in text:
        return text, index
    return delete_spans(text, index, (m.span() for m in _SPACED_GROUPING.finditer(text)))


# A Word copy exported with its tracked changes: "[删除: 1.12万户][插入: 1.15万户]". What was deleted goes,
# and what was inserted stays without its marks, so the text reads as revised.
_TRACKED = re.compile(r"\[(?:删除|刪除)\x20*:[^\[\]\n]*\]|(?P<open>\[插入\x20*:\x20*)[^\[\]\n]*(?P<close>\])")


@_step
def tracked_changes(text: str, index: array[int]) -> tuple[str, array[int]]:
    """Delete the deleted text of tracked changes and the marks around the inserted.

    >>> tracked_changes("贫困户[删除: 1.12万户][插入: 1.15万户]4.07万人,[插入:共]")[0]
    '贫困户1.15万户4.07万人,共'
    """
    if "[插入" not in text and "[删除" not in text and "[刪除" not in text:
        return text, index
    spans = []
    for m in _TRACKED.finditer(text):
        spans.extend([m.span("open"), m.span("close")] if m["open"] else [m.span()])
    return delete_spans(text, index, spans)


# An ASCII "." ending a sentence ("降至0.5%.全县"), as pages typed with half-width punctuation
# write it: a sentence ends there as at 。. A dot with a letter or digit on both sides stays
# (1.5, www.gov.cn), and so do one before a Latin letter (材料.docx), a list number at a line
# start (1.基本情况) and a run of dots.
_FULL_STOP = re.compile(r"(?<!\.)\.(?!\.)")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}")


@_step
def full_stops(text: str, index: array[int]) -> tuple[str, array[int]]:
    r"""A "." that ends a sentence becomes "。" (1:1).

    >>> full_stops("降至0.5%.全县有12个村.\n1.基本情况 www.gov.cn 汇报材料.docx ...")[0]
    '降至0.5%。全县有12个村。\n1.基本情况 www.gov.cn 汇报材料.docx ...'
    """
    if "." not in text:
        return text, index
    return _FULL_STOP.sub(lambda m: "。" if _ends_sentence(text, m.start()) else ".", text), index


def _ends_sentence(text: str, at: int) -> bool:
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    if after.isascii() and (after.isalpha() or (after.isdigit() and before.isascii() and before.isalnum())):
        return False  # 1.5, gov.cn, .docx
    line_start = text.rfind("\n", 0, at) + 1
    return _LIST_NUMBER.fullmatch(text, line_start, at) is None


# Inline pinyin left by some Traditional-script sites: 發(fā)布會, 據(jù)悉, even after mojibake (W(wǎng)),
# and by reading aids after a word: 脱贫(tuōpín), 攻坚(gōng jiān). Up to four syllables, lowercase,
# at least one tone mark, right after a letter: so (含洋浦开发区), (GDP) and (记者卢海浪) survive.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv{_TONED}]{{1,4}}(?:ng|n|r)?"
_PINYIN = re.compile(  # "(" first, then look behind: a literal start lets the regex engine skip ahead
    rf"\((?<=[^\W\d_]\()(?=[a-zü {_TONED}]*[{_TONED}])"
    rf"{_SYLLABLE}(?: ?{_SYLLABLE}){{0,3}}\)"
)


@_step
def strip_pinyin(text: str, index: array[int]) -> tuple[str, array[int]]:
    """Delete parenthesised pinyin syllables that follow a character.

    >>> strip_pinyin("發(fā)布會")
    ('發布會', array('i', [0, 5, 6]))
    >>> strip_pinyin("脱贫(tuōpín)攻坚(gōng jiān)")[0]
    '脱贫攻坚'
    >>> strip_pinyin("攻堅(jiān)成果(图片均由区委宣传部提供)(含洋浦,不含三沙) GDP(gdp)")[0]
    '攻堅成果(图片均由区委宣传部提供)(含洋浦,不含三沙) GDP(gdp)'
    """
    return delete_spans(text, index, (m.span() for m in _PINYIN.finditer(text)))


# Common characters that exist only in Traditional script (each one changes under OpenCC t2s).
_TRADITIONAL_ONLY = re.compile(
    "[這個們來時會國過發經開與從後對說現問題關點機體無動義產業進區頭長門東車書員實學當還變應將讓樣"
    "種間見氣達萬華協議邊較務術標準報導總統計廣場際黨鄉縣鎮貧脫堅農專濟設環費傳嗎麼幾歲記錄電話網絡"
    "資訊線顯覺歷壓權數據處認識參買賣讀寫聽語錢銀價貨鐵廠勞勵決雜難響積極歡樂條級該為幫帶戶臨組織銷"
    "億營層滿構態視質興舉單亞衛愛紀紅結給練習調談論譯貝負財貢責貸資賽趕輕輪軟辦運連選遲適遠鄰鐘閉陽"
    "隨險隊雙雞離雲靜韓頁順須領頻額風飛養餘馬驗鳥麥齊龍創劃劉則剛勢醫廳僅傷優兒內兩冊準劇勸匯厲嚴啟"
    "團園圖壞壯夢夠奪奮婦媽孫寧寬尋屬島峽崗嶺幣師帳幹廢彈彎徑復懷戰戲擁擇擊擔擴攜敗敵斷暫槍樹橋檢歸"
    "殘殺漢滅溝漲測濃灣災煙燈爭爺牆狀獎獨獲畝畫畢異療盡監盤眾礎確稱穩窮競筆範築簡糧緊續績維羅聯職"
    "腦臨舊莊蘇藝號術補製複見規親觀訂認討訓託訪許評詞試詩誠誰課請諸謀謝證護讚豐豬貫貴賀賓賢賞賴贊"
    "趙趨跡踐軍軌載輔輛輝輸轉辭遞遷郵釋針鋼錯鍵鏡閃閒閱陳陸陰隱靈頂項預頓顏願類顧飯館駐騎驚鬥鮮鹽麗黃齡]"
)
_CJK_RUN = re.compile("[\u3400-\u9fff]+")
_SAMPLE = 50_000  # characters looked at to decide the script; enough for any article


def is_traditional(text: str) -> bool:
    """True when at least 5% of the CJK characters are Traditional-only.

    >>> is_traditional("脫貧攻堅成果"), is_traditional("脱贫攻坚成果打贏")
    (True, False)
    """
    sample = text[:_SAMPLE]
    traditional = len(_TRADITIONAL_ONLY.findall(sample))
    return traditional > 0 and traditional * 20 >= sum(map(len, _CJK_RUN.findall(sample)))


class _T2S:
    """OpenCC's t2s conversion (opencc-python-reimplemented's dictionaries and its algorithm)
    without its per-character tree search: characters go through one ``str.translate`` table, and
    only the rare segments holding one of its 277 phrases take the phrase search. The output is
    the package's own, character for character (a test compares them on every corpus text and on
    generated strings); it is ~50x faster on a Traditional page."""

    def __init__(self) -> None:
        from opencc import OpenCC  # the declared dependency: its dictionaries and separators

        folder = Path(inspect.getfile(OpenCC)).parent / "dictionary"
        self.phrases = _first_candidates(folder / "TSPhrases.txt")
        self.chars = str.maketrans(_first_candidates(folder / "TSCharacters.txt"))
        # OpenCC never converts across these: a phrase is sought inside one segment.
        self.separators = OpenCC().split_chars_re
        self.any_phrase = re.compile("|".join(map(re.escape, sorted(self.phrases, key=len, reverse=True))))
        self.longest = max(map(len, self.phrases))

    def convert(self, text: str) -> str:
        if not self.any_phrase.search(text):
            return text.translate(self.chars)
        parts = self.separators.split(text)
        return "".join(part if i % 2 else self._segment(part) for i, part in enumerate(parts))

    def _segment(self, segment: str) -> str:
        # As OpenCC's StringTree: the longest phrase anywhere (leftmost among equals) is
        # converted, then the same for what lies left and right of it; the rest by characters.
        for size in range(min(len(segment), self.longest), 1, -1):
            for i in range(len(segment) - size + 1):
                if (found := self.phrases.get(segment[i : i + size])) is not None:
                    return self._segment(segment[:i]) + found + self._segment(segment[i + size :])
        return segment.translate(self.chars)


def _first_candidates(path: Path) -> dict[str, str]:
    """``key<TAB>value [value...]`` lines -> {key: first value}, as OpenCC uses them."""
    pairs = (line.rstrip("\n").split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines())
    return {key: values.split(" ")[0] for key, values in pairs if values}


@functools.cache
def _t2s() -> _T2S:
    # Built once, on first use: most inputs are Simplified and never pay for it.
    return _T2S()


@_step
def to_simplified(text: str, index: array[int]) -> tuple[str, array[int]]:
    """Traditional to Simplified, one character for one character (every t2s mapping keeps
    the length, so the index stays exact; a line where it would not falls back to characters).

    >>> to_simplified("脫貧攻堅 鞏固成果")[0]
    '脱贫攻坚 巩固成果'
    """
    return _simplified_lines(text, lambda line: True), index


@_step
def traditional_lines(text: str, index: array[int]) -> tuple[str, array[int]]:
    """In a text below the Traditional page's threshold, the lines that hold Traditional-only
    characters (a paragraph quoted from a Traditional source, a repost's own line) to Simplified,
    as the whole of a Traditional page is: the rules' words are Simplified. A quote holding one of
    those characters is converted the same way, so it normalizes as the line it came from did.

    >>> traditional_lines("全县贫困人口1.2万人。\\n貧困戶1538戶7270人。")[0]
    '全县贫困人口1.2万人。\\n贫困户1538户7270人。'
    """
    if not _TRADITIONAL_ONLY.search(text):
        return text, index  # nearly every Simplified page: nothing to convert
    return _simplified_lines(text, lambda line: _TRADITIONAL_ONLY.search(line) is not None), index


def _simplified_lines(text: str, which: Callable[[str], bool]) -> str:
    converter = _t2s()
    lines = []
    for line in text.split("\n"):
        simplified = converter.convert(line) if which(line) else line
        if len(simplified) != len(line):
            simplified = line.translate(converter.chars)
        lines.append(simplified)
    return "\n".join(lines)


def steps(traditional: bool) -> list[Step]:
    """The steps in order: a decimal's point loses its spaces before full_stops reads the "." and
    after to_halfwidth makes it ASCII; pinyin is removed before t2s so phrases like 發布會 convert
    whole."""
    chosen: list[Step] = [
        remove_invisible,
        to_halfwidth,
        tracked_changes,
        chinese_numeral_years,
        spaced_decimals,
        spaced_grouping,
        full_stops,
        strip_pinyin,
    ]
    chosen.append(to_simplified if traditional else traditional_lines)
    return chosen


def normalize(
    text: str, index: array[int] | None = None, *, traditional: bool | None = None
) -> tuple[str, array[int]]:
    """Run every step; ``traditional=None`` detects the script from ``text`` itself.

    >>> normalize("共投入１１２７．１４萬元")[0]
    '共投入1127.14万元'
    """
    if index is None:
        index = identity(len(text))
    if traditional is None:
        traditional = is_traditional(text)
    for step in steps(traditional):
        text, index = step(text, index)
    return text, index


def explain(text: str) -> list[tuple[str, str]]:
    """(step name, text after the step) for each step that changed something.

    >>> explain("脫貧攻堅(jiān)投入１２萬元")
    [('to_halfwidth', '脫貧攻堅(jiān)投入12萬元'), ('strip_pinyin', '脫貧攻堅投入12萬元'), \
('to_simplified', '脱贫攻坚投入12万元')]
    """
    trace = []
    index = identity(len(text))
    for step in steps(is_traditional(text)):
        changed, index = step(text, index)
        if changed != text:
            trace.append((step.__name__, changed))
            text = changed
    return trace
