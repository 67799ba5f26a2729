"""An epithet the cast could not link by its company ("the detective", seen twice, tied between
the detective and the landlady) is the character whose lines it stands between as an action beat.
Texts written for these tests."""

from __future__ import annotations

from ficlens import analyze

ROOMS = ("Mr. Ambrose Fenwick and Mrs. Amble sat in the front room. Mrs. Amble poured the tea.\n\n"
         "“Another letter for you,” said Mrs. Amble.\n\n"
         "“Thank you, Mrs. Amble. I had hoped for one.” The detective was already reaching for his coat. "
         "“There is a train at ten.”\n\n"
         "* * *\n\n"
         "On the train Ambrose Fenwick read the letter twice. The detective said nothing for an hour.\n")


def test_an_epithet_between_a_characters_lines_is_that_character():
    work = analyze(ROOMS)
    lane = next(c for c in work.characters if "Ambrose Fenwick" in c.aliases)
    assert "the detective" in lane.epithets
    inspector = [m for m in work.mentions if work.text[m.start:m.end].lower() == "the detective"]
    assert len(inspector) == 2 and all(m.character == lane.id for m in inspector)


def test_paragraphs_that_disagree_link_no_one():
    story = ROOMS + ("\n“More tea?” The detective was standing by the door. “You have not touched your "
                     "cup,” said Mrs. Amble.\n")
    work = analyze(story)
    amble = next(c for c in work.characters if c.name == "Mrs. Amble")
    assert "the detective" not in amble.epithets
    fenwick = next(c for c in work.characters if "Ambrose Fenwick" in c.aliases)
    assert "the detective" not in fenwick.epithets


ANGEL = ("Dean Winchester dropped his bag on the bed. Sam Winchester looked up from the laptop.\n\n"
         "There was a rustle of wings, and Castiel stood at the foot of the bed, and Castiel tilted "
         "his head, and when Dean looked at him, Castiel said nothing.\n\n"
         "“Jesus, Cas,” Dean said. “Personal space.”\n\n"
         "“I apologize.” The angel did not move. “I heard you were in Ohio.”\n\n"
         "“Heard from who?” Sam asked.\n\n"
         "“Nobody.” The angel looked at the laptop. “You are hunting the thing at the mill.”\n\n"
         "“We go tonight,” Dean said.\n\n"
         "“Tonight,” the angel agreed.\n")


def test_a_role_a_tag_made_a_character_folds_into_the_one_it_beats_for():
    work = analyze(ANGEL)
    castiel = next(c for c in work.characters if c.name == "Castiel")
    assert "the angel" in castiel.epithets
    assert all(c.name.lower() != "the angel" for c in work.characters)
    line = next(q for q in work.quotes if work.text[q.start:q.end] == "“Tonight,”")
    assert line.speaker == castiel.id


def test_a_trade_a_tag_made_a_character_is_not_folded():
    # "the housekeeper" names a different minor person each time: the tag's own person, even
    # standing beside another's lines
    story = ("Mrs. Amble sat in the front room with Ambrose Fenwick.\n\n"
             "“More tea?” said Mrs. Amble. The housekeeper was asleep by the fire. “No?”\n\n"
             "“Not for me,” said Ambrose Fenwick.\n\n"
             "“Nor me,” said the housekeeper.\n\n"
             "“You never do,” said Ambrose Fenwick.\n\n"
             "“Then I shall drink it,” said Mrs. Amble. The housekeeper snored. “All of it.”\n")
    work = analyze(story)
    assert any(c.name.lower() == "the housekeeper" for c in work.characters)
    amble = next(c for c in work.characters if c.name == "Mrs. Amble")
    assert "the housekeeper" not in amble.epithets
