"""What one batch worker does with one unit: analyze it and turn it into table rows and gzipped
JSON, or into an error row. Shared by the local process pool and the Dask engine, so both write
the same tables.

Test hooks (environment variables the worker honours; each names a substring of the unit's file
name): ``FICLENS_TEST_SLEEP_ON`` hangs the worker (to test the per-work time limit),
``FICLENS_TEST_CRASH_ON`` kills the worker process, ``FICLENS_TEST_MEMORY_ON`` allocates memory
until the limit is hit.
"""

from __future__ import annotations

import contextlib
import copy
import gzip
import os
import signal
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ficlens.batch.inputs import Unit, read_unit
from ficlens.errors import InputError
from ficlens.options import Options
from ficlens.views.tables import error_row, work_rows

WARM_TEXT = 'The door opened. "Hello, Ann," said Tom.\n\n"Hi," she said, smiling at him.\n'


@dataclass(frozen=True, slots=True)
class Task:
    unit: Unit
    sha256: str
    data: bytes | None = None  # the unit's bytes, sent along when workers cannot read the inputs


def warm_up(options: Options | None = None) -> None:
    """Load the spaCy model and every lazily loaded lexicon once, before the first real work."""
    try:
        from ficlens.language import get_nlp
    except ImportError:  # language stage not built: nothing to load
        get_nlp = None
    if get_nlp is not None:
        get_nlp()
    from ficlens.pipeline import analyze

    with contextlib.suppress(Exception):  # a stage bug shows up as each work's own error row
        analyze(WARM_TEXT, options or Options())


def _test_hooks(unit: Unit) -> None:
    name = unit.file_name
    if (marker := os.environ.get("FICLENS_TEST_SLEEP_ON")) and marker in name:
        time.sleep(3600)
    if (marker := os.environ.get("FICLENS_TEST_CRASH_ON")) and marker in name:
        os.kill(os.getpid(), signal.SIGKILL)
    if (marker := os.environ.get("FICLENS_TEST_MEMORY_ON")) and marker in name:
        hog = []
        while True:
            hog.append(bytearray(64 << 20))


def _analyze(task: Task, options: Options):
    from ficlens.pipeline import analyze

    unit = task.unit
    if task.data is None and unit.member is None:
        return analyze(Path(unit.path), options)
    data = task.data if task.data is not None else read_unit(unit)
    with tempfile.TemporaryDirectory(prefix="ficlens-batch-") as tmp:
        local = Path(tmp) / unit.file_name
        local.write_bytes(data)
        work = analyze(local, options)
    work.source["path"] = unit.location
    return work


def process(task: Task, options: Options) -> dict[str, Any]:
    """Analyze one unit. Never raises for a bad work: failures come back as an error result."""
    unit = task.unit
    started = time.perf_counter()
    try:
        _test_hooks(unit)
        work = _analyze(task, copy.deepcopy(options))
        seconds = round(time.perf_counter() - started, 4)
        rows = work_rows(work, unit.key, member=unit.member, seconds=seconds)
        rows["works"][0]["path"] = unit.location if unit.member else unit.path
        gz = gzip.compress(work.to_json().encode("utf-8"), compresslevel=5)
        return {"key": unit.key, "status": "ok", "rows": rows, "json_gz": gz,
                "tokens": rows["works"][0]["tokens"], "seconds": seconds}
    except InputError as err:
        return failure(task, "input", err.reason, _since(started))
    except (UnicodeDecodeError, zipfile.BadZipFile) as err:  # unreadable input a reader let through
        return failure(task, "input", f"{type(err).__name__}: {err}", _since(started))
    except MemoryError:
        return {**failure(task, "memory", "ran out of memory", _since(started)), "recycle": True}
    except Exception as err:  # one bad work must not stop the batch
        return failure(task, "crash", f"{type(err).__name__}: {err}", _since(started))


def worker_stats() -> dict[str, Any]:
    """Who ran a work and the peak memory of that worker process so far (for benchmarks)."""
    import resource
    import socket

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"host": socket.gethostname(), "pid": os.getpid(), "max_rss_mb": round(peak_kb / 1024, 1)}


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 4)


def failure(task: Task, kind: str, reason: str, seconds: float | None = None) -> dict[str, Any]:
    """The result of a unit that failed: one errors-table row."""
    unit = task.unit
    row = error_row(unit.key, unit.path, unit.member, task.sha256, kind, reason, seconds)
    return {"key": unit.key, "status": "error", "kind": kind, "reason": reason,
            "rows": {"errors": [row]}, "json_gz": None, "tokens": 0, "seconds": seconds}
