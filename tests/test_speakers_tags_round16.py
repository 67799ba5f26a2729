"""Speech tags changed in round 16, on small texts written for these tests: a description no
character holds opens a tag before the quote ("The drummer shouted: "…""), but a description
after the verb there is its object ("continued the subject, by saying,"); a name straight after
a description is the speaker ("replied the poet Syme"); "somewhat" is no part of a description."""

from __future__ import annotations

import pytest

from ficlens import analyze

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules; the scorer is tested elsewhere

CAFE = ("Jake Barnes and Brett Ashley sat at the back of the dancing. The band played on.\n\n"
        '"I feel terribly," said Brett.\n\n'
        '"You were happy a minute ago," said Jake.\n\n')


def speaker_of(text: str, fragment: str):
    """The work and the quote holding ``fragment``."""
    work = analyze(text)
    return work, next(q for q in work.quotes if fragment in work.text[q.start:q.end])


def test_a_description_opening_the_clause_before_a_quote_is_its_speaker():
    work, q = speaker_of(CAFE + 'The drummer shouted: "You can\'t two time!"\n', "two time")
    assert q.evidence.startswith("tag_before")
    assert work.character(q.speaker).name.lower() == "the drummer"


def test_a_description_after_the_verb_before_a_quote_is_its_object():
    work, q = speaker_of(CAFE + 'The former continued the subject, by saying, "Tell me all."\n',
                         "Tell me")
    assert "the subject" not in [c.name.lower() for c in work.characters]
    assert q.speaker is None or work.character(q.speaker).name.lower() != "the subject"


PARK = ("Gabriel Syme and Lucian Gregory walked in the garden at Saffron Park. Syme was a poet, "
        "and so was Gregory.\n\n"
        '"You are unpoetical," said Gregory.\n\n')


def test_a_name_straight_after_a_description_is_the_speaker():
    work, q = speaker_of(PARK + '"It is you who are unpoetical," replied the poet Syme.\n', "It is you")
    assert work.character(q.speaker).name == "Gabriel Syme"
    assert q.type == "explicit"


def test_somewhat_is_no_part_of_a_description():
    work, q = speaker_of(PARK + '"Dressed as Thursday," said the valet somewhat affably.\n', "Dressed")
    assert work.character(q.speaker).name.lower() == "the valet"
