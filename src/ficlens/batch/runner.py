"""The batch run: find the inputs, skip what is done, analyze the rest on an engine, commit the
results in small atomic steps, then compact the tables and write the manifest.

Commit protocol (what makes a kill at any moment safe): the results of a few works are written
as one Parquet part per table (tmp file + rename), then one ledger transaction records those keys
as done *in that part*. A kill before the transaction leaves an orphan part that no key points to
(ignored, removed by the next compaction) and the works are analyzed again; a kill after it loses
nothing. The compacted tables take each key's rows only from the part the ledger names.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ficlens.batch import manifest, store
from ficlens.batch.inputs import Unit, enumerate_units, fingerprint, sha256_of, size_of
from ficlens.batch.ledger import Entry, Ledger
from ficlens.batch.worker import Task
from ficlens.errors import FiclensError
from ficlens.options import Options
from ficlens.views.tables import TABLES


def default_workers() -> int:
    from ficlens.commands.batch import default_workers as cores

    return cores()


@dataclass
class BatchConfig:
    inputs: list[str]
    out: Path
    options: Options = field(default_factory=Options)
    workers: int = field(default_factory=default_workers)
    timeout: float = 300.0
    max_memory_mb: int | None = None
    engine: str = "local"                 # local | dask
    scheduler: str | None = None          # Dask scheduler address, or local:N
    commit_every: int = 50                # works per commit ...
    commit_seconds: float = 15.0          # ... or seconds since the last commit, whichever first
    retry_errors: bool = False
    prune: bool = False                   # drop works that are no longer among the inputs
    progress: bool = True


@dataclass
class Summary:
    inputs: int = 0
    skipped: int = 0
    analyzed: int = 0
    pruned: int = 0
    failed: Counter = field(default_factory=Counter)
    tokens: int = 0
    seconds: float = 0.0
    client_cpu_seconds: float = 0.0   # this process: planning, writing files, commits, compaction
    peak_rss_mb: dict[str, float] = field(default_factory=dict)   # worker → peak RSS

    def as_dict(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "skipped": self.skipped, "analyzed": self.analyzed,
                "pruned": self.pruned,
                "failed": sum(self.failed.values()), "failed_by_kind": dict(self.failed),
                "tokens": self.tokens, "seconds": round(self.seconds, 3),
                "client_cpu_seconds": round(self.client_cpu_seconds, 3),
                "tokens_per_second": round(self.tokens / self.seconds, 1) if self.seconds else None,
                "peak_rss_mb_per_worker": self.peak_rss_mb}


def hash_units(units: list[Unit], ledger: Ledger) -> dict[str, str]:
    """sha256 of every unit, reusing the ledger's when size and mtime did not change."""
    cached = ledger.cached_hashes()
    hashes: dict[str, str] = {}
    fresh: list[tuple[str, str, str]] = []
    for unit in units:
        try:
            mark = fingerprint(unit)
        except OSError:
            mark = ""
        old = cached.get(unit.key)
        if mark and old and old[0] == mark:
            hashes[unit.key] = old[1]
            continue
        hashes[unit.key] = sha256_of(unit)
        if mark:
            fresh.append((unit.key, mark, hashes[unit.key]))
    if fresh:
        ledger.save_hashes(fresh)
    return hashes


class Committer:
    """Buffers results and commits them as parts + one ledger transaction."""

    def __init__(self, out: Path, ledger: Ledger, options_key: str, config: BatchConfig):
        self.out, self.ledger, self.options_key, self.config = out, ledger, options_key, config
        self.run_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        self.sequence = 0
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.entries: list[Entry] = []
        self.last = time.monotonic()

    def add(self, result: dict[str, Any], unit: Unit, sha: str) -> None:
        if result["json_gz"] is not None:
            store.write_work_json(self.out, unit.key, result["json_gz"])
        else:
            store.remove_work_json(self.out, unit.key)
        for table, rows in result["rows"].items():
            self.rows[table].extend(rows)
        self.entries.append(Entry(unit.key, sha, self.options_key, result["status"], result.get("kind"),
                                  "", unit.path, unit.member))

    def due(self) -> bool:
        return bool(self.entries) and (len(self.entries) >= self.config.commit_every
                                       or time.monotonic() - self.last >= self.config.commit_seconds)

    def flush(self) -> None:
        if not self.entries:
            return
        self.sequence += 1
        part = f"{self.run_id}-{self.sequence:06d}"
        store.write_part(self.out, part, self.rows)
        self.ledger.commit([Entry(e.key, e.sha256, e.options, e.status, e.kind, part, e.path, e.member)
                            for e in self.entries])
        self.rows = {t: [] for t in TABLES}
        self.entries = []
        self.last = time.monotonic()


def make_engine(config: BatchConfig):
    if config.engine == "dask":
        from ficlens.batch.dask_engine import DaskEngine

        scheduler = config.scheduler or f"local:{config.workers}"
        return DaskEngine(scheduler, config.options, config.timeout, config.max_memory_mb)
    if config.engine != "local":
        raise FiclensError(f"unknown engine {config.engine!r} (local or dask)")
    from ficlens.batch.local import LocalEngine

    return LocalEngine(config.workers, config.options, config.timeout, config.max_memory_mb)


def plan(config: BatchConfig, ledger: Ledger) -> tuple[list[Unit], list[Unit], dict[str, str]]:
    """(all units, the units to analyze now, sha256 by key)."""
    units = enumerate_units(config.inputs, exclude=config.out)
    hashes = hash_units(units, ledger)
    done = ledger.entries()
    options_key = manifest.options_fingerprint(config.options)

    def finished(unit: Unit) -> bool:
        entry = done.get(unit.key)
        return (entry is not None and entry.sha256 == hashes[unit.key] and entry.options == options_key
                and (entry.status == "ok" or not config.retry_errors))

    todo = sorted((u for u in units if not finished(u)), key=size_of, reverse=True)
    return units, todo, hashes


def run_batch(config: BatchConfig) -> Summary:
    """Analyze the inputs into ``config.out``; resumable, see the module docstring."""
    out = config.out
    out.mkdir(parents=True, exist_ok=True)
    with _exclusive(out):
        store.remove_leftovers(out)
        ledger = Ledger(out / "ledger.sqlite")
        try:
            return _run(config, ledger)
        finally:
            ledger.close()


@contextlib.contextmanager
def _exclusive(out: Path):
    """One batch at a time per output folder (the lock goes with the process, even on kill -9)."""
    with open(out / ".lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise FiclensError(f"{out}: another ficlens batch is writing here") from err
        yield


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _run(config: BatchConfig, ledger: Ledger) -> Summary:
    out = config.out
    cpu_started = _cpu()
    units, todo, hashes = plan(config, ledger)
    summary = Summary(inputs=len(units), skipped=len(units) - len(todo))
    if config.prune:
        current = {u.key for u in units}
        gone = [k for k in ledger.entries() if k not in current]
        ledger.forget(gone)
        for key in gone:
            store.remove_work_json(out, key)
        summary.pruned = len(gone)
    record = manifest.read(out)
    runs = record.get("runs", [])
    run_info: dict[str, Any] = {"started": manifest.now(), "finished": None, "engine": config.engine,
                                "scheduler": config.scheduler, "workers": config.workers,
                                "timeout": config.timeout, "max_memory_mb": config.max_memory_mb,
                                "input_paths": list(config.inputs)}
    record.update({"versions": manifest.versions(), "options": manifest.options_dict(config.options),
                   "engine": config.engine, "started": run_info["started"], "finished": None,
                   "runs": [*runs, run_info]})
    manifest.write(out, record)

    by_key = {u.key: u for u in todo}
    committer = Committer(out, ledger, manifest.options_fingerprint(config.options), config)
    engine = make_engine(config)
    tasks = (Task(u, hashes[u.key]) for u in todo)
    started = time.perf_counter()
    bar = tqdm(total=len(todo), unit="work", disable=not config.progress or not todo, smoothing=0.1,
               dynamic_ncols=True)
    results = engine.run(tasks) if todo else iter(())
    try:
        for result in results:
            unit = by_key[result["key"]]
            committer.add(result, unit, hashes[unit.key])
            _tally(summary, result)
            summary.seconds = time.perf_counter() - started
            bar.update(1)
            bar.set_postfix(tok_s=f"{summary.tokens / max(summary.seconds, 1e-9):,.0f}",
                            errors=sum(summary.failed.values()), refresh=False)
            if committer.due():
                committer.flush()
    finally:
        bar.close()
        try:
            committer.flush()  # what finished is kept, even on Ctrl-C or an engine failure
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()  # stops the workers
    summary.seconds = time.perf_counter() - started
    store.compact(out, ledger)
    summary.client_cpu_seconds = _cpu() - cpu_started
    run_info.update(finished=manifest.now(), **summary.as_dict())
    record.update(finished=run_info["finished"], counts={**ledger.counts(), **_table_counts(out)})
    manifest.write(out, record)
    return summary


def _tally(summary: Summary, result: dict[str, Any]) -> None:
    if result["status"] == "ok":
        summary.analyzed += 1
        summary.tokens += int(result.get("tokens") or 0)
    else:
        summary.failed[result.get("kind") or "crash"] += 1
    worker = result.get("worker")
    if worker:
        name = f"{worker['host']}:{worker['pid']}"
        summary.peak_rss_mb[name] = max(summary.peak_rss_mb.get(name, 0.0), worker["max_rss_mb"])


def _table_counts(out: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    counts = {}
    for table in TABLES:
        path = store.tables_dir(out) / f"{table}.parquet"
        counts[f"{table}_rows"] = pq.ParquetFile(path).metadata.num_rows if path.exists() else 0
    return counts
