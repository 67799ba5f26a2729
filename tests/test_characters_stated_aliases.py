"""Aliases a text states ("X, alias Y"; "X, or Y as the reader pleases"; "X, or, as I must now call
him, Y") join one character;
a choice between two people ("Jane Bennet, or Elizabeth Bennet, would go") does not. A wedding
gives the bride her husband's name ("Mr. Bumble had married Mrs. Corney")."""

from __future__ import annotations

from ficlens import analyze

TEXT = """Noah Claypole sat by the fire. Noah Claypole was hungry, and Noah grinned at Charlotte.

"Give it here," said Noah.

Morris Bolter walked into the inn. Mr. Bolter ordered beer, and Morris Bolter sat down.

"Beer," said Morris Bolter.

Noah Claypole, or Morris Bolter as the reader pleases, went out early.

Jane Bennet, or Elizabeth Bennet, would go. Jane Bennet laughed; Elizabeth Bennet did not.

Tom Riddle smiled. Lord Voldemort was the name he chose: Tom Riddle, alias Lord Voldemort, rose.
Lord Voldemort laughed.

Mr. Wilcox came to dinner, and Mr. Wilcox talked of rubber. Margaret listened to Mr. Wilcox.
Henry was at the station. Henry waved, and Henry laughed. Margaret saw Henry.
Her talk with Mr. Wilcox, or, as I must now call him, Henry, went on until midnight.
"""


def _holder(work, alias):
    return next(c for c in work.characters if alias in c.aliases)


def test_a_stated_alias_joins_the_two_names():
    work = analyze(TEXT)
    assert _holder(work, "Noah Claypole") is _holder(work, "Morris Bolter")
    assert _holder(work, "Tom Riddle") is _holder(work, "Lord Voldemort")
    assert _holder(work, "Mr. Wilcox") is _holder(work, "Henry")
    beer = next(q for q in work.quotes if TEXT[q.start:q.end] == '"Beer,"')
    assert beer.speaker == _holder(work, "Noah Claypole").id


def test_a_choice_between_two_people_keeps_them_apart():
    work = analyze(TEXT)
    assert _holder(work, "Jane Bennet") is not _holder(work, "Elizabeth Bennet")


WEDDING = """Mrs. Bumble kept the old house by the river, and her son Mr. Bumble lived with her.
Mrs. Corney kept the workhouse. Mrs. Corney poured the tea.

"Sugar?" asked Mrs. Corney.

"Two lumps," said Mr. Bumble.

Mr. Bumble had married Mrs. Corney, and was master of the workhouse.

"You are late again," said the young Mrs. Bumble.

"I am," said Mr. Bumble.
"""

SECOND_WEDDING = WEDDING.replace("Mrs. Bumble kept the old house by the river, and her son Mr. Bumble "
                                 "lived with her.\n", "")


def test_the_married_name_first_met_after_the_wedding_is_the_bride():
    work = analyze(SECOND_WEDDING)
    assert _holder(work, "Mrs. Bumble") is _holder(work, "Mrs. Corney")
    late = next(q for q in work.quotes if "late again" in SECOND_WEDDING[q.start:q.end])
    assert late.speaker == _holder(work, "Mrs. Corney").id


def test_a_married_name_met_before_the_wedding_is_someone_else():
    work = analyze(WEDDING)
    assert _holder(work, "Mrs. Bumble") is not _holder(work, "Mrs. Corney")


def test_the_matron_is_a_woman_and_goes_with_her():
    """"Matron" names a woman: the man always beside her in the workhouse scenes is not the matron."""
    scene = ("Mrs. Corney kept the workhouse, and Mr. Bumble called on her. Mr. Bumble sat down.\n\n"
             "\"Sugar?\" asked the matron.\n\n\"Two lumps,\" said Mr. Bumble. Mr. Bumble coughed.\n\n")
    work = analyze("\n\n* * *\n\n".join([scene] * 3))
    assert "the matron" in {e.lower() for e in _holder(work, "Mrs. Corney").epithets}
