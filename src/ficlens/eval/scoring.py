"""The scorer of /work/shared/docs/evaluation.md: quote finding, character mapping, speaker,
addressee and quote-detection figures, and alias clustering. One scorer for every corpus.

All results are kept as counts (:class:`Scores`) so micro averages are plain sums.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote

if TYPE_CHECKING:
    from ficlens.model import Work

QUOTE_TYPES = ("Explicit", "Anaphoric", "Implicit")


# -- predictions ------------------------------------------------------------------------------
@dataclass(slots=True)
class PredQuote:
    start: int
    end: int
    speaker: str | None = None
    addressees: list[str] = field(default_factory=list)
    evidence: str | None = None        # the rule that named the speaker (ficlens only)


@dataclass(slots=True)
class PredCharacter:
    id: str
    name: str
    aliases: set[str] = field(default_factory=set)

    def alias_set(self) -> set[str]:
        return {self.name, *self.aliases}


@dataclass
class Prediction:
    """What a system said about one text: small and picklable (workers send it back)."""

    quotes: list[PredQuote] = field(default_factory=list)
    characters: list[PredCharacter] = field(default_factory=list)
    pronouns: list[tuple[int, int, str | None]] = field(default_factory=list)
    seconds: float = 0.0

    @classmethod
    def from_work(cls, work: Work) -> Prediction:
        return cls(
            quotes=[PredQuote(q.start, q.end, q.speaker, list(q.addressees), q.evidence)
                    for q in work.quotes],
            characters=[PredCharacter(c.id, c.name, set(c.aliases)) for c in work.characters],
            pronouns=[(m.start, m.end, m.character) for m in work.mentions
                      if m.kind in ("pronoun", "narrator", "reader")],
            seconds=float(work.stats.get("seconds", 0.0)),
        )

    def quote_counts(self) -> Counter[str]:
        return Counter(q.speaker for q in self.quotes if q.speaker is not None)


# -- the found rule ---------------------------------------------------------------------------
class SpanIndex:
    """Predicted spans sorted by start, for fast overlap look-ups."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted((s, e, i) for i, (s, e) in enumerate(spans))
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> Iterable[tuple[int, int, int]]:
        """(index, overlap in chars, predicted length) of every predicted span overlapping
        [start, end)."""
        j = bisect.bisect_left(self.starts, end)
        floor = start - self.longest
        while j > 0:
            j -= 1
            s, e, i = self.spans[j]
            if s < floor:
                break
            overlap = min(e, end) - max(s, start)
            if overlap > 0:
                yield i, overlap, e - s


def finds(overlap: int, gold_length: int) -> bool:
    """A prediction finds a gold span when it covers at least half of the gold span's chars."""
    return overlap > 0 and 2 * overlap >= gold_length


def match_quotes(gold: list[GoldQuote], index: SpanIndex) -> list[int | None]:
    """Per gold quote, the predicted quote that finds one of its pieces with the largest overlap."""
    matched: list[int | None] = []
    for q in gold:
        best: tuple[int, int] | None = None
        for s, e in q.spans:
            for i, overlap, _ in index.overlapping(s, e):
                if finds(overlap, e - s) and (best is None or overlap > best[1]):
                    best = (i, overlap)
        matched.append(best[0] if best else None)
    return matched


def correct_predictions(gold: list[GoldQuote], index: SpanIndex, n_pred: int) -> int:
    """Predicted quotes that are right: they find a gold piece, or lie at least half inside one."""
    right = [False] * n_pred
    for q in gold:
        for s, e in q.spans:
            for i, overlap, length in index.overlapping(s, e):
                if finds(overlap, e - s) or 2 * overlap >= length:
                    right[i] = True
    return sum(right)


# -- character mapping ------------------------------------------------------------------------
def alias_key(alias: str) -> str:
    """Aliases compare case-folded with whitespace normalised; honorifics are kept."""
    return " ".join(alias.split()).casefold()


def alias_keys(aliases: Iterable[str]) -> set[str]:
    return {k for k in (alias_key(a) for a in aliases) if k}


def similarity(pred_keys: set[str], gold_keys: set[str]) -> float:
    """How alike two alias sets are: shared strings over all strings (Jaccard)."""
    shared = len(pred_keys & gold_keys)
    return shared / (len(pred_keys) + len(gold_keys) - shared) if shared else 0.0


def map_characters(pred: list[PredCharacter], gold: list[GoldCharacter],
                   quote_counts: Counter[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(strict, lenient) maps from predicted to gold character ids, by alias-set similarity.

    Strict (one-to-one): all (predicted, gold) pairs that share an alias, taken greedily from the
    most similar down (ties: more predicted quotes, then list order); a pair is kept when neither
    side is taken yet. A second cluster of the same person maps to nothing: its quotes are wrong.
    Lenient (many-to-one): each predicted character maps to its most similar gold character
    (ties: the one listed last in the gold list).
    """
    quote_counts = quote_counts or Counter()
    gold_keys = [alias_keys(g.alias_set()) for g in gold]
    pairs: list[tuple[float, int, int, int]] = []
    lenient: dict[str, str] = {}
    for p_index, p in enumerate(pred):
        keys = alias_keys(p.alias_set())
        best: tuple[float, int] | None = None
        for g_index, g_keys in enumerate(gold_keys):
            sim = similarity(keys, g_keys)
            if sim == 0.0:
                continue
            pairs.append((sim, quote_counts.get(p.id, 0), p_index, g_index))
            if best is None or (sim, g_index) > best:
                best = (sim, g_index)
        if best is not None:
            lenient[p.id] = gold[best[1]].id
    pairs.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    strict: dict[str, str] = {}
    taken: set[int] = set()
    for _, _, p_index, g_index in pairs:
        p_id = pred[p_index].id
        if p_id not in strict and g_index not in taken:
            strict[p_id] = gold[g_index].id
            taken.add(g_index)
    return strict, lenient


# -- scores -----------------------------------------------------------------------------------
@dataclass
class Scores:
    """Counts for one text (or a sum of texts); the figures are properties."""

    gold_quotes: int = 0
    found: int = 0
    strict_right: int = 0
    lenient_right: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)   # type -> [total, strict, lenient]
    addressee_total: int = 0
    addressee_right: int = 0
    pred_quotes: int = 0
    pred_right: int = 0
    alias_targets: int = 0
    alias_clustered: int = 0
    merges: int = 0
    pronoun_total: int = 0
    pronoun_right: int = 0
    seconds: float = 0.0

    def __add__(self, other: Scores) -> Scores:
        out = Scores()
        for name in self.__dataclass_fields__:
            if name == "by_type":
                merged = {t: list(v) for t, v in self.by_type.items()}
                for t, v in other.by_type.items():
                    merged[t] = [a + b for a, b in zip(merged.get(t, [0, 0, 0]), v, strict=True)]
                out.by_type = merged
            else:
                setattr(out, name, getattr(self, name) + getattr(other, name))
        return out

    # figures (None when there is nothing to measure)
    @property
    def strict(self) -> float | None:
        return ratio(self.strict_right, self.gold_quotes)

    @property
    def lenient(self) -> float | None:
        return ratio(self.lenient_right, self.gold_quotes)

    @property
    def found_share(self) -> float | None:
        return ratio(self.found, self.gold_quotes)

    def type_accuracy(self, quote_type: str, lenient: bool = False) -> float | None:
        total, strict, lenient_right = self.by_type.get(quote_type, [0, 0, 0])
        return ratio(lenient_right if lenient else strict, total)

    @property
    def addressees(self) -> float | None:
        return ratio(self.addressee_right, self.addressee_total)

    @property
    def precision(self) -> float | None:
        return ratio(self.pred_right, self.pred_quotes)

    @property
    def recall(self) -> float | None:
        return self.found_share

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    @property
    def alias_clustering(self) -> float | None:
        return ratio(self.alias_clustered, self.alias_targets)

    @property
    def pronouns(self) -> float | None:
        return ratio(self.pronoun_right, self.pronoun_total)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score_quotes(gold: GoldNovel, pred: Prediction, scores: Scores | None = None,
                 outcomes: list[dict] | None = None) -> Scores:
    """Speaker (strict, lenient, by type), addressee and quote-detection counts; with
    ``outcomes``, also one record per gold quote (for error analysis)."""
    scores = scores or Scores()
    strict_map, lenient_map = map_characters(pred.characters, gold.characters, pred.quote_counts())
    index = SpanIndex((q.start, q.end) for q in pred.quotes)
    matched = match_quotes(gold.quotes, index)
    names = {c.id: c.name for c in pred.characters}
    for q, m in zip(gold.quotes, matched, strict=True):
        p = pred.quotes[m] if m is not None else None
        strict_ok = p is not None and q.speaker is not None and strict_map.get(p.speaker or "") == q.speaker
        lenient_ok = p is not None and q.speaker is not None and lenient_map.get(p.speaker or "") == q.speaker
        if outcomes is not None:
            start = q.spans[0][0]
            outcomes.append({
                "quote": q.id, "type": q.type or "", "gold_speaker": q.speaker or "",
                "found": p is not None,
                "predicted": names.get(p.speaker, p.speaker or "") if p else "",
                "mapped_strict": strict_map.get(p.speaker or "", "") if p else "",
                "mapped_lenient": lenient_map.get(p.speaker or "", "") if p else "",
                "strict_right": strict_ok, "lenient_right": lenient_ok,
                "evidence": (p.evidence or "") if p else "", "start": start,
                "text": " ".join(gold.text[start:q.spans[0][1]].split())[:100]})
        scores.gold_quotes += 1
        scores.found += p is not None
        scores.strict_right += strict_ok
        scores.lenient_right += lenient_ok
        if q.type:
            row = scores.by_type.setdefault(q.type, [0, 0, 0])
            row[0] += 1
            row[1] += strict_ok
            row[2] += lenient_ok
        if q.addressees:
            scores.addressee_total += 1
            predicted = {strict_map.get(a) for a in p.addressees} if p is not None else set()
            scores.addressee_right += bool(predicted & set(q.addressees))
    scores.pred_quotes += len(pred.quotes)
    scores.pred_right += correct_predictions(gold.quotes, index, len(pred.quotes))
    scores.seconds += pred.seconds
    return scores


# -- alias clustering -------------------------------------------------------------------------
def occurring_aliases(text: str, aliases: Iterable[str]) -> set[str]:
    """The aliases (as keys) that occur in ``text`` as whole words, case-sensitively."""
    found = set()
    for alias in aliases:
        alias = " ".join(alias.split())
        if not alias:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, alias.split())) + r"(?!\w)"
        if re.search(pattern, text):
            found.add(alias_key(alias))
    return found


def score_alias_clustering(gold: GoldNovel, pred: Prediction, scores: Scores | None = None,
                           categories: tuple[str, ...] = ("major", "intermediate")) -> Scores:
    """Per major/intermediate gold character: exactly one predicted character holds >= 80 % of
    its aliases that occur in the text? Plus predicted clusters that merge two gold characters
    (hold an alias that belongs to one gold character only, for two or more of them)."""
    scores = scores or Scores()
    pred_keys = [alias_keys(p.alias_set()) for p in pred.characters]
    owners: Counter[str] = Counter(k for g in gold.characters for k in alias_keys(g.alias_set()))
    for g in gold.characters:
        if g.category not in categories:
            continue
        present = occurring_aliases(gold.text, g.alias_set())
        if not present:
            continue
        scores.alias_targets += 1
        holders = sum(1 for keys in pred_keys if 5 * len(keys & present) >= 4 * len(present))
        scores.alias_clustered += holders == 1
    gold_unique = [{k for k in alias_keys(g.alias_set()) if owners[k] == 1} for g in gold.characters]
    for keys in pred_keys:
        touched = sum(1 for unique in gold_unique if keys & unique)
        scores.merges += touched >= 2
    return scores


def score_pronouns(gold: GoldNovel, pred: Prediction, scores: Scores | None = None) -> Scores:
    """Pronoun resolution: gold PER pronouns of a character; right when our pronoun mention at
    the same place names a predicted character that maps (strictly) to the gold one."""
    scores = scores or Scores()
    if not gold.pronouns:
        return scores
    strict_map, _ = map_characters(pred.characters, gold.characters, pred.quote_counts())
    ours = {(s, e): c for s, e, c in pred.pronouns}
    by_start = {s: c for s, _, c in pred.pronouns}
    for pron in gold.pronouns:
        char = ours.get((pron.start, pron.end), by_start.get(pron.start))
        scores.pronoun_total += 1
        scores.pronoun_right += char is not None and strict_map.get(char) == pron.character
    return scores


def score_novel(gold: GoldNovel, pred: Prediction, outcomes: list[dict] | None = None) -> Scores:
    """Every figure this corpus supports, for one text (``outcomes``: see :func:`score_quotes`)."""
    scores = score_quotes(gold, pred, outcomes=outcomes)
    if any(g.category for g in gold.characters):
        score_alias_clustering(gold, pred, scores)
    score_pronouns(gold, pred, scores)
    return scores
