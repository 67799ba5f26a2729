"""Speech tags added in round 14, each on a small text written for its test: the pronoun heard
speaking ("she heard him say,"), a relation opening its clause after a conjunction ("but his
mother, without waiting, continued,"), a pronoun tag that goes on from the paragraph's earlier
tag ("said a porter. Then he added:"), and an official as an indefinite describer."""

from __future__ import annotations

import pytest

from ficlens import analyze
from ficlens.model import Work

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules; the scorer is tested elsewhere

CAST = ("Tobias Marchbank and Margaret Hale waited in the hall of the old house. Tobias was tall, "
        "and he was tired; Margaret was not, and she said so. Margaret looked at Tobias, and Tobias "
        "looked at Margaret.\n\n")


def quote(work: Work, fragment: str):
    at = work.text.index(fragment)
    return next(q for q in work.quotes if q.start <= at < q.end)


def speaker_name(work: Work, fragment: str) -> str | None:
    ch = work.character(quote(work, fragment).speaker)
    return ch.name if ch else None


@pytest.mark.parametrize("hearer, heard, pronoun, expected", [
    ("Margaret", "him", "say", "Tobias Marchbank"),
    ("Tobias", "her", "saying in a half-whisper", "Margaret Hale"),
])
def test_the_pronoun_heard_speaking_is_the_speaker(hearer, heard, pronoun, expected):
    work = analyze(CAST + f'"Is the carriage here?" asked {hearer}.\n\nNobody answered from the '
                   f'stairs. Then {hearer} heard {heard} {pronoun}, "We are late again."\n')
    q = quote(work, "We are late again")
    assert q.tag is not None and q.tag["text"].split()[0] == heard
    assert speaker_name(work, "We are late again") == expected


def test_a_relation_after_a_conjunction_opens_the_tag():
    work = analyze("Wilfred Oakes lived with his mother, Mrs. Oakes, at the mill. Mrs. Oakes was "
                   "old, and she was proud of Wilfred. Wilfred was fond of her.\n\n"
                   '"I was only a boy then," said Wilfred.\n\n'
                   "Wilfred could not remember the flood; but his mother, without waiting for more, "
                   'answered, "The water came up to the second stair."\n')
    q = quote(work, "The water came up")
    assert q.tag is not None and q.tag["text"].startswith("but his mother")
    assert speaker_name(work, "The water came up") == "Mrs. Oakes"


def test_a_pronoun_tag_goes_on_from_the_paragraphs_earlier_tag():
    work = analyze(CAST + '"Where has he gone?" asked Tobias.\n\n'
                   '"Gentleman rushed into the station, sir!" said a porter in a dazed manner. '
                   'Then he added in an injured voice: "Asked me to hold his horse, he did."\n')
    porter = quote(work, "Gentleman rushed").speaker
    assert porter is not None and work.character(porter).name != "Tobias Marchbank"
    assert quote(work, "Asked me to hold").speaker == porter


def test_a_pronoun_tag_after_someone_else_is_named_is_left_to_coreference():
    work = analyze(CAST + '"Where has he gone?" asked Margaret.\n\n'
                   '"Into the station!" said a porter. Tobias frowned at the clock. Then he added: '
                   '"We shall miss the train."\n')
    assert speaker_name(work, "We shall miss") == "Tobias Marchbank"


def test_an_official_is_an_indefinite_describer():
    work = analyze(CAST + '"Where is the train?" asked Tobias.\n\n'
                   '"Gone these ten minutes, sir," said an official, touching his cap.\n')
    q = quote(work, "Gone these ten minutes")
    assert q.tag is not None and "official" in q.tag["text"]
    assert speaker_name(work, "Gone these ten minutes") not in ("Tobias Marchbank", "Margaret Hale")


COACH = ("Tobias Marchbank and Margaret Hale waited in the yard of the inn. Tobias was tall, and he "
         "was tired; Margaret was not, and she said so.\n\n"
         '"Is the coach ready?" asked Tobias.\n\n"Nearly, sir," said the guard, buckling a strap.\n\n'
         '"Hurry, Ben, we are late already."\n\n"Coming, sir," said the guard.\n\n')


def test_a_speaking_description_is_the_name_the_other_party_calls_it():
    work = analyze(COACH + '"Thank you, Ben. You are a good fellow."\n')
    guard = quote(work, "Nearly, sir").speaker
    assert work.character(guard).name == "Ben"
    assert quote(work, "Coming, sir").speaker == guard
    assert "the guard" in work.character(guard).epithets
    assert "the guard" not in [c.name for c in work.characters]
    assert all(m.character in {c.id for c in work.characters} for m in work.mentions if m.character)


def test_a_description_talking_to_the_named_character_stays_someone_else():
    work = analyze(COACH + '"Thank you, Ben," said Margaret.\n\n"Not at all," said Ben.\n')
    assert work.character(quote(work, "Nearly, sir").speaker).name == "the guard"


def test_the_narrator_as_object_or_owner_is_not_read_as_acting(through_speakers):
    # "She stared at me.": the narrator is there, but the narration the speakers read holds only
    # the "I" who acts, so a first-person narrator is not the candidate of every paragraph
    work = through_speakers("I went to the little house where Dr. Bauer lodged. I knew the street, and "
                            "I knew the door. I tapped on it with my stick, and I waited. I was "
                            "cold, and my hands were stiff.\n\n"
                            '"Good afternoon," I said. "Is Dr. Bauer in?"\n\n'
                            'An old woman stared at me. "Haven\'t you heard?"\n')
    index = work.runtime["speakers.context"].index
    read = [work.text[m.start:m.end] for m in index.within(0, len(work.text))]
    assert "I" in read
    assert "me" not in read and "my" not in read
