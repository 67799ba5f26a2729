"""Calibrated confidence: the share of quotes each deciding rule gets right.

The table in data/calibration.json is measured by scripts/train_speaker_scorer.py on PDNC with gold
quote spans (see docs/speakers.md); the defaults below are used when it is absent.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

DEFAULTS: dict[str, float] = {
    "tag_after:explicit": 0.95, "tag_before:explicit": 0.9, "tag_after:anaphoric": 0.85,
    "tag_before:anaphoric": 0.8, "same_paragraph": 0.85, "same_paragraph:explicit": 0.9,
    "group": 0.9, "beat": 0.6,
    "vocative_previous": 0.6, "next_paragraph": 0.45, "alternation": 0.6, "other_party": 0.55,
    "fallback": 0.2, "narrator_only": 0.5,
    "scene_opening": 0.6,   # no PDNC quote opens a scene this way, so no measured figure: a beat's
    "voice": 0.6,   # '"…," called a voice. It was Miss Abbott': few PDNC quotes, no measured figure
    "action_beat": 0.95,   # fan fiction only, never on PDNC: 240 of 250 on the fan fiction stories (round 27)
    "answered": 0.85,   # fan fiction only: 67 of 79 such lines on the stories (round 29)
}


@lru_cache(maxsize=1)
def table() -> dict[str, float]:
    values = dict(DEFAULTS)
    try:
        path = resources.files("ficlens.speakers") / "data" / "calibration.json"
        values.update(json.loads(path.read_text(encoding="utf-8")).get("accuracy", {}))
    except (FileNotFoundError, OSError, ValueError):
        pass
    return values


def confidence(evidence: str) -> float:
    return round(float(table().get(evidence, 0.3)), 3)
