"""Bad input: every case is an InputError naming the file with a one-line reason (never a
traceback), and memory stays bounded (sizes are checked before reading)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
import ingest_fixtures as fx

from ficlens.errors import InputError
from ficlens.ingest import iter_works, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_path(path)
    err = info.value
    assert str(path) in str(err)
    assert "\n" not in str(err)
    return err


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "nope.txt").reason


def test_directory_to_read_path(tmp_path: Path) -> None:
    assert "directory" in _error(tmp_path).reason


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in _error(path).reason


@pytest.mark.parametrize("data, word", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"\xff\xd8\xff\xe0" + bytes(200), "JPEG"),
    (b"Once upon a time\x00\x01\x02\x00\x00\xff\xfe binary junk" * 10, "binary"),
    (bytes(range(1, 32)) * 40, "binary"),
])
def test_binary_files(tmp_path: Path, data: bytes, word: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    assert word in _error(path).reason


def test_text_over_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk and must cost no memory
    assert "limit" in _error(path).reason


def test_size_limit_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The lamp turned. " * 100, encoding="utf-8")
    monkeypatch.setenv("FICLENS_MAX_BYTES", "1000")
    assert "FICLENS_MAX_BYTES" in _error(path).reason
    monkeypatch.setenv("FICLENS_MAX_BYTES", "100000")
    assert read_path(path).text.startswith("The lamp")


def test_truncated_epub(tmp_path: Path) -> None:
    good = fx.ao3_epub(tmp_path / "good.epub").read_bytes()
    path = tmp_path / "cut.epub"
    path.write_bytes(good[: len(good) // 2])
    assert "corrupt" in _error(path).reason or "truncated" in _error(path).reason


def _epub_without(tmp_path: Path, drop: str) -> Path:
    good = fx.ao3_epub(tmp_path / "good.epub")
    path = tmp_path / f"no-{drop.replace('/', '_')}.epub"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            if not info.filename.endswith(drop):
                dst.writestr(info, src.read(info))
    return path


@pytest.mark.parametrize("drop, word", [
    ("container.xml", "container.xml"),
    ("content.opf", "OPF"),
    ("The_Tide_Clock_split_007.xhtml", "spine item"),
])
def test_epub_missing_parts(tmp_path: Path, drop: str, word: str) -> None:
    path = _epub_without(tmp_path, drop)
    if drop == "container.xml":  # without container.xml it is no EPUB: a zip of things
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr("META-INF/container.xml", "<container><rootfiles/></container>")
        word = "OPF"
    assert word in _error(path).reason


@pytest.mark.parametrize("name", ["../escape.xhtml", "/etc/passwd", "OEBPS/../../up.xhtml", "C:/win.xhtml"])
def test_epub_entries_climbing_out_are_refused(tmp_path: Path, name: str) -> None:
    path = fx.ao3_epub(tmp_path / "evil.epub")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(zipfile.ZipInfo(name), "<html><body><p>gotcha</p></body></html>")
    assert "unsafe" in _error(path).reason


def test_opf_href_climbing_out_is_refused(tmp_path: Path) -> None:
    docs = [("../../outside.xhtml", "<html><body><p>x</p></body></html>")]
    path = fx.write_epub(tmp_path / "href.epub", [("ok.xhtml", "<html><body><p>fine</p></body></html>")],
                         "<dc:title>t</dc:title>", opf_dir="OEBPS")
    with zipfile.ZipFile(path) as src:
        opf = src.read("OEBPS/content.opf").decode().replace('href="ok.xhtml"', f'href="{docs[0][0]}"')
        entries = [(i, src.read(i)) for i in src.infolist() if i.filename != "OEBPS/content.opf"]
    bad = tmp_path / "href2.epub"
    with zipfile.ZipFile(bad, "w") as dst:
        for info, data in entries:
            dst.writestr(info, data)
        dst.writestr("OEBPS/content.opf", opf)
    assert "leaves the archive" in _error(bad).reason


def _bomb(path: Path, size: int, declared_ok: bool = False) -> Path:
    """A zip of zeros; with ``declared_ok`` the header claims a tiny size (a lying bomb)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("story.txt", "w", force_zip64=True) as handle:
        chunk = b"\0" * (1 << 20)
        for _ in range(size >> 20):
            handle.write(chunk)
    if declared_ok:
        data = bytearray(path.read_bytes())
        # patch the central directory's uncompressed size down to 1 KB
        cd = data.rfind(b"PK\x01\x02")
        data[cd + 24:cd + 28] = (1024).to_bytes(4, "little")
        path.write_bytes(bytes(data))
    return path


def test_zip_bomb_declared_size(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.zip", 64 * 1024 * 1024)
    results = list(iter_works(bomb))
    assert len(results) == 1 and isinstance(results[0], InputError)
    assert "decompress" in results[0].reason


def test_zip_bomb_lying_header_is_capped_while_reading(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "liar.zip", 64 * 1024 * 1024, declared_ok=True)
    results = list(iter_works(bomb))
    assert len(results) == 1 and isinstance(results[0], InputError)
    assert "bomb" in results[0].reason or "corrupt" in results[0].reason


def test_html_without_readable_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title><script>var a=1;</script></head><body> <p>&nbsp;</p>"
                    "</body></html>", encoding="utf-8")
    assert "no readable text" in _error(path).reason


def test_zip_passed_to_read_path(tmp_path: Path) -> None:
    path = tmp_path / "works.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.txt", "One story.")
    assert "zip archive" in _error(path).reason


def test_read_bytes_names_the_member() -> None:
    with pytest.raises(InputError) as info:
        read_bytes(b"", "archive.zip!inner.txt")
    assert str(info.value).startswith("archive.zip!inner.txt: ")


def test_corrupt_bytes_in_memory_zip() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
    data = buf.getvalue()[:-10]
    with pytest.raises(InputError):
        read_bytes(data, "broken.epub")


@pytest.mark.parametrize("make", ["empty", "binary", "missing"])
def test_cli_prints_one_line_and_fails(tmp_path: Path, make: str) -> None:
    path = tmp_path / "bad.txt"
    if make == "empty":
        path.write_bytes(b"")
    elif make == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    exe = ROOT / ".venv" / "bin" / "ficlens"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "ficlens"]
    proc = subprocess.run([*cmd, "analyze", str(path)], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0] and "Traceback" not in proc.stderr


def test_archive_reads_are_capped_by_bytes_actually_read(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from ficlens.ingest import limits
    from ficlens.ingest.safezip import SafeZip

    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", b"\0" * (3 << 20))
    archive = SafeZip(path)
    monkeypatch.setattr(limits, "MAX_ARCHIVE_ENTRY", 1 << 20)
    with pytest.raises(InputError, match="bomb"):
        archive.read("a.txt")


def test_word_document_is_refused_not_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document>The lamp.</w:document>")
    assert "Word" in _error(path).reason
    results = list(iter_works(path))
    assert len(results) == 1 and isinstance(results[0], InputError)
