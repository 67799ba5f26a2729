"""The local engine: a pool of worker processes on this machine, one work at a time each.

Not ``concurrent.futures``: a pool there breaks whole when one worker dies and cannot stop one
hung task. Here each worker has its own pipe, so the parent can kill the one worker that runs
past the time limit or the memory limit (or dies), record that work as an error, and start a
fresh worker (which loads the models again) while the others go on.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import resource
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

import psutil

from ficlens.batch.worker import Task, failure, process, warm_up, worker_stats
from ficlens.errors import FiclensError
from ficlens.options import Options

START_TIMEOUT = 600.0   # seconds a worker may take to load its models
POLL = 0.25             # seconds between checks of time and memory limits
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the batch process dies (even by kill -9)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _limit_memory(max_memory_mb: int) -> None:
    """A backstop to the parent's RSS check: cap address space growth past the loaded models,
    so a runaway allocation raises MemoryError here instead of exhausting the machine."""
    vms = psutil.Process().memory_info().vms
    limit = vms + (max_memory_mb + 1024) * (1 << 20)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.RLIM_INFINITY))


def worker_main(conn: Connection, options: Options, max_memory_mb: int | None) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        warm_up(options)
    except Exception as err:  # reported to the parent, which stops the batch
        conn.send(("failed", f"{type(err).__name__}: {err}"))
        return
    if max_memory_mb:
        _limit_memory(max_memory_mb)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        result = process(task, options)
        result["worker"] = worker_stats()
        try:
            conn.send(("result", result))
        except (BrokenPipeError, OSError):
            return
        if result.get("recycle"):
            return


@dataclass
class _Slot:
    process: Any
    conn: Connection
    state: str = "starting"       # starting | idle | busy
    task: Task | None = None
    since: float = 0.0


class LocalEngine:
    """Runs tasks on ``workers`` processes; yields one result dict per task, in finishing order."""

    name = "local"

    def __init__(self, workers: int, options: Options, timeout: float = 300.0,
                 max_memory_mb: int | None = None):
        self.workers = max(1, workers)
        self.options = options
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self.context = mp.get_context("spawn")
        self.peak_rss: dict[int, int] = {}

    def _spawn(self) -> _Slot:
        parent, child = self.context.Pipe()
        proc = self.context.Process(target=worker_main, args=(child, self.options, self.max_memory_mb),
                                    daemon=True, name="ficlens-batch-worker")
        proc.start()
        child.close()
        return _Slot(proc, parent, since=time.monotonic())

    def _retire(self, slot: _Slot) -> None:
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(5)
        slot.conn.close()

    def _rss(self, slot: _Slot) -> int:
        try:
            rss = psutil.Process(slot.process.pid).memory_info().rss
        except psutil.Error:
            return 0
        self.peak_rss[slot.process.pid] = max(rss, self.peak_rss.get(slot.process.pid, 0))
        return rss

    def run(self, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        queue = iter(tasks)
        exhausted = False
        slots = [self._spawn() for _ in range(self.workers)]
        try:
            while True:
                for slot in slots:
                    if slot.state == "idle" and not exhausted:
                        task = next(queue, None)
                        if task is None:
                            exhausted = True
                            break
                        slot.conn.send(task)
                        slot.state, slot.task, slot.since = "busy", task, time.monotonic()
                if exhausted and not any(s.state == "busy" for s in slots):
                    return
                waiting = [s for s in slots if s.state != "idle"]
                wait([s.conn for s in waiting] + [s.process.sentinel for s in waiting], timeout=POLL)
                for index, slot in enumerate(slots):
                    result, replace = self._check(slot)
                    if replace:
                        self._retire(slot)
                        slots[index] = self._spawn()
                    if result is not None:
                        yield result
        finally:
            for slot in slots:
                with contextlib.suppress(OSError, ValueError):
                    slot.conn.send(None)
            deadline = time.monotonic() + 2
            for slot in slots:
                slot.process.join(max(0.0, deadline - time.monotonic()))
                self._retire(slot)

    def _check(self, slot: _Slot) -> tuple[dict[str, Any] | None, bool]:
        """(a finished result or None, whether the slot's worker must be replaced)."""
        now = time.monotonic()
        if slot.state == "starting":
            if slot.conn.poll():
                try:
                    message = slot.conn.recv()
                except (EOFError, OSError):
                    message = ("failed", f"exit code {slot.process.exitcode}")
                if message[0] == "ready":
                    slot.state = "idle"
                    return None, False
                raise FiclensError(f"a batch worker could not start: {message[1]}")
            if not slot.process.is_alive():
                raise FiclensError(f"a batch worker died while starting (exit code {slot.process.exitcode})")
            if now - slot.since > START_TIMEOUT:
                raise FiclensError(f"a batch worker took over {START_TIMEOUT:.0f}s to start")
            return None, False
        if slot.state != "busy" or slot.task is None:
            return None, False
        task, elapsed = slot.task, round(now - slot.since, 4)
        if slot.conn.poll():
            try:
                _, result = slot.conn.recv()
            except (EOFError, OSError):
                return self._lost(slot, failure(task, "crash", self._death(slot), elapsed))
            slot.state, slot.task = "idle", None
            return result, bool(result.get("recycle"))
        if not slot.process.is_alive():
            return self._lost(slot, failure(task, "crash", self._death(slot), elapsed))
        if now - slot.since > self.timeout:
            return self._lost(slot, failure(task, "timeout", f"took over {self.timeout:g}s", elapsed))
        if self._rss(slot) > (self.max_memory_mb or 1 << 30) * (1 << 20):
            return self._lost(slot, failure(task, "memory", f"used over {self.max_memory_mb} MB", elapsed))
        return None, False

    def _lost(self, slot: _Slot, result: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        slot.state, slot.task = "idle", None
        return result, True

    def _death(self, slot: _Slot) -> str:
        slot.process.join(1)
        code = slot.process.exitcode
        if code is not None and code < 0:
            return f"the worker died (signal {signal.Signals(-code).name})"
        return f"the worker died (exit code {code})"
