"""JSON Schema files generated from the pydantic models (the models are the source of truth)."""

from __future__ import annotations

import json
from pathlib import Path

from povsum.errors import OutputError
from povsum.models import ArticleSummary

SCHEMA_FILES = {"article_summary.schema.json": ArticleSummary}


def schema_texts() -> dict[str, str]:
    """File name -> JSON Schema text, exactly as committed under ``schemas/``."""
    return {
        name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMA_FILES.items()
    }


def export_schemas(out_dir: Path) -> list[Path]:
    """Write the schema files into ``out_dir`` (made if need be); an ``OutputError`` when it
    cannot be written."""
    written = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, text in schema_texts().items():
            path = out_dir / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise OutputError.cannot_write(out_dir, exc) from None
    return written
