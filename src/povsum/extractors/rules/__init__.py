"""The offline extractor: deterministic patterns for this genre, no model and no network.

Tables and patterns are built once at import; extracting an article does no start-up work.
"""

from __future__ import annotations

from povsum.document import Document
from povsum.extractors.rules.figures import find_figures
from povsum.extractors.rules.funding import find_funding
from povsum.extractors.rules.measures import find_measures
from povsum.extractors.rules.region import find_region
from povsum.extractors.rules.trace import Step, Trace
from povsum.models import ArticleSummary, ExtractorInfo
from povsum.sentences import split_sentences

__all__ = ["RulesExtractor"]


class RulesExtractor:
    """Stateless, so one instance serves every thread."""

    name = "rules"
    waits_on_io = False
    verifies = False  # drafts: the pipeline verifies them

    def produced(self, summary: ArticleSummary) -> bool:
        return summary.extractor.name == self.name

    def extract(self, document: Document) -> ArticleSummary:
        return self._extract(document, Trace())

    def explain(self, document: Document) -> tuple[ArticleSummary, list[Step]]:
        """The draft summary and every step the rules took to reach it."""
        trace = Trace(enabled=True)
        return self._extract(document, trace), trace.steps

    def _extract(self, document: Document, trace: Trace) -> ArticleSummary:
        sentences = split_sentences(document.text)
        # The region first: the figures of another place it names (its province, a partner) are
        # not the region's.
        region = find_region(document, sentences, trace)
        baseline, outcome = find_figures(document, sentences, trace, region)
        return ArticleSummary(
            source=document.source_info(),
            region=region,
            baseline=baseline,
            outcome=outcome,
            measures=find_measures(document, sentences, trace, region),
            funding=find_funding(document, sentences, trace, region),
            extractor=ExtractorInfo(name="rules"),
        )
