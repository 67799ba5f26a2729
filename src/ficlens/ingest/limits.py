"""Size limits that keep a bad or hostile input from exhausting memory.

FICLENS_MAX_BYTES overrides the per-file limit (default 100 MB); archives are capped both by
their declared entry sizes and by the bytes actually decompressed (50 MB an entry, 200 MB in
all; FICLENS_MAX_ARCHIVE_BYTES overrides the total for large corpus zips).
"""

from __future__ import annotations

import os

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_TOTAL = int(os.environ.get("FICLENS_MAX_ARCHIVE_BYTES", "0") or 0) or 200 * 1024 * 1024
MAX_ARCHIVE_ENTRY = 50 * 1024 * 1024
CHUNK = 1024 * 1024


def max_file_bytes() -> int:
    """The largest single file ficlens reads (FICLENS_MAX_BYTES, else 100 MB)."""
    raw = os.environ.get("FICLENS_MAX_BYTES", "").strip()
    if raw:
        try:
            value = int(raw)
        except ValueError:
            return DEFAULT_MAX_BYTES
        if value > 0:
            return value
    return DEFAULT_MAX_BYTES


def human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"
