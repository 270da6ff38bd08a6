"""``povsum.evaluate``: the metric code on tiny hand-made cases, then the rules extractor scored
on the seeds (tests/gold) and on the dev set (tests/dev) against the floors in
tests/dev/thresholds.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from povsum import ArticleSummary, Document, InputError, Summarizer
from povsum.evaluate import EvalReport, evaluate, format_report
from povsum.models import Evidence, ExtractorInfo, Funding, Measure, Quantity, Region, Snapshot, Source

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "dev"
THRESHOLDS = json.loads((DEV / "thresholds.json").read_text(encoding="utf-8"))
SOURCE = "2014年全县有贫困人口4352户18802人,贫困发生率为12.5%。共投入资金300万元和100万元。"


def quantity(text: str, value: float, unit: str) -> Quantity:
    return Quantity(value=value, unit=unit, text=text, evidence=Evidence(quote=text, start=0, end=len(text)))


def summary(source: Path, **parts: Any) -> ArticleSummary:
    return ArticleSummary(
        source=Source(path=str(source), sha256="0" * 64), extractor=ExtractorInfo(name="rules"), **parts
    )


def gold(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "region": {"name": "兰考县", "accept": ["兰考县", "兰考"], "province": "河南省", "level": "county"},
        "baseline": {"year": "2014", "households": 4352, "people": 18802, "incidence_rate": 12.5},
        "outcome": {"year": None, "people": None},
        "funding": [{"yuan": 3000000, "text": "300万元", "purpose": ""}],
        "measure_categories": ["industry", "finance"],
    }
    return record | overrides


def region(name: str) -> Region:
    return Region(name=name, evidence=Evidence(quote=name, start=0, end=len(name)))


def measures(*categories: str) -> list[Measure]:
    return [Measure(category=c, summary=c, evidence=Evidence(quote="x", start=0, end=1)) for c in categories]


def funding(*items: tuple[str, float]) -> list[Funding]:
    return [
        Funding(amount=quantity(text, value, "元"), evidence=Evidence(quote=text, start=0, end=len(text)))
        for text, value in items
    ]


def perfect(source: Path) -> ArticleSummary:
    return summary(
        source,
        region=region("兰考"),
        baseline=Snapshot(
            households=quantity("4352户", 4352, "户"),
            people=quantity("18802人", 18802, "人"),
            incidence_rate=quantity("12.5%", 12.5, "%"),
        ),
        funding=funding(("300万元", 3_000_000)),
        measures=measures("finance", "industry"),
    )


def run_eval(tmp_path: Path, cases: dict[str, tuple[dict[str, Any], ArticleSummary | None]]) -> EvalReport:
    out, golds = tmp_path / "out", tmp_path / "gold"
    out.mkdir()
    golds.mkdir()
    for stem, (record, result) in cases.items():
        (golds / f"{stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        if result is not None:
            (out / f"{stem}.json").write_text(result.model_dump_json(), encoding="utf-8")
    return evaluate(out, golds)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(SOURCE, encoding="utf-8")
    return path


def test_a_perfect_summary_scores_full_marks(tmp_path: Path, source: Path) -> None:
    report = run_eval(tmp_path, {"a": (gold(), perfect(source))})
    assert report.region.accuracy == 1.0
    assert report.snapshot.model_dump() == {
        "correct": 3,
        "expected": 3,
        "extra": 0,
        "scored": 4,  # the null gold field counts as scored: an output there is an extra
        "accuracy": 1.0,
    }
    assert (report.funding.f1, report.measures.f1) == (1.0, 1.0)
    assert (report.quantities, report.ungrounded, report.mismatches) == (4, 0, [])


def test_missing_wrong_and_extra_snapshot_values(tmp_path: Path, source: Path) -> None:
    result = perfect(source)
    result.baseline.people = None  # missing: a miss
    result.baseline.incidence_rate = quantity("12.5%", 12.0, "%")  # wrong value: a miss, not an extra
    result.outcome = Snapshot(people=quantity("18802人", 18802, "人"))  # gold says null: an extra
    report = run_eval(tmp_path, {"a": (gold(), result)})
    assert report.fields["baseline.people"].model_dump() == {
        "correct": 0,
        "expected": 1,
        "extra": 0,
        "scored": 1,
        "accuracy": 0.0,
    }
    assert report.fields["baseline.incidence_rate"].extra == 0
    assert report.fields["outcome.people"].model_dump() == {
        "correct": 0,
        "expected": 0,
        "extra": 1,
        "scored": 1,
        "accuracy": None,
    }
    assert [(m.field, m.expected, m.got) for m in report.mismatches] == [
        ("baseline.people", 18802, None),
        ("baseline.incidence_rate", 12.5, 12),
        ("outcome.people", None, 18802),
    ]


def test_fields_absent_from_the_gold_part_are_not_scored(tmp_path: Path, source: Path) -> None:
    result = perfect(source)
    result.outcome = Snapshot(poor_counties=quantity("4352户", 3, "个"))
    report = run_eval(tmp_path, {"a": (gold(), result)})
    assert "outcome.poor_counties" not in report.fields
    assert list(report.fields) == [
        "baseline.households",
        "baseline.people",
        "baseline.incidence_rate",
        "outcome.people",
    ]


def test_funding_is_a_multiset_of_yuan(tmp_path: Path, source: Path) -> None:
    record = gold(funding=[{"yuan": y, "text": "", "purpose": ""} for y in (3_000_000, 3_000_000, 1_000_000)])
    result = perfect(source)
    # Float noise from 1127.14万-style parsing must not turn a hit into a miss.
    result.funding = funding(("300万元", 3_000_000.000000001), ("100万元", 7))
    report = run_eval(tmp_path, {"a": (record, result)}).funding
    assert (report.matched, report.expected, report.predicted) == (1, 3, 2)
    assert (report.precision, report.recall, report.f1) == (0.5, pytest.approx(1 / 3), 0.4)


def test_measure_categories_precision_and_recall(tmp_path: Path, source: Path) -> None:
    result = perfect(source)
    result.measures = measures("finance", "tourism", "tourism")  # one measure per category counts once
    report = run_eval(tmp_path, {"a": (gold(), result)})
    assert (report.measures.precision, report.measures.recall) == (0.5, 0.5)
    assert {(m.expected, m.got) for m in report.mismatches} == {("industry", None), (None, "tourism")}


def test_region_is_right_under_any_accepted_name(tmp_path: Path, source: Path) -> None:
    wrong = perfect(source)
    wrong.region = region("开封市")
    report = run_eval(tmp_path, {"a": (gold(), perfect(source)), "b": (gold(), wrong)})
    assert (report.region.correct, report.region.expected) == (1, 2)
    assert [(m.file, m.expected, m.got) for m in report.mismatches] == [("b", "兰考县", "开封市")]


def test_an_article_without_a_summary_misses_everything(tmp_path: Path) -> None:
    report = run_eval(tmp_path, {"a": (gold(), None)})
    assert report.missing == ["a"]
    assert (report.region.correct, report.snapshot.correct, report.funding.matched) == (0, 0, 0)
    assert (report.funding.recall, report.funding.precision) == (0.0, None)


def test_quantities_not_in_the_source_are_counted(tmp_path: Path, source: Path) -> None:
    result = perfect(source)
    result.funding = funding(("300万元", 3_000_000), ("3000000元", 3_000_000))
    report = run_eval(tmp_path, {"a": (gold(), result)})
    assert (report.quantities, report.ungrounded) == (5, 1)
    assert report.mismatches[-1].field == "funding[1].amount (not in source)"


def test_an_unreadable_source_proves_nothing(tmp_path: Path) -> None:
    report = run_eval(tmp_path, {"a": (gold(), perfect(tmp_path / "gone.txt"))})
    assert report.ungrounded == report.quantities == 4
    assert report.mismatches[0].field == "source"


def test_the_report_round_trips_as_json_and_reads_as_a_table(tmp_path: Path, source: Path) -> None:
    report = run_eval(tmp_path, {"a": (gold(), perfect(source))})
    data = json.loads(report.model_dump_json())
    assert data["snapshot"]["accuracy"] == 1.0 and data["funding"]["f1"] == 1.0
    text = format_report(report)
    assert "baseline.people" in text and "funding (yuan)" in text
    assert "quantities not in their source: 0 of 4" in text


def summarize_into(summarizer: Summarizer, documents: dict[str, Document], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for stem, document in documents.items():
        (out / f"{stem}.json").write_text(summarizer.summarize(document).model_dump_json(), encoding="utf-8")
    return out


def below_floor(report: EvalReport, floor: dict[str, float]) -> list[str]:
    scores = {
        "region_accuracy": report.region.accuracy,
        "snapshot_accuracy": report.snapshot.accuracy,
        "funding_f1": report.funding.f1,
        "measures_f1": report.measures.f1,
    }
    failed = [f"{name} {scores[name]:.3f} < {floor[name]}" for name in scores if scores[name] < floor[name]]
    if report.snapshot.extra > floor["snapshot_extra_max"]:
        failed.append(f"snapshot extras {report.snapshot.extra} > {floor['snapshot_extra_max']}")
    return failed


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_rules_extractor_scores_stay_above_the_floor(
    name: str, rules_summarizer: Summarizer, seed_documents: dict[str, Document], tmp_path: Path
) -> None:
    if name == "seeds":
        documents, gold_dir = seed_documents, ROOT / "tests" / "gold"
    else:
        documents = {p.stem: Document.from_path(p) for p in sorted((DEV / "passages").glob("*.txt"))}
        gold_dir = DEV / "gold"
    report = evaluate(summarize_into(rules_summarizer, documents, tmp_path), gold_dir)
    print(format_report(report))
    assert report.missing == []
    assert report.ungrounded == 0
    assert below_floor(report, THRESHOLDS[name]) == []


def test_every_dev_passage_has_gold_that_quotes_it() -> None:
    passages = sorted(p.stem for p in (DEV / "passages").glob("*.txt"))
    assert len(passages) >= 25
    assert passages == sorted(p.stem for p in (DEV / "gold").glob("*.json"))
    for stem in passages:
        document = Document.from_path(DEV / "passages" / f"{stem}.txt")
        record = json.loads((DEV / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
        assert record["id"] == stem
        assert any(name in document.text for name in record["region"]["accept"]), stem
        for item in record["funding"]:
            assert item["text"] in document.original, (stem, item["text"])


def test_the_readme_quotes_the_thresholds_file_verbatim() -> None:
    readme = (DEV / "README.md").read_text(encoding="utf-8")
    assert (DEV / "thresholds.json").read_text(encoding="utf-8").strip() in readme


def test_a_broken_gold_or_summary_file_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not a gold annotation"):
        evaluate(tmp_path, tmp_path / "gold")
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold()), encoding="utf-8")
    (tmp_path / "a.json").write_text('{"schema_version": "1"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a povsum summary"):
        evaluate(tmp_path, tmp_path / "gold")


def test_optional_paths_are_scored_neither_way(tmp_path: Path, source: Path) -> None:
    result = perfect(source)
    result.baseline.people = quantity("18802人", 99, "人")  # wrong, but the path is optional
    result.outcome = Snapshot(people=quantity("18802人", 18802, "人"))  # gold null, but optional
    record = gold(optional=["baseline.people", "outcome.people"])
    report = run_eval(tmp_path, {"a": (record, result)})
    assert "baseline.people" not in report.fields and "outcome.people" not in report.fields
    assert report.snapshot.accuracy == 1.0 and report.snapshot.extra == 0


def test_alternatives_count_as_right_and_are_never_extras(tmp_path: Path, source: Path) -> None:
    result = perfect(source)
    result.baseline.people = quantity("18802人", 18800, "人")
    result.outcome = Snapshot(people=quantity("18802人", 547, "人"))
    record = gold(alternatives={"baseline.people": [18800], "outcome.people": [547]})
    report = run_eval(tmp_path, {"a": (record, result)})
    assert report.fields["baseline.people"].correct == 1
    assert report.fields["outcome.people"].extra == 0


def test_optional_funding_and_measure_categories_are_ignored(tmp_path: Path, source: Path) -> None:
    result = perfect(source)
    result.funding = funding(("300万元", 3_000_000), ("100万元", 1_000_000))
    result.measures = measures("finance", "industry", "tourism")
    record = gold(
        funding=[
            {"yuan": 3000000, "text": "300万元"},
            {"yuan": 1000000, "text": "100万元", "optional": True},
            {"yuan": 5000000, "text": "500万元", "optional": True},
        ],
        measure_optional=["tourism", "health"],
    )
    report = run_eval(tmp_path, {"a": (record, result)})
    assert (report.funding.matched, report.funding.expected, report.funding.predicted) == (1, 1, 1)
    assert (report.measures.matched, report.measures.expected, report.measures.predicted) == (2, 2, 2)


def test_a_subset_of_stems_and_named_metrics(tmp_path: Path, source: Path) -> None:
    out, golds = tmp_path / "out", tmp_path / "gold"
    run_eval(tmp_path, {"a": (gold(), perfect(source)), "b": (gold(), None)})
    only_a = evaluate(out, golds, stems={"a"})
    assert only_a.articles == 1 and only_a.metric("snapshot") == 1.0 and only_a.metric("funding") == 1.0
    assert evaluate(out, golds).metric("baseline.people") == 0.5
    with pytest.raises(InputError, match="no gold for c999"):
        evaluate(out, golds, stems={"c999"})
    with pytest.raises(InputError, match="no such folder"):
        evaluate(tmp_path / "nowhere", golds)
