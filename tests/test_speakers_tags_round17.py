"""Speech tags changed in round 17, on small texts written for these tests: a paragraph that
stops mid-sentence after a speech verb and its manner ("said in a small and quiet voice") is the
tag of the quote that opens the next paragraph, and one that ends its sentence is not; "as she
spoke." is no tag; a name addressed inside a quote the speaker reports is not whom they address;
"said her sister" answering a woman is that woman's sister; "spat", "whined", "confirmed" and
other verbs of fan fiction make tags."""

from __future__ import annotations

import pytest

from ficlens import analyze
from ficlens.speakers.address import addressed_by_quote

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules; the scorer is tested elsewhere

MEETING = ("Syme looked at Gregory. Syme smiled at Gregory, and Gregory smiled at the chairman.\n\n"
           '"Does anyone oppose the election of Comrade Gregory?" asked the chairman.\n\n')


def quote_with(text: str, fragment: str):
    work = analyze(text)
    return work, next(q for q in work.quotes if fragment in work.text[q.start:q.end])


def test_a_paragraph_ending_in_a_speech_verb_and_its_manner_tags_the_next_quote():
    work, q = quote_with(MEETING + "But as the chairman opened his mouth, Syme sprang to his feet "
                         'and said in a small and quiet voice\n\n"Yes, Mr. Chairman, I oppose."\n',
                         "I oppose")
    assert q.evidence == "tag_before:explicit"
    assert work.character(q.speaker).name == "Syme"


def test_a_paragraph_that_ends_its_sentence_is_no_tag():
    _, q = quote_with(MEETING + "Syme sprang to his feet and spoke in a small and quiet voice.\n\n"
                         '"Yes, Mr. Chairman, I oppose."\n', "I oppose")
    assert not q.evidence.startswith("tag_before")


def test_a_clause_of_time_around_a_speech_verb_is_no_tag_for_the_next_quote():
    # "as she spoke." says when the lady glanced; the quote after it is still Monks's
    text = ("Monks looked at Mrs. Bumble. Monks laughed at Mrs. Bumble.\n\n"
            '"He my husband!" tittered Mrs. Bumble.\n\n'
            '"I thought as much," rejoined Monks, marking the glance which the lady darted at her '
            'spouse as she spoke. "So much the better; I have less hesitation."\n')
    work, q = quote_with(text, "So much the better")
    assert q.evidence == "same_paragraph:explicit"
    assert work.character(q.speaker).name == "Monks"


def test_a_name_addressed_inside_a_reported_quote_is_not_whom_the_speaker_addresses():
    text = ("Mrs. Bennet looked at Jane. Mr. Bingley smiled at Jane, and Mrs. Bennet smiled too.\n\n"
            '"Well, Jane, what do you think he said? \'Ah! Mrs. Bennet, we shall have her at '
            "Netherfield at last.' He did indeed.\"\n")
    work, q = quote_with(text, "what do you think")
    addressed = addressed_by_quote(work)[work.quotes.index(q)]
    assert {work.character(c).name for c in addressed} == {"Jane"}


def test_her_sister_answering_a_sister_is_the_other_one():
    # Elizabeth is the woman the narration named last, but "her" is Jane, who just spoke
    text = ("Jane Bennet and Elizabeth Bennet sat in the garden. Elizabeth Bennet laughed.\n\n"
            '"He never had any design on my affection," said Jane. Elizabeth Bennet smiled.\n\n'
            '"You are very cruel," said her sister, "you will not let me smile."\n')
    work, q = quote_with(text, "very cruel")
    assert work.character(q.speaker).name == "Elizabeth Bennet"


@pytest.mark.parametrize("verb", ["spat", "whined", "confirmed", "exploded", "chided"])
def test_more_speech_verbs_make_tags(verb):
    text = ("Draco Malfoy and Hermione Granger stood in the corridor. Hermione Granger frowned.\n\n"
            f'"You are late," {verb} Draco.\n')
    work, q = quote_with(text, "You are late")
    assert q.evidence == "tag_after:explicit"
    assert work.character(q.speaker).name == "Draco Malfoy"
