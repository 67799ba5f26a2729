"""A first name said only in address ("Oh, Nancy, how topping!") belongs to the character who
answers to it, when the narration knows her only as "Miss Derek"; texts written for these tests."""

from __future__ import annotations

import pytest

from ficlens import analyze
from ficlens.model import Work

pytestmark = pytest.mark.usefixtures("rules_only")

CLUB = ("Miss Derek came into the club with her hat in her hand. Mr. Turton rose from his chair, and "
        "Mrs. Turton did not. Miss Derek sat down by the fire.\n\n"
        '"Oh, Nancy, how topping!" cried Mrs. Turton. "You have come after all."\n\n'
        '"I always come," said Miss Derek. "Somebody must."\n\n'
        '"Then sit by me," Mr. Turton said.\n\n'
        '"I don\'t think so, Nancy, and I seem able to do nothing for myself," Mrs. Turton said.\n\n'
        '"Nobody can," Miss Derek answered.\n')


def by_name(work: Work, name: str):
    return next(c for c in work.characters if c.name == name)


def test_a_name_only_said_in_address_joins_the_character_who_answers_to_it():
    work = analyze(CLUB)
    derek = by_name(work, "Miss Derek")
    assert "Nancy" in derek.aliases
    assert "Nancy" not in [c.name for c in work.characters]
    topping = next(q for q in work.quotes if "topping" in work.text[q.start:q.end])
    assert topping.addressees == [derek.id]
    assert all(m.character in {c.id for c in work.characters} for m in work.mentions if m.character)


def test_a_name_the_narration_uses_stays_its_own_character():
    work = analyze("Nancy lived next door to the club, and she came in every evening. "
                   "Nancy was kind.\n\n" + CLUB)
    assert "Nancy" not in by_name(work, "Miss Derek").aliases


def test_a_character_with_a_first_name_of_her_own_takes_no_other():
    text = CLUB.replace("Miss Derek came into", "Adela Derek, whom everyone called Miss Derek, came into")
    work = analyze(text)
    derek = next(c for c in work.characters if "Miss Derek" in c.aliases)
    assert "Nancy" not in derek.aliases


def test_an_aunts_title_before_a_name_is_no_surname():
    """"Auntie Tibby" is Helen teasing her brother: "Tibby" is his given name, so "Lan", said to
    him once in a story he is told, does not become another of his names."""
    from ficlens.model import Character
    from ficlens.speakers.called_names import _has_first_name

    assert _has_first_name(Character("c1", "Tibby", ["Auntie Tibby", "Tibby"]))
    assert not _has_first_name(Character("c2", "Miss Derek", ["Derek", "Miss Derek"]))


def test_a_surname_is_the_last_word_of_a_name_but_not_after_an_aunts_or_knights_title():
    from ficlens.characters.kinship import surnames
    from ficlens.model import Character

    aliases = ["Sir Thomas Bertram", "Sir John", "Auntie Tibby", "Mr. Bennet", "Tibby"]
    assert surnames(Character("c1", "Mixed", aliases)) == {"Bertram", "Bennet"}
