"""How each character talks: a word model per character, learned within the work itself.

Poirot says "mon ami" and "mademoiselle", Fagin "my dear", Mr. Woodhouse "my dear" and "poor";
a dialect speaker drops letters. The quotes that explicit name tags settle teach each
character's words; an undecided quote is then scored by how much likelier its words are from
a candidate than from the work's dialogue at large. Nothing outside the work is needed, so it
holds for any cast.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_WORD_RE = re.compile(r"[a-z]+(?:['’][a-z]+)*")
_PRIOR = 300.0          # Dirichlet smoothing mass: a character with few settled words stays near 0
_MIN_WORDS = 40         # settled words before a character's model is trusted at all


def quote_words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


class StyleModel:
    """Per-character word counts from settled quotes, against the work's dialogue as background."""

    def __init__(self, quote_texts: list[str], settled_speakers: dict[int, str]):
        self.words = [quote_words(t) for t in quote_texts]
        background = Counter(w for ws in self.words for w in ws)
        self.total = sum(background.values()) or 1
        vocabulary = len(background) + 1
        self.p_bg = {w: (n + 0.5) / (self.total + 0.5 * vocabulary) for w, n in background.items()}
        self.unseen = 0.5 / (self.total + 0.5 * vocabulary)
        counts: dict[str, Counter] = {}
        for qi, speaker in settled_speakers.items():
            counts.setdefault(speaker, Counter()).update(self.words[qi])
        self.counts = {c: n for c, n in counts.items() if sum(n.values()) >= _MIN_WORDS}
        self.sizes = {c: sum(n.values()) for c, n in self.counts.items()}
        self.settled = settled_speakers

    def score(self, qi: int, character: str) -> float:
        """Log-likelihood ratio of quote ``qi``'s words under the character's model vs the
        background, with the quote itself left out of the model when it was settled."""
        counts = self.counts.get(character)
        if counts is None:
            return 0.0
        words = self.words[qi]
        own = self.settled.get(qi) == character
        size = self.sizes[character] - (len(words) if own else 0)
        total = 0.0
        for w, n in Counter(words).items():
            p_bg = self.p_bg.get(w, self.unseen)
            c = counts.get(w, 0) - (n if own else 0)
            total += n * math.log((c + _PRIOR * p_bg) / (size + _PRIOR) / p_bg)
        return total
