"""Structure on the real fan fiction downloads in ../shared/data/samples (skipped when absent).

Each file goes through ``analyze(path, Options(until="structure"))`` (cached in conftest).
"""

from __future__ import annotations

from collections import Counter

import pytest

from ficlens.model import Work
from sample_cache import structured_sample

pytestmark = pytest.mark.data

def structured(samples_dir, name: str) -> Work:
    return structured_sample(samples_dir, name)


def _paragraph_texts(work: Work, kind: str) -> list[str]:
    return [work.text[p.start:p.end] for p in work.paragraphs if p.kind == kind]


@pytest.mark.parametrize("name", ["ao3dl_334557_workInSeries.html", "ao3dl_334557_workInSeries.epub"])
def test_eight_chapter_work_has_its_chapters_and_titles(samples_dir, name):
    work = structured(samples_dir, name)
    assert [c.number for c in work.chapters] == list(range(1, 9))
    assert [c.title for c in work.chapters] == ["Prologue", None, "Part 2", "Part 3", "Part 4", "Part 5",
                                                "Part 6", "Epilogue"]
    assert {c.number_source for c in work.chapters} == {"site"}
    scenes_per_chapter = Counter(s.chapter for s in work.scenes)
    assert set(scenes_per_chapter) == set(range(8))
    assert Counter(b.kind for b in work.breaks)["br_run"] > 0


@pytest.mark.parametrize("name", ["ao3dl_218676_incompleteWork.html", "ao3dl_218676_incompleteWork.epub"])
def test_wip_notes_and_xxx_breaks(samples_dir, name):
    work = structured(samples_dir, name)
    assert work.metadata["stats"]["chapters"] == "3/?"
    assert len(work.chapters) == 3
    author_notes = [n for n in work.notes if n.kind == "author_note"]
    labelled = [p for p in work.paragraphs if work.text[p.start:p.end].startswith("A/N:")]
    assert len(labelled) == 2
    for p in labelled:
        assert p.kind == "note"
        assert any(n.start <= p.start and p.end <= n.end for n in author_notes)
    assert "Now. Review!" in [work.text[n.start:n.end] for n in author_notes]
    glyphs = [b for b in work.breaks if b.kind == "glyph"]
    assert [b.glyph for b in glyphs] == ["xxx", "xxx", "xxx"]
    assert len(work.scenes) == 6
    assert work.narrative_paragraphs()[0].start == work.text.index("Run.")


@pytest.mark.parametrize("name", ["ao3dl_23009290_htmlTest.html", "ao3dl_23009290_epubTest.epub"])
def test_one_shot_keeps_its_nbsp_break(samples_dir, name):
    work = structured(samples_dir, name)
    assert [b.kind for b in work.breaks] == ["nbsp"]
    assert [s.break_kind for s in work.scenes] == [None, "nbsp"]


def test_ffn_page_dividers_and_in_body_headings(samples_dir):
    work = structured(samples_dir, "mobilepages_ffn_chapter_first.html")
    dividers = _paragraph_texts(work, "break")
    assert len(dividers) == 4 and all(".:O:." in d for d in dividers)
    assert work.breaks == []   # they frame the heading and the end notes: no scene is cut
    headings = _paragraph_texts(work, "heading")
    assert "Chapter Three" in headings and "First Year" in headings
    assert len(work.chapters) == 1
    for text in ("Chapter Three", "First Year"):
        assert all(work.text[p.start:p.end] != text for p in work.narrative_paragraphs())


def test_ao3_page_hr_breaks(samples_dir):
    work = structured(samples_dir, "mobilepages_ao3_workpage_quotes.html")
    assert [b.kind for b in work.breaks] == ["hr", "hr", "hr"]
    assert [s.break_kind for s in work.scenes] == [None, "hr", "hr", "hr"]
