"""The learned speaker scorer: which model a run uses, and that fitting learns from labels."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np

from ficlens import Options
from ficlens.speakers.scorer import FEATURES, load_model
from ficlens.speakers.training import accuracy, fit


def test_bundled_model_is_small_and_matches_the_features():
    folder = resources.files("ficlens.speakers") / "data"
    data = json.loads((folder / "speaker_scorer.json").read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    total = sum(entry.stat().st_size for entry in folder.iterdir() if entry.is_file())  # type: ignore[attr-defined]
    assert total < 1_000_000
    assert load_model(Options()) is not None


def test_rules_only_when_asked(monkeypatch):
    assert load_model(Options(extra={"speaker_model": "none"})) is None
    monkeypatch.setenv("FICLENS_SPEAKER_MODEL", "none")
    assert load_model(Options()) is None


def test_held_out_novels_get_a_fold_model_that_never_saw_them():
    folder = resources.files("ficlens.speakers") / "data"
    for entry in folder.iterdir():
        if not entry.name.startswith("speaker_fold"):
            continue
        meta = json.loads(entry.read_text(encoding="utf-8"))
        assert not set(meta["held_out"]) & set(meta["trained_on"])
        held = Options(extra={"eval_fold": 0, "eval_folds": 5, "eval_heldout": meta["held_out"][:1]})
        model = load_model(held)
        assert model is not None and model.name.startswith("speaker_fold")
    unknown = Options(extra={"eval_fold": 0, "eval_folds": 5, "eval_heldout": ["A Novel Nobody Trained On"]})
    assert load_model(unknown) is None


def test_a_model_for_other_features_is_refused(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features": ["something_else"], "weights": [1.0], "bias": 0.0}))
    assert load_model(Options(extra={"speaker_model": str(path)})) is None


def test_fit_learns_which_feature_marks_the_speaker():
    rng = np.random.default_rng(1)
    groups = []
    signal = FEATURES.index("prev2")
    for _ in range(200):
        rows = rng.random((4, len(FEATURES))) * 0.1
        right = int(rng.integers(4))
        rows[right, signal] = 1.0
        labels = np.zeros(4)
        labels[right] = 1
        groups.append((rows, labels))
    model = fit(groups[:150], seed=0, pairwise=False)
    assert model.weights[signal] > 1.0
    right, total = accuracy(model, groups[150:])
    assert right == total == 50
    paired = fit(groups[:150], seed=0)
    assert paired.pairwise and len(paired.weights) > len(FEATURES)
    assert accuracy(paired, groups[150:]) == (50, 50)
