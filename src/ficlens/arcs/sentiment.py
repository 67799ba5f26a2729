"""VADER sentence scores, loaded once per process, sampled evenly past a cap."""

from __future__ import annotations

from functools import lru_cache

MAX_SENTENCES = 12_000  # ~0.5 s of VADER; longer works are sampled evenly (stated in arcs.method)


@lru_cache(maxsize=1)
def analyzer():
    """VADER's analyzer (its lexicon ships with the package: offline)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sample_evenly(items: list, cap: int) -> list:
    """At most ``cap`` items spread evenly over ``items`` (all of them when there are fewer)."""
    if len(items) <= cap:
        return items
    step = len(items) / cap
    return [items[int(i * step)] for i in range(cap)]


def score(text: str) -> dict[str, float]:
    """VADER ``compound``/``pos``/``neg``/``neu`` of one sentence."""
    return analyzer().polarity_scores(text)


def mean_scores(scores: list[dict[str, float]]) -> dict[str, float]:
    """Average compound/pos/neg of a list of sentence scores (zeros when empty)."""
    if not scores:
        return {"compound": 0.0, "pos": 0.0, "neg": 0.0}
    n = len(scores)
    return {k: round(sum(s[k] for s in scores) / n, 4) for k in ("compound", "pos", "neg")}
