"""Why the offline extractor found what it found: its trace, then what the verifier kept.

``povsum explain FILE [FIELD]`` prints, for each figure, region, funding item or measure the rules
considered, the named rule or cue that fired and the decision it led to (kept as baseline or
outcome, or skipped and why), followed by the verified value of each field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from povsum.document import Document
from povsum.extractors.rules import RulesExtractor
from povsum.extractors.rules.trace import Step
from povsum.models import ArticleSummary
from povsum.verify import verify

__all__ = ["Explanation", "explain_file"]


@dataclass(frozen=True)
class Explanation:
    summary: ArticleSummary  # verified
    steps: list[Step]

    def lines(self, field: str | None = None) -> list[str]:
        """The steps about ``field`` (a prefix: "baseline", "outcome.people", "funding"), then the
        values the verifier kept; every step when ``field`` is None."""
        wanted = [s for s in self.steps if field is None or _about(s, field)]
        lines = [f"{s.field:<24} {s.rule:<44} {s.text!r:<16} {s.decision}" for s in wanted]
        lines.append("")
        lines += [
            f"= {path} {q.text}"
            for path, q in self.summary.quantities()
            if field is None or path.startswith(field)
        ]
        region = self.summary.region
        if region is not None and (field is None or field == "region"):
            lines.append(f"= region {region.name} ({region.level or '?'})")
        lines += [f"✗ {f.field} {f.text!r}: {f.reason}" for f in self.summary.verification.failures]
        return lines


def _about(step: Step, field: str) -> bool:
    # A skipped match is noted under "figures" before its field is known.
    return step.field.startswith(field) or (step.field == "figures" and field in ("baseline", "outcome"))


def explain_file(path: Path) -> Explanation:
    document = Document.from_path(path)
    draft, steps = RulesExtractor().explain(document)
    return Explanation(verify(draft, document), steps)
