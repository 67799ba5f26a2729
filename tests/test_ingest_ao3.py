"""AO3 readers on fixtures written for these tests: HTML download (every label era), the
calibre-like EPUB built from it, and a saved work page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
import ingest_fixtures as fx

from ficlens.ingest import read_path
from ficlens.model import Work


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _para_texts(work: Work, kind: str | None = None) -> list[str]:
    return [work.text[p.start:p.end] for p in work.paragraphs if kind is None or p.kind == kind]


def _note_texts(work: Work, kind: str) -> list[str]:
    return [work.text[n.start:n.end] for n in work.notes if n.kind == kind]


@pytest.fixture
def html_work(tmp_path: Path) -> Work:
    return read_path(_write(tmp_path, "download.html", fx.ao3_html()))


def test_ao3_html_format_and_metadata(html_work: Work) -> None:
    meta = html_work.metadata
    assert html_work.source["format"] == "ao3-html"
    assert meta["title"] == "The Tide Clock"
    assert meta["authors"] == ["saltmarsh_writer"]
    assert meta["url"] == fx.WORK_URL and meta["work_id"] == "4242"
    assert meta["rating"] == "Teen And Up Audiences"
    assert meta["warnings"] == ["No Archive Warnings Apply", "Creator Chose Not To Use Archive Warnings"]
    assert meta["categories"] == ["F/F", "Gen"]
    assert meta["fandoms"] == ["Tidewater (Original Universe)"]
    assert meta["characters"] == ["Wren Aldous", "Tamsin Hale", "Pell Marrow"]
    assert meta["characters_raw"][2] == "Pell Marrow (Tidewater)"
    assert meta["additional_tags"] == ["Lighthouses", "Slow Burn"]
    assert meta["language"] == "English"
    assert meta["series"][0]["name"] == "Gullstone Nights" and meta["series"][0]["part"] == 2
    assert meta["summary"] == "Wren keeps the Gullstone light. Tamsin keeps secrets."
    assert meta["label_era"] == "plural"
    stats = meta["stats"]
    assert stats["published"] == "2024-01-05" and stats["updated"] == "2024-02-10"
    assert stats["completed"] is None
    assert stats["words"] == 12345
    assert (stats["chapters_posted"], stats["chapters_planned"], stats["chapters"]) == (3, "?", "3/?")


def test_ao3_relationships_split_by_kind(html_work: Work) -> None:
    rels = html_work.metadata["relationships"]
    assert rels[0] == {"tag": "Wren Aldous/Tamsin Hale", "kind": "romantic",
                       "characters": ["Wren Aldous", "Tamsin Hale"]}
    assert rels[1]["kind"] == "platonic"
    assert rels[1]["characters"] == ["Wren Aldous", "Pell Marrow"]


def test_ao3_html_text_order_and_boilerplate(html_work: Work) -> None:
    text = html_work.text
    assert "Posted originally" not in text and "drop by the Archive" not in text
    assert "See the end of" not in text and "Chapter End Notes" not in text
    assert text.startswith("Wren keeps the Gullstone light.")
    assert text.index(fx.WORK_NOTES) < text.index("Chapter 1: The Tide Clock") < text.index("The tide clock")
    assert text.rstrip().endswith(fx.WORK_END_NOTES)
    for p in html_work.paragraphs:
        assert html_work.text[p.start:p.end].strip() == html_work.text[p.start:p.end]


def test_ao3_html_notes_are_notes(html_work: Work) -> None:
    kinds = [(n.kind, n.chapter) for n in html_work.notes]
    assert kinds == [("summary", None), ("work_notes", None), ("chapter_notes", 0), ("chapter_end_notes", 0),
                     ("chapter_summary", 1), ("chapter_notes", 1), ("chapter_end_notes", 2),
                     ("work_end_notes", None)]
    assert _note_texts(html_work, "chapter_summary") == ["Ninety-one stairs."]
    narrative = " ".join(html_work.text[p.start:p.end] for p in html_work.narrative_paragraphs())
    assert "More soon" not in narrative and "Thanks to my beta" not in narrative
    assert all(p.kind == "note" for p in html_work.paragraphs
               if any(n.start <= p.start < n.end for n in html_work.notes))


def test_ao3_html_chapters(html_work: Work) -> None:
    chapters = html_work.chapters
    assert [(c.number, c.title, c.number_source) for c in chapters] == [
        (1, "The Tide Clock", "site"), (2, None, "site"), (3, "Lanterns", "site")]
    text = html_work.text
    assert text[chapters[0].heading[0]:chapters[0].heading[1]] == "Chapter 1: The Tide Clock"
    assert text[chapters[1].heading[0]:chapters[1].heading[1]] == "Chapter 2"
    assert chapters[0].start == chapters[0].heading[0]
    assert text[chapters[0].start:chapters[0].end].endswith("More soon, I promise.")
    assert text[chapters[2].start:chapters[2].end].endswith("The end, for now.")
    headings = ["Chapter 1: The Tide Clock", "Chapter 2", "Chapter 3: Lanterns"]
    assert _para_texts(html_work, "heading") == headings


def test_ao3_html_br_lines_and_breaks(html_work: Work) -> None:
    paras = _para_texts(html_work, "text")
    assert "Ninety-one, the same as every night." in paras
    assert "In the morning the boat was gone." in paras
    kinds = {b.kind: b for b in html_work.breaks}
    assert set(kinds) == {"hr", "br_run", "nbsp"}
    for brk in html_work.breaks:
        assert brk.start == brk.end
    assert html_work.text[kinds["hr"].start:].startswith("By noon the fog")
    assert html_work.text[kinds["br_run"].start:].startswith("In the morning")
    assert html_work.text[kinds["nbsp"].start:].startswith("When the storm broke")
    assert "* * *" in paras  # glyph lines stay text for the structure stage


def test_ao3_html_italics_and_centered(html_work: Work) -> None:
    italic = [html_work.text[s.start:s.end] for s in html_work.italics]
    assert italic == ["habit", "And then what would I blame?"]
    centered = [html_work.text[s.start:s.end] for s in html_work.centered]
    assert centered == ["* * *"]


@pytest.mark.parametrize("kwargs", [
    {"plural": False, "language": False, "separators": False, "completed": True},
    {"plural": False, "language": True, "separators": True, "completed": True, "chapters_first": True},
])
def test_ao3_html_older_eras(tmp_path: Path, kwargs: dict) -> None:
    work = read_path(_write(tmp_path, "old.html", fx.ao3_html(**kwargs)))
    meta = work.metadata
    assert meta["label_era"] == "singular"
    assert meta["language"] == ("English" if kwargs["language"] else None)
    assert meta["stats"]["words"] == 12345
    assert meta["stats"]["completed"] == "2024-03-01" and meta["stats"]["updated"] is None
    assert meta["stats"]["chapters_planned"] == 3
    assert [r["kind"] for r in meta["relationships"]] == ["romantic", "platonic"]
    assert meta["characters"] == ["Wren Aldous", "Tamsin Hale", "Pell Marrow"]


def test_ao3_mixed_label_era(tmp_path: Path) -> None:
    html = fx.ao3_html().replace("<dt>Characters:</dt>", "<dt>Character:</dt>")
    work = read_path(_write(tmp_path, "mixed.html", html))
    assert work.metadata["label_era"] == "mixed"


def test_ao3_epub_matches_html(tmp_path: Path, html_work: Work) -> None:
    work = read_path(fx.ao3_epub(tmp_path / "download.epub"))
    assert work.source["format"] == "ao3-epub"
    assert work.source["generator"] == "calibre (6.13.0)"
    assert work.text == html_work.text
    assert [(c.number, c.title, c.heading) for c in work.chapters] == [
        (c.number, c.title, c.heading) for c in html_work.chapters]
    assert [(n.kind, n.chapter, n.start) for n in work.notes] == [
        (n.kind, n.chapter, n.start) for n in html_work.notes]
    assert [(b.kind, b.start) for b in work.breaks] == [(b.kind, b.start) for b in html_work.breaks]
    for key in ("title", "authors", "relationships", "characters", "stats", "series", "label_era", "summary"):
        assert work.metadata[key] == html_work.metadata[key], key


def test_ao3_epub_found_by_content_not_name(tmp_path: Path) -> None:
    path = fx.ao3_epub(tmp_path / "download.epub")
    renamed = path.rename(tmp_path / "mystery.bin")
    assert read_path(renamed).source["format"] == "ao3-epub"


def test_ao3_page(tmp_path: Path) -> None:
    work = read_path(_write(tmp_path, "page.html", fx.ao3_page()))
    meta = work.metadata
    assert work.source["format"] == "ao3-page"
    assert meta["title"] == "The Tide Clock" and meta["authors"] == ["saltmarsh_writer"]
    assert meta["work_id"] == "4242"
    assert meta["characters"] == ["Wren Aldous", "Tamsin Hale"]
    assert [r["kind"] for r in meta["relationships"]] == ["romantic", "platonic"]
    assert meta["series"][0]["part"] == 2 and meta["series"][0]["name"] == "Gullstone Nights"
    assert meta["stats"]["completed"] == "2024-03-01" and meta["stats"]["words"] == 12345
    assert meta["stats"]["kudos"] == 1204 and meta["stats"]["chapters_planned"] == 2
    assert meta["label_era"] == "plural"
    assert "Chapter Text" not in work.text and "Leave kudos" not in work.text
    assert "Site Navigation" not in work.text and "footer" not in work.text
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Tide Clock"), (2, None)]
    assert [(n.kind, n.chapter) for n in work.notes] == [
        ("summary", None), ("work_notes", None), ("chapter_notes", 0), ("chapter_end_notes", 0),
        ("work_end_notes", None)]
    assert [b.kind for b in work.breaks] == ["hr"]
    assert work.text[work.breaks[0].start:].startswith("By noon")
