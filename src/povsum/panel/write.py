"""The panel's three files in one folder."""

from __future__ import annotations

from pathlib import Path

from povsum.panel.html import write_html
from povsum.panel.model import Panel
from povsum.panel.tables import write_long, write_wide


def write_panel(root: Path, panel: Panel) -> list[Path]:
    """panel.csv, panel_wide.csv and panel.html in ``root`` (made if need be), each written
    atomically; an ``OutputError`` when ``root`` cannot be written."""
    return [writer(root, panel) for writer in (write_long, write_wide, write_html)]
