"""The evaluation table: settings labelled, micro averages summed, BookNLP's gap stated."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from ficlens.eval import report
from ficlens.eval.runner import END_TO_END, GOLD_SPANS, SETTINGS, NovelResult
from ficlens.eval.scoring import Scores


def result(name: str, strict: int, total: int, system: str = "ficlens",
           gold_strict: int | None = None) -> NovelResult:
    r = NovelResult("pdnc", name, system=system)
    r.scores[END_TO_END] = Scores(gold_quotes=total, found=total, strict_right=strict,
                                  lenient_right=strict, by_type={"Explicit": [total, strict, strict]})
    if gold_strict is not None:
        r.scores[GOLD_SPANS] = Scores(gold_quotes=total, found=total, strict_right=gold_strict,
                                      lenient_right=gold_strict)
    return r


def printed(table_rows: list[dict], settings: tuple[str, ...]) -> str:
    out = io.StringIO()
    report.render(table_rows, settings, Console(file=out, width=250))
    return out.getvalue()


def test_rows_micro_average_and_booknlp_beside_ours() -> None:
    ours = [result("Emma", 50, 100, gold_strict=60), result("Daisy", 30, 100, gold_strict=40)]
    theirs = [result("Emma", 24, 100, system="BookNLP")]
    rows = report.rows(ours, theirs)
    assert [r["row"] for r in rows] == ["pdnc/Emma", "pdnc/Emma (BookNLP)", "pdnc/Daisy",
                                        "pdnc micro-average"]
    assert rows[-1]["strict"] == pytest.approx(0.4)
    assert rows[-1]["gold-span strict"] == pytest.approx(0.5)
    assert rows[1]["seconds"] is None and rows[1]["addressees"] is None
    text = printed(rows, SETTINGS)
    assert "END-TO-END" in text and "gold-span" in text
    assert "vs BookNLP 24.0" in text and "gap +26.0" in text


def test_gold_span_only_table_says_so_and_errors_are_listed() -> None:
    failed = NovelResult("pdnc", "Broken", errors={GOLD_SPANS: "ValueError: boom [x]"})
    rows = report.rows([result("Emma", 50, 100), failed])
    text = printed(rows, (GOLD_SPANS,))
    assert "GIVEN GOLD QUOTE SPANS" in text
    assert "failed" in text and "ValueError: boom [x]" in text
