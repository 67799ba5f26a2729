"""Round 22, on small texts written for these tests: "the other said" before a quote, and "continued
the other without …" after one, is the one of the two who was not just named; "her husband" is not
found by the wife's maiden name; "the old lady" is the one on stage, not the one the description
was linked to in other chapters; a description tag ends before its auxiliary ("the men would")."""

from __future__ import annotations

import pytest

from ficlens import analyze
from test_speakers import speaker

THE_OTHER = ("Aziz Khan and Cyril Fielding sat on the roof after the banquet.\n\n"
             '"The night is warm," said Fielding.\n\n"It is always warm here," said Aziz.\n\n'
             "Aziz was full of civilization this evening, complete, dignified, rather hard, "
             'and it was with diffidence that the other said: "You must let her off easily."\n')


def test_the_other_before_a_preposition_is_no_character_of_its_own():
    text = ("Catherine Morland and Isabella Thorpe walked in the Crescent.\n\n"
            '"You are describing what never happened," said Catherine.\n\n'
            '"My dearest Catherine," continued the other without at all listening to her, '
            '"I would not for all the world be unjust."\n')
    work = analyze(text)
    assert not any(c.name.startswith("the other") for c in work.characters)
    assert speaker(work, "My dearest Catherine") == "Isabella Thorpe"


HUSBAND = ("Margaret Schlegel had loved her father, Mr. Theobald Schlegel, and Mr. Theobald Schlegel "
           "had loved his books. Margaret Schlegel married Henry Wilcox in the spring, and Henry "
           "Wilcox took her to Howards End.\n\n"
           '"It is a lovely house," said Margaret.\n\n'
           '"It will do for the summer," said her husband.\n')


_BEDWIN = ("Mrs. Bedwin kept the house in Pentonville, and Oliver Twist lay upstairs.\n\n"
           "Oliver slept.\n\n"
           '"Hush, my dear," said the old lady. "You must be very quiet."\n\n* * *\n\n')
OLD_LADIES = (_BEDWIN * 3 + "Mrs. Maylie sat in the garden at Chertsey, and Oliver Twist sat beside her.\n\n"
              '"Is Rose better?" asked Oliver.\n\n'
              '"She is very ill now," said the old lady, wringing her hands.\n')


SPOKEN = {
    # "the other said:" before the verb: the one of the two not just named
    "the other before the verb": (THE_OTHER, "let her off", "Cyril Fielding"),
    # "her husband" is not found by the wife's maiden name (that is her father)
    "a husband by the married name": (HUSBAND, "for the summer", "Henry Wilcox"),
    # "the old lady" is the one on stage, not the one the description was linked to elsewhere
    "the old lady on stage": (OLD_LADIES, "very ill now", "Mrs. Maylie"),
}


@pytest.mark.parametrize("text, fragment, name", SPOKEN.values(), ids=SPOKEN.keys())
def test_the_line_goes_to(text, fragment, name):
    assert speaker(analyze(text), fragment) == name


def test_a_description_ends_before_its_auxiliary():
    text = ("Mrs. Blakiston sat in the corner with the infant, and Adela Quested sat by her.\n\n"
            '"Those drums are only Mohurram," the men would tell her.\n')
    names = {c.name for c in analyze(text).characters}
    assert "the men would" not in names
    assert "the men" in names
