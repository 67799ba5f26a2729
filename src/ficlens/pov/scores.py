"""How much interiority each character has in a scene: the weights every POV decision uses."""

from __future__ import annotations

from collections import Counter

WEIGHTS = {"thought_verb": 1.0, "feeling": 1.0, "perception": 0.75, "thought": 1.0, "fid": 0.5}
NOT_INTERIORITY = frozenset({"label", "commentary", "continuity"})  # evidence kinds that are nobody's mind


def interiority_scores(evidence: list[dict]) -> Counter[str]:
    """Weighted interiority per character."""
    scores: Counter[str] = Counter()
    for item in evidence:
        if item["kind"] not in NOT_INTERIORITY and item.get("character"):
            scores[item["character"]] += WEIGHTS.get(item["kind"], 1.0)
    return scores
