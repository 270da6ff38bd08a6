"""report.html in a real browser: headless Chromium (Debian's ``chromium``) driven by playwright.

Skipped when chromium or playwright is missing, except in CI (``CI`` set), where it must run.
``POVSUM_SCREENSHOT=docs/report.png pytest tests/e2e/test_browser.py`` also saves the screenshot
that the README shows.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from povsum import ArticleSummary, Document
from povsum.report.html_report import write_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "chromium is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; never `playwright install`)"
    return None


if (reason := _missing()) is not None:
    if os.environ.get("CI"):
        raise RuntimeError(f"the browser test must run in CI, but {reason}")
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, seed_summaries: dict[str, ArticleSummary]) -> Path:
    return write_html(tmp_path_factory.mktemp("report"), list(seed_summaries.values()))


@pytest.fixture(scope="module")
def page(report: Path) -> Iterator[tuple[Page, list[str]]]:
    """The loaded report and every console error, page error and non-file request it caused."""
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1800})
        page.on(
            "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on(
            "request", lambda r: None if r.url.startswith("file:") else problems.append(f"request {r.url}")
        )
        page.goto(report.as_uri())
        yield page, problems
        browser.close()


def test_every_seed_number_is_highlighted_in_the_dom(
    page: tuple[Page, list[str]], seed_summaries: dict[str, ArticleSummary]
) -> None:
    dom, problems = page
    for i, summary in enumerate(seed_summaries.values()):
        document = Document.from_path(summary.source.path or "")
        for path, q in summary.quantities():
            mark = dom.locator(f'#a{i} .text mark[data-field~="{path}"]')
            assert mark.count() == 1, (i, path)
            assert mark.get_attribute("data-text") == mark.inner_text() == document.normalize(q.text)
    assert problems == []


def test_opening_a_field_highlights_its_number_and_quote(page: tuple[Page, list[str]]) -> None:
    dom, problems = page
    dom.click('#a0 details[data-field="baseline.people"] summary')
    mark = dom.locator('#a0 mark[data-field~="baseline.people"]')
    expect(mark).to_have_class(re.compile(r"\bactive\b"))  # set by the page's script on toggle
    quote = (mark.get_attribute("data-quotes") or "").split()[0]
    expect(dom.locator(f'#a0 .quote[data-quotes~="{quote}"]').first).to_have_class(re.compile(r"\bactive\b"))
    expect(dom.locator('#a0 details[data-field="baseline.people"] blockquote')).to_be_visible()
    dom.click('#a0 mark[data-field~="outcome.people_lifted"]')
    expect(dom.locator('#a0 details[data-field="outcome.people_lifted"]')).to_have_attribute("open", "")
    assert problems == []


def test_screenshot_renders_the_page(page: tuple[Page, list[str]], tmp_path: Path) -> None:
    dom, problems = page
    dom.evaluate("document.querySelectorAll('details[open]').forEach(function (d) { d.open = false; })")
    dom.click('#a0 details[data-field="baseline.people"] summary')
    dom.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    dom.screenshot(path=shot, clip={"x": 0, "y": 0, "width": 1280, "height": 1800})
    assert shot.stat().st_size > 50_000  # a blank page compresses to a few kilobytes
    if target := os.environ.get("POVSUM_SCREENSHOT"):
        shutil.copyfile(shot, target)
    assert problems == []
