"""Places that look like people, and given names that outvote stray pronouns: small texts
written for these tests."""

from __future__ import annotations

from collections import Counter

from ficlens import Options, analyze
from ficlens.characters import _pronouns_overrule

POSTMARK = """Mrs. Hudson came up with the tray. "A letter for you, Mr. Holmes," she said. \
"Penrith, by the postmark. Eat something first."

Watson read the letter aloud. It came from a girl at the far end of Penrith, and Holmes listened.

"You can't mean to go," said Watson. "Penrith will be nothing but wind."

Holmes smiled. Holmes packed his bag, and he whistled.
"""


def names(text: str) -> set[str]:
    work = analyze(text, Options(until="characters"))
    return {alias for c in work.characters for alias in c.aliases}


def test_a_place_with_a_vocative_looking_comma_is_no_person():
    found = names(POSTMARK)
    assert "Penrith" not in found
    assert {"Holmes", "Watson"} <= found


def test_a_name_that_acts_in_narration_stays_a_person_despite_place_use():
    text = POSTMARK + "\nPenrith frowned at the fire, and he said nothing for a while.\n"
    assert "Penrith" in names(text)


def test_a_place_read_after_in_is_no_male_character():
    text = """He was shot in Kandahar. Kandahar, that is, where nothing grows.

In Kandahar he wears his watch. Life in Kandahar goes on. He spends the day in Kandahar.

John wakes up in Kandahar again, and he sighs. John makes tea.
"""
    work = analyze(text, Options(until="characters"))
    assert "Kandahar" not in {a for c in work.characters for a in c.aliases}
    assert any(c.name == "John" and c.gender == "male" for c in work.characters)


SARAH = """Sarah Sawyer ran the clinic. Sarah looked at John across the desk; he was late again.

Sarah smiled at Derek, and he waved back. Sarah sighed at Bill; he shrugged.

"You're late," said Sarah.

John sat down. John nodded, and he opened the file.
"""


def test_a_plainly_female_given_name_outvotes_stray_pronouns():
    work = analyze(SARAH, Options(until="characters"))
    sarah = next(c for c in work.characters if "Sarah" in c.aliases)
    assert sarah.gender == "female"
    john = next(c for c in work.characters if c.name.startswith("John"))
    assert john.gender == "male"


def test_many_disagreeing_pronouns_still_overrule_a_listed_name():
    assert not _pronouns_overrule("female", Counter(male=2), listed=True)
    assert _pronouns_overrule("female", Counter(male=6), listed=True)
    assert _pronouns_overrule("female", Counter(male=2), listed=False)
    # one agreeing pronoun saves a plainly gendered name ("Nancy"), not one both sexes go by
    assert not _pronouns_overrule("female", Counter(male=6, female=1), listed=True, plain=True)
    assert _pronouns_overrule("male", Counter(female=6, male=1), listed=True)
    assert not _pronouns_overrule("male", Counter(female=6, male=4), listed=True)


def test_a_servant_called_by_surname_in_dialogue_is_kept_when_titled_elsewhere():
    text = """Mrs. Bell rang the bell. "Is there no news of Pruett?" she said.

"What do you mean, Pruett? Sit down," said Mrs. Bell.

Mrs. Pruett came in and curtsied. Mrs. Bell smiled, and she sat down.
"""
    assert "Pruett" in names(text)


def test_a_common_short_given_name_tells_the_gender_when_the_pronouns_do_not():
    from ficlens.characters.gender import name_gender

    assert {name_gender(name) for name in ("Evie", "Eva", "Edna")} == {"female"}
