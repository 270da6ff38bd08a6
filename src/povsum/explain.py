"""Why the offline extractor found what it found: its trace, then what the verifier kept.

``povsum explain FILE [FIELD]`` prints, for each figure, region, funding item or measure the rules
considered, the named rule or cue that fired and the decision it led to (kept as baseline or
outcome, or skipped and why), followed by the verified value of each field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from povsum.contract import BASELINE_QUANTITIES, MEASURE_KINDS, SNAPSHOT_QUANTITIES
from povsum.document import STDIN, Document, read_stdin
from povsum.errors import UnknownFieldError
from povsum.extractors.rules import RulesExtractor
from povsum.extractors.rules.trace import Step
from povsum.models import ArticleSummary
from povsum.verify import verify

__all__ = ["FIELDS", "Explanation", "explain_file"]

# What ``lines`` can be limited to: a part of the summary, or one field of a part.
_PARTS = {
    "region": (),
    "baseline": BASELINE_QUANTITIES,
    "outcome": SNAPSHOT_QUANTITIES,
    "funding": (),
    "measures": tuple(kind.key for kind in MEASURE_KINDS),
}
FIELDS = frozenset({*_PARTS, *(f"{part}.{name}" for part, names in _PARTS.items() for name in names)})
_KNOWN = ", ".join([*_PARTS, *(f"{part}.{{{','.join(names)}}}" for part, names in _PARTS.items() if names)])


@dataclass(frozen=True)
class Explanation:
    summary: ArticleSummary  # verified
    steps: list[Step]

    def lines(self, field: str | None = None) -> list[str]:
        """The steps about ``field`` (a prefix: "baseline", "outcome.people", "funding"), then the
        values the verifier kept; every step when ``field`` is None. A field not in ``FIELDS``
        is an ``UnknownFieldError`` listing them."""
        if field is not None and field not in FIELDS:
            raise UnknownFieldError(f"unknown field {field!r}; known: {_KNOWN}")
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


def explain_file(path: Path, stdin: BinaryIO | None = None) -> Explanation:
    """The explanation of the article at ``path``; ``-`` reads it from standard input (``stdin``)."""
    document = Document.from_bytes(read_stdin(stdin), path="-") if path == STDIN else Document.from_path(path)
    draft, steps = RulesExtractor().explain(document)
    return Explanation(verify(draft, document), steps)
