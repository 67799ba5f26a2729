"""Decoding the scorer over a whole exchange, not one quote at a time.

Who spoke a turn depends on who spoke the two turns before it (A, B, A, B), so quotes are
decided left to right and the scorer sees the speakers this decoding gave the previous two
turns of the exchange. A small beam keeps the best few readings of the exchange so far; readings
that agree on the last two turns are merged (only those two matter to what follows), which makes
this a pruned second-order Viterbi search. Training (``training.fit_decoder``) sees the same
features through ``forced_rows``, the previous turns holding the speakers a first model's
decoding gave them, so it learns how far to trust them. A run decodes twice (``decode_work``):
the second time every turn holds the first decoding's speaker, so the turns ahead of a quote
count as decoded, not as the rules guessed them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ficlens.speakers.scorer import Model, feature_rows, settled, softmax

Memory = tuple[tuple[int, str | None, str], ...]   # (turn, speaker, evidence) of the last two turns
BEAM = 6


@dataclass(slots=True)
class _Reading:
    score: float
    memory: Memory
    trail: tuple | None          # (qi, speaker, probability, parent trail): a linked list


def _apply(ctx, memory: Memory) -> None:
    """Give the previous turns the speakers this reading chose for them."""
    for turn, speaker, evidence in memory:
        ctx.turns[turn].speaker, ctx.turns[turn].evidence = speaker, evidence


def _remember(ctx, memory: Memory, qi: int, speaker: str | None, evidence: str) -> Memory:
    t = ctx.turn_of[qi]
    if ctx.turns[t].quotes[0] != qi:
        return memory  # a turn's speaker is the speaker of its first quote
    run, i = ctx.run_pos[t]
    keep = tuple(m for m in memory if i and m[0] == run[i - 1])
    return ((t, speaker, evidence), *keep)


def decode(ctx, model: Model, beam: int = BEAM) -> dict[int, tuple[str, float]]:
    """qi -> (speaker, probability) for every quote the scorer decides (no settled tag)."""
    rule, tags = ctx.rule, ctx.tags
    readings = [_Reading(0.0, (), None)]
    for qi in range(len(ctx.work.quotes)):
        speaker, evidence = rule[qi]
        if settled(evidence, tags[qi]):
            for r in readings:
                r.memory = _remember(ctx, r.memory, qi, speaker, evidence)
            continue
        expanded: dict[tuple, _Reading] = {}
        for r in readings:
            _apply(ctx, r.memory)
            cands, rows = feature_rows(ctx, qi)
            if not cands:
                options = [(speaker, 1.0)]
            else:
                probs = softmax(model.scores(rows))
                top = np.argsort(-probs)[:beam]
                options = [(cands[int(j)], float(probs[j])) for j in top]
            for cand, p in options:
                memory = _remember(ctx, r.memory, qi, cand, "scorer")
                score = r.score + math.log(max(p, 1e-12))
                key = tuple((m[0], m[1]) for m in memory)
                best = expanded.get(key)
                if best is None or score > best.score:
                    expanded[key] = _Reading(score, memory, (qi, cand, p, r.trail))
        readings = sorted(expanded.values(), key=lambda r: -r.score)[:beam]
    out: dict[int, tuple[str, float]] = {}
    trail = readings[0].trail if readings else None
    while trail is not None:
        qi, cand, p, trail = trail
        if cand is not None:
            out[qi] = (cand, p)
    return out


def decode_work(ctx, model: Model) -> dict[int, tuple[str, float]]:
    """The decoding a run uses: the work is decoded twice with the same model. In the first
    pass the turns ahead of a quote hold the rules' guesses; in the second they hold the first
    pass's speakers, so "the next turn is hers" rests on a decoding, not on a guess (PDNC end to
    end +56 quotes, round 18; a second model trained for that pass did no better)."""
    reading = decode(ctx, model)
    hold(ctx, {qi: speaker for qi, (speaker, _) in reading.items()})
    return decode(ctx, model)


def hold(ctx, reading: dict[int, str | None]) -> None:
    """Give every turn whose first quote ``reading`` decides that reading's speaker."""
    for turn in ctx.turns:
        if turn.quotes[0] in reading:
            turn.speaker, turn.evidence = reading[turn.quotes[0]], "scorer"


def forced_rows(ctx, previous: dict[int, str | None] | None
                ) -> Iterator[tuple[int, list[str], np.ndarray]]:
    """Feature rows of every quote the scorer decides, the previous turns holding the speakers
    ``previous`` gives them (quotes missing from it keep the rules' speaker), or all turns the
    rules' speakers when it is None: the views training learns from."""
    rule, tags = ctx.rule, ctx.tags
    memory: Memory = ()
    for qi in range(len(ctx.work.quotes)):
        speaker, evidence = rule[qi]
        if settled(evidence, tags[qi]):
            memory = _remember(ctx, memory, qi, speaker, evidence)
            continue
        if previous is not None:
            _apply(ctx, memory)
        cands, rows = feature_rows(ctx, qi)
        yield qi, cands, rows
        if previous is not None:
            memory = _remember(ctx, memory, qi, previous.get(qi, speaker), "scorer")
