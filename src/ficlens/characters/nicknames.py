"""Given names and their hypocorisms ("bill" ↔ "william"), from the bundled Apache-2.0 list
(data/hypocorisms.csv; licence in data/License.txt)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, ...], ...]:
    """The bundled hypocorism rows, lowercased: the formal name first, then its nicknames."""
    path = resources.files("ficlens.characters") / "data" / "hypocorisms.csv"
    with path.open(encoding="utf-8") as handle:
        return tuple(tuple(n.strip().lower() for n in row if n.strip()) for row in csv.reader(handle))


@lru_cache(maxsize=1)
def nickname_groups() -> dict[str, frozenset[str]]:
    """name (lowercase) -> every name that shares a hypocorism row with it (itself excluded)."""
    groups: dict[str, set[str]] = {}
    for row in _rows():
        names = set(row)
        for name in names:
            groups.setdefault(name, set()).update(names - {name})
    return {k: frozenset(v) for k, v in groups.items()}


def are_variants(a: str, b: str) -> bool:
    """True when one given name is a recorded nickname/variant of the other."""
    a, b = a.lower(), b.lower()
    return a != b and b in nickname_groups().get(a, frozenset())


@lru_cache(maxsize=1)
def _formal_to_nicknames() -> dict[str, frozenset[str]]:
    """Formal given name (first column) -> its recorded hypocorisms (the rest of the row)."""
    table: dict[str, set[str]] = {}
    for names in _rows():
        if len(names) > 1:
            table.setdefault(names[0], set()).update(names[1:])
    return {k: frozenset(v) for k, v in table.items()}


def is_nickname_of(nick: str, formal: str) -> bool:
    """'Bill' is a nickname of 'William', 'Lizzy' of 'Elizabeth' (directed: not 'Mary' of 'Maria')."""
    nick, formal = nick.lower(), formal.lower()
    return nick != formal and nick in _formal_to_nicknames().get(formal, frozenset())
