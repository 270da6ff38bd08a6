"""The field and measure catalogues are the one place a field or category is declared.

Adding one entry to ``contract.py`` must reach the model, the verifier, every report, the LLM
draft and the rules extractor: the test below does exactly that in a copy of the package.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from povsum.contract import FIELDS, MEASURE_CATEGORIES, MEASURE_KINDS, SNAPSHOT_FIELDS
from povsum.extractors.llm.draft import ArticleDraft
from povsum.extractors.llm.prompts import load_prompts
from povsum.models import Measure, Snapshot

SRC = Path(__file__).resolve().parents[2] / "src"

# Written for this test, not a real report.
ADDED = textwrap.dedent(
    """
    import sys
    from povsum import Document, verify
    from povsum.contract import MEASURE_CATEGORIES
    from povsum.extractors.llm.draft import SnapshotDraft
    from povsum.extractors.rules import RulesExtractor
    from povsum.models import ArticleSummary, Evidence, ExtractorInfo, Quantity, Snapshot
    from povsum.report.markdown import render_markdown
    from povsum.report.tables import COLUMNS, csv_row

    text = "2014年全县有贫困乡镇12个。全县开展月光扶贫。"
    doc = Document.from_text(text)
    quote = "2014年全县有贫困乡镇12个。"
    start, end = doc.locate(quote)
    q = Quantity(value=12, unit="个", text="12个", evidence=Evidence(quote=quote, start=start, end=end))
    wrong_unit = q.model_copy(update={"unit": "人", "text": "12个"})
    draft = ArticleSummary(source=doc.source_info(), extractor=ExtractorInfo(name="rules"),
                           baseline=Snapshot(poor_townships=q))
    checked = verify(draft, doc)
    assert checked.baseline.poor_townships.value == 12, checked.verification
    assert "baseline_poor_townships" in COLUMNS and csv_row(checked)["baseline_poor_townships"] == "12"
    assert "baseline.poor\\\\_townships" in render_markdown([checked])  # escaped for Markdown
    assert "poor_townships" in SnapshotDraft.model_fields
    assert "moonlight" in MEASURE_CATEGORIES
    found = RulesExtractor().extract(doc)
    assert [m.category for m in found.measures] == ["moonlight"], found.measures
    print("ok")
    """
)


def test_one_catalogue_entry_reaches_verify_reports_llm_and_rules(tmp_path: Path) -> None:
    package = tmp_path / "povsum"
    shutil.copytree(SRC / "povsum", package, ignore=shutil.ignore_patterns("__pycache__"))
    contract = package / "contract.py"
    text = contract.read_text(encoding="utf-8")
    field = '    SnapshotField("poor_townships", "贫困乡镇", "poor townships", frozenset({"个"}), "个数"),\n'
    kind = '    MeasureKind("moonlight", "月光", _cues("月光扶贫")),\n'
    text = text.replace(
        "SNAPSHOT_FIELDS: tuple[SnapshotField, ...] = (\n",
        "SNAPSHOT_FIELDS: tuple[SnapshotField, ...] = (\n" + field,
    )
    text = text.replace(
        "MEASURE_KINDS: tuple[MeasureKind, ...] = (\n", "MEASURE_KINDS: tuple[MeasureKind, ...] = (\n" + kind
    )
    contract.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", ADDED],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr[-2000:]


def test_models_and_drafts_hold_exactly_the_catalogue_fields() -> None:
    assert list(Snapshot.model_fields) == ["as_of", *FIELDS]
    assert Measure.model_fields["category"].annotation.__args__ == MEASURE_CATEGORIES
    for part in ("baseline", "outcome"):
        draft = ArticleDraft.model_fields[part].annotation.__args__[0]
        assert list(draft.model_fields) == ["as_of", *FIELDS]


def test_the_prompt_lists_every_field_and_category_as_the_catalogue_does() -> None:
    system = load_prompts().system
    categories = "、".join(f"{m.key}（{m.zh}）" for m in MEASURE_KINDS)
    assert f"category 取 {categories}。" in system
    for f in SNAPSHOT_FIELDS:
        assert f"{f.name} " in system, f.name


def test_rule_cues_are_distinct_within_each_category() -> None:
    for kind in MEASURE_KINDS:
        assert kind.cues and len(set(kind.cues)) == len(kind.cues), kind.key


def test_the_prompt_offers_every_region_level() -> None:
    from typing import get_args

    from povsum.models import Level

    line = next(line for line in load_prompts().system.splitlines() if "level 取" in line)
    assert all(level in line for level in get_args(Level))
