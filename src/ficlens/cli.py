"""The ``ficlens`` command: subcommands dispatch to ``ficlens.commands.<name>``.

Errors a user can fix are printed as one line (``ficlens: error: FILE: reason``) with a non-zero
exit, never as a traceback. Set FICLENS_DEBUG=1 to see the traceback of an internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from ficlens import __version__
from ficlens.errors import FiclensError

COMMANDS: tuple[tuple[str, str], ...] = (
    ("analyze", "analyze one work and write its JSON (and optionally its HTML reading view)"),
    ("report", "write the self-contained HTML reading view of one work"),
    ("beta", "print the beta reader's notes for one work, grouped by rule"),
    ("eval", "score ficlens against an annotated corpus (pdnc, quoteli3, litbank)"),
    ("batch", "analyze many works into compressed JSON and Parquet tables (resumable)"),
    ("query", "run a DuckDB SQL query over the tables of a batch"),
    ("train", "train the learned speaker scorer from data under ../shared/data"),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ficlens", description="Read fan fiction: structure, cast, "
                                     "dialogue, point of view, interactions, arcs and beta notes.")
    parser.add_argument("--version", action="version", version=f"ficlens {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, help_text in COMMANDS:
        module = importlib.import_module(f"ficlens.commands.{name}")
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(_main=module.main)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._main(args) or 0)
    except FiclensError as err:
        print(f"ficlens: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ficlens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:
        if os.environ.get("FICLENS_DEBUG"):
            raise
        print(f"ficlens: internal error: {type(err).__name__}: {err} (FICLENS_DEBUG=1 shows the "
              "traceback)", file=sys.stderr)
        return 1
