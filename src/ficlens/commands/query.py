"""``ficlens query DIR "SQL"``: DuckDB SQL over the tables of a batch, printed or saved."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ficlens import atomic
from ficlens.errors import FiclensError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", type=Path, metavar="DIR", help="a batch output folder (ficlens batch --out)")
    p.add_argument("sql", nargs="?", metavar="SQL",
                   help="the query; tables: works, chapters, scenes, characters, quotes, "
                        "interactions, findings, errors (joined on key)")
    p.add_argument("--format", "-f", choices=("table", "csv", "json"), default=None,
                   help="output format (default: table on a terminal, else csv; json/csv for -o by suffix)")
    p.add_argument("-o", "--output", type=Path, metavar="OUT", help="write the result here")
    p.add_argument("--examples", action="store_true", help="list the example queries")
    p.add_argument("--example", metavar="NAME", help="run the example query NAME")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def to_csv(columns: list[str], rows: list[tuple]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([json.dumps(_plain(v), ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for v in row])
    return buffer.getvalue()


def to_json(columns: list[str], rows: list[tuple]) -> str:
    records = [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n"


def print_table(columns: list[str], rows: list[tuple]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(_plain(v)) for v in row))
    console = Console()
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")


def _list_examples() -> None:
    from ficlens.batch.queries import EXAMPLES

    for item in EXAMPLES:
        print(f"-- {item.name}: {item.question}{item.sql.rstrip()};\n")


def _choose_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output:
        return "json" if args.output.suffix.lower() == ".json" else "csv"
    return "table" if sys.stdout.isatty() else "csv"


def main(args: argparse.Namespace) -> int:
    from ficlens.batch.queries import example, run_query

    if args.examples:
        _list_examples()
        return 0
    if args.example:
        if args.sql:
            raise FiclensError("give either SQL or --example NAME, not both")
        sql = example(args.example).sql
    elif args.sql:
        sql = args.sql
    else:
        raise FiclensError("no query: give SQL, --example NAME, or --examples to list them")
    columns, rows = run_query(args.dir, sql)
    fmt = _choose_format(args)
    if fmt == "table" and not args.output:
        print_table(columns, rows)
        return 0
    payload = to_json(columns, rows) if fmt == "json" else to_csv(columns, rows)
    if args.output:
        atomic.write_text(args.output, payload)
    else:
        sys.stdout.write(payload)
    return 0
