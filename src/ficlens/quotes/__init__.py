"""Stage 'quotes': find every quotation. Placeholder: only honours ``options.gold_quotes``."""

from __future__ import annotations

from ficlens.model import Quote, Work
from ficlens.options import Options


def run(work: Work, options: Options) -> None:
    if options.gold_quotes is not None:
        work.quotes = [Quote(s, e) for s, e in sorted(options.gold_quotes)]
