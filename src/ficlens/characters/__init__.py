"""Stage 'characters': the cast, every mention of it, and pronoun coreference.

Names are found by pooled evidence (names.py), clustered into characters (cluster.py), seeded by
AO3 tags and the user's list, given a gender (gender.py), joined by epithets (epithets.py),
vocatives and pet names (vocatives.py), a first-person narrator or second-person reader
(persons.py), and pronouns (coref.py). Output: ``work.characters`` and ``work.mentions``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ficlens.characters.appositives import NamedSpans, appositive_partner, clear_winner
from ficlens.characters.arrivals import introduce_arrivals
from ficlens.characters.article_names import merge_article_names
from ficlens.characters.canon import (
    accept_canon_forms,
    active_fandoms,
    canon_epithets,
    epithet_pattern,
    join_canon_names,
)
from ficlens.characters.cluster import Cluster, FormKey, build_clusters, parse_seed
from ficlens.characters.coref import resolve_pronouns
from ficlens.characters.epithets import (
    GENERIC,
    UNLINKED,
    Epithet,
    by_looks,
    find_epithets,
    head_gender,
    link_epithets,
    title_links,
)
from ficlens.characters.gender import census_gender, decide, name_gender, pronoun_votes
from ficlens.characters.kinship import family_member, kin_gender
from ficlens.characters.layout import Layout
from ficlens.characters.lexicon import FEMALE_NAMES, MALE_NAMES, PRONOUN_LABEL, TITLES
from ficlens.characters.names import (
    accepted_forms,
    find_occurrences,
    group_occurrences,
    looks_vocative,
    pool_evidence,
)
from ficlens.characters.persons import (
    NAME_GIVEN_RE,
    READER_RE,
    SAID_I_RE,
    count_person,
    narrative_person,
)
from ficlens.characters.places import people_only
from ficlens.characters.stated_aliases import merge_stated_aliases
from ficlens.characters.vocatives import pet_names_in, shouted_names
from ficlens.model import Character, Mention, Work
from ficlens.options import Options

_SENTENCE_END_RE = re.compile(r"[.!?…]+[”\"’']?\s")


def run(work: Work, options: Options) -> None:
    text = work.text
    layout = Layout.of(work)
    occurrences = find_occurrences(text, layout)
    evidence = pool_evidence(text, occurrences)
    forms = accepted_forms(occurrences, evidence)
    seeds = _seeds(work, options)
    _accept_seeded_forms(forms, occurrences, seeds)
    fandoms = active_fandoms(list((work.metadata or {}).get("fandoms") or []), forms, evidence.lower)
    accept_canon_forms(forms, occurrences, fandoms)
    work.runtime["characters.fandoms"] = [f.name for f in fandoms]
    form_votes = pronoun_votes(text, [(o.start, o.end, (o.title, o.tokens)) for o in occurrences
                                      if (o.title, o.tokens) in forms], layout.in_quote)
    form_gender = {key: decide(None, votes) for key, votes in form_votes.items()}
    for key in forms:  # a plain given name tells the gender unless the pronouns clearly disagree
        lexical = name_gender(key[1][0]) if key[0] is None else None
        if lexical and not _pronouns_overrule(lexical, form_votes.get(key), _listed(key[1][0]),
                                              _plainly_gendered(key[1][0])):
            form_gender[key] = lexical
    paragraphs: dict[FormKey, set[int]] = {}
    sentences: dict[FormKey, set[int]] = {}
    full_stops = [m.end() for m in _FULL_STOP_RE.finditer(text)]
    for o in occurrences:
        p = layout.paragraph_index(o.start)
        if p is not None and (o.title, o.tokens) in forms:
            paragraphs.setdefault((o.title, o.tokens), set()).add(p)
            i = bisect_right(full_stops, o.start)
            sentences.setdefault((o.title, o.tokens), set()).add(
                max(layout.paragraphs[p][0], full_stops[i - 1] if i else 0))
    clusters = people_only(build_clusters(forms, seeds, form_gender, paragraphs, sentences,
                                          _leanings(form_votes)),
                           occurrences, text)
    clusters = merge_article_names(clusters, occurrences, text, layout)
    clusters = merge_stated_aliases(clusters, occurrences, text)
    clusters, canon_of = join_canon_names(clusters, fandoms)

    counts = count_person(text, layout.paragraphs, layout.in_quote)
    reader_spans = [m.span() for s, e in layout.paragraphs for m in READER_RE.finditer(text, s, e)]
    person = narrative_person(counts, bool(reader_spans))
    work.runtime["characters.person"] = person

    form_cluster: dict[FormKey, Cluster] = {f: c for c in clusters for f in c.forms}
    grouped = group_occurrences(occurrences)
    display = {key: " ".join(text[occs[0].start:occs[0].end].split()) for key, occs in grouped.items()}
    with_article = _article_forms(text, grouped, display)

    narrator_cluster = None
    if person == "first":
        narrator_cluster, nicknames = _narrator_cluster(text, layout, occurrences, form_cluster)
        for other in nicknames:   # "Stiff", called out beside the narrator's lines as "Tris" is
            narrator_cluster.forms.update(other.forms)
            narrator_cluster.nickname_forms |= set(other.forms)
            form_cluster.update(dict.fromkeys(other.forms, narrator_cluster))
            clusters.remove(other)
    clusters.sort(key=lambda c: (c is not narrator_cluster, -c.count))
    ids = {id(c): f"c{i}" for i, c in enumerate(clusters)}

    characters: list[Character] = []
    for c in clusters:
        origin = "narrator" if c is narrator_cluster else c.origin
        aliases = sorted(set(_aliases(c, display)) | {with_article[k] for k in c.forms if k in with_article})
        characters.append(Character(ids[id(c)], _canonical(c, display, with_article), aliases, origin=origin))
    narrator_id = None
    # A third-person tale told by an "I" who talks with the characters ('"What about a story?" I
    # said.' in Winnie-the-Pooh's frame): that narrator is a speaker of the cast too.
    frame_narrator = person == "third" and _narrator_tags(text, layout) >= _FRAME_NARRATOR_TAGS
    if person == "first" or frame_narrator:
        if narrator_cluster is None:
            narrator_id = f"c{len(characters)}"
            characters.append(Character(narrator_id, "Narrator", [], origin="narrator"))
        else:
            narrator_id = ids[id(narrator_cluster)]
    reader_id = None
    if person == "second":
        reader_id = f"c{len(characters)}"
        name = "Y/N" if reader_spans else "Reader"
        aliases = sorted({" ".join(text[s:e].split()) for s, e in reader_spans}) or ["Reader"]
        characters.append(Character(reader_id, name, aliases, origin="reader"))

    mentions: list[Mention] = []
    for occ in occurrences:
        key = (occ.title, occ.tokens)
        cluster = form_cluster.get(key) if key in forms else None
        if cluster is None:
            cluster = _qualified_name(occ, forms, form_cluster, evidence)
            if cluster is not None:  # "the White Rabbit" is the Rabbit
                mentions.append(Mention(occ.start, occ.end, ids[id(cluster)], "name"))
            continue
        kind = ("vocative" if occ.vocative else "nickname" if key in cluster.nickname_forms
                else "title" if occ.title else "name")
        mentions.append(Mention(occ.start, occ.end, ids[id(cluster)], kind))
    if reader_id:
        mentions += [Mention(s, e, reader_id, "reader") for s, e in reader_spans]
    mentions += _shouted_mentions(text, layout, form_cluster, ids)

    named = [(m.start, m.end, m.character) for m in mentions if m.kind in ("name", "title", "nickname")]
    votes = pronoun_votes(text, named, layout.in_quote)   # once: genders and leanings both read it
    genders = _genders(clusters, ids, votes)
    for c in clusters:   # the canon's gender, unless the text's pronouns clearly say another
        canon, cid = canon_of.get(id(c)), ids[id(c)]
        if canon is not None and canon.gender \
                and not _pronouns_overrule(canon.gender, votes.get(cid), listed=True, plain=True):
            genders[cid] = canon.gender
    for ch in characters:
        ch.gender = genders.get(ch.id, "unknown")
        ch.pronouns = PRONOUN_LABEL.get(ch.gender)

    title_holders: dict[str, Counter] = {}
    for c in clusters:
        for (title, _), n in c.forms.items():
            if title and (TITLES.get(title) is None or title in _RANKS):  # "Dr.", "Count", not Mr/Mrs
                title_holders.setdefault(title, Counter())[ids[id(c)]] += max(n, 1)
    leanings = _leanings(votes)
    link_genders = _with_name_genders(genders, clusters, ids, leanings)
    mentions += _epithet_mentions(text, layout, mentions, link_genders, characters, title_holders,
                                  canon_epithets(canon_of, ids))
    mentions += _bare_title_mentions(text, layout, characters, Counter(m.character for m in mentions))
    arrivals = introduce_arrivals(text, layout, characters, mentions)
    genders.update(arrivals)
    work.runtime["characters.arrivals"] = set(arrivals)   # descriptions, as the tag-made ones
    for q_start, q_end in layout.quotes:
        mentions += [Mention(s, e, None, "pet_name") for s, e in pet_names_in(text, q_start, q_end)]
    named_counts = Counter(m.character for m in mentions if m.character)

    def kin(owner: str, noun: str) -> str | None:
        return family_member(characters, [owner], noun, kin_gender(noun), genders, named_counts)

    mentions += resolve_pronouns(text, layout.paragraphs, mentions, genders, layout.in_quote,
                                 layout.scene_index, narrator=narrator_id, reader=reader_id, kin=kin,
                                 leanings=leanings)
    mentions.sort(key=lambda m: (m.start, m.end))
    count_mentions(characters, mentions)
    work.characters = characters
    work.mentions = mentions
    work.runtime["characters.narrator"] = narrator_id
    work.runtime["characters.reader"] = reader_id


# Disagreeing pronoun votes it takes to overrule a plainly gendered given name ("Sarah"): a
# genderbent character gets many; two stray "he"s after "Sarah smiled at John; he…" are noise.
LISTED_NAME_OVERRULE = 5


def _plainly_gendered(given: str) -> bool:
    """Is the given name itself in exactly one of our gendered lists ("Nancy", "Harry")?"""
    low = given.lower()
    return (low in FEMALE_NAMES) != (low in MALE_NAMES)


def _listed(given: str) -> bool:
    """Is the given name plainly gendered, or borne far more often by one sex in the census?"""
    return _plainly_gendered(given) or census_gender(given) is not None


def _pronouns_overrule(lexical: str, votes: Counter | None, listed: bool = False,
                       plain: bool = False) -> bool:
    """Pronouns after a name in narration are noisy ('Nancy looked at Sikes; he…'): they
    overrule a ``plain`` name's usual gender only when none of them agrees, and a ``listed``
    given name's only when there are many of them."""
    if not votes:
        return False
    needed = LISTED_NAME_OVERRULE if listed else 2
    agree = votes.get(lexical, 0)
    if agree == 0 or plain:
        return agree == 0 and sum(votes.values()) >= needed
    # Hazbin Hotel's Charlie, "her" eight times and "he" three: a few stray votes do not save a
    # name only the census or a variant ("Charles") calls a man's; they do save "Nancy"
    other = max(n for gender, n in votes.items() if gender != lexical) if len(votes) > 1 else 0
    return other >= LISTED_NAME_OVERRULE and other >= 2 * agree


def _accept_seeded_forms(forms: dict[FormKey, int], occurrences, seeds: list[tuple[str, str]]) -> None:
    """A name the work's tags or the user list ("Chiron", "Annabeth Chase") is a name wherever
    the text says it, and so is its first word alone, however little else the text gives it
    (seen once, at a sentence start)."""
    wanted: set[FormKey] = set()
    for name, _ in seeds:
        title, tokens = parse_seed(name)
        if tokens:
            wanted.add((title, tokens))
            if title is None and len(tokens) > 1:
                wanted.add((None, tokens[:1]))
    seen = Counter(key for o in occurrences if (key := (o.title, o.tokens)) in wanted and key not in forms)
    forms.update(seen)


def _seeds(work: Work, options: Options) -> list[tuple[str, str]]:
    seeds: list[tuple[str, str]] = []
    for name in options.characters or []:
        for part in str(name).split(";"):
            if part.strip():
                seeds.append((_clean_tag(part), "user"))
    meta = work.metadata or {}
    tagged = list(meta.get("characters") or [])
    for rel in meta.get("relationships") or []:
        if isinstance(rel, dict):
            tagged += list(rel.get("characters") or [])
    for name in tagged:
        cleaned = _clean_tag(str(name))
        if cleaned and not _NOT_A_PERSON_TAG.fullmatch(cleaned):
            seeds.append((cleaned, "tag"))
    return seeds


# AO3's placeholders for invented people and the reader: no one of that name is in the text
_NOT_A_PERSON_TAG = re.compile(
    r"(?i)original (?:(?:female|male|non-binary|nonbinary) )?characters?|o[fm]cs?|"
    r"(?:the )?reader|you|y/n|everyone|various|other characters|minor characters")


def _clean_tag(name: str) -> str:
    """'Harry Potter (Harry Potter)' -> 'Harry Potter'; 'Original Female Character(s)' kept out."""
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name)
    return " ".join(name.split())


def _article_forms(text: str, grouped, display) -> dict[FormKey, str]:
    """'the Hatter', 'the Mock Turtle': names mostly read after 'the' keep it in an alias."""
    out = {}
    for key, occs in grouped.items():
        if key[0] is None and key in display:
            after_the = sum(text[max(0, o.start - 4):o.start].lower() == "the " for o in occs)
            if after_the >= 0.5 * len(occs):
                out[key] = "the " + display[key]
    return out


def _canonical(c: Cluster, display: dict[FormKey, str], with_article: dict[FormKey, str]) -> str:
    """The longest name the text uses often enough; a description read after 'the' ("the Jew")
    or a nickname only when the character has no other name."""
    if c.seed_name:
        return c.seed_name
    top = max(c.forms.values()) if c.forms else 0
    usable = [k for k, n in c.forms.items() if n >= max(1, 0.05 * top) and k in display]
    usable = [k for k in usable if k not in with_article] or usable
    usable = [k for k in usable if k not in c.nickname_forms] or usable   # "Uraraka", not "Round Face"
    if not usable:
        return next(iter(display.get(k, " ".join(k[1])) for k in c.forms))
    best = max(usable, key=lambda k: (len(k[1]), k[0] is None, c.forms[k]))
    return display[best]


def _aliases(c: Cluster, display: dict[FormKey, str]) -> list[str]:
    names = {display.get(k, " ".join(k[1])) for k in c.forms}
    if c.seed_name:
        names.add(c.seed_name)
    return sorted(names)


def _genders(clusters, ids, votes: dict[str, Counter]) -> dict[str, str]:
    """Each character's gender from honorifics, else from the pronoun ``votes`` after their name."""
    out = {}
    for c in clusters:
        cid = ids[id(c)]
        out[cid] = decide(c.title_gender(), votes.get(cid))
        if _title_was_a_joke(c, out[cid], votes.get(cid)):
            out[cid] = decide(None, votes.get(cid))
    return out


def _title_was_a_joke(cluster: Cluster, gender: str, votes: Counter | None) -> bool:
    """A rare honorific the pronouns flatly deny: Helen's teasing "All right, Auntie Tibby" once,
    and "he" after "Tibby" nineteen times. The honorific must be under 5 % of the names, and the
    other gender's pronouns at least ten and four times this gender's."""
    if not votes or gender not in ("male", "female"):
        return False
    other = "female" if gender == "male" else "male"
    titled = sum(n for (title, _), n in cluster.forms.items() if title and TITLES.get(title) == gender)
    return (titled * 20 < cluster.count and votes.get(other, 0) >= 10
            and votes[other] >= 4 * votes.get(gender, 0))


def _leanings(votes: dict[str, Counter]) -> dict[str, str]:
    """The gender a character's pronouns lean to, however few: too weak to report, enough to
    keep a gendered epithet ("the old woman") off a character whose one pronoun is "he"."""
    out = {}
    for cid, counter in votes.items():
        ranked = counter.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[cid] = ranked[0][0]
    return out


def _with_name_genders(genders: dict[str, str], clusters, ids, leanings: dict[str, str]) -> dict[str, str]:
    """Genders for epithet linking: where honorifics and pronouns left a character 'unknown',
    their leaning pronouns or else given names decide ("Dr. Brendan Cooper" is no "old woman")."""
    out = dict(genders)
    for c in clusters:
        cid = ids[id(c)]
        if out.get(cid, "unknown") != "unknown":
            continue
        if cid in leanings:
            out[cid] = leanings[cid]
            continue
        lexical = {name_gender(tokens[0]) for title, tokens in c.forms if title is None or len(tokens) > 1}
        lexical.discard(None)
        if len(lexical) == 1:
            out[cid] = lexical.pop()
    return out


# A sentence end that is not an honorific's full stop ("Mrs. Pontellier smiled at Edna."): a
# name form's sentences are told apart by the last one before it (or its paragraph's start).
_FULL_STOP_RE = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?…]+[”\"’']?\s")


def _sentence_bounds(text: str):
    def bounds(pos: int) -> tuple[int, int]:
        lo = max(0, pos - 400)
        starts = [m.end() for m in _SENTENCE_END_RE.finditer(text, lo, pos)]
        end_m = _SENTENCE_END_RE.search(text, pos, pos + 400)
        return (starts[-1] if starts else lo, end_m.end() if end_m else pos + 400)
    return bounds


# Foreign honorifics a narration uses alone for the one character who holds them ('"…," said
# Mademoiselle' for Mademoiselle Reisz); English ones ("said Mr.") always come with a name.
_BARE_TITLE_RE = re.compile(r"\b(Mademoiselle|Madame|Monsieur|Signora|Signorina|Signor|Señora|Señorita|Señor|"
                            r"Fräulein|Frau|Herr)\b(?![ \t]*\n?[ \t]*[A-Z])")


def _bare_title_mentions(text: str, layout: Layout, characters: list[Character],
                         counts: Counter) -> list[Mention]:
    """The honorific alone, for its one holder, or the one named four times as often as any other."""
    chosen: dict[str, str] = {}
    for title, ids in title_bearers(characters).items():
        ranked = sorted(ids, key=lambda c: -counts[c])
        if len(ranked) == 1 or counts[ranked[0]] >= 4 * max(counts[ranked[1]], 1):
            chosen[title] = ranked[0]
    out = []
    for p_start, p_end in layout.paragraphs:
        for m in _BARE_TITLE_RE.finditer(text, p_start, p_end):
            if m.group(1) in chosen and not layout.in_quote(m.start()):
                out.append(Mention(m.start(), m.end(), chosen[m.group(1)], "title"))
    return out


def title_bearers(characters: list[Character]) -> dict[str, set[str]]:
    """First word of each multiword alias, as written ("Mademoiselle", "Colonel", "Dr.") -> the
    characters whose aliases begin with it: who bears which honorific, as the cast shows it."""
    bearers: dict[str, set[str]] = {}
    for c in characters:
        for alias in c.aliases:
            if len(alias.split()) > 1:
                bearers.setdefault(alias.split()[0], set()).add(c.id)
    return bearers


def _qualified_name(occ, forms, form_cluster, evidence) -> Cluster | None:
    """'the White Rabbit': a name the cast knows on its own ("Rabbit"), after capitalised
    words that are common words elsewhere in the work ("white"): still that character."""
    if occ.title or len(occ.tokens) < 2 or (None, occ.tokens[-1:]) not in forms:
        return None
    if not all(evidence.lower[t.lower()] > 0 for t in occ.tokens[:-1]):
        return None
    return form_cluster.get((None, occ.tokens[-1:]))


def count_mentions(characters: list[Character], mentions: list[Mention]) -> None:
    """Each character's ``mention_count``: its mentions in the layer, whichever stage added them."""
    per_char = Counter(m.character for m in mentions if m.character)
    for ch in characters:
        ch.mention_count = per_char[ch.id]


# Gendered titles that are ranks: "the count" is the one "Count <Name>" (while "the lady" is anyone).
_RANKS = frozenset({"count", "countess", "duke", "duchess", "prince", "princess", "king", "queen",
                    "marquis", "baron", "baroness"})


def _epithet_mentions(text, layout, mentions, genders, characters, title_holders,
                      canon: dict[str, str] | None = None) -> list[Mention]:
    """Mentions by description ("the potions master"), each linked to the character it stands
    for where one can be told. ``canon``: the fandom's own epithets (phrase -> character id)."""
    # A capitalised description the name finder took for a name ("the Magistrate") stays a name.
    names = NamedSpans([(m.start, m.end, m.character) for m in mentions])
    epithets = [ep for ep in find_epithets(text, layout.paragraphs, layout.in_quote)
                if not names.overlaps(ep.start, ep.end)]
    if canon:
        epithets = _with_canon_epithets(text, layout, epithets, names, canon)
    if not epithets:
        return []
    named = [(m.start, m.end, m.character) for m in mentions if m.character and not layout.in_quote(m.start)]
    sentence_of = _sentence_bounds(text)
    links = link_epithets(epithets, named, genders, layout.scene_index, sentence_of,
                          _called_by_their_lines(text, epithets, mentions, layout))
    # An office ("the professor") names its holder ("Professor X"), not whoever is near it.
    links = {p: cid for p, cid in links.items() if p not in TITLES}
    links.update(title_links(epithets, title_holders))
    links.update({ep.phrase: canon[ep.phrase] for ep in epithets if canon and ep.phrase in canon})
    appositions = NamedSpans(named)
    partners = [appositive_partner(text, ep.start, ep.end, appositions) for ep in epithets]
    links.update(_appositive_links(epithets, partners, genders))
    by_id = {c.id: c for c in characters}
    for phrase, cid in links.items():
        by_id[cid].epithets.append("the " + phrase)
    out = []
    named.sort()
    in_scene: dict[int, set[str]] = {}
    for start, _, holder in named:
        in_scene.setdefault(layout.scene_index(start), set()).add(holder)
    for ep, beside in zip(epithets, partners, strict=True):
        cid = beside if beside and _fits(ep.gender, genders.get(beside)) else links.get(ep.phrase)
        if cid is not None and cid != beside and _plain_description(ep.phrase) \
                and cid not in in_scene.get(layout.scene_index(ep.start), ()):
            # "the old lady" is Mrs. Bedwin in her chapters and Mrs. Maylie in hers: a plain
            # description linked to someone nowhere named in the scene stands for someone who is
            cid = _recent_compatible(named, ep, genders, layout)
        if cid is None and ep.generic:
            cid = _recent_compatible(named, ep, genders, layout)
        elif cid is None and ep.gender and by_looks("the " + ep.phrase):
            # "But the bushy-haired witch only smiled": someone on stage, the last she named; not
            # one named in the same sentence ("Naruto launched himself at the dark-haired boy")
            # unless set beside it ("Miss Swartz, the woolly-haired young heiress")
            lo, hi = sentence_of(ep.start)
            before = named[_bisect_left(named, ep.start - _LONGEST_NAME):_bisect_left(named, ep.start)]
            others = {c for _, _, c in named[_bisect_left(named, lo):_bisect_left(named, hi)]} - {
                c for _, e, c in before if lo <= e and _APPOSED_RE.fullmatch(text, e, ep.start)}
            cid = _recent_compatible(named, ep, genders, layout, not_these=others)
            if cid is not None and "the " + ep.phrase not in by_id[cid].epithets:
                by_id[cid].epithets.append("the " + ep.phrase)
        out.append(Mention(ep.start, ep.end, cid, "epithet"))
    return out


# Between a line and the description tagging it: "’ the bard", "’ said the bard", "’, the bard".
_TAG_GAP_RE = re.compile(r"[\s,]*(?:[a-z]+\s+)?")


def _shouted_mentions(text: str, layout: Layout, form_cluster: dict[FormKey, Cluster],
                      ids: dict[int, str]) -> list[Mention]:
    """Names shouted in capitals inside lines ("ZUKO! Buddy!"), which the name finder, reading
    capitalised words, does not see: vocatives where they stand as one, else names."""
    out = []
    for q_start, q_end in layout.quotes:
        for s, e, tokens in shouted_names(text, q_start, q_end, lambda t: (None, t) in form_cluster):
            kind = "vocative" if looks_vocative(text, s, e) else "name"
            out.append(Mention(s, e, ids[id(form_cluster[(None, tokens)])], kind))
    return out


def _with_canon_epithets(text: str, layout, epithets: list[Epithet], names: NamedSpans,
                         canon: dict[str, str]) -> list[Epithet]:
    """The epithets found, and the fandom's own the lexicon does not know ("the waterbender",
    "the Fire Lord") wherever the narration says them."""
    pattern = epithet_pattern(canon)
    found = NamedSpans([(ep.start, ep.end, "") for ep in epithets])
    extra = []
    for p_start, p_end in layout.paragraphs:
        for m in pattern.finditer(text, p_start, p_end):
            if layout.in_quote(m.start()) or names.overlaps(m.start(), m.end()) \
                    or found.overlaps(m.start(), m.end()):
                continue
            phrase = " ".join(m.group("phrase").split()).lower()
            extra.append(Epithet(m.start(), m.end(), phrase, head_gender(phrase), False))
    return sorted([*epithets, *extra], key=lambda ep: ep.start) if extra else epithets


def _called_by_their_lines(text: str, epithets: list, mentions: list[Mention],
                           layout) -> dict[int, set[str]]:
    """Epithet start -> the characters called by name in the line the epithet tags ("‘…which
    were calfskin, Geralt, …’ the bard was saying, ‘…’"): no one calls himself by name, so the
    bard is not Geralt. Only an epithet right after a line's close, and the vocatives of that
    line and of its continuation in the same paragraph."""
    calls: dict[int, set[str]] = {}
    for m in mentions:
        if m.kind == "vocative" and m.character:
            qi = layout.quote_index(m.start)
            if qi is not None:
                calls.setdefault(qi, set()).add(m.character)
    out: dict[int, set[str]] = {}
    if not calls:
        return out
    for ep in epithets:
        i = layout.quote_before(ep.start)
        if i is None or not _TAG_GAP_RE.fullmatch(text, layout.quotes[i][1], ep.start):
            continue
        para = layout.paragraph_index(ep.start)
        named = set(calls.get(i, ()))
        if i + 1 < len(layout.quotes) and layout.paragraph_index(layout.quotes[i + 1][0]) == para:
            named |= calls.get(i + 1, set())
        if named and layout.paragraph_index(layout.quotes[i][0]) == para:
            out[ep.start] = named
    return out


_AGES = frozenset({"old", "young", "little", "elderly", "aged", "older", "younger", "elder"})


def _plain_description(phrase: str) -> bool:
    """"the old lady", "the young man": a person by sex and age, which many hold in turn (not "the
    raven-haired boy", which marks one)."""
    *modifiers, head = phrase.split()
    return head in GENERIC and all(m in _AGES for m in modifiers)


def _appositive_links(epithets, partners, genders) -> dict[str, str]:
    """phrase -> the character it is set in apposition to ("the potions master, Severus Snape,"),
    from each occurrence's partner (``partners``, parallel to ``epithets``)."""
    votes: dict[str, Counter] = {}
    for ep, cid in zip(epithets, partners, strict=True):
        if cid is not None and not ep.generic and ep.phrase.split()[-1] not in UNLINKED:
            votes.setdefault(ep.phrase, Counter())[cid] += 1
    gender_of = {ep.phrase: ep.gender for ep in epithets}
    links = {}
    for phrase, counter in votes.items():
        cid = clear_winner(counter)
        if cid is not None and _fits(gender_of[phrase], genders.get(cid)):
            links[phrase] = cid
    return links


def _fits(description_gender: str | None, character_gender: str | None) -> bool:
    """A gendered description ("the old woman") may stand for a character not known to differ."""
    return description_gender is None or character_gender not in ("male", "female") \
        or character_gender == description_gender


_APPOSED_RE = re.compile(r",\s*")
_LONGEST_NAME = 200   # characters: no name mention is longer, so one set beside a point starts after this


def _recent_compatible(named, ep, genders, layout, not_these: frozenset | set = frozenset()) -> str | None:
    """The last character named before the epithet in its scene, of a gender it allows (and
    none of ``not_these``)."""
    scene = layout.scene_index(ep.start)
    for start, _, cid in reversed(named[:_bisect_left(named, ep.start)]):
        if layout.scene_index(start) != scene or ep.start - start > 3000:
            return None
        if cid not in not_these and (ep.gender is None or genders.get(cid) == ep.gender):
            return cid
    return None


def _bisect_left(named, pos: int) -> int:
    from bisect import bisect_left

    return bisect_left(named, (pos,))


_FRAME_NARRATOR_TAGS = 3   # '"…," I said.' tags it takes to hear a narrator in a third-person tale


def _narrator_tags(text: str, layout: Layout) -> int:
    """Quotes whose tag is the narration's "I" ('"…," I said.', '"…," said I.')."""
    count = 0
    for _, end in layout.quotes:
        said = SAID_I_RE.search(text[end:end + 30])
        if said and not layout.in_quote(end + said.end() - 1):
            count += 1
    return count


_ASKS_WHO_RE = re.compile(r"\?|\b(?:[Nn]ame|[Yy]ou(?:'re|’re| are))\b")


def _narrator_cluster(text, layout, occurrences, form_cluster) -> tuple[Cluster | None, list[Cluster]]:
    """The named cluster the narrator turns out to be: 'my name is X', a line of nothing but a
    name that the narrator says ("'Sally Donovan,' I said."), or the name others call out in the
    quotes next to the narrator's own ('…,' said I); and the narrator's nicknames, names called
    out there less often that the narration never uses either."""
    for s, e in layout.paragraphs:
        for m in NAME_GIVEN_RE.finditer(text, s, e):
            if layout.in_quote(m.start()):
                continue
            words = tuple(m.group(1).split())
            for n in range(len(words), 0, -1):
                c = form_cluster.get((None, words[:n]))
                if c is not None:
                    return c, []
    # "'You're the new sergeant.' / 'Sally Donovan,' I said.": the narrator answering with nothing
    # but a full name gives their own (not "'Poirot!' I cried", calling someone)
    for occ in occurrences:
        qi = layout.quote_index(occ.start) if occ.in_quote else None
        if not qi or occ.title or len(occ.tokens) < 2:   # None, or the first quote: nothing asked
            continue
        qs, qe = layout.quotes[qi]
        inner = text[qs:qe].strip(" \t\n\"“”‘’'")
        asked = text[layout.quotes[qi - 1][0]:layout.quotes[qi - 1][1]]
        if inner.rstrip(",.") == text[occ.start:occ.end] and inner[-1:] in ",." \
                and _ASKS_WHO_RE.search(asked) and SAID_I_RE.search(text[qe:qe + 30]):
            c = form_cluster.get((occ.title, occ.tokens))
            if c is not None:
                return c, []
    narrator_paragraphs = set()
    for qs, qe in layout.quotes:
        if SAID_I_RE.search(text[qe:qe + 30]) or re.search(r"\bI\s+(?:said|asked|replied)\W{0,3}$",
                                                            text[max(0, qs - 30):qs]):
            narrator_paragraphs.add(layout.paragraph_index(qs))
    # '"Geordi, anything?" / I looked.': a paragraph of the narrator's own doing answers too
    for p, (s, e) in enumerate(layout.paragraphs):
        if text.startswith("I ", s) and layout.quote_before(e) == layout.quote_before(s):
            narrator_paragraphs.add(p)
    voted: set[tuple[int, int]] = set()   # (cluster, paragraph): a paragraph votes once
    addressed: dict[int, set[int]] = {}    # cluster -> paragraphs that call it by name
    narrated: set[int] = set()             # clusters the narration names
    for occ in occurrences:
        c = form_cluster.get((occ.title, occ.tokens))
        if c is None:
            continue
        if not occ.in_quote:
            narrated.add(id(c))
        if not occ.vocative:
            continue
        p = layout.paragraph_index(occ.start)
        addressed.setdefault(id(c), set()).add(p)
        beside_narrator = p is not None and (p - 1 in narrator_paragraphs or p + 1 in narrator_paragraphs)
        if beside_narrator and p not in narrator_paragraphs:
            voted.add((id(c), p))
    votes = Counter(c for c, _ in voted)
    by_id = {id(c): c for c in form_cluster.values()}
    ranked = votes.most_common()
    if ranked and ranked[0][1] >= 2:
        # a rival the narration never names either may be the narrator's nickname ("Tris" and
        # "Stiff"): it does not hold the leader back, a name the narration uses does
        rivals = [n for c, n in ranked[1:] if ranked[0][0] in narrated or c in narrated or n == ranked[0][1]]
        if not rivals or ranked[0][1] >= 2 * rivals[0]:
            nicknames = [by_id[c] for c, n in ranked[1:] if n >= 2 and ranked[0][0] not in narrated
                         and c not in narrated and n < ranked[0][1]]
            return by_id[ranked[0][0]], nicknames
    # '"Well, Watson, what do you make of it?"': the one name the narration never uses, only the
    # others calling out to the narrator, in paragraph after paragraph
    only_addressed = [c for c, paragraphs in addressed.items()
                      if c not in narrated and len(paragraphs) >= _NARRATOR_ADDRESSED and votes[c]]
    if len(only_addressed) == 1:
        return by_id[only_addressed[0]], []
    # a story told in untagged lines ('"How early?" / "The naiads aren't even up yet, Percy."'):
    # the name others call out most, never in the narration, clearly ahead of any other
    calls = sorted(((len(paragraphs), c) for c, paragraphs in addressed.items() if c not in narrated),
                   reverse=True)
    if calls and calls[0][0] >= _NARRATOR_CALLED and (len(calls) == 1 or calls[0][0] >= 2 * calls[1][0]):
        return by_id[calls[0][1]], []
    return None, []


_NARRATOR_ADDRESSED = 3   # paragraphs calling the narrator by a name the narration never uses
_NARRATOR_CALLED = 4      # the same without a narrator's tag beside any of them
