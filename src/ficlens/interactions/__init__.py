"""Stage 'interactions': not built yet."""

from __future__ import annotations

from ficlens.model import Work
from ficlens.options import Options


def run(work: Work, options: Options) -> None:
    """Add this stage's layers to ``work``."""
