"""Round 30: voices heard before they are seen, in present-tense fan fiction: "A voice floats
down from the path above us" and the one who leans over the rail; "The voice is low and flat and
comes from the dark" and the one who walks out of it."""

from __future__ import annotations

from ficlens import analyze
from test_speakers import quote, speaker

_NOTE = "A/N: thanks to my beta for reading this twice! Comments make my day.\n\n"


def test_a_voice_that_floats_down_belongs_to_the_one_the_next_paragraph_opens_on() -> None:
    text = _NOTE + """\
Al sits on the railing over the chasm. Christina holds her breath beside me.

“Al, come on,” I say. “Come sit with me on the ground.”

He looks at the water for a long time.

“Initiates out past curfew?” A voice floats down from the path
above us, bright and amused. “That’s bold. I respect bold.”

Uriah leans over the upper rail, grinning. Then he sees Al on the railing, and the grin drops off his face.

“Whoa, man, get down from there,” Uriah says.
"""
    work = analyze(text)
    assert speaker(work, "Initiates out past curfew") == "Uriah"
    assert speaker(work, "That’s bold") == "Uriah"


def test_the_voice_that_comes_from_the_dark_belongs_to_the_one_who_walks_out_of_it() -> None:
    text = _NOTE + """\
Eric leans against the railing, smiling at Al. “Go on. Jump.”

“You can’t say that to him,” I say.

“I’m a leader of this faction,” Eric says. “I can say what I like.”

“That’s enough, Eric.”

The voice is low and flat and comes from the dark near the path, and every one of us turns
toward it. Max walks out of the shadows. He doesn’t hurry.

“Look who decided to join us,” Eric says.
"""
    work = analyze(text)
    assert speaker(work, "That’s enough, Eric") == "Max"
    assert quote(work, "That’s enough, Eric").evidence == "voice"


def test_the_one_the_paragraph_before_brings_on_speaks_the_line_alone_after_it() -> None:
    text = _NOTE + """\
‘It is warm in here,’ Eloise agreed, ‘and you are a terrible liar.’

‘I am not lying,’ said Penelope. ‘I am merely hiding.’

‘From whom?’

Before Penelope could defend herself, the fronds were parted by an ebony cane, and the sharp
dark eyes of Lady Danbury peered through the gap.

‘Hiding, Miss Featherington?’

‘Taking the air, your ladyship,’ said Penelope.
"""
    work = analyze(text)
    assert speaker(work, "Hiding, Miss Featherington") == "Lady Danbury"
    # not the one the sentence is about when something else comes through the door
    text = _NOTE + """\
Noah Stilinski had been sheriff long enough to know that nothing good ever came through the
station door after midnight.

“Sir? That tip from earlier. We traced the number.”

He didn’t look up. “Let me guess. A prepaid phone.”
"""
    work = analyze(text)
    assert quote(work, "Sir? That tip").evidence != "voice"


def test_a_pronoun_beat_is_not_the_one_its_own_sentence_names() -> None:
    text = _NOTE + """\
Angel sprawls across the couch with his boots on the cushions. Alastor lingers by the stairs.

“What a delightful evening,” Alastor says. “I wouldn’t have missed it.”

“Of course you wouldn’t,” Angel mutters. “You’re the only one who had fun.”

“On the contrary, my friend!” His eyes slide to Angel, and the smile goes a shade wider.
“Isn’t that right?”
"""
    work = analyze(text)
    assert speaker(work, "On the contrary") == "Alastor"


def test_the_one_who_arrives_or_is_turned_to_speaks_the_line_that_opens_the_next_paragraph() -> None:
    text = _NOTE + """\
Zagreus set the last goblet down. Hades did not look up from his scroll.

“It will do,” said Hades.

Behind them something clattered, and Zagreus turned to find Dusa hovering a foot off the
floor with an armful of goblets.

“Sorry! Sorry, that was me!” The little gorgon spun in a slow circle.

“It’s fine, Dusa,” Zagreus said.

Orpheus arrived next, lyre slung across his back and a covered dish held out before him.

“My Eurydice sends her regards.” The court musician set the dish down with great ceremony.

“Thank you, Orpheus,” said Zagreus.
"""
    work = analyze(text)
    assert speaker(work, "Sorry! Sorry, that was me") == "Dusa"
    assert speaker(work, "My Eurydice sends") == "Orpheus"


def test_crows_tags_a_line() -> None:
    text = _NOTE + """\
Peter strolls in with Molly at his heels. Christina glares at them both.

“It’s going to change anyway,” I say.

Peter turns to me, eyebrows raised, and Molly crows, “Listen to her! Abnegation grew a spine.”

“At least hers is on the inside,” Christina says.
"""
    assert speaker(analyze(text), "Listen to her") == "Molly"
