"""Aliases the text states: "Noah Claypole, or Morris Bolter as the reader pleases", "Tom Riddle,
alias Lord Voldemort", "Natasha Romanoff, also known as the Black Widow", "Mr. Wilcox, or, as I
must now call him, Henry". A character who takes a new name keeps one identity; the two name
clusters join.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ficlens.characters.cluster import Cluster
from ficlens.characters.names import Occurrence

# Between the two names. ", or" states an alias only between two full names with "as" after the
# second ("…, or Morris Bolter as the reader pleases"); otherwise it offers a choice of two people.
# The narrator's renaming ("…, or, as I must now call him, Henry") states it outright.
_LINK_RE = re.compile(r",?\s+(?:alias|a\.?k\.?a\.?|also\s+known\s+as|otherwise\s+known\s+as"
                      r"|better\s+known\s+as"
                      r"|or,?\s+as\s+(?:\w+\s+){1,3}?call(?:ed)?\s+(?:him|her),?)\s+"
                      r"|(?P<or>,\s+or\s+)")
_AS_AFTER_RE = re.compile(r",?\s+as\b")


def merge_stated_aliases(clusters: list[Cluster], occurrences: list[Occurrence], text: str) -> list[Cluster]:
    """Join the clusters of two names the text states are one person's."""
    by_form = {f: c for c in clusters for f in c.forms}
    named = sorted(((o.start, o.end, o) for o in occurrences
                    if not o.in_quote and (o.title, o.tokens) in by_form), key=lambda t: t[0])
    starts = [s for s, _, _ in named]
    merged: dict[int, Cluster] = {}    # id of a cluster folded away -> the cluster it joined

    def live(c: Cluster) -> Cluster:
        while id(c) in merged:
            c = merged[id(c)]
        return c

    for _, end, first in named:
        link = _LINK_RE.match(text, end)
        if link is None:
            continue
        i = bisect_left(starts, link.end())
        if i == len(named) or starts[i] != link.end():
            continue
        _, second_end, second = named[i]
        if link.group("or") and (len(first.tokens) < 2 or len(second.tokens) < 2
                                 or not _AS_AFTER_RE.match(text, second_end)):
            continue
        a, b = live(by_form[(first.title, first.tokens)]), live(by_form[(second.title, second.tokens)])
        if a is b or not a.gender_agrees(b):
            continue
        keep, fold = (a, b) if a.count >= b.count else (b, a)
        keep.forms.update(fold.forms)
        keep.nickname_forms |= fold.nickname_forms
        merged[id(fold)] = keep
    return [c for c in clusters if id(c) not in merged]
