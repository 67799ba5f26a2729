"""Every bad input through `ficlens analyze BAD -o out.json`: one line on stderr naming the file
and the reason, a non-zero exit, no out.json, bounded memory; and folders / zips that mix good and
bad works through ``iter_works``."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
import ingest_fixtures as fx

from ficlens.cli import main
from ficlens.errors import InputError
from ficlens.ingest import iter_works
from ficlens.model import Work


def _bomb_epub(path: Path, megabytes: int = 120) -> Path:
    """An EPUB whose one chapter is ``megabytes`` of zeros, deflated to a few hundred KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", fx._container("content.opf"))
        with zf.open("chapter.xhtml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                handle.write(chunk)
    return path


def _make(kind: str, folder: Path) -> Path:
    """The bad input ``kind``, written into ``folder``."""
    if kind == "empty":
        (path := folder / "empty.txt").write_bytes(b"")
    elif kind == "binary":
        (path := folder / "noise.txt").write_bytes(bytes(range(256)) * 40)
    elif kind == "truncated_epub":
        good = fx.ao3_epub(folder / "good.epub").read_bytes()
        (path := folder / "cut.epub").write_bytes(good[: len(good) // 2])
    elif kind == "climbing_epub":
        path = fx.ao3_epub(folder / "climb.epub")
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr("../../escape.xhtml", "<html><body><p>gotcha</p></body></html>")
    elif kind == "bomb_epub":
        path = _bomb_epub(folder / "bomb.epub")
    elif kind == "html_no_body":
        (path := folder / "nobody.html").write_text("<!DOCTYPE html><html><head><title>Story</title>"
                                                    "</head></html>", encoding="utf-8")
    elif kind == "sparse_200mb":
        path = folder / "huge.txt"
        with path.open("wb") as handle:
            handle.truncate(200 * 1024 * 1024)
    elif kind == "missing":
        path = folder / "missing.txt"
    else:
        (path := folder / "a_folder").mkdir()
    return path


REASONS = {
    "empty": "empty", "binary": "binary", "truncated_epub": "truncated", "climbing_epub": "unsafe",
    "bomb_epub": "zip bomb", "html_no_body": "no readable text", "sparse_200mb": "limit",
    "missing": "no such file", "directory": "directory",
}


@pytest.mark.parametrize("kind", list(REASONS))
def test_cli_one_line_error_and_no_output(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = _make(kind, tmp_path)
    out = tmp_path / "out.json"
    code = main(["analyze", str(bad), "-o", str(out)])
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code != 0
    assert len(lines) == 1, captured.err
    assert str(bad) in lines[0] and REASONS[kind] in lines[0]
    assert "Traceback" not in captured.err and captured.out == ""
    assert not out.exists()


_PEAK = """
import resource, sys
from ficlens.cli import build_parser, main
build_parser()   # imports every command first, so the growth measured below is the input's alone
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
code = main(sys.argv[1:])
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
sys.exit(code)
"""


@pytest.mark.parametrize("kind", ["bomb_epub", "sparse_200mb"])
def test_cli_memory_stays_bounded(kind: str, tmp_path: Path) -> None:
    """A 120 MB bomb and a 200 MB file are refused before they are read: the process's peak
    memory grows by a few MB at most, not by the size of the input."""
    bad = _make(kind, tmp_path)
    command = [sys.executable, "-c", _PEAK, "analyze", str(bad), "-o", str(tmp_path / "o.json")]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "FICLENS_DEBUG": ""})
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1
    assert int(proc.stdout.strip()) < 40, f"peak RSS grew by {proc.stdout.strip()} MB"


def _mixed(folder: Path) -> None:
    folder.mkdir()
    (folder / "a_story.txt").write_text("Wren kept the light all night long.\n", encoding="utf-8")
    fx.ao3_epub(folder / "b_good.epub")
    for kind in ("empty", "truncated_epub", "climbing_epub", "bomb_epub"):
        _make(kind, folder)
    (folder / "good.epub").unlink()   # the truncated EPUB's source copy


def test_iter_works_folder_with_good_and_bad_members(tmp_path: Path) -> None:
    _mixed(tmp_path / "works")
    results = list(iter_works(tmp_path / "works"))
    names = {Path(r.source["path"] if isinstance(r, Work) else r.path).name: r for r in results}
    assert sorted(names) == ["a_story.txt", "b_good.epub", "bomb.epub", "climb.epub", "cut.epub", "empty.txt"]
    assert isinstance(names["a_story.txt"], Work) and isinstance(names["b_good.epub"], Work)
    assert names["b_good.epub"].source["format"] == "ao3-epub"
    for name, word in (("bomb.epub", "bomb"), ("climb.epub", "unsafe"), ("cut.epub", "truncated"),
                       ("empty.txt", "empty")):
        assert isinstance(names[name], InputError) and word in names[name].reason


def test_iter_works_zip_with_good_and_bad_members(tmp_path: Path) -> None:
    folder = tmp_path / "works"
    _mixed(folder)
    (folder / "bomb.epub").unlink()   # a bomb inside a zip is refused by the archive's own cap
    archive = tmp_path / "works.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in sorted(folder.iterdir()):
            zf.write(file, file.name)
    results = list(iter_works(archive))
    kinds = {(r.source["path"] if isinstance(r, Work) else r.path).split("!")[1]: r for r in results}
    assert isinstance(kinds["a_story.txt"], Work) and isinstance(kinds["b_good.epub"], Work)
    assert "unsafe" in kinds["climb.epub"].reason and "truncated" in kinds["cut.epub"].reason
    assert "empty" in kinds["empty.txt"].reason
