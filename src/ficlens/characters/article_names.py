"""Capitalised epithets used as names ("the Jew" for Fagin).

A one-word name the text mostly reads after "the" is a description, not a name. When it tags
speech ('"…," said the Jew') and the neighbouring turns keep calling one named character out by
vocative ('"Fagin, …"'), the description is that character: the party addressed in the turns
around a speaker is the speaker. Its cluster then joins theirs. So does one the text sets in
apposition to a name ("the Collector, Mr. Turton, with whom they had dined").
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens.characters.appositives import NamedSpans, appositive_votes, clear_winner
from ficlens.characters.cluster import Cluster
from ficlens.characters.layout import Layout
from ficlens.characters.names import Occurrence
from ficlens.language.verbs import TAG_VERBS

# Share of a name's occurrences after "the" from which it reads as a description.
ARTICLE_SHARE = 0.6
MIN_VOTES = 3
_WORD_RE = re.compile(r"[a-z]+")


def _after_the(text: str, start: int) -> bool:
    return text[max(0, start - 4):start].lower() == "the "


def article_clusters(clusters: list[Cluster], occurrences: list[Occurrence], text: str,
                     one_word: bool = True) -> list[Cluster]:
    """Clusters of untitled names read mostly after 'the' ("the Jew", "the Collector Sahib")."""
    out = []
    for c in clusters:
        if c.origin != "text" or not c.forms:
            continue
        if any(title or (one_word and len(tokens) != 1) for title, tokens in c.forms):
            continue
        occs = [o for o in occurrences if (o.title, o.tokens) in c.forms]
        if occs and sum(_after_the(text, o.start) for o in occs) >= ARTICLE_SHARE * len(occs):
            out.append(c)
    return out


def _is_tag(text: str, occ: Occurrence, layout: Layout) -> bool:
    """'"…," said the Jew' / '"…," the Jew replied': a speech verb beside it, right after a quote."""
    q = layout.quote_index(max(0, occ.start - 1))
    before = text[max(0, occ.start - 30):occ.start]
    after = text[occ.end:occ.end + 20]
    near_quote = any(mark in before for mark in "\"”’'") or q is not None
    verbs = set(_WORD_RE.findall(before.lower()[-15:])) | set(_WORD_RE.findall(after.lower()[:12]))
    return near_quote and bool(verbs & TAG_VERBS)


def merge_appositive_names(clusters: list[Cluster], occurrences: list[Occurrence],
                           text: str) -> list[Cluster]:
    """Fold each article-name cluster into the named character the text sets beside it."""
    candidates = article_clusters(clusters, occurrences, text, one_word=False)
    if not candidates:
        return clusters
    index = {id(c): str(i) for i, c in enumerate(clusters)}
    candidate_ids = {id(c) for c in candidates}   # by identity: clusters compare by value
    by_form = {f: c for c in clusters for f in c.forms}
    named, spans = [], []
    for occ in occurrences:
        c = by_form.get((occ.title, occ.tokens))
        if c is None or occ.in_quote:
            continue
        named.append((occ.start, occ.end, index[id(c)]))
        if id(c) in candidate_ids and _after_the(text, occ.start):
            spans.append((index[id(c)], occ.start - 4, occ.end))
    # "Mr. McBryde, the District Superintendent of Police,": the office with a qualifier before it
    offices = {toks[0]: index[id(c)] for c in candidates for _, toks in c.forms
               if len(c.forms) == 1 and len(toks) == 1}
    if offices:
        qualified = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+\s+("
                               + "|".join(map(re.escape, sorted(offices, key=len, reverse=True))) + r")\b")
        spans += [(offices[m.group(1)], m.start(), m.end()) for m in qualified.finditer(text)]
    votes = appositive_votes(text, spans, NamedSpans(named))
    merged: set[str] = set()
    for key, counter in votes.items():
        winner = clear_winner(counter)
        if winner is None or winner == key or winner in merged or key in merged:
            continue
        cand, target = clusters[int(key)], clusters[int(winner)]
        if id(target) in candidate_ids or not cand.gender_agrees(target):
            continue
        target.forms.update(cand.forms)
        merged.add(key)
    return [c for i, c in enumerate(clusters) if str(i) not in merged]


def merge_article_names(clusters: list[Cluster], occurrences: list[Occurrence], text: str,
                        layout: Layout) -> list[Cluster]:
    """Fold each article-name cluster into the named character its interlocutors address."""
    clusters = merge_appositive_names(clusters, occurrences, text)
    candidates = article_clusters(clusters, occurrences, text)
    if not candidates:
        return clusters
    by_form = {f: c for c in clusters for f in c.forms}
    vocatives_by_paragraph: dict[int, list[Cluster]] = {}
    for occ in occurrences:
        c = by_form.get((occ.title, occ.tokens))
        p = layout.paragraph_index(occ.start)
        if occ.vocative and c is not None and p is not None:
            vocatives_by_paragraph.setdefault(p, []).append(c)
    merged: set[int] = set()
    for cand in candidates:
        votes: Counter = Counter()
        for occ in occurrences:
            if (occ.title, occ.tokens) not in cand.forms or occ.in_quote or not _is_tag(text, occ, layout):
                continue
            p = layout.paragraph_index(occ.start)
            if p is None:
                continue
            for c in vocatives_by_paragraph.get(p - 1, []) + vocatives_by_paragraph.get(p + 1, []):
                if c is not cand and id(c) not in merged:
                    votes[id(c)] += 1
        ranked = votes.most_common(2)
        if not ranked or ranked[0][1] < MIN_VOTES or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            continue
        target = next(c for c in clusters if id(c) == ranked[0][0])
        if not cand.gender_agrees(target):
            continue
        target.forms.update(cand.forms)
        merged.add(id(cand))
    return [c for c in clusters if id(c) not in merged]
