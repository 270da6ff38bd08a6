"""`povsum panel`: the region x year table across reports, its conflicts and consistency checks.

Besides the seeds, the summaries here are written by hand for the tests: short articles with
figures chosen to disagree, then checked by the verifier like any other tool's summary.
"""

from __future__ import annotations

import csv
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from povsum import ArticleSummary, Document, Settings, Summarizer, verify
from povsum.cli import app
from povsum.models import Evidence, ExtractorInfo, Quantity, Region, Snapshot, Source
from povsum.numbers import parse_quantity
from povsum.outputs import OutputDir
from povsum.panel import Panel, PanelBuilder, build_panel, write_panel
from povsum.writers import ReportError

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"
runner = CliRunner()
# What the two disagreeing reports say (quotes are stored normalized: "，" becomes ",").
A_SAYS, B_SAYS = "乐东县共有贫困人口31336人。", "2016年底全县贫困人口为31500人。"


def _write(out: Path, summaries: dict[str, ArticleSummary]) -> Path:
    with OutputDir(out) as folder:
        for stem, summary in summaries.items():
            folder.write_summary(stem, summary)
    return out


def _article(
    folder: Path,
    stem: str,
    text: str,
    region: str,
    published: str | None,
    baseline: dict[str, str] | None = None,
    outcome: dict[str, str] | None = None,
) -> ArticleSummary:
    """A summary of ``text`` (saved as ``folder/stem.txt``) written by hand and then verified.
    ``baseline``/``outcome`` map "as_of" and field names to the figure as written; each figure's
    quote is the sentence it stands in."""
    path = folder / f"{stem}.txt"
    path.write_text(text, encoding="utf-8")

    def evidence(part: str) -> Evidence:
        quote = next(s + "。" for s in text.split("。") if part in s)
        start = text.index(quote)
        return Evidence(quote=quote, start=start, end=start + len(quote))

    def snapshot(figures: dict[str, str] | None) -> Snapshot | None:
        if figures is None:
            return None
        quantities = {}
        for name, written in figures.items():
            if name != "as_of":
                parsed = parse_quantity(written)
                quantities[name] = Quantity(
                    value=parsed.value, unit=parsed.unit, text=written, evidence=evidence(written)
                )
        return Snapshot(as_of=figures.get("as_of"), **quantities)

    draft = ArticleSummary(
        source=Source(
            path=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(), published=published
        ),
        region=Region(name=region, evidence=evidence(region)),
        baseline=snapshot(baseline),
        outcome=snapshot(outcome),
        extractor=ExtractorInfo(name="llm", model="written by hand"),
    )
    checked = verify(draft, Document.from_path(path))
    assert checked.verification.status == "verified", checked.verification
    return checked


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two reports on one county under two of its names, disagreeing on its 2016 poor population,
    and one dating its outcome only by 如今."""
    texts = tmp_path_factory.mktemp("texts")
    return _write(
        tmp_path_factory.mktemp("out"),
        {
            "county_a": _article(
                texts,
                "county_a",
                "乐东县扶贫办通报。2016年底，乐东县共有贫困人口31336人。",
                "乐东县",
                "2017-03-01",
                baseline={"as_of": "2016年底", "people": "31336人"},
            ),
            "county_b": _article(
                texts,
                "county_b",
                "乐东黎族自治县召开脱贫攻坚推进会。会议指出，2016年底全县贫困人口为31500人。",
                "乐东黎族自治县",
                "2017-05-20",
                baseline={"as_of": "2016年底", "people": "31500人"},
            ),
            "county_now": _article(
                texts,
                "county_now",
                "乐东黎族自治县脱贫工作综述。2014年全县贫困人口31336人。如今，全县已有5850人脱贫。",
                "乐东黎族自治县",
                "2019-06-30",
                baseline={"as_of": "2014", "people": "31336人"},
                outcome={"as_of": "如今", "people_lifted": "5850人"},
            ),
        },
    )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_seeds_give_the_hainan_regions_keyed_by_code(
    tmp_path: Path, seed_summaries: dict[str, ArticleSummary]
) -> None:
    panel = build_panel([_write(tmp_path / "seeds", seed_summaries)])
    hainan = {p.key.code: p.name for p in panel.places.values() if p.province == "海南省"}
    assert hainan == {"460100": "海口市", "460105": "秀英区", "469027": "乐东黎族自治县"}
    haikou = {(e.year, e.indicator): e for e in panel.entries if e.key.code == "460100"}
    assert haikou[2014, "people"].value == 18802 and not haikou[2014, "people"].derived
    assert haikou[2014, "people"].figures[0].citation.quote.startswith("贫困人口由4352户18802人")
    # 如今 in the outcome: the year the article was published (2018-10-18).
    assert haikou[2018, "people"].value == 547 and haikou[2018, "people"].year_rules == "now"
    assert haikou[2018, "people"].derived


def test_a_disagreeing_figure_is_a_conflict_with_both_quotes_and_sources(disagreeing: Path) -> None:
    panel = build_panel([disagreeing])
    (conflict,) = panel.conflicts
    assert (conflict.key.code, conflict.year, conflict.indicator) == ("469027", 2016, "people")
    cited = {f.citation.text: f.citation for e in conflict.entries for f in e.figures}
    assert {text: Path(c.source).stem for text, c in cited.items()} == {
        "31336人": "county_a",
        "31500人": "county_b",
    }
    assert A_SAYS in cited["31336人"].quote and B_SAYS in cited["31500人"].quote
    # 乐东县 and 乐东黎族自治县 are one place, named as the gazetteer names it.
    assert [p.name for p in panel.places.values()] == ["乐东黎族自治县"]
    # The 2014 figure of the third report is no conflict: nobody else dates one to 2014.
    assert [(e.year, e.indicator, e.conflict) for e in panel.entries if e.year != 2016] == [
        (2014, "people", False),
        (2019, "people_lifted", False),
    ]


def test_panel_csv_files_record_the_year_rule_and_keep_both_disputed_values(
    disagreeing: Path, tmp_path: Path
) -> None:
    write_panel(tmp_path, build_panel([disagreeing]))
    long = _rows(tmp_path / "panel.csv")
    lifted = next(r for r in long if r["indicator"] == "people_lifted")
    assert (lifted["year"], lifted["year_rule"], lifted["derived"], lifted["value"]) == (
        "2019",
        "now",
        "yes",
        "5850",
    )
    disputed = [r for r in long if r["conflict"] == "yes"]
    assert sorted(r["value"] for r in disputed) == ["31336", "31500"]
    assert all(r["year_rule"] == "stated" and r["derived"] == "" and r["n_sources"] == "1" for r in disputed)
    wide = {r["year"]: r for r in _rows(tmp_path / "panel_wide.csv")}
    assert wide["2016"]["people"] == "31336 | 31500" and wide["2016"]["conflicts"] == "people"
    assert wide["2016"]["region_code"] == "469027" and wide["2016"]["n_sources"] == "2"
    assert wide["2019"]["people_lifted"] == "5850" and wide["2019"]["derived"] == "yes"


def test_an_article_read_twice_is_one_source(disagreeing: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in disagreeing.glob("*.json"):
        (copy / path.name).write_bytes(path.read_bytes())
    once, twice = build_panel([disagreeing]), build_panel([disagreeing, copy])
    assert twice.sources == once.sources == 3
    assert twice.entries == once.entries
    assert twice.left_out == {"from an article already read (same sha256)": 4}


def test_consistency_checks_across_years_and_within_a_report(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    exit_ = _article(
        texts,
        "exit",
        "崇左市扶贫办通报。2014年全市贫困人口3128人。截至2018年底，全市贫困人口减少至0人。",
        "崇左市",
        "2019-01-05",
        baseline={"as_of": "2014", "people": "3128人"},
        outcome={"as_of": "截至2018年底", "people": "0人"},
    )
    later = _article(
        texts,
        "later",
        "崇左市召开会议。2020年全市仍有贫困人口120人。2016年全市贫困人口2000人，至今累计脱贫2500人。",
        "崇左市",
        "2020-09-01",
        baseline={"as_of": "2016", "people": "2000人"},
        outcome={"as_of": "2020", "people": "120人", "people_lifted": "2500人"},
    )
    builder = PanelBuilder()
    builder.add(exit_)
    builder.add(later)
    # Another tool's summary, never verified: a rate above 100 is caught here too.
    rate = parse_quantity("120%")
    builder.add(
        exit_.model_copy(
            update={
                "source": exit_.source.model_copy(update={"sha256": "0" * 64}),
                "baseline": None,
                "outcome": Snapshot(
                    as_of="2017",
                    incidence_rate=Quantity(
                        value=rate.value, unit="%", text="120%", evidence=exit_.outcome.people.evidence
                    ),
                ),
            }
        )
    )
    found = {(i.check, i.message) for i in builder.build().inconsistencies}
    assert found == {
        ("rate_above_100", "incidence rate 120% is above 100%"),
        ("lifted_above_baseline", "2500人 lifted is more than the 2000人 poor of the same report's baseline"),
        ("rise_after_exit", "people 120人 in 2020 after 0人 in 2018"),
    }


def test_an_undated_baseline_beside_an_outcome_is_left_out_not_misdated(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    summary = _article(
        texts,
        "undated",
        "秀英区扶贫工作通报。全区贫困人口由7270人减少到35人。",
        "秀英区",
        "2020-10-16",
        baseline={"people": "7270人"},
        outcome={"people": "35人"},
    )
    panel = build_panel([_write(tmp_path / "out", {"undated": summary})])
    assert [(e.year, e.value, e.year_rules) for e in panel.entries] == [(2020, 35, "undated")]
    assert panel.left_out == {"from a baseline not dated before its outcome": 1}


class _Page(HTMLParser):
    """Tags, their attributes and the text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_panel_html_is_self_contained_with_timelines_and_the_conflict_list(
    disagreeing: Path, tmp_path: Path
) -> None:
    (path,) = [p for p in write_panel(tmp_path, build_panel([disagreeing])) if p.suffix == ".html"]
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    tags = page.tags
    assert ("html", {"lang": "zh-CN"}) in tags
    ids = {attrs["id"] for _, attrs in tags if attrs.get("id")}
    # One timeline per indicator of the place; every dot links to the row that quotes its sentences.
    assert sum(1 for tag, attrs in tags if tag == "svg" and attrs.get("class") == "timeline") == 2
    dots = [attrs for tag, attrs in tags if tag == "circle"]
    assert len(dots) == 4 and sum("conflict" in (d["class"] or "") for d in dots) == 2
    links = [attrs["href"] for tag, attrs in tags if tag == "a" and attrs.get("href", "").startswith("#e")]
    assert links and {href[1:] for href in links} <= ids
    conflicts = next(i for i, (tag, attrs) in enumerate(tags) if attrs.get("class") == "conflicts")
    assert tags[conflicts][0] == "ol" and "conflicts" in ids
    text = "".join(page.text)
    assert A_SAYS in text and B_SAYS in text
    # Nothing is fetched: no external script, style sheet, image or link.
    for _, attrs in tags:
        for name in ("src", "href"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//")), attrs


def test_cli_writes_the_panel_and_reports_skips_and_missing_folders(
    disagreeing: Path, tmp_path: Path
) -> None:
    (disagreeing / "config.json").write_text('{"not": "a summary"}', encoding="utf-8")
    try:
        result = runner.invoke(app, ["panel", str(disagreeing), "--out", str(tmp_path / "panel")])
    finally:
        (disagreeing / "config.json").unlink()
    assert result.exit_code == 0, result.output
    assert {p.name for p in (tmp_path / "panel").iterdir()} == {"panel.csv", "panel_wide.csv", "panel.html"}
    assert "skipped" in result.output and "config.json" in result.output
    assert "panel: 3 sources, 1 regions, 3 region-years, 4 values; 1 conflicts" in result.output
    missing = runner.invoke(app, ["panel", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no such folder" in missing.output
    with pytest.raises(ReportError, match="no summaries"):
        build_panel([tmp_path / "panel"])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not checked out beside this repo")
def test_panel_over_the_seeds_and_the_corpus_builds(
    tmp_path: Path, seed_summaries: dict[str, ArticleSummary]
) -> None:
    summarizer = Summarizer(Settings(extractor="rules"))
    corpus = {p.stem: summarizer.summarize(p) for p in sorted(CORPUS.glob("*.txt"))}
    folders = [_write(tmp_path / "seeds", seed_summaries), _write(tmp_path / "corpus", corpus)]
    panel: Panel = build_panel(folders)
    assert panel.sources == len(seed_summaries) + len(corpus)
    written = write_panel(tmp_path / "panel", panel)
    long = _rows(written[0])
    assert len(long) == len(panel.entries) > 100
    assert all(r["quotes"] and r["sources"] and r["year"].isdigit() for r in long)
    # Townships and villages sit under a coded parent, not among the divisions.
    assert any(r["parent_code"] and not r["region_code"] for r in long)
