"""FFN page, FanFicFare EPUB, generic HTML/EPUB, FanfictionNLP CSV, and folders/zips of works."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
import ingest_fixtures as fx

from ficlens.errors import InputError
from ficlens.ingest import iter_works, read_path
from ficlens.model import Work


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _paras(work: Work, kind: str = "text") -> list[str]:
    return [work.text[p.start:p.end] for p in work.paragraphs if p.kind == kind]


def test_ffn_page(tmp_path: Path) -> None:
    work = read_path(_write(tmp_path, "ffn.html", fx.ffn_page()))
    meta = work.metadata
    assert work.source["format"] == "ffn-page"
    assert meta["title"] == "The Tide Clock" and meta["authors"] == ["saltmarsh"]
    assert meta["fandoms"] == ["Tidewater"] and meta["rating"] == "T" and meta["language"] == "English"
    assert meta["genres"] == ["Romance", "Hurt/Comfort"]
    assert meta["characters"] == ["Wren A.", "Tamsin H.", "Pell M."]
    assert meta["relationships"] == [{"tag": "Wren A./Tamsin H.", "kind": "romantic",
                                      "characters": ["Wren A.", "Tamsin H."]}]
    assert meta["stats"]["words"] == 14414 and meta["stats"]["chapters_posted"] == 5
    assert meta["stats"]["reviews"] == 39 and meta["stats"]["favs"] == 77
    assert meta["stats"]["published"] == "2024-01-05" and meta["stats"]["updated"] == "2024-02-10"
    assert meta["work_id"] == "9999" and meta["summary"].startswith("Wren keeps the light")
    assert [(c.number, c.title) for c in work.chapters] == [(2, "Ninety-One Stairs")]
    assert _paras(work) == ["Wren counted the stairs on the way down.", "oOo",
                            "In the morning the boat was gone. Pell took it, she thought."]
    assert "Review this chapter" not in work.text and "unleash" not in work.text
    assert [work.text[s.start:s.end] for s in work.centered] == ["oOo"]
    assert [work.text[s.start:s.end] for s in work.italics] == ["Pell took it,"]


def test_fanficfare_epub(tmp_path: Path) -> None:
    work = read_path(fx.fanficfare_epub(tmp_path / "fff.epub"))
    meta = work.metadata
    assert work.source["format"] == "fanficfare-epub"
    assert meta["title"] == "The Tide Clock" and meta["authors"] == ["saltmarsh_writer"]
    assert meta["url"] == "https://archiveofourown.org/works/4242" and meta["work_id"] == "4242"
    assert [r["kind"] for r in meta["relationships"]] == ["romantic", "platonic"]
    assert meta["characters"] == ["Wren Aldous", "Tamsin Hale", "Pell Marrow"]
    assert meta["stats"]["completed"] == "2024-03-01" and meta["stats"]["words"] == 12345
    assert meta["summary"] == "Wren keeps the Gullstone light."
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Tide Clock"), (2, "Ninety-One Stairs")]
    assert [(n.kind, n.chapter) for n in work.notes] == [
        ("summary", None), ("work_notes", None), ("chapter_notes", 0), ("chapter_end_notes", 0),
        ("work_end_notes", None)]
    assert _paras(work) == ["The tide clock ran eleven minutes fast.", "* * *",
                            "By noon the fog had come in.", "Wren counted the stairs."]
    assert "Author's Note" not in work.text and "Notes for the Chapter" not in work.text


def test_generic_html(tmp_path: Path) -> None:
    work = read_path(_write(tmp_path, "page.htm", fx.generic_html()))
    assert work.source["format"] == "html"
    assert work.metadata["title"] == "Night Shift at the Light" and work.metadata["authors"] == ["A. Keeper"]
    assert _paras(work) == ["Night Shift at the Light", "The lamp turned. The sea answered.",
                            "Wren wrote in the log: all quiet.", "~ ~ ~", "Oil: half a barrel",
                            "Wicks: trimmed"]
    assert "var x" not in work.text and "margin" not in work.text
    assert [work.text[s.start:s.end] for s in work.centered] == ["~ ~ ~"]
    assert [work.text[s.start:s.end] for s in work.italics] == ["all quiet"]


def test_generic_epub(tmp_path: Path) -> None:
    docs = [("c1.xhtml", "<html><body><h1>Chapter 1: Fog</h1><p>The fog came.</p></body></html>"),
            ("c2.xhtml", "<html><body><h2>Interlude</h2><p>The fog went.</p></body></html>")]
    path = fx.write_epub(tmp_path / "plain.epub", docs, "<dc:title>Fog</dc:title><dc:creator>Me</dc:creator>")
    work = read_path(path)
    assert work.source["format"] == "epub"
    assert work.metadata["title"] == "Fog" and work.metadata["authors"] == ["Me"]
    assert [(c.number, c.title) for c in work.chapters] == [(1, "Fog"), (None, "Interlude")]
    assert _paras(work) == ["The fog came.", "The fog went."]
    assert _paras(work, "heading") == ["Chapter 1: Fog", "Interlude"]


def test_fanfictionnlp_csv(tmp_path: Path) -> None:
    work = read_path(_write(tmp_path, "fic.csv", fx.fanfictionnlp_csv()))
    assert work.source["format"] == "fanfictionnlp-csv"
    assert work.text == 'The tide clock ran fast.\n\n"Fix it," Tamsin said.\n\nWren counted the stairs.'
    assert [(c.number, work.text[c.start:c.end]) for c in work.chapters] == [
        (1, 'The tide clock ran fast.\n\n"Fix it," Tamsin said.'), (2, "Wren counted the stairs.")]
    assert work.metadata["work_id"] == "4242"


def test_csv_with_two_fics(tmp_path: Path) -> None:
    text = fx.fanfictionnlp_csv() + '77,1,1,"Another fic.","Another fic ."\n'
    path = _write(tmp_path, "two.csv", text)
    works = list(iter_works(path))
    assert [w.metadata["work_id"] for w in works] == ["4242", "77"]
    try:
        read_path(path)
    except InputError as err:
        assert "2 works" in err.reason
    else:
        raise AssertionError("read_path should refuse a CSV of several fics")


def _collection(folder: Path) -> None:
    (folder / "sub").mkdir(parents=True)
    (folder / "b_story.txt").write_text("Wren kept the light.\n", encoding="utf-8")
    (folder / "sub" / "a_download.html").write_text(fx.ao3_html(), encoding="utf-8")
    (folder / "c_broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "style.css").write_text("p { color: red }", encoding="utf-8")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff" + bytes(10))
    (folder / ".hidden.txt").write_text("secret", encoding="utf-8")


def test_iter_works_folder(tmp_path: Path) -> None:
    _collection(tmp_path / "works")
    results = list(iter_works(tmp_path / "works"))
    works = [r for r in results if isinstance(r, Work)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(works) == 2 and len(errors) == 1
    assert [Path(r.source["path"] if isinstance(r, Work) else r.path).name for r in results] == [
        "b_story.txt", "c_broken.txt", "a_download.html"]
    assert "PNG" in errors[0].reason


def test_iter_works_zip(tmp_path: Path) -> None:
    folder = tmp_path / "works"
    _collection(folder)
    archive = tmp_path / "works.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zf.write(file, file.relative_to(folder).as_posix())
        zf.writestr("__MACOSX/._b_story.txt", "junk")
    results = list(iter_works(archive))
    assert [type(r).__name__ for r in results] == ["Work", "InputError", "Work"]
    assert results[0].source["path"] == f"{archive}!b_story.txt"
    assert results[2].source["format"] == "ao3-html"
    assert results[1].path == f"{archive}!c_broken.txt"


def test_iter_works_single_file_and_missing(tmp_path: Path) -> None:
    path = _write(tmp_path, "one.txt", "One story.")
    assert [w.text for w in iter_works(path)] == ["One story."]
    missing = list(iter_works(tmp_path / "nope"))
    assert len(missing) == 1 and isinstance(missing[0], InputError)


def test_ao3_epub_of_unknown_layout_falls_back_to_generic(tmp_path: Path) -> None:
    docs = [("preface.xhtml", "<html><body><h1>Old Work</h1><p>Summary text.</p></body></html>"),
            ("chapter1_1.xhtml", "<html><body><h2>Chapter 1</h2><p>The story.</p></body></html>")]
    path = fx.write_epub(tmp_path / "legacy.epub", docs,
                         "<dc:title>Old Work</dc:title><dc:publisher>Archive of Our Own</dc:publisher>")
    work = read_path(path)
    assert work.source["format"] == "epub" and work.metadata["site"] == "ao3"
    assert "The story." in _paras(work)


def test_a_folder_walk_skips_its_readme_and_licence_but_a_named_readme_is_read(tmp_path) -> None:
    from ficlens.ingest import iter_works

    (tmp_path / "README.md").write_text("# My stories\n\nThese are my stories.\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("CC0\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("The lamp was lit. Nobody came.\n", encoding="utf-8")
    works = list(iter_works(tmp_path))
    assert [w.source["path"] for w in works] == [str(tmp_path / "story.txt")]
    assert len(list(iter_works(tmp_path / "README.md"))) == 1
