"""Page furniture: the lines around an article that are not the article.

Saved news pages carry navigation, related-headline lists, copyright and licence lines and
ranking lists. Each rule below is a named, line-level test on the normalized (Simplified,
half-width) text, so a user can see why a line was dropped (``analyse(text).cuts``). Rules that
look for keywords such as 举报 or 版权 only apply to short lines without a full stop, so a body
sentence that mentions them is never dropped. The dateline (site, URL, 时间:...) is kept: it
tells a reader which year 今年 is. A PDF or Word copy's page marks (— 2 —, 第3页 共8页, 下转第三版), the
running headers and footers beside them and a reviewer's notes are dropped too, and a sentence cut
by a page's turn goes on over them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from povsum.numbers import QuantityMatch, find_quantities
from povsum.regions import gazetteer, local_level
from povsum.wrapping import BULLETS, ITEM_START

__all__ = ["Cut", "Layout", "analyse", "column_label", "figures", "headline", "is_paragraph"]

# Keyword rules for short lines. Plain literals in one alternation let the regex engine skip
# ahead by first character; the matched keyword names the rule.
_KEYWORDS = {
    "navigation": ("您当前的位置", "当前位置:", ">", "»"),  # breadcrumbs: 首页 > 新闻
    "contact": ("新闻热线", "投稿邮箱", "联系电话:", "邮编:", "邮政编码"),
    # the site's host, in its footer: 主办:某某市人民政府办公室 承办:… 技术支持:…
    "host": ("主办:", "主办单位", "承办:", "承办单位", "技术支持:"),
    # an e-paper's masthead: 某某日报数字报 2020年10月16日 星期五 第A03版:县区新闻
    "masthead": ("数字报", "电子报", "数字版"),
    "copyright": ("版权", "all rights reserved", "copyright", "©"),
    "licence": ("icp", "公网安备", "举报", "许可证", "备案号"),
    "page_tools": ("打印本页", "关闭窗口", "produced by", "【打印】", "【关闭】", "分享到", "字体:"),
}
_RULE_OF = {word: rule for rule, words in _KEYWORDS.items() for word in words}
_KEYWORD = re.compile("|".join(map(re.escape, _RULE_OF)))
_MENU_WORDS = frozenset({"首页", "网站首页", "联系我们", "设为首页", "加入收藏", "网站地图", "返回顶部"})
# [来源:海口日报] [作者:...] [编辑:...]; a 来源 inside a dateline (信息来源:...) keeps its line.
_SOURCE_TAGS = ("[来源:", "[作者:", "[编辑:", "[责任编辑:", "来源:", "作者:", "编辑:", "责任编辑:")
# Site disclaimers are sentences, so they get their own rule with a longer limit (_DISCLAIMER_LINE).
# They state no figures: a line that does is article text (an article saved as one line that ends
# with a disclaimer keeps its text).
_DISCLAIMER = re.compile(
    "凡注明来源|凡注明为|不代表本网|不代表本站|本网书面授权|本站书面授权|版权均属|并不表明网站立场|如有侵犯"
)
# A header line after which a list of other headlines follows, or one that carries the first of
# them: 相关新闻:兰坪县贫困发生率降至5.1%, 【热点推荐】 凉山:决战决胜 | 昭觉:…, and the links to
# the site's articles before and after this one (上一篇:… 下一篇:…).
_LIST_HEADS = (
    r"(?:相关链接|相关推荐|相关新闻|相关阅读|相关文章|延伸阅读|推荐阅读|热点推荐|热门推荐|猜你喜欢|图片新闻"
    r"|上一篇|下一篇|上一条|下一条|点击进入|点击查看"
    r"|往期回顾|网友评论|(?:热门|点击|新闻)?排行榜?)"
)
# A bullet may stand before the header: ■ 相关链接:…, ● 延伸阅读.
_BULLET = rf"[{BULLETS}]?\s*"
_BULLET_START = re.compile(rf"^[{BULLETS}]\s*")
_LIST_HEAD = re.compile(rf"^{_BULLET}{_LIST_HEADS}\s*:?$")
_LIST_HEAD_WITH_ITEM = re.compile(rf"^{_BULLET}(?:【{_LIST_HEADS}】|{_LIST_HEADS}\s*:)\s*\S")
_BYLINE = re.compile(r"记者|通讯员|报道$|^本报")
_CJK = re.compile("[\u3400-\u9fff]")
_DIGIT = re.compile(r"\d")
# Page metadata written on the headline's line ("…5县摘帽 时间:2017-03-21 来源:某日报", "…新居
# 2017-05-22 10:31"): the headline ends where it starts, and a line that starts with it is no
# headline ("2017-05-22 00:00:00 | 湖北省建设信息中心 |", a dateline naming the site).
_METADATA = re.compile(
    r"(?:发布|更新)?(?:时间|日期)\s*:|(?:信息)?来源\s*:|作者\s*:|(?:责任)?编辑\s*:|(?:人气|浏览|点击|刊号|热线)\s*:"
    r"|(?<!\d)(?:19|20)\d\d[-/]\d{1,2}[-/]\d{1,2}(?!\d)"
)
# The site's name after the headline, as a page's title bar has it (…搬出来的好日子_白银市人民政府网,
# … - 白银市人民政府, … | 甘肃日报): the headline ends before it. A dash joins a subtitle to its
# headline without spaces (…好日子——甘肃会宁脱贫攻坚见闻).
_SITE_SUFFIX = re.compile(
    r"(?:\s*[_|]\s*|\s+[-—–]{1,2}\s+)[^\s_|]{2,20}(?:人民政府|政府网|门户网站|网站|网|日报|晚报|新闻|融媒|客户端|频道)$"
)
# 甘肃省人民政府门户网站, 某某县扶贫信息网: the site's name on a line of its own, above or below every
# page it serves. Cut, not only kept from the headline: the place in it is the site's, and named
# once more it tips a county page whose prefecture hosts it to the prefecture. (A headline that ends
# with one, 会宁县:搬出来的好日子_白银市人民政府网, is the page's title bar.)
_SITE_NAME = re.compile(r"^[^\s_|:]{2,20}(?:门户网站|官方网站|网站|政府网|信息网|新闻网|官网)$")
# Lines that look like headlines but are page chrome.
_NOT_HEADLINE = {
    "site_name": _SITE_NAME,
    "url": re.compile(r"https?://|www\."),  # 本地特产商城 http://…: an advert or a site banner
    # 站点首页 范文大全 心得体会 …, or three entries between bars: 首页 | 政务公开 | 新闻中心
    "menu_bar": re.compile(r"^(?:(?:[^\s|]{1,6}[\s|]+){3,}|(?:[^\s|]{1,6}\s*\|\s*){2,})[^\s|]{1,6}$"),
    "breadcrumb": re.compile(r"正文$"),  # 新华网 正文
    # 一、基本情况 or 10:梅州市丰顺县: a section heading or a list item inside the article
    "numbered": re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.:．]"),
    # 彭阳县城全景(彭阳县委宣传部供图), 新居(记者 王某 摄): a photo's caption, credited at its end
    "caption": re.compile(r"[((][^()()]*(?:供图|摄|摄影)[))]$"),
    # 甘肃决战决胜脱贫攻坚系列报道之五: a series' label above the headline, as a column's is before it
    "series": re.compile(r"(?:系列|专题|特别)(?:报道|访谈|述评|评论)(?:之[一二三四五六七八九十\d]+)?$"),
}
_DATE = re.compile(r"\d+\s*[年月日号时分秒]")
_MEDIA_LINK = re.compile(r"(?:视频|微视频|图集|组图|音频|直播|专题|图解)\s*[:|]")
# A reviewer's note of a Word copy exported with its comments: "[批注1 李科长]: …", "[修订:王主任 …]".
_REVIEW_NOTE = re.compile(r"\[(?:批注|修订|审阅)[^\]]{0,30}\]")
_HEADLINE_WORDS = 4  # a headline has at least this many Chinese characters besides dates
# A section label in brackets may open a headline: 【石岭沟五年巡礼】石岭沟村的新貌.
_LABEL = re.compile(r"^【[^】]{1,12}】")

_SHORT_LINE = 100  # keyword rules apply to lines up to this long (and without a full stop)
_DISCLAIMER_LINE = 200  # the disclaimer rule applies to lines up to this long
_LIST_ITEM = 60  # a headline in a related list is at most this long
_TAIL_ITEM = 40  # after the last paragraph, lines up to this long are headline lists
# ...but not the excerpt's last sentence, cut off after a clause: "全镇2014年建档立卡…,贫困发生率为……".
_CUT_OFF = re.compile(r",[^,]*…+$")
# ...nor a label and its figures, a data card's line ("贫困人口:3256人", "2016年建档立卡贫困户:812户 3256人"):
# a related list's headline says something of its figures, a data line only gives them.
_DATA_VALUE = r"[\d.,]+\s*[万亿]?\s*[户人个元%]\s*[、,]?\s*"
_DATA_LINE = re.compile(rf"^[^:,。]{{2,20}}:\s*(?:{_DATA_VALUE})+$")
_MENU_ITEM = 4  # before the headline, lines this short are menu entries (市县, 首页)
# A page's own marks, on a line of their own where a PDF or Word copy turns its pages: a page number
# ("— 2 —", "-3-", "第3页 共8页", "第2页,共6页", "—— Page 7 of 22 ——"), a newspaper's page
# ("第03版:综合") and its continuation notes ("(下转第三版)", "(上接第一版)").
_DASHES = r"[—\-–_]*"
_PAGE_MARK = re.compile(
    rf"{_DASHES}\s*(?:\d{{1,4}}|第\s*\d{{1,4}}\s*[页頁]\s*[,/]?\s*共\s*\d{{1,4}}\s*[页頁]|page\s*\d{{1,4}}(?:\s*of\s*\d{{1,4}})?)\s*{_DASHES}"
    r"|第\d{1,3}版\s*(?::\s*\S{1,8})?|\(?(?:下转|上接)第[一二三四五六七八九十\d]{1,3}版\)?"
)
# Around a page mark, a line that is no sentence and holds a wide gap ("内部资料  注意保存      某县扶贫办",
# "某县扶贫开发领导小组办公室        2021年1月") is the page's running header or footer.
_COLUMNS_GAP = re.compile(r"\S\x20{4,}\S")
# A sentence goes on over the turn of a page unless the line before the page's furniture ends one.
_SENTENCE_END = re.compile(r"[。!?;…”\"」』:]$")
_PAGE_WIDTH = 40  # a line this long without a clause mark is prose laid out to a page's width
_REPEATED_LINE = 20  # a line this long printed again is a copy (a lead repeated as a summary)


class Cut(NamedTuple):
    """A dropped line: ``text[start:end]`` (with its newline) and the rule that dropped it."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Layout:
    """Where the furniture, the headline and the header are in a normalized text."""

    cuts: tuple[Cut, ...]
    title: tuple[int, int] | None  # span of the headline, without surrounding whitespace
    header_end: int  # start of the first body paragraph after the headline


def is_paragraph(line: str) -> bool:
    """A body paragraph: it has a full stop, or is long and ends like a sentence.

    >>> is_paragraph("基本医疗保障得到落实。"), is_paragraph("图解海口一周热闻|多彩节目,点亮缤纷假期!")
    (True, False)
    """
    return "。" in line or (len(line) >= 40 and line[-1] in '!?…”"')


def headline(line: str) -> str | None:
    """The headline on ``line``: a short Chinese line that is not a sentence, a byline, a caption
    or page chrome, without the page metadata that may follow it on the same line.

    >>> headline("海口众志成城打好脱贫攻坚战 已实现18255人脱贫"), headline("本报记者 白琳报道")
    ('海口众志成城打好脱贫攻坚战 已实现18255人脱贫', None)
    >>> headline("泰来等4县退出贫困序列 时间:2017-03-21 来源:某日报"), headline("更新时间:2016-11-27 14:05")
    ('泰来等4县退出贫困序列', None)
    >>> headline("2017-05-22 00:00:00 | 湖北省建设信息中心 |"), headline("贫困户喜迁新居 2017-05-22 10:31")
    (None, '贫困户喜迁新居')
    >>> headline("会宁县:搬出来的好日子_白银市人民政府网"), headline("会宁县:好日子 - 白银市人民政府")
    ('会宁县:搬出来的好日子', '会宁县:好日子')
    >>> headline("站点首页 范文大全 心得体会 演讲稿"), headline("87个贫困村全部出列!")
    (None, '87个贫困村全部出列!')
    >>> headline("● 10:梅州市丰顺县"), headline("● 甘肃古浪:搬出来的好日子")
    (None, '● 甘肃古浪:搬出来的好日子')
    """
    # A bullet before a list's item (● 10:梅州市丰顺县) would hide what the item is.
    bare = _BULLET_START.sub("", line)
    if any(rule.search(bare) for rule in _NOT_HEADLINE.values()):
        return None
    head = _without_metadata(line)
    if site := _SITE_SUFFIX.search(head):
        head = head[: site.start()]
    text = _LABEL.sub("", head)
    is_headline = (
        6 <= len(text) <= 80
        and len(_CJK.findall(_DATE.sub("", text))) >= _HEADLINE_WORDS
        and "。" not in text
        and text[-1] not in ";:,、"
        and text[0] not in "·([【<"
        and _BYLINE.search(text) is None
    )
    return head if is_headline else None


def _without_metadata(line: str) -> str:
    metadata = _METADATA.search(line)
    return line[: metadata.start()].rstrip() if metadata else line


def _site_suffix(line: str) -> re.Match[str] | None:
    """The site's name after the headline on ``line`` (…好日子_白银市人民政府网), before any metadata."""
    return _SITE_SUFFIX.search(_without_metadata(line))


def column_label(head: str) -> str:
    """The column's label a headline opens with (【甘肃脱贫攻坚进行时】会宁县:…), "" when none: the
    column names the section of the paper, not what this article is about.

    >>> column_label("【石岭沟五年巡礼】石岭沟村的新貌"), column_label("会宁县:搬出来的好日子")
    ('【石岭沟五年巡礼】', '')
    """
    label = _LABEL.match(head)
    return label[0] if label else ""


def _is_exclaimed(head: str) -> bool:
    """Clauses ending in ! or ? (生活中的好帮手!, 精准脱贫有何高招?): a site's slogan or an editor's
    note as often as a headline. One exclamation or question (出列!) is a plain headline.

    >>> _is_exclaimed("100字范文,内容丰富有趣,生活中的好帮手!"), _is_exclaimed("87个贫困村全部出列!")
    (True, False)
    """
    return head[-1] in "!?" and "," in head


def _is_place_name(line: str) -> bool:
    """A line that is only the full name of a township, village, county or prefecture (张北镇,
    党家岘乡): the title of a profile page. A province alone (湖南) is a menu entry."""
    divisions = gazetteer().by_name(line)
    return local_level(line) is not None or any(d.name == line and d.depth > 0 for d in divisions)


def _is_page_mark(line: str) -> bool:
    """A page number or a newspaper's page note on a line of its own.

    >>> [_is_page_mark(s) for s in ("— 2 —", "第3页 共8页", "(下转第三版)", "—— Page 7 of 22 ——", "2019")]
    [True, True, True, True, False]
    """
    # A bare number is a page number only between dashes: "2019" alone may be a table's year.
    return _PAGE_MARK.fullmatch(line.lower()) is not None and not line.isdigit()


def _is_sentence(line: str) -> bool:
    return "。" in line or "," in line or ";" in line


def _goes_on(line: str) -> bool:
    """Whether the line before a page's turn stops inside a sentence: it ends none, and holds a
    clause (a comma, a full stop, a 、 outside a heading's number) or fills a page's width (a
    dateline or a heading ends where it ends)."""
    if _SENTENCE_END.search(line):
        return False
    listed = "、" in line and not ITEM_START.match(line)
    return _is_sentence(line) or listed or len(line) >= _PAGE_WIDTH


def _page_furniture(lines: list[tuple[int, int, str]], rules: list[str | None]) -> dict[int, int]:
    """Mark the page marks, the running headers and footers beside them (a line printed before,
    or one laid out in columns) and the blank lines around them. Return the turns of the page
    inside a sentence (after a line ending none, before one starting no item), first line to last:
    the text goes on there as if the page did not turn."""
    marks = [k for k, (_, _, line) in enumerate(lines) if rules[k] is None and _is_page_mark(line)]
    if not marks:
        return {}
    seen: dict[str, int] = {}
    for k, (_, _, line) in enumerate(lines):
        seen.setdefault(line, k)
    for k in marks:
        rules[k] = "page_number"
    for k in marks:
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines):
                line = lines[j][2]
                if rules[j] is not None and rules[j] != "page_number":
                    pass  # already furniture: look past it
                elif not line:
                    rules[j] = "page_break"
                elif _is_page_mark(line):
                    pass
                elif not _is_sentence(line) and (seen[line] < j or _COLUMNS_GAP.search(line)):
                    rules[j] = "running_header"
                else:
                    break
                j += step
    turns = {}
    for k in marks:
        first = last = k
        while first > 0 and rules[first - 1] is not None:
            first -= 1
        while last + 1 < len(lines) and rules[last + 1] is not None:
            last += 1
        if first > 0 and last + 1 < len(lines):
            before, after = lines[first - 1][2], lines[last + 1][2]
            if _goes_on(before) and after and not ITEM_START.match(after):
                turns[first] = last
    return turns


def _rule(line: str) -> str | None:
    if _REVIEW_NOTE.match(line):
        return "review_note"
    if _LIST_HEAD.match(line):
        return "related_list"
    if _LIST_HEAD_WITH_ITEM.match(line) and "。" not in line:
        return "related_link"  # its items are on its own line: no list follows
    if len(line) <= _SHORT_LINE and "。" not in line:
        if line in _MENU_WORDS:
            return "navigation"
        if line.startswith(_SOURCE_TAGS):
            return "source_tags"
        if line.startswith("|") and not line.strip("| \t"):
            return "separator"
        if _SITE_NAME.match(line):
            return "site_name"
        if m := _KEYWORD.search(line.lower()):
            return _RULE_OF[m[0]]
    if len(line) <= _DISCLAIMER_LINE and _DISCLAIMER.search(line) and not figures(line):
        return "disclaimer"
    return None


def figures(text: str) -> list[QuantityMatch]:
    """The figures of ``text``: numbers written in digits with a unit (4361人, 29.1%, 5748.5万元).

    >>> [m.text for m in figures("投入5748.5万元,帮扶一个村,如有侵犯请于30日内联系。")]
    ['5748.5万元']
    """
    if not _DIGIT.search(text):
        return []  # most lines of a page's furniture: not worth the number scan
    return [m for m in find_quantities(text) if m.parsed.unit and _DIGIT.search(m.text)]


def _is_list_item(line: str) -> bool:
    return len(line) <= _LIST_ITEM and "。" not in line and _BYLINE.search(line) is None


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end including the newline, stripped content) of each line."""
    lines = []
    start = 0
    for line in text.split("\n"):
        end = min(start + len(line) + 1, len(text))
        if start < end:  # the empty piece after a final newline is not a line
            lines.append((start, end, line.strip()))
        start = end
    return lines


def analyse(text: str) -> Layout:
    """Find the furniture lines, the headline and the end of the header of ``text``.

    >>> layout = analyse("首页>新闻>\\n标题在这里说了什么事\\n正文第一段。\\n相关链接:\\n别的新闻标题\\n")
    >>> [(cut.rule, cut.start) for cut in layout.cuts], layout.title
    ([('navigation', 0), ('related_list', 25), ('related_list', 31)], (7, 17))
    """
    lines = _lines(text)
    rules: list[str | None] = []
    in_list = listed = False  # in a list; an item of it taken
    above_text = True  # no paragraph yet
    for _, _, line in lines:
        rule = _rule(line)
        if rule is None and in_list and _is_list_item(line):
            rule = "related_list"
            listed = listed or bool(line)
        elif rule == "related_list":
            in_list, listed = True, False
        elif rule is None:
            in_list = False
        # A sidebar's list above the text ends at a blank line after its items: the article's
        # headline follows. (A blank line may stand between its header and its first item.)
        if not line and above_text and listed:
            in_list = False
        above_text = above_text and not is_paragraph(line)
        rules.append(rule)

    turns = _page_furniture(lines, rules)
    # The two lines a turn of the page joins read as one: neither is a headline or a list item.
    joined = {}
    for first, last in turns.items():
        joined[first - 1] = joined[last + 1] = lines[first - 1][2] + lines[last + 1][2]
    # A page may print its lead twice (a summary above the text): the copy is layout.
    seen: set[str] = set()
    for k, (_, _, line) in enumerate(lines):
        if rules[k] is None and len(line) >= _REPEATED_LINE:
            if line in seen:
                rules[k] = "repeated"
            seen.add(line)

    kept = [k for k, rule in enumerate(rules) if rule is None]
    paragraphs = [k for k in kept if is_paragraph(joined.get(k, lines[k][2]))]
    # The headline comes before the second paragraph (the first may be a lead line above it). An
    # exclaimed one is the title only when no plain one is; a profile page may have only the
    # place's name above its text.
    limit = paragraphs[1] if len(paragraphs) > 1 else len(lines)
    first_paragraph = paragraphs[0] if paragraphs else len(lines)
    found = {k: head for k in kept if k < limit and k not in joined and (head := headline(lines[k][2]))}
    # A media link below the text's first paragraph (视频:会宁县的脱贫故事) points to another page.
    found = {k: head for k, head in found.items() if k < first_paragraph or not _MEDIA_LINK.match(head)}
    # The place's name stands above the profile's text, not among its lines (a table's row label).
    places = {k: lines[k][2] for k in kept if k < first_paragraph and _is_place_name(lines[k][2])}
    plain = {k: head for k, head in found.items() if not _is_exclaimed(head)}
    heads = plain or found or places
    # Above a breadcrumb (首页 > 周刊杂志 > 正文) stand the site's names and slogans: a headline
    # below it is the article's.
    crumbs = [k for k in range(first_paragraph) if rules[k] == "navigation"]
    below = [k for k in heads if crumbs and k > crumbs[-1]]
    title = min(below or heads, default=None)
    if title is not None:
        for k in kept:
            if k < title and 0 < len(lines[k][2]) <= _MENU_ITEM:
                rules[k] = "menu"
    if paragraphs:
        for k in kept:
            line = lines[k][2]
            if (
                k > paragraphs[-1]
                and k not in joined
                and len(line) <= _TAIL_ITEM
                and not _CUT_OFF.search(line)
                and not _DATA_LINE.match(line)
            ):
                rules[k] = "trailing_list"

    body = [k for k in paragraphs if title is None or k > title]
    title_span = None
    if title is not None:
        start, _, line = lines[title]
        first = text.index(line, start)
        title_span = (first, first + len(heads[title]))
    cuts = [Cut(s, e, rule) for (s, e, _), rule in zip(lines, rules, strict=True) if rule]
    if title_span is not None and (site := _site_suffix(lines[title][2])):
        # The site's name after the headline is cut with the site's lines: its place is the site's.
        at = title_span[0] + site.start()
        cuts = sorted([*cuts, Cut(at, at + len(site[0]), "site_name")])
    starting = {cut.start: i for i, cut in enumerate(cuts)}
    ending = {cut.end: i for i, cut in enumerate(cuts)}
    for first, last in sorted(turns.items(), reverse=True):  # from the end: the indices before hold
        # The turn of the page joins the line before to the line after: from the end of the one's
        # text to the start of the other's, over the breaks and indents between.
        before_start, _, before = lines[first - 1]
        content_end = text.index(before, before_start) + len(before)
        after_start = lines[last][1]
        indent = len(text[after_start:]) - len(text[after_start:].lstrip(" \t"))
        at, end = starting[lines[first][0]], ending[after_start]
        cuts[at : end + 1] = [Cut(content_end, after_start + indent, "page_turn")]
    return Layout(
        cuts=tuple(cuts),
        title=title_span,
        header_end=lines[body[0]][0] if body else len(text),
    )
