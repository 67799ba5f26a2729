"""Training the speaker scorer on PDNC (``make train`` / ``ficlens train``).

Every PDNC novel is analysed with its gold quote spans and the rules only; for each quote the
rules do not settle, the candidates' feature rows are labelled by the gold speaker (through the
same alias mapping the evaluation uses). A conditional logit (softmax over each quote's
candidates) is fitted by full-batch gradient descent with L2, deterministic for a given seed.
K leave-novels-out fold models (novels sorted by name, dealt round-robin, exactly as
``ficlens.eval`` deals them) are written beside the all-novel model, plus the rules'
per-evidence accuracy as the confidence table.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ficlens.speakers.decode import decode, decode_work, forced_rows
from ficlens.speakers.scorer import FEATURES, Model, design, design_width, softmax

Group = tuple[np.ndarray, np.ndarray]   # (rows, labels) of one quote's candidates


@dataclass
class Novel:
    """One PDNC novel run through the rules with its gold quote spans, kept for every round."""

    name: str
    ctx: object                       # speakers.context.Context
    labels_of: dict[int, str]         # quote index -> gold speaker id
    strict: dict[str, str]            # predicted character -> gold character (the eval's map)
    rule_turns: list[tuple]           # the turns' (speaker, evidence) as the rules left them

    def restore(self) -> None:
        for turn, (speaker, evidence) in zip(self.ctx.turns, self.rule_turns, strict=True):
            turn.speaker, turn.evidence = speaker, evidence

    def groups(self, previous: dict[int, str | None] | None) -> list[Group]:
        """Labelled candidate rows; the previous turns hold ``previous`` speakers (a decoding's
        reading), or the rules' speakers when None."""
        self.restore()
        out = []
        for qi, cands, rows in forced_rows(self.ctx, previous):
            if qi in self.labels_of:
                out.append((rows, np.array([self.strict.get(c) == self.labels_of[qi] for c in cands],
                                           dtype=float)))
        self.restore()
        return out

    def decoded(self, model: Model, passes: Callable = decode) -> dict[int, str | None]:
        """The speakers a decoding gives the quotes the scorer decides (``decode_work`` for both
        passes a run makes; one pass, as training learns from)."""
        self.restore()
        reading = {qi: speaker for qi, (speaker, _) in passes(self.ctx, model).items()}
        self.restore()
        return reading

    def decoded_accuracy(self, model: Model) -> tuple[int, int]:
        """Held-out figure: the two-pass decoding a run uses."""
        reading = self.decoded(model, decode_work)
        scored = [qi for qi in reading if qi in self.labels_of]
        return sum(self.strict.get(reading[qi]) == self.labels_of[qi] for qi in scored), len(scored)


def load_training_novel(folder: Path) -> tuple[Novel, Counter, Counter]:
    """A novel ready for training, and the rules' evidence totals/rights (the confidence table)."""
    from ficlens.eval.pdnc import load_novel
    from ficlens.eval.scoring import Prediction, map_characters
    from ficlens.ingest import read_path
    from ficlens.options import Options
    from ficlens.pipeline import STAGES, stage

    novel = load_novel(folder)
    work = read_path(Path(novel.path))
    options = Options(gold_quotes=novel.all_spans(), extra={"speaker_model": "none"})
    for name in STAGES[:STAGES.index("speakers") + 1]:
        stage(name)(work, options)
    prediction = Prediction.from_work(work)
    strict, _ = map_characters(prediction.characters, novel.characters, prediction.quote_counts())
    gold_by_span = {span: g for g in novel.quotes for span in g.spans}
    ctx = work.runtime["speakers.context"]
    totals, rights = Counter(), Counter()
    labels_of: dict[int, str] = {}
    for qi, q in enumerate(work.quotes):
        gold = gold_by_span.get((q.start, q.end))
        if gold is None or gold.speaker is None:
            continue
        labels_of[qi] = gold.speaker
        evidence = q.evidence or "none"
        totals[evidence] += 1
        rights[evidence] += strict.get(q.speaker) == gold.speaker
    rule_turns = [(t.speaker, t.evidence) for t in ctx.turns]
    return Novel(folder.name, ctx, labels_of, strict, rule_turns), totals, rights


def fit_decoder(novels: list[Novel], seed: int) -> Model:
    """Two rounds: a first model learns from the rules' view of the neighbouring turns; the
    shipped one learns from the readings the first one's decoding produces (labels stay gold),
    so it sees previous turns as right or wrong as they will be when it decodes."""
    first = fit([g for n in novels for g in n.groups(None)], seed)
    return fit([g for n in novels for g in n.groups(n.decoded(first))], seed)


def fit(groups: list[Group], seed: int = 0, l2: float = 1e-3, steps: int = 1500, rate: float = 1.0,
        pairwise: bool = True) -> Model:
    """Conditional logit over candidate groups that contain the right speaker."""
    usable = [(design(r, pairwise), y) for r, y in groups if y.any() and len(y) > 1]
    rng = np.random.default_rng(seed)
    # single precision: the design matrix is the memory the descent streams through each step
    w = rng.normal(0, 0.01, design_width(pairwise)).astype(np.float32)
    x = np.vstack([r for r, _ in usable]).astype(np.float32)
    y = np.concatenate([y / y.sum() for _, y in usable]).astype(np.float32)
    bounds = np.cumsum([0] + [len(r) for r, _ in usable])[:-1]
    n = len(usable)
    for _ in range(steps):
        s = x @ w
        s = s - np.repeat(np.maximum.reduceat(s, bounds), np.diff(np.append(bounds, len(s))))
        e = np.exp(s)
        p = e / np.repeat(np.add.reduceat(e, bounds), np.diff(np.append(bounds, len(s))))
        grad = x.T @ (p - y) / n + np.float32(l2) * w
        w -= np.float32(rate) * grad
    return Model(list(FEATURES), w.astype(np.float64), 0.0, "trained", pairwise)


def accuracy(model: Model, groups: list[Group]) -> tuple[int, int]:
    right = sum(bool(y[int(softmax(model.scores(r)).argmax())]) for r, y in groups if len(y))
    return right, len(groups)


def train(data: Path, out: Path, folds: int = 5, seed: int = 0, novels: list[str] | None = None,
          log=print) -> dict:
    from ficlens.eval.pdnc import novel_folders

    folders = sorted(novel_folders(data / "pdnc", novels), key=lambda p: p.name)
    loaded: dict[str, Novel] = {}
    totals, rights = Counter(), Counter()
    for folder in folders:
        started = time.perf_counter()
        novel, t, r = load_training_novel(folder)
        loaded[folder.name] = novel
        totals.update(t)
        rights.update(r)
        log(f"{folder.name}: {len(novel.labels_of)} gold quotes ({time.perf_counter() - started:.1f}s)")
    names = sorted(loaded)
    out.mkdir(parents=True, exist_ok=True)
    report: dict = {"novels": names, "folds": folds, "seed": seed, "held_out": {}}
    if folds > 1:
        fold_of = {name: i % folds for i, name in enumerate(names)}
        held_right = held_total = 0
        for i in range(folds):
            model = fit_decoder([loaded[n] for n in names if fold_of[n] != i], seed)
            held = [n for n in names if fold_of[n] == i]
            meta = {"trained_on": [n for n in names if fold_of[n] != i], "held_out": held, "seed": seed}
            (out / f"speaker_fold{i}of{folds}.json").write_text(model.to_json(meta), encoding="utf-8")
            for n in held:
                r, t = loaded[n].decoded_accuracy(model)
                report["held_out"][n] = round(r / max(t, 1), 4)
                held_right, held_total = held_right + r, held_total + t
                log(f"fold {i}: {n} held out: decoding right on {r}/{t} of the quotes it decides")
        report["held_out_micro"] = round(held_right / max(held_total, 1), 4)
    model = fit_decoder([loaded[n] for n in names], seed)
    (out / "speaker_scorer.json").write_text(model.to_json({"trained_on": names, "seed": seed}),
                                             encoding="utf-8")
    table = {k: round(rights[k] / totals[k], 3) for k in totals if totals[k] >= 20}
    (out / "calibration.json").write_text(json.dumps({"accuracy": table, "trained_on": names}, indent=1),
                                          encoding="utf-8")
    log(json.dumps(report))
    return report


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


def add_arguments(p) -> None:
    default_out = Path(__file__).resolve().parent / "data"
    p.add_argument("--data", type=Path, default=Path("../shared/data"), help="folder holding pdnc/")
    p.add_argument("--out", type=Path, default=default_out, help="where the weights go")
    p.add_argument("--folds", type=int, default=5, help="leave-novels-out folds (1: no folds)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--novels", default=None, help="comma-separated PDNC folder names (default: all)")


def run(args) -> int:
    from ficlens.errors import InputError

    if not (args.data / "pdnc").is_dir():
        raise InputError(args.data, "no pdnc/ folder here (point --data at ../shared/data)")
    novels = [n.strip() for n in args.novels.split(",")] if args.novels else None
    train(args.data, args.out, args.folds, args.seed, novels, log=lambda m: print(m, file=sys.stderr))
    return 0
