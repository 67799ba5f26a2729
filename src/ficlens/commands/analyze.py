"""``ficlens analyze FILE [-o OUT.json] [--html OUT.html]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ficlens import atomic
from ficlens.options import Options
from ficlens.pipeline import analyze


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="the work: .txt/.md, AO3 HTML or EPUB, saved AO3/FFN page, "
                   "FanFicFare EPUB, FanfictionNLP CSV")
    p.add_argument("-o", "--output", type=Path, help="write the JSON here (default: standard output)")
    p.add_argument("--html", type=Path, metavar="OUT.html", help="also write the HTML reading view")
    p.add_argument("--characters", metavar="LIST",
                   help='the cast, separated by ";" (e.g. "Harry Potter; Hermione Granger")')
    p.add_argument("--indent", type=int, default=None, help="indent the JSON by this many spaces")
    p.add_argument("--disable-rule", action="append", default=[], metavar="RULE",
                   help="switch a beta-reader rule off (repeatable)")
    p.add_argument("--enable-rule", action="append", default=[], metavar="RULE",
                   help="switch a beta-reader rule on that is off by default (repeatable)")


def options_from_args(args: argparse.Namespace) -> Options:
    cast = [c.strip() for c in (args.characters or "").split(";") if c.strip()]
    return Options(characters=cast, disabled_rules=set(args.disable_rule),
                   enabled_rules=set(args.enable_rule))


def main(args: argparse.Namespace) -> int:
    work = analyze(args.file, options_from_args(args))
    payload = work.to_json(indent=args.indent)
    if args.output:
        atomic.write_text(args.output, payload)
    else:
        sys.stdout.write(payload + "\n")
    if args.html:
        from ficlens.views.html import render_html

        atomic.write_text(args.html, render_html(work))
    return 0
