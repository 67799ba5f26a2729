"""Run ficlens over gold novels (optionally in parallel worker processes) and score the results.

Nothing is cached: every run analyses the texts afresh with the code as it is now.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ficlens.eval.gold import GoldNovel
from ficlens.eval.scoring import Prediction, Scores, score_novel

END_TO_END = "end-to-end"
GOLD_SPANS = "gold-spans"
SETTINGS = (END_TO_END, GOLD_SPANS)


@dataclass
class NovelResult:
    """Scores of one novel in each setting that was run (plus any error met on the way)."""

    corpus: str
    name: str
    scores: dict[str, Scores] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    system: str = "ficlens"
    outcomes: dict[str, list[dict]] = field(default_factory=dict)   # per gold quote, if asked


def options_for(novel: GoldNovel, setting: str, fold: dict | None = None):
    """The Options of one run: gold quote spans in the gold-span setting; the held-out fold
    (for a learned speaker scorer trained leave-novels-out) in ``extra``."""
    from ficlens.options import Options

    options = Options()
    if setting == GOLD_SPANS:
        options.gold_quotes = novel.all_spans()
    if fold:
        options.extra.update(fold)
    return options


def predict(novel: GoldNovel, setting: str, fold: dict | None = None) -> Prediction:
    """Analyze one gold novel's text (from its file when it has one) in ``setting``."""
    from ficlens.pipeline import analyze

    options = options_for(novel, setting, fold)
    source: str | Path = Path(novel.path) if novel.path else novel.text
    started = time.perf_counter()
    work = analyze(source, options)
    if work.text != novel.text:
        print(f"warning: {novel.name}: ingest changed the text ({len(novel.text)} -> "
              f"{len(work.text)} chars); offsets may not line up with the gold", file=sys.stderr)
    prediction = Prediction.from_work(work)
    prediction.seconds = time.perf_counter() - started
    return prediction


Outcome = tuple[Scores | None, list[dict] | None, str | None]


def _task(novel: GoldNovel, setting: str, fold: dict | None, keep_outcomes: bool) -> Outcome:
    try:
        outcomes: list[dict] | None = [] if keep_outcomes else None
        return score_novel(novel, predict(novel, setting, fold), outcomes), outcomes, None
    except Exception as err:
        if os.environ.get("FICLENS_DEBUG"):
            traceback.print_exc()
        return None, None, f"{type(err).__name__}: {err}"


def evaluate(novels: list[GoldNovel], settings: tuple[str, ...] = SETTINGS, jobs: int = 1,
             folds: Callable[[GoldNovel], dict | None] | None = None,
             progress: Callable[[str], None] | None = None,
             keep_outcomes: bool = False) -> list[NovelResult]:
    """Score every novel in every setting; ``jobs`` > 1 runs novels in worker processes.
    ``keep_outcomes`` keeps one record per gold quote in ``NovelResult.outcomes``."""
    results = {(n.corpus, n.name): NovelResult(n.corpus, n.name) for n in novels}
    tasks = [(n, s, folds(n) if folds else None) for n in novels for s in settings]
    # Biggest texts first, so parallel workers finish together.
    tasks.sort(key=lambda t: -len(t[0].text))

    def record(novel: GoldNovel, setting: str, outcome: Outcome) -> None:
        scores, outcomes, error = outcome
        result = results[(novel.corpus, novel.name)]
        if outcomes is not None:
            result.outcomes[setting] = outcomes
        if scores is not None:
            result.scores[setting] = scores
            found = scores.found_share
            if setting == GOLD_SPANS and found is not None and found < 0.99:
                print(f"warning: {novel.corpus}/{novel.name}: only {100 * found:.1f} % of gold quotes "
                      "came back in the gold-span setting (does the quote stage honour "
                      "options.gold_quotes?)", file=sys.stderr)
        if error is not None:
            result.errors[setting] = error
        if progress:
            progress(f"{novel.corpus}/{novel.name} [{setting}] " + (error or "done"))

    if jobs <= 1 or len(tasks) <= 1:
        for novel, setting, fold in tasks:
            record(novel, setting, _task(novel, setting, fold, keep_outcomes))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [(n, s, pool.submit(_task, n, s, f, keep_outcomes)) for n, s, f in tasks]
            for novel, setting, future in futures:
                record(novel, setting, future.result())
    return [results[(n.corpus, n.name)] for n in novels]
