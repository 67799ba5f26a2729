"""What a batch reads: every input file (folders recursively, members of .zip archives, globs) as a
unit of work with a stable key and the sha256 of its bytes.

The key names the unit by where it is, not by what it holds, so that a changed file keeps its
key (and is re-analyzed because its sha256 changed). It is a readable slug plus a short hash of
the full location, safe as a file name.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ficlens.errors import FiclensError, InputError
from ficlens.ingest import limits
from ficlens.ingest.safezip import is_unsafe_name

_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class Unit:
    """One work to analyze: a file, or one member of a zip (``path`` is then the zip)."""

    key: str
    path: str
    member: str | None = None

    @property
    def location(self) -> str:
        """``path`` or ``path!member``: what error messages and the tables show."""
        return f"{self.path}!{self.member}" if self.member else self.path

    @property
    def file_name(self) -> str:
        return Path(self.member or self.path).name


def make_key(path: str, member: str | None = None) -> str:
    identity = path + (f"!{member}" if member else "")
    stem = Path(member or path).stem
    slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()[:60] or "work"
    return f"{slug}-{hashlib.sha1(identity.encode('utf-8')).hexdigest()[:10]}"


def _is_hidden(path: Path) -> bool:
    return path.name.startswith(".") or path.name == "__MACOSX"


def _zip_units(path: Path) -> list[Unit]:
    """One unit per file in the archive; a zip that cannot be opened is one unit (it fails as input)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError):
        return [Unit(make_key(str(path)), str(path))]
    units = []
    for name in sorted(names):
        parts = Path(name).parts
        if any(p.startswith(".") or p == "__MACOSX" for p in parts):
            continue
        units.append(Unit(make_key(str(path), name), str(path), name))
    return units


def _file_units(path: Path) -> list[Unit]:
    if path.suffix.lower() == ".zip":
        return _zip_units(path)
    return [Unit(make_key(str(path)), str(path))]


def _walk(folder: Path, exclude: Path | None) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if not _is_hidden(Path(d))
                         and (exclude is None or (root_path / d).resolve() != exclude))
        found.extend(root_path / f for f in sorted(files) if not _is_hidden(Path(f)))
    return found


def enumerate_units(inputs: list[str], exclude: Path | None = None) -> list[Unit]:
    """Every unit of the inputs, in a stable order, each key once. ``exclude`` is the batch's
    own output folder, never read as input even when it sits inside an input folder."""
    exclude = exclude.resolve() if exclude is not None else None
    units: dict[str, Unit] = {}
    for raw in inputs:
        path = Path(raw).expanduser()
        if path.exists():
            candidates = [path]
        elif _GLOB_CHARS.search(raw):
            candidates = [Path(p) for p in sorted(glob.glob(str(path), recursive=True))]
            if not candidates:
                raise FiclensError(f"{raw}: no file matches")
        else:
            raise FiclensError(f"{raw}: no such file or folder")
        for candidate in candidates:
            resolved = candidate.resolve()
            files = _walk(resolved, exclude) if resolved.is_dir() else [resolved]
            for file in files:
                for unit in _file_units(file):
                    units.setdefault(unit.key, unit)
    return list(units.values())


def read_unit(unit: Unit) -> bytes:
    """The bytes of a unit (a file, or a member read out of its zip)."""
    if unit.member is None:
        return Path(unit.path).read_bytes()
    return _read_member(unit)


def _read_member(unit: Unit) -> bytes:
    """A zip member's bytes, refusing names that climb out of the archive and capping what is
    decompressed (a corpus zip may be large as a whole, but no single work may be a bomb)."""
    assert unit.member is not None
    if is_unsafe_name(unit.member):
        raise InputError(unit.location, "refusing an archive entry that climbs out of its folder")
    with zipfile.ZipFile(unit.path) as archive:
        info = archive.getinfo(unit.member)
        if info.file_size > limits.MAX_ARCHIVE_ENTRY:
            cap = limits.human(limits.MAX_ARCHIVE_ENTRY)
            raise InputError(unit.location, f"entry would decompress to {limits.human(info.file_size)} "
                             f"(limit {cap}): refusing a possible zip bomb")
        out = bytearray()
        with archive.open(info) as handle:
            while chunk := handle.read(limits.CHUNK):
                out += chunk
                if len(out) > limits.MAX_ARCHIVE_ENTRY:
                    raise InputError(unit.location, "entry decompresses past the size limit: refusing a "
                                     "possible zip bomb")
    return bytes(out)


def fingerprint(unit: Unit) -> str:
    """A cheap stand-in for the content (size, mtime; the member's CRC) to skip re-hashing
    unchanged files on restart."""
    stat = os.stat(unit.path)
    base = f"{stat.st_size}:{stat.st_mtime_ns}"
    if unit.member is None:
        return base
    try:
        with zipfile.ZipFile(unit.path) as archive:
            info = archive.getinfo(unit.member)
        return f"{base}:{info.CRC}:{info.file_size}"
    except (zipfile.BadZipFile, KeyError, OSError):
        return base


def size_of(unit: Unit) -> int:
    """Bytes of the unit (0 when unknown): the batch starts with the biggest works, so that no
    long work is left running alone at the end while the other workers idle."""
    try:
        if unit.member is None:
            return os.stat(unit.path).st_size
        with zipfile.ZipFile(unit.path) as archive:
            return archive.getinfo(unit.member).file_size
    except (OSError, zipfile.BadZipFile, KeyError):
        return 0


def sha256_of(unit: Unit) -> str:
    """sha256 of the unit's bytes; of the path itself when it cannot be read (it then fails as input)."""
    digest = hashlib.sha256()
    try:
        if unit.member is None:
            with open(unit.path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        else:
            digest.update(read_unit(unit))
    except (OSError, zipfile.BadZipFile, KeyError, InputError):
        digest.update(b"unreadable:" + unit.location.encode("utf-8"))
    return digest.hexdigest()
