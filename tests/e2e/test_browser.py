"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``) driven by playwright.

Skipped when chromium or playwright is missing, except in CI (``CI`` set), where it must run.
``POVSUM_SCREENSHOT=docs/report.png pytest tests/e2e/test_browser.py`` also saves the screenshot
that the README shows.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from povsum import ArticleSummary, Document
from povsum.summaries import ArticleError
from povsum.writers import render_reports, write_run_outputs

ROOT = Path(__file__).resolve().parents[2]
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
GENERATED = 2_000


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "chromium is not installed (apt-get install chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; never `playwright install`)"
    return None


if (reason := _missing()) is not None:
    if os.environ.get("CI"):
        raise RuntimeError(f"the browser test must run in CI, but {reason}")
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

Opened = tuple[Page, list[str]]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[Path], Opened]]:
    """Opens a file in a fresh page; the list collects every console error, page error and
    request that is not for a local file (the report must work offline)."""
    pages: list[Page] = []

    def opened(path: Path) -> Opened:
        problems: list[str] = []
        page = browser.new_page(viewport={"width": 1280, "height": 1800})
        page.on(
            "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on(
            "request", lambda r: None if r.url.startswith("file:") else problems.append(f"request {r.url}")
        )
        page.goto(path.as_uri())
        pages.append(page)
        return page, problems

    yield opened
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory, seed_summaries: dict[str, ArticleSummary]) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    write_run_outputs(out, list(seed_summaries.items()), ["html"])
    return out


@pytest.fixture(scope="module")
def generated_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OUT of GENERATED articles with unique bytes (bench/report.py makes them), and one error."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from report import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    out = tmp_path_factory.mktemp("generated") / "out"
    generate(out, GENERATED)
    error = ArticleError(path="sources/broken.txt", error="sources/broken.txt: the input is empty")
    (out / "errors.jsonl").write_text(error.model_dump_json() + "\n", encoding="utf-8")
    render_reports(out, ("html",))
    return out


def page_of(out: Path, stem: str) -> Path:
    return out / "report" / f"{stem}.html"


def test_chinese_renders_as_glyphs_not_boxes(open_page: Callable[[Path], Opened], seeds_out: Path) -> None:
    """Two different characters drawn the same are both the missing-glyph box: no CJK font."""
    dom, problems = open_page(seeds_out / "report.html")
    drawn = dom.evaluate(
        """(chars) => chars.map((c) => {
            const canvas = document.createElement("canvas");
            canvas.width = 40; canvas.height = 40;
            const ink = canvas.getContext("2d");
            ink.font = "32px " + getComputedStyle(document.body).fontFamily;
            ink.fillText(c, 2, 32);
            return canvas.toDataURL();
        })""",
        ["脱", "贫", "\U0010fffd"],
    )
    cjk, other, missing = drawn
    assert cjk != missing and other != missing, "CJK characters render as boxes: install fonts-noto-cjk"
    assert cjk != other
    assert problems == []


def test_every_seed_number_is_highlighted_in_the_dom(
    open_page: Callable[[Path], Opened], seeds_out: Path, seed_summaries: dict[str, ArticleSummary]
) -> None:
    dom, problems = open_page(seeds_out / "report.html")
    for stem, summary in seed_summaries.items():
        dom.goto(page_of(seeds_out, stem).as_uri())
        marks = dom.evaluate(
            "() => Array.from(document.querySelectorAll('.text mark'))"
            ".map((m) => [m.dataset.field, m.dataset.text, m.innerText])"
        )
        document = Document.from_path(summary.source.path or "")
        for path, q in summary.quantities():
            found = [(text, shown) for fields, text, shown in marks if path in fields.split()]
            assert found == [(document.normalize(q.text),) * 2], (stem, path)
    assert problems == []


def test_opening_a_field_highlights_its_number_and_quote(
    open_page: Callable[[Path], Opened], seeds_out: Path, seed_summaries: dict[str, ArticleSummary]
) -> None:
    dom, problems = open_page(page_of(seeds_out, next(iter(seed_summaries))))
    dom.click('details[data-field="baseline.people"] summary')
    mark = dom.locator('mark[data-field~="baseline.people"]')
    expect(mark).to_have_class(re.compile(r"\bactive\b"))  # set by the page's script on toggle
    quote = (mark.get_attribute("data-quotes") or "").split()[0]
    expect(dom.locator(f'.quote[data-quotes~="{quote}"]').first).to_have_class(re.compile(r"\bactive\b"))
    expect(dom.locator('details[data-field="baseline.people"] blockquote')).to_be_visible()
    dom.click('mark[data-field~="outcome.people_lifted"]')
    expect(dom.locator('details[data-field="outcome.people_lifted"]')).to_have_attribute("open", "")
    assert problems == []


def test_the_chart_puts_every_article_on_one_scale(
    open_page: Callable[[Path], Opened], seeds_out: Path
) -> None:
    """18802人 and 34.18万人 sit where one logarithmic axis puts them, not each at its row's end."""
    dom, problems = open_page(seeds_out / "report.html")
    dots = dom.evaluate(
        "() => Array.from(document.querySelectorAll('#chart circle'))"
        ".map((c) => [Number(c.dataset.value), Number(c.getAttribute('cx'))])"
    )
    by_value = dict(dots)
    assert {547, 18802, 341800, 10900, 31336} <= set(by_value)
    per_decade = {
        round((by_value[b] - by_value[a]) / math.log10(b / a), 6) for a, b in ((547, 18802), (18802, 341800))
    }
    assert len(per_decade) == 1 and per_decade.pop() > 50
    dom.click(".indicators button:text-is('incidence rate')")
    assert dom.locator("#chart circle").count() >= 2
    assert problems == []


def test_the_index_of_2000_articles_opens_searches_sorts_and_links(
    browser: Browser, generated_out: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto((generated_out / "report.html").as_uri(), wait_until="load")
    expect(page.locator("#articles tbody tr")).to_have_count(50)  # the first page of the table
    expect(page.locator("#shown")).to_have_text(f"{GENERATED + 1} articles")
    expect(page.locator("#errors")).to_contain_text("sources/broken.txt")

    page.fill("#search", "01234_")  # one generated file
    expect(page.locator("#articles tbody tr")).to_have_count(1)
    expect(page.locator("#shown")).to_have_text(f"1 of {GENERATED + 1} articles")
    page.fill("#search", "")

    page.click("th[data-sort='baseline_people'] button")
    page.click("th[data-sort='baseline_people'] button")  # descending: the largest first
    expect(page.locator("th[data-sort='baseline_people']")).to_have_attribute("aria-sort", "descending")
    expect(page.locator("#articles tbody tr").first.locator("td").nth(7)).to_have_text("34.18万人")

    page.select_option("#filter-status", "error")
    expect(page.locator("#articles tbody tr")).to_have_count(1)
    page.select_option("#filter-status", "")

    page.locator("#articles tbody tr").first.locator("a").click()
    expect(page.locator("h1")).to_contain_text("崇左市")
    expect(page.locator(".text mark.num").first).to_be_visible()
    page.click("a[rel='index']")
    expect(page.locator("#articles tbody tr")).to_have_count(50)
    page.close()
    assert problems == []


def test_screenshot_renders_the_index(
    open_page: Callable[[Path], Opened], seeds_out: Path, tmp_path: Path
) -> None:
    dom, problems = open_page(seeds_out / "report.html")
    shot = tmp_path / "report.png"
    dom.screenshot(path=shot, clip={"x": 0, "y": 0, "width": 1280, "height": 1000})
    assert shot.stat().st_size > 50_000  # a blank page compresses to a few kilobytes
    if target := os.environ.get("POVSUM_SCREENSHOT"):
        shutil.copyfile(shot, target)
    assert problems == []
