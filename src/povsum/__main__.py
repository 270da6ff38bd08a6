"""``python -m povsum``."""

from povsum.cli import app

app()
