"""Shared test fixtures: where the third-party data lives, and the bundled sample."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FICLENS_DATA", ROOT.parent / "shared" / "data"))
SAMPLE = ROOT / "samples" / "the-lighthouse-keepers-ledger.txt"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """``../shared/data`` (or $FICLENS_DATA); skips the test cleanly when it is absent."""
    if not DATA.is_dir():
        pytest.skip(f"third-party data not found at {DATA} (set FICLENS_DATA)")
    return DATA


@pytest.fixture(scope="session")
def samples_dir(data_dir: Path) -> Path:
    path = data_dir / "samples"
    if not path.is_dir():
        pytest.skip(f"no samples folder in {data_dir}")
    return path


@pytest.fixture(scope="session")
def sample_story() -> Path:
    """The original story bundled with ficlens (what `make demo` analyzes)."""
    return SAMPLE


@pytest.fixture
def rules_only(monkeypatch):
    """Speaker rules alone, no learned scorer: for tests of the rules (the scorer has its own)."""
    monkeypatch.setenv("FICLENS_SPEAKER_MODEL", "none")


@pytest.fixture
def through_speakers():
    """Run a text through the stages up to 'speakers' (rules only); the decoding context stays
    in ``work.runtime["speakers.context"]`` for tests of the scorer's features and decoder."""
    from ficlens.ingest import read_text
    from ficlens.options import Options
    from ficlens.pipeline import STAGES, stage

    def run(text: str):
        work = read_text(text)
        options = Options(extra={"speaker_model": "none"})
        for name in STAGES[:STAGES.index("speakers") + 1]:
            stage(name)(work, options)
        return work
    return run
