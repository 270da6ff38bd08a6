"""The run-level reports: summaries.csv, report.md, report.html and ``render_reports``."""

from __future__ import annotations

import csv
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povsum import ArticleSummary, Document
from povsum.models import Evidence, ExtractorInfo, Failure, Quantity, Snapshot, Source
from povsum.outputs import OutputDir
from povsum.report.fields import FieldRow
from povsum.report.highlight import highlight, text_span
from povsum.report.html_report import render_html
from povsum.report.markdown import render_markdown
from povsum.report.tables import COLUMNS, write_csv
from povsum.writers import FORMATS, ReportError, render_reports

# As listed in the issue, in order, with the village and county counts every snapshot field gets.
ISSUE_COLUMNS = [
    "file",
    "title",
    "published",
    "region",
    "province",
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
    "funding_total_yuan",
    "funding_items",
    "measure_categories",
    "verification_status",
    "failures",
]


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

    def fields(self, card: str) -> dict[str, dict[str, str]]:
        return {f: m for m in self.marks if m["id"].startswith(f"{card}-") for f in m["data-field"].split()}


def hostile_source(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(
        "某县脱贫报告\n"
        "2014年全县有贫困人口1200户4500人<img src=x onerror=alert(2)>。<script>alert(1)</script>\n",
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
        "source": Source(path=str(path), sha256=document.sha256, title="某县<b>报告</b>"),
        "baseline": baseline,
        "extractor": ExtractorInfo(name="llm", model="test-model"),
    }
    return ArticleSummary.model_validate(fields | changes)


def test_csv_has_the_issue_columns_a_bom_and_one_row_per_article(
    tmp_path: Path, seed_summaries: dict[str, ArticleSummary]
) -> None:
    path = write_csv(tmp_path, list(seed_summaries.values()))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(COLUMNS) == ISSUE_COLUMNS and list(rows[0]) == ISSUE_COLUMNS
    assert len(rows) == len(seed_summaries)
    haikou = next(r for r in rows if "000_dda217ac4bff4475" in r["file"])
    assert haikou["region"] == "海口市" and haikou["province"] == "海南省"
    assert (haikou["baseline_people"], haikou["outcome_people"], haikou["people_lifted"]) == (
        "18802",
        "547",
        "18255",
    )
    assert haikou["funding_total_yuan"] == "79600000"
    assert haikou["verification_status"] == "verified"


def test_csv_cells_from_articles_never_become_formulas(tmp_path: Path) -> None:
    summary = hand_made(hostile_source(tmp_path))
    summary.source.title = "=HYPERLINK(1)"
    row = next(csv.DictReader(write_csv(tmp_path, [summary]).read_text("utf-8-sig").splitlines()))
    assert row["title"] == "'=HYPERLINK(1)"
    assert row["baseline_households"] == "1200"


def test_every_seed_number_is_highlighted_at_its_offsets(seed_summaries: dict[str, ArticleSummary]) -> None:
    summaries = list(seed_summaries.values())
    marks = Marks(render_html(summaries))
    for i, summary in enumerate(summaries):
        document = Document.from_path(summary.source.path or "")
        found = marks.fields(f"a{i}")
        for path, q in summary.quantities():
            mark = found[path]
            assert mark["data-text"] == mark[""] == document.normalize(q.text)
            start, end = text_span(document, q.evidence) or (0, 0)
            assert mark[""] in document.text[start:end], path


def test_article_text_is_escaped(tmp_path: Path) -> None:
    page = render_html([hand_made(hostile_source(tmp_path))])
    assert "<script>alert" not in page and "<img" not in page and "<b>报告" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x" in page
    assert {"baseline.households", "baseline.people"} <= set(Marks(page).fields("a0"))


def test_missing_or_changed_source_is_said_and_the_fields_still_shown(tmp_path: Path) -> None:
    source = hostile_source(tmp_path)
    summary = hand_made(source)
    source.write_text("another article", encoding="utf-8")
    changed = render_html([summary])
    assert "has changed since it was summarized" in changed
    source.unlink()
    missing = render_html([summary])
    assert "was not found" in missing
    for page in (changed, missing):
        assert 'class="text"' not in page and 'data-field="baseline.people"' in page
        assert not Marks(page).marks


def test_failures_show_with_their_reason(tmp_path: Path) -> None:
    failures = [
        Failure(field="outcome.people", text="99人", reason="not in the source"),
        Failure(field="baseline.people", text="4500人", reason="flag: baseline disagrees with lifted"),
    ]
    summary = hand_made(hostile_source(tmp_path), verification={"status": "partial", "failures": failures})
    page = render_html([summary])
    assert '<section class="rejected">' in page and "<del>99人</del>" in page and "not in the source" in page
    assert "flag" in Marks(page).fields("a0")["baseline.people"]["class"]
    assert "⚠ baseline disagrees with lifted" in page
    notes = render_markdown([summary])
    assert "~~99人~~ rejected: not in the source" in notes and "⚠ baseline disagrees" in notes


def test_numbers_citing_the_same_characters_share_one_mark() -> None:
    text = "全县贫困人口由4500人减至12人。另有产业项目。"
    document = Document.from_text(text)
    quote, other = "全县贫困人口由4500人减至12人。", "另有产业项目"
    evidence = Evidence(quote=quote, start=0, end=len(quote))
    q = quantity("4500人", 4500, "人", quote, 0)
    rows = [
        FieldRow("baseline.people", "baseline", "people", "4500人", evidence, q),
        FieldRow("outcome.people_lifted", "outcome", "people lifted", "4500人", evidence, q),
        FieldRow("measures[0]", "measures", "industry", "产业", Evidence(quote=other, start=18, end=24)),
    ]
    marked = highlight(document, rows, "t", {})
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


def test_markdown_is_a_table_and_a_section_per_article(seed_summaries: dict[str, ArticleSummary]) -> None:
    notes = render_markdown(list(seed_summaries.values()))
    assert notes.startswith("# povsum report: 5 articles")
    assert notes.count("\n## ") == 5
    assert (
        "| 1 | 海口众志成城打好脱贫攻坚战 已实现18255人脱贫 | 海口市 | 18802人 | 547人 | 18255人 |" in notes
    )
    assert "- **baseline.people**: 18802人" in notes


def test_render_reports_rewrites_every_run_output_from_json(
    tmp_path: Path, seed_summaries: dict[str, ArticleSummary]
) -> None:
    with OutputDir(tmp_path) as out:
        for stem, summary in seed_summaries.items():
            out.write_summary(stem, summary)
    written = render_reports(tmp_path)
    assert [p.name for p in written] == ["summaries.jsonl", "summaries.csv", "report.md", "report.html"]
    assert set(FORMATS) == {"json", "jsonl", "csv", "md", "html"}
    assert len(Marks((tmp_path / "report.html").read_text(encoding="utf-8")).fields("a4")) > 10


def test_render_reports_refuses_a_folder_without_summaries(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no summaries"):
        render_reports(tmp_path)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ReportError, match="no summaries"):
        render_reports(tmp_path)


def test_render_reports_skips_a_foreign_json_with_a_note(
    tmp_path: Path, seed_summaries: dict[str, ArticleSummary]
) -> None:
    with OutputDir(tmp_path) as out:
        out.write_summary("a", next(iter(seed_summaries.values())))
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
