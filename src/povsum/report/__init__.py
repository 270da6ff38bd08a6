"""Run-level outputs built from the records of a run (summaries, and errors for the inputs that
have none): summaries.csv, facts.csv, report.md and the HTML report (an index and a page per
article).

Each output is a ``stream.RunWriter`` fed one record at a time; ``povsum.writers`` registers them
by ``--format`` name. ``fields`` is the one place that decides what a summary shows and how
numbers read, and ``totals`` the one place that counts statuses, so the reports and the terminal
table agree.
"""
