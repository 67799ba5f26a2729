"""The shared HTML block walk: <br> paragraphing, break markers, italics and centering."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ficlens.ingest.blocks import Block, Marker, extract


def _items(html: str) -> list[tuple[str, str]]:
    out = []
    for item in extract(LexborHTMLParser(f"<html><body>{html}</body></html>").body):
        out.append(("block", item.text) if isinstance(item, Block) else ("break", item.kind))
    return out


def test_single_br_lines_are_paragraphs_when_nothing_else_separates_them() -> None:
    assert _items("<p>So, hi<br/>This is a note.<br/>We'll see</p>") == [
        ("block", "So, hi"), ("block", "This is a note."), ("block", "We'll see")]


def test_double_br_separates_and_single_br_stays_a_line_break() -> None:
    html = "<p>Roses are red,<br/>the sea is grey.<br/>&nbsp;<br/>Next paragraph.</p>"
    assert _items(html) == [("block", "Roses are red,\nthe sea is grey."), ("block", "Next paragraph.")]


def test_three_or_more_br_is_a_scene_break() -> None:
    html = "<p>Before.<br/> <br/>\xa0<br/> <br/>After.</p>"
    assert _items(html) == [("block", "Before."), ("break", "br_run"), ("block", "After.")]


def test_hr_and_empty_paragraphs_are_markers() -> None:
    assert _items("<p>One.</p><hr/><p>Two.</p><p>&nbsp;</p><p></p><p>Three.</p>") == [
        ("block", "One."), ("break", "hr"), ("block", "Two."), ("break", "nbsp"), ("break", "nbsp"),
        ("block", "Three.")]


def test_whitespace_collapses_but_text_is_not_rewritten() -> None:
    assert _items("<p>  “Wait,”\n   she   said —  <b>softly</b>.  </p>") == [
        ("block", "“Wait,” she said — softly.")]


def test_italics_offsets_and_centering() -> None:
    body = LexborHTMLParser("<body><p align='center'>A <i>tilted </i>line</p>"
                            "<div style='text-align: center'><em>all</em></div><p>plain</p></body>").body
    items = extract(body)
    assert [(b.text, b.italics, b.centered) for b in items if isinstance(b, Block)] == [
        ("A tilted line", [(2, 8)], True), ("all", [(0, 3)], True), ("plain", [], False)]


def test_italic_run_across_br_lines_is_clipped_per_paragraph() -> None:
    body = LexborHTMLParser("<body><p><i>one<br/><br/>two</i> three</p></body>").body
    blocks = [i for i in extract(body) if isinstance(i, Block)]
    assert [(b.text, b.italics) for b in blocks] == [("one", [(0, 3)]), ("two three", [(0, 3)])]


def test_scripts_and_comments_are_skipped() -> None:
    html = "<script>var a = 1;</script><!-- c --><style>p{}</style><p>Text.</p>"
    assert _items(html) == [("block", "Text.")]
    assert not any(isinstance(i, Marker) for i in extract(LexborHTMLParser("<p>x</p>").body))


def _br_work(runs: list[int]):
    """A work built from one <p> of paragraphs separated by ``runs[k]`` <br> each (2 is the
    ordinary paragraph separator, 3+ a candidate scene break)."""
    from ficlens.ingest.builder import WorkBuilder

    html = "Para 0." + "".join("<br/> " * n + f"Para {k}." for k, n in enumerate(runs, start=1))
    builder = WorkBuilder()
    builder.add_story(extract(LexborHTMLParser(f"<html><body><p>{html}</p></body></html>").body))
    return builder.build({}, {})


def test_a_lone_short_br_run_among_long_ones_is_not_a_break() -> None:
    work = _br_work([2, 8, 2, 8, 3, 2, 8])
    assert len(work.paragraphs) == 8
    assert [work.text[b.start:b.start + 6] for b in work.breaks] == ["Para 2", "Para 4", "Para 7"]


def test_short_br_runs_are_breaks_when_they_are_the_work_s_usual_break() -> None:
    work = _br_work([3, 2, 3, 3, 8])
    assert [work.text[b.start:b.start + 6] for b in work.breaks] == ["Para 1", "Para 3", "Para 4", "Para 5"]
