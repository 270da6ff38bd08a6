"""The HTML report: ``OUT/report.html`` (the index) and ``OUT/report/`` (a page per article, the
stylesheet and the scripts). Offline: no request leaves the folder, which can be moved or zipped.

Pages are written into a fresh staging folder as records arrive and replace ``OUT/report/`` only
when the run's outputs are whole, so pages of articles no longer in OUT do not linger.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from povsum.models import ArticleSummary
from povsum.report.article import page_href, page_name, render_page
from povsum.report.index import IndexPage
from povsum.report.stream import RunWriter, template
from povsum.report.totals import Totals
from povsum.summaries import Record

PAGES = "report"  # OUT/report/: the article pages and the assets they share with the index
ASSETS = ("report.css", "index.js", "article.js")
_STAGING = ".report-"  # OUT/.report-<hex>: pages being written, or an old folder being removed


class HtmlWriter(RunWriter):
    filename = "report.html"

    def begin(self) -> None:
        for leftover in self.root.glob(f"{_STAGING}*"):  # from a run that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        self._pages = self.root / f"{_STAGING}{secrets.token_hex(8)}"
        self._pages.mkdir()
        self._stack.callback(shutil.rmtree, self._pages, ignore_errors=True)
        for asset in ASSETS:
            (self._pages / asset).write_text(template(asset), encoding="utf-8")
        self._index = IndexPage(self.spool(), self.spool())
        self._count = 0
        # A page links to the next one, so each is written when the following article arrives.
        self._held: tuple[int, str, ArticleSummary, str | None] | None = None
        self._previous: str | None = None

    def add(self, stem: str, record: Record) -> None:
        self._count += 1
        if not isinstance(record, ArticleSummary):
            self._index.add(self._count, "", record)
            return
        self._index.add(self._count, f"{PAGES}/{page_href(stem)}", record)
        self._release(next_stem=stem)
        self._held = (self._count, stem, record, self._previous)
        self._previous = stem

    def _release(self, next_stem: str | None) -> None:
        if self._held is not None:
            number_in_run, stem, summary, previous = self._held
            page = render_page(number_in_run, summary, previous, next_stem)
            (self._pages / page_name(stem)).write_text(page, encoding="utf-8")
            self._held = None

    def finish(self, totals: Totals) -> None:
        self._release(next_stem=None)
        self._index.write(self.out, totals, PAGES)
        _replace_folder(self._pages, self.root / PAGES)


def _replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target`` (two renames; the old folder is removed after)."""
    old = target.with_name(f"{_STAGING}{secrets.token_hex(8)}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
