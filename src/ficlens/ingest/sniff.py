"""Tell formats apart by their bytes, not their file names."""

from __future__ import annotations

import re

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"), (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"Rar!\x1a\x07", "RAR archive"), (b"BM", None),
    (b"\x00\x00\x01\x00", "icon image"), (b"OggS", "Ogg audio"), (b"ID3", "MP3 audio"),
    (b"\x7fELF", "executable"), (b"MZ", None), (b"wOFF", "font"), (b"wOF2", "font"),
    (b"SQLite format 3\x00", "SQLite database"), (b"PAR1", "Parquet file"),
)
_HTML_HEAD = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<\?xml[^>]*>\s*(<!doctype[^>]*>\s*)?<html", re.I)
_HTML_ANY = re.compile(r"<(p|div|br|span|i|em|b|h[1-6])[\s>/]", re.I)
NON_WORK_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".ico", ".tif", ".tiff", ".avif",
    ".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".json", ".parquet",
    ".pyc", ".db", ".sqlite", ".mp3", ".mp4", ".ogg", ".wav", ".opf", ".ncx", ".lock",
})
NON_WORK_NAMES = frozenset({"thumbs.db", "desktop.ini", "mimetype", "container.xml"})
# A folder's own paperwork ("README.md", "LICENSE.txt"), skipped in a walk; named alone, it is read.
NON_WORK_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog", "authors", "notice"})


def binary_kind(data: bytes) -> str | None:
    """A name for well-known binary formats ("PNG image"), or None."""
    head = data[:64]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name is None:
                continue
            return name
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if data[60:68] == b"BOOKMOBI":
        return "MOBI/AZW e-book (unsupported; convert it to EPUB)"
    return None


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def looks_like_html(text: str, name: str = "") -> bool:
    """HTML by its landmarks; a fragment (no <html>/<body>) counts when it opens with a block or
    inline tag, or when a file named .html holds any such tag."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if _HTML_HEAD.search(head[:2048]):
        return True
    if head.startswith("<") and (_HTML_ANY.match(head) or len(_HTML_ANY.findall(text[:20000])) >= 3):
        return True
    return name.lower().endswith((".html", ".htm", ".xhtml")) and bool(_HTML_ANY.search(text[:20000]))
