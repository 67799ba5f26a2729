"""Fandom canon: the names fans use for the main characters of the most written fandoms.

A story takes its canon for granted: "Deku" is Midoriya Izuku, "Sparky" is Zuko, "the White Wolf"
is Geralt and "the waterbender" Katara, though no sentence says so. ``data/canon.toml`` lists,
for each fandom, its main characters with their full names, nicknames, epithets and gender.

A fandom is used when the work's fandom tag names it, or when its text names enough of its
characters by names no other book would use (two of them, or three rare ones). Within it a
character counts only when the text names them; then the clusters of their nicknames join
theirs, their epithets are their mentions, and their gender stands where the text says none.
The text's own evidence comes first: a cluster that is another canon character never joins, an
epithet the text sets beside someone else stays theirs, and the pronouns the text uses decide a
gender before the canon does."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ficlens.characters.cluster import Cluster, FormKey, parse_seed
from ficlens.characters.lexicon import FEMALE_NAMES, MALE_NAMES
from ficlens.characters.nicknames import nickname_groups


@dataclass(frozen=True)
class CanonCharacter:
    name: str
    gender: str | None
    names: tuple[FormKey, ...]       # full names ("Midoriya Izuku", "Izuku Midoriya")
    nicknames: tuple[FormKey, ...]   # "Deku"; a capitalised epithet ("the White Wolf") too
    epithets: tuple[str, ...]        # lower-case, without "the": "waterbender", "boy who lived"


@dataclass(frozen=True)
class Fandom:
    name: str
    tags: tuple[str, ...]
    characters: tuple[CanonCharacter, ...]

    @cached_property
    def identifying(self) -> dict[FormKey, CanonCharacter]:
        """Form -> the one canon character it names in this fandom: each full name, and each word
        of a full name no other character of the fandom shares ("Potter" is Harry's and James's:
        neither). Built once per process, as the fandoms are: every work asks for it."""
        owners: dict[FormKey, set[str]] = {}
        for ch in self.characters:
            for title, tokens in ch.names:
                owners.setdefault((title, tokens), set()).add(ch.name)
                for word in tokens:
                    if len(word) > 2 and word[:1].isupper():
                        owners.setdefault((None, (word,)), set()).add(ch.name)
        by_name = {ch.name: ch for ch in self.characters}
        return {key: by_name[next(iter(who))] for key, who in owners.items() if len(who) == 1}


@lru_cache(maxsize=1)
def load_canon() -> tuple[Fandom, ...]:
    """The bundled fandoms, parsed once per process."""
    path = resources.files("ficlens.characters") / "data" / "canon.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(Fandom(f["name"], tuple(t.lower() for t in f.get("tags", ())),
                        tuple(_character(c) for c in f.get("character", ()))) for f in data["fandom"])


def _character(entry: dict) -> CanonCharacter:
    names = tuple(dict.fromkeys(parse_seed(n) for n in [entry["name"], *entry.get("also", ())]))
    epithets, nicknames = [], [parse_seed(n) for n in entry.get("nicknames", ())]
    for phrase in entry.get("epithets", ()):
        bare = phrase.split(" ", 1)[1] if phrase.lower().startswith("the ") else phrase
        epithets.append(bare.lower())
        if all(w[:1].isupper() for w in bare.split()):
            nicknames.append(parse_seed(bare))   # "the White Wolf" reads as a name, "White Wolf"
    return CanonCharacter(entry["name"], entry.get("gender"), names,
                          tuple(dict.fromkeys(k for k in nicknames if k[1])), tuple(dict.fromkeys(epithets)))


def _rare(word: str, lowercase: Counter) -> bool:
    """No common given name ("Harry", "Jason"), and never a common word in this text ("Black")."""
    low = word.lower()
    return len(word) >= 4 and low not in MALE_NAMES | FEMALE_NAMES and low not in nickname_groups() \
        and not lowercase[low]


def _naming_strength(key: FormKey, ch: CanonCharacter, lowercase: Counter) -> int:
    """2 for a name no other book would use: a full name ("Harry Potter"), a rare name said
    alone ("Aziraphale") or first ("Izuku", "Midoriya"); 1 for a rare surname ("Granger"), which
    a novel may give someone else ("Watson"); 0 for a common name."""
    words = key[1]
    if len(words) > 1:
        return 2
    if not _rare(words[0], lowercase):
        return 0
    return 2 if any(tokens[0] == words[0] for _, tokens in ch.names) else 1


_STRONG = 2   # characters named by names of strength 2
_SEVERAL = 3  # or characters named by rare names of any strength


def active_fandoms(fandom_tags: list[str], forms: dict[FormKey, int], lowercase: Counter) -> list[Fandom]:
    """The fandoms a work belongs to: named by its tags, else shown by its text naming two of
    their characters by names no other book would use, or three by rare names. ``lowercase``:
    how often the text writes each word in lower case."""
    tags = " | ".join(t.lower() for t in fandom_tags)
    out = []
    for fandom in load_canon():
        if tags and any(t in tags for t in fandom.tags):
            out.append(fandom)
            continue
        strength: dict[str, int] = {}
        for key, ch in fandom.identifying.items():
            if forms.get(key, 0) > 0:
                strength[ch.name] = max(strength.get(ch.name, 0), _naming_strength(key, ch, lowercase))
        strong, rare = sum(v == 2 for v in strength.values()), sum(v > 0 for v in strength.values())
        if strong >= _STRONG or rare >= _SEVERAL:
            out.append(fandom)
    return out


def accept_canon_forms(forms: dict[FormKey, int], occurrences, fandoms: list[Fandom]) -> None:
    """The names and nicknames of a fandom's characters are names wherever the text says them,
    however little else the text gives them ("Katara", once, at a sentence start)."""
    if not fandoms:
        return
    wanted = {key for fandom in fandoms for key in fandom.identifying}
    wanted |= {key for fandom in fandoms for ch in fandom.characters for key in ch.nicknames}
    seen = Counter(key for o in occurrences if (key := (o.title, o.tokens)) in wanted and key not in forms)
    forms.update(seen)


def join_canon_names(clusters: list[Cluster],
                     fandoms: list[Fandom]) -> tuple[list[Cluster], dict[int, CanonCharacter]]:
    """Give each canon character the text names its cluster, and fold into it the clusters of its
    nicknames ("Sparky", "White Wolf") and of the words of its name no one else has ("Kei").
    Returns the clusters left and ``id(cluster) -> canon character``."""
    if not fandoms:
        return clusters, {}
    form_cluster = {f: c for c in clusters for f in c.forms}
    canon_of: dict[int, CanonCharacter] = {}
    owner: dict[str, Cluster] = {}
    for fandom in fandoms:
        identifying = fandom.identifying
        for ch in fandom.characters:
            holders = [form_cluster[k] for k, who in identifying.items() if who is ch and k in form_cluster]
            if not holders or ch.name in owner:
                continue
            target = max(holders, key=lambda h: (h.count, -clusters.index(h)))
            if id(target) not in canon_of:
                canon_of[id(target)] = ch
                owner[ch.name] = target
    folded: set[int] = set()
    identifying = {key: ch.name for fandom in fandoms for key, ch in fandom.identifying.items()}
    spelt: dict[tuple, list[FormKey]] = {}   # "Icyhot", "Four-Eyes": the canon's "Icy-Hot", "Four Eyes"
    for f in form_cluster:
        spelt.setdefault(_spelling(f), []).append(f)
    for target in owner.values():
        ch = canon_of[id(target)]
        # its names, its nicknames, and each word of its name that is no one else's ("Kei")
        own = set(ch.names) | set(ch.nicknames) | {k for k, who in identifying.items() if who == ch.name}
        nicknames = {f for k in ch.nicknames for f in spelt.get(_spelling(k), ())}
        own |= nicknames
        target.nickname_forms |= set(target.forms) & nicknames
        # a shared word of its name joins with a form that is its own: "Crusher" with "Dr. Crusher"
        name_words = {w for _, tokens in ch.names for w in tokens}
        for key in sorted(own, key=lambda k: (k[0] or "", k[1])):
            c = form_cluster.get(key)
            if c is not None and c is not target and id(c) not in canon_of and id(c) not in folded \
                    and all(f in own or (len(f[1]) == 1 and f[1][0] in name_words) for f in c.forms):
                target.forms.update(c.forms)
                target.nickname_forms |= set(c.forms) & nicknames
                folded.add(id(c))
                for f in c.forms:
                    form_cluster[f] = target
    _fold_bare_surnames(owner.values(), canon_of, form_cluster, folded)
    return [c for c in clusters if id(c) not in folded], canon_of


def _fold_bare_surnames(targets, canon_of: dict[int, CanonCharacter], form_cluster: dict[FormKey, Cluster],
                        folded: set[int]) -> None:
    """"Crusher" is Beverly's and Wesley's name, but a text that calls only Beverly "Dr. Crusher"
    means her by "Crusher" too: a cluster of nothing but that word joins the one canon character
    the text gives it with a title."""
    claims: dict[str, list[Cluster]] = {}
    for target in targets:
        for title, tokens in target.forms:
            if title is not None and len(tokens) == 1:
                claims.setdefault(tokens[0], []).append(target)
    for word, holders in claims.items():
        c = form_cluster.get((None, (word,)))
        if len(set(map(id, holders))) != 1 or c is None or id(c) in canon_of or id(c) in folded:
            continue
        target = holders[0]
        if c is not target and all(tokens == (word,) for _, tokens in c.forms):
            target.forms.update(c.forms)
            folded.add(id(c))
            for f in c.forms:
                form_cluster[f] = target


def _spelling(key: FormKey) -> tuple[str | None, str]:
    """A name form as fans spell it variously: case, spaces and hyphens aside."""
    return key[0], "".join(key[1]).replace("-", "").casefold()


def canon_epithets(canon_of: dict[int, CanonCharacter], ids: dict[int, str]) -> dict[str, str]:
    """Epithet phrase -> character id, for the epithets of the canon characters the text names,
    when only one of them has that epithet ("the senator" is Leia's and Padmé's: neither's)."""
    holders: dict[str, set[str]] = {}
    for key, ch in canon_of.items():
        for phrase in ch.epithets:
            holders.setdefault(phrase, set()).add(ids[key])
    return {phrase: next(iter(who)) for phrase, who in holders.items() if len(who) == 1}


def epithet_pattern(phrases) -> re.Pattern | None:
    """One pattern for the canon epithets a work may use: "the" and the words, any case after it
    ("the fire lord", "the Fire Lord")."""
    if not phrases:
        return None
    alternatives = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b[Tt]he\s+(?P<phrase>(?i:" + "|".join(alternatives) + r"))\b(?![-\w])")
