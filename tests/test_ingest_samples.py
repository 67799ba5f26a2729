"""Every real sample in ../shared/data/samples reads with the right format and structure
(skipped when the data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ingest import read_path
from ficlens.model import Work

pytestmark = pytest.mark.data

FORMATS = {
    "ao3dl_218676_incompleteWork.epub": "ao3-epub",
    "ao3dl_218676_incompleteWork.html": "ao3-html",
    "ao3dl_23009290_epubTest.epub": "ao3-epub",
    "ao3dl_23009290_htmlTest.html": "ao3-html",
    "ao3dl_334557_workInSeries.epub": "ao3-epub",
    "ao3dl_334557_workInSeries.html": "ao3-html",
    "fanfictionnlp_allmarvel_606106.csv": "fanfictionnlp-csv",
    "mobilepages_ao3_workpage_quotes.html": "ao3-page",
    "mobilepages_ffn_chapter_first.html": "ffn-page",
}
_cache: dict[str, Work] = {}


def _read(samples_dir: Path, name: str) -> Work:
    path = samples_dir / name
    if not path.exists():
        pytest.skip(f"sample {name} not present")
    if name not in _cache:
        _cache[name] = read_path(path)
    return _cache[name]


def _texts(work: Work, kind: str) -> list[str]:
    return [work.text[p.start:p.end] for p in work.paragraphs if p.kind == kind]


def test_every_sample_reads_with_its_format(samples_dir: Path) -> None:
    for path in sorted(samples_dir.iterdir()):
        if path.name in FORMATS:
            work = _read(samples_dir, path.name)
            assert work.source["format"] == FORMATS[path.name], path.name
            assert work.narrative_paragraphs(), path.name
            for p in work.paragraphs:
                assert 0 <= p.start < p.end <= len(work.text)


@pytest.mark.parametrize("name", ["ao3dl_334557_workInSeries.html", "ao3dl_334557_workInSeries.epub"])
def test_334557_chapters_stats_series(samples_dir: Path, name: str) -> None:
    work = _read(samples_dir, name)
    assert len(work.chapters) == 8
    titles = [c.title for c in work.chapters]
    assert titles[0] == "Prologue" and "Part 2" in titles and titles[-1] == "Epilogue"
    stats = work.metadata["stats"]
    assert (stats["chapters_posted"], stats["chapters_planned"], stats["words"]) == (8, 8, 31623)
    assert work.metadata["series"][0]["name"] == "Watches 'Verse"
    assert work.metadata["series"][0]["part"] == 1
    assert sum(b.kind == "br_run" for b in work.breaks) > 20
    # <br /> lines are paragraphs, not one blob per chapter
    assert len(work.narrative_paragraphs()) > 500


@pytest.mark.parametrize("name", ["ao3dl_218676_incompleteWork.html", "ao3dl_218676_incompleteWork.epub"])
def test_218676_wip_notes_and_glyph_breaks(samples_dir: Path, name: str) -> None:
    work = _read(samples_dir, name)
    stats = work.metadata["stats"]
    assert stats["chapters_planned"] == "?" and stats["chapters_posted"] == 3
    assert stats["updated"] == "2007-06-25" and stats["words"] == 7526
    assert _texts(work, "text").count("xxx") >= 3
    assert [c.title for c in work.chapters] == ["Festival", "Riversong K'Vala", "Conversations"]
    kinds = {n.kind for n in work.notes}
    assert {"summary", "work_notes", "chapter_notes", "chapter_end_notes", "work_end_notes"} <= kinds
    narrative = "\n".join(_texts(work, "text"))
    assert "THANK YOU RAPTOR JESUS" not in narrative  # a chapter note, not story
    assert "longest published work" not in narrative  # the work end note
    assert "THANK YOU RAPTOR JESUS" in "\n".join(_texts(work, "note"))
    assert "Posted originally" not in work.text


def test_23009290_nbsp_break(samples_dir: Path) -> None:
    for name in ("ao3dl_23009290_htmlTest.html", "ao3dl_23009290_epubTest.epub"):
        work = _read(samples_dir, name)
        assert [b.kind for b in work.breaks].count("nbsp") == 1
        assert len(work.chapters) == 1
        assert work.metadata["relationships"][0]["kind"] == "romantic"


def test_html_and_epub_agree(samples_dir: Path) -> None:
    for stem in ("ao3dl_218676_incompleteWork", "ao3dl_334557_workInSeries"):
        html = _read(samples_dir, stem + ".html")
        epub = _read(samples_dir, stem + ".epub")
        assert [(c.number, c.title) for c in html.chapters] == [(c.number, c.title) for c in epub.chapters]
        assert [n.kind for n in html.notes] == [n.kind for n in epub.notes]
        assert len(html.paragraphs) == len(epub.paragraphs)
        for key in ("title", "authors", "relationships", "characters", "stats"):
            assert html.metadata[key] == epub.metadata[key], (stem, key)


def test_relationship_kinds_in_page(samples_dir: Path) -> None:
    work = _read(samples_dir, "mobilepages_ao3_workpage_quotes.html")
    kinds = {r["kind"] for r in work.metadata["relationships"]}
    assert kinds == {"romantic", "platonic"}
    assert "Chapter Text" not in work.text
    assert [b.kind for b in work.breaks] == ["hr", "hr", "hr"]
    assert work.chapters[0].title == "Deucalion, Paige, and The Argents"


def test_ffn_sample(samples_dir: Path) -> None:
    work = _read(samples_dir, "mobilepages_ffn_chapter_first.html")
    meta = work.metadata
    assert meta["title"] == "Child of Four" and meta["fandoms"] == ["Harry Potter"]
    assert meta["work_id"] == "2790804" and meta["rating"] == "M"
    assert work.chapters[0].number == 3 and meta["stats"]["chapters_posted"] == 69
    assert "Chapter Three" in _texts(work, "text")
    assert "Return to Top" not in work.text and "Add Story to Favorites" not in work.text
    assert len(work.centered) >= 4


def test_fanfictionnlp_sample(samples_dir: Path) -> None:
    work = _read(samples_dir, "fanfictionnlp_allmarvel_606106.csv")
    assert len(work.paragraphs) == 9
    assert work.text.startswith("Anthony Edward Stark was a certified genius")
