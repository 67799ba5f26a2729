"""Kinship: "her father", "his wife" stand for a character the text names elsewhere.

The relative is the character of the relation's gender who shares a surname with the owner
("Mr. Bennet" for Elizabeth Bennet's father); a parent or spouse also holds a married title. The
speakers stage uses this for tags ("said her mother"), coreference for the narration, where the
relative is then a candidate for the next "he" or "she".
"""

from __future__ import annotations

import re

from ficlens.model import Character

SENIOR_FEMALE = frozenset({"wife", "mother", "aunt", "grandmother"})
SENIOR_MALE = frozenset({"husband", "father", "uncle", "grandfather"})
FAMILY = SENIOR_FEMALE | SENIOR_MALE | frozenset({"son", "daughter", "brother", "sister", "niece",
                                                  "nephew", "cousin", "sister-in-law", "brother-in-law"})
# A cousin may be a mother's sister's child: no surname says which ("Poor dear Fanny," cried her
# cousin: a Bertram, not her brother William Price)
_ANY_SURNAME = frozenset({"cousin"})
_MARRIED_TITLES = ("Mrs.", "Mrs ", "Lady ", "Mr.", "Mr ", "Sir ")
_WIFE_TITLES = ("Mrs.", "Mrs ", "Lady ", "Madame ", "Mme ", "Mme. ")

# "her father", "his poor mother", "her late husband": the parents and spouses of narration,
# whose holder is rarely in doubt (a sister or a cousin could be any of several)
NARRATION_KIN_RE = re.compile(
    r"\s+(?:(?:own|dear|poor|late|old|good|kind|beloved)\s+)?(father|mother|husband|wife)\b"
    r"(?:(?=[’']s\s+(?:jaw|face|voice|eyes|mouth|lips|brow|hands?|shoulders|head|smile|gaze|expression)\b)"
    r"|(?![-’']))")   # "her father's jaw set": his jaw, so him; "her father's house" is no mention of him


# Honorifics only ever put before a given name: "Auntie Tibby" and "Sir John" hold no surname
# ("Sir Thomas Bertram" does).
_BEFORE_GIVEN_NAMES = frozenset({"aunt", "auntie", "uncle", "cousin", "sir"})


def surnames(character: Character) -> set[str]:
    """The capitalised last words of a character's multi-word aliases ("Bennet" of "Mr. Bennet")."""
    out = set()
    for alias in character.aliases:
        words = alias.split()
        if len(words) > 1 and words[-1][:1].isupper() \
                and not (len(words) == 2 and words[0].rstrip(".").lower() in _BEFORE_GIVEN_NAMES):
            out.add(words[-1])
    return out


def family_member(characters: list[Character], owners: list[str], noun: str, gender: str | None,
                  genders: dict[str, str], counts: dict[str, int] | None = None) -> str | None:
    """The first owner's relative named by ``noun`` of the given gender, by shared surname (the
    most mentioned one if several, by ``counts`` or else each character's mention count); None
    when no owner has a surname or nobody matches."""
    if noun not in FAMILY or noun in _ANY_SURNAME:
        return None
    by_id = {c.id: c for c in characters}
    senior = noun in SENIOR_FEMALE or noun in SENIOR_MALE
    for owner in owners:
        names = surnames(by_id[owner]) if owner in by_id else set()
        if noun == "husband" and owner in by_id:
            # a wife shares her husband's name only as "Mrs. …": Margaret Schlegel's husband is
            # no Schlegel (that is her father)
            names = {a.split()[-1] for a in by_id[owner].aliases
                     if a.startswith(_WIFE_TITLES) and len(a.split()) > 1} & names
        if not names:
            continue
        found = [c for c in characters if c.id != owner and surnames(c) & names
                 and (gender is None or genders.get(c.id) == gender)
                 and (not senior or any(a.startswith(_MARRIED_TITLES) for a in c.aliases))]
        if found:
            return max(found, key=lambda c: counts.get(c.id, 0) if counts is not None else c.mention_count).id
    return None


def kin_gender(noun: str) -> str | None:
    """The gender a parent's or spouse's noun gives ("mother" → female); None for the others."""
    return "female" if noun in SENIOR_FEMALE else "male" if noun in SENIOR_MALE else None
