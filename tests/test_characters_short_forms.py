"""Names cut short or made small where no list records them ("Cas" for Castiel, "Sammy" for
Sam): one character, not two. Texts written for these tests."""

from __future__ import annotations

import pytest

from ficlens import analyze
from ficlens.characters.nicknames import is_clipped_from, is_diminutive_of


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("Sammy", "Sam", True), ("Bucky", "Buck", True), ("Buddie", "Bud", True), ("Dicky", "Dick", True),
    ("Samson", "Sam", False), ("Jackson", "Jack", False), ("Janet", "Jane", False), ("Sa", "S", False),
])
def test_diminutives(short: str, full: str, expected: bool) -> None:
    assert is_diminutive_of(short, full) is expected


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("Cas", "Castiel", True), ("Mig", "Miguel", True),
    ("Jan", "Janet", False),            # a given name of its own
    ("Raj", "Rajah", False),            # too little cut off
    ("Hung", "Hungarian", False),       # a people, not a name
    ("Ca", "Castiel", False), ("Castie", "Castiel", False),
])
def test_clippings(short: str, full: str, expected: bool) -> None:
    assert is_clipped_from(short, full) is expected


STORY = ("Dean Winchester dropped his bag on the bed. Sam Winchester looked up from the laptop; "
         "he had not slept.\n\n"
         "Castiel stood at the foot of the bed, and Castiel tilted his head, and when Dean looked at "
         "him, Castiel said nothing.\n\n"
         "“Jesus, Cas,” Dean said. “Personal space.”\n\n"
         "“Don't mind him, Sammy,” said Cas.\n\n"
         "“I never do,” Sam said.\n")


def test_a_clipped_name_and_a_diminutive_join_their_characters():
    work = analyze(STORY)
    names = {c.name: set(c.aliases) for c in work.characters}
    assert {"Cas", "Castiel"} <= names["Castiel"]
    assert {"Sam", "Sammy"} <= names["Sam Winchester"]
    assert "Cas" not in names and "Sammy" not in names


def test_a_short_form_never_joins_a_surname_or_the_other_sex():
    story = ("Mina Harker sat by the window. Mrs. Harker was tired; she had not slept.\n\n"
             "“Hark!” cried Mina. “Hark, the wolves.”\n\n"
             "Jack Robinson came in. He shook the rain from his hat.\n\n"
             "Jacky laughed; she set down her cup. Jacky smiled, and she looked at Jack Robinson.\n")
    work = analyze(story)
    mina = next(c for c in work.characters if c.name == "Mina Harker")
    assert "Hark" not in mina.aliases
    jack = next(c for c in work.characters if c.name == "Jack Robinson")
    assert "Jacky" not in jack.aliases


def test_a_japanese_honorific_after_a_hyphen_is_not_part_of_the_name():
    text = ("Naruto Uzumaki sat down. Sasuke Uchiha stood by the post.\n\n"
            '"What\'s so funny, Sasuke-teme?" asked Naruto.\n\n'
            '"You, Naruto-kun," said Sasuke. "If Kakashi-sensei sees you, he will laugh too."\n')
    work = analyze(text)
    names = {c.name for c in work.characters}
    assert not any("-" in n for n in names)
    vocatives = {work.text[m.start:m.end]: work.character(m.character).name
                 for m in work.mentions if m.kind == "vocative"}
    assert vocatives == {"Sasuke": "Sasuke Uchiha", "Naruto": "Naruto Uzumaki"}
    assert {work.character(a).name for a in work.quotes[0].addressees} == {"Sasuke Uchiha"}
