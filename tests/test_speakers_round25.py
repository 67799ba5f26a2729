"""Round 25, on small texts written for these tests: a line "a voice" speaks is the one the
narration then finds; an unnamed newcomer's pronouns are hers; a role said in address ("Wait,
angel") is the one "the angel" of the narration stands for; one-word AO3 character tags join
the text's own name; a stammered name ("K-Kacchan") is the name; a description tag ends before
its first verb; and a tie between two answers to a called name decides nothing."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from ficlens import analyze
from ficlens.characters.epithets import Epithet, title_links
from ficlens.characters.names import SEQUENCE_RE
from ficlens.model import Character, Work
from ficlens.speakers.called_names import merge_called_names
from test_speakers import quote, speaker

VOICES = [
    # the one the narration then names
    ("Philip Herriton walked down the dark lane to the inn, and Caroline Abbott stayed behind with "
     "the carriage.\n\n"
     '"Where are you?" called a voice. It was Caroline Abbott, with a lamp in her hand.\n\n'
     '"Here," said Philip.\n', "Where are you", "Caroline Abbott"),
    # the one the listener turns to find
    ("Arthur Hastings stood in the hall, and Mary Cavendish came down the stairs.\n\n"
     '"What is your friend doing?" asked a voice behind me, and I turned to find Mary '
     "Cavendish at my elbow.\n", "What is your friend", "Mary Cavendish"),
]


@pytest.mark.parametrize(("text", "fragment", "who"), VOICES)
def test_a_voice_is_the_one_the_narration_then_finds(text: str, fragment: str, who: str):
    work = analyze(text)
    assert speaker(work, fragment) == who
    assert quote(work, fragment).evidence == "voice"


def test_the_one_a_voice_speaks_to_is_not_the_voice():
    text = ("Mr. Bumble sat by the fire in the workhouse parlour and thought about teaspoons.\n\n"
            "\"Cheap!\" cried a shrill voice in Mr. Bumble's ear. Mr. Bumble turned round.\n")
    assert quote(analyze(text), "Cheap!").evidence != "voice"   # the scorer's guess, not the rule's


def test_a_line_that_startles_the_room_is_the_newcomers():
    text = ("Midoriya Izuku and Todoroki Shouto sat at the counter with their soup.\n\n"
            '"It is soup now," Todoroki said.\n\n'
            '"I have eaten worse," said Midoriya.\n\n'
            '"What is the meaning of this?"\n\n'
            "The two of them froze. Iida Tenya stood at the bottom of the stairs in his pajamas.\n\n"
            '"It is past curfew," said Iida.\n')
    assert speaker(analyze(text), "What is the meaning") == "Iida Tenya"


def test_an_unnamed_newcomers_pronouns_are_hers():
    text = ("Crowley and Aziraphale waited in the shop. Crowley sat in the armchair, and he yawned. "
            "Aziraphale polished his spectacles, and he sighed. He was nervous.\n\n"
            "~ ~ ~\n\n"
            "She arrived at four, shaking rain from a yellow umbrella. Crowley looked at Aziraphale.\n\n"
            "\u201cI hope I\u2019m not too early.\u201d\n\n"
            "\u201cNot at all,\u201d said Aziraphale. \u201cDo come in.\u201d\n\n"
            "The young woman blinked at him. \u201cSorry, who is he?\u201d\n\n"
            "\u201cNobody,\u201d said Crowley.\n\n"
            "\u201cI can\u2019t pay what it\u2019s worth,\u201d the woman went on.\n")
    work = analyze(text)
    woman = next(c for c in work.characters if c.name == "the woman")
    pronouns = [m for m in work.mentions if work.text[m.start:m.end] == "She"]
    assert pronouns and all(m.character == woman.id for m in pronouns)
    assert speaker(work, "Sorry, who is he") == "the woman"


def test_a_role_said_in_address_is_the_one_the_narration_calls_by_it():
    text = ("Aziraphale closed the ledger. Crowley slouched in the doorway.\n\n"
            "\u201cGood morning,\u201d said Aziraphale.\n\n"
            "\u201cYou have that look, angel,\u201d Crowley said.\n\n"
            "\u201cI have no look.\u201d\n\n"
            "\u201cYou do. Honestly, angel.\u201d\n\n"
            "The angel sniffed. \u201cSomeone wants the Dickens.\u201d\n\n"
            "\u201cAnd you said no, angel.\u201d\n\n"
            "\u201cI said I would think about it,\u201d the angel said.\n")
    work = analyze(text)
    aziraphale = next(c for c in work.characters if c.name == "Aziraphale")
    assert "the angel" in aziraphale.epithets
    assert "the angel" not in [c.name for c in work.characters]
    assert speaker(work, "I said I would think") == "Aziraphale"


def test_one_word_character_tags_join_the_names_in_the_text():
    text = ("Title: First Editions\nFandom: Good Omens\nRelationship: Aziraphale/Crowley (Good Omens)\n"
            "Characters: Aziraphale, Crowley, Original Female Character\n\n"
            "Aziraphale looked up from the ledger. Crowley was at the door.\n\n"
            '"Angel," said Crowley.\n\n"Hello," said Aziraphale.\n')
    work = analyze(text)
    names = [c.name for c in work.characters]
    assert names.count("Aziraphale") == 1 and names.count("Crowley") == 1
    assert "Original Female Character" not in names


def test_a_stammered_name_is_the_name():
    found = [m.group(0) for m in SEQUENCE_RE.finditer('"K-Kacchan! Why are you awake?" S-Sasuke said.')]
    assert found == ["Kacchan", "Why", "Sasuke"]
    assert [m.group(0) for m in SEQUENCE_RE.finditer("Mary-Jane and an x-Ray")] == ["Mary-Jane"]


def test_a_description_tag_ends_before_its_first_verb():
    text = ("The old bookseller kept the shop on the corner.\n\n"
            "\u201cYou will do no such thing.\u201d The bookseller rose and began straightening "
            "the atlases.\n")
    work = analyze(text)
    assert "The bookseller rose and" not in [c.name for c in work.characters]


def test_offices_link_in_text_order():
    """The cast lists a holder's epithets in the order the text first uses them, the same in
    every process (a set's order changes with the hash seed)."""
    phrases = ["worthy doctor", "doctor", "old doctor", "kind doctor", "good doctor", "excellent doctor"]
    epithets = [Epithet(10 * i, 10 * i + 5, p, None, False) for i, p in enumerate(phrases)]
    assert list(title_links(epithets, {"dr": {"c1": 3}})) == phrases


def test_two_neighbours_answering_a_called_name_equally_decide_nothing():
    """"Mlud", called twice, once beside Mr. Blowers and once beside Mr. Tangle: no one answers
    to it more than the other, so it stays as it is whatever order a set gives them in."""
    work = Work(text="")
    work.characters = [Character(f"c{i}", name, [name])
                       for i, name in enumerate(["Mr. Blowers", "Mr. Tangle", "Mlud", "Mr. Snagsby"])]
    speakers = ["c0", "c3", "c1", "c0", "c3", "c1"]   # two exchanges: Mr. Snagsby calls "Mlud" in each
    turns = [SimpleNamespace(speaker=s, quotes=[i]) for i, s in enumerate(speakers)]
    runs = [[0, 1, 2], [3, 4, 5]]
    ctx = SimpleNamespace(turns=turns, genders={}, addressed={1: {"c2"}, 4: {"c2"}},
                          layout=SimpleNamespace(in_quote=lambda pos: True),
                          run_pos={t: (run, i) for run in runs for i, t in enumerate(run)},
                          turn_of={q: q for q in range(6)})
    decided = {i: (s, "scorer") for i, s in enumerate(speakers)}
    merge_called_names(work, ctx, decided)
    assert "Mlud" in [c.name for c in work.characters]


def test_the_lines_before_a_newcomer_alternate_among_those_already_talking():
    """In the blind-written story, "Finish that sentence and die, Deku." startles the kitchen and
    Bakugou is found in the doorway: the three lines before it stay Midoriya's and Todoroki's."""
    work = analyze(Path(__file__).parent / "fixtures" / "fanfic" / "bnha-dorm-night.txt")
    assert quote(work, "Finish that sentence").evidence == "voice"
    assert speaker(work, "Finish that sentence") == "Bakugou Katsuki"
    assert speaker(work, "Can I have some anyway") == "Midoriya Izuku"
    assert speaker(work, "If you want to risk it") == "Todoroki Shouto"
    assert speaker(work, "eaten worse. Kacchan") == "Midoriya Izuku"


CAMP = ("Characters: Percy Jackson, Grover Underwood, Chiron\n\n"
        "The first thing I notice is that Grover Underwood is sitting on my bunk, and he is chewing "
        "my pillowcase.\n\n"
        '"Grover, buddy," I say. "That\'s mine."\n\n'
        '"Sorry." He spits it out. "Chiron wants you. Right now, Percy."\n\n'
        '"What time is it?"\n\n'
        '"Early. Come on, Percy."\n\n'
        "Chiron clears his throat on the porch. He has a look. \"Thank you for coming, Percy.\"\n\n"
        '"Dying how?" I ask.\n\n'
        '"Strawberries don\'t get tired, Percy," Grover says.\n\n'
        '"Some do," I tell him.\n')


def test_a_first_person_narrator_is_named_by_the_name_others_call_out():
    """Lines told in the present tense ("I say", "I tell him") and mostly untagged: the name the
    others call out, never used by the narration, is the narrator's."""
    work = analyze(CAMP)
    narrator = next(c for c in work.characters if c.origin == "narrator")
    assert narrator.name == "Percy Jackson"
    assert speaker(work, "What time is it") == "Percy Jackson"


def test_a_tagged_name_is_a_name_wherever_the_text_says_it():
    """"Chiron", listed in the work's character tags, is named once, at a sentence start: still
    a mention, and the pronouns after it are his."""
    work = analyze(CAMP)
    chiron = next(c for c in work.characters if c.name == "Chiron")
    narrated = [m for m in work.mentions if m.character == chiron.id and m.kind == "name"
                and "clears" in work.text[m.end:m.end + 8]]
    assert narrated
    throat = work.text.index("his throat")
    assert next(m for m in work.mentions if m.start == throat).character == chiron.id


def test_a_voice_in_the_present_tense_goes_on_in_its_paragraph():
    text = ("Percy Jackson and Annabeth Chase stood by the porch. Annabeth frowned at the field, and "
            "she sighed.\n\n"
            '"Something is wrong with the soil," said Annabeth.\n\n'
            '"Don\'t look at me," says a voice from the dark. "I just got here."\n\n'
            "Nico di Angelo steps out of the shadow like he is walking through a curtain.\n\n"
            '"You came out of a shadow," said Percy.\n\n'
            '"Nico, be nice," said Annabeth.\n')
    work = analyze(text)
    assert quote(work, "Don't look at me").evidence == "voice"
    assert speaker(work, "Don't look at me") == "Nico di Angelo"
    assert speaker(work, "I just got here") == "Nico di Angelo"


def test_a_fandom_named_with_and_is_one_fandom():
    work = analyze("Title: Strawberries\nFandom: Percy Jackson and the Olympians\n"
                   "Characters: Percy Jackson and Annabeth Chase\n\nPercy Jackson slept.\n")
    assert work.metadata["fandoms"] == ["Percy Jackson and the Olympians"]
    assert work.metadata["characters"] == ["Percy Jackson", "Annabeth Chase"]


def test_began_with_a_gerund_is_no_speech_unless_the_gerund_speaks():
    from ficlens.speakers.tags import _speaks
    assert not _speaks("straightening") and not _speaks("walking")
    assert _speaks("scolding") and _speaks("singing") and _speaks("muttering")
    text = ("Aziraphale kept the shop, and Crowley visited it. Aziraphale was fussy, and he "
            "dusted. Crowley lounged, and he yawned.\n\n"
            "\u201cYou will do no such thing.\u201d The bookseller rose and began straightening the "
            "atlases.\n")
    work = analyze(text)
    assert (quote(work, "You will do no such").tag or {}).get("verb") != "began"


def test_the_pieces_of_one_utterance_have_one_speaker():
    """The scorer decodes the two pieces of '"I was only—" he began, …, "—hoping you might
    stay."' one by one; they share the tag between them, so they are the speaker the scorer was
    surest of. Two pieces each with a tag of their own may be two speakers, and stay as decoded."""
    from ficlens.speakers import _one_speaker_per_utterance

    pieces = [SimpleNamespace(group=g) for g in (0, 0, 1, 1)]
    began, said, cried = object(), object(), object()
    tags = [began, None, said, cried]
    decided = {0: ("c1", "scorer"), 1: ("c0", "scorer"), 2: ("c1", "scorer"), 3: ("c0", "scorer")}
    scored = {0: 0.8, 1: 0.6, 2: 0.9, 3: 0.7}
    _one_speaker_per_utterance(pieces, tags, decided, scored)
    assert decided[0] == decided[1] == ("c1", "scorer") and scored[1] == 0.8
    assert decided[2][0] == "c1" and decided[3][0] == "c0"
