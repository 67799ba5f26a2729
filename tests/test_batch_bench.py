"""scripts/bench.py: the parts that need no corpus (cutting works, cost, the generated section)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_books_are_cut_into_works_of_the_corpus_size(bench, tmp_path):
    book = tmp_path / "book.txt"
    book.write_text("\n\n".join(f"Paragraph {i} " + "word " * 200 for i in range(400)))
    pieces = bench.chunk_books([book], 3, tmp_path / "pieces")
    assert len(pieces) == 3
    for piece in pieces:
        tokens = len(bench._TOKEN.findall(piece.read_text()))
        assert bench.CORPUS_TOKENS <= tokens < bench.CORPUS_TOKENS + 300


def test_cost_of_the_corpus(bench):
    cost = bench.corpus_cost(per_machine_tps=100_000, per_cpu_second=50_000)
    assert cost["core_hours"] == pytest.approx(1e11 / 50_000 / 3600)
    assert cost["ideal_wall_hours"][10] == pytest.approx(cost["core_hours"] / 20)
    assert cost["wall_hours"][1] == pytest.approx(1e11 / 100_000 / 3600)


def test_section_is_replaced_between_markers(bench, tmp_path, monkeypatch):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nIntro.\n\n{bench.START}\nold figures\n{bench.END}\n\nNotes after.\n")
    monkeypatch.setattr(bench, "DOC", doc)
    run = {"workers": 1, "works": 2, "failed": 0, "tokens": 1000, "wall_seconds": 1.0,
           "tokens_per_second": 1000.0, "tokens_per_cpu_second": 1200.0, "works_per_hour": 7200.0,
           "peak_rss_mb_per_worker": 200.0}
    results = {"machine": {"nproc": "2", "ram": "1 GiB", "cpu": "x", "python": "3.11"}, "commit": "abc",
               "quick": True, "date": "today", "single": [], "books": 2, "batch": [run], "small": [],
               "cost": bench.corpus_cost(2000.0, 1200.0)}
    bench.write_doc(bench.render(results))
    bench.write_doc(bench.render(results))
    text = doc.read_text()
    assert "old figures" not in text and text.count(bench.START) == 1
    assert text.startswith("# Benchmarks\n\nIntro.") and text.rstrip().endswith("Notes after.")
    assert "| 1 | 2 | 0 | 1,000 |" in text and "core-hours" in text
