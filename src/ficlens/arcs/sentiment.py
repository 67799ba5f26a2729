"""VADER sentence scores, loaded once per process, sampled evenly past a cap."""

from __future__ import annotations

import re
import string
from functools import lru_cache

MAX_SENTENCES = 12_000  # ~0.5 s of VADER; longer works are sampled evenly (stated in arcs.method)


@lru_cache(maxsize=1)
def analyzer():
    """VADER's analyzer (its lexicon ships with the package: offline), made linear in sentence
    length (see :func:`_windowed_analyzer_class`)."""
    return _windowed_analyzer_class()()


def _windowed_analyzer_class():
    """VADER with its two look-around checks given only the words they read.

    Stock VADER lowercases the *whole* sentence for every sentiment word it checks, which is
    quadratic: on a long Austen sentence that was most of the arcs stage. Both checks read at
    most three words back and two ahead of word ``i`` and are only called with ``i >= start_i + 1``
    (``i >= 3`` for the idiom check), so a slice gives identical scores (tests/test_arcs.py).
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class WindowedAnalyzer(SentimentIntensityAnalyzer):
        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            offset = max(0, i - 3)
            return SentimentIntensityAnalyzer._negation_check(
                valence, words_and_emoticons[offset : i + 1], start_i, i - offset
            )

        @staticmethod
        def _special_idioms_check(valence, words_and_emoticons, i):
            return SentimentIntensityAnalyzer._special_idioms_check(
                valence, words_and_emoticons[i - 3 : i + 3], 3
            )

    return WindowedAnalyzer


def sample_evenly(items: list, cap: int) -> list:
    """At most ``cap`` items spread evenly over ``items`` (all of them when there are fewer)."""
    if len(items) <= cap:
        return items
    step = len(items) / cap
    return [items[int(i * step)] for i in range(cap)]


_ZERO = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_TOKEN = re.compile(r"[^\s]+")


def score(text: str) -> dict[str, float]:
    """VADER ``compound``/``pos``/``neg``/``neu`` of one sentence.

    A sentence with no lexicon word (about a quarter of a novel's) scores zero in VADER whatever
    else it holds, so it skips the analyzer; text with emoji (VADER reads their names) never does.
    """
    lexicon = analyzer().lexicon
    if text.isascii():
        tokens = [t.lower() for t in _TOKEN.findall(text)]
        if not any(t in lexicon or t.strip(string.punctuation) in lexicon for t in tokens):
            return dict(_ZERO)
    return analyzer().polarity_scores(text)


def mean_scores(scores: list[dict[str, float]]) -> dict[str, float]:
    """Average compound/pos/neg of a list of sentence scores (zeros when empty)."""
    if not scores:
        return {"compound": 0.0, "pos": 0.0, "neg": 0.0}
    n = len(scores)
    return {k: round(sum(s[k] for s in scores) / n, 4) for k in ("compound", "pos", "neg")}
