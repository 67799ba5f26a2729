"""``ficlens beta FILE [--disable-rule ID] [--enable-rule ID] [--rules] [--json]``: a beta reader's notes."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ficlens.errors import FiclensError
from ficlens.options import Options


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, nargs="?", help="the work (any format ficlens reads)")
    p.add_argument(
        "--disable-rule", action="append", default=[], metavar="ID", help="switch a rule off (repeatable)"
    )
    p.add_argument(
        "--enable-rule",
        action="append",
        default=[],
        metavar="ID",
        help="switch on a rule that is off by default (repeatable)",
    )
    p.add_argument("--rules", action="store_true", help="list the rules and whether each is on by default")
    p.add_argument("--json", action="store_true", help="print the findings and summary as JSON")
    p.add_argument(
        "--limit",
        type=int,
        default=30,
        metavar="N",
        help="findings shown per rule in the terminal (0: all; default 30)",
    )
    p.add_argument("--characters", metavar="LIST", help='the cast, separated by ";"')


def main(args: argparse.Namespace) -> int:
    from rich.console import Console

    from ficlens.beta import RULES
    from ficlens.beta.render import render, rules_table

    console = Console(highlight=False)
    if args.rules:
        console.print(rules_table())
        return 0
    if args.file is None:
        raise FiclensError("beta: give a FILE to read (or --rules to list the rules)")
    unknown = sorted((set(args.disable_rule) | set(args.enable_rule)) - set(RULES))
    if unknown:
        raise FiclensError(f"unknown rule {', '.join(unknown)} (known: {', '.join(sorted(RULES))})")
    from ficlens.pipeline import analyze

    cast = [c.strip() for c in (args.characters or "").split(";") if c.strip()]
    options = Options(
        characters=cast, disabled_rules=set(args.disable_rule), enabled_rules=set(args.enable_rule)
    )
    work = analyze(args.file, options)
    if args.json:
        payload = {
            "file": str(args.file),
            "summary": work.stats.get("beta", {}),
            "findings": [f.to_dict() for f in work.findings],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    render(work, console, limit=args.limit)
    return 0
