"""The final terminal table: token usage when an LLM reported it, article text never read as markup."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from povsum import ArticleSummary
from povsum.console import RunConsole
from povsum.models import Usage
from povsum.runner import ArticleResult


def table_text(summary: ArticleSummary) -> str:
    console = RunConsole()
    console.out = Console(record=True, width=200)
    console.table([ArticleResult(Path("a.txt"), "a", summary=summary)])
    return console.out.export_text()


def test_token_usage_column_only_when_reported(seed_summaries: dict[str, ArticleSummary]) -> None:
    summary = next(iter(seed_summaries.values()))
    assert "tokens" not in table_text(summary)
    used = summary.model_copy(deep=True)
    used.extractor.usage = Usage(prompt_tokens=12345, completion_tokens=678)
    assert "12,345/678" in table_text(used)
    assert "tokens: 12,345 in, 678 out, over 1 article(s)" in table_text(used)


def test_region_names_are_not_rich_markup(seed_summaries: dict[str, ArticleSummary]) -> None:
    summary = next(iter(seed_summaries.values())).model_copy(deep=True)
    assert summary.region is not None
    summary.region.name = "[bold]海口[/bold]"
    assert "[bold]" in table_text(summary)  # shown as typed (then cut to the column), not as bold


def test_the_table_fits_80_columns(seed_summaries: dict[str, ArticleSummary]) -> None:
    from rich.cells import cell_len

    console = RunConsole()
    console.out = Console(record=True, width=80)
    console.table([ArticleResult(Path(f"{stem}.txt"), stem, summary=s) for stem, s in seed_summaries.items()])
    text = console.out.export_text()
    assert all(cell_len(line) <= 80 for line in text.splitlines())
    assert text.count("verified") >= len(seed_summaries)  # the status column is never cut
    assert f"{len(seed_summaries)} articles: {len(seed_summaries)} verified" in text


def test_past_thirty_articles_only_problems_are_listed(seed_summaries: dict[str, ArticleSummary]) -> None:
    good = next(iter(seed_summaries.values()))
    results = [ArticleResult(Path(f"ok{i}.txt"), f"ok{i}", summary=good) for i in range(40)]
    results.append(ArticleResult(Path("bad.txt"), "bad", error="bad.txt: the input is empty"))
    console = RunConsole()
    console.out = Console(record=True, width=100)
    console.table(results)
    text = console.out.export_text()
    assert "bad" in text and "ok1 " not in text and "ok39" not in text
    assert "41 articles: 40 verified, 1 error" in text


def test_a_wide_terminal_shows_the_cells_whole(seed_summaries: dict[str, ArticleSummary]) -> None:
    from povsum.report.fields import snapshot_people

    summary = next(s for s in seed_summaries.values() if s.baseline and s.region)
    text = table_text(summary)  # 200 columns
    assert summary.region is not None and summary.region.name in text
    assert snapshot_people(summary.baseline) in text
    assert "Σ funding" in text  # a sum computed from the amounts, labelled as one
