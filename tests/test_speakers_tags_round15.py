"""Speech tags changed in round 15, each on a small text written for its test: a negated speech
verb ("did not speak", "never said") is no tag, and neither is "said nothing" or "instead
of answering"."""

from __future__ import annotations

import pytest

from ficlens import analyze

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules; the scorer is tested elsewhere

CLUB = ("Adela Quested and Ronny Heaslop sat at the club. Mrs. McBryde was there, and Mr. McBryde.\n\n"
        '"We shall go to the caves," said Adela.\n\n')


@pytest.mark.parametrize("beat", ["Mr. McBryde did not speak much.", "Mr. McBryde never said a word.",
                                  "Mr. McBryde didn't say anything.", "Mr. McBryde did not really speak.",
                                  "Mr. McBryde said nothing."])
def test_a_negated_speech_verb_is_no_tag(beat):
    work = analyze(CLUB + f'"Oh, how topping! I wish I could see it." {beat}\n')
    q = next(q for q in work.quotes if "topping" in work.text[q.start:q.end])
    assert q.tag is None
    assert not q.evidence.startswith("tag_")


def test_a_speech_verb_after_other_words_is_still_a_tag():
    work = analyze(CLUB + '"Oh, how topping!" Mrs. McBryde said, not for the first time.\n')
    q = next(q for q in work.quotes if "topping" in work.text[q.start:q.end])
    assert q.tag is not None and work.character(q.speaker).name == "Mrs. McBryde"


def test_a_speech_named_as_not_happening_is_no_tag():
    # 'instead of answering, as she…': the tag is the one before the quote
    work = analyze("Catherine Morland and James Morland sat with Isabella Thorpe.\n\n"
                   '"I like her," said Catherine.\n\n'
                   "The two of them set off to walk to the inn, and James, as the door was "
                   "closed on them, said, "
                   '"Well, Catherine, how do you like my friend?" instead of answering, as she '
                   "probably would have done.\n")
    q = next(q for q in work.quotes if "how do you like" in work.text[q.start:q.end])
    assert q.tag is not None and q.tag["text"].startswith("James")
    assert work.character(q.speaker).name == "James Morland"
