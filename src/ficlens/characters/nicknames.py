"""Given names and their hypocorisms ("bill" ↔ "william"), from the bundled Apache-2.0 list
(data/hypocorisms.csv; licence in data/License.txt)."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from ficlens.characters.lexicon import FEMALE_NAMES, MALE_NAMES


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


def is_diminutive_of(short: str, full: str) -> bool:
    """"Sammy" of "Sam", "Bucky" of "Buck", "Buddie" of "Bud": a name made small with -y/-ie,
    its last consonant doubled or not."""
    short, full = short.lower(), full.lower()
    if not short.startswith(full) or len(full) < 3:
        return False
    rest = short[len(full):]
    return rest in ("y", "ie", "ey") or (len(rest) >= 2 and rest[0] == full[-1] and rest[1:] in ("y", "ie"))


_NOT_A_GIVEN_NAME_RE = re.compile(r"(?:s|ian|ish|ic|ite|ern|erner|ward|ese)$")


def is_clipped_from(short: str, full: str) -> bool:
    """"Cas" of "Castiel", "Mig" of "Miguel": a given name cut to its first three or four
    letters where no list records it (fan fiction's own names; "Nat" of "Natasha" is the
    list's). The clipped form is no given name of its own (so "Jan" is not "Janet"), and the full
    one does not end like a people or a place ("Hungarian"; "Yorkshire" stays out by the
    caller's gender test)."""
    short, full = short.lower(), full.lower()
    return (3 <= len(short) <= 4 and len(full) >= 6 and full.startswith(short)
            and not _NOT_A_GIVEN_NAME_RE.search(full)
            and short not in nickname_groups() and short not in FEMALE_NAMES and short not in MALE_NAMES)
