"""Speech tags changed in round 18, on small texts written for these tests: a quote named as a
pronoun's words ('"…," was her next remark') has that pronoun for its tag; a name after "near"
("drawing near Elizabeth, said") is not the subject of the tag; "Very soon the Rabbit noticed Alice,
…, and called out" is the Rabbit's tag (the article is part of the opening name)."""

from __future__ import annotations

from ficlens import analyze


def analysed(text: str):
    """The work, and its characters' names by id."""
    work = analyze(text)
    return work, {c.id: c.name for c in work.characters}


LESSON = ('Lucy Honeychurch looked at Mr. Eager. Mr. Eager smiled and showed her his cigar.\n\n'
          '"Uno--piu--piccolo," was her next remark.\n\n'
          '"Yes," said Mr. Eager.\n\n'
          '"How kind," was his only thought.\n')


def test_a_quote_named_as_a_pronouns_words_is_tagged_by_that_pronoun():
    work, names = analysed(LESSON)
    remark = next(q for q in work.quotes if "piccolo" in work.text[q.start:q.end])
    assert remark.tag is not None and remark.tag["text"] == "was her next remark"
    assert remark.type == "anaphoric" and names[remark.speaker] == "Lucy Honeychurch"
    thought = next(q for q in work.quotes if "How kind" in work.text[q.start:q.end])
    assert thought.tag is None  # a thought is not a remark


DANCE = ("Elizabeth Bennet sat by the piano. Mr. Darcy watched Elizabeth.\n\n"
         "After playing some Italian songs, Miss Bingley varied the charm by a\n"
         "lively Scotch air; and soon afterwards Mr. Darcy, drawing near\n"
         "Elizabeth, said to her--\n\n"
         '"Do not you feel a great inclination to dance?"\n')


def test_a_name_after_near_is_not_the_subject_of_the_tag():
    work, names = analysed(DANCE)
    assert names[work.quotes[0].speaker] == "Mr. Darcy" and work.quotes[0].evidence == "tag_before:explicit"


HOUSEMAID = ('"Oh dear!" said the White Rabbit. Alice Liddell hid behind the table.\n\n'
             '"I shall be late," said the Rabbit, and the Rabbit trotted on.\n\n'
             "Very soon the Rabbit noticed Alice, as she went hunting about, and\n"
             'called out to her in an angry tone, "Why, what are you doing out here?"\n')


def test_the_article_before_the_name_opening_a_sentence_keeps_it_the_subject():
    work, names = analysed(HOUSEMAID)
    call = work.quotes[2]
    assert call.tag is not None and call.tag["text"].startswith("Rabbit noticed")
    assert names[call.speaker] == "Rabbit" and call.evidence == "tag_before:explicit"
