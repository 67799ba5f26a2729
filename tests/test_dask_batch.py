"""The Dask engine writes the same tables as the local engine (LocalCluster of two workers)."""

from __future__ import annotations

import pytest

from ficlens.batch import run_batch
from test_batch import comparable, config, rows
from test_batch_stories import write_stories

pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_engine_matches_local_engine(tmp_path):
    folder = tmp_path / "in"
    write_stories(folder, 5)
    (folder / "story-02b-empty.txt").write_bytes(b"")
    local = run_batch(config([folder], tmp_path / "local", workers=2))
    dask = run_batch(config([folder], tmp_path / "dask", engine="dask", scheduler="local:2"))
    assert (dask.analyzed, sum(dask.failed.values())) == (local.analyzed, 1) == (5, 1)
    assert comparable(tmp_path / "dask") == comparable(tmp_path / "local")
    assert len(rows(tmp_path / "dask", "works")) == 5
    again = run_batch(config([folder], tmp_path / "dask", engine="dask", scheduler="local:2"))
    assert (again.analyzed, again.skipped) == (0, 6)


@pytest.mark.slow
def test_dask_hung_work_is_a_timeout_and_its_worker_is_restarted(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_stories(folder, 4)
    monkeypatch.setenv("FICLENS_TEST_SLEEP_ON", "story-01")
    summary = run_batch(config([folder], tmp_path / "out", engine="dask", scheduler="local:2", timeout=3))
    assert summary.analyzed == 3 and summary.failed == {"timeout": 1}
    (error,) = rows(tmp_path / "out", "errors")
    assert error["kind"] == "timeout" and error["path"].endswith("story-01.txt")


@pytest.mark.slow
def test_dask_work_that_kills_its_workers_is_a_crash(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_stories(folder, 3)
    monkeypatch.setenv("FICLENS_TEST_CRASH_ON", "story-02")
    summary = run_batch(config([folder], tmp_path / "out", engine="dask", scheduler="local:2"))
    assert summary.analyzed == 2 and summary.failed == {"crash": 1}
    (error,) = rows(tmp_path / "out", "errors")
    assert error["path"].endswith("story-02.txt") and "KilledWorker" in error["reason"]
