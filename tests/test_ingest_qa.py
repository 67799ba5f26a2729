"""Format sniffing found in review: HTML fragments without <html>/<body>, and Markdown with a
YAML header written with Windows line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ingest import read_path


@pytest.mark.parametrize("name, html", [
    ("one.html", "<p>The tide came in slowly.</p>"),
    ("two.txt", "<p>The tide came in.</p>\n<p>She waited.</p>\n"),
    ("nobody.html", "<html><head><title>x</title></head><p>The tide came in.</p><p>She waited.</p></html>"),
])
def test_html_fragments_are_read_as_html(tmp_path: Path, name: str, html: str) -> None:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    work = read_path(path)
    assert work.source["format"] == "html"
    assert "<p>" not in work.text and work.text.startswith("The tide came in")


def test_text_mentioning_a_tag_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("She typed <p> into the editor and sighed.\n\nThe page stayed blank.\n", encoding="utf-8")
    assert read_path(path).source["format"] == "text"


def test_markdown_yaml_header_with_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"---\r\ntitle: The Salt Clock\r\n---\r\n\r\nThe tide came in *slowly*.\r\n")
    work = read_path(path)
    assert work.source["format"] == "markdown"
    assert [work.text[s.start:s.end] for s in work.italics] == ["slowly"]
