"""Pronoun coreference, as far as speech tags and point of view need it.

A third-person pronoun in narration goes to the character of a compatible gender whose best
recent mention in the same scene, outside quotes, is the most salient: recency, with a sentence
subject counting double. "I" goes to the narrator of a first-person work, "you" to the reader of a
second-person one. A possessive followed by a parent or spouse ("her father") adds that
relative (``kin``) to the recent characters, so the next "he" can be him.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable

from ficlens.characters.kinship import NARRATION_KIN_RE
from ficlens.characters.lexicon import PRONOUN_GENDER, words
from ficlens.language.verbs import SPEECH_VERBS
from ficlens.model import Mention

PRONOUN_RE = re.compile(r"\b(he|she|him|her|his|hers|himself|herself"
                        r"|He|She|Him|Her|His|Hers|Himself|Herself)\b")
FIRST_RE = re.compile(r"\b(I|me|my|myself|mine|Me|My|Myself|Mine)\b")
SECOND_RE = re.compile(r"\b(you|your|yourself|yours|You|Your|Yourself|Yours)\b")


def resolve_pronouns(text: str, paragraphs: list[tuple[int, int]], anchors: list[Mention],
                     genders: dict[str, str], in_quote, scene_of,
                     narrator: str | None = None, reader: str | None = None,
                     kin: Callable[[str, str], str | None] | None = None,
                     leanings: dict[str, str] | None = None) -> list[Mention]:
    """Pronoun mentions (narration only), each pointing at a character id (or None), and
    "relation" mentions for the relatives ``kin(owner, noun)`` finds ("her father"). A
    character of unknown gender whose pronouns lean one way (``leanings``, a single "he" after
    "Bucky Barnes") competes for that pronoun almost as one known to be of that gender."""
    # A vocative inside a quote counts too: the person addressed is the one likely to answer
    # ('"You mean to frighten me, Mr. Darcy?" … "I shall not say so," he replied').
    anchors = sorted((m for m in anchors if m.character and (m.kind == "vocative" or not in_quote(m.start))),
                     key=lambda m: m.start)
    # (start, end, gender or person, paragraph start, previous paragraph's start)
    pronouns: list[tuple[int, int, str, int, int]] = []
    previous = 0
    for start, end in paragraphs:
        for m in PRONOUN_RE.finditer(text, start, end):
            if not in_quote(m.start()):
                pronouns.append((m.start(), m.end(), PRONOUN_GENDER[m.group(1).lower()], start, previous))
        if narrator:
            pronouns += [(m.start(), m.end(), "narrator", start, previous)
                         for m in FIRST_RE.finditer(text, start, end) if not in_quote(m.start())]
        if reader:
            pronouns += [(m.start(), m.end(), "reader", start, previous)
                         for m in SECOND_RE.finditer(text, start, end) if not in_quote(m.start())]
        previous = start
    pronouns.sort()
    out: list[Mention] = []
    # (position, character, gender, role weight, said to them in a quote)
    recent: deque[tuple[int, str, str, float, bool]] = deque()
    scene = -1
    ai = 0
    learned: dict[str, str] = {}
    leanings = leanings or {}
    for start, end, kind, paragraph_start, previous_start in pronouns:
        while ai < len(anchors) and anchors[ai].start < start:
            a = anchors[ai]
            ai += 1
            if scene_of(a.start) != scene:
                recent.clear()
                scene = scene_of(a.start)
            gender = genders.get(a.character, "unknown")
            vocative = a.kind == "vocative"
            role = _VOCATIVE_WEIGHT if vocative else role_weight(text, a.start)
            recent.append((a.start, a.character, gender, role, vocative))
        if scene_of(start) != scene:
            recent.clear()
            scene = scene_of(start)
        while recent and start - recent[0][0] > _WINDOW:
            recent.popleft()
        if kind in ("narrator", "reader"):
            out.append(Mention(start, end, narrator if kind == "narrator" else reader, kind))
            continue
        named_next = _named_in_clause(text, start, end, anchors, ai) \
            if text[start:end].lower() in _BOUND_FREE else frozenset()
        best = _most_salient(recent, kind, start, paragraph_start, previous_start, learned, leanings,
                             not_these=named_next)
        out.append(Mention(start, end, best, "pronoun"))
        if best:
            recent.append((start, best, kind, role_weight(text, start), False))
            if genders.get(best, "unknown") == "unknown":
                learned[best] = kind  # "she" went to them once: they are not "he" next time
            owns = kin is not None and text[start:end].lower() in ("his", "her")
            relation = NARRATION_KIN_RE.match(text, end) if owns else None
            relative = kin(best, relation.group(1).lower()) if relation else None
            if relative:
                out.append(Mention(relation.start(1), relation.end(1), relative, "relation"))
                recent.append((relation.start(1), relative, genders.get(relative, "unknown"),
                               role_weight(text, start), False))
    return out


_WINDOW = 1500
_LEANING_WEIGHT = 0.8   # unknown gender whose few pronouns lean to this one, against 1 known, 0.6 unknown


# A word that may open a sentence before its subject: "But Tsukishima stood up anyway".
_OPENERS = frozenset({"But", "And", "Then", "So", "Still", "Yet", "Instead", "Meanwhile", "Finally",
                      "Suddenly", "Slowly", "Quietly"})


def is_subject(text: str, pos: int, after_opener: bool = False) -> bool:
    """Does the mention open a sentence or clause (a cheap stand-in for 'is the subject')?
    With ``after_opener``, a conjunction or adverb may come first ("But Tsukishima stood up")."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = i
    while after_opener and j >= 0 and text[j].isalpha():
        j -= 1
    if j < i and text[j + 1:i + 1] in _OPENERS:
        i = j
        while i >= 0 and text[i] in " \t":
            i -= 1
    if i > 0 and text[i] in "'’" and text[i - 1] in ".!?,…—-":
        return True   # a single quote closing a line ("'I know.' Sherlock stood."), not an apostrophe
    return i < 0 or text[i] in ".!?\n;”\"—:"


# "He was silent.", "Elinor made no answer.", "I did not say anything.", "His mother said
# nothing.": a subject who is said not to speak is no sign that the next line is theirs
_SILENT_RE = re.compile(
    r"(?:\s+[A-Z][\w.'’-]*)*(?:\s+(?:father|mother|husband|wife|herself|himself))?"
    r"\s+(?:still\s+|again\s+|only\s+)?"
    r"(?:(?:was|were|remained|kept|fell)\s+(?:quite\s+|still\s+|again\s+)?silent"
    r"|(?:did|could|would)\s*(?:not|n[’']t)\s+(?:say\s+anything|answer|reply|speak|respond)"
    r"|said\s+nothing|made\s+no\s+(?:reply|answer|response|rejoinder))\b")


_WORD_AT_RE = re.compile(r"[\w.'’-]+")


def is_silent(text: str, pos: int) -> bool:
    """Is the mention at ``pos`` (a name or a pronoun) the subject of a clause saying they do not
    speak?"""
    word = _WORD_AT_RE.match(text, pos)
    return _SILENT_RE.match(text, word.end() if word else pos) is not None


def speaking_subject(text: str, pos: int) -> bool:
    """A sentence subject, unless the sentence says they keep silent ("He made no answer."): a
    subject that points to the next line's speaker."""
    return is_subject(text, pos, after_opener=True) and not is_silent(text, pos)


_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:to|on|at|for|from|by|of|upon|towards?|into|about|after|before|behind|beside|near"
    r"|than|like|against|among|between|without)\s+$", re.IGNORECASE)
# "with" is left out: "I end up under the awning with Darcy" brings a companion on stage
_PREPOSITION_WEIGHT = 0.6   # the object of a preposition, against 1 for a plain mention, 2 for a subject
_VOCATIVE_WEIGHT = 0.5      # a name addressed inside a quote, for the pronouns of later paragraphs
_WORD_AFTER_RE = re.compile(r"(?:\s+[A-Z][a-z]+\.?)*\s+([a-z]+)\b")
_WORD_BEFORE_RE = re.compile(r"\b([a-z]+),?\s+$")
_NOT_A_VERB = words("""and or but nor of to in on at for from by with into upon the a an who whom
whose which that as than if when while where because though so yet too also""")


def role_weight(text: str, pos: int) -> float:
    """How strongly a mention holds the reader's attention for a later pronoun: a sentence
    subject most ("after a pause, Mrs. Elton chose"; "said Emma"), the object of a preposition
    ("calling on Miss Lucas") least."""
    if is_subject(text, pos):
        return 2.0
    before = _WORD_BEFORE_RE.search(text, max(0, pos - 20), pos)
    if before and before.group(1) in SPEECH_VERBS:
        return 2.0
    if text[max(0, pos - 2):pos] == ", ":
        after = _WORD_AFTER_RE.match(text, _name_end(text, pos))
        if after and after.group(1) not in _NOT_A_VERB:
            return 2.0
    if _PREPOSITION_BEFORE_RE.search(text, max(0, pos - 12), pos):
        return _PREPOSITION_WEIGHT
    return 1.0


def _name_end(text: str, pos: int) -> int:
    """Where the capitalised name that starts at ``pos`` ends ("Mrs. Elton" -> after "Elton")."""
    m = re.match(r"[A-Z][\w.'’-]*", text[pos:pos + 40])
    return pos + (m.end() if m else 0)


# A subject or possessive pronoun is never the one its own clause goes on to name ("She withdrew
# her hand and propelled Penelope forward", "his eyes slide to Angel")
_BOUND_FREE = frozenset({"he", "she", "his"})
_CLAUSE_REST_RE = re.compile(r"[^.!?;:,“”\"‘]*")


def _named_in_clause(text: str, start: int, end: int, anchors: list[Mention], ai: int) -> frozenset[str]:
    """The characters named after the pronoun at ``start`` in the rest of its clause."""
    stop = _CLAUSE_REST_RE.match(text, end).end()
    named = set()
    while ai < len(anchors) and anchors[ai].start < stop:
        if anchors[ai].start >= end and anchors[ai].kind != "vocative":
            named.add(anchors[ai].character)
        ai += 1
    return frozenset(named)


def _most_salient(recent, gender: str, pos: int, paragraph_start: int, previous_start: int,
                  learned: dict[str, str], leanings: dict[str, str],
                  not_these: frozenset[str] = frozenset()) -> str | None:
    """Recent same-gender characters scored by their most salient mention (recency times the
    mention's ``role_weight``); an unknown-gender character competes at a discount. The best
    mention, not the sum: a character named all through the last page must not outweigh the
    one who just opened the sentence ("Dorian Gray passed his hand over his forehead")."""
    scores: dict[str, float] = {}
    for p, cid, g, role, vocative in recent:
        if cid in not_these:
            continue
        if vocative and (p >= paragraph_start or p < previous_start):
            # '"Mr. Darcy, you…" said he': whom a quote addresses does not speak it; and the one
            # addressed answers in the next paragraph, not three turns later
            continue
        g = learned.get(cid, g) if g == "unknown" else g
        if g == gender:
            weight = 1.0
        elif g == "unknown":
            leaning = leanings.get(cid)
            weight = 0.6 if leaning is None else _LEANING_WEIGHT if leaning == gender else 0.3
        else:
            continue
        score = weight * role / (1.0 + (pos - p) / 150.0)
        scores[cid] = max(scores.get(cid, 0.0), score)
    return max(scores, key=scores.get) if scores else None
