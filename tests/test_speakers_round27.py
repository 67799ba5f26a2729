"""Round 27: in fan fiction, an untagged line belongs to the one whose action beat shares its
paragraph (speakers/action_beats.py); in a novel the scorer keeps deciding."""

from __future__ import annotations

from ficlens import analyze
from ficlens.model import Work

_EXCHANGE = """\
Coach Ferreira looked up from her clipboard when Hannah came in.

“You’re late again.”

“The bus was late.”

“The bus is always late, apparently.”

Hannah dropped her bag onto the bench. “Then maybe I should take a different bus.”

“Maybe you should,” Coach Ferreira said.

“Or maybe,” Tobias said, “we could start practice.”

“Fine.” But Tobias was already walking toward the net, rolling his shoulders. “Let’s go.”
"""

_NOTE = "A/N: thanks to my beta for reading this twice! Comments make my day.\n\n"


def _speaker_of(work: Work, needle: str) -> tuple[str | None, str | None]:
    at = work.text.index(needle)
    quote = next(q for q in work.quotes if q.start <= at < q.end)
    character = work.character(quote.speaker)
    return (character.name if character else None), quote.evidence


def test_a_fan_fiction_line_goes_to_the_subject_of_its_beat() -> None:
    work = analyze(_NOTE + _EXCHANGE)
    assert _speaker_of(work, "Then maybe I should") == ("Hannah", "action_beat")
    assert _speaker_of(work, "Fine.") == ("Tobias", "action_beat")
    assert _speaker_of(work, "Let’s go.") == ("Tobias", "action_beat")


def test_a_novel_leaves_the_beat_to_the_scorer() -> None:
    work = analyze(_EXCHANGE)   # no author's note, no tags, no fandom: not known to be fan fiction
    assert all(q.evidence != "action_beat" for q in work.quotes)


def test_a_beat_that_only_perceives_settles_nothing() -> None:
    text = _NOTE + """\
Wren sat with her back to the counter, listening to the kettle. Old Abernathy poured.

“Another cup?”

“Please.”

“Ah.” Wren could feel him smile behind her. “Then you will want the green tin.”
"""
    work = analyze(text)
    assert _speaker_of(work, "Then you will want")[1] != "action_beat"


def test_two_people_acting_in_the_paragraph_settle_nothing() -> None:
    text = _NOTE + """\
Harriet and Oona were still arguing when the bell went.

“It was your turn.”

Harriet rolled her eyes. Oona shrugged and picked up the tray. “It was not.”
"""
    work = analyze(text)
    assert _speaker_of(work, "It was not.")[1] != "action_beat"


def test_the_one_a_line_calls_by_name_is_not_its_beat_speaker() -> None:
    text = _NOTE + """\
Priya and Declan waited by the lockers.

“Are you coming?”

Declan checked his phone. “Declan, answer me.”
"""
    work = analyze(text)
    speaker, evidence = _speaker_of(work, "Declan, answer me")
    assert evidence != "action_beat" and speaker != "Declan"


def test_a_line_the_sentence_before_it_tags_is_not_a_beat_line() -> None:
    text = _NOTE + """\
Ivo had been dreading the shop all week.

So when his aunt Benedetta said, “Open up, the bread will not sell itself,” Ivo nearly laughed.

“Go on.”
"""
    work = analyze(text)
    assert _speaker_of(work, "Open up, the bread")[1] != "action_beat"


def test_an_unusual_name_doing_something_to_her_own_is_a_character() -> None:
    # "Marisol" is in no name list and is seen twice, never beside a speech verb
    text = ("Coach Ferreira looked up from her clipboard when Marisol came in.\n\n"
            "“You’re late again.”\n\n“The bus was late.”\n\n"
            "Marisol dropped her bag onto the bench. “Then maybe I should take a different bus.”\n")
    assert "Marisol" in {c.name for c in analyze(text).characters}


def test_a_capitalised_common_noun_doing_something_to_its_own_is_not() -> None:
    text = ("Femininity wore her colours proudly in those days, and Femininity kept her secrets.\n\n"
            "The Scotchmen raised their glasses. “To the king,” said Hamish.\n")
    names = {c.name for c in analyze(text).characters}
    assert "Femininity" not in names and "Scotchmen" not in names


def test_the_one_another_line_of_the_paragraph_calls_by_name_is_not_its_beat_speaker() -> None:
    text = _NOTE + """\
Priya and Declan waited by the lockers.

“Are you coming?”

“There are people waiting, Declan.” Declan checked his phone. “Real people!”
"""
    work = analyze(text)
    assert _speaker_of(work, "Real people!")[1] != "action_beat"


def test_an_unnamed_speaker_a_tag_made_a_character_has_her_beats() -> None:
    text = _NOTE + """\
The bell over the door rang, and a young woman came in out of the rain. Anthony looked up from his ledger.

“We’re closed,” Anthony said.

“I only need a minute,” the young woman said.

“Closed means closed.”

The young woman pulled a photograph from her bag. “Please. It was my grandfather’s.”
"""
    assert _speaker_of(analyze(text), "Please.") == ("the young woman", "action_beat")


def test_a_reader_insert_is_fan_fiction() -> None:
    text = ("You push open the door of the café. Marco Santangelo is in the corner booth.\n\n"
            "\"Y/N,\" he says. \"You came.\"\n\n"
            "\"I said I would.\" You slide into the seat across from him. \"So talk.\"\n")
    work = analyze(text)
    assert _speaker_of(work, "I said I would") == ("Y/N", "action_beat")


def test_a_name_said_less_often_than_its_nickname_joins_the_nickname() -> None:
    # "Lizzy" is said more often than "Elizabeth", so it was clustered first
    text = ("\"Lizzy, pass the bread.\" Jane held out her hand.\n\n\"Here.\" I pass it.\n\n"
            "\"Lizzy, you're glaring,\" Charlotte says.\n\n\"I'm not, Charlotte.\"\n\n"
            "\"You are, Lizzy.\"\n\n\"Elizabeth,\" Darcy says from across the table. \"Good evening.\"\n")
    work = analyze(text)
    lizzy = next(c for c in work.characters if "Lizzy" in c.aliases)
    assert "Elizabeth" in lizzy.aliases and lizzy.name == "Elizabeth"
