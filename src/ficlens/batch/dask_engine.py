"""The Dask engine: the same tasks on a Dask distributed cluster.

The client reads each input and sends its bytes with the task, and each worker sends back the
rows and the gzipped JSON; the client writes every file (parts, JSON, ledger). So the workers
need no shared filesystem, only ficlens installed, and the output stays where ``--out`` points
on the client's machine. At most as many tasks are in flight as the cluster has threads, so a
task's age is its running time: one past the time limit is cancelled and its worker restarted
(its nanny starts a fresh process). A worker that dies (crash, nanny's memory limit) fails its
task with KilledWorker after Dask's retries, recorded as a crash.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from ficlens.batch.inputs import read_unit
from ficlens.batch.worker import Task, failure, process, warm_up, worker_stats
from ficlens.errors import FiclensError, InputError
from ficlens.options import Options

POLL = 0.5


def run_task(task: Task, options: Options) -> dict[str, Any]:
    """What a Dask worker runs for one unit (module-level so it pickles by reference)."""
    result = process(task, options)
    result["worker"] = worker_stats()
    return result


def _warm() -> bool:
    warm_up()
    return True


class DaskEngine:
    """Runs tasks on a Dask cluster at ``scheduler`` (an address, or ``local:N`` to start a
    LocalCluster of N single-threaded worker processes here)."""

    name = "dask"

    def __init__(self, scheduler: str, options: Options, timeout: float = 300.0,
                 max_memory_mb: int | None = None):
        self.scheduler = scheduler
        self.options = options
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self.cluster = None
        self.client = None

    def _connect(self):
        from dask.distributed import Client, LocalCluster

        if self.scheduler.startswith("local"):
            _, _, count = self.scheduler.partition(":")
            self.cluster = LocalCluster(
                n_workers=int(count or 2), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
                memory_limit=f"{self.max_memory_mb}MB" if self.max_memory_mb else "auto")
            return Client(self.cluster)
        try:
            return Client(self.scheduler, timeout="30s")
        except (OSError, TimeoutError) as err:
            raise FiclensError(f"cannot reach the Dask scheduler at {self.scheduler}: {err}") from err

    def close(self) -> None:
        if self.client is not None:
            with contextlib.suppress(Exception):
                self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()
        self.client = self.cluster = None

    def workers(self) -> int:
        return sum(self.client.nthreads().values()) if self.client else 0

    def run(self, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        from dask.distributed import wait

        self.client = client = self._connect()
        try:
            try:
                client.run(_warm)
            except Exception as err:  # a worker that cannot load models stops the batch
                raise FiclensError(f"a Dask worker could not load the models: {err}") from err
            queue = iter(tasks)
            exhausted = False
            running: dict[Any, tuple[Task, float]] = {}
            while True:
                capacity = max(1, self.workers())
                while not exhausted and len(running) < capacity:
                    task = next(queue, None)
                    if task is None:
                        exhausted = True
                        break
                    if task.data is None:
                        try:
                            task = Task(task.unit, task.sha256, read_unit(task.unit))
                        except (InputError, OSError, zipfile.BadZipFile, KeyError) as err:
                            yield failure(task, "input", str(err))
                            continue
                    future = client.submit(run_task, task, self.options, pure=False,
                                           key=f"ficlens-{task.unit.key}-{uuid.uuid4().hex[:8]}")
                    running[future] = (task, time.monotonic())
                if exhausted and not running:
                    return
                try:
                    done, _ = wait(list(running), timeout=POLL, return_when="FIRST_COMPLETED")
                except TimeoutError:  # nothing finished within POLL: check the time limits
                    done = set()
                for future in done:
                    task, started = running.pop(future)
                    yield self._result(future, task, started)
                yield from self._expire(running)
        finally:
            self.close()

    def _result(self, future, task: Task, started: float) -> dict[str, Any]:
        elapsed = round(time.monotonic() - started, 4)
        try:
            return future.result()
        except Exception as err:  # KilledWorker, lost data: the work failed, not the batch
            return failure(task, "crash", f"{type(err).__name__}: {err}", elapsed)

    def _expire(self, running: dict[Any, tuple[Task, float]]) -> Iterator[dict[str, Any]]:
        now = time.monotonic()
        late = [f for f, (_, started) in running.items() if now - started > self.timeout]
        if not late:
            return
        processing = self.client.processing()
        late_keys = {f.key for f in late}
        hung = [w for w, keys in processing.items() if late_keys & set(keys)]
        for future in late:
            task, started = running.pop(future)
            future.cancel()
            yield failure(task, "timeout", f"took over {self.timeout:g}s", round(now - started, 4))
        if hung:
            with contextlib.suppress(Exception):
                self.client.restart_workers(workers=hung, timeout=120)
