"""Round 21, on small texts written for these tests: an exchange goes on after a speech that runs
over several paragraphs (the gap is counted from where the speech ends, not where it starts); a
gerund tag far from its clause's opening name ('…; but Edmund, after waiting a moment, obliged her
to look up by saying,') is that name's; and a line of story text longer than a file name may be
is analysed as text."""

from __future__ import annotations

from types import SimpleNamespace

from ficlens import analyze
from ficlens.speakers.exchange import Turn, build_runs
from test_speakers import speaker


def _layout(paragraphs: int):
    return SimpleNamespace(paragraphs=[(i * 10, i * 10 + 9) for i in range(paragraphs)],
                           scene_index=lambda offset: 0)


def test_a_reply_after_a_speech_of_several_paragraphs_stays_in_the_exchange():
    speech = Turn(0, [0], last_paragraph=3)   # one speech over paragraphs 0 to 3
    reply = Turn(4, [1])
    assert build_runs([speech, reply], _layout(5)) == [[0, 1]]


def test_two_narration_paragraphs_still_end_an_exchange():
    line = Turn(0, [0])
    later = Turn(3, [1])   # paragraphs 1 and 2 are narration
    assert build_runs([line, later], _layout(4)) == [[0], [1]]


COORDINATE = ("Fanny Price and Edmund Bertram walked back from the parsonage. Edmund spoke of the "
              "necklace.\n\n"
              "Fanny could have walked an hour without saying another word; but Edmund, after "
              "waiting a moment, obliged her to look up from the path by saying, \"But what is it "
              "that you want to consult me about?\"\n")


def test_a_gerund_tag_belongs_to_the_name_opening_its_clause():
    assert speaker(analyze(COORDINATE), "consult me about") == "Edmund Bertram"


def test_an_absolute_clause_does_not_open_the_tag_clause():
    work = analyze("Sir William Lucas stood near Mr. Darcy. Elizabeth Bennet crossed the room.\n\n"
                   "He paused in hopes of an answer; and Elizabeth at that instant moving towards "
                   "them, he was struck with the notion of doing a very gallant thing, and called "
                   "out to her, \"My dear Miss Eliza, why are not you dancing?\"\n")
    assert speaker(work, "why are not you dancing") != "Elizabeth Bennet"


def test_a_long_line_of_text_is_analysed_as_text_not_looked_up_as_a_file():
    line = ("Harry Potter walked into the Great Hall. " * 8) + '"Hello," said Harry.'
    assert len(line) > 255 and "\n" not in line
    work = analyze(line)
    assert speaker(work, "Hello") == "Harry Potter"
