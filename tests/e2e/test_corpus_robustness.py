"""Metamorphic checks on the real excerpts of the train split: rewrite each text in a way that keeps
its meaning (Traditional script, full-width digits, digits grouped by commas, 万 instead of the
exact count, a synonym, a site's navigation around it) and the rules extractor must score as it
does on the texts as they are. A rule tied to one surface form fails here, where a real report that
writes the same thing another way would have been missed. A county's page is also rewritten about
its sibling counties, whose name the region rules must then find. Only `train` is used: `test` stays
unseen.

The texts are third-party and not in the repository: without ../shared/corpus these tests skip.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import zlib
from collections.abc import Callable
from pathlib import Path

import cn2an
import opencc
import pytest

from povsum import Document, Summarizer
from povsum.evaluate import evaluate, load_split
from povsum.outputs import OutputDir
from povsum.panel.years import resolve_year
from povsum.regions import Division, gazetteer

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
TEXTS = ROOT.parent / "shared" / "corpus" / "texts"

pytestmark = pytest.mark.skipif(not TEXTS.is_dir(), reason="the corpus texts (../shared/corpus) are not here")

_S2T = opencc.OpenCC("s2t")
_S2TW = opencc.OpenCC("s2tw")  # Taiwan character forms (裡, 著, 為), as Taiwanese sites repost
_FULL_WIDTH = str.maketrans("0123456789%.", "０１２３４５６７８９％．")


def _replace(*pairs: tuple[str, str]) -> Callable[[str], str]:
    """Every ``a`` by its ``b``, all at once (a replacement is never replaced again)."""
    table = dict(pairs)
    pattern = re.compile("|".join(map(re.escape, table)))
    return lambda text: pattern.sub(lambda m: table[m.group()], text)


def _ten_thousands(m: re.Match[str]) -> str:
    count = int(m.group(1))
    return f"{count / 10000:.4f}".rstrip("0").rstrip(".") + "万" + m.group(2)


def _fixed_width(text: str, width: float = 30) -> str:
    """Every line broken at ``width`` (a Chinese character 1, an ASCII one half), as a PDF lays text
    out; a number is never cut, so every figure still stands verbatim."""
    lines = []
    for line in text.split("\n"):
        current, used = "", 0.0
        for token in re.findall(r"[0-9.,%]+|.", line):
            size = sum(1.0 if ord(c) > 0x2000 else 0.5 for c in token)
            if used + size > width and current:
                lines.append(current)
                current, used = "", 0.0
            current, used = current + token, used + size
        lines.append(current)
    return "\n".join(lines)


# Years in Chinese numerals, as formal reports and their PDFs write them, with each zero a text
# writes (二〇一四年, 二○一四年, 二零一四年) in turn.
_CHINESE_DIGITS = "〇一二三四五六七八九"
_ZEROS = ("〇", "○", "零")


def _chinese_years(text: str) -> str:
    zeros = itertools.cycle(_ZEROS)

    def year(m: re.Match[str]) -> str:
        zero = next(zeros)
        return "".join(_CHINESE_DIGITS[int(c)] for c in m[1]).replace("〇", zero) + "年"

    return re.sub(r"(?<![\d.])((?:19|20)\d\d)年", year, text)


def _pdf_spaced_decimals(text: str) -> str:
    """A space after, before or around the point of a decimal before its unit, in turn: "3. 64万户",
    "12 .5%", "0 . 41%", as PDF copies put them."""
    points = itertools.cycle((". ", " .", " . "))
    return re.sub(r"(?<=\d)\.(?=\d+(?:万|亿|%|个百分点))", lambda _: next(points), text)


_BETWEEN_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


def _a_space_in_a_word(text: str) -> str:
    """One space between two Chinese characters of each line, at a place the line's own checksum
    picks, as PDF copies space a word here and there ("贫 困发生率", "贫困人 口")."""
    lines = []
    for line in text.split("\n"):
        places = [m.start() for m in _BETWEEN_CHINESE.finditer(line)]
        if places:
            at = places[zlib.crc32(line.encode("utf-8")) % len(places)]
            line = line[:at] + " " + line[at:]
        lines.append(line)
    return "\n".join(lines)


# A Word or PDF copy's page turn: the page's footer and number (invented here), between blank lines.
_PAGE_FOOTER = "\n\n某某县扶贫开发领导小组办公室                2021年1月\n— {} —\n\n"
_PAGE_TURN_LINE = 40  # lines at least this long are cut by a turn


def _page_turns(text: str) -> str:
    """Every long line cut in two by a page's turn, between two Chinese characters past its middle
    (so inside a sentence, often inside a word), as Word and PDF copies print a report."""
    pages = itertools.count(2)
    lines = []
    for line in text.split("\n"):
        places = [m.start() for m in _BETWEEN_CHINESE.finditer(line) if m.start() >= len(line) // 2]
        if len(line) >= _PAGE_TURN_LINE and places:
            line = line[: places[0]] + _PAGE_FOOTER.format(next(pages)) + line[places[0] :]
        lines.append(line)
    return "\n".join(lines)


_UNIT_AFTER_A_NUMBER = re.compile(r"(?<=[\d万])(?=[户人](?!次))")


def _a_break_inside_a_figure(text: str) -> str:
    """Each line of prose broken once between a figure's number and its unit ("4.61万" / "人,…"),
    at its last figure after a comma, as a PDF copy breaks its lines where its page did."""
    lines = []
    for line in text.split("\n"):
        comma = line.find(",") if "," in line else line.find("，")
        places = [m.start() for m in _UNIT_AFTER_A_NUMBER.finditer(line) if comma >= 0 and m.start() > comma]
        if places:
            line = line[: places[-1]] + "\n" + line[places[-1] :]
        lines.append(line)
    return "\n".join(lines)


_HALF_WIDTH_PUNCTUATION = str.maketrans("，。：；（）！？", ",.:;()!?")
# Other pages' headlines below the article, with their own regions and figures (invented here).
_RELATED = (
    "\n相关新闻\n"
    "· 邻省某县贫困发生率降至0.41%\n"
    "· 全国832个贫困县全部摘帽\n"
    "· 某市：2019年减少贫困人口3.2万人\n"
)
_BYLINE = "2020-06-15 10:23  来源：人民网-人民日报\n"
_COMMENTS = "\n网友评论\n匿名网友：点赞！2020年一定能全面小康\n已有3人评论 共12人参与\n"
_NAVIGATION = "首页 | 政务公开 | 新闻中心\n当前位置：首页 > 新闻中心 > 扶贫动态\n【字体：大 中 小】\n"
_FOOTER = "\n版权所有：某县人民政府办公室  主办单位：某县扶贫开发办公室\n"
# A neighbour's work, named, after the text (invented here): not the region's place nor measures.
_NEIGHBOUR = "\n记者了解到,邻近的会宁县近年来通过发展乡村旅游和电商带动了群众增收。\n"
# A portal's banner: its names and slogan above the breadcrumb (invented here).
_BANNER = "乡村振兴门户网站\n\n扶贫网 乡村振兴论坛\n\n首页 > 新闻中心 > 正文\n\n"


# name -> a rewrite that keeps every figure, its region and its measures.
def _one_paragraph_traditional(text: str) -> str:
    """The longest line of the second half in Traditional script, as a Simplified page quoting a
    Traditional source (or a repost's own paragraph) has it; the page stays below the Traditional
    page's threshold."""
    lines = text.split("\n")
    k = max(range(len(lines) // 2, len(lines)), key=lambda i: len(lines[i]), default=None)
    if k is None:
        return text
    return "\n".join([*lines[:k], _S2T.convert(lines[k]), *lines[k + 1 :]])


_A_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)年")


def _latest_year_as(word: str, dateline: str, after: int) -> Callable[[str], str]:
    """The page's latest year (2020 at most) named by its date, as news written later does: each
    "2019年" as ``word`` (去年, 今年), under a dateline ``after`` years later ({year} and the
    ``dateline``'s month and day: "发布时间:2020-01-15")."""

    def rewrite(text: str) -> str:
        years = [int(y) for y in _A_YEAR.findall(text) if int(y) <= 2020]
        if not years:
            return text
        latest = max(years)
        named = re.sub(rf"(?<![\d.]){latest}年", word, text)
        return dateline.format(year=latest + after) + named

    return rewrite


REWRITES: dict[str, Callable[[str], str]] = {
    "traditional_script": _S2T.convert,
    "taiwan_script": _S2TW.convert,
    "half_width_punctuation": lambda text: text.translate(_HALF_WIDTH_PUNCTUATION),
    "paragraph_indent": lambda text: re.sub(r"(?m)^(?=\S)", "\u3000\u3000", text),
    "blank_line_between_paragraphs": lambda text: text.replace("\n", "\n\n"),
    "no_break_space_before_units": lambda text: re.sub(r"(?<=\d)(?=[万亿户人个元%])", "\u00a0", text),
    "related_links_after": lambda text: text + _RELATED,
    "comments_after": lambda text: text + _COMMENTS,
    "byline_before": lambda text: _BYLINE + text,
    "a_line_per_sentence": lambda text: text.replace("。", "。\n"),
    "chinese_numeral_years": _chinese_years,
    "village_counts_in_chinese_numerals": lambda text: re.sub(
        r"(?<![\d.,])([1-9]\d?)(个贫困村|个村|个乡镇|个贫困县)", lambda m: cn2an.an2cn(m[1]) + m[2], text
    ),
    "pdf_spaced_decimals": _pdf_spaced_decimals,
    "full_width_digits": lambda text: text.translate(_FULL_WIDTH),
    "digits_grouped_by_commas": lambda text: re.sub(
        r"(?<![\d.,])(\d{1,3})(\d{3})(?=[户人名个元])", r"\1,\2", text
    ),
    "ten_thousands": lambda text: re.sub(r"(?<![\d.,])(\d{5,7})(人|户)(?!次)", _ten_thousands, text),
    "a_space_after_punctuation": lambda text: re.sub(r"([，。,])", r"\1 ", text),
    "synonyms_of_falling": _replace(("减少到", "降至"), ("降至", "下降到"), ("下降到", "减少至")),
    "synonyms_of_now": _replace(("如今", "目前"), ("目前", "现在"), ("截至", "截止")),
    "poor_masses_for_poor_people": _replace(("贫困人口", "贫困群众")),
    "rate_synonym": _replace(("贫困发生率", "贫困率")),
    "site_navigation_around": lambda text: _NAVIGATION + text + _FOOTER,
    "portal_banner_above": lambda text: _BANNER + text,
    "a_neighbours_work_after": lambda text: text + _NEIGHBOUR,
    "fixed_width_layout": _fixed_width,
    "page_turns_inside_sentences": _page_turns,
    "a_break_inside_a_figure": _a_break_inside_a_figure,
    "a_space_in_a_word_per_line": _a_space_in_a_word,
    "letter_spaced": lambda text: re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", text),
    "paragraphs_in_p_tags": lambda text: re.sub(r"(?m)^(.+)$", r"<p>\1</p>", text),
    "nbsp_entity_indent": lambda text: re.sub(r"(?m)^(?=\S)", "&nbsp;&nbsp;", text),
    # Litter after a full stop: a WeChat repost's emoji, a damaged character.
    "emoji_after_full_stops": lambda text: re.sub(r"([。！])(?=[^\n])", "\\1\U0001f44d", text),
    "replacement_characters_after_full_stops": lambda text: re.sub(r"([。！])(?=[^\n])", "\\1\ufffd", text),
    "one_paragraph_in_traditional_script": _one_paragraph_traditional,
    # A reading aid's pinyin after words, toned, with or without a space between syllables.
    # The latest year named by the page's date: "去年底" under a dateline of the year after.
    "the_latest_year_as_last_year": _latest_year_as("去年", "发布时间:{year}-01-15 10:00\n", 1),
    "the_latest_year_as_this_year": _latest_year_as("今年", "发布时间:{year}-12-20 10:00\n", 0),
    "pinyin_after_words": _replace(
        ("脱贫", "脱贫(tuōpín)"),
        ("贫困", "贫困(pín kùn)"),
        ("脫貧", "脫貧(tuōpín)"),
        ("貧困", "貧困(pín kùn)"),
    ),
}
TOLERANCE = 0.01  # one figure or region in a hundred may move
# A fixed-width layout also moves headlines and clause ends; it may cost this much more.
LAYOUT_TOLERANCE = 0.06


# The headline scores (EvalReport.metric): region and figures accuracy, funding and measures F1.
METRICS = ("region", "snapshot", "funding", "measures")


def _score(summarizer: Summarizer, out: Path, rewrite: Callable[[str], str]) -> dict[str, float]:
    train = load_split("train", CORPUS / "split.json")
    assert train, "the split file names no train articles"
    with OutputDir(out) as folder:
        for stem in sorted(train):
            original = Document.from_path(TEXTS / f"{stem}.txt").original
            folder.write_summary(stem, summarizer.summarize_text(rewrite(original)))
    report = evaluate(out, CORPUS / "gold", train)
    return {name: report.metric(name) or 0.0 for name in METRICS}


@pytest.fixture(scope="module")
def as_written(rules_summarizer: Summarizer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    return _score(rules_summarizer, tmp_path_factory.mktemp("as_written"), lambda text: text)


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_a_rewrite_that_keeps_the_meaning_keeps_the_scores(
    name: str, as_written: dict[str, float], rules_summarizer: Summarizer, tmp_path: Path
) -> None:
    rewritten = _score(rules_summarizer, tmp_path, REWRITES[name])
    allowed = TOLERANCE + (LAYOUT_TOLERANCE if name == "fixed_width_layout" else 0)
    worse = {
        k: (round(as_written[k], 3), round(v, 3)) for k, v in rewritten.items() if v < as_written[k] - allowed
    }
    assert worse == {}, f"{name}: (as written, rewritten) {worse}"


def test_the_rewrites_change_the_texts() -> None:
    # A rewrite that touches nothing would pass without testing anything.
    texts = [Document.from_path(p).original for p in sorted(TEXTS.glob("*.txt"))[:60]]
    for name, rewrite in REWRITES.items():
        assert any(rewrite(t) != t for t in texts), name


@pytest.mark.parametrize("name", ["the_latest_year_as_last_year", "the_latest_year_as_this_year"])
def test_a_year_named_by_the_pages_date_dates_no_figure_by_another_year(
    name: str, rules_summarizer: Summarizer
) -> None:
    # A wrong year is worse than none: where the page as written dates a part, its rewrite dates it
    # by the same year (去年底 read by the page's date, as the panel reads it) or by none.
    checked, wrong = 0, []
    for stem in sorted(load_split("train", CORPUS / "split.json")):
        text = Document.from_path(TEXTS / f"{stem}.txt").original
        rewritten = REWRITES[name](text)
        before, after = rules_summarizer.summarize_text(text), rules_summarizer.summarize_text(rewritten)
        published = Document.from_text(rewritten).published
        for part in ("baseline", "outcome"):
            old, new = getattr(before, part), getattr(after, part)
            if not (old and old.as_of and _A_YEAR_IN.search(old.as_of)) or not (new and new.as_of):
                continue
            checked += 1
            year, dated = resolve_year(old.as_of, None), resolve_year(new.as_of, published)
            if year is None or dated is None or year.year != dated.year:
                wrong.append((stem, part, old.as_of, new.as_of))
    assert checked >= 30, checked
    assert wrong == [], wrong


_A_YEAR_IN = re.compile(r"(?:19|20)\d\d")


# --- the same page about another county ----------------------------------------------------------


def _forms(division: Division) -> list[str]:
    return sorted({division.name, *division.short_names}, key=len, reverse=True)


def _siblings(division: Division, text: str) -> list[Division]:
    """Counties of the same prefecture of the same kind (县 for 县, 自治县 for 自治县, 区 for 区), so
    the page's parents and its 全县 still fit; none the page names already."""
    return [
        other
        for other in gazetteer().divisions
        if other.code
        and other.level == division.level
        and other.prefecture == division.prefecture
        and other.name != division.name
        and other.name[-1] == division.name[-1]
        and ("自治" in other.name) == ("自治" in division.name)
        and len(gazetteer().by_name(other.name)) == 1
        and not any(form in text for form in _forms(other))
    ]


def _swapped(text: str, old: Division, new: Division) -> str:
    """``text`` about ``new``: each form of ``old``'s name by the same form of ``new``'s (会宁县 ->
    通渭县, 会宁 -> 通渭), in the page's script, a replacement never replaced again."""
    stem_old = min(_forms(old), key=len).removesuffix("自治县").removesuffix("县")
    stem_new = min(_forms(new), key=len).removesuffix("自治县").removesuffix("县")
    pairs = {old.name: new.name}
    for form in _forms(old):
        if form != old.name and form.startswith(stem_old):
            pairs[form] = stem_new + form[len(stem_old) :]
    scripted = dict(pairs)
    for a, b in pairs.items():
        for convert in (_S2T.convert, lambda w: w[:-1] + _S2T.convert(w[-1])):  # 會寧縣, 云縣
            scripted.setdefault(convert(a), convert(b))
    return _replace(*scripted.items())(text)


def test_a_county_page_about_a_sibling_county_names_the_sibling(rules_summarizer: Summarizer) -> None:
    # Region rules tied to the names the train pages happen to hold would fail here: each page
    # about a county, whose region the rules find, is rewritten about up to three of its siblings.
    checked, wrong = 0, []
    for stem in sorted(load_split("train", CORPUS / "split.json")):
        gold = json.loads((CORPUS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))["region"]
        if not gold or gold["level"] not in ("county", "district"):
            continue
        divisions = [d for d in gazetteer().by_name(gold["name"]) if d.name == gold["name"]]
        text = Document.from_path(TEXTS / f"{stem}.txt").original
        found = rules_summarizer.summarize_text(text).region
        if len(divisions) != 1 or not found or found.name not in {gold["name"], *gold.get("accept", [])}:
            continue
        siblings = _siblings(divisions[0], text)
        for sibling in random.Random(stem).sample(siblings, k=min(3, len(siblings))):
            checked += 1
            region = rules_summarizer.summarize_text(_swapped(text, divisions[0], sibling)).region
            if not region or region.name not in _forms(sibling):
                wrong.append((stem, sibling.name, region.name if region else None))
    assert checked >= 60, checked
    assert len(wrong) <= checked * TOLERANCE, wrong
