"""The batch ledger: which works are done, with what content and options, and which part file
holds their rows. A single SQLite file written by one process (the batch's client) in
transactions, so a kill at any moment leaves it either before or after a commit, never between.

Rows of a work count only in the part the ledger names for it: a part written but not yet
committed (killed in between) or superseded (the input changed) is ignored and later removed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    sha256: str
    options: str
    status: str          # ok | error
    kind: str | None     # error kind: crash | timeout | memory | input
    part: str
    path: str
    member: str | None


class Ledger:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("""CREATE TABLE IF NOT EXISTS done (
            key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, options TEXT NOT NULL, status TEXT NOT NULL,
            kind TEXT, part TEXT NOT NULL, path TEXT NOT NULL, member TEXT, finished REAL NOT NULL)""")
        self.db.execute("""CREATE TABLE IF NOT EXISTS hashes (
            key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, sha256 TEXT NOT NULL)""")

    def close(self) -> None:
        self.db.close()

    def entries(self) -> dict[str, Entry]:
        rows = self.db.execute(
            "SELECT key, sha256, options, status, kind, part, path, member FROM done")
        return {r[0]: Entry(*r) for r in rows}

    def commit(self, entries: Iterable[Entry]) -> None:
        """Record finished works in one transaction (replacing earlier records of their keys)."""
        now = time.time()
        with self._transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO done VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.key, e.sha256, e.options, e.status, e.kind, e.part, e.path, e.member, now)
                 for e in entries])

    def live_parts(self) -> dict[str, set[str]]:
        """part id → the keys whose rows that part holds and the ledger still counts."""
        parts: dict[str, set[str]] = {}
        for key, part in self.db.execute("SELECT key, part FROM done"):
            parts.setdefault(part, set()).add(key)
        return parts

    def forget(self, keys: Iterable[str]) -> None:
        """Drop works from the batch: the next compaction leaves their rows out."""
        with self._transaction():
            self.db.executemany("DELETE FROM done WHERE key = ?", [(k,) for k in keys])

    def rebase(self, part: str) -> None:
        """Every key's rows are now in ``part`` (a compacted generation): one transaction."""
        with self._transaction():
            self.db.execute("UPDATE done SET part = ?", (part,))

    def counts(self) -> dict[str, int]:
        out = {"works_ok": 0, "works_failed": 0}
        for status, n in self.db.execute("SELECT status, count(*) FROM done GROUP BY status"):
            out["works_ok" if status == "ok" else "works_failed"] += n
        return out

    # -- cheap change detection -----------------------------------------------------------
    def cached_hashes(self) -> dict[str, tuple[str, str]]:
        return {k: (f, s) for k, f, s in self.db.execute("SELECT key, fingerprint, sha256 FROM hashes")}

    def save_hashes(self, rows: Iterable[tuple[str, str, str]]) -> None:
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO hashes VALUES (?, ?, ?)", list(rows))

    def _transaction(self):
        return _Transaction(self.db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
