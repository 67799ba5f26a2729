"""Who a speaking description is: "said the guard" gave the line to a character called "the
guard", but when the other party of his exchanges keeps calling him by one name ("Now, Ben"), he
is that named character. Runs after decoding, when every line has a speaker."""

from __future__ import annotations

from collections import Counter

from ficlens.model import Work
from ficlens.speakers.fold import fold_characters, genders_clash

_MIN_CALLS = 2   # a name said to the description at least this often, and by two thirds of the calls


def merge_addressed_descriptions(work: Work, ctx, decided: dict[int, tuple[str | None, str]],
                                 described: set[str]) -> None:
    """Give the lines of each description character in ``described`` to the named character the
    neighbouring turns address, when that name is clear, its gender fits, and the named
    character never speaks in the description's exchanges; drop the description character.
    ``ctx`` is the speakers' Context: its turns, where each sits in its exchange, who each quote
    addresses by name, and the cast's genders."""
    turns, genders, addressed = ctx.turns, ctx.genders, ctx.addressed
    lines: dict[str, list[int]] = {}
    for qi, (speaker, _) in decided.items():
        if speaker in described:
            lines.setdefault(speaker, []).append(qi)
    merged: dict[str, str] = {}
    for who, quotes in lines.items():
        heard: set[tuple[int, str]] = set()   # (quote, name): each call counted once
        exchange: set[int] = set()
        for qi in quotes:
            run, i = ctx.run_pos[ctx.turn_of[qi]]
            exchange.update(run)
            for j in (i - 1, i + 1):
                if 0 <= j < len(run):
                    for q in turns[run[j]].quotes:
                        heard.update((q, n) for n in addressed.get(q, ()) if n != who and n not in described)
        calls = Counter(n for _, n in heard)
        if not calls:
            continue
        name, n = calls.most_common(1)[0]
        if n < _MIN_CALLS or 3 * n < 2 * sum(calls.values()):
            continue
        if genders_clash(genders, who, name):
            continue
        if any(decided[q] == (name, evidence) for t in exchange for q in turns[t].quotes
               for evidence in (decided[q][1],) if evidence != "scorer"):
            continue  # two people talking to each other (a tag says so; the scorer's guesses do not)
        merged[who] = name
    if not merged:
        return
    by_id = {c.id: c for c in work.characters}
    for who, name in merged.items():
        by_id[name].epithets = [*by_id[name].epithets, by_id[who].name]
    fold_characters(work, decided, merged)
