"""The real samples analyzed up to the structure stage, cached for the test session."""

from __future__ import annotations

from pathlib import Path

import pytest

_STRUCTURED: dict[str, object] = {}


def structured_sample(samples_dir: Path, name: str):
    """A real sample analyzed up to the structure stage, cached for the session (read-only use)."""
    from ficlens.options import Options
    from ficlens.pipeline import analyze

    path = samples_dir / name
    if not path.is_file():
        pytest.skip(f"{name} not in {samples_dir}")
    if name not in _STRUCTURED:
        _STRUCTURED[name] = analyze(path, Options(until="structure"))
    return _STRUCTURED[name]
