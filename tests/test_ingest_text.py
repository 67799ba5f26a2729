"""Plain text and Markdown: every common encoding decodes to the exact text (BOM dropped only),
and mojibake is recorded as repairs without touching the text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ficlens.ingest import read_path, read_text

STORY = ("“Hold the lamp steady,” said Wren.\r\n\r\nTamsin’s café smelled of brine — and of rain.\n"
         "Naïve gulls circled the façade.\n")


@pytest.mark.parametrize("codec, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-be", None),
])
def test_unicode_encodings_keep_text_exactly(tmp_path: Path, codec: str, expected: str | None) -> None:
    path = tmp_path / "story.txt"
    data = STORY.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    work = read_path(path)
    assert work.text == STORY  # newlines (\r\n and \n) and curly quotes untouched
    assert work.source["format"] == "text"
    assert work.source["encoding"].startswith(expected or "utf-16")
    assert work.repairs == []
    assert work.paragraphs == [] and work.chapters == []


def test_cp1252_curly_quotes(tmp_path: Path) -> None:
    text = ("\u201cYou could fix the clock,\u201d Tamsin said. \u201cIt would take a morning.\u201d\n"
            "Wren didn\u2019t answer \u2014 she only smiled at the caf\u00e9 window.\n") * 3
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    assert b"\x93" in path.read_bytes() and b"\x94" in path.read_bytes()
    work = read_path(path)
    assert work.text == text
    assert work.source["encoding"] == "cp1252"


def test_latin1(tmp_path: Path) -> None:
    text = ("Ma\u00eftre Pell rowed past the \u00eele at dawn; the na\u00efve gar\u00e7on waved. "
            "\u00a9 the Gullstone light, \u00bd mile off.\n") * 4
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    work = read_path(path)
    assert work.text == text
    assert work.source["encoding"] in ("cp1252", "latin_1", "iso8859_15", "iso8859_1")


def test_mojibake_recorded_not_applied(tmp_path: Path) -> None:
    original = ("Wren doesn\u2019t fix the clock. \u201cWhy? Tamsin asks.\n"
                "It\u2019s a habit \u2014 an old one.\n")
    garbled = original.encode("utf-8").decode("cp1252")
    assert "doesnâ€™t" in garbled
    path = tmp_path / "mojibake.txt"
    path.write_text(garbled, encoding="utf-8")
    work = read_path(path)
    assert work.text == garbled
    assert work.repairs, "mojibake should be detected"
    repaired = list(work.text)
    for r in sorted(work.repairs, key=lambda r: r["start"], reverse=True):
        assert set(r) == {"start", "end", "text"}
        repaired[r["start"]:r["end"]] = r["text"]
    assert "".join(repaired) == original


def test_markdown_by_content_and_suffix(tmp_path: Path) -> None:
    text = "# The Tide Clock\n\nWren kept the *light*.\n\n# Chapter Two\n\nTamsin came back.\n"
    plain = tmp_path / "story.txt"
    plain.write_text(text, encoding="utf-8")
    assert read_path(plain).source["format"] == "markdown"
    md = tmp_path / "notes.md"
    md.write_text("Just one line of story.\n", encoding="utf-8")
    work = read_path(md)
    assert work.source["format"] == "markdown" and work.text == "Just one line of story.\n"


def test_read_text_keeps_text_and_finds_repairs() -> None:
    work = read_text("It\u00e2\u20ac\u2122s late.", name="inline")
    assert work.text == "It\u00e2\u20ac\u2122s late."
    assert work.repairs and work.repairs[0]["text"] == "\u2019"
    assert work.source["path"] == "inline" and work.source["format"] == "text"


def test_source_fields(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(b"The lamp turned.\n")
    source = read_path(path).source
    assert source["bytes"] == 17 and len(source["sha256"]) == 64 and source["path"] == str(path)


def test_one_megabyte_reads_fast(tmp_path: Path) -> None:
    para = "Wren climbed the ninety-one stairs and \u201clit the lamp\u201d before the fog came in. " * 8
    text = (para + "\n\n") * (1_000_000 // (len(para) + 2) + 1)
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    html = tmp_path / "big.html"
    html.write_text("<html><body>" + "".join(f"<p>{para}<i>quietly</i></p>" for _ in range(1700))
                    + "</body></html>", encoding="utf-8")
    assert html.stat().st_size > 1_000_000
    for p in (path, html):
        started = time.perf_counter()
        work = read_path(p)
        elapsed = time.perf_counter() - started
        assert elapsed < 1.0, f"{p.name} took {elapsed:.2f}s"
        assert len(work.text) > 900_000
