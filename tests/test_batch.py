"""ficlens batch: complete tables, bad inputs, changed inputs, limits, kill -9 and resume."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from ficlens.batch import BatchConfig, run_batch
from ficlens.batch.ledger import Ledger
from ficlens.batch.store import compact, read_table, write_part
from ficlens.errors import FiclensError
from ficlens.options import Options
from ficlens.views.tables import TABLES
from test_batch_stories import story, write_stories

# Mechanics tests stop after the language stage: fast, and independent of later stages' changes.
FAST = Options(until="language")
TIMING = {"seconds"}


def config(inputs: list[Path], out: Path, **kw) -> BatchConfig:
    kw.setdefault("workers", 1)
    kw.setdefault("options", FAST)
    return BatchConfig(inputs=[str(p) for p in inputs], out=out, progress=False, **kw)


def rows(out: Path, table: str) -> list[dict]:
    return read_table(out, table).to_pylist()


def comparable(out: Path) -> dict[str, list[str]]:
    """Every table as sorted JSON rows, without timing columns."""
    result = {}
    for table in TABLES:
        result[table] = sorted(json.dumps({k: v for k, v in row.items() if k not in TIMING}, sort_keys=True)
                               for row in rows(out, table))
    return result


def test_batch_writes_json_and_every_table(tmp_path):
    write_stories(tmp_path / "in", 4)
    summary = run_batch(config([tmp_path / "in"], tmp_path / "out"))
    out = tmp_path / "out"
    assert (summary.analyzed, summary.skipped, sum(summary.failed.values())) == (4, 0, 0)
    works = rows(out, "works")
    assert len(works) == 4 and len({w["key"] for w in works}) == 4
    assert all(w["tokens"] > 100 and w["sha256"] and w["format"] for w in works)
    for table in TABLES:
        assert (out / "tables" / f"{table}.parquet").exists()
    for work in works:
        doc = json.loads(gzip.decompress((out / "works" / f"{work['key']}.json.gz").read_bytes()))
        assert doc["schema"] == "ficlens/1" and doc["source"]["sha256"] == work["sha256"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["versions"]["schema"] == "ficlens/1" and manifest["versions"]["spacy"]
    assert manifest["counts"]["works_ok"] == 4 and manifest["counts"]["works_rows"] == 4
    assert manifest["finished"] and manifest["runs"][-1]["analyzed"] == 4


def test_second_run_skips_finished_works(tmp_path):
    write_stories(tmp_path / "in", 3)
    run_batch(config([tmp_path / "in"], tmp_path / "out"))
    before = comparable(tmp_path / "out")
    again = run_batch(config([tmp_path / "in"], tmp_path / "out"))
    assert (again.analyzed, again.skipped) == (0, 3)
    assert comparable(tmp_path / "out") == before


def test_bad_inputs_go_to_errors_and_the_rest_completes(tmp_path):
    folder = tmp_path / "in"
    write_stories(folder, 2)
    (folder / "story-01b-empty.txt").write_bytes(b"")
    (folder / "story-01c-binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "story-01d-broken.zip").write_bytes(b"PK\x03\x04 this zip was cut short")
    write_stories(folder, 2, start=5)
    summary = run_batch(config([folder], tmp_path / "out"))
    assert summary.analyzed == 4
    errors = {Path(e["path"]).name: e for e in rows(tmp_path / "out", "errors")}
    assert set(errors) == {"story-01b-empty.txt", "story-01c-binary.txt", "story-01d-broken.zip"}
    assert errors["story-01b-empty.txt"]["kind"] == "input"
    assert errors["story-01c-binary.txt"]["kind"] == "input"
    assert all(e["reason"] and e["sha256"] for e in errors.values())
    assert len(rows(tmp_path / "out", "works")) == 4


def test_changed_input_is_analyzed_again_and_replaces_its_rows(tmp_path):
    paths = write_stories(tmp_path / "in", 3)
    out = tmp_path / "out"
    run_batch(config([tmp_path / "in"], out))
    old = {w["key"]: w for w in rows(out, "works")}
    paths[1].write_text(story(1) + "\nAn epilogue, added later, with a few more words in it.\n")
    summary = run_batch(config([tmp_path / "in"], out))
    assert (summary.analyzed, summary.skipped) == (1, 2)
    new = {w["key"]: w for w in rows(out, "works")}
    assert set(new) == set(old) and len(rows(out, "works")) == 3
    changed = [k for k in new if new[k]["sha256"] != old[k]["sha256"]]
    assert len(changed) == 1 and new[changed[0]]["tokens"] > old[changed[0]]["tokens"]
    clean = tmp_path / "clean"
    run_batch(config([tmp_path / "in"], clean))
    assert comparable(out) == comparable(clean)  # old rows of the changed work are gone


def test_zip_members_are_works_of_their_own(tmp_path):
    archive = tmp_path / "in" / "bundle.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("one/first.txt", story(1))
        z.writestr("two/second.txt", story(2))
        z.writestr("__MACOSX/._first.txt", "junk")
    run_batch(config([archive.parent], tmp_path / "out"))
    works = rows(tmp_path / "out", "works")
    assert sorted(w["member"] for w in works) == ["one/first.txt", "two/second.txt"]
    assert all(w["path"].startswith(str(archive)) and "!" in w["path"] for w in works)


def test_output_folder_inside_input_folder_is_not_read(tmp_path):
    write_stories(tmp_path, 2)
    run_batch(config([tmp_path], tmp_path / "out"))
    again = run_batch(config([tmp_path], tmp_path / "out"))
    assert again.inputs == 2 and again.skipped == 2


def test_orphan_and_superseded_parts_never_reach_the_tables(tmp_path):
    """A kill between writing a part and committing it leaves an orphan part: ignored."""
    write_stories(tmp_path / "in", 2)
    out = tmp_path / "out"
    run_batch(config([tmp_path / "in"], out))
    work = rows(out, "works")[0]
    write_part(out, "zz-orphan-000001", {"works": [{**work, "title": "ghost"}]})
    ledger = Ledger(out / "ledger.sqlite")
    try:
        compact(out, ledger)
        compact(out, ledger)  # idempotent
    finally:
        ledger.close()
    works = rows(out, "works")
    assert len(works) == 2 and all(w["title"] != "ghost" for w in works)
    assert not (out / "parts" / "works" / "zz-orphan-000001.parquet").exists()
    # Folded: the ledger points at the one generation left, and no part files remain.
    assert len(list((out / ".tables").iterdir())) == 1
    assert not any((out / "parts").rglob("*.parquet"))


def test_hung_work_is_recorded_as_timeout_and_the_batch_goes_on(tmp_path, monkeypatch):
    write_stories(tmp_path / "in", 3)
    monkeypatch.setenv("FICLENS_TEST_SLEEP_ON", "story-01")
    summary = run_batch(config([tmp_path / "in"], tmp_path / "out", timeout=3))
    assert summary.analyzed == 2 and summary.failed == {"timeout": 1}
    (error,) = rows(tmp_path / "out", "errors")
    assert error["kind"] == "timeout" and error["path"].endswith("story-01.txt")
    assert error["seconds"] >= 3


def test_crashing_worker_is_recorded_and_replaced(tmp_path, monkeypatch):
    write_stories(tmp_path / "in", 3)
    monkeypatch.setenv("FICLENS_TEST_CRASH_ON", "story-00")
    summary = run_batch(config([tmp_path / "in"], tmp_path / "out"))
    assert summary.analyzed == 2
    (error,) = rows(tmp_path / "out", "errors")
    assert error["kind"] == "crash" and "SIGKILL" in error["reason"]


def test_memory_hog_is_recorded_as_memory(tmp_path, monkeypatch):
    write_stories(tmp_path / "in", 2)
    monkeypatch.setenv("FICLENS_TEST_MEMORY_ON", "story-01")
    summary = run_batch(config([tmp_path / "in"], tmp_path / "out", max_memory_mb=600))
    assert summary.analyzed == 1
    (error,) = rows(tmp_path / "out", "errors")
    assert error["kind"] == "memory"


def _ledger_done(out: Path) -> int:
    try:
        with sqlite3.connect(out / "ledger.sqlite") as db:
            return db.execute("SELECT count(*) FROM done").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_mid_run_then_resume_gives_every_work_once(tmp_path):
    write_stories(tmp_path / "in", 8)
    (tmp_path / "in" / "story-05.txt").write_text(story(5, paragraphs=2))  # smallest: runs last
    out = tmp_path / "out"
    command = [sys.executable, "-m", "ficlens", "batch", str(tmp_path / "in"), "--out", str(out),
               "--workers", "1", "--commit-every", "1", "--until", "language", "--quiet"]
    # The last work hangs, so the kill surely lands mid-run, after some works were committed.
    env = {**os.environ, "FICLENS_TEST_SLEEP_ON": "story-05"}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _ledger_done(out) < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    assert proc.poll() is None, proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list((out / "parts" / "works").glob("*.parquet"))
    assert not (out / "tables").exists()  # killed before the first compaction

    resumed = subprocess.run(command[:-1], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["runs"][-1]["skipped"] >= 4 and manifest["runs"][-1]["analyzed"] <= 4
    works = rows(out, "works")
    assert sorted(Path(w["path"]).name for w in works) == [f"story-{i:02d}.txt" for i in range(8)]
    assert rows(out, "errors") == []

    clean = tmp_path / "clean"
    run_batch(config([tmp_path / "in"], clean))
    assert comparable(out) == comparable(clean)


def test_one_batch_at_a_time_per_output_folder(tmp_path):
    import fcntl

    write_stories(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(FiclensError, match="another ficlens batch"):
            run_batch(config([tmp_path / "in"], out))
    (out / "works").mkdir()
    (out / "works" / ".half-written.json.gz.abc.part").write_bytes(b"\x1f")
    assert run_batch(config([tmp_path / "in"], out)).analyzed == 1
    assert not list((out / "works").glob(".*.part"))


def test_cli_batch_reports_and_rejects_bad_arguments(tmp_path, capsys):
    from ficlens.cli import main as cli

    write_stories(tmp_path / "in", 1)
    assert cli(["batch", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert cli(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--scheduler", "x:1"]) == 2
    assert cli(["batch", str(tmp_path / "in" / "*.txt"), "--out", str(tmp_path / "out"), "-j", "1",
                "--until", "language"]) == 0
    assert "1 analyzed, 0 failed" in capsys.readouterr().err


@pytest.mark.slow
def test_ctrl_c_commits_what_is_done_and_exits_130(tmp_path):
    write_stories(tmp_path / "in", 4)
    (tmp_path / "in" / "story-03.txt").write_text(story(3, paragraphs=2))  # smallest: runs last
    out = tmp_path / "out"
    command = [sys.executable, "-m", "ficlens", "batch", str(tmp_path / "in"), "--out", str(out),
               "--workers", "1", "--commit-every", "1000", "--until", "language", "--quiet"]
    env = {**os.environ, "FICLENS_TEST_SLEEP_ON": "story-03"}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(list((out / "works").glob("*.json.gz"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) == 130
    assert "interrupted" in proc.stderr.read().decode()
    assert _ledger_done(out) == 3  # committed on the way out, though no commit was due yet
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert len(rows(out, "works")) == 4


def test_compaction_cut_short_at_any_step_loses_nothing(tmp_path, monkeypatch):
    from ficlens.batch import store

    paths = write_stories(tmp_path / "in", 3)
    out = tmp_path / "out"
    run_batch(config([tmp_path / "in"], out))
    paths[0].write_text(story(0) + "\nA new last line.\n")
    write_stories(tmp_path / "in", 1, start=7)

    def killed(*_args, **_kw):
        raise KeyboardInterrupt  # as if killed after the ledger moved to the new generation

    monkeypatch.setattr(store, "_swap_link", killed)
    with pytest.raises(KeyboardInterrupt):
        run_batch(config([tmp_path / "in"], out))
    monkeypatch.undo()
    again = run_batch(config([tmp_path / "in"], out))
    assert again.analyzed == 0 and again.skipped == 4
    clean = tmp_path / "clean"
    run_batch(config([tmp_path / "in"], clean))
    assert comparable(out) == comparable(clean)


def test_other_options_mean_analyzing_again(tmp_path):
    write_stories(tmp_path / "in", 2)
    out = tmp_path / "out"
    run_batch(config([tmp_path / "in"], out))
    cast = Options(until="language", characters=["Mara Vell", "Jonah"])
    again = run_batch(config([tmp_path / "in"], out, options=cast))
    assert (again.analyzed, again.skipped) == (2, 0)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["options"]["characters"] == ["Mara Vell", "Jonah"] and len(manifest["runs"]) == 2
    assert run_batch(config([tmp_path / "in"], out, options=cast)).skipped == 2


def test_prune_drops_works_no_longer_among_the_inputs(tmp_path):
    paths = write_stories(tmp_path / "in", 3)
    out = tmp_path / "out"
    run_batch(config([tmp_path / "in"], out))
    gone = next(w["key"] for w in rows(out, "works") if w["path"] == str(paths[2].resolve()))
    paths[2].unlink()
    kept = run_batch(config([tmp_path / "in"], out))
    assert kept.pruned == 0 and len(rows(out, "works")) == 3  # a corpus accumulates by default
    pruned = run_batch(config([tmp_path / "in"], out, prune=True))
    assert pruned.pruned == 1 and gone not in {w["key"] for w in rows(out, "works")}
    assert len(rows(out, "works")) == 2 and not (out / "works" / f"{gone}.json.gz").exists()


def test_failed_works_are_retried_only_when_asked(tmp_path, monkeypatch):
    write_stories(tmp_path / "in", 2)
    out = tmp_path / "out"
    monkeypatch.setenv("FICLENS_TEST_CRASH_ON", "story-01")
    assert run_batch(config([tmp_path / "in"], out)).failed == {"crash": 1}
    monkeypatch.delenv("FICLENS_TEST_CRASH_ON")
    assert run_batch(config([tmp_path / "in"], out)).skipped == 2
    retried = run_batch(config([tmp_path / "in"], out, retry_errors=True))
    assert (retried.analyzed, retried.skipped) == (1, 1)
    assert rows(out, "errors") == [] and len(rows(out, "works")) == 2
