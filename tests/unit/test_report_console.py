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
    assert "[bold]海口[/bold]" in table_text(summary)
