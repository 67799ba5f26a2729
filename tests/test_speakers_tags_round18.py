"""Speech tags changed in round 18, on small texts written for these tests: a quote named as a
pronoun's words ('"…," was her next remark') has that pronoun for its tag."""

from __future__ import annotations

from ficlens import analyze

LESSON = ('Lucy Honeychurch looked at Mr. Eager. Mr. Eager smiled and showed her his cigar.\n\n'
          '"Uno--piu--piccolo," was her next remark.\n\n'
          '"Yes," said Mr. Eager.\n\n'
          '"How kind," was his only thought.\n')


def test_a_quote_named_as_a_pronouns_words_is_tagged_by_that_pronoun():
    work = analyze(LESSON)
    names = {c.id: c.name for c in work.characters}
    remark = next(q for q in work.quotes if "piccolo" in work.text[q.start:q.end])
    assert remark.tag is not None and remark.tag["text"] == "was her next remark"
    assert remark.type == "anaphoric" and names[remark.speaker] == "Lucy Honeychurch"
    thought = next(q for q in work.quotes if "How kind" in work.text[q.start:q.end])
    assert thought.tag is None  # a thought is not a remark
