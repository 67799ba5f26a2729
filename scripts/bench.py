"""``make bench``: how fast ficlens is, in one process and in batch, and what a corpus would cost.

(a) ``analyze`` in one fresh process on a full PDNC novel and on fan fiction works (tokens/s of
    analysis after the model is loaded, wall time with start-up, peak RSS);
(b) ``ficlens batch`` over the full LitBank books with 1 and 2 workers (tokens/s, works/hour,
    peak RSS per worker, scaling efficiency);
then the cost of 10 million works of 10,000 tokens, printed and written between the markers of
docs/benchmarks.md with the commit and the machine. ``--quick`` runs (b) on 10 books.

Usage: python scripts/bench.py --data ../shared/data [--quick] [--books N] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
CORPUS_WORKS, CORPUS_TOKENS = 10_000_000, 10_000
MACHINES = (1, 10, 100, 1000)

# Run in a fresh interpreter: load the model, then time the analysis alone; report peak RSS.
ANALYZE_ONE = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from ficlens.batch.worker import warm_up
warm_up()
t1 = time.perf_counter()
from ficlens.pipeline import analyze
from ficlens.views.tables import count_tokens
work = analyze(Path(sys.argv[1]))
t2 = time.perf_counter()
print(json.dumps({"tokens": count_tokens(work), "load_seconds": t1 - t0, "seconds": t2 - t1,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "timings": work.stats.get("timings", {})}))
"""


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        ram = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except ImportError:
        ram = "unknown"
    return {"nproc": str(os.cpu_count()), "ram": ram, "cpu": cpu, "python": platform.python_version()}


def commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + ("+uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def analyze_one(path: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", ANALYZE_ONE, str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        return {"file": path.name, "error": done.stderr.strip().splitlines()[-1:]}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(file=path.name, wall_seconds=time.perf_counter() - started,
                  tokens_per_second=result["tokens"] / max(result["seconds"], 1e-9))
    return result


_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def chunk_books(books: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` works of ~CORPUS_TOKENS tokens cut from the books at paragraph breaks: the size
    of the corpus we extrapolate to, so the per-work costs (start, JSON, rows) weigh as they will."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for book in books:
        piece: list[str] = []
        tokens = 0
        for paragraph in book.read_text("utf-8", errors="replace").split("\n\n"):
            piece.append(paragraph)
            tokens += len(_TOKEN.findall(paragraph))
            if tokens >= CORPUS_TOKENS:
                path = folder / f"{book.stem}-{len(written):04d}.txt"
                path.write_text("\n\n".join(piece), "utf-8")
                written.append(path)
                piece, tokens = [], 0
                if len(written) >= count:
                    return written
    return written


def batch(books: list[Path], workers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="ficlens-bench-") as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for book in books:
            (inputs / book.name).symlink_to(book.resolve())
        out = Path(tmp) / "out"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "ficlens", "batch", str(inputs), "--out", str(out),
                               "--workers", str(workers), "--quiet", "--timeout", "3600"],
                              capture_output=True, text=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        if done.returncode != 0:
            return {"workers": workers, "error": done.stderr.strip()}
        run = json.loads((out / "manifest.json").read_text())["runs"][-1]
    rss = run.get("peak_rss_mb_per_worker") or {}
    return {"workers": workers, "works": run["analyzed"], "failed": run["failed"], "tokens": run["tokens"],
            "wall_seconds": wall, "tokens_per_second": run["tokens"] / wall, "cpu_seconds": cpu,
            "tokens_per_cpu_second": run["tokens"] / cpu if cpu else None,
            "works_per_hour": run["analyzed"] / wall * 3600,
            "peak_rss_mb_per_worker": max(rss.values()) if rss else None,
            "client_ms_per_work": 1000 * run.get("client_cpu_seconds", 0) / max(run["analyzed"], 1)}


def corpus_cost(per_machine_tps: float, per_cpu_second: float) -> dict:
    """Core-hours from the CPU time the batch really used (all its processes), which holds on a
    busy machine too; wall time both ideal (2 busy cores per machine) and at the measured rate."""
    tokens = CORPUS_WORKS * CORPUS_TOKENS
    core_hours = tokens / per_cpu_second / 3600
    return {"tokens": tokens, "core_hours": core_hours,
            "per_machine_works_per_s": per_machine_tps / CORPUS_TOKENS,
            "ideal_wall_hours": {n: core_hours / (2 * n) for n in MACHINES},
            "wall_hours": {n: tokens / (per_machine_tps * n) / 3600 for n in MACHINES}}


def fan_fiction_files(data: Path) -> list[Path]:
    found = [ROOT / "samples" / "the-lighthouse-keepers-ledger.txt"]
    samples = data / "samples"
    if samples.is_dir():
        htmls = sorted(samples.glob("ao3dl_*.html"), key=lambda p: p.stat().st_size)
        found += htmls[-1:]
    return [p for p in found if p.exists()]


def batch_table(runs: list[dict]) -> list[str]:
    lines = ["| workers | works | failed | tokens | wall s | tokens/s | tokens/CPU-s | works/hour "
             "| peak RSS MB/worker | scaling efficiency |", "|---:" * 10 + "|"]
    for r in runs:
        if "error" in r:
            lines.append(f"| {r['workers']} | failed: {r['error'][-200:]} | | | | | | | | |")
            continue
        eff = r.get("efficiency")
        lines.append(f"| {r['workers']} | {r['works']} | {r['failed']} | {r['tokens']:,} "
                     f"| {r['wall_seconds']:.0f} "
                     f"| {r['tokens_per_second']:,.0f} | {r['tokens_per_cpu_second'] or 0:,.0f} "
                     f"| {r['works_per_hour']:,.0f} "
                     f"| {r['peak_rss_mb_per_worker'] or 0:.0f} | {f'{eff:.0%}' if eff else '-'} |")
    return lines


def add_efficiency(runs: list[dict]) -> None:
    """Scaling efficiency: the N-worker rate over N times the 1-worker rate."""
    one = next((r for r in runs if "error" not in r and r["workers"] == 1), None)
    for r in runs:
        if one and "error" not in r and r["workers"] > 1:
            r["efficiency"] = r["tokens_per_second"] / (one["tokens_per_second"] * r["workers"])


def render(results: dict) -> str:
    m = results["machine"]
    lines = [START, "", f"Generated by `make bench` ({'quick' if results['quick'] else 'full'} run) on "
             f"{results['date']}, commit `{results['commit']}`.  ",
             f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM, Python {m['python']}. "
             "The machine was shared with other jobs, so figures are lower bounds.", "",
             "### One work, one process (`analyze`, model loaded once, excluded from the rate)", "",
             "| file | tokens | analysis s | tokens/s | wall s (with start-up) | peak RSS MB |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in results["single"]:
        if "error" in r:
            lines.append(f"| {r['file']} | failed: {' '.join(r['error'])} | | | | |")
            continue
        lines.append(f"| {r['file']} | {r['tokens']:,} | {r['seconds']:.2f} | {r['tokens_per_second']:,.0f} "
                     f"| {r['wall_seconds']:.1f} | {r['peak_rss_mb']:.0f} |")
    lines += ["", f"### Batch over {results['books']} LitBank books (full texts)", "",
              *batch_table(results["batch"])]
    if results.get("small"):
        lines += ["", f"### Batch over works of ~{CORPUS_TOKENS:,} tokens (cut from those books at "
                  "paragraph breaks)", "", *batch_table(results["small"])]
    cost = results.get("cost")
    if cost:
        lines += ["", f"### Extrapolated: {CORPUS_WORKS:,} works of {CORPUS_TOKENS:,} tokens "
                  f"({cost['tokens']:.0e} tokens)", "",
                  f"- **{cost['core_hours']:,.0f} core-hours**, from the CPU time the batch used "
                  "(workers and parent: the lower tokens/CPU-s of the runs over works of that size).",
                  "- Wall time on N machines of 2 cores: ideal (both cores busy, no other load) "
                  "/ at the 2-worker wall rate measured here:"]
        lines += [f"  - {n:>4} machine{'s' if n > 1 else ' '}: {cost['ideal_wall_hours'][n]:,.1f} h "
                  f"/ {h:,.1f} h ({h / 24:,.1f} days)" for n, h in cost["wall_hours"].items()]
        client = [r["client_ms_per_work"] for r in results.get("small", []) if r.get("client_ms_per_work")]
        if client:
            ms = max(client)
            lines += [f"- The client (planning, writing JSON and parts, commits, compaction) used "
                      f"{ms:.1f} ms of CPU per work: one client keeps up with ~{1000 / ms:,.0f} "
                      "works/s, i.e. a Dask cluster"
                      f" of up to ~{1000 / ms / max(cost['per_machine_works_per_s'], 1e-9):,.0f} "
                      "two-core machines before it becomes the bottleneck (then shard the inputs "
                      "over several clients and output folders)."]
    lines += ["", END]
    return "\n".join(lines)


def write_doc(section: str) -> None:
    text = DOC.read_text("utf-8") if DOC.exists() else (
        "# Benchmarks\n\nHow fast ficlens runs. The section below is written by `make bench` "
        "(`scripts/bench.py`); run `make bench` (or `python scripts/bench.py --quick`) to update it.\n\n"
        f"{START}\n{END}\n")
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + section + tail
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--quick", action="store_true", help="batch over 10 books only")
    parser.add_argument("--books", type=int, help="batch over this many books")
    parser.add_argument("--workers", default="1,2", help="worker counts to try (default 1,2)")
    parser.add_argument("--novel", default="Emma", help="the PDNC novel of (a) (default Emma)")
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/benchmarks.md")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"bench: no data at {args.data} (pass --data)", file=sys.stderr)
        return 2
    results: dict = {"machine": machine(), "commit": commit(), "quick": args.quick or bool(args.books),
                     "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    novel = args.data / "pdnc" / args.novel / "novel_text.txt"
    singles = ([novel] if novel.exists() else []) + fan_fiction_files(args.data)
    results["single"] = [analyze_one(p) for p in singles]
    for r in results["single"]:
        print(json.dumps(r, default=str), flush=True)

    books = sorted((args.data / "litbank" / "original").glob("*.txt"))
    count = args.books or (10 if args.quick else len(books))
    books = books[:count]
    results["books"] = len(books)
    results["batch"] = []
    for workers in [int(w) for w in args.workers.split(",")]:
        r = batch(books, workers)
        results["batch"].append(r)
        print(json.dumps(r, default=str), flush=True)
    with tempfile.TemporaryDirectory(prefix="ficlens-bench-works-") as tmp:
        pieces = chunk_books(books, 30 if args.quick else 200, Path(tmp))
        results["small"] = [batch(pieces, w) for w in (1, 2)] if pieces else []
    for r in results["small"]:
        print(json.dumps(r, default=str), flush=True)
    good = [r for r in results["batch"] if "error" not in r]
    one = next((r for r in good if r["workers"] == 1), None)
    add_efficiency(results["batch"])
    add_efficiency(results["small"])
    if one:
        two = next((r for r in good if r["workers"] == 2), None)
        per_machine = two["tokens_per_second"] if two else one["tokens_per_second"] * 2
        small = [r for r in results["small"] if "error" not in r]
        basis = small or good  # works of the corpus's size, when we have them
        if small and any(r["workers"] == 2 for r in small):
            per_machine = next(r for r in small if r["workers"] == 2)["tokens_per_second"]
        cpu_rates = [r["tokens_per_cpu_second"] for r in basis if r.get("tokens_per_cpu_second")]
        per_cpu = min(cpu_rates) if cpu_rates else one["tokens_per_second"]
        results["cost"] = corpus_cost(per_machine, per_cpu)
    section = render(results)
    print(section)
    if not args.no_write:
        write_doc(section)
        print(f"bench: wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
