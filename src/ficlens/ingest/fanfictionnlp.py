"""FanfictionNLP CSV input (``fic_id,chapter_id,para_id,text,text_tokenized``): the ``text``
column is the paragraph; chapters change with ``chapter_id``. One CSV may hold several fics."""

from __future__ import annotations

import csv
import io
from typing import Any

from ficlens.errors import InputError
from ficlens.ingest import ao3_meta
from ficlens.ingest.blocks import Block
from ficlens.ingest.builder import WorkBuilder

HEADER = ("fic_id", "chapter_id", "para_id", "text")


def is_fanfictionnlp_csv(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower().replace(" ", "")
    return first.startswith("fic_id,chapter_id,para_id,text")


def read_fics(text: str, label: str) -> list[tuple[str, WorkBuilder, dict[str, Any]]]:
    """(fic_id, builder, metadata) per fic in the file, in file order."""
    csv.field_size_limit(1 << 26)
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fics: dict[str, list[dict[str, str]]] = {}
    try:
        for row in rows:
            fics.setdefault((row.get("fic_id") or "").strip(), []).append(row)
    except csv.Error as err:
        raise InputError(label, f"malformed FanfictionNLP CSV ({err})") from None
    out = []
    for fic_id, fic_rows in fics.items():
        b = WorkBuilder()
        current = None
        for row in fic_rows:
            chapter = (row.get("chapter_id") or "").strip()
            if chapter != current:
                current = chapter
                b.start_chapter(int(chapter) if chapter.isdigit() else None, None, None)
            para = (row.get("text") or "").strip()
            if para:
                b.add_story([Block(para)])
        b.close_chapter()
        meta = ao3_meta.empty_metadata()
        meta["work_id"] = fic_id or None
        out.append((fic_id, b, meta))
    if not out:
        raise InputError(label, "FanfictionNLP CSV has no rows")
    return out
