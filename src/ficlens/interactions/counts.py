"""Who talks to whom: directed pairs, speakers, and characters sharing scenes."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from itertools import combinations

from ficlens.model import Quote, Work
from ficlens.pov.narration import effective_scenes, word_count


def utterances(work: Work) -> list[tuple[Quote, int]]:
    """Speech quotes with their word counts; pieces of one utterance (same group) count once."""
    out: list[tuple[Quote, int]] = []
    seen_groups: dict[int, int] = {}
    for quote in work.quotes:
        if quote.mode != "speech":
            continue
        words = word_count(work.text[quote.start : quote.end])
        if quote.group is not None and quote.group in seen_groups:
            index = seen_groups[quote.group]
            out[index] = (out[index][0], out[index][1] + words)
            continue
        if quote.group is not None:
            seen_groups[quote.group] = len(out)
        out.append((quote, words))
    return out


def speaker_pairs(work: Work) -> tuple[list[dict], list[dict]]:
    """(directed speaker→addressee pairs, per-speaker totals), both sorted by words desc."""
    pairs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    speakers: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for quote, words in utterances(work):
        if not quote.speaker:
            continue
        speakers[quote.speaker][0] += 1
        speakers[quote.speaker][1] += words
        for addressee in dict.fromkeys(quote.addressees):
            if addressee and addressee != quote.speaker:
                pairs[(quote.speaker, addressee)][0] += 1
                pairs[(quote.speaker, addressee)][1] += words
    pair_list = [{"speaker": s, "addressee": a, "quotes": q, "words": w} for (s, a), (q, w) in pairs.items()]
    pair_list.sort(key=lambda p: (-p["words"], -p["quotes"], p["speaker"], p["addressee"]))
    speaker_list = [{"character": c, "quotes": q, "words": w} for c, (q, w) in speakers.items()]
    speaker_list.sort(key=lambda s: (-s["words"], -s["quotes"], s["character"]))
    return pair_list, speaker_list


def scene_presence(work: Work) -> list[set[str]]:
    """The characters present in each scene: mentioned (any kind) or speaking there."""
    scenes = effective_scenes(work)
    present: list[set[str]] = [set() for _ in scenes]
    starts = [s.start for s in scenes]

    def place(offset: int, char: str | None) -> None:
        if not char:
            return
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < scenes[i].end:
            present[i].add(char)

    for mention in work.mentions:
        place(mention.start, mention.character)
    for quote in work.quotes:
        place(quote.start, quote.speaker)
    if not work.mentions:
        from ficlens.pov.cast import cast_index

        for start, _, char in cast_index(work).named_mentions:
            place(start, char)
    return present


def cooccurrence(work: Work) -> list[dict]:
    """Undirected pairs of characters and the number of scenes they share."""
    counts: Counter[tuple[str, str]] = Counter()
    for chars in scene_presence(work):
        for a, b in combinations(sorted(chars), 2):
            counts[(a, b)] += 1
    out = [{"a": a, "b": b, "scenes": n} for (a, b), n in counts.items()]
    out.sort(key=lambda p: (-p["scenes"], p["a"], p["b"]))
    return out
