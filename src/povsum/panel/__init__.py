"""The region × year panel: one table across many reports, with conflicts and consistency checks.

``build_panel`` streams the summaries of output folders into a ``Panel``; ``write_panel`` writes
panel.csv, panel_wide.csv and panel.html.
"""

from povsum.panel.build import PanelBuilder, build_panel
from povsum.panel.model import Panel
from povsum.panel.write import write_panel

__all__ = ["Panel", "PanelBuilder", "build_panel", "write_panel"]
