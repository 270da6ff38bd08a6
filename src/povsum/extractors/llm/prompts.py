"""Prompt templates for the llm extractor, kept as files in ``prompts/`` and versioned by content.

The version is a short sha256 of the files' names and bytes: it is recorded in every summary and
in every cache key, so editing a prompt never serves answers that were produced by the old one.

The article is substituted with ``string.Template`` (``${article}``), which parses only the
template: braces, ``$`` or Jinja markup inside an article are never interpreted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

from povsum.document import Document
from povsum.errors import ConfigError
from povsum.models import Failure

__all__ = ["PROMPT_FILES", "Prompts", "default_prompts_dir", "load_prompts"]

PROMPT_FILES = ("system.md", "user.md", "reask.md")


def default_prompts_dir() -> Path:
    """``povsum/prompts`` inside an installed wheel, else ``prompts/`` of the source tree."""
    package = Path(__file__).resolve().parents[2]  # src/povsum, or site-packages/povsum
    packaged = package / "prompts"
    return packaged if packaged.is_dir() else package.parents[1] / "prompts"


@dataclass(frozen=True)
class Prompts:
    system: str
    user: Template
    reask: str
    version: str

    def messages(self, document: Document) -> list[dict[str, str]]:
        """The chat messages that ask for a summary of ``document``'s cleaned text.

        >>> doc = Document.from_text("标题\\n文中有 {{ 1+1 }} 和 ${article}。")
        >>> load_prompts().messages(doc)[1]["content"].count("{{ 1+1 }} 和 ${article}")
        1
        """
        user = self.user.substitute(title=document.title or "(无)", article=document.text)
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]

    def reask_message(self, failures: list[Failure]) -> str:
        """What the model is told when the verifier could not prove parts of its answer."""
        lines = [f"- {f.field} {f.text!r}: {f.reason}" for f in failures]
        return "\n".join([self.reask.strip(), *lines])


@lru_cache(maxsize=4)
def load_prompts(directory: Path | None = None) -> Prompts:
    """Read and version the prompt files (cached: they are read once per process)."""
    directory = directory if directory is not None else default_prompts_dir()
    digest = hashlib.sha256()
    texts: dict[str, str] = {}
    for name in PROMPT_FILES:
        try:
            data = (directory / name).read_bytes()
        except OSError as exc:
            raise ConfigError(f"prompt file missing: {directory / name} ({exc.strerror})") from None
        digest.update(name.encode() + b"\0" + data + b"\0")
        texts[name] = data.decode("utf-8")
    return Prompts(
        system=texts["system.md"],
        user=Template(texts["user.md"]),
        reask=texts["reask.md"],
        version=digest.hexdigest()[:12],
    )
