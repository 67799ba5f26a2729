"""Options shared by every stage of one analysis run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Options:
    """What the user (or an evaluation) asks of a run.

    ``characters``: a user-given cast ("Harry Potter; Hermione Granger"), seeds the cast.
    ``gold_quotes``: (start, end) spans that replace quote detection, for scoring attribution alone.
    ``disabled_rules`` / ``enabled_rules``: beta-reader rule ids switched off / on.
    ``stages``: stop after this stage name (None runs everything).
    """

    characters: list[str] = field(default_factory=list)
    gold_quotes: list[tuple[int, int]] | None = None
    disabled_rules: set[str] = field(default_factory=set)
    enabled_rules: set[str] = field(default_factory=set)
    until: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
