"""Round 28: people fan fiction brings on stage without a name ("A nurse rounded the corner"),
names written in capitals ("EDI"), speech verbs in the present tense, and the pronoun evidence
that decides who "he" and "she" are."""

from __future__ import annotations

from collections import Counter

from ficlens import analyze
from ficlens.characters.gender import pronoun_votes
from ficlens.model import Work
from test_speakers import quote, speaker

_NOTE = "A/N: thanks to my beta for reading this twice! Comments make my day.\n\n"


def _character(work: Work, name: str):
    return next((c for c in work.characters if c.name == name), None)


# One paragraph per line, as fan fiction is written (no hard line breaks inside a paragraph).
_WARD = _NOTE + (
    "Imogen had been reading the same poster about hand hygiene for twenty minutes. "
    "Teodor sat beside her with his knees bouncing.\n") + """

“They said an hour,” he said.

“They said an hour an hour ago.”

""" + (
    "Before Teodor could answer that, a nurse in green scrubs came through the swing doors with a "
    "tablet under her arm. She looked at the two of them and sighed.\n") + """

“Visiting hours are over.”

“We’re his cousins,” Teodor said at once.

“Of course you are. Everyone tonight is somebody’s cousin.”

Imogen stood up. “Please. Just tell us if he’s awake.”

The nurse glanced down the corridor. “He’s awake. Five minutes, and you did not hear it from me.”
"""


def test_an_arrival_who_speaks_becomes_a_character_of_her_own() -> None:
    work = analyze(_WARD)
    nurse = _character(work, "the nurse")
    assert nurse is not None and nurse.gender == "female"
    assert speaker(work, "Visiting hours are over") == "the nurse"
    assert speaker(work, "Everyone tonight is somebody") == "the nurse"
    assert speaker(work, "Five minutes, and you") == "the nurse"
    assert speaker(work, "Just tell us if") == "Imogen"
    # the "She" after the arrival is the nurse, not the named woman on stage
    she = work.text.index("She looked at the two")
    assert next(m.character for m in work.mentions if m.start == she) == nurse.id


def test_an_apposition_or_a_silent_passer_by_is_no_arrival() -> None:
    text = _NOTE + """\
Imogen, a nurse at the county hospital, came home at six.

“You look tired,” Teodor said.

A porter wheeled a trolley past the window, whistling.

Imogen shrugged. “It was a long shift.”
"""
    work = analyze(text)
    assert _character(work, "the nurse") is None   # "Imogen, a nurse …," is Imogen
    assert _character(work, "the porter") is None   # he never speaks
    assert speaker(work, "It was a long shift") == "Imogen"


def test_a_name_in_capitals_is_a_character_when_the_text_treats_it_as_one() -> None:
    text = """\
The ship’s voice came on before Marguerite had her boots off. ORLA’s lights dimmed to amber.

“You are late, Captain.”

“Thank you, ORLA. I had noticed.”

“ORLA, put the kettle on,” Desmond called from the galley. The TV in the corner was still on.

“The kettle is on,” ORLA said. “It has been on for an hour.”
"""
    work = analyze(text)
    orla = _character(work, "ORLA")
    assert orla is not None
    assert speaker(work, "It has been on") == "ORLA"
    assert _character(work, "TV") is None


def test_shouting_in_capitals_is_no_name() -> None:
    text = """\
“GET OUT,” Marguerite shouted. “GET OUT NOW.”

Desmond did not get out. “No.”

“NO?” She threw the cup. “NO, he says.”
"""
    work = analyze(text)
    assert {c.name for c in work.characters} <= {"Marguerite", "Desmond"}


def test_a_present_tense_bookism_is_a_tag() -> None:
    text = _NOTE + """\
Bartholomew leaned against the hatch and Priya kept working.

“Nice weather for it,” Priya quips.

“It’s raining.”

“That’s what I said.”
"""
    work = analyze(text)
    assert speaker(work, "Nice weather for it") == "Priya"


def test_a_clause_after_the_tag_does_not_give_the_line_to_its_subject() -> None:
    text = """\
I found Priya on the hangar floor under the engine, and Bartholomew above her on the ladder.

“Hand me the spanner.”

“Which one?”

“The big one,” Priya mutters, but I can hear her laughing under there.
"""
    work = analyze(text)
    assert speaker(work, "The big one") == "Priya"


def test_a_companion_after_with_is_no_background_for_the_next_he() -> None:
    text = (
        "Tobias hailed a cab within a minute and bundled his sister into it with her flowers and "
        "her cake. Everyone else drifted off toward the bus, waving.\n") + """

Which is how I end up under the awning with Marcus and one very large umbrella.

He opens the umbrella. I step under it.
"""
    work = analyze(text)
    he = work.text.index("He opens")
    marcus = _character(work, "Marcus")
    assert next(m.character for m in work.mentions if m.start == he) == marcus.id


def test_a_pronoun_another_name_may_own_votes_only_when_it_opens_a_sentence() -> None:
    text = ("Sera drops onto the bench beside Varric, hard enough to slosh his ale over the rim. "
            "She grins at him.")
    names = [(0, 4, "sera"), (text.index("Varric"), text.index("Varric") + 6, "varric")]
    votes = pronoun_votes(text, names, lambda pos: False)
    assert votes["sera"] == Counter({"female": 1})


def test_a_trade_first_met_as_a_clause_subject_is_an_arrival_too() -> None:
    text = _NOTE + (
        "Marguerite had run the night desk long enough to know that nothing good came in after two, "
        "and the young porter hovering at her elbow was holding a parcel like it might bite.\n") + """
“Ma’am? This came for room nine.”

“Room nine checked out on Tuesday.”

The porter blinked at her. “Then who is knocking in there?”
"""
    work = analyze(text)
    assert speaker(work, "This came for room nine") == "the porter"
    assert speaker(work, "Then who is knocking") == "the porter"


def test_a_trade_whose_news_is_reported_is_no_arrival() -> None:
    text = """\
Margaret rang, and presently the butler came, and said that the carriage was ready.

“I shall walk, thank you,” said Margaret.
"""
    work = analyze(text)
    assert _character(work, "the butler") is None


def test_a_voice_heard_before_its_owner_strolls_in() -> None:
    text = _NOTE + """\
The loft was cold, and Derwent was on his third attempt at the same page when the lift rattled open.

“You’re sulking again. I could hear it from the stairs.”

Perpetua never knocked. She strolled in like a woman personally invited, shaking rain off.

“I’m reading,” Derwent said.

“You’re sulking with a book as a prop,” Perpetua said.
"""
    work = analyze(text)
    assert speaker(work, "You’re sulking again") == "Perpetua"
    assert quote(work, "You’re sulking again").evidence == "voice"   # the one who walks in


def test_prose_of_today_gets_the_fan_fiction_conventions_without_any_note() -> None:
    from ficlens.speakers.action_beats import reads_as_contemporary

    present = " ".join(["“Fine,” she says. He nods. “Okay.” I shrug."] * 6)
    assert reads_as_contemporary(present)
    assert not reads_as_contemporary(" ".join(["“Fine,” said she. He nodded. I shrugged."] * 6))
    assert reads_as_contemporary("She checked her phone twice, then the TV, then the couch. " * 2)


def test_a_species_word_in_a_tag_is_the_one_the_line_before_greets() -> None:
    text = _NOTE + """\
Brannoc fills the doorway like weather fills a sky. He is carrying a tarp that is still moving.

“Brannoc. Good to see you. What is that?”

“Dinner,” the varl rumbles, enormously pleased with himself. “Fresh from the hills.”

“It has eyes?”

“It has a lot of eyes,” Brannoc says.
"""
    work = analyze(text)
    assert speaker(work, "Dinner") == "Brannoc"
    assert _character(work, "the varl") is None


_CAMP = """\
Brannagh was sharpening arrows outside the tent when Tamsin came up the slope with two mugs.

‘You look like you’ve been up all night,’ Tamsin said.

‘I have. Somebody’s got to keep watch,’ said Brannagh.

‘Bran, the bowls are by the stream. ’Em won’t scrub themselves.’

‘Don’t call me Bran.’

‘Bran, Bran, Bran.’

Brannagh threw a pine cone at her. ‘’Tis a wonder anyone puts up with you,’ Brannagh said.
"""


def test_an_elision_after_a_closing_quote_mark_is_no_name() -> None:
    work = analyze(_CAMP)
    names = {c.name for c in work.characters}
    assert "Em" not in names and "Tis" not in names


def test_a_clipped_name_said_more_often_gives_way_to_the_full_one() -> None:
    work = analyze(_CAMP)
    brannagh = _character(work, "Brannagh")
    assert brannagh is not None and "Bran" in brannagh.aliases


def test_a_saying_about_anyone_is_no_arrival() -> None:
    text = """\
Carrie watched the lights go by. A woman should some day write the philosophy of clothes.

“Oh, do you?” Carrie said to the drummer at last.
"""
    work = analyze(text)
    assert _character(work, "the woman") is None


def test_someone_in_a_tag_is_the_one_the_next_paragraph_opens_on() -> None:
    text = _NOTE + """\
Cassia and Hallam were arguing over the cake when the stairs creaked.

“If we are discussing gifts,” someone drawls from the stairwell, “then I must insist on a veto.”

Dorwin Pell descends the last few steps, Hallam’s brother ducking under the beam behind him.

“Dorwin,” Cassia says. “Of course it’s you.”
"""
    work = analyze(text)
    assert speaker(work, "If we are discussing gifts") == "Dorwin Pell"


def test_the_subject_of_a_sentence_that_ends_by_saying_a_line_is_a_name() -> None:
    text = ("Marguerite and Desmond sat by the fire.\n\n"
            "Desmond stood up, stretched, and said, “Time for bed.”\n\n"
            "“Not yet,” Marguerite said.\n")
    work = analyze(text)
    assert speaker(work, "Time for bed") == "Desmond"


def test_the_subject_of_an_action_beat_is_a_name_even_once() -> None:
    text = _NOTE + """\
Odalys had claimed the corner booth, and she was not sharing. Caspian slid in anyway.

“You’re in my seat,” Odalys said.

“It’s a booth,” said Caspian.

Ferro pushed through the crowd, shaking snow out of his hair. “Did I miss the fight?”
"""
    work = analyze(text)
    assert speaker(work, "Did I miss the fight") == "Ferro"


def test_an_arrival_may_be_named_by_a_capitalised_order() -> None:
    text = _NOTE + """\
Kaeya was halfway through his drink and Diluc was polishing the same glass for the third time.

A Knight of Favonius came up the steps two at a time, his face pink from the cold.

“Captain? Sorry to bother you, sir.” He looked down at the envelope in his hand. “This came for you.”

“Of course it did,” Kaeya said.
"""
    work = analyze(text)
    assert speaker(work, "Sorry to bother you") == "the knight"
