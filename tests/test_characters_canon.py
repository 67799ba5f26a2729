"""Fandom canon (characters/canon.py), on small texts written for these tests: a story in a
fandom the bundled canon knows has its nicknames, epithets and genders without a sentence
saying so; a novel whose names merely overlap a fandom's stays untouched."""

from __future__ import annotations

from collections import Counter

from ficlens import analyze
from ficlens.characters.canon import active_fandoms, load_canon
from ficlens.characters.cluster import parse_seed
from test_speakers import speaker


def _forms(*names: str) -> dict:
    return {parse_seed(n): 3 for n in names}


def test_the_bundled_canon_is_well_formed():
    fandoms = load_canon()
    assert len(fandoms) >= 30
    for fandom in fandoms:
        assert fandom.tags and fandom.characters, fandom.name
        for ch in fandom.characters:
            assert ch.gender in ("male", "female", "nonbinary"), ch.name
            assert ch.names and all(tokens for _, tokens in ch.names), ch.name
            assert all(not phrase.startswith("the ") for phrase in ch.epithets), ch.name


def test_a_fandom_tag_names_its_fandom():
    names = [f.name for f in active_fandoms(["Avatar: The Last Airbender"], {}, Counter())]
    assert names == ["Avatar: The Last Airbender"]


def test_two_names_no_other_book_uses_show_the_fandom():
    found = [f.name for f in active_fandoms([], _forms("Zuko", "Katara"), Counter())]
    assert found == ["Avatar: The Last Airbender"]


def test_common_names_and_common_surnames_show_no_fandom():
    # "Harry" and "Ron" are any novel's; "Watson" and "Lestrade" alone could be a namesake
    assert active_fandoms([], _forms("Harry", "Ron", "Jason"), Counter()) == []
    assert active_fandoms([], _forms("Watson", "Jackson"), Counter()) == []
    # a word the text also writes in lower case is a word, not a name only a fandom uses
    assert active_fandoms([], _forms("Crowley", "Grace"), Counter({"grace": 4})) == []


TEAROOM = ("The tea shop was nearly empty when Zuko came out of the kitchen.\n\n"
           "Katara and Toph were already at the counter.\n\n"
           "'Nice apron, Sparky,' Toph said. 'I can feel how stupid it looks.'\n\n"
           "'You can't feel an apron,' Zuko said.\n\n"
           "'We talked about this,' the waterbender hissed. 'Be nice.'\n\n"
           "Sparky glared at both of them.\n")


def test_a_fandom_nickname_and_epithet_are_their_character():
    work = analyze(TEAROOM)
    zuko = next(c for c in work.characters if c.name == "Zuko")
    katara = next(c for c in work.characters if c.name == "Katara")
    assert "Sparky" in zuko.aliases
    assert not any(c.name == "Sparky" for c in work.characters)
    assert "the waterbender" in katara.epithets
    assert speaker(work, "We talked about this") == "Katara"


def test_the_canon_gives_a_gender_the_text_does_not():
    work = analyze(TEAROOM)
    genders = {c.name: c.gender for c in work.characters}
    assert genders["Toph"] == "female" and genders["Katara"] == "female"


def test_many_pronouns_of_the_other_sex_overrule_the_canon():
    # a genderbent Toph: the text says "he" again and again
    text = ("Zuko and Katara waited at the gate.\n\n" + "Toph walked in. He smiled. He sat down. "
            "He laughed. He waved. He yawned. Then Toph said he was tired, and he left.\n")
    work = analyze(text)
    assert next(c for c in work.characters if c.name == "Toph").gender != "female"


def test_a_novel_that_shares_a_first_name_is_not_fan_fiction():
    text = ("Harry Lennox came into the drawing-room, and Ron followed him.\n\n"
            "'The boy who lived next door has gone,' said Harry.\n")
    work = analyze(text)
    assert all(not c.epithets for c in work.characters)


def test_a_fandom_hair_colour_epithet_is_its_character():
    # the company "the brunet" keeps is Draco's (his point of view), but the fandom knows it is Harry
    text = ("Draco Malfoy found Harry Potter in the empty Potions classroom.\n\n"
            "Draco set down his bag and sneered. 'Lost, Potter?' Draco said.\n\n"
            "The brunet didn't look up. Draco waited. Draco hated waiting.\n\n"
            "'Slughorn sent me,' Harry said.\n")
    work = analyze(text)
    brunet = next(m for m in work.mentions if work.text[m.start:m.end] == "The brunet")
    assert work.character(brunet.character).name == "Harry Potter"


DORM = ("Bakugou Katsuki was already at the stove when Midoriya Izuku came down. Todoroki Shouto "
        "followed him, and Iida Tenya after that.\n\n"
        "\"Move, Icyhot,\" Bakugou said. \"You too, Four-Eyes.\"\n\n"
        "Round Face padded in from the girls' side, blinking.\n\n"
        "\"Having a party without me?\" Uraraka asked.\n\n"
        "\"Go back to bed, Round Face,\" Bakugou said.\n")


def test_a_fandom_nickname_spelt_another_way_is_still_its_character():
    work = analyze(DORM)
    by_alias = {a: c.name for c in work.characters for a in c.aliases}
    assert by_alias["Icyhot"] == "Todoroki Shouto"    # the canon writes "Icy-Hot"
    assert by_alias["Four-Eyes"] == "Iida Tenya"      # and "Four Eyes"


def test_a_character_is_named_by_a_name_not_by_a_nickname():
    work = analyze(DORM)
    uraraka = next(c for c in work.characters if "Round Face" in c.aliases)
    assert uraraka.name == "Uraraka" and "Uraraka" in uraraka.aliases
