"""Run-level reports built from summaries: the CSV table, the Markdown notes and the HTML page.

Each writer takes ``(out_dir, summaries)`` and returns the path it wrote; ``povsum.writers``
registers them by ``--format`` name. ``fields`` is the one place that decides what a summary
shows and how numbers read, so the three reports and the terminal table agree.
"""
