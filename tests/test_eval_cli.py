"""``ficlens eval`` end to end on one short PDNC novel, and its user errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficlens.cli import main


@pytest.mark.data
def test_eval_pdnc_on_one_short_novel_prints_one_table(data_dir: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    if not (data_dir / "pdnc" / "DaisyMiller").is_dir():
        pytest.skip("no PDNC DaisyMiller")
    out = tmp_path / "eval.json"
    per_quote = tmp_path / "quotes.tsv"
    code = main(["eval", "pdnc", str(data_dir), "--novels", "DaisyMiller", "--quiet",
                 "--json", str(out), "--per-quote", str(per_quote)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "END-TO-END" in printed and "gold-span" in printed
    assert "pdnc/DaisyMiller" in printed and "strict" in printed
    rows = json.loads(out.read_text())["rows"]
    daisy = next(r for r in rows if r["row"] == "pdnc/DaisyMiller")
    assert daisy["quotes"] == 550
    assert 0.0 <= daisy["strict"] <= daisy["lenient"] <= 1.0
    assert daisy["gold-span strict"] is not None
    lines = per_quote.read_text().splitlines()
    assert len(lines) == 1 + 2 * 550                # header + every gold quote in both settings
    header = lines[0].split("\t")
    right = [line.split("\t")[header.index("strict_right")] for line in lines[1:551]]
    assert right.count("True") / 550 == pytest.approx(daisy["strict"])


@pytest.mark.data
def test_eval_gold_spans_only_says_so(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (data_dir / "pdnc" / "DaisyMiller").is_dir():
        pytest.skip("no PDNC DaisyMiller")
    code = main(["eval", "pdnc", str(data_dir / "pdnc"), "--novels", "DaisyMiller", "--gold-spans",
                 "--quiet", "--no-booknlp"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "GIVEN GOLD QUOTE SPANS" in printed
    # Every gold quote is fed in, so every one is found.
    assert "100.0" in printed


@pytest.mark.data
def test_eval_unknown_novel_is_a_one_line_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (data_dir / "pdnc").is_dir():
        pytest.skip("no PDNC")
    code = main(["eval", "pdnc", str(data_dir), "--novels", "NoSuchNovel"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("ficlens: error:") and "NoSuchNovel" in err and "Traceback" not in err


def test_eval_missing_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", "quoteli3", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 2 and "no quoteli3 data" in err


def test_folds_hold_out_each_novel_once_and_reach_the_options() -> None:
    from ficlens.eval.cli import fold_plan
    from ficlens.eval.gold import GoldNovel, GoldQuote
    from ficlens.eval.runner import GOLD_SPANS, options_for

    novels = [GoldNovel("pdnc", name, "text") for name in ("A", "B", "C", "D", "E")]
    fold = fold_plan(novels, 2)
    held = [fold(n)["eval_heldout"] for n in novels]
    assert held[0] == ["A", "C", "E"] and held[1] == ["B", "D"]
    assert all(n.name in h for n, h in zip(novels, held, strict=True))
    assert fold_plan(novels, 0) is None
    novel = GoldNovel("pdnc", "A", "x" * 50, quotes=[GoldQuote("q", [(30, 40), (5, 9)], "s")])
    options = options_for(novel, GOLD_SPANS, fold(novel))
    assert options.gold_quotes == [(5, 9), (30, 40)]
    assert options.extra["eval_fold"] == 0 and options.extra["eval_folds"] == 2


@pytest.mark.data
def test_module_runner_takes_the_pdnc_folder(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ficlens.eval.cli import run_corpus_cli

    if not (data_dir / "pdnc" / "WinnieThePooh").is_dir():
        pytest.skip("no PDNC WinnieThePooh")
    code = run_corpus_cli("pdnc", [str(data_dir / "pdnc"), "--novels", "WinnieThePooh",
                                   "--end-to-end", "--quiet"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "pdnc/WinnieThePooh" in printed and "END-TO-END" in printed
