"""Quote detection precision / recall / F1 on PDNC (structure + language + quotes only).

A gold quote is found when a predicted quote overlaps one of its sub-spans by at least half of
that sub-span's characters; a prediction is correct when it overlaps some gold sub-span by half
of that sub-span or half of itself. Usage: ``python scripts/measure_quotes.py [--data DIR] [NOVEL ...]``

``--litbank`` scores LitBank instead: its quotes are over tokenised text, so each token is found again
in ``original/`` (in order) and only the annotated opening (~2,000 words) is scored.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import csv
import os
import sys
import time
from pathlib import Path

from ficlens.options import Options
from ficlens.pipeline import analyze

DEFAULT_DATA = Path(os.environ.get("FICLENS_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def gold_spans(novel_dir: Path) -> list[list[tuple[int, int]]]:
    """Per gold quote, its sub-spans."""
    with open(novel_dir / "quotation_info.csv", newline="", encoding="utf-8") as handle:
        return [[(int(s), int(e)) for s, e in ast.literal_eval(row["quoteByteSpans"])]
                for row in csv.DictReader(handle)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _near(spans: list[tuple[int, int]], starts: list[int], span: tuple[int, int]) -> list[tuple[int, int]]:
    """Spans that may overlap ``span`` (sorted input; predicted spans can be long, so look back)."""
    k = bisect.bisect_left(starts, span[1])
    return [s for s in spans[max(0, k - 40):k] if s[1] > span[0]]


def score(gold: list[list[tuple[int, int]]], predicted: list[tuple[int, int]]):
    """(found gold, gold total, correct predictions, prediction total, missed, wrong)."""
    predicted = sorted(predicted)
    pred_starts = [s for s, _ in predicted]
    subs = sorted(span for quote in gold for span in quote)
    sub_starts = [s for s, _ in subs]
    missed, wrong = [], []
    found = 0
    for quote in gold:
        hit = any(_overlap(p, sub) * 2 >= sub[1] - sub[0]
                  for sub in quote for p in _near(predicted, pred_starts, sub))
        found += hit
        if not hit:
            missed.append(quote[0])
    correct = 0
    for p in predicted:
        ok = any(_overlap(p, sub) * 2 >= min(sub[1] - sub[0], p[1] - p[0])
                 for sub in _near(subs, sub_starts, p))
        correct += ok
        if not ok:
            wrong.append(p)
    return found, len(gold), correct, len(predicted), missed, wrong


def litbank_gold(litbank: Path, name: str, text: str) -> tuple[list[list[tuple[int, int]]], int]:
    """LitBank gold quotes as character spans of the original text, and where the annotated part ends."""
    sentences = (litbank / "quotations" / "tsv" / f"{name}_brat.txt").read_text(encoding="utf-8").split("\n")
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    cursor = 0
    for sent, line in enumerate(sentences):
        for tok, token in enumerate(line.split(" ")):
            if not token:
                continue
            at = text.find(token, cursor, cursor + 200)
            if at >= 0:
                offsets[sent, tok] = (at, at + len(token))
                cursor = at + len(token)
    gold = []
    annotations = (litbank / "quotations" / "tsv" / f"{name}_brat.ann").read_text(encoding="utf-8")
    for line in annotations.splitlines():
        parts = line.split("\t")
        if parts[0] != "QUOTE":
            continue
        s_sent, s_tok, e_sent, e_tok = (int(x) for x in parts[2:6])
        if (s_sent, s_tok) in offsets and (e_sent, e_tok) in offsets:
            gold.append([(offsets[s_sent, s_tok][0], offsets[e_sent, e_tok][1])])
    return gold, cursor


def run_litbank(data: Path, names: list[str], show: int, speech_only: bool) -> list[int]:
    litbank = data / "litbank"
    folder = litbank / "quotations" / "tsv"
    names = names or sorted(p.name[:-len("_brat.ann")] for p in folder.glob("*.ann"))
    totals = [0, 0, 0, 0]
    for name in names:
        path = litbank / "original" / f"{name}.txt"
        work = analyze(path, Options(until="quotes"))
        gold, region_end = litbank_gold(litbank, name, work.text)
        if not gold:
            continue
        predicted = [(q.start, q.end) for q in work.quotes
                     if q.start < region_end and (not speech_only or q.mode == "speech")]
        found, n_gold, correct, n_pred, missed, wrong = score(gold, predicted)
        for k, value in enumerate((found, n_gold, correct, n_pred)):
            totals[k] += value
        if show:
            print(f"{name:40} found {found}/{n_gold}  correct {correct}/{n_pred}")
            for s, e in missed[:show]:
                print("   MISS", repr(work.text[max(0, s - 30):e + 10][:160]))
            for s, e in wrong[:show]:
                print("   FALSE", repr(work.text[max(0, s - 30):e + 10][:160]))
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("novels", nargs="*", help="PDNC folder names (default: all)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--speech-only", action="store_true",
                        help="score speech quotes only (PDNC annotates quoted thought too)")
    parser.add_argument("--show", type=int, default=0, help="print this many misses / false hits per novel")
    parser.add_argument("--litbank", action="store_true", help="score LitBank quotations instead of PDNC")
    args = parser.parse_args()
    if args.litbank:
        started = time.perf_counter()
        found, n_gold, correct, n_pred = run_litbank(args.data, args.novels, args.show, args.speech_only)
        p, r = correct / max(n_pred, 1), found / max(n_gold, 1)
        print(f"LitBank micro: P {p:.1%}  R {r:.1%}  F1 {2 * p * r / max(p + r, 1e-9):.1%}  gold {n_gold}"
              f"  pred {n_pred}  ({time.perf_counter() - started:.1f} s)")
        return 0
    pdnc = args.data / "pdnc"
    if not pdnc.is_dir():
        print(f"PDNC not found at {pdnc}", file=sys.stderr)
        return 1
    names = args.novels or sorted(p.name for p in pdnc.iterdir() if (p / "quotation_info.csv").is_file())
    totals = [0, 0, 0, 0]
    started = time.perf_counter()
    print(f"{'novel':32} {'P':>6} {'R':>6} {'F1':>6}  gold  pred")
    for name in names:
        path = pdnc / name / "novel_text.txt"
        work = analyze(path, Options(until="quotes"))
        predicted = [(q.start, q.end) for q in work.quotes if not args.speech_only or q.mode == "speech"]
        found, n_gold, correct, n_pred, missed, wrong = score(gold_spans(pdnc / name), predicted)
        for k, value in enumerate((found, n_gold, correct, n_pred)):
            totals[k] += value
        p, r = correct / max(n_pred, 1), found / max(n_gold, 1)
        print(f"{name:32} {p:6.1%} {r:6.1%} {2 * p * r / max(p + r, 1e-9):6.1%}  {n_gold:5} {n_pred:5}")
        for s, e in missed[: args.show]:
            print("   MISS", repr(work.text[max(0, s - 30):e + 10][:160]))
        for s, e in wrong[: args.show]:
            print("   FALSE", repr(work.text[max(0, s - 30):e + 10][:160]))
    p, r = totals[2] / max(totals[3], 1), totals[0] / max(totals[1], 1)
    print(f"{'micro':32} {p:6.1%} {r:6.1%} {2 * p * r / max(p + r, 1e-9):6.1%}  {totals[1]:5} {totals[3]:5}"
          f"   ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
