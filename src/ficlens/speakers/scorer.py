"""The learned speaker scorer: a candidate-ranking logistic regression for the quotes that rules
do not settle (anything without an explicit name tag).

For each such quote, a handful of candidate characters (the rules' pick, the neighbouring turns'
speakers, characters named around the quote, the most salient ones) are described by the
features below; the candidate with the highest score speaks. Weights are plain JSON (a few
hundred bytes) trained by scripts/train_speaker_scorer.py on PDNC, leave-novels-out for scoring;
see docs/speakers.md.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ficlens.options import Options

RULE_EVIDENCE = ("tag_after:anaphoric", "tag_before:anaphoric", "beat", "vocative_previous",
                 "next_paragraph", "alternation", "other_party", "fallback", "same_paragraph",
                 "not_addressee")
FEATURES: tuple[str, ...] = (
    *(f"rule:{e}" for e in RULE_EVIDENCE),
    "tag_gender_match", "tag_gender_clash", "prev1", "prev2", "next1", "next2",
    "para_mentions", "para_subject", "prev_para_mentions", "next_para_mentions",
    "vocative_here", "vocative_prev", "vocative_next", "recency", "distance", "salience",
    "narrator", "gender_unknown", "prev1_tagged", "prev2_tagged", "named_in_quote", "run_share",
    "gender_recency", "prev1_gender_match", "prev2_gender_match", "tag_object", "tag_relation",
    "style_gap", "style_known", "prev_tag_object", "run_tagged", "run_addressed", "next1_tagged",
    "next2_tagged", "lead_subject", "beat_subject", "same_turn",
    "anchor_behind_even", "anchor_behind_odd", "anchor_ahead_even", "anchor_ahead_odd",
    "prev_narration_subject", "prev_narration_last", "prev_turn_beat",
    "tag_description", "tag_coref", "earlier_speaker", "quotes_since_named",
)
SETTLED = ("tag_after:explicit", "tag_before:explicit", "same_paragraph:explicit", "family", "scene_opening",
           "voice", "action_beat", "answered")


def settled(evidence: str, tag) -> bool:
    """Quotes the scorer leaves alone: an explicit name tag (and the untagged quotes of its
    paragraph: a new speaker opens a new paragraph), a kinship tag whose relative was
    found by surname ("said her mother"), a description tag that names no known character ("said
    the surgeon": that description speaks), or a tag spoken by "I" (the narrator) or "you" (the
    reader), whose referent is never in doubt."""
    if evidence in SETTLED:
        return True
    return evidence.startswith("tag_") and tag is not None and (
        tag.mention.kind in ("narrator", "reader") or tag.described)


def design(rows: np.ndarray, pairwise: bool) -> np.ndarray:
    """The model's inputs: the features, and with ``pairwise`` every product of two of them (a
    linear model then sees that "spoke two turns ago" matters more when "the tag says she")."""
    if not pairwise:
        return rows
    i, j = _pairs(rows.shape[1])
    return np.hstack([rows, rows[:, i] * rows[:, j]])


@lru_cache(maxsize=4)
def _pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Column pairs (i < j) for the pairwise products, built once."""
    return np.triu_indices(n, k=1)


def design_width(pairwise: bool) -> int:
    n = len(FEATURES)
    return n + (n * (n - 1) // 2 if pairwise else 0)


@dataclass
class Model:
    features: list[str]
    weights: np.ndarray
    bias: float
    name: str
    pairwise: bool = False
    _pair_weights: np.ndarray | None = field(default=None, repr=False, compare=False)

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """The same as ``design(rows) @ weights + bias``, without building the products: the
        pairwise weights sit in an upper-triangular matrix W and add (rows @ W) * rows."""
        n = rows.shape[1]
        linear = rows @ self.weights[:n] + self.bias
        if not self.pairwise:
            return linear
        return linear + ((rows @ self._pair_matrix()) * rows).sum(axis=1)

    def _pair_matrix(self) -> np.ndarray:
        """The pairwise weights as an upper-triangular matrix, built once per model."""
        if self._pair_weights is None:
            n = len(self.features)
            i, j = _pairs(n)
            self._pair_weights = np.zeros((n, n))
            self._pair_weights[i, j] = self.weights[n:]
        return self._pair_weights

    def to_json(self, meta: dict) -> str:
        return json.dumps({"features": self.features, "pairwise": self.pairwise,
                           "weights": [round(float(w), 4) for w in self.weights],
                           "bias": round(self.bias, 5), **meta})


def _read(path: Path | str, name: str) -> Model | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8")) if not hasattr(path, "read_text") \
            else json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    pairwise = bool(data.get("pairwise", False))
    same_features = list(data.get("features", [])) == list(FEATURES)
    if not same_features or len(data.get("weights", [])) != design_width(pairwise):
        return None  # trained on another feature set: do not use it
    return Model(list(FEATURES), np.array(data["weights"], dtype=float), float(data["bias"]), name, pairwise)


@lru_cache(maxsize=16)
def _bundled(filename: str) -> Model | None:
    path = resources.files("ficlens.speakers") / "data" / filename
    return _read(path, filename) if path.is_file() else None


def load_model(options: Options) -> Model | None:
    """Which scorer this run uses: ``options.extra["speaker_model"]`` or $FICLENS_SPEAKER_MODEL
    (a path, or "none" for rules only); in a leave-novels-out evaluation (``eval_fold`` /
    ``eval_folds`` in ``options.extra``) the fold model that never saw the held-out novels, or
    none at all when that fold model is missing; otherwise the bundled all-novel model."""
    choice = options.extra.get("speaker_model") or os.environ.get("FICLENS_SPEAKER_MODEL")
    if choice:
        return None if str(choice).lower() == "none" else _read(choice, str(choice))
    if "eval_heldout" in options.extra or "eval_fold" in options.extra:
        return _fold_model(tuple(sorted(options.extra.get("eval_heldout") or ())))
    return _bundled("speaker_scorer.json")


@lru_cache(maxsize=1)
def trained_novels() -> tuple[str, ...]:
    """The PDNC novels the bundled all-novel model was trained on (an evaluation must score each
    of them with the fold model that held it out)."""
    path = resources.files("ficlens.speakers") / "data" / "speaker_scorer.json"
    try:
        return tuple(json.loads(path.read_text(encoding="utf-8")).get("trained_on", ()))
    except (OSError, ValueError):
        return ()


@lru_cache(maxsize=16)
def _fold_model(held_out: tuple[str, ...]) -> Model | None:
    """The bundled fold model whose held-out novels include every novel being scored now, so
    no novel is ever scored by a model trained on it; None (rules only) when there is none."""
    if not held_out:
        return None
    folder = resources.files("ficlens.speakers") / "data"
    if not folder.is_dir():
        return None
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not (entry.name.startswith("speaker_fold") and entry.name.endswith(".json")):
            continue
        try:
            meta = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if set(held_out) <= set(meta.get("held_out", ())):
            return _read(entry, entry.name)
    return None


# -- features -----------------------------------------------------------------------------
def feature_rows(ctx, qi: int) -> tuple[list[str], np.ndarray]:
    """Candidates for quote ``qi`` and their feature rows (``ctx`` is a speakers.context.Context)."""
    cands = ctx.candidates(qi)
    rows = np.zeros((len(cands), len(FEATURES)))
    col = {f: j for j, f in enumerate(FEATURES)}
    rule_speaker, rule_evidence = ctx.rule[qi]
    tag_gender = ctx.tag_gender(qi)
    prev1, prev2, next1, next2 = ctx.neighbours(qi)
    para, prev_para, next_para = ctx.paragraph_mentions(qi)
    voc_here, voc_prev, voc_next = ctx.vocatives(qi)
    last_seen = ctx.last_seen(qi)
    named_inside = ctx.named_in_quote(qi)
    run_share = ctx.run_share(qi)
    order = sorted(last_seen, key=lambda c: -last_seen[c])
    same_gender = [c for c in order if tag_gender and ctx.gender(c) == tag_gender]
    objects = ctx.tag_objects(qi)
    relation = ctx.tag_relation(qi)
    style = [ctx.style_score(qi, c) for c in cands]
    prev_objects = ctx.previous_tag_objects(qi)
    run_tagged, run_addressed = ctx.run_people(qi)
    lead, beat = ctx.subjects_around(qi)
    opener = ctx.turn_opener(qi)
    behind, ahead = ctx.anchors(qi)
    narration_subject, narration_last = ctx.narration_before(qi)
    previous_beat = ctx.previous_beat(qi)
    tag = ctx.tags[qi]
    tag_kind, tag_character = (tag.mention.kind, tag.mention.character) if tag is not None else (None, None)
    earlier = ctx.earlier_speakers(qi)
    for r, c in enumerate(cands):
        row = rows[r]
        for name, anchor in (("anchor_behind", behind), ("anchor_ahead", ahead)):
            if anchor is not None and anchor[0] == c:
                row[col[f"{name}_even" if anchor[1] % 2 == 0 else f"{name}_odd"]] = 1
        row[col["tag_object"]] = c in objects
        row[col["prev_narration_subject"]] = c == narration_subject
        row[col["prev_narration_last"]] = c == narration_last
        row[col["prev_turn_beat"]] = c == previous_beat
        row[col["tag_description"]] = tag_kind == "epithet" and c == tag_character
        row[col["tag_coref"]] = tag_kind == "pronoun" and c == tag_character
        row[col["quotes_since_named"]] = min(ctx.quotes_since(qi, last_seen.get(c)), 4) / 4
        if c in earlier:
            row[col["earlier_speaker"]] = 1 / (1 + earlier.index(c))
        row[col["prev_tag_object"]] = c in prev_objects
        row[col["run_tagged"]] = c in run_tagged
        row[col["run_addressed"]] = c in run_addressed
        row[col["next1_tagged"]] = next1[0] == c and next1[1]
        row[col["lead_subject"]] = c == lead
        row[col["same_turn"]] = c == opener
        row[col["beat_subject"]] = c == beat
        row[col["next2_tagged"]] = next2[0] == c and next2[1]
        row[col["tag_relation"]] = relation
        if c in same_gender:
            row[col["gender_recency"]] = 1 / (1 + same_gender.index(c))
        if tag_gender and ctx.gender(c) == tag_gender:
            row[col["prev1_gender_match"]] = prev1[0] == c
            row[col["prev2_gender_match"]] = prev2[0] == c
        if c == rule_speaker and f"rule:{rule_evidence}" in col:
            row[col[f"rule:{rule_evidence}"]] = 1
        g = ctx.gender(c)
        if tag_gender:
            row[col["tag_gender_match"]] = g == tag_gender
            row[col["tag_gender_clash"]] = g in ("male", "female") and g != tag_gender
        row[col["gender_unknown"]] = g not in ("male", "female")
        for name, other in (("prev1", prev1), ("prev2", prev2), ("next1", next1), ("next2", next2)):
            row[col[name]] = other[0] == c
        row[col["prev1_tagged"]] = prev1[0] == c and prev1[1]
        row[col["prev2_tagged"]] = prev2[0] == c and prev2[1]
        row[col["para_mentions"]] = min(para.get(c, (0, False))[0], 3) / 3
        row[col["para_subject"]] = para.get(c, (0, False))[1]
        row[col["prev_para_mentions"]] = min(prev_para.get(c, 0), 3) / 3
        row[col["next_para_mentions"]] = min(next_para.get(c, 0), 3) / 3
        row[col["vocative_here"]] = c in voc_here
        row[col["vocative_prev"]] = c in voc_prev
        row[col["vocative_next"]] = c in voc_next
        if c in last_seen:
            row[col["recency"]] = 1 / (1 + order.index(c))
            row[col["distance"]] = 1 - min(1.0, math.log1p(ctx.quote_start(qi) - last_seen[c]) / 10)
        row[col["salience"]] = ctx.salience(c)
        row[col["narrator"]] = c == ctx.narrator
        row[col["named_in_quote"]] = c in named_inside
        row[col["run_share"]] = run_share.get(c, 0.0)
        if c in ctx.style.counts:
            rivals = [s for k, s in enumerate(style) if k != r]
            row[col["style_gap"]] = max(-1.0, min(1.0, (style[r] - max(rivals, default=0.0)) / 4))
            row[col["style_known"]] = 1
    return cands, rows


def softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max())
    return e / e.sum()
