"""The batch's files: per-work JSON, Parquet parts, and the compacted tables.

Layout of an output folder ``DIR``::

    DIR/works/<key>.json.gz          one ficlens/1 document per work (atomic write)
    DIR/parts/<table>/<part>.parquet rows of the works committed together (atomic write)
    DIR/ledger.sqlite                which part counts for which key (see ledger.py)
    DIR/tables -> .tables/<gen>/     the compacted tables, one <table>.parquet each
    DIR/manifest.json                versions, options, engine, times, counts

Compaction writes a whole new generation of tables into ``.tables/<gen>/`` and then swaps the
``tables`` symlink with one rename, so readers see either all old or all new tables; running it
twice gives the same tables.
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


def compact(out: Path, ledger: Ledger) -> Path:
    """Rebuild every table from the live rows of the parts, swap them in atomically, and remove
    parts and generations nobody counts any more. Returns the new generation's folder."""
    live = ledger.live_parts()
    generations = out / ".tables"
    gen = generations / f"{time.time_ns()}"
    gen.mkdir(parents=True)
    for table in TABLES:
        target = gen / f"{table}.parquet"
        with pq.ParquetWriter(target, SCHEMAS[table], compression=COMPRESSION) as writer:
            for part_file in sorted((out / "parts" / table).glob("*.parquet")):
                keys = live.get(part_file.stem)
                if not keys:
                    continue
                data = pq.read_table(part_file, schema=SCHEMAS[table])
                data = data.filter(pc.is_in(data["key"], value_set=pa.array(sorted(keys))))
                if data.num_rows:
                    writer.write_table(data)
        with open(target, "rb") as handle:
            os.fsync(handle.fileno())
    _swap_link(tables_dir(out), gen)
    for old in generations.iterdir():
        if old != gen:
            shutil.rmtree(old, ignore_errors=True)
    for table in TABLES:
        for part_file in (out / "parts" / table).glob("*.parquet"):
            if part_file.stem not in live:
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
