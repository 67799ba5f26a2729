"""Open zip files (EPUBs and archives of works) without trusting them.

Refuses entries that climb out of their folder (``../``, absolute or drive paths), and caps the
bytes read per entry and in total, checking the declared sizes first and then counting the
bytes actually decompressed (headers can lie), reading in chunks.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote

from ficlens.errors import InputError
from ficlens.ingest import limits


def is_unsafe_name(name: str) -> bool:
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":"):
        return True
    return ".." in norm.split("/")


def resolve(base_dir: str, href: str) -> str | None:
    """The archive path ``href`` points to from ``base_dir``, or None if it leaves the archive."""
    href = unquote(href.split("#", 1)[0])
    if not href or "://" in href or (is_unsafe_name(href) and href.replace("\\", "/").startswith("/")):
        return None
    joined = posixpath.normpath(posixpath.join(base_dir, href))
    if joined == ".." or joined.startswith(("../", "/")) or (len(joined) > 1 and joined[1] == ":"):
        return None
    return joined


class SafeZip:
    """A zip opened for reading with every name checked and every read capped."""

    def __init__(self, path: Path | str, data: bytes | None = None, label: str | None = None):
        import io

        self.label = label or str(path)
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
            raise InputError(self.label, f"corrupt or truncated zip/EPUB ({err})") from None
        self.infos = self.zf.infolist()
        total = 0
        for info in self.infos:
            if is_unsafe_name(info.filename):
                raise InputError(self.label, f"refusing unsafe entry {info.filename!r} that climbs out "
                                 "of the archive")
            if info.file_size > limits.MAX_ARCHIVE_ENTRY:
                cap = limits.human(limits.MAX_ARCHIVE_ENTRY)
                raise InputError(self.label, f"entry {info.filename!r} would decompress to "
                                 f"{limits.human(info.file_size)} (limit {cap}): refusing a possible "
                                 "zip bomb")
            total += info.file_size
        if total > limits.MAX_ARCHIVE_TOTAL:
            cap = limits.human(limits.MAX_ARCHIVE_TOTAL)
            raise InputError(self.label, f"archive would decompress to {limits.human(total)} "
                             f"(limit {cap}): refusing a possible zip bomb")
        self.by_name = {i.filename: i for i in self.infos}
        self.read_total = 0

    def names(self) -> list[str]:
        return [i.filename for i in self.infos if not i.is_dir()]

    def has(self, name: str) -> bool:
        return name in self.by_name

    def read(self, name: str) -> bytes:
        info = self.by_name.get(name)
        if info is None:
            raise InputError(self.label, f"missing entry {name!r}")
        out = bytearray()
        try:
            with self.zf.open(info) as handle:
                while True:
                    chunk = handle.read(limits.CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    self.read_total += len(chunk)
                    if len(out) > limits.MAX_ARCHIVE_ENTRY or self.read_total > limits.MAX_ARCHIVE_TOTAL:
                        raise InputError(self.label, f"entry {name!r} decompresses past the size limit: "
                                         "refusing a possible zip bomb")
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as err:
            raise InputError(self.label, f"corrupt zip/EPUB entry {name!r} ({err})") from None
        except Exception as err:  # zlib.error and friends from damaged streams
            if isinstance(err, InputError):
                raise
            raise InputError(self.label, f"corrupt zip/EPUB entry {name!r} ({err})") from None
        return bytes(out)

    def close(self) -> None:
        self.zf.close()
