"""AO3 metadata rules shared by the download (HTML/EPUB) and saved-page readers.

Labels drift across eras (singular vs plural since 2023-10, Language row since 2022-06, thousands
separators since 2023-04), so labels are normalised and the era they reveal is recorded.
"""

from __future__ import annotations

import re
from typing import Any

# normalised label -> metadata key
LABELS = {
    "rating": "rating", "archive warning": "warnings", "warning": "warnings", "category": "categories",
    "fandom": "fandoms", "relationship": "relationships", "character": "characters",
    "additional tag": "additional_tags", "freeform": "additional_tags", "language": "language",
    "series": "series", "collection": "collections", "stat": "stats",
}
PLURALISABLE = {"archive warning", "category", "fandom", "relationship", "character"}
_PLURALS = {"categories": "category", "archive warnings": "archive warning", "fandoms": "fandom",
            "relationships": "relationship", "characters": "character", "additional tags": "additional tag",
            "collections": "collection", "stats": "stat", "warnings": "warning"}
_DISAMBIGUATOR = re.compile(r"\s*\([^()]*\)\s*$")
_DATE = r"(\d{4}-\d{2}-\d{2})"


def empty_metadata() -> dict[str, Any]:
    return {
        "title": None, "authors": [], "fandoms": [], "rating": None, "warnings": [], "categories": [],
        "relationships": [], "characters": [], "characters_raw": [], "additional_tags": [],
        "language": None, "series": [], "collections": [], "summary": None, "url": None,
        "stats": empty_stats(), "label_era": None, "site": None, "work_id": None,
    }


def empty_stats() -> dict[str, Any]:
    return {"published": None, "updated": None, "completed": None, "words": None,
            "chapters_posted": None, "chapters_planned": None, "chapters": None}


def normalise_label(label: str) -> tuple[str, bool]:
    """("archive warning", plural?) from "Archive Warnings:"."""
    key = re.sub(r"\s+", " ", label.strip().rstrip(":").strip().lower())
    if key in _PLURALS:
        return _PLURALS[key], True
    return key, False


def label_era(labels: list[tuple[str, bool, int]]) -> str | None:
    """"plural" when labels follow the post-2023 rule (plural for >1 tag), "singular" when no
    plural label is seen, "mixed" when a plural label sits beside a singular one over several tags."""
    seen = [(k, p, n) for k, p, n in labels if k in PLURALISABLE]
    if not seen:
        return None
    plural = any(p for _, p, _ in seen)
    singular_many = any(not p and n > 1 for _, p, n in seen)
    if plural and singular_many:
        return "mixed"
    return "plural" if plural else "singular"


def strip_disambiguator(name: str) -> str:
    """"Sherlock Holmes (Sherlock TV)" -> "Sherlock Holmes"."""
    stripped = _DISAMBIGUATOR.sub("", name).strip()
    return stripped or name.strip()


def relationship(tag: str) -> dict[str, Any]:
    """"A/B" is romantic, "A & B" platonic; names lose their fandom disambiguators."""
    names = [strip_disambiguator(n) for n in re.split(r"\s*/\s*|\s+&\s+", tag) if n.strip()]
    kind = "romantic" if "/" in tag else ("platonic" if " & " in tag else None)
    return {"tag": tag, "kind": kind, "characters": names}


def parse_stats(text: str) -> dict[str, Any]:
    """``Published: 2006-07-09 Updated: 2007-06-25 Words: 7,526 Chapters: 3/?`` in any order."""
    stats = empty_stats()
    for key in ("published", "updated", "completed"):
        m = re.search(key.capitalize() + r":\s*" + _DATE, text)
        stats[key] = m.group(1) if m else None
    m = re.search(r"Words:\s*([\d,.\s]*\d)", text)
    if m:
        stats["words"] = int(re.sub(r"\D", "", m.group(1)))
    m = re.search(r"Chapters:\s*(\d+)\s*/\s*(\d+|\?)", text)
    if m:
        set_chapters(stats, m.group(1), m.group(2))
    return stats


def set_chapters(stats: dict[str, Any], posted: str, planned: str) -> None:
    stats["chapters"] = f"{posted}/{planned}"
    stats["chapters_posted"] = int(posted)
    stats["chapters_planned"] = planned if planned == "?" else int(planned)


def apply_tags(meta: dict[str, Any], key: str, values: list[str]) -> None:
    """Store the tag values of one metadata row under its key."""
    if key == "rating":
        meta["rating"] = values[0] if values else None
    elif key == "language":
        meta["language"] = values[0] if values else None
    elif key == "relationships":
        meta["relationships"] = [relationship(v) for v in values]
    elif key == "characters":
        meta["characters_raw"] = list(values)
        names: list[str] = []
        for v in values:
            name = strip_disambiguator(v)
            if name not in names:
                names.append(name)
        meta["characters"] = names
    elif key in ("fandoms", "warnings", "categories", "additional_tags", "collections"):
        meta[key] = meta.get(key, []) + list(values)


def chapter_heading(text: str) -> tuple[int | None, str | None]:
    """AO3's "Chapter N: Title" -> (N, "Title"); "Chapter N" -> (N, None)."""
    m = re.match(r"^\s*Chapter\s+(\d+)\s*(?:[:.]\s*(.*?))?\s*$", text, re.S)
    if not m:
        return None, text.strip() or None
    return int(m.group(1)), (m.group(2) or None)


def work_id_from_url(url: str | None) -> str | None:
    m = re.search(r"/works/(\d+)", url or "")
    return m.group(1) if m else None
