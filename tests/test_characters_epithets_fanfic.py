"""Fan fiction's epithets: looks ("the raven-haired boy"), capitalised offices ("the Potions
Master", "the Dark Lord"), its creatures ("the vampire") and roles ("the witcher", "the
sorceress"), on texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens import analyze
from ficlens.characters.epithets import find_epithets


def _phrases(sentence: str) -> list[tuple[str, str | None]]:
    return [(ep.phrase, ep.gender) for ep in find_epithets(sentence, [(0, len(sentence))], lambda _: False)]


def test_fan_fiction_descriptions_are_epithets_with_their_head_gender():
    assert _phrases("He saw the raven-haired boy.") == [("raven-haired boy", "male")]
    assert _phrases("She met the green-eyed witch.") == [("green-eyed witch", "female")]
    assert _phrases("Then the Potions Master sneered.") == [("potions master", None)]
    assert _phrases("They feared the Dark Lord.") == [("dark lord", "male")]
    assert _phrases("They ran from the young Auror.") == [("young auror", None)]
    assert _phrases("And the vampire smiled.") == [("vampire", None)]
    # offices only one sex holds: a matron is a woman, a marquis or a knight a man
    assert _phrases("Then the matron smiled.") == [("matron", "female")]
    assert _phrases("Then the Marquis bowed.") == [("marquis", "male")]
    assert _phrases("Then the knight bowed.") == [("knight", "male")]
    # fantasy and space fandoms' roles: the witcher, the bard, the sorceress, the pilot
    assert _phrases("Then the sorceress smiled.") == [("sorceress", "female")]
    assert _phrases("And the bard sang while the witcher ate.") == [("bard", None), ("witcher", None)]
    assert _phrases("The scavenger glared at the stormtrooper.") == [
        ("scavenger", None), ("stormtrooper", None)]


def test_the_sorceress_is_the_one_woman_in_the_scene():
    work = analyze(Path(__file__).parent / "fixtures" / "fanfic" / "witcher-inn-singlequotes.txt")
    yennefer = next(c for c in work.characters if c.name == "Yennefer")
    assert "the sorceress" in yennefer.epithets


def test_a_capitalised_epithet_keeps_the_boy_who_lived_whole():
    assert _phrases("It was the Boy Who Lived.") == [("boy who lived", None)]


def test_a_name_found_as_a_name_is_not_also_an_epithet():
    text = ("The Magistrate read the paper. \"Order,\" said the Magistrate. Harry waited. "
            "The Magistrate frowned at Harry, and the Magistrate looked at the clock.\n")
    work = analyze(text)
    spans = {(m.start, m.end) for m in work.mentions if m.kind == "epithet"}
    names = [(m.start, m.end) for m in work.mentions if m.kind in ("name", "title")]
    assert not any(s < ne and ns < e for s, e in spans for ns, ne in names)


STORY = """Harry hurried down to the dungeons. The Potions Master, Severus Snape, was waiting at the door.

"You are late," snapped the Potions Master.

"Sorry, sir," said Harry.

The raven-haired boy slid into his seat beside Ron. Severus Snape swept to the front of the room, and
Snape did not look at him again.
"""


def test_a_capitalised_epithet_in_apposition_tags_its_holders_speech():
    work = analyze(STORY)
    snape = next(c for c in work.characters if "Severus Snape" in c.aliases)
    late = next(q for q in work.quotes if STORY[q.start:q.end].startswith('"You are late'))
    assert late.speaker == snape.id


LOOKS_SEEN_ONCE = [
    pytest.param(  # the last one named of its sex
        "Hermione Granger found Harry Potter in the library at seven.\n\n"
        '"What happened?" she asked.\n\n'
        '"Malfoy happened," Harry said.\n\n'
        "But the bushy-haired witch only smiled and went back to her book.\n",
        "the bushy-haired witch", "Hermione Granger", id="last-named-of-its-sex"),
    pytest.param(  # never someone named in its own sentence; both boys need two pronoun votes
        # for a gender and Naruto a speech tag, or a text this short has no Naruto in its cast
        "Sasuke Uchiha leaned against the post; he did not look up. Sasuke waited; he was used to "
        "it. Naruto Uzumaki burst onto the field, and he was grinning. Naruto waved; he always did.\n\n"
        '"You\'re late," Sasuke said.\n\n'
        '"Am not!" said Naruto.\n\n'
        "Naruto was on his feet in a heartbeat, and he launched himself at the dark-haired boy.\n",
        "the dark-haired boy", "Sasuke Uchiha", id="not-named-in-its-own-sentence"),
    pytest.param(  # unless set beside it
        "Amelia Sedley sat by the window; she was crying, and she would not stop.\n\n"
        '"Do not go," said Amelia.\n\n'
        "She could not bring herself to tell Miss Swartz, the woolly-haired heiress, "
        "and Miss Swartz never asked.\n",
        "the woolly-haired heiress", "Miss Swartz", id="set-beside-a-name"),
]


@pytest.mark.parametrize(("text", "phrase", "holder"), LOOKS_SEEN_ONCE)
def test_a_looks_description_seen_once_is_someone_on_stage(text: str, phrase: str, holder: str):
    work = analyze(text)
    at = text.index(phrase)
    (mention,) = [m for m in work.mentions if m.kind == "epithet" and m.start == at]
    character = work.character(mention.character)
    assert character is not None and character.name == holder and phrase in character.epithets


def test_a_description_by_comparison_is_not_the_one_last_named():
    # "the elder lady" is compared with the girl just named: she is someone else
    text = ("Mrs. Miller stood by the gate with her daughter. Daisy Miller laughed.\n\n"
            '"I don\'t believe it!" said Daisy.\n\n'
            "The elder lady only sighed and looked at the lake.\n")
    work = analyze(text)
    at = text.index("The elder lady")
    daisy = next(c for c in work.characters if c.name == "Daisy Miller")
    assert all(m.character != daisy.id for m in work.mentions if m.start == at)
    assert "the elder lady" not in daisy.epithets
