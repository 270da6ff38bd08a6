"""Prompt templates for the llm extractor, kept as files in ``prompts/`` and versioned by content.

The version is a short sha256 of the files' names and bytes: it is recorded in every summary and
in every cache key, so editing a prompt never serves answers that were produced by the old one.

The article is substituted with ``string.Template`` (``${article}``), which parses only the
template: braces, ``$`` or Jinja markup inside an article are never interpreted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from string import Template

from povsum.contract import MEASURE_KINDS, SNAPSHOT_FIELDS
from povsum.document import Document
from povsum.errors import ConfigError
from povsum.extractors.llm.chunks import Part
from povsum.models import Failure
from povsum.sentences import split_sentences

__all__ = ["PROMPT_FILES", "Prompts", "default_prompts_dir", "load_prompts"]

PROMPT_FILES = ("system.md", "user.md", "part.md", "reask.md", "unreadable.md", "reasons.tsv")
# A failed text is shown with the source sentence sharing the longest run of characters with it,
# when that run is at least this long (a number's digits and unit, a name).
_NEAR_MIN = 3
_NEAR_CHARS = 120


def default_prompts_dir() -> Path:
    """``povsum/prompts`` inside an installed wheel, else ``prompts/`` of the source tree."""
    package = Path(__file__).resolve().parents[2]  # src/povsum, or site-packages/povsum
    packaged = package / "prompts"
    return packaged if packaged.is_dir() else package.parents[1] / "prompts"


@dataclass(frozen=True)
class Prompts:
    system: str
    user: Template
    part: Template  # the note on a part of a long article
    reask: str
    unreadable: Template
    reasons: tuple[tuple[str, str], ...]  # (English reason prefix, what the model is told)
    version: str

    def messages(self, document: Document, part: Part | None = None) -> list[dict[str, str]]:
        """The chat messages that ask for a summary of ``document``'s cleaned text, or of one
        ``part`` of it (a long article). They are the constant prefix of every attempt.

        >>> doc = Document.from_text("标题\\n文中有 {{ 1+1 }} 和 ${article}。")
        >>> load_prompts().messages(doc)[1]["content"].count("{{ 1+1 }} 和 ${article}")
        1
        """
        note = "" if part is None else self.part.substitute(index=part.index, count=part.count)
        user = self.user.substitute(
            title=document.title or "(无)",
            part=note,
            article=document.text if part is None else part.text,
        )
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]

    def unreadable_message(self, problem: str) -> str:
        """What the model is told when its answer could not be read in the schema at all."""
        return self.unreadable.substitute(error=problem).strip()

    def reask_message(self, failures: list[Failure], document: Document | None = None) -> str:
        """What the model is told when the verifier could not prove parts of its answer: only the
        failed fields, each with why in Chinese and the source sentence nearest to what it wrote.

        >>> doc = Document.from_text("2014年海口共有贫困人口4352户18802人。全市投入资金7488万元。")
        >>> failure = Failure(field="baseline.people", text="28802人", reason="quote not found in the source")
        >>> for line in load_prompts().reask_message([failure], doc).splitlines()[1:]:
        ...     print(line)
        - baseline.people「28802人」：原文中找不到这句 quote：请逐字复制原文中连续的一句
          原文最接近的一句：2014年海口共有贫困人口4352户18802人。
        """
        lines = [self.reask.strip()]
        for f in failures:
            lines.append(f"- {f.field}「{f.text}」：{self.told(f.reason)}")
            near = nearest_sentence(document, f.text) if document is not None else None
            if near is not None:
                lines.append(f"  原文最接近的一句：{near}")
        return "\n".join(lines)

    def told(self, reason: str) -> str:
        return next((zh for prefix, zh in self.reasons if reason.startswith(prefix)), reason)


def nearest_sentence(document: Document, text: str) -> str | None:
    """The sentence of ``document`` sharing the longest run of characters with ``text``."""
    best, size = None, _NEAR_MIN - 1
    for sentence in split_sentences(document.text):
        match = SequenceMatcher(None, text, sentence.text, autojunk=False).find_longest_match()
        if match.size > size:
            best, size = sentence.text, match.size
    return best[:_NEAR_CHARS] if best is not None else None


@lru_cache(maxsize=4)
def load_prompts(directory: Path | None = None) -> Prompts:
    """Read and version the prompt files (cached: they are read once per process)."""
    directory = directory if directory is not None else default_prompts_dir()
    texts: dict[str, str] = {}
    for name in PROMPT_FILES:
        try:
            texts[name] = (directory / name).read_bytes().decode("utf-8")
        except OSError as exc:
            raise ConfigError(f"prompt file missing: {directory / name} ({exc.strerror})") from None
    # The field and category lists come from the contract's catalogues: one home for each.
    texts["system.md"] = Template(texts["system.md"]).substitute(
        fields=_field_list(), categories=_category_list()
    )
    digest = hashlib.sha256()
    for name in PROMPT_FILES:  # the version is of what the model is sent
        digest.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    return Prompts(
        system=texts["system.md"],
        user=Template(texts["user.md"]),
        part=Template(texts["part.md"].strip()),
        reask=texts["reask.md"],
        unreadable=Template(texts["unreadable.md"]),
        reasons=_reasons(texts["reasons.tsv"]),
        version=digest.hexdigest()[:12],
    )


def _field_list() -> str:
    """ "households 是贫困户数（户）；people 是…", from the field catalogue (outcome-only fields have
    their own line in the prompt)."""
    return "；".join(f"{f.name} 是{f.meaning}" for f in SNAPSHOT_FIELDS if not f.outcome_only)


def _category_list() -> str:
    return "、".join(f"{m.key}（{m.zh}）" for m in MEASURE_KINDS)


def _reasons(table: str) -> tuple[tuple[str, str], ...]:
    # Lines starting with # are comments (the header is one).
    rows = [line.split("\t", 1) for line in table.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((prefix, told) for prefix, told in rows)
