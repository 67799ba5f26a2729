"""Round 29: the casts and lines of ensemble fandoms. Surnames the canon shares ("Crusher"),
names that end like adverbs ("Scully"), an unnamed officer at a desk, a name called at the start
of a later sentence of a line, a first-person narrator others call by name, a voice whose owner
the next paragraph shows, and a split line resumed after "when Riker had finished"."""

from __future__ import annotations

from ficlens import analyze
from ficlens.characters.names import looks_vocative
from ficlens.model import Work
from test_speakers import quote, speaker

_NOTE = "A/N: thanks to my beta for reading this twice! Comments make my day.\n\n"


def _character(work: Work, name: str):
    return next((c for c in work.characters if c.name == name or name in c.aliases), None)


def test_a_surname_two_canon_characters_share_joins_the_one_its_title_names() -> None:
    text = _NOTE + """\
“Eleven days.” Dr. Crusher swept her tricorder across the door. “That matches.”

“That’s cryogenic storage,” said Crusher. “Or embryos.”

“Can we move it?” Riker asked.

Crusher shook her head. “Not if we want what is inside alive.” Beverly had already opened her kit.

Data tilted his head. “I can bridge the power.” The conduit was older than Wesley Crusher.

Later, in sickbay, Beverly Crusher signed the report.
"""
    work = analyze(text)
    beverly = _character(work, "Beverly Crusher")
    assert beverly is not None and {"Dr. Crusher", "Crusher", "Beverly"} <= set(beverly.aliases)
    assert _character(work, "Wesley Crusher").id != beverly.id
    assert beverly.gender == "female"
    assert speaker(work, "That’s cryogenic storage") == "Beverly Crusher"


def test_a_name_ending_in_lly_is_a_name_and_an_adverb_is_not() -> None:
    text = _NOTE + """\
Scully stood in the doorway holding a sleeve of crackers. “Did somebody say cheese?”

“Nobody said cheese, Scully,” Terry said.

Suddenly Hitchcock sat up. “The big one?”

Scully nodded slowly. “We named him Gerald.”
"""
    work = analyze(text)
    assert _character(work, "Scully") is not None
    assert _character(work, "Suddenly") is None
    assert speaker(work, "We named him Gerald") == "Scully"


def test_an_officer_who_arrives_is_someone_new_even_beside_an_officer_named() -> None:
    text = _NOTE + """\
“Who had the keys this weekend?” Rosa asked.

“Officer Dunn on Friday night,” said Holt.

The cage smelled of dust. A uniformed officer sat behind the wire window, a kid with a fresh buzz \
cut. “You have to sign in,” he said, sliding a clipboard under the grate. “Captain’s orders.”

Amy signed. “Who was on before you?” she asked.

“Nobody, ma’am. It was locked when I came in.”

The officer blinked at Jake. “It was a padlock, sir.”
"""
    work = analyze(text)
    officer = _character(work, "the officer")
    assert officer is not None and officer.gender == "male"
    assert _character(work, "the kid") is None   # the apposition describes the officer
    assert speaker(work, "You have to sign in") == "the officer"
    assert speaker(work, "It was a padlock") == "the officer"


def test_a_name_opening_a_later_sentence_of_a_line_is_called() -> None:
    def called(line: str, name: str) -> bool:
        start = line.index(name)
        return looks_vocative(line, start, start + len(name))

    assert called("“That matches the last transmission. Geordi, anything?”", "Geordi")
    assert called("“Oh! Miss Woodhouse, what can we do?”", "Miss Woodhouse")
    assert not called("“We went out. Harry, Ron and I.”", "Harry")
    assert not called("“Oh dear, no! Mr. Weston, who had been a widower so long, is”", "Mr. Weston")
    assert not called("“I am sure. Mr. Martin, I imagine, has his fortune.”", "Mr. Martin")
    assert not called("“Very true. Mr. Dixon, you say, is not handsome.”", "Mr. Dixon")


def test_a_first_person_narrator_called_by_name_before_a_paragraph_of_their_own() -> None:
    text = _NOTE + """\
Chapter Three

The station never looks dead from orbit. Then you beam down into the snow.

“Eleven days.” Dr. Crusher swept her tricorder across the door. “That matches the last \
transmission. Geordi, anything?”

I looked. The interior was a smear of heat signatures, and every one of them was wrong.

“There’s something on the floor in there,” I said.

Worf stepped past me. “I will go first.”

“Not if you want it alive.” She was already pulling a cable out of her kit. “Geordi, can you \
bridge the power?”

I told her I could. Data was at the panel before I had finished saying it.

~ ~ ~

Ten Forward was loud the way Geordi liked best. He sat down across from Data.

“Five-card draw,” said Data.
"""
    work = analyze(text)
    geordi = _character(work, "Geordi")
    assert geordi is not None
    assert _character(work, "Narrator") is None
    assert speaker(work, "There’s something on the floor") == geordi.name


def test_the_voice_came_from_the_doorway_and_the_next_name_owns_it() -> None:
    text = _NOTE + """\
“We know who did it,” Jake announced.

Amy nodded beside him, clutching a tiny evidence bag.

“Did somebody say cheese?”

The voice came from the doorway behind them. Scully stood there in his sweater vest, and behind \
him Hitchcock was licking something off his thumb.

Terry put down the log very carefully. “Nobody said cheese, Scully.”
"""
    work = analyze(text)
    assert speaker(work, "Did somebody say cheese") == "Scully"


def test_a_split_line_resumed_after_a_clause_of_who_had_finished_stays_with_its_tag() -> None:
    text = _NOTE + """\
Riker told the rest of it in pieces, and the bridge listened.

“Hope,” said Picard, when Riker had finished, “is occasionally rewarded.”

“Aye, sir.”
"""
    work = analyze(text)
    assert speaker(work, "is occasionally rewarded") == "Picard"


def test_a_beat_whose_subject_is_her_brother_is_not_hers() -> None:
    text = _NOTE + """\
Keyleth set the tent on fire, though only a little bit, and only for a moment.

‘The kindling is four feet to the left, darling,’ said Vex, who had not moved from her log. \
‘That’s my brother’s tent.’

Her brother emerged a moment later from behind the wreckage, his cloak still smoking. ‘It’s our \
tent, actually. Well. It was our tent.’
"""
    work = analyze(text)
    line = quote(work, "It’s our tent, actually")
    assert line.evidence != "action_beat"   # the beat does not settle it for "her"


_BRIEFING = """\
Holt set down the clipboard. “Someone removed a wheel of cheese from the evidence locker.”

“Who had the keys?” Rosa asked.

“Officer Dunn,” said Holt. “Charles, you will take the day clerk.”

Charles pressed a hand to his chest. “It could be sweating as we speak.”

“Cheese doesn’t sweat.”

“Everything sweats, Rosa. It’s called being alive.”

“Not cheese. Amy, tell him.”

“Technically it weeps,” said Amy.
"""


def test_a_line_the_next_one_answers_by_name_is_the_named_ones_in_fan_fiction() -> None:
    work = analyze(_NOTE + _BRIEFING)
    line = quote(work, "Cheese doesn’t sweat.")
    assert line.evidence == "answered" and speaker(work, "Cheese doesn’t sweat.") == "Rosa"
    # "Amy" is called in the line's second sentence, turning to a third: no answer to her
    assert quote(work, "Everything sweats, Rosa").evidence != "answered"


def test_no_answer_by_name_outside_fan_fiction() -> None:
    work = analyze(_BRIEFING)   # no author's note, past tense, no words of today: a novel's way
    assert quote(work, "Cheese doesn’t sweat.").evidence != "answered"


def test_a_name_alone_answering_a_question_is_no_call() -> None:
    work = analyze(_NOTE + """\
Holmes turned the ledger toward the lamp. “May I?” he asked.

“Who keeps watch with you, Mr. Pell?”

“Tobias Crane. Assistant keeper. He’s ashore today for the stores.”
""")
    assert quote(work, "Who keeps watch").evidence != "answered"
