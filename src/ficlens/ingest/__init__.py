"""Ingest: turn a file (or a folder / zip of files) into a Work with its text and markup layers.

Readers are chosen by content (magic bytes, markup landmarks), not by extension. Plain text is
kept exactly as decoded; markup formats build ``work.text`` from their readable blocks (see
``builder``). Every problem with the input is an ``InputError`` with a one-line reason.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ficlens.errors import InputError
from ficlens.ingest import limits, sniff
from ficlens.ingest.builder import WorkBuilder
from ficlens.ingest.decode import decode_text, find_repairs
from ficlens.model import Work

__all__ = ["InputError", "iter_works", "read_bytes", "read_path", "read_text"]

_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def read_text(text: str, name: str = "<text>") -> Work:
    """A Work from story text given directly (no file): the text is kept exactly."""
    return Work(text=text, repairs=find_repairs(text),
                source={"path": name, "format": "text", "bytes": len(text.encode("utf-8")),
                        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "encoding": None})


def read_path(path: Path | str) -> Work:
    """Read one file as one Work."""
    works = _read_file(Path(path))
    if len(works) > 1:
        raise InputError(path, f"holds {len(works)} works; read it with `ficlens batch` (iter_works)")
    return works[0]


def read_bytes(data: bytes, name: str) -> Work:
    """Read the bytes of one file (``name`` is its path or archive member, for messages)."""
    works = _read_data(data, name)
    if len(works) > 1:
        raise InputError(name, f"holds {len(works)} works; read it with `ficlens batch` (iter_works)")
    return works[0]


def iter_works(path: Path | str) -> Iterator[Work | InputError]:
    """Every work in a file, folder or zip (sorted by name, recursing); a bad one is yielded as its
    InputError instead of stopping the walk."""
    path = Path(path)
    if path.is_dir():
        for file in _walk(path):
            yield from _iter_file(file)
    else:
        yield from _iter_file(path)


# -- files and archives -------------------------------------------------------------------------
def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__MACOSX"]
        for name in files:
            if not _skippable(name):
                found.append(Path(folder) / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _skippable(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    lower = base.lower()
    stem, suffix = os.path.splitext(lower)
    return (not base or base.startswith(".") or lower in sniff.NON_WORK_NAMES
            or suffix in sniff.NON_WORK_SUFFIXES or stem in sniff.NON_WORK_STEMS)


def _iter_file(path: Path) -> Iterator[Work | InputError]:
    try:
        if _is_zip_file(path):
            from ficlens.ingest.safezip import SafeZip

            archive = SafeZip(path)
            office = _office_kind(archive)
            if office:
                archive.close()
                raise InputError(path, f"{office} is not supported; save it as plain text, HTML or EPUB")
            if not archive.has("META-INF/container.xml"):
                yield from _iter_archive(archive, str(path))
                return
            archive.close()
        yield from _read_data(_load(path), str(path))
    except InputError as err:
        yield err


def _is_zip_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return path.is_file() and sniff.is_zip(handle.read(4))
    except OSError:
        return False


def _iter_archive(archive: Any, label: str) -> Iterator[Work | InputError]:
    """Each member of a (non-EPUB) zip, read with the archive's caps; a bad member is yielded
    as its InputError and the walk goes on, unless the archive-wide cap is hit."""
    try:
        names = sorted(n for n in archive.names()
                       if not _skippable(n) and not any(p.startswith(".") or p == "__MACOSX"
                                                        for p in n.split("/")[:-1]))
        for name in names:
            member = f"{label}!{name}"
            try:
                data = archive.read(name)
            except InputError as err:
                yield InputError(member, err.reason)
                if archive.read_total > limits.MAX_ARCHIVE_TOTAL:
                    return
                continue
            try:
                yield from _read_data(data, member)
            except InputError as err:
                yield err
    finally:
        archive.close()


def _load(path: Path) -> bytes:
    """The file's bytes, after checking it exists, is a file and is under the size limit."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from None
    if path.is_dir():
        raise InputError(path, "is a directory; read folders with `ficlens batch` (iter_works)")
    if not path.is_file():
        raise InputError(path, "is not a regular file")
    limit = limits.max_file_bytes()
    if st.st_size > limit:
        raise InputError(path, f"file is {limits.human(st.st_size)}, over the {limits.human(limit)} limit "
                         "(set FICLENS_MAX_BYTES to raise it)")
    if st.st_size == 0:
        raise InputError(path, "the file is empty")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from None
    if len(data) > limit:
        raise InputError(path, f"file is over the {limits.human(limit)} limit "
                         "(set FICLENS_MAX_BYTES to raise it)")
    return data


def _read_file(path: Path) -> list[Work]:
    return _read_data(_load(path), str(path))


def _office_kind(archive: Any) -> str | None:
    """Word/OpenDocument files are zips too; they are documents, not archives of works."""
    if archive.has("[Content_Types].xml") or archive.has("word/document.xml"):
        return "a Word/Office document"
    if archive.has("mimetype") and b"opendocument" in archive.read("mimetype")[:100]:
        return "an OpenDocument file"
    return None


def _is_epub_bytes(data: bytes, label: str) -> bool:
    if data[30:58] == b"mimetypeapplication/epub+zip":
        return True
    from ficlens.ingest.safezip import SafeZip

    zf = SafeZip(label, data=data)
    try:
        return zf.has("META-INF/container.xml")
    finally:
        zf.close()


# -- dispatch by content ------------------------------------------------------------------------
def _read_data(data: bytes, label: str) -> list[Work]:
    if not data.strip():
        raise InputError(label, "the file is empty")
    source: dict[str, Any] = {"path": label, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    kind = sniff.binary_kind(data)
    if kind:
        raise InputError(label, f"binary file ({kind}), not a story")
    if sniff.is_zip(data):
        from ficlens.ingest.safezip import SafeZip

        probe = SafeZip(label, data=data)
        office = _office_kind(probe)
        probe.close()
        if office:
            raise InputError(label, f"{office} is not supported; save it as plain text, HTML or EPUB")
        if not _is_epub_bytes(data, label):
            raise InputError(label, "is a zip archive, not a single work; read it with `ficlens batch` "
                             "(iter_works)")
        return [_read_epub(data, label, source)]
    text, codec = decode_text(data, label)
    source["encoding"] = codec
    if not text.strip():
        raise InputError(label, "the file is empty")
    if sniff.looks_like_html(text, label):
        return [_read_html(text, label, source)]
    from ficlens.ingest import fanfictionnlp

    if fanfictionnlp.is_fanfictionnlp_csv(text):
        works = []
        for fic_id, builder, meta in fanfictionnlp.read_fics(text, label):
            works.append(_finish(builder, meta, {**source, "format": "fanfictionnlp-csv", "fic_id": fic_id},
                                 label))
        return works
    if _is_markdown(text, label):
        from ficlens.ingest.markdown import italic_spans

        return [Work(text=text, repairs=find_repairs(text), source={**source, "format": "markdown"},
                     italics=italic_spans(text))]
    return [Work(text=text, repairs=find_repairs(text), source={**source, "format": "text"})]


def _is_markdown(text: str, label: str) -> bool:
    if label.lower().endswith(_MARKDOWN_SUFFIXES):
        return True
    head = text[:20000]
    import re

    return len(re.findall(r"(?m)^#{1,6} \S", head)) >= 2 or bool(re.match(r"---\r?\n[\w-]+:", head))


def _read_html(text: str, label: str, source: dict[str, Any]) -> Work:
    from ficlens.ingest import ao3_download, ao3_page, ffn_page, generic

    tree = LexborHTMLParser(text)
    if tree.body is None:
        raise InputError(label, "HTML has no body")
    if ao3_download.is_ao3_download(tree) and (found := ao3_download.read_trees([tree]))[0].has_text():
        builder, meta = found
        fmt = "ao3-html"
    elif ao3_page.is_ao3_page(tree):
        builder, meta = ao3_page.read_tree(tree)
        fmt = "ao3-page"
    elif ffn_page.is_ffn_page(tree):
        builder, meta = ffn_page.read_tree(tree)
        fmt = "ffn-page"
    else:
        builder, meta = generic.read_html(tree)
        fmt = "html"
    if meta.get("label_era"):
        source["era"] = meta["label_era"]
    return _finish(builder, meta, {**source, "format": fmt}, label)


def _read_epub(data: bytes, label: str, source: dict[str, Any]) -> Work:
    from ficlens.ingest import ao3_download, epub, fanficfare, generic
    from ficlens.ingest.safezip import SafeZip

    zf = SafeZip(label, data=data)
    try:
        book = epub.open_epub(zf)
    finally:
        zf.close()
    fmt = epub.flavour(book)
    if fmt == "ao3-epub":
        builder, meta = ao3_download.read_trees([doc for _, doc in book.spine])
        _fill_from_opf(meta, book.opf)
    elif fmt == "fanficfare-epub":
        builder, meta = fanficfare.read_epub(book)
    if fmt == "epub" or not builder.has_text():  # unknown flavour, or an AO3 layout we do not know
        builder, meta = generic.read_epub(book)
        if fmt == "ao3-epub":  # e.g. a pre-2019 AO3 EPUB: read generically, remember the site
            meta["site"] = "ao3"
        fmt = "epub"
    source.update(format=fmt, encoding="utf-8")
    if book.generator:
        source["generator"] = book.generator
    if meta.get("label_era"):
        source["era"] = meta["label_era"]
    return _finish(builder, meta, source, label)


def _fill_from_opf(meta: dict[str, Any], opf: dict[str, Any]) -> None:
    """The preface is the source of truth; the OPF fills what a damaged preface lost."""
    meta["title"] = meta.get("title") or opf.get("title")
    meta["authors"] = meta.get("authors") or opf.get("creators") or []
    if not meta.get("series") and opf["metas"].get("calibre:series"):
        index = opf["metas"].get("calibre:series_index")
        meta["series"] = [{"name": opf["metas"]["calibre:series"], "url": None, "id": None,
                           "part": int(float(index)) if index else None}]


def _finish(builder: WorkBuilder, meta: dict[str, Any], source: dict[str, Any], label: str) -> Work:
    if not builder.has_text():
        raise InputError(label, "no readable text found")
    work = builder.build(source, meta)
    work.repairs = find_repairs(work.text)
    return work
