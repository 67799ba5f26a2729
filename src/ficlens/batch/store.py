"""The batch's files: per-work JSON, Parquet parts, and the compacted tables.

Layout of an output folder ``DIR``::

    DIR/works/<key>.json.gz          one ficlens/1 document per work (atomic write)
    DIR/parts/<table>/<part>.parquet rows of the works committed together (atomic write)
    DIR/ledger.sqlite                which part (or generation) holds each key's rows (ledger.py)
    DIR/tables -> .tables/<gen>/     the compacted tables, one <table>.parquet each
    DIR/manifest.json                versions, options, engine, times, counts

Compaction writes a whole new generation of tables into ``.tables/<gen>/`` from the previous
generation and the parts committed since, records in the ledger that every key now lives in
that generation, and swaps the ``tables`` symlink with one rename: readers see either all old or
all new tables, running it twice gives the same tables, and the parts folded in are removed, so
the number of files stays small however many runs there were. A kill at any step leaves the
ledger pointing at files that exist.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ficlens import atomic
from ficlens.batch.ledger import Ledger
from ficlens.views.tables import SCHEMAS, TABLES, to_arrow

COMPRESSION = "zstd"


def works_dir(out: Path) -> Path:
    return out / "works"


def tables_dir(out: Path) -> Path:
    return out / "tables"


def work_json_path(out: Path, key: str) -> Path:
    return works_dir(out) / f"{key}.json.gz"


def write_work_json(out: Path, key: str, gz: bytes) -> None:
    atomic.write_bytes(work_json_path(out, key), gz)


def remove_work_json(out: Path, key: str) -> None:
    work_json_path(out, key).unlink(missing_ok=True)


def _parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression=COMPRESSION)
    return sink.getvalue().to_pybytes()


def write_part(out: Path, part: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write one part file per table that has rows (each atomically)."""
    for table in TABLES:
        if rows.get(table):
            atomic.write_bytes(out / "parts" / table / f"{part}.parquet",
                               _parquet_bytes(to_arrow(table, rows[table])))


GEN_PREFIX = "gen-"


def _source(out: Path, part: str, table: str) -> Path:
    """Where the rows of ``part`` are: a compacted generation's table, or a part file."""
    if part.startswith(GEN_PREFIX):
        return out / ".tables" / part[len(GEN_PREFIX):] / f"{table}.parquet"
    return out / "parts" / table / f"{part}.parquet"


def compact(out: Path, ledger: Ledger) -> Path:
    """Rebuild every table from the live rows (the last generation plus the parts committed
    since), swap them in atomically, then fold: the ledger points every key at the new
    generation, so the parts and older generations can go. Returns the new generation's folder."""
    live = ledger.live_parts()
    order = sorted(live, key=lambda p: (not p.startswith(GEN_PREFIX), p))  # the old base first
    generations = out / ".tables"
    name = f"{time.time_ns()}"
    gen = generations / name
    gen.mkdir(parents=True)
    for table in TABLES:
        target = gen / f"{table}.parquet"
        with pq.ParquetWriter(target, SCHEMAS[table], compression=COMPRESSION) as writer:
            for part in order:
                source = _source(out, part, table)
                if not source.exists():
                    continue
                data = pq.read_table(source, schema=SCHEMAS[table])
                data = data.filter(pc.is_in(data["key"], value_set=pa.array(sorted(live[part]))))
                if data.num_rows:
                    writer.write_table(data)
        with open(target, "rb") as handle:
            os.fsync(handle.fileno())
    ledger.rebase(f"{GEN_PREFIX}{name}")     # one transaction: every key's rows are now in gen
    _swap_link(tables_dir(out), gen)
    for old in generations.iterdir():
        if old != gen:
            shutil.rmtree(old, ignore_errors=True)
    for table in TABLES:
        for part_file in (out / "parts" / table).glob("*.parquet"):
            part_file.unlink(missing_ok=True)
    return gen


def _swap_link(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` with one atomic rename (a symlink replaces a symlink)."""
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(os.path.relpath(target, link.parent))
    os.replace(tmp, link)


def remove_leftovers(out: Path) -> None:
    """Temporary files of atomic writes cut short by a kill (never a finished file)."""
    for folder in [works_dir(out), *[(out / "parts" / t) for t in TABLES]]:
        if folder.is_dir():
            for tmp in folder.glob(".*.part"):
                tmp.unlink(missing_ok=True)


def read_table(out: Path, table: str) -> pa.Table:
    """A compacted table (for tests and tools); empty with its schema when absent."""
    path = tables_dir(out) / f"{table}.parquet"
    if not path.exists():
        return SCHEMAS[table].empty_table()
    return pq.read_table(path)
