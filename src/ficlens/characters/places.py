"""Clusters that are not people: places ("London", "Windy Corner") and families ("the Bennets").

A place is capitalised like a name, so it survives the name finder when it is seen mid-sentence.
What gives it away is how the text uses it over the whole work: mostly after a place preposition
("to London", "at Hunsford"), never with an honorific, rarely beside a speech verb. A family
plural ("Lucases", "Miss Bennets") is the plural of a surname that a person in the cast holds.
Such clusters are dropped so they never become speaker candidates.
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens.characters.cluster import Cluster, FormKey
from ficlens.characters.lexicon import words
from ficlens.characters.names import Occurrence, is_given_name
from ficlens.language.verbs import TAG_VERBS

# Share of a cluster's occurrences after "at/in/to/from…" from which it reads as a place.
PLACE_SHARE = 0.25
_VERB_THE_RE = re.compile(r"\b([A-Za-z]+)\s+the\s+$", re.IGNORECASE)
# "the far end of Cornwall", "out of Afghanistan": weak place evidence ("a friend of Harry" too),
# so it only counts where nothing else says person.
_OF_RE = re.compile(r"\b(?:of|from|in|to|at)\s+$", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
# Words after a name that do not make it the subject of a verb ("Cornwall and Devon", "Kent, by").
_NOT_A_VERB = words("""
and or of in to at from by with for on the a an as than but nor so yet that which who where when while if
""")


def form_usage(occurrences: list[Occurrence], text: str = "") -> dict[FormKey, Counter]:
    """Per surface form: how often seen, after a place preposition, after "the", and as a
    person (speech verb beside it, vocative)."""
    usage: dict[FormKey, Counter] = {}
    for occ in occurrences:
        counts = usage.setdefault((occ.title, occ.tokens), Counter())
        counts["total"] += 1
        counts["place"] += occ.place
        counts["person"] += occ.person
        counts["article"] += text[max(0, occ.start - 4):occ.start].lower() == "the "
        verb = _VERB_THE_RE.search(text, max(0, occ.start - 24), occ.start)
        counts["person"] += bool(verb and verb.group(1).lower() in TAG_VERBS)  # "said the Jew"
        counts["vocative"] += occ.vocative
        counts["weak_place"] += bool(_OF_RE.search(text, max(0, occ.start - 8), occ.start))
        counts["acts"] += _acts(text, occ)
    return usage


def _acts(text: str, occ: Occurrence) -> bool:
    """A name in narration followed by a verb-like word ("Agnes looked", "Watson slit"), or a
    subject whose next pronoun is he/she: what people do and places rarely do."""
    if occ.title or text.startswith(("'s", "’s"), occ.end):
        return True  # an honorific or a possessive ("Contessa Baroncelli's safety") says person
    if occ.in_quote:
        return False
    nxt = _NEXT_WORD_RE.match(text, occ.end, occ.end + 30)
    if nxt and nxt.group(1) not in _NOT_A_VERB:
        return True
    return bool(re.match(r"\W{0,3}\s*(?:he|she)\b", text[occ.end:occ.end + 12]))


def looks_like_unacting_place(cluster: Cluster, usage: dict[FormKey, Counter],
                              titled_words: frozenset[str] = frozenset()) -> bool:
    """A name whose only person evidence is a vocative-looking comma ("Cornwall, by the
    postmark"), that never acts in narration, never takes an honorific anywhere ("Hill" is
    "Mrs. Hill" elsewhere), and is read after "in/of/from/to": a place."""
    if any(title for title, _ in cluster.forms) or cluster.origin != "text":
        return False
    if any(word in titled_words for _, tokens in cluster.forms for word in tokens):
        return False
    if any(is_given_name(tokens[0]) for _, tokens in cluster.forms):
        return False
    total = Counter()
    for key in cluster.forms:
        total.update(usage.get(key, Counter()))
    return (total["acts"] == 0 and total["person"] <= total["vocative"]
            and total["weak_place"] >= max(1, total["vocative"]))


def looks_like_place(cluster: Cluster, usage: dict[FormKey, Counter]) -> bool:
    """No honorific, no known given name, and mostly read after a place preposition."""
    if any(title for title, _ in cluster.forms) or cluster.origin != "text":
        return False
    total = Counter()
    for key in cluster.forms:
        total.update(usage.get(key, Counter()))
    n = total["total"]
    # A known given name needs stronger evidence ("Kent" is both; "looked to Harry" is not a place).
    share = 0.5 if any(is_given_name(tokens[0]) for _, tokens in cluster.forms) else PLACE_SHARE
    return n > 0 and total["place"] >= share * n and total["person"] <= 0.05 * n + 1


def _singular(word: str) -> set[str]:
    forms = set()
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


def is_family_plural(cluster: Cluster, surnames: Counter) -> bool:
    """Every form ends in the plural ("Bennets", "Miss Lucases", "the John Knightleys") of a
    surname someone holds, and the surname is said more often than the plural: one misprinted
    "Mrs. Braddock" does not make the 25 "Braddocks" a family."""
    return bool(cluster.forms) and all(
        any(surnames[s] >= cluster.count for s in _singular(tokens[-1])) for _, tokens in cluster.forms)


def is_kind_plural(cluster: Cluster, seen_words: frozenset[str], usage: dict[FormKey, Counter]) -> bool:
    """Only ever a bare plural whose singular the text also capitalises ("Londons" beside
    "London", "Outlanders" beside "Outlander"), and never beside a speech verb: places or kinds
    of people, not a person ("Braddocks said" is a man, whatever one "Braddock" elsewhere)."""
    return cluster.origin == "text" and bool(cluster.forms) and all(
        title is None and len(tokens) == 1 and tokens[0].endswith("s")
        and tokens[0][:-1] in seen_words and not _acts_as_one(usage.get((title, tokens), Counter()))
        for title, tokens in cluster.forms)


def _acts_as_one(counts: Counter) -> bool:
    """Beside a speech verb, and never "the Xs" ("said the Indians" is a kind)."""
    return counts["person"] > 0 and counts["article"] == 0


def looks_like_thing(cluster: Cluster, usage: dict[FormKey, Counter]) -> bool:
    """Read mostly after "the" ("the Arno", "the Marian") and never beside speech or in address:
    a river, a ship, a book. A person called "the X" speaks ("said the Hatter")."""
    if any(title for title, _ in cluster.forms) or cluster.origin != "text":
        return False
    total = Counter()
    for key in cluster.forms:
        total.update(usage.get(key, Counter()))
    return total["total"] > 0 and total["article"] >= 0.6 * total["total"] and total["person"] == 0


def people_only(clusters: list[Cluster], occurrences: list[Occurrence], text: str) -> list[Cluster]:
    """The clusters that stand for people."""
    usage = form_usage(occurrences, text)
    surnames: Counter = Counter()  # how often each surname is said (with a title or a given name)
    for c in clusters:
        for (title, tokens), n in c.forms.items():
            if title or len(tokens) >= 2:
                surnames[tokens[-1]] += max(n, 1)
    titled_words = frozenset(word for occ in occurrences if occ.title for word in occ.tokens)
    seen_words = frozenset(word for occ in occurrences for word in occ.tokens)
    return [c for c in clusters if not looks_like_place(c, usage) and not looks_like_thing(c, usage)
            and not looks_like_unacting_place(c, usage, titled_words) and not is_family_plural(c, surnames)
            and not is_kind_plural(c, seen_words, usage)]
