"""Name forms → characters.

"Frank Churchill" ⊃ "Frank", "Mr. Churchill", "Mr. Frank Churchill"; nicknames join their given
name; honorific gender and first names keep people who share a surname apart ("Mr. Bennet",
"Mrs. Bennet", "Jane Bennet"); a bare name joins a holder only when one holder clearly dominates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ficlens.characters.gender import name_gender
from ficlens.characters.lexicon import TITLES
from ficlens.characters.nicknames import is_clipped_from, is_diminutive_of, is_nickname_of, nickname_groups

FormKey = tuple[str | None, tuple[str, ...]]
# Honorifics of a married or titled woman, who often shares a surname with daughters.
_MARRIED_TITLES = frozenset({"mrs", "madame", "mme", "lady", "dame"})
# Spellings and translations of one honorific ("Mister Noah Claypole" is "Mr. Claypole"; Poirot's
# "Monsieur Inglethorp" is the narrator's "Mr. Inglethorp").
_SAME_TITLE = {"mister": "mr", "monsieur": "mr", "m": "mr", "signor": "mr", "señor": "mr", "senor": "mr",
               "herr": "mr", "missus": "mrs", "madame": "mrs", "mme": "mrs", "signora": "mrs",
               "señora": "mrs", "senora": "mrs", "frau": "mrs", "mademoiselle": "miss", "mlle": "miss",
               "signorina": "miss", "señorita": "miss", "senorita": "miss", "fräulein": "miss",
               "fraulein": "miss"}
# Honorifics that go with a given name ("Aunt Petunia", "Miss Lizzy", "Sir William").
_GIVEN_NAME_TITLES = frozenset({"miss", "master", "aunt", "auntie", "uncle", "sir", "lady", "dame", "lord",
                                "cousin", "father", "mother", "sister", "brother"})


@dataclass
class Cluster:
    forms: Counter = field(default_factory=Counter)          # FormKey -> occurrences
    nickname_forms: set = field(default_factory=set)          # forms that joined as nicknames
    origin: str = "text"
    seed_name: str | None = None
    form_gender: dict = field(default_factory=dict)          # FormKey -> gender from pronouns

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    def title_gender(self) -> str | None:
        votes = Counter()
        for (title, _), n in self.forms.items():
            g = TITLES.get(title) if title else None
            if g:
                votes[g] += max(n, 1)
        if not votes:
            for key, n in self.forms.items():
                g = self.form_gender.get(key)
                if g in ("male", "female"):
                    votes[g] += max(n, 1)
        if not votes:
            return None
        (best, n), *rest = votes.most_common()
        return best if not rest or n >= 3 * rest[0][1] else None

    def gender_agrees(self, other: Cluster) -> bool:
        """Nothing in the two clusters' honorifics or pronouns says they differ in gender."""
        return _compatible(self.title_gender(), other)

    def has(self, pred) -> bool:
        return any(pred(title, tokens) for title, tokens in self.forms)

    def first_names(self) -> set[str]:
        return {t[0] for _, t in self.forms if len(t) >= 2}

    def given_names(self) -> set[str]:
        """First names, and the single word a cluster of one bare name goes by."""
        return self.first_names() | {t[0] for title, t in self.forms if len(t) == 1 and title is None}

    def surnames(self) -> set[str]:
        return {t[-1] for title, t in self.forms if len(t) >= 2 or title}


def _known(gender: str | None) -> str | None:
    return gender if gender in ("male", "female") else None


def _compatible(gender: str | None, cluster: Cluster, strict: bool = False) -> bool:
    """Genders agree; with ``strict`` an unknown cluster gender does not count as agreeing."""
    other = cluster.title_gender()
    if strict and gender and other is None:
        return False
    return gender is None or other is None or gender == other


def _nickname_titles_agree(a: str | None, b: str | None) -> bool:
    """"Eliza Bennet" may be "Miss Elizabeth Bennet", but "Tom Bertram" is not "Sir Thomas
    Bertram": a nickname crosses only to the same honorific or to a plain one (Mr/Miss/Master),
    never to a rank that may mark the father (Sir, Lord, Dr)."""
    return a == b or {a, b} <= {None, "miss", "master", "mr", "mister", "ms"}


_SURNAME_OVER_FIRST = 3   # how much more often a word must be a surname to stop being a first name
_SURNAME_OVER_GIVEN = 20  # how much more often a man is his bare surname than "<first name> <surname>"


_BROTHER_EVIDENCE = 10  # names of the brother before a bare family name is taken for his


def _gender_of(c: Cluster) -> str | None:
    """A cluster's gender from its titles, else from its given names."""
    by_title = c.title_gender()
    if by_title:
        return by_title
    genders = {name_gender(g) for g in c.first_names()} - {None, "unknown"}
    return genders.pop() if len(genders) == 1 else None


def _short_form_fits(word: str, said: str | None, c: Cluster) -> bool:
    """Is the bare ``word`` (whose pronouns say ``said``) a diminutive or a clipping of one of
    ``c``'s given names, or they of it? Never of a surname ("Hark" is not Mina Harker), never
    across genders ("Jacky" is not Jack), and a clipping only between names a person bears: the
    full name is known to be someone's, or the clipped one is all the cluster is called ("Cas",
    but "Barsoom" is no "Bar Comas")."""
    gender = _said_gender(c)
    if said and gender and said != gender:
        return False
    for f in c.given_names() - c.surnames():
        if is_diminutive_of(word, f) or is_diminutive_of(f, word):
            return True
        if is_clipped_from(word, f) and gender:
            return True
        if is_clipped_from(f, word) and (said or not c.first_names()):
            return True
    return False


def _said_gender(c: Cluster) -> str | None:
    """A cluster's gender from titles, name lists or the pronouns said of its forms: a person's."""
    return _gender_of(c) or next((g for key in c.forms if (g := _known(c.form_gender.get(key)))), None)


def _surname_weight(c: Cluster, word: str) -> int:
    """How often the text names ``c`` by a form ending in ``word``."""
    return sum(n for (_, toks), n in c.forms.items() if toks[-1] == word)


def _first_name_weight(c: Cluster, word: str, untitled: bool = False) -> int:
    """How often the text names ``c`` "<word> <Surname>"; with ``untitled``, only with no title
    ("John Dashwood", not "Sir John Middleton")."""
    return sum(n for (title, toks), n in c.forms.items()
               if len(toks) > 1 and toks[0] == word and not (untitled and title is not None))


def _known_by_surname(c: Cluster, word: str) -> bool:
    """Does the text all but never give ``c`` the first name ``word`` ("John Willoughby" twice,
    "Willoughby" four hundred times)?"""
    surname = sum(n for (_, toks), n in c.forms.items() if len(toks) == 1 and toks[0] != word)
    return surname >= _SURNAME_OVER_GIVEN * max(_first_name_weight(c, word), 1)


def _pick(candidates: list[Cluster], weight=None) -> Cluster | None:
    """The one candidate, or the clearly dominant one (twice the next), else None."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    weight = weight or (lambda c: c.count)
    ranked = sorted(candidates, key=weight, reverse=True)
    if ranked[0].origin in ("tag", "user") and not any(c.origin in ("tag", "user") for c in ranked[1:]):
        return ranked[0]
    return ranked[0] if weight(ranked[0]) >= 2 * max(weight(ranked[1]), 1) else None


def _son_not_father(holder: Cluster, n: int, surname: str, forms: dict[FormKey, int],
                    paragraphs: dict[FormKey, set[int]] | None) -> bool:
    """A man the narration calls by his given name ("George", "Charles"), whose full name is
    rare, is not the "Mr. Emerson" / "Mr. Wilcox" said about as often: that is the head of the
    family, his father, and the two meet in the same paragraphs. "Mr. Darcy" (never
    "Fitzwilliam"), "Sikes" (called by his surname), "Mr. Herriton" (said rarely beside "Philip")
    and "Mr. Chitling" (never in a paragraph with "Tom": one man, two names) still join."""
    full = sum(m for (_, toks), m in holder.forms.items() if len(toks) >= 2 and toks[-1] == surname)
    given = sum(forms.get((None, (first,)), 0) for first in holder.first_names())
    bare_surname = forms.get((None, (surname,)), 0)
    if not (n > 4 * max(full, 1) and n >= given / 3 and bare_surname < given):
        return False
    if paragraphs is None:
        return True
    titled = paragraphs.get(("mr", (surname,)), set())
    return sum(len(titled & paragraphs.get((None, (first,)), set())) for first in holder.first_names()) >= 2


def _other_title(c: Cluster, title: str) -> bool:
    """Does the cluster already go by a different gendered honorific ("Miss Lucas" versus
    "Lady Lucas")? Then this one is another person."""
    same = _SAME_TITLE.get(title, title)
    return any(t and _SAME_TITLE.get(t, t) != same and TITLES.get(t) and TITLES.get(title)
               for t, _ in c.forms)


def _married_woman(c: Cluster, title: str, surname: str) -> bool:
    """The cluster is a married woman by her own given name ("Mrs. Rachel Lynde"): her "Mrs.
    Lynde", however much more frequent, is her (unlike "Mrs. Bennet" beside "Jane Bennet")."""
    return any(t == title and len(toks) >= 2 and toks[-1] == surname and name_gender(toks[0]) == "female"
               for t, toks in c.forms)


def _wife_by_given_name(c: Cluster, title: str, surname: str, forms: dict[FormKey, int],
                        sentences: dict[FormKey, set[int]] | None) -> bool:
    """"Edna Pontellier" is the "Mrs. Pontellier" of the narration when the family has no "Miss
    Pontellier", nobody calls her "Miss Edna" and the two names do not keep sharing sentences
    ("Mrs. Weasley hugged Ginny" is a mother and her daughter): no daughter of the house for the
    title to mean."""
    female = c.title_gender() == "female" or (c.title_gender() is None and any(
        name_gender(g) == "female" or c.form_gender.get((None, (g,))) == "female" for g in c.first_names()))
    if ("miss", (surname,)) in forms or not female:
        return False
    if any(("miss", (g,)) in forms or ("miss", (g, surname)) in forms for g in c.first_names()):
        return False
    if sentences is None:
        return False  # nothing shows that the two names never meet
    titled = sentences.get((title, (surname,)), set())
    given = set().union(*(sentences.get(key, set()) for key in c.forms if key[0] is None),
                        *(sentences.get((None, (g,)), set()) for g in c.first_names()))
    # Too few sentences to tell ("Mrs. Hilbery" and her daughter "Katharine Hilbery" in a short
    # extract need not meet); in a long novel the narration may slip once or twice in a thousand
    # sentences, while a mother and her daughter meet in sentence after sentence.
    seen = min(len(titled), len(given))
    return seen >= _WIFE_EVIDENCE and len(titled & given) < 0.05 * seen


_WIFE_EVIDENCE = 20  # sentences each name must fill before their never meeting means one woman


_MEN_BY_GIVEN_NAME = frozenset({"mr", "monsieur", "signor", "herr", "señor", "senor"})


def _son_of_the_house(clusters: list[Cluster], title: str, word: str) -> bool:
    """"Mr. Lawrence", "Monsieur Lawrence": servants and foreigners call a son of the house by his
    given name; so when "Lawrence" is some man's first name and nobody's surname."""
    return title in _MEN_BY_GIVEN_NAME and any(word in c.first_names() for c in clusters) \
        and not any(word in c.surnames() for c in clusters)


def _own_married_given(clusters: list[Cluster], title: str, word: str) -> bool:
    """"Mrs. Rachel" beside "Mrs. Rachel Lynde": a married woman called by her own given name."""
    return title in _MARRIED_TITLES and name_gender(word) == "female" and any(
        t == title and len(toks) >= 2 and toks[0] == word for c in clusters for t, toks in c.forms)


def parse_seed(name: str) -> FormKey:
    words = name.replace("(", " ").split()
    title = None
    if words and words[0].rstrip(".").lower() in TITLES and len(words) > 1:
        title = words[0].rstrip(".").lower()
        words = words[1:]
    return title, tuple(words)


def build_clusters(forms: dict[FormKey, int], seeds: list[tuple[str, str]],
                   form_gender: dict[FormKey, str] | None = None,
                   paragraphs: dict[FormKey, set[int]] | None = None,
                   sentences: dict[FormKey, set[int]] | None = None,
                   leanings: dict[FormKey, str] | None = None) -> list[Cluster]:
    """Clusters of name forms, one per character. ``paragraphs`` and ``sentences`` (where each
    form occurs) tell a father from his son, and a mother from her daughter, by whether their
    names meet; ``leanings`` is the gender a form's pronouns lean to, too few to decide it."""
    form_gender = form_gender or {}
    leanings = leanings or {}
    clusters: list[Cluster] = []

    def new_cluster() -> Cluster:
        c = Cluster(form_gender=form_gender)
        clusters.append(c)
        return c

    seeded: dict[FormKey, Cluster] = {}
    for name, origin in seeds:
        key = parse_seed(name)
        if not key[1] or key in seeded:
            continue
        c = Cluster(origin=origin, seed_name=name, form_gender=form_gender)
        c.forms[key] += 0
        clusters.append(c)
        seeded[key] = c

    by_count = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0][1]))
    # 1. multi-word names anchor characters.
    for key, n in by_count:
        title, tokens = key
        if len(tokens) < 2:
            continue
        gender = (TITLES.get(title) if title else None) or _known(form_gender.get((None, tokens[:1]))) \
            or _known(form_gender.get(key))
        if gender:
            form_gender[key] = gender
        same = [c for c in clusters if _compatible(gender, c) and c.has(
            lambda t, toks, tokens=tokens, title=title: len(toks) >= 2 and toks[-1] == tokens[-1] and (
                toks[0] == tokens[0] or (_nickname_titles_agree(t, title) and (
                    is_nickname_of(tokens[0], toks[0]) or is_nickname_of(toks[0], tokens[0])))))]
        target = _pick(same) or new_cluster()
        target.forms[key] += n
    # 2. honorific + surname ("Mr. Churchill"); honorific + given name waits for step 4.
    given_titled: list[tuple[FormKey, int]] = []
    known_given = nickname_groups()
    for key, n in by_count:
        title, tokens = key
        if len(tokens) != 1 or title is None:
            continue
        word, gender = tokens[0], TITLES.get(title)
        if (title in _GIVEN_NAME_TITLES and ((word.lower() in known_given and not any(
                word in c.surnames() for c in clusters)) or any(word in c.first_names() for c in clusters))) \
                or _own_married_given(clusters, title, word) or _son_of_the_house(clusters, title, word):
            given_titled.append((key, n))
            continue

        def holds_surname(c: Cluster, word=word, title=title, n=n) -> bool:
            full_titled = sum(m for (t, toks), m in c.forms.items()
                              if t == title and len(toks) >= 2 and toks[-1] == word)
            if full_titled >= 5 and full_titled >= 0.1 * n and n > c.count:
                return False  # "Mr. John Knightley", said often, tells him from "Mr. Knightley"
            return word in c.surnames()

        fits = [c for c in clusters if _compatible(gender, c) and not _other_title(c, title)]
        known = [c for c in fits if gender and c.title_gender() == gender and holds_surname(c)]
        if known:
            fits = known  # "Miss Crawford" goes to a woman named Crawford before a man of unknown gender
        holders = [c for c in fits if holds_surname(c)]
        if title == "miss":
            # a sister named in passing ("Annie Miller", twice) is no "Miss Miller" said 26 times
            holders = [c for c in _eldest_daughters(holders, word, forms)
                       if _named_often(c, forms) * _ELDEST_SHARE >= n] or holders
        target = _pick(holders, weight=lambda c, word=word: _surname_weight(c, word))
        if (target is not None and target.origin == "text" and title in _MARRIED_TITLES
                and n > 4 * max(_surname_weight(target, word), 1) and not _married_woman(target, title, word)
                and not (len(holders) == 1 and _wife_by_given_name(target, title, word, forms, sentences))):
            target = None  # "Mrs. Bennet" said 500 times is not the "Jane Bennet" said 5 times
        if target is not None and gender is None and target.title_gender() == "female" and all(
                TITLES.get(t) == "female" for t, toks in target.forms if t and toks[-1] == word):
            target = None  # "Dr. Grant" beside "Mrs. Grant" is her husband, not her
        if (target is not None and target.origin == "text" and title == "mr"
                and _son_not_father(target, n, word, forms, paragraphs)):
            target = None  # "George" Emerson is not the "Mr. Emerson" of the narration: his father
        target = target or new_cluster()
        target.forms[key] += n
    # 3. bare single words: first name, then surname, then nickname.
    for key, n in by_count:
        title, tokens = key
        if len(tokens) != 1 or title is not None:
            continue
        word = tokens[0]
        if key in seeded:  # a one-word tag ("Characters: Aziraphale, Crowley") is that character
            seeded[key].forms[key] += n
            continue
        namesakes = [c for c in clusters if word in c.first_names()]
        target = _pick(namesakes)
        if target is not None and _known_by_surname(target, word):
            # "John" is John Dashwood, not the John Willoughby the narration calls "Willoughby"
            target = _pick([c for c in namesakes if not _known_by_surname(c, word)],
                           weight=lambda c, word=word: _first_name_weight(c, word, untitled=True)) or target
        if target is not None and _mostly_a_surname(word, target, clusters):
            target = None  # "Fitzwilliam" is Colonel Fitzwilliam, not Mr. Fitzwilliam Darcy (once)
        nickname = False
        if target is None:
            holders = [c for c in clusters if word in c.surnames()]
            target = _pick(holders, weight=lambda c, word=word: _surname_weight(c, word))
            # the pronouns said of the bare surname pick the one holder of that gender ("Granger
            # ... she" is Hermione, not Mr. Granger); without them it is most often a man's
            said_of = _known(form_gender.get(key)) or _leaning_holder(leanings.get(key), holders, word) \
                or "male"
            of_gender = [c for c in holders if c.title_gender() == said_of]
            if target is not None and said_of == "male" and _gender_of(target) == "female":
                # "said Morland" is James Morland, the brother friends call by the family name,
                # not the Catherine Morland the narration names most
                untitled_men = [c for c in holders if _gender_of(c) == "male" and c.first_names()
                                and sum(c.forms.values()) >= _BROTHER_EVIDENCE  # not "Thomas Lynde", once
                                and all(t is None or (t == "mr" and len(toks) > 1) for t, toks in c.forms)]
                target = untitled_men[0] if len(untitled_men) == 1 else target
            if target is None and len(of_gender) == 1:
                target = of_gender[0]
            if target is None and said_of == "male":
                # "Cavendish" among John ("Mr. Cavendish") and Lawrence Cavendish: the head of the house
                target = _pick([c for c in of_gender if ("mr", (word,)) in c.forms])
            elif target is None:
                # "Crusher ... her" among "Dr. Crusher" and "Beverly Crusher": the one called by it
                target = _pick([c for c in of_gender if any(t and toks == (word,) for t, toks in c.forms)])
            if target is not None and all(
                    t in _MARRIED_TITLES for t, toks in target.forms if toks[-1] == word):
                # "Turton" alone is Mr. Turton, not the "Mrs. Turton" we have seen more often
                target = of_gender[0] if len(of_gender) == 1 else None
        if target is None:
            target = _pick([c for c in clusters if any(is_nickname_of(word, f) for f in c.given_names())])
            nickname = target is not None
        if target is None:   # "Sammy" beside "Sam Winchester", "Cas" beside "Castiel"
            said = _known(form_gender.get(key))
            target = _pick([c for c in clusters if _short_form_fits(word, said, c)])
            nickname = target is not None
            clipped = {k for k in target.forms if k[0] is None and len(k[1]) == 1
                       and len(k[1][0]) < len(word) and word.startswith(k[1][0])} if target else set()
            if clipped:   # "Brannagh" after her friends' "Bran": the fuller name is the name
                target.nickname_forms |= clipped
                nickname = False
        if target is None:
            parts = word.split("-")[1:]
            target = _pick([c for c in clusters if any(
                ("-" in f and word in f.split("-")[1:]) or f in parts for f in c.given_names())])
        if target is None:   # "Elizabeth", said less often than the "Lizzy" already clustered
            target = _pick([c for c in clusters if c.forms and all(
                t is None and len(toks) == 1 and is_nickname_of(toks[0], word) for t, toks in c.forms)])
            if target is not None:
                target.nickname_forms |= set(target.forms)
        target = target or new_cluster()
        target.forms[key] += n
        if nickname:
            target.nickname_forms.add(key)
    # 4. honorific + given name ("Miss Lizzy", "Aunt Petunia").
    for key, n in given_titled:
        title, (word,) = key
        fits = [c for c in clusters if _compatible(TITLES.get(title), c)]
        same_title = [c for c in fits if word in c.given_names() and any(t == title for t, _ in c.forms)]
        target = _pick(same_title) or _pick([c for c in fits if word in c.given_names()])
        nickname = False
        if target is None:
            target = _pick([c for c in fits if any(is_nickname_of(word, f) for f in c.given_names())])
            nickname = target is not None
        target = target or new_cluster()
        target.forms[key] += n
        if nickname:
            target.nickname_forms.add(key)
    return _join_daughters_without_surname(clusters, paragraphs)


def _leaning_holder(lean: str | None, holders: list[Cluster], word: str) -> str | None:
    """The gender one pronoun after a bare surname leans to, when a holder of that gender goes by
    the surname other than as a married title ("Crusher … her" beside "Dr. Crusher"); one stray
    "she" does not give a bare "Morel" to "Mrs. Morel" (the bare name is most often her husband)."""
    if lean is None:
        return None
    return lean if any(c.title_gender() == lean and not all(
        t in _MARRIED_TITLES for t, toks in c.forms if toks[-1] == word) for c in holders) else None


def _mostly_a_surname(word: str, holder: Cluster, clusters: list[Cluster]) -> bool:
    """Is ``word``, the first name of ``holder``, far more often another character's surname?"""
    as_first = _first_name_weight(holder, word)
    as_surname = max((_surname_weight(c, word) for c in clusters if c is not holder and word in c.surnames()),
                     default=0)
    return as_surname >= _SURNAME_OVER_FIRST * max(as_first, 1)


def _join_daughters_without_surname(clusters: list[Cluster],
                                    paragraphs: dict[FormKey, set[int]] | None = None) -> list[Cluster]:
    """"Miss Honeychurch" when only her mother and brother carry the surname in the text: the
    daughter is the woman the narration calls by her given name alone. Joined only when one such
    woman clearly dominates (the heroine), so a minor "Miss X" is never pinned on someone."""
    def surname_less_woman(c: Cluster) -> bool:
        return (c.title_gender() == "female" and all(len(toks) == 1 for _, toks in c.forms)
                and not any(t and t not in _GIVEN_NAME_TITLES for t, _ in c.forms))
    women = sorted((c for c in clusters if surname_less_woman(c)), key=lambda c: -c.count)
    if not women or (len(women) > 1 and women[0].count < 2 * women[1].count):
        return clusters
    heroine = women[0]
    if _take_eldest_sisters_name(clusters, heroine, paragraphs or {}):
        return clusters  # her surname is known now
    maiden_names = []
    for c in clusters:
        if c is heroine or set(t for t, _ in c.forms) != {"miss"} or c.count < 5:
            continue
        surname = next(iter(c.forms))[1][-1]
        family = [o for o in clusters if o is not c and surname in o.surnames()]
        if family and heroine.count >= 2 * c.count:
            maiden_names.append(c)
    if not maiden_names:
        return clusters
    # she has one surname: the "Miss X" said most ("Miss Dashwood", not "Miss Steele" or "Miss Morton")
    joined = max(maiden_names, key=lambda c: c.count)
    heroine.forms.update(joined.forms)
    return [c for c in clusters if c is not joined]


def _take_eldest_sisters_name(clusters: list[Cluster], heroine: Cluster,
                              paragraphs: dict[FormKey, set[int]]) -> bool:
    """"Miss Dashwood" is the eldest daughter. When the only Dashwood woman the text names in full
    is a younger sister ("Marianne Dashwood", "Miss Marianne") and the family has a mother ("Mrs.
    Dashwood"), the name fell to the sister for want of another holder; it belongs to the heroine
    known by her given name alone ("Elinor"), when she is named at least half as often and is at
    least half as often in the mother's company (Nancy, never with Mrs. Maylie, is no daughter of
    hers: "Miss Maylie" stays with Rose)."""
    def with_mother(c: Cluster, surname: str) -> int:
        mother = paragraphs.get(("mrs", (surname,)), set())
        return len(mother & set().union(*(paragraphs.get(f, set()) for f in c.forms)))

    taken = [(n, c, key) for c in clusters if c is not heroine and heroine.count >= 0.5 * c.count
             for key, n in c.forms.items()
             if key[0] == "miss" and len(key[1]) == 1 and key[1][0] in c.surnames()
             and _younger_sister(c, key[1][0], c.forms) and _has_mother(clusters, key[1][0])
             and with_mother(heroine, key[1][0]) >= max(3, 0.5 * with_mother(c, key[1][0]))]
    if not taken:
        return False
    n, c, key = max(taken, key=lambda t: t[0])  # she has one surname: the one said most
    heroine.forms[key] += n
    del c.forms[key]
    return True


def _has_mother(clusters: list[Cluster], surname: str) -> bool:
    """Is a "Mrs. <Surname>" of the house named more than in passing (a family with daughters)?"""
    return any(c.forms.get(("mrs", (surname,)), 0) >= 5 for c in clusters)


_ELDEST_SHARE = 4   # the eldest daughter's own names, at least a quarter as many as "Miss <Surname>"


def _named_often(c: Cluster, forms: dict[FormKey, int]) -> int:
    """How often the text names ``c``, counting the bare given names not yet clustered."""
    return c.count + sum(forms.get((None, (g,)), 0) for g in c.first_names())


def _younger_sister(c: Cluster, surname: str, forms: dict[FormKey, int]) -> bool:
    """Is ``c`` a younger daughter of the house: called "Miss <Given> <Surname>", or "Miss <Given>"
    more than in passing?"""
    return any(forms.get(("miss", (g,)), 0) >= 3 or ("miss", (g, surname)) in forms for g in c.first_names())


def _eldest_daughters(holders: list[Cluster], surname: str, forms: dict[FormKey, int]) -> list[Cluster]:
    """"Miss Bennet" is the eldest daughter: of the holders of the surname, drop the younger
    sisters (called "Miss <Given> <Surname>", or "Miss <Given>" more than in passing) and married
    women."""
    return [c for c in holders if not _younger_sister(c, surname, forms)
            and not any(t in _MARRIED_TITLES for t, _ in c.forms)]
