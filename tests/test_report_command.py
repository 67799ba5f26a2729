"""``ficlens report``: where it writes, what it passes to the analysis, and its one-line errors."""

from __future__ import annotations

import pytest

from ficlens import cli
from ficlens.commands import report
from ficlens.model import Character, Quote, Work

STORY = 'Mara lit the lamp. "Storm tonight," she said.\n\n"Then we wait," said Jonah.\n'


@pytest.fixture
def story_file(tmp_path):
    path = tmp_path / "in" / "storm-night.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return path


def test_default_output_is_stem_dot_report_html_in_the_current_folder(story_file, tmp_path, monkeypatch):
    out_dir = tmp_path / "cwd"
    out_dir.mkdir()
    monkeypatch.chdir(out_dir)
    assert cli.main(["report", str(story_file)]) == 0
    page = (out_dir / "storm-night.report.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "Content-Security-Policy" in page
    assert "Storm tonight," in page
    assert not list(out_dir.glob(".*.part"))          # atomic write left no temporary file


def test_output_option_and_cast_reach_the_analysis(story_file, tmp_path, monkeypatch):
    seen = {}

    def fake_analyze(path, options):
        seen["path"], seen["cast"] = path, options.characters
        w = Work(text=STORY)
        w.characters = [Character("mara", "Mara"), Character("jonah", "Jonah")]
        w.quotes = [Quote(STORY.index('"Storm'), STORY.index(" she"), "mara", ["jonah"], 0.9, "explicit")]
        return w

    monkeypatch.setattr(report, "analyze", fake_analyze)
    out = tmp_path / "out" / "view.html"
    assert cli.main(["report", str(story_file), "-o", str(out), "--characters", "Mara; Jonah Reed ;"]) == 0
    assert seen == {"path": story_file, "cast": ["Mara", "Jonah Reed"]}
    page = out.read_text(encoding="utf-8")
    assert '<span class="q s0" data-q="0" tabindex="0">"Storm tonight,"</span>' in page
    assert 'data-c="1"' in page and ">Jonah</span>" in page


def test_a_ficlens_json_document_is_rendered_without_reanalysis(tmp_path, monkeypatch):
    w = Work(text=STORY, metadata={"title": "From JSON"})
    src = tmp_path / "storm.json"
    src.write_text(w.to_json(), encoding="utf-8")
    monkeypatch.setattr(report, "analyze", lambda *a, **k: pytest.fail("should not analyze"))
    out = tmp_path / "storm.html"
    assert cli.main(["report", str(src), "-o", str(out)]) == 0
    assert "<h1>From JSON</h1>" in out.read_text(encoding="utf-8")


def test_missing_input_is_one_line_error_without_traceback(tmp_path, capsys):
    assert cli.main(["report", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ficlens: error:") and "no such file" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_output_that_is_a_folder_is_refused(story_file, tmp_path, capsys):
    assert cli.main(["report", str(story_file), "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
