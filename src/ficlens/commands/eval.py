"""``ficlens eval pdnc|quoteli3|litbank|all PATH``: score ficlens against annotated corpora.

Prints one table: a row per text, micro averages, BookNLP's Emma beside ours; end-to-end and
gold-quote-span figures are labelled as such. See docs/evaluation-method.md.
"""

from __future__ import annotations

import argparse

from ficlens.eval import cli


def add_arguments(p: argparse.ArgumentParser) -> None:
    cli.add_arguments(p)


def main(args: argparse.Namespace) -> int:
    return cli.run(args, args.corpus)
