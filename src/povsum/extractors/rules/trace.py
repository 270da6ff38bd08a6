"""What the rules decided and why: one step per figure, region or measure considered.

Every rule that produces or skips something notes it here with its name (a named pattern or cue
of the rule tables), so ``povsum explain`` can show why a figure is a baseline, an outcome, or
was skipped. A disabled trace (the default for ordinary runs) records nothing and costs one
attribute test per note.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Step:
    field: str  # "baseline.people", "region", "funding", "measures"
    rule: str  # the named pattern or cue that fired, e.g. "transition_people", "target:计划"
    text: str  # what it looked at: the figure, the name, the amount
    decision: str  # "kept", "skipped: ...", "outcome: now cue 目前", ...
    at: int = -1  # offset of ``text`` in the cleaned text, when known


@dataclass
class Trace:
    enabled: bool = False
    steps: list[Step] = field(default_factory=list)

    def note(self, field: str, rule: str, text: str, decision: str, at: int = -1) -> None:
        if self.enabled:
            self.steps.append(Step(field, rule, text, decision, at))
