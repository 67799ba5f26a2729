"""``ficlens batch INPUT… --out DIR``: analyze many works into JSON and Parquet tables (resumable)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ficlens.errors import FiclensError
from ficlens.options import Options
from ficlens.pipeline import STAGES


def default_workers() -> int:
    """All the cores this process may use (kept here: the CLI must not import pyarrow to start)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders (read recursively), .zip archives or glob patterns")
    p.add_argument("--out", "-o", type=Path, required=True, metavar="DIR",
                   help="output folder: works/*.json.gz, tables/*.parquet, manifest.json (resumable)")
    p.add_argument("--workers", "-j", type=int, default=default_workers(),
                   help="worker processes (default: all cores, here %(default)s)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                   help="time limit per work; a work past it is recorded as 'timeout' (default 300)")
    p.add_argument("--max-memory", type=int, default=None, metavar="MB",
                   help="memory limit per worker (its RSS, ~200 MB of models included); a work "
                        "past it is recorded as 'memory'")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://HOST:8786), or local:N for an in-process "
                        "cluster of N workers (default with --engine dask: local:WORKERS)")
    p.add_argument("--characters", metavar="LIST",
                   help='a cast given to every work, separated by ";"')
    p.add_argument("--until", metavar="STAGE", choices=STAGES,
                   help="stop each analysis after this stage (a quick structural pass)")
    p.add_argument("--commit-every", type=int, default=50, metavar="N",
                   help="commit results every N works (or every 15 s); smaller loses less on a kill")
    p.add_argument("--retry-errors", action="store_true",
                   help="analyze again the works that failed in an earlier run")
    p.add_argument("--prune", action="store_true",
                   help="drop from DIR the works of earlier runs that are not among these inputs")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")


def main(args: argparse.Namespace) -> int:
    from ficlens.batch.runner import BatchConfig, run_batch

    if args.workers < 1:
        raise FiclensError("--workers must be at least 1")
    if args.timeout <= 0:
        raise FiclensError("--timeout must be positive")
    if args.scheduler and args.engine != "dask":
        raise FiclensError("--scheduler needs --engine dask")
    cast = [c.strip() for c in (args.characters or "").split(";") if c.strip()]
    options = Options(characters=cast, until=args.until)
    config = BatchConfig(inputs=list(args.inputs), out=args.out, options=options,
                         workers=args.workers, timeout=args.timeout, max_memory_mb=args.max_memory,
                         engine=args.engine, scheduler=args.scheduler,
                         commit_every=max(1, args.commit_every), retry_errors=args.retry_errors,
                         prune=args.prune, progress=not args.quiet)
    summary = run_batch(config)
    if not args.quiet:
        failed = sum(summary.failed.values())
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(summary.failed.items()))
        rate = (f", {summary.tokens / summary.seconds:,.0f} tokens/s"
                if summary.seconds and summary.tokens else "")
        print(f"ficlens batch: {summary.inputs} inputs, {summary.skipped} already done, "
              f"{summary.analyzed} analyzed, {failed} failed{f' ({kinds})' if kinds else ''}"
              f"{f', {summary.pruned} pruned' if summary.pruned else ''}{rate}; "
              f"tables in {args.out / 'tables'}", file=sys.stderr)
    return 0
