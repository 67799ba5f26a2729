"""A first name the text only says in address belongs to the one who answers to it.

Narration may call a woman "Miss Derek" throughout while her friends call her "Nancy" ("Oh,
Nancy, how topping!"); the cast stage, with no sentence joining the two, makes "Nancy" a
character of her own whom the narration never names. After decoding, every line has a speaker:
when the lines beside those calls are one character's, whose aliases hold no first name of
their own, the name is that character's (and so is any line the scorer gave the stray name).
Runs after decoding, like the description merge."""

from __future__ import annotations

from collections import Counter

from ficlens.characters.kinship import surnames
from ficlens.characters.lexicon import TITLES
from ficlens.model import Character, Work
from ficlens.speakers.fold import fold_characters, genders_clash

_MIN_CALLS = 2   # calls answered by the same character, and two thirds of all calls


def merge_called_names(work: Work, ctx, decided: dict[int, tuple[str | None, str]]) -> None:
    """Fold each character known only by a bare name said in address into the character who
    answers those calls. ``ctx`` is the speakers' Context (turns, exchanges, genders, and who
    each quote addresses by name, which is updated)."""
    turns, genders, addressed = ctx.turns, ctx.genders, ctx.addressed
    in_narration = {m.character for m in work.mentions
                    if m.character and m.kind != "vocative" and not ctx.layout.in_quote(m.start)}
    called_only = {c.id for c in work.characters
                   if len(c.aliases) == 1 and " " not in c.aliases[0] and c.id not in in_narration}
    if not called_only:
        return
    answers: dict[str, Counter] = {}
    calls: Counter = Counter()
    for qi, names in addressed.items():
        run, i = ctx.run_pos[ctx.turn_of[qi]]
        caller = decided[qi][0]
        beside = {turns[run[j]].speaker for j in (i - 1, i + 1) if 0 <= j < len(run)}
        for name in names & called_only:
            calls[name] += 1
            answers.setdefault(name, Counter()).update(beside - {name, caller, None})
    by_id = {c.id: c for c in work.characters}
    merged: dict[str, str] = {}
    for name, counter in answers.items():
        if not counter:
            continue
        (who, n), *rest = counter.most_common(2)
        if rest and rest[0][1] == n:
            continue  # two neighbours answer equally often: no evidence for either
        if who not in by_id or who in called_only or n < _MIN_CALLS or 3 * n < 2 * calls[name]:
            continue
        if genders_clash(genders, who, name) or _has_first_name(by_id[who]):
            continue
        merged[name] = who
    if not merged:
        return
    for qi, names in addressed.items():
        if names & merged.keys():
            addressed[qi] = {merged.get(n, n) for n in names}
    for name, who in merged.items():
        by_id[who].aliases = [*by_id[who].aliases, *by_id[name].aliases]
    fold_characters(work, decided, merged)


def _has_first_name(character: Character) -> bool:
    """Does the character already have a given name ("Adela", "Adela Quested", "Auntie Tibby")?
    Only titled and bare-surname forms ("Miss Derek", "Derek") leave room for one."""
    family_names = surnames(character)
    for alias in character.aliases:
        first = alias.split()[0]
        if first.rstrip(".").lower() not in TITLES and first not in family_names:
            return True
    return False
