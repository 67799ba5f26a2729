"""A character's gender: honorifics first, then which pronoun follows their name in narration."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib.resources import files

from ficlens.characters.coref import is_subject
from ficlens.characters.lexicon import FEMALE_NAMES, MALE_NAMES, PRONOUN_GENDER
from ficlens.characters.nicknames import nickname_groups

_NEXT_PRONOUN_RE = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
_WINDOW = 120


def pronoun_votes(text: str, spans: list[tuple[int, int, str]], in_quote) -> dict[str, Counter]:
    """For each (start, end, character id) name mention in narration, the gender of the first
    pronoun after it (before the next name) votes for that character."""
    votes: dict[str, Counter] = {}
    ordered = sorted(spans)
    for i, (start, end, cid) in enumerate(ordered):
        if in_quote(start) or not is_subject(text, start):
            continue  # "smiled at Arthur, and she…": only a subject's next pronoun is its own
        # the next name that is a subject ends the reach; "where Steve said he'd be" does not
        limit = end + _WINDOW
        for j in range(i + 1, len(ordered)):   # no slice: this runs once per name mention
            s = ordered[j][0]
            if s >= limit or is_subject(text, s):
                limit = min(limit, s)
                break
        # another name before the pronoun may own it ("Sera drops down beside Varric to slosh his
        # ale. She grins"): then only a pronoun opening a sentence is surely the subject's
        other = next((s for s, _, c in ordered[i + 1:i + 4] if c != cid and s < limit), limit)
        for m in _NEXT_PRONOUN_RE.finditer(text, end, max(end, limit)):
            if _someone_else(text, end, m):
                continue
            if m.start() < other or is_subject(text, m.start()):
                if not in_quote(m.start()):
                    votes.setdefault(cid, Counter())[PRONOUN_GENDER[m.group(1).lower()]] += 1
                break
    return votes


# "Teodor sat beside her", "Marco looked at him": an object of the subject's own clause is
# someone else (the subject would be "herself"), so it says nothing of the subject's gender
_OBJECT_BEFORE_RE = re.compile(r"\b(?:beside|with|at|to|for|from|behind|toward|towards|near|on|over"
                               r"|around|past|by|against|after|kissed|hugged|watched|told|asked|thanked"
                               r"|followed|helped|pulled|pushed|held|met|saw|heard|let|made)\s+$")


def _someone_else(text: str, end: int, m: re.Match) -> bool:
    """Is the pronoun ``m`` an object in the clause of the name that ends at ``end``?"""
    word = m.group(1).lower()
    if word not in ("him", "her") or re.search(r"[.!?;]", text[end:m.start()]):
        return False
    if word == "her" and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]) \
            and not re.match(r"\s+(?:with|and|to|for|at|in|on|from|by|as|that|again|back|up|down|off|away)\b",
                             text[m.end():m.end() + 12]):
        return False   # "with her legs dangling": her own
    return _OBJECT_BEFORE_RE.search(text, max(end, m.start() - 12), m.start()) is not None


def decide(title_gender: str | None, votes: Counter | None) -> str:
    if title_gender:
        return title_gender
    if votes:
        (best, n), *rest = votes.most_common()
        other = rest[0][1] if rest else 0
        if n >= 2 and n >= 2 * other:
            return best
    return "unknown"


def name_gender(given: str) -> str | None:
    """From the given-name lists, else from the US census's given names, else from the names it
    is a variant of ("Freddy" → Frederick) when they all agree."""
    low = given.lower()
    if low in FEMALE_NAMES or low in MALE_NAMES:
        return "female" if low in FEMALE_NAMES else "male"
    by_census = census_gender(low)
    if by_census:
        return by_census
    variants = nickname_groups().get(low, frozenset())
    genders = {"female" if v in FEMALE_NAMES else "male"
               for v in variants if v in FEMALE_NAMES or v in MALE_NAMES}
    return genders.pop() if len(genders) == 1 else None


_CENSUS_LEAD = 4   # "Christina" is 0.275 % of women and no man: a name far likelier one way decides


def census_gender(given: str) -> str | None:
    """The sex that bears a given name far more often, from its shares of each in the census."""
    female, male = census_given_names()
    share_female, share_male = female.get(given.lower(), 0.0), male.get(given.lower(), 0.0)
    if share_female and share_female >= _CENSUS_LEAD * share_male:
        return "female"
    if share_male and share_male >= _CENSUS_LEAD * share_female:
        return "male"
    return None


@cache
def census_given_names() -> tuple[dict[str, float], dict[str, float]]:
    """The 1990 US census's female and male given names (about 4,300 and 1,200, with the share of
    people bearing each), shipped by the ``names`` package; loaded once per process."""
    def table(name: str) -> dict[str, float]:
        rows = (line.split() for line in (files("names") / name).read_text().splitlines())
        return {row[0].lower(): float(row[1]) for row in rows if len(row) >= 2}
    return table("dist.female.first"), table("dist.male.first")
