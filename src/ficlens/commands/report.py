"""``ficlens report FILE [-o OUT.html] [--characters LIST]``: analyze one work and write its
self-contained HTML reading view (default ``./<stem>.report.html``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ficlens import atomic
from ficlens.errors import FiclensError
from ficlens.options import Options
from ficlens.pipeline import analyze


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="the work: .txt/.md, AO3 HTML or EPUB, saved AO3/FFN page, "
                   "FanFicFare EPUB, FanfictionNLP CSV, or a ficlens JSON document")
    p.add_argument("-o", "--output", type=Path, metavar="OUT.html",
                   help="where to write the page (default: ./<stem>.report.html)")
    p.add_argument("--characters", metavar="LIST",
                   help='the cast, separated by ";" (e.g. "Harry Potter; Hermione Granger")')


def default_output(source: Path) -> Path:
    return Path.cwd() / f"{source.stem}.report.html"


def _load(path: Path, cast: list[str]):
    """A ficlens JSON document is rendered as it is; anything else is analyzed first."""
    if path.suffix.lower() == ".json" and path.is_file():
        from ficlens.model import Work

        try:
            return Work.from_json(path.read_text(encoding="utf-8"))
        except (ValueError, KeyError, TypeError):
            pass   # not a ficlens document: let ingest decide what it is
    return analyze(path, Options(characters=cast))


def main(args: argparse.Namespace) -> int:
    from ficlens.views.html import render_html

    cast = [c.strip() for c in (args.characters or "").split(";") if c.strip()]
    work = _load(args.file, cast)
    output = args.output or default_output(args.file)
    if output.is_dir():
        raise FiclensError(f"{output}: is a folder; give a file name for the report")
    try:
        atomic.write_text(output, render_html(work))
    except OSError as err:
        raise FiclensError(f"{output}: cannot write the report ({err.strerror or err})") from err
    print(f"wrote {output}", file=sys.stderr)
    return 0
