"""Stage 'interactions': who talks to whom, who shares scenes, and how that meets the tags.

``work.interactions`` = ``pairs`` (directed speaker→addressee, by words), ``speakers``,
``scene_cooccurrence``, ``top_pairs`` (undirected, scored on words, quotes and shared scenes)
and ``relationship_tags`` (each AO3 relationship tag checked against the dialogue).
"""

from __future__ import annotations

from ficlens.interactions.counts import cooccurrence, speaker_pairs
from ficlens.interactions.tags import tag_entries, untagged_dominant
from ficlens.model import Work
from ficlens.options import Options
from ficlens.pov.cast import cast_index

TOP_PAIRS = 10
# How much each signal weighs in a pair's score (each normalised by the work's maximum).
SCORE_WEIGHTS = {"words": 0.5, "quotes": 0.3, "scenes": 0.2}


def undirected_pairs(pairs: list[dict], scenes: list[dict]) -> dict[tuple[str, str], dict]:
    """Both directions of each pair merged, with the scenes they share."""
    merged: dict[tuple[str, str], dict] = {}
    for pair in pairs:
        a, b = sorted((pair["speaker"], pair["addressee"]))
        entry = merged.setdefault((a, b), {"a": a, "b": b, "quotes": 0, "words": 0, "scenes": 0})
        entry["quotes"] += pair["quotes"]
        entry["words"] += pair["words"]
    for co in scenes:
        entry = merged.setdefault(
            (co["a"], co["b"]), {"a": co["a"], "b": co["b"], "quotes": 0, "words": 0, "scenes": 0}
        )
        entry["scenes"] = co["scenes"]
    return merged


def score_pairs(merged: dict[tuple[str, str], dict]) -> list[dict]:
    """Pairs with a 0..1 score, best first."""
    values = list(merged.values())
    maxima = {k: max((v[k] for v in values), default=0) or 1 for k in SCORE_WEIGHTS}
    for v in values:
        v["score"] = round(sum(w * v[k] / maxima[k] for k, w in SCORE_WEIGHTS.items()), 4)
    values.sort(key=lambda v: (-v["score"], v["a"], v["b"]))
    return [v for v in values if v["score"] > 0]


def run(work: Work, options: Options) -> None:
    """Fill ``work.interactions``."""
    pairs, speakers = speaker_pairs(work)
    scenes = cooccurrence(work)
    merged = undirected_pairs(pairs, scenes)
    top = score_pairs(merged)[:TOP_PAIRS]
    relationships = work.metadata.get("relationships") or []
    tags = tag_entries(relationships, cast_index(work), merged)
    if tags:
        tags += untagged_dominant(tags, top)
    work.interactions = {
        "pairs": pairs,
        "speakers": speakers,
        "scene_cooccurrence": scenes,
        "top_pairs": top,
        "relationship_tags": tags,
    }
