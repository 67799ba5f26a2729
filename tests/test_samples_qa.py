"""Review checks on the real downloads in ../shared/data/samples (skipped when absent): the HTML
and EPUB of one work agree, boilerplate never leaks into the text, every paragraph and note span
is trimmed, the JSON round-trips, and the defects found in review stay fixed."""

from __future__ import annotations

import json
import re

import pytest

from ficlens.model import Work
from sample_cache import structured_sample

pytestmark = pytest.mark.data

SAMPLES = ["ao3dl_218676_incompleteWork.epub", "ao3dl_218676_incompleteWork.html",
           "ao3dl_23009290_epubTest.epub", "ao3dl_23009290_htmlTest.html",
           "ao3dl_334557_workInSeries.epub", "ao3dl_334557_workInSeries.html",
           "fanfictionnlp_allmarvel_606106.csv", "mobilepages_ao3_workpage_quotes.html",
           "mobilepages_ffn_chapter_first.html"]
PAIRS = [("ao3dl_218676_incompleteWork.html", "ao3dl_218676_incompleteWork.epub"),
         ("ao3dl_23009290_htmlTest.html", "ao3dl_23009290_epubTest.epub"),
         ("ao3dl_334557_workInSeries.html", "ao3dl_334557_workInSeries.epub")]
_BOILERPLATE = re.compile(r"See the end of the chapter|Chapter (?:End )?Notes|Chapter Summary|drop by the "
                          r"Archive|Please drop by|Posted originally on the", re.IGNORECASE)
def structured(samples_dir, name: str) -> Work:
    return structured_sample(samples_dir, name)


@pytest.mark.parametrize("name", SAMPLES)
def test_json_round_trip(samples_dir, name):
    work = structured(samples_dir, name)
    text = work.to_json()
    again = Work.from_json(text)
    assert again == work
    assert json.loads(again.to_json()) == json.loads(text)


@pytest.mark.parametrize("name", SAMPLES)
def test_spans_are_trimmed_ordered_and_free_of_site_boilerplate(samples_dir, name):
    work = structured(samples_dir, name)
    assert not _BOILERPLATE.search(work.text)
    for span in [*work.paragraphs, *work.notes, *work.scenes, *work.italics]:
        piece = work.text[span.start:span.end]
        assert piece and piece == piece.strip(), (name, span)
    assert all(a.end <= b.start for a, b in zip(work.paragraphs, work.paragraphs[1:], strict=False))
    assert all(c.start <= c.end and (c.heading is None or c.start <= c.heading[0] < c.heading[1] <= c.end)
               for c in work.chapters)


@pytest.mark.parametrize("html, epub", PAIRS)
def test_html_and_epub_of_one_work_agree(samples_dir, html, epub):
    a, b = structured(samples_dir, html), structured(samples_dir, epub)
    assert [(c.number, c.title) for c in a.chapters] == [(c.number, c.title) for c in b.chapters]
    assert [(n.kind, n.chapter, a.text[n.start:n.end]) for n in a.notes] == \
        [(n.kind, n.chapter, b.text[n.start:n.end]) for n in b.notes]
    assert [(br.kind, br.glyph) for br in a.breaks] == [(br.kind, br.glyph) for br in b.breaks]
    assert [a.text[s.start:s.end] for s in a.scenes] == [b.text[s.start:s.end] for s in b.scenes]
    keys = ("title", "authors", "fandoms", "rating", "warnings", "categories", "relationships",
            "characters", "additional_tags", "language", "summary")
    assert {k: a.metadata.get(k) for k in keys} == {k: b.metadata.get(k) for k in keys}


@pytest.mark.parametrize("name", ["ao3dl_334557_workInSeries.html", "ao3dl_334557_workInSeries.epub"])
def test_a_one_off_three_br_gap_is_not_a_scene_break(samples_dir, name):
    """The work's breaks are runs of 8 <br>; one run of 3 sits inside a scene of chapter 3."""
    work = structured(samples_dir, name)
    at = work.text.index("There are no skulls or experiments")
    assert all(b.start != at for b in work.breaks)
    assert any(s.start < at < s.end for s in work.scenes)


def test_ffn_review_request_and_repost_date_are_notes(samples_dir):
    work = structured(samples_dir, "mobilepages_ffn_chapter_first.html")
    notes = [work.text[n.start:n.end] for n in work.notes if n.kind == "author_note"]
    assert notes == ["Please Review!", "reposted: 8/28/08"]
    assert work.text[work.scenes[-1].end - 10:work.scenes[-1].end] == "and write."
    chapter = work.chapters[0]
    assert work.text[chapter.heading[0]:chapter.heading[1]] == "Chapter Three\n\nFirst Year"


def test_ao3_metadata_fields(samples_dir):
    series = structured(samples_dir, "ao3dl_334557_workInSeries.html").metadata
    assert series["series"][0]["name"] == "Watches 'Verse" and series["series"][0]["part"] == 1
    assert "Sherlock Holmes (again)" in series["characters_raw"]
    assert series["characters"].count("Sherlock Holmes") == 1
    assert series["stats"]["chapters_posted"] == 8 and series["stats"]["chapters_planned"] == 8
    assert any("Translation into" in a for a in series["associations"])
    page = structured(samples_dir, "mobilepages_ao3_workpage_quotes.html").metadata
    assert page["stats"]["chapters_planned"] == "?" and page["stats"]["kudos"] > 0
    kinds = {r["tag"]: r["kind"] for r in page["relationships"]}
    assert kinds["Peter Hale/Stiles Stilinski"] == "romantic"
    assert kinds["Peter Hale & Sheriff Stilinski"] == "platonic"
    assert "Kali" in page["characters"] and "Kali (Teen Wolf)" in page["characters_raw"]
