"""A description set beside a name between commas is that person; lists and possessives are not
(texts written for these tests)."""

from __future__ import annotations

from ficlens import analyze
from ficlens.characters.appositives import NamedSpans, appositive_partner


def _partner(text: str, description: str, names: dict[str, str]) -> str | None:
    named = []
    for name, cid in names.items():
        start = text.index(name)
        named.append((start, start + len(name), cid))
    start = text.index(description)
    return appositive_partner(text, start, start + len(description), NamedSpans(named))


def test_a_description_before_or_after_a_name_in_commas_is_that_person():
    text = "The potions master, Severus Snape, swept in."
    assert _partner(text, "The potions master", {"Severus Snape": "c1"}) == "c1"
    text = "Harry glared at Snape, the potions master."
    assert _partner(text, "the potions master", {"Snape": "c1", "Harry": "c0"}) == "c1"


def test_an_office_keeps_its_of_complement_inside_the_apposition():
    text = "Mr. Haq, the Inspector of Police, came in."
    assert _partner(text, "the Inspector", {"Mr. Haq": "c1"}) == "c1"
    assert _partner("Mr. Haq, the Inspector of the Police station and", "the Inspector",
                    {"Mr. Haq": "c1"}) is None  # no close after the complement


def test_lists_and_possessives_are_not_appositions():
    assert _partner("Harry, the potions master, and Ron left.", "the potions master",
                    {"Harry": "c0", "Ron": "c2"}) is None
    assert _partner("He spent it with the Nawab Bahadur, Hamidullah, Mahmoud Ali and Fielding.",
                    "the Nawab Bahadur", {"Hamidullah": "c3", "Mahmoud Ali": "c4"}) is None
    assert _partner("They were called Fielding, the servant Antony, the Nawab Bahadur.",
                    "the Nawab Bahadur", {"Fielding": "c5", "Antony": "c6"}) is None
    assert _partner("Hermione, the potions master's favourite, smiled.", "the potions master",
                    {"Hermione": "c7"}) is None


STORY = """Harry walked into the dungeon. The potions master, Severus Snape, swept in behind him.

"Sit down," said the potions master.

Harry sat down. Ron looked at him, and Hermione frowned at the board.

"Potter," said Snape. "What is this?"

"A potion, sir," Harry said.

Later the Collector, Mr. Turton, came to the party. Mrs. Turton was with him.

"Good evening," said the Collector.

"Good evening," said Harry.

The Collector smiled, and the Collector's wife looked at the band.
"""


def test_an_epithet_in_apposition_links_to_the_name_and_tags_its_speech():
    work = analyze(STORY)
    snape = next(c for c in work.characters if "Severus Snape" in c.aliases)
    assert "the potions master" in snape.epithets
    assert all(c.name != "the potions master" for c in work.characters)
    sit_down = next(q for q in work.quotes if STORY[q.start:q.end].startswith('"Sit'))
    assert sit_down.speaker == snape.id


def test_a_capitalised_office_in_apposition_joins_its_holder():
    work = analyze(STORY)
    turton = next(c for c in work.characters if "Mr. Turton" in c.aliases)
    assert "the Collector" in turton.aliases
    evening = next(q for q in work.quotes if STORY[q.start:q.end] == '"Good evening,"')
    assert evening.speaker == turton.id


def test_a_qualified_office_with_its_complement_joins_its_holder():
    text = ("Mr. McBryde, the District Superintendent of Police, was the most reflective of the "
            "officials. Fielding went to see him.\n\n"
            '"Sit down," said the Superintendent.\n\n'
            '"Thank you," said Fielding. The Superintendent looked at the papers.\n')
    work = analyze(text)
    mcbryde = next(c for c in work.characters if "Mr. McBryde" in c.aliases)
    assert "the Superintendent" in mcbryde.aliases or "Superintendent" in mcbryde.aliases
    sit = next(q for q in work.quotes if text[q.start:q.end] == '"Sit down,"')
    assert sit.speaker == mcbryde.id
