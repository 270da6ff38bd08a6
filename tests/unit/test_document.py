"""The reading stage: decoding, refusals, furniture, normalization, metadata and the offset map."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest

from povsum import summarize_text, verify
from povsum.document import Document, explain
from povsum.errors import InputError
from povsum.extractors.rules import RulesExtractor
from povsum.wrapping import word_spaces

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_IDS = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return {path.name[:3]: Document.from_path(path) for path in sorted(SEEDS.glob("*.txt"))}


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^。!?;\n]+[。!?;]?", text)]


# --- the offset map ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_sentence_maps_to_the_original_and_back(seeds: dict[str, Document], seed: str) -> None:
    doc = seeds[seed]
    spans = _sentences(doc.text)
    assert len(spans) > 20
    for i, j in spans:
        start, end = doc.to_original(i, j)
        assert doc.text_between(start, end) == doc.text[i:j]
        # The original span itself, normalized like the document, reads as the same sentence.
        assert doc.normalize(doc.original[start:end]) == doc.text[i:j]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_index_is_exact(seeds: dict[str, Document], seed: str) -> None:
    doc = seeds[seed]
    assert len(doc.index) == len(doc.text)
    assert all(a < b for a, b in zip(doc.index, doc.index[1:], strict=False))
    assert doc.text_between(0, len(doc.original)) == doc.text
    assert doc.to_original(0, 0) == (doc.index[0], doc.index[0])
    assert doc.to_original(len(doc.text), len(doc.text))[0] <= len(doc.original)


def test_to_original_rejects_spans_outside_the_text(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    with pytest.raises(ValueError, match="outside the text"):
        doc.to_original(5, len(doc.text) + 1)
    with pytest.raises(ValueError):
        doc.to_original(6, 5)


def test_locate_prefers_the_match_after_near(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    quote = "2014年海口共有贫困人口4352户18802人"
    first = doc.locate(quote)
    assert first == (0, len(quote))
    second = doc.locate(quote, near=10)
    assert second is not None and second[0] > first[0]
    assert doc.original[slice(*second)] == quote
    assert doc.locate("全文没有的句子") is None
    assert doc.locate("") is None


# --- seed 002: Traditional script, inline pinyin, mojibake -------------------------------------


def test_traditional_seed_becomes_simplified(seeds: dict[str, Document]) -> None:
    doc = seeds["002"]
    assert doc.script == "traditional"
    for phrase in ("发布会", "海口网", "脱贫攻坚", "1127.14万元", "据悉", "350.16万元"):
        assert phrase in doc.text
    assert "(fā)" not in doc.text and "發" not in doc.text
    assert "(记者卢海浪)" in doc.text and "(海南爱心扶贫网)" in doc.text
    assert doc.warnings == ("mojibake: 1 damaged run(s), e.g. '??诰W'",)


def test_traditional_phrase_maps_to_original_with_pinyin_inside(seeds: dict[str, Document]) -> None:
    doc = seeds["002"]
    start, end = doc.locate("新闻发布会上")
    assert doc.original[start:end] == "新聞發(fā)布會上"
    start, end = doc.locate("海南各市县共投入1127.14万元")
    assert doc.original[start:end] == "海南各市縣共投入1127.14萬元"
    assert doc.text_between(start, end) == "海南各市县共投入1127.14万元"


def test_explain_names_each_step_that_changed_the_text() -> None:
    trace = explain("脫貧攻堅(jiān)共投入１１２７．１４萬元")
    assert [name for name, _ in trace] == ["to_halfwidth", "strip_pinyin", "to_simplified"]
    assert trace[-1][1] == "脱贫攻坚共投入1127.14万元"
    assert explain("已经是规范文本1127.14万元") == []


def test_normalize_keeps_a_simplified_document_as_written(seeds: dict[str, Document]) -> None:
    # Seed 000 is Simplified with one stray Traditional 贏: it must stay, or quotes would not match.
    doc = seeds["000"]
    assert doc.script == "simplified"
    assert "打贏脱贫攻坚战指挥部" in doc.text
    assert doc.normalize("市打贏脱贫攻坚战指挥部") in doc.text


# --- page furniture -----------------------------------------------------------------------------

KEPT = {
    "000": [
        "2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人",
        "海口众志成城打好脱贫攻坚战 已实现18255人脱贫",
        "海口网 http://www.hkwb.net 时间:2018-10-18 07:37",
        "(含洋浦开发区,不含三沙)",
        "海口共投入政府性资金7488万元,改造农村危房1580户。",
    ],
    "001": [
        '海口秀英区产业就业"双轮驱动" 持续提升脱贫成效',
        "海南日报记者 计思佳 通讯员 陈创淼",
        "贫困发生率从4.23%降至0%。",
        "(图片均由秀英区委宣传部提供)",
        "确保如期高标准完成脱贫攻坚各项任务。",
    ],
    "002": [
        "2月29日,在五指山市、临高县、白沙黎族自治县脱贫摘帽新闻发布会上",
        "海南战“疫”、战“贫”两不误 巩固贫困县脱贫摘帽成果",
        "共计发放临时救助金350.16万元",
        "确保与全国一道同步进入全面小康社会。",
    ],
    "003": [
        "4年累计减贫33.67万人 贫困发生率降至0.54% 广西崇左市脱贫攻坚取得决定性成果",
        "本报记者 白琳报道",
        "农村贫困人口34.18万人、总量排广西第5位",
        "向党和人民交出一份满意的答卷!",
    ],
    "004": [
        "乐东黎族自治县\n",
        "发布日期:2017-07-06",
        "一、基本情况",
        "最终确认全县贫困户7508户31336人",
        "确保全面完成脱贫攻坚任务。",
    ],
}
DROPPED = {
    "000": [
        *("您当前的位置", "相关链接", "海南电网精准帮扶", "[来源:", "版权", "凡注明", "图解海口", "排行"),
        *("旅客注意", "千年福地", "|", "All Rights Reserved", "ICP", "公网安备", "举报", "许可证"),
    ],
    "001": ["市县", "联系我们", "新闻热线"],
    "002": ["您当前的位置", "[来源:", "版权", "凡注明", "图解", "圆满中秋", "排行", "|", "ICP", "举报"],
    "003": ["100字范文 >", "相关推荐", "本网观点", "网友评论"],
    "004": ["国家民委政府网", "首页", ">> 专题", "打印本页", "Produced By"],
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_body_survives_and_furniture_is_gone(seeds: dict[str, Document], seed: str) -> None:
    doc = seeds[seed]
    for phrase in KEPT[seed]:
        assert phrase in doc.text, phrase
    for phrase in DROPPED[seed]:
        assert phrase not in doc.text, phrase
    assert doc.text.count(KEPT[seed][1]) == 1 or seed == "004"


def test_body_sentence_with_a_furniture_keyword_is_kept() -> None:
    text = "扶贫标题在这里说明\n群众举报的问题线索已全部办结,版权登记工作也已完成。\n"
    assert "群众举报的问题线索" in Document.from_text(text).text


# --- metadata -----------------------------------------------------------------------------------

METADATA = {
    "000": ("海口众志成城打好脱贫攻坚战 已实现18255人脱贫", "2018-10-18", "海口日报", "http://www.hkwb.net"),
    "001": ('海口秀英区产业就业"双轮驱动" 持续提升脱贫成效', "2020-10-16", None, None),
    "002": ("海南战“疫”、战“贫”两不误 巩固贫困县脱贫摘帽成果", "2020-02-29", "海口网", "http://6chong.cn"),
    "003": (
        "4年累计减贫33.67万人 贫困发生率降至0.54% 广西崇左市脱贫攻坚取得决定性成果",
        "2020-11-10",
        None,
        None,
    ),
    "004": ("乐东黎族自治县", "2017-07-06", "政策法规司", None),
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_metadata(seeds: dict[str, Document], seed: str) -> None:
    doc = seeds[seed]
    assert (doc.title, doc.published, doc.publisher, doc.url) == METADATA[seed]
    assert len(doc.sha256) == 64 and doc.path is not None and doc.path.endswith(".txt")
    assert doc.warnings == () or seed == "002"


# --- decoding and refusals ----------------------------------------------------------------------

SIMPLIFIED = "截至2月25日，海南各市县共投入1127.14万元，帮助613个带贫企业复产复工。"
TRADITIONAL = "截至2月25日，海南各市縣共投入1127.14萬元，幫助613個帶貧企業復產復工。"


@pytest.mark.parametrize(
    ("encoding", "sentence"),
    [
        ("utf-8", SIMPLIFIED),
        ("utf-8-sig", SIMPLIFIED),
        ("utf-16", SIMPLIFIED),
        ("gb18030", SIMPLIFIED),
        ("gbk", SIMPLIFIED),
        ("gb2312", SIMPLIFIED),
        ("big5", TRADITIONAL),
    ],
)
def test_decodes_chinese_encodings(encoding: str, sentence: str) -> None:
    data = sentence.encode(encoding)
    doc = Document.from_bytes(data)
    assert doc.original == sentence
    assert "1127.14万元,帮助613个带贫企业复产复工。" in doc.text
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", SIMPLIFIED)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n", "only whitespace"),
        ("  \n".encode("utf-16"), "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (_zip_bytes(), "ZIP archive"),
        (b"%PDF-1.7\n", "PDF"),
        ("正文".encode() + b"\x00\x01\x02", "NUL bytes"),
        (b"\xff" * 20, "cannot be decoded"),
    ],
)
def test_refuses_what_is_not_an_article(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as caught:
        Document.from_bytes(data, path="in.txt")
    assert caught.value.path == "in.txt"


def test_refuses_oversize_input_naming_the_limit(tmp_path: Path) -> None:
    data = SIMPLIFIED.encode() * 10
    with pytest.raises(InputError, match=r"larger than the 100-byte limit.*--max-bytes"):
        Document.from_bytes(data, max_bytes=100)
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="--max-bytes") as caught:
        Document.from_path(path, max_bytes=100)
    assert caught.value.path == str(path)
    assert Document.from_path(path).original == SIMPLIFIED * 10


def test_refuses_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        Document.from_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        Document.from_path(tmp_path)


def test_refuses_empty_text() -> None:
    with pytest.raises(InputError, match="empty"):
        Document.from_text("")


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>站点</title>
<style>p { color: red }</style><script>var s = "<p>不是正文</p>";</script></head>
<body><div class="nav">您当前的位置: <a href="/">首页</a> &gt; <a href="/news">新闻</a></div>
<h1>海口众志成城打好脱贫攻坚战</h1>
<p>海口网 http://www.hkwb.net 时间:2018-10-18 07:37</p>
<!-- 广告 -->
<p>  全市扶贫小贷完成274户,
   贷款金额472&nbsp;万元&amp;覆盖率达44.2&#37;。</p>
<p>相关链接:</p><ul><li><a href="/1">别的新闻标题一</a></li><li>别的新闻标题二</li></ul>
</body></html>"""


def test_html_page_is_stripped_with_offsets_into_the_html() -> None:
    doc = Document.from_bytes(PAGE.encode("utf-8"))
    assert "全市扶贫小贷完成274户, 贷款金额472 万元&覆盖率达44.2%。" in doc.text
    for gone in ("<", "color", "不是正文", "广告", "您当前的位置", "别的新闻标题"):
        assert gone not in doc.text, gone
    assert (doc.title, doc.published, doc.url) == (
        "海口众志成城打好脱贫攻坚战",
        "2018-10-18",
        "http://www.hkwb.net",
    )
    start, end = doc.locate("472 万元&覆盖率达44.2%。")
    assert doc.original[start:end] == "472&nbsp;万元&amp;覆盖率达44.2&#37;。"
    for i, j in _sentences(doc.text):
        assert doc.text_between(*doc.to_original(i, j)) == doc.text[i:j]


def test_plain_text_with_a_stray_tag_is_not_html_but_loses_the_tag() -> None:
    # Written for the test: a copied page keeps its own lines; the litter goes, offsets hold.
    doc = Document.from_text("标题在这里说明白\n正文说了一件事。<br>\n")
    assert doc.text.endswith("正文说了一件事。\n")
    assert doc.title == "标题在这里说明白"


def test_markup_litter_in_plain_text_keeps_its_layout_and_offsets() -> None:
    # Written for the test: paragraphs wrapped in <p> and indented with &nbsp; as CMS exports do.
    source = (
        "<p>&nbsp;&nbsp;全县贫困人口由5万人减少到300人。</p>\n"
        "<p>贫困村  退出12个。</p><p>全县12个贫困村全部出列。</p>"
    )
    doc = Document.from_text(source)
    assert "<" not in doc.text and "&" not in doc.text
    assert "全县贫困人口由5万人减少到300人。\n贫困村  退出12个。\n全县12个贫困村全部出列。" in doc.text
    start, end = doc.locate("5万人减少到300人")
    assert doc.original[start:end] == "5万人减少到300人"


def test_layout_spaces_and_breaks_leave_the_text_but_not_the_original() -> None:
    # Written for the test: a letter-spaced passage, then a fixed-width one that breaks a word.
    spaced = "全 县 贫 困 人 口 由 5万人 减 少 到 300人 。"
    doc = Document.from_text(spaced)
    assert "全县贫困人口" in doc.text
    start = doc.text.index("全县贫困人口")
    assert doc.original[slice(*doc.to_original(start, start + 6))] == "全 县 贫 困 人 口"
    wrapped = "一二三四五,六七八九十甲乙\n" * 3 + "乙丙丁戊己,庚辛壬癸贫困\n人口5万人。\n"
    doc = Document.from_text(wrapped)
    assert "贫困人口5万人" in doc.text
    start = doc.text.index("贫困人口")
    assert doc.original[slice(*doc.to_original(start, start + 4))] == "贫困\n人口"


def test_a_space_inside_a_word_of_prose_leaves_the_text_but_not_the_original() -> None:
    # Written for the test: a PDF copy that spaces a word here and there, with a byline.
    source = "全县贫 困发生率由12.5%降至0.4%,贫困人 口减少到300人。(记者 王某 李某)\n"
    doc = Document.from_text(source)
    assert "全县贫困发生率由12.5%降至0.4%,贫困人口减少到300人。(记者 王某 李某)" in doc.text
    start = doc.text.index("贫困发生率")
    assert doc.original[slice(*doc.to_original(start, start + 5))] == "贫 困发生率"
    summary = verify(RulesExtractor().extract(doc), doc)
    assert {p: q.value for p, q in summary.quantities()} == {
        "baseline.incidence_rate": 12.5,
        "outcome.incidence_rate": 0.4,
        "outcome.people": 300,
    }


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # Written for the test: a headline's spaces part its phrases; a dateline and a byline set
        # their words apart.
        ("某县脱贫攻坚成效显著 贫困发生率降至0.4%\n正文。", "成效显著 贫困"),
        ("新华社北京9月1日电 全县贫困人口减少到300人。", "电 全县"),
        ("图为村民在劳动。新华社记者 王某 摄", "记者 王某 摄"),
    ],
)
def test_a_space_that_parts_phrases_stays(line: str, kept: str) -> None:
    assert kept in Document.from_text(line).text


def test_a_space_inside_a_place_name_of_a_headline_goes() -> None:
    # Written for the test: a headline spacing the county's name, which the text names nowhere else.
    doc = Document.from_text("兰 考县脱贫攻坚成效显著 贫困发生率降至0.4%\n全县上下齐心协力。\n")
    assert doc.text.startswith("兰考县脱贫攻坚成效显著 贫困发生率降至0.4%")


def test_only_the_first_spaces_outside_prose_are_weighed() -> None:
    # Written for the test: more spaced lines than a page has headlines (a menu or a table); each
    # weighing scans the text, so past the first 64 the spaces stay.
    text = "兰 考县\n" * 70
    assert [start for start, _ in word_spaces(text)] == [1 + 5 * i for i in range(64)]


def test_a_copied_line_loses_no_figures() -> None:
    # Written for the test: the lead printed twice; cutting the copy warns of nothing.
    lead = "全县贫困人口由5万人减少到300人,贫困发生率由12.5%降至0.2%,贫困村从30个减少到0个。"
    doc = Document.from_text(f"某县脱贫攻坚纪实\n{lead}\n{lead}\n全县脱贫。\n")
    assert doc.text.count(lead) == 1
    assert not doc.warnings


def test_a_line_ending_in_a_figures_noun_goes_on_in_its_figure() -> None:
    # Written for the test: a Word copy broken after the noun, for each noun a figure counts.
    for noun in ("贫困人口", "贫困群众", "贫困发生率"):
        doc = Document.from_text(f"2014年,全县精准识别出建档立卡{noun}\n1.2万,各乡镇逐户核实。\n")
        assert f"建档立卡{noun}1.2万,各乡镇" in doc.text, noun


def test_rows_of_a_table_of_grouped_numbers_keep_their_lines() -> None:
    # Written for the test: rows of about one width whose commas group thousands are no wrapped prose.
    rows = ["中央财政|8,650|10,320|11,480|30,450", "省级财政|3,120|3,860|4,250|11,230"]
    rows += ["市级财政|9,800|1,150|1,300|12,250", "县级财政|1,800|2,400|3,100|7,300"]
    doc = Document.from_text("资金来源|2018年|2019年|2020年|合计\n" + "\n".join(rows) + "\n")
    assert all(f"\n{row}" in doc.text for row in rows[1:])


def test_a_traditional_line_in_a_simplified_page_is_read_and_its_figures_verify() -> None:
    # Written for the test: a Simplified page quoting one paragraph in Traditional script, too
    # little of the page to make it a Traditional one.
    text = (
        "秀英区脱贫攻坚工作综述\n"
        "近年来,秀英区坚持精准扶贫精准脱贫基本方略,扎实推进各项工作,群众获得感明显增强。"
        "全区上下齐心协力,持续巩固提升脱贫成果,为全面建成小康社会打下了坚实基础。\n"
        "区委区政府主要领导多次深入村组调研,研究解决群众反映强烈的突出问题,"
        "各级帮扶干部走村入户,逐户核实情况,帮助群众理清发展思路,落实各项帮扶措施。\n"
        "據統計,2014年全區建檔立卡貧困戶1538戶7270人。\n"
        "全区持续加大投入力度,补齐基础设施短板,改善群众生产生活条件,农村面貌焕然一新。"
        "下一步,秀英区将继续巩固拓展脱贫攻坚成果,接续推进乡村振兴,让群众生活更加美好。\n"
    )
    document = Document.from_text(text)
    assert document.script == "simplified" and "贫困户1538户7270人" in document.text
    summary = summarize_text(text)
    households = summary.baseline.households if summary.baseline else None
    assert households is not None and households.value == 1538
    assert summary.verification.status == "verified"
    start, end = document.locate(households.evidence.quote) or (0, 0)
    assert "貧困戶1538戶" in text[start:end]  # its offsets point at the Traditional original


def test_a_data_cards_lines_after_the_last_paragraph_are_kept() -> None:
    # Written for the test: a page cut off after a data card; a related list's headline would go.
    page = "某县脱贫攻坚工作取得新进展。全县上下齐心协力,扎实推进各项工作。\n"
    page += "贫困户:812户\n贫困人口:3256人\n某县召开脱贫攻坚推进会\n"
    text = Document.from_text(page).text
    assert "贫困户:812户\n贫困人口:3256人" in text
    assert "推进会" not in text
