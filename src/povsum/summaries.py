"""Summary files: the one reader and the one serializer of ``OUT/<stem>.json``."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from povsum.errors import InputError
from povsum.models import ArticleSummary

__all__ = ["load_summary", "summary_json"]


def summary_json(summary: ArticleSummary) -> str:
    return summary.model_dump_json(indent=2) + "\n"


def load_summary(path: Path) -> ArticleSummary:
    """The summary in ``path``; an ``InputError`` naming the file when it is unreadable or not a
    summary of this schema."""
    try:
        return ArticleSummary.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    except ValidationError as exc:
        raise InputError(str(path), f"not a povsum summary: {str(exc).splitlines()[0]}") from None
