"""BookNLP's own output (``.quotes``, ``.entities``) turned into a :class:`Prediction` over a text.

BookNLP gives token ids but no ``.tokens`` file, so quotes are placed by their text: both the
quote and the target text are reduced to ASCII letters and digits (PDNC blanks non-ASCII
characters and BookNLP re-spaces tokens), and each quote is searched forward from the last one.
A character's alias set is the set of its proper-name (PROP) mentions in ``.entities``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

from ficlens.errors import InputError
from ficlens.eval.scoring import PredCharacter, Prediction, PredQuote

_KEEP = re.compile(r"[A-Za-z0-9]")


def skeleton(text: str) -> tuple[str, list[int]]:
    """``text`` reduced to lower-case ASCII letters/digits, with each kept char's offset."""
    chars, offsets = [], []
    for m in _KEEP.finditer(text):
        chars.append(m.group().lower())
        offsets.append(m.start())
    return "".join(chars), offsets


def read_tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def find_file(folder: Path, suffix: str) -> Path:
    found = sorted(folder.glob(f"*{suffix}"))
    if not found:
        raise InputError(folder, f"no BookNLP {suffix} file")
    return found[0]


def load_characters(entities: Path) -> list[PredCharacter]:
    """One predicted character per coref id that has proper-name PER mentions."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_tsv(entities):
        if row.get("prop") == "PROP" and row.get("cat") == "PER":
            names[row["COREF"]][" ".join(row["text"].split())] += 1
    return [PredCharacter(id=coref, name=counts.most_common(1)[0][0], aliases=set(counts))
            for coref, counts in names.items()]


def align(quote_text: str, skel: str, offsets: list[int], cursor: int) -> tuple[int, int, int] | None:
    """(start, end, new cursor) of ``quote_text`` in the skeleton text, searched from ``cursor``
    (then from the beginning); long quotes that do not match whole are placed by their ends."""
    needle, _ = skeleton(quote_text)
    if not needle:
        return None
    for start_at in (cursor, 0):
        i = skel.find(needle, start_at)
        if i >= 0:
            j = i + len(needle)
            return offsets[i], offsets[j - 1] + 1, j
    if len(needle) >= 40:
        head, tail = needle[:20], needle[-20:]
        i = skel.find(head, cursor)
        if i >= 0:
            j = skel.find(tail, i, i + len(needle) + 200)
            if j >= 0:
                return offsets[i], offsets[j + len(tail) - 1] + 1, j + len(tail)
    return None


def load_prediction(folder: Path, text: str) -> Prediction:
    """BookNLP's quotes and characters from ``folder``, placed in ``text``."""
    folder = Path(folder)
    characters = load_characters(find_file(folder, ".entities"))
    skel, offsets = skeleton(text)
    quotes, cursor = [], 0
    for row in read_tsv(find_file(folder, ".quotes")):
        placed = align(row["quote"], skel, offsets, cursor)
        if placed is None:
            continue
        start, end, cursor = placed
        speaker = row.get("char_id") or None
        quotes.append(PredQuote(start, end, speaker if speaker and speaker != "-1" else None))
    return Prediction(quotes=quotes, characters=characters)
