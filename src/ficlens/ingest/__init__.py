"""Ingest: turn a file (or a folder / zip of files) into a Work with its text and markup layers.

Readers are chosen by content, not by extension alone. Placeholder: plain UTF-8 text only; the
full reader set replaces this module's internals but keeps ``read_path``, ``read_text`` and
``iter_works``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from ficlens.errors import InputError
from ficlens.model import Work


def read_text(text: str, name: str = "<text>") -> Work:
    """A Work from story text given directly (no file)."""
    return Work(text=text, source={"path": name, "format": "text",
                                   "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})


def read_path(path: Path) -> Work:
    """Read one file as one Work."""
    if not path.is_file():
        raise InputError(path, "no such file")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "the file is empty")
    work = read_text(data.decode("utf-8-sig"), name=str(path))
    work.source.update(path=str(path), sha256=hashlib.sha256(data).hexdigest())
    return work


def iter_works(path: Path) -> Iterator[Work | InputError]:
    """Every work in a file, folder or zip; a bad one is yielded as its InputError."""
    try:
        yield read_path(path)
    except InputError as err:
        yield err
