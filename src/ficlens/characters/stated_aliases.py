"""Aliases the text states: "Noah Claypole, or Morris Bolter as the reader pleases", "Tom Riddle,
alias Lord Voldemort", "Natasha Romanoff, also known as the Black Widow", "Mr. Wilcox, or, as I
must now call him, Henry". A character who takes a new name keeps one identity; the two name
clusters join. A wedding states one too: after "Mr. Bumble had married Mrs. Corney", the "Mrs.
Bumble" who first appears later is the bride.
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
# "Mr. Bumble had married Mrs. Corney", "Stella had married Cyril", "Jane was married to Mr. Price"
_MARRIED_RE = re.compile(r"\s+(?:had\s+|has\s+)?(?:(?:was|is|had\s+been|has\s+been)\s+)?"
                         r"(?:married|wedded)(?:\s+to)?\s+")


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

    for first, link, second, second_end in _linked_names(named, starts, text, _LINK_RE):
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
    clusters = [c for c in clusters if id(c) not in merged]
    return _merge_married_names(clusters, occurrences, named, starts, text)


def _linked_names(named, starts: list[int], text: str, link_re: re.Pattern):
    """(first, link, second, second's end) for each name followed by ``link_re`` and, right
    after it, another name ("Mr. Bumble" "had married" "Mrs. Corney")."""
    for _, end, first in named:
        link = link_re.match(text, end)
        if link is None:
            continue
        i = bisect_left(starts, link.end())
        if i < len(named) and starts[i] == link.end():
            yield first, link, named[i][2], named[i][1]


def _merge_married_names(clusters: list[Cluster], occurrences: list[Occurrence], named, starts: list[int],
                         text: str) -> list[Cluster]:
    """'Mr. Bumble had married Mrs. Corney': a 'Mrs. Bumble' first named after the wedding is
    the bride by her new name (a 'Mrs. Bumble' named before it is someone else: his mother, a
    first wife)."""
    by_form = {f: c for c in clusters for f in c.forms}
    first_seen: dict[tuple, int] = {}
    for occurrence in occurrences:
        key = (occurrence.title, occurrence.tokens)
        first_seen[key] = min(first_seen.get(key, occurrence.start), occurrence.start)
    folded: set[int] = set()
    for first, link, second, _ in _linked_names(named, starts, text, _MARRIED_RE):
        wedding = link.start()
        one, other = by_form.get((first.title, first.tokens)), by_form.get((second.title, second.tokens))
        if one is None or other is None or one is other:
            continue
        genders = (one.title_gender(), other.title_gender())
        if genders == ("male", "female"):
            groom, bride = one, other
        elif genders == ("female", "male"):
            groom, bride = other, one
        else:
            continue
        for surname in _surnames(groom):
            married = by_form.get(("mrs", (surname,)))
            if married is None or married is groom or married is bride or id(married) in folded:
                continue
            if min(first_seen.get(f, 0) for f in married.forms) < wedding:
                continue
            bride.forms.update(married.forms)
            folded.add(id(married))
    return [c for c in clusters if id(c) not in folded]


def _surnames(c: Cluster) -> set[str]:
    """The family names a man's cluster goes by: the last word of a full name, or the one word
    after his title ("Mr. Bumble")."""
    return {tokens[-1] for title, tokens in c.forms if len(tokens) >= 2 or (title and tokens)}
