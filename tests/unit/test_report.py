"""The run-level outputs: summaries.csv, facts.csv, report.md, the HTML report (an index and a
page per article), streaming, and ``render_reports``."""

from __future__ import annotations

import csv
import itertools
import json
import re
import weakref
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povsum import ArticleSummary, Document, Settings, Summarizer
from povsum.models import Evidence, ExtractorInfo, Failure, Quantity, Snapshot, Source
from povsum.outputs import OutputDir
from povsum.report.facts import FACT_COLUMNS
from povsum.report.fields import FieldRow
from povsum.report.highlight import highlight, text_span
from povsum.report.markdown import render_markdown
from povsum.report.tables import COLUMNS
from povsum.runner import run_paths
from povsum.summaries import ArticleError
from povsum.writers import FORMATS, Named, ReportError, render_reports, write_run_outputs

ROOT = Path(__file__).resolve().parents[2]
# As listed in the issues, in order, with the village and county counts every snapshot field gets.
ISSUE_COLUMNS = [
    "file",
    "title",
    "published",
    "region",
    "province",
    "prefecture",
    "county",
    "level",
    "baseline_as_of",
    "baseline_households",
    "baseline_people",
    "baseline_incidence_rate",
    "baseline_poor_villages",
    "baseline_poor_counties",
    "outcome_as_of",
    "outcome_households",
    "outcome_people",
    "outcome_incidence_rate",
    "outcome_poor_villages",
    "outcome_poor_counties",
    "people_lifted",
    "funding_sum_yuan",
    "funding_items",
    "measure_categories",
    "verification_status",
    "failures",
    "error",
]
FACTS = [
    "article",
    "region",
    "province",
    "level",
    "field",
    "value",
    "unit",
    "text",
    "approx",
    "as_of",
    "quote",
    "start",
    "end",
    "status",
    "note",
]
UNREADABLE = ArticleError(path="in/broken.txt", error="in/broken.txt: the input is empty")


class Marks(HTMLParser):
    """Every ``<mark>`` of a page: its attributes and its text."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.marks: list[dict[str, str]] = []
        self._open: dict[str, str] | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark" and dict(attrs).get("data-field"):
            self._open = {k: v or "" for k, v in attrs} | {"": ""}

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[""] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open is not None:
            self.marks.append(self._open)
            self._open = None

    def fields(self) -> dict[str, dict[str, str]]:
        return {f: m for m in self.marks for f in m["data-field"].split()}


def hostile_source(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(
        "某县脱贫报告\n"
        # A stray tag is cleaned away; entities decode to markup the page must escape.
        "2014年全县有贫困人口1200户4500人<img src=x onerror=alert(2)>。"
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=y&gt;\n",
        encoding="utf-8",
    )
    return path


def quantity(text: str, value: float, unit: str, quote: str, start: int) -> Quantity:
    return Quantity(
        value=value, unit=unit, text=text, evidence=Evidence(quote=quote, start=start, end=start + len(quote))
    )


def hand_made(path: Path, **changes: object) -> ArticleSummary:
    """A summary of ``hostile_source`` built by hand, as if from another tool."""
    document = Document.from_path(path)
    quote = "2014年全县有贫困人口1200户4500人"
    start = document.original.index(quote)
    baseline = Snapshot(
        as_of="2014",
        households=quantity("1200户", 1200, "户", quote, start),
        people=quantity("4500人", 4500, "人", quote, start),
    )
    fields: dict[str, object] = {
        "source": Source(path=str(path), sha256=document.sha256, title="某县<b>报告</b></script>"),
        "baseline": baseline,
        "extractor": ExtractorInfo(name="llm", model="test-model"),
    }
    return ArticleSummary.model_validate(fields | changes)


def write(root: Path, records: list[Named], *formats: str) -> Path:
    write_run_outputs(root, records, formats or FORMATS)
    return root


def rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def page(root: Path, stem: str) -> str:
    return (root / "report" / f"{stem}.html").read_text(encoding="utf-8")


def index_data(root: Path) -> tuple[str, list[dict[str, object]]]:
    """The index page and its table's rows as dicts."""
    html = (root / "report.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    return html, [dict(zip(data["columns"], r, strict=True)) for r in data["rows"]]


@pytest.fixture
def seeds(seed_summaries: dict[str, ArticleSummary]) -> list[Named]:
    return list(seed_summaries.items())


def test_csv_has_the_issue_columns_and_one_row_per_article(tmp_path: Path, seeds: list[Named]) -> None:
    table = rows(write(tmp_path, seeds, "csv") / "summaries.csv")
    assert list(COLUMNS) == ISSUE_COLUMNS and list(table[0]) == ISSUE_COLUMNS
    assert len(table) == len(seeds)
    haikou = next(r for r in table if "000_dda217ac4bff4475" in r["file"])
    assert haikou["region"] == "海口市" and haikou["province"] == "海南省"
    assert (haikou["prefecture"], haikou["level"]) == ("海口市", "prefecture")
    assert (haikou["baseline_people"], haikou["outcome_people"], haikou["people_lifted"]) == (
        "18802",
        "547",
        "18255",
    )
    assert haikou["baseline_poor_villages"] == "22"
    assert haikou["funding_sum_yuan"] == "79600000"
    assert haikou["verification_status"] == "verified" and haikou["error"] == ""


def test_csv_cells_from_articles_never_become_formulas(tmp_path: Path) -> None:
    summary = hand_made(hostile_source(tmp_path))
    summary.source.title = "=HYPERLINK(1)"
    error = ArticleError(path="-x.txt", error="-x.txt: @SUM(1)")
    (row, error_row) = rows(write(tmp_path, [("a", summary), ("", error)], "csv") / "summaries.csv")
    assert row["title"] == "'=HYPERLINK(1)" and row["baseline_households"] == "1200"
    assert (error_row["file"], error_row["error"]) == ("'-x.txt", "'@SUM(1)")


def test_facts_rows_are_the_quantities_of_the_json_summaries(tmp_path: Path, seeds: list[Named]) -> None:
    with OutputDir(tmp_path) as out:
        for stem, summary in seeds:
            out.write_summary(stem, summary)
    render_reports(tmp_path, ("facts",))
    facts = rows(tmp_path / "facts.csv")
    assert list(FACT_COLUMNS) == FACTS and list(facts[0]) == FACTS
    expected = []
    for stem, _ in seeds:
        summary = ArticleSummary.model_validate_json((tmp_path / f"{stem}.json").read_bytes())
        for path, q in summary.quantities():
            part = path.partition(".")[0]
            expected.append(
                {
                    "article": summary.source.path,
                    "field": path,
                    "value": float(q.value),
                    "unit": q.unit,
                    "text": q.text,
                    "approx": q.approx or "",
                    "as_of": (getattr(summary, part).as_of if part in ("baseline", "outcome") else None)
                    or "",
                    "quote": q.evidence.quote,
                    "start": q.evidence.start,
                    "end": q.evidence.end,
                    "status": summary.verification.status,
                }
            )
    got = [
        {k: r[k] for k in expected[0]}
        | {"value": float(r["value"]), "start": int(r["start"]), "end": int(r["end"])}
        for r in facts
    ]
    assert got == expected
    assert any(r["field"].startswith("funding[") for r in facts)
    haikou = next(r for r in facts if r["field"] == "baseline.people" and "000_" in r["article"])
    assert (haikou["value"], haikou["region"], haikou["province"], haikou["level"]) == (
        "18802",  # a whole number is written as an integer
        "海口市",
        "海南省",
        "prefecture",
    )


def test_every_input_is_in_every_output_with_totals_by_status(tmp_path: Path) -> None:
    """Done-when of issue 12: 7 inputs, 2 unreadable and 1 non-article, are 7 rows everywhere."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:4]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "note.txt").write_text("Shopping list: eggs, milk, bread.\n", encoding="utf-8")
    out = tmp_path / "out"
    run_paths([folder], Summarizer(Settings(extractor="rules")), out, formats=FORMATS)

    want = {"empty.txt": "error", "image.txt": "error", "note.txt": "empty"}
    table = rows(out / "summaries.csv")
    statuses = {Path(r["file"]).name: r["verification_status"] for r in table}
    assert len(table) == 7 and {k: statuses[k] for k in want} == want
    assert set(statuses.values()) - {"error", "empty"} <= {"verified", "partial"}
    assert "PNG image" in next(r["error"] for r in table if r["file"].endswith("image.txt"))
    facts = rows(out / "facts.csv")
    assert {Path(r["article"]).name for r in facts} == set(statuses)
    assert {r["status"] for r in facts if r["article"].endswith(("empty.txt", "image.txt"))} == {"error"}

    notes = (out / "report.md").read_text(encoding="utf-8")
    assert notes.startswith("# povsum report: 7 articles\n\n")
    assert "· 1 empty · 2 error" in notes.splitlines()[2]
    assert notes.count("\n## ") == 7 and "| error: the input is empty |" in notes

    html, index = index_data(out)
    assert [Path(str(r["path"])).name for r in index] == sorted(statuses)  # the folder's order
    assert [r["status"] for r in index if r["error"]] == ["error", "error"]
    assert '<section class="panel errors" id="errors">' in html  # shown, not hidden
    assert "<td>the input is empty</td>" in html and re.search(r'data-status="error".*<b>2</b>', html)

    # `povsum report` rebuilds the same outputs from OUT/*.json and OUT/errors.jsonl.
    before = {name: (out / name).read_bytes() for name in ("summaries.csv", "facts.csv", "report.md")}
    render_reports(out)
    assert {name: (out / name).read_bytes() for name in before} == before
    assert index_data(out)[1] == index


def test_summaries_stream_through_the_writers_one_at_a_time(tmp_path: Path, seeds: list[Named]) -> None:
    """A run of any length holds a summary or two, never all of them."""
    made: list[weakref.ref[ArticleSummary]] = []
    most = 0

    def records() -> Iterator[Named]:
        nonlocal most
        for i in range(40):
            stem, summary = seeds[i % len(seeds)]
            copy = summary.model_copy(deep=True)
            made.append(weakref.ref(copy))
            most = max(most, sum(ref() is not None for ref in made))
            yield f"{stem}-{i}", copy

    write(tmp_path, [], "csv")  # an older output that a failed run must leave in place
    write_run_outputs(tmp_path, records(), FORMATS)
    assert most <= 3  # the one yielded, and the one whose page waits for its next link
    assert len(rows(tmp_path / "summaries.csv")) == 40
    assert len(list((tmp_path / "report").glob("*-*.html"))) == 40


def test_a_failing_run_replaces_no_output_and_leaves_no_temporary_file(
    tmp_path: Path, seeds: list[Named]
) -> None:
    write(tmp_path, seeds[:1])
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def broken() -> Iterator[Named]:
        yield from seeds
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        write_run_outputs(tmp_path, broken(), FORMATS)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_pages_of_articles_no_longer_in_the_run_are_removed(tmp_path: Path, seeds: list[Named]) -> None:
    write(tmp_path, seeds, "html")
    write(tmp_path, seeds[:2], "html")
    names = sorted(p.name for p in (tmp_path / "report").iterdir())
    assert names == sorted(
        [f"{seeds[0][0]}.html", f"{seeds[1][0]}.html", "article.js", "index.js", "report.css"]
    )
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_every_seed_number_is_highlighted_at_its_offsets(tmp_path: Path, seeds: list[Named]) -> None:
    write(tmp_path, seeds, "html")
    for stem, summary in seeds:
        document = Document.from_path(summary.source.path or "")
        found = Marks(page(tmp_path, stem)).fields()
        for path, q in summary.quantities():
            mark = found[path]
            assert mark["data-text"] == mark[""] == document.normalize(q.text)
            start, end = text_span(document, q.evidence) or (0, 0)
            assert mark[""] in document.text[start:end], path


def test_the_index_is_light_and_each_page_holds_its_article_and_links(
    tmp_path: Path, seeds: list[Named], seed_documents: dict[str, Document]
) -> None:
    write(tmp_path, [*seeds[:2], ("", UNREADABLE), *seeds[2:]], "html")
    html, index = index_data(tmp_path)
    assert html.startswith('<!doctype html>\n<html lang="zh-CN">')
    assert "http" not in html.split('<script type="application/json"')[0]  # nothing to fetch
    first = seed_documents[seeds[0][0]].text
    assert first[200:240] not in html  # article text lives on the pages only
    assert [r["n"] for r in index] == [1, 2, 3, 4, 5, 6]
    assert index[2] | {"n": 0} == {k: None for k in index[2]} | {
        "n": 0,
        "page": "",
        "title": "in/broken.txt",
        "path": "in/broken.txt",
        "status": "error",
        "error": "the input is empty",
    }
    haikou = index[0]
    assert (haikou["page"], haikou["baseline_people"], haikou["baseline_people_text"]) == (
        f"report/{seeds[0][0]}.html",
        18802,
        "18802人",
    )
    assert haikou["funding"] == 79_600_000 and haikou["funding_text"] == "7960万元"
    assert haikou["extractor"] == "rules" and haikou["level"] == "prefecture"

    second = page(tmp_path, seeds[1][0])
    assert second.startswith('<!doctype html>\n<html lang="zh-CN">') and 'href="../report.html"' in second
    assert (
        f'href="{seeds[0][0]}.html" rel="prev"' in second
        and f'href="{seeds[2][0]}.html" rel="next"' in second
    )
    assert seed_documents[seeds[1][0]].text[200:240] in second.replace("&quot;", '"')


def test_article_text_and_titles_are_escaped(tmp_path: Path) -> None:
    summary = hand_made(hostile_source(tmp_path))
    out = write(tmp_path / "out", [("hostile", summary)], "html")
    article = page(out, "hostile")
    assert "<script>alert" not in article and "<img" not in article and "<b>报告" not in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article and "&lt;img src=y" in article
    assert "alert(2)" not in article
    assert {"baseline.households", "baseline.people"} <= set(Marks(article).fields())
    html, (row,) = index_data(out)
    assert "</script>" not in html.split('id="data">')[1].split("</script>")[0]
    assert row["title"] == "某县<b>报告</b></script>"  # the data still holds it, escaped for the page


def test_missing_or_changed_source_is_said_and_the_fields_still_shown(tmp_path: Path) -> None:
    source = hostile_source(tmp_path)
    summary = hand_made(source)
    source.write_text("another article", encoding="utf-8")
    changed = page(write(tmp_path / "a", [("s", summary)], "html"), "s")
    assert "has changed since it was summarized" in changed
    source.unlink()
    missing = page(write(tmp_path / "b", [("s", summary)], "html"), "s")
    assert "was not found" in missing
    for text in (changed, missing):
        assert 'class="text"' not in text and 'data-field="baseline.people"' in text
        assert not Marks(text).marks


def test_rejected_and_flagged_figures_show_with_their_reasons(tmp_path: Path) -> None:
    failures = [
        Failure(field="outcome.people", text="99人", reason="not in the source"),
        Failure(field="baseline.people", text="4500人", reason="flag: baseline disagrees with lifted"),
    ]
    summary = hand_made(hostile_source(tmp_path), verification={"status": "partial", "failures": failures})
    article = page(write(tmp_path / "out", [("s", summary)], "html"), "s")
    rejected = article.split('<section class="rejected">')[1].split("</section>")[0]
    assert "<del>99人</del>" in rejected and "not in the source" in rejected
    kept = article.split('<section class="flags">')[1].split("</section>")[0]
    assert "<b>4500人</b>" in kept and "baseline disagrees with lifted" in kept and "flag:" not in kept
    assert "flag" in Marks(article).fields()["baseline.people"]["class"]
    assert "⚠ baseline disagrees with lifted" in article
    notes = render_markdown([summary])
    assert "~~99人~~ rejected: not in the source" in notes and "⚠ baseline disagrees" in notes
    (fact,) = [
        r
        for r in rows(write(tmp_path / "f", [("s", summary)], "facts") / "facts.csv")
        if r["field"] == "baseline.people"
    ]
    assert fact["note"] == "baseline disagrees with lifted"


def test_numbers_citing_the_same_characters_share_one_mark() -> None:
    text = "全县贫困人口由4500人减至12人。另有产业项目。"
    document = Document.from_text(text)
    quote, other = "全县贫困人口由4500人减至12人。", "另有产业项目"
    evidence = Evidence(quote=quote, start=0, end=len(quote))
    q = quantity("4500人", 4500, "人", quote, 0)
    field_rows = [
        FieldRow("baseline.people", "baseline", "people", "4500人", evidence, q),
        FieldRow("outcome.people_lifted", "outcome", "people lifted", "4500人", evidence, q),
        FieldRow("measures[0]", "measures", "industry", "产业", Evidence(quote=other, start=18, end=24)),
    ]
    marked = highlight(document, field_rows, "t", {})
    (mark,) = Marks(marked.html).marks
    assert mark["data-field"] == "baseline.people outcome.people_lifted" and mark[""] == "4500人"
    assert marked.quote_ids == {
        "baseline.people": "t-q0",
        "outcome.people_lifted": "t-q0",
        "measures[0]": "t-q1",
    }
    assert marked.html.endswith(
        f'<span class="quote" data-quotes="t-q1" title="evidence for measures[0]">{other}</span>。'
    )


def test_markdown_is_totals_a_table_and_a_section_per_article(
    seed_summaries: dict[str, ArticleSummary],
) -> None:
    notes = render_markdown(seed_summaries.values())
    assert notes.startswith(
        "# povsum report: 5 articles\n\n5 verified · 0 partial · 0 failed · 0 empty · 0 error\n"
    )
    assert notes.count("\n## ") == 5
    assert (
        "| 1 | 海口众志成城打好脱贫攻坚战 已实现18255人脱贫 | 海口市 | 18802人 | 547人 | 18255人 |" in notes
    )
    assert "- **baseline.people**: 18802人" in notes


def test_render_reports_rewrites_every_run_output_from_json(tmp_path: Path, seeds: list[Named]) -> None:
    with OutputDir(tmp_path) as out:
        for stem, summary in seeds:
            out.write_summary(stem, summary)
    written = render_reports(tmp_path)
    assert [p.name for p in written] == [
        "summaries.jsonl",
        "summaries.csv",
        "facts.csv",
        "report.md",
        "report.html",
    ]
    assert set(FORMATS) == {"json", "jsonl", "csv", "facts", "md", "html"}
    assert len(Marks(page(tmp_path, seeds[4][0])).fields()) > 10
    lines = (tmp_path / "summaries.jsonl").read_text(encoding="utf-8").splitlines()
    assert [ArticleSummary.model_validate_json(line) for line in lines] == [s for _, s in seeds]


def test_render_reports_refuses_a_folder_without_summaries(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no summaries"):
        render_reports(tmp_path)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ReportError, match="no summaries"):
        render_reports(tmp_path)


def test_render_reports_skips_a_foreign_json_with_a_note(tmp_path: Path, seeds: list[Named]) -> None:
    with OutputDir(tmp_path) as out:
        out.write_summary("a", seeds[0][1])
    (tmp_path / "config.json").write_text('{"theme": "dark"}', encoding="utf-8")
    notes: list[str] = []
    written = render_reports(tmp_path, ("csv",), on_skip=notes.append)
    assert [p.name for p in written] == ["summaries.csv"]
    assert len(notes) == 1 and "config.json: not a povsum summary" in notes[0]


def _brute_force_covering(quotes: list, a: int, b: int) -> list:
    return [q for q in quotes if q.start < b and q.end > a]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=12), st.data())
def test_the_linear_render_covers_each_piece_with_exactly_the_overlapping_quotes(
    spans: list[tuple[int, int]], data: st.DataObject
) -> None:
    from povsum.report import highlight as hl

    text = "贫困人口4352户18802人,投入7488万元。" * 3
    quotes = [hl._Span(s, min(s + n, len(text)), f"q{i}") for i, (s, n) in enumerate(spans) if s < len(text)]
    starts = data.draw(st.lists(st.integers(0, len(text) - 2), max_size=4, unique=True))
    marks = []
    for start in sorted(starts):
        if not marks or start >= marks[-1].end:
            marks.append(hl._Span(start, min(start + 2, len(text)), f"n{len(marks)}"))
    rendered = "".join(hl._render(text, quotes, marks, {}))
    cuts = {0, len(text)} | {p for s in (*quotes, *marks) for p in (s.start, s.end)}
    cuts -= {p for m in marks for p in range(m.start + 1, m.end)}
    expected = []
    for a, b in itertools.pairwise(sorted(cuts)):
        ids = " ".join(q.id for q in _brute_force_covering(quotes, a, b))
        if a in {m.start for m in marks} or ids:
            expected.append(f'data-quotes="{ids}"')
    assert re.findall(r'data-quotes="[^"]*"', rendered) == expected
