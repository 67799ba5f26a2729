"""Speech tags changed in round 19, on small texts written for these tests: a pronoun opening a
clause of time after a relative clause ("Mr. Darcy, who …, when she drew back, and said") is the
subject, not the relative's antecedent; a name joined to an object pronoun ("behind her and
Willoughby, and said") is an object; "made no answer." is no tag; "said her aunt" is the married
woman the narration names beside "her aunt", not the mother who shares the surname; "said the son"
is a relation, not a character of its own."""

from __future__ import annotations

import pytest

from test_speakers import quote
from test_speakers_tags_round18 import analysed

BALL = ("Elizabeth Bennet stood by Sir William Lucas. Mr. Darcy came near.\n\n"
        "Sir William took her hand, and would have given it to Mr. Darcy, who, though extremely "
        "surprised, was not unwilling to receive it, when she instantly drew back, and said with "
        "some discomposure to Sir William,\n\n"
        '"Indeed, Sir, I have not the least intention of dancing."\n')


DINNER = ("Marianne Dashwood sat by Mr. Willoughby. Mrs. Jennings sat on the other side.\n\n"
          "Mrs. Jennings looked at them; and they had not been long seated, before she leant "
          "behind her and Willoughby, and said to Marianne,\n\n"
          '"I have found you out in spite of all your tricks."\n')
SHE_SAID = {
    "a pronoun opening a clause of time, not the relative's antecedent": (BALL, "intention",
                                                                          "Elizabeth Bennet"),
    "a name joined to an object pronoun is not the subject": (DINNER, "tricks", "Mrs. Jennings"),
}


@pytest.mark.parametrize("story,fragment,speaker", SHE_SAID.values(), ids=SHE_SAID.keys())
def test_the_pronoun_is_the_tags_subject(story, fragment, speaker):
    work, names = analysed(story)
    line = quote(work, fragment)
    assert line.tag is not None and line.tag["text"].startswith("she")
    assert names[line.speaker] == speaker


def test_made_no_answer_is_no_tag():
    work, _ = analysed('"Will you come?" asked Edward.\n\nMaria made no answer. "Then I go alone."\n')
    line = quote(work, "alone")
    assert line.tag is None


TOUR = ('"Lizzy, you must go," said Mrs. Bennet to Elizabeth. "Mr. Bennet says so too."\n\n'
        "Elizabeth went north in the spring. Her aunt, Mrs. Gardiner, had lived there as a girl, and "
        "her uncle, Mr. Gardiner, liked fishing.\n\n"
        "The roads were long and the inns were poor, and the hills rose slowly on every side.\n\n"
        "At the inn her aunt, Mrs. Gardiner, asked for a room with a view, and her aunt, Mrs. "
        "Gardiner, was given one.\n\n"
        "Elizabeth looked at the hills.\n\n"
        '"We shall see Pemberley tomorrow," said her aunt.\n\n'
        '"And the trout stream," said her uncle.\n')


def test_her_aunt_is_the_woman_named_beside_the_phrase_and_her_uncle_her_husband():
    work, names = analysed(TOUR)
    aunt = quote(work, "Pemberley")
    uncle = quote(work, "trout")
    assert names[aunt.speaker] == "Mrs. Gardiner"  # not her mother, Mrs. Bennet
    assert "Gardiner" in names[uncle.speaker] and uncle.speaker != aunt.speaker


PENSION = ("Mr. Emerson and George Emerson sat at the long table of the pension. Lucy Honeychurch "
           "sat opposite them.\n\n"
           '"This is my son," said Mr. Emerson to Lucy.\n\n'
           '"It is so obvious they should have the rooms," said the son.\n')


def test_the_son_is_a_relation_of_the_one_just_speaking_not_a_character_of_his_own():
    work, names = analysed(PENSION)
    line = quote(work, "so obvious")
    assert line.tag is not None and line.tag["text"] == "said the son"
    assert names[line.speaker] == "George Emerson"
    assert not any(c.name == "the son" for c in work.characters)
