"""Summary files: the one reader and the one serializer of ``OUT/<stem>.json``, and the reader of
``OUT/errors.jsonl``, whose records stand for the inputs that have no summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from povsum.errors import InputError
from povsum.models import ArticleSummary

__all__ = ["ArticleError", "Record", "load_errors", "load_summary", "summary_json"]


class ArticleError(BaseModel):
    """An input that could not be summarized, as one line of ``OUT/errors.jsonl`` records it."""

    model_config = ConfigDict(frozen=True)

    path: str
    error: str  # the one-line message, which names the file: "a.txt: the input is empty"

    @property
    def reason(self) -> str:
        """The message without the file name it starts with.

        >>> ArticleError(path="a.txt", error="a.txt: the input is empty").reason
        'the input is empty'
        """
        return self.error.removeprefix(f"{self.path}: ")


def named(path: str, error: str) -> str:
    """``error`` as one line that names its file: prefixed with ``path`` unless it starts with it
    (input errors name their file; an extractor's error does not know it).

    >>> named("a.txt", "the endpoint timed out"), named("a.txt", "a.txt: the input is empty")
    ('a.txt: the endpoint timed out', 'a.txt: the input is empty')
    """
    return error if error.startswith(f"{path}: ") else f"{path}: {error}"


# One input of a run: its summary, or why there is none.
Record = ArticleSummary | ArticleError


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


def load_errors(path: Path) -> Iterator[ArticleError]:
    """The records of an ``errors.jsonl``; none when the file does not exist (a folder of summaries
    from another tool), an ``InputError`` naming the line when one is not a record."""
    try:
        lines = path.open(encoding="utf-8")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    with lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield ArticleError.model_validate_json(line)
            except ValidationError as exc:
                raise InputError(
                    f"{path}:{number}", f"not an error record: {str(exc).splitlines()[0]}"
                ) from None
