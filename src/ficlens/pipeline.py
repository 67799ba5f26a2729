"""The pipeline: ingest, then each stage in order, each adding its layers to the same Work.

ingest → structure → language → quotes → characters → speakers → pov → interactions → arcs → beta
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from os import PathLike
from pathlib import Path

from ficlens.model import Work
from ficlens.options import Options

STAGES: tuple[str, ...] = (
    "structure", "language", "quotes", "characters", "speakers",
    "pov", "interactions", "arcs", "beta",
)

StageFn = Callable[[Work, Options], None]


def stage(name: str) -> StageFn:
    """The ``run(work, options)`` function of stage ``name`` (its package ``ficlens.<name>``)."""
    return importlib.import_module(f"ficlens.{name}").run


def run_stages(work: Work, options: Options | None = None) -> Work:
    """Run every stage (up to ``options.until``) over an ingested work, timing each."""
    options = options or Options()
    timings = work.stats.setdefault("timings", {})
    for name in STAGES:
        started = time.perf_counter()
        stage(name)(work, options)
        timings[name] = round(time.perf_counter() - started, 4)
        if options.until == name:
            break
    work.runtime.clear()
    return work


def _names_a_file(source: str) -> bool:
    """Is this string a path to an existing file (and not a line of story text)? A line longer
    than the system allows a file name to be is text, not a failed lookup."""
    if "\n" in source or len(source) >= 4096:
        return False
    try:
        return Path(source).is_file()
    except OSError:  # "File name too long": a sentence, not a path
        return False


def analyze(source: str | PathLike[str] | Path, options: Options | None = None, *,
            characters: list[str] | None = None) -> Work:
    """Analyze one work: a path to a file, or the story text itself.

    A ``str`` that names an existing file is read as that file; any other ``str`` is the text.
    """
    from ficlens.ingest import read_path, read_text

    options = options or Options()
    if characters:
        options.characters = list(characters)
    started = time.perf_counter()
    if isinstance(source, (PathLike, Path)) or (isinstance(source, str) and _names_a_file(source)):
        work = read_path(Path(source))
    else:
        work = read_text(str(source))
    work.stats.setdefault("timings", {})["ingest"] = round(time.perf_counter() - started, 4)
    run_stages(work, options)
    work.stats["seconds"] = round(time.perf_counter() - started, 4)
    return work
