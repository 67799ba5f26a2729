"""Speech tags added in rounds 5 and 6, each on a small text written for its test: a tag with no
comma before the quote, a tag sentence ending in a participle, "heard X say", "It was X who
spoke", "the voice of X", a coordinate clause's own subject, a possessive "my" that is never the
speaker, a description ending in a name a character holds ("the March Hare"), the one spoken to
("said to X"), a name qualified by adjectives ("said the more candid Lady Bertram"), a chain of
tags in one paragraph, a named owner ("Mr. Bumble's good lady"), a passive agent ("whispered by
Aunt Juley") and a name in apposition ("said the other sister, Laura"); from round 8 a relative
clause naming a "Mr." inside it, an owner written "Wilfred s", a coordinate clause without a comma
a tag after the quote that introduces something else ("Aziz explained: yes…") and "cried the
other"; from round 12 a title the narration uses as a name ("The Queen said severely") and a
description the text keeps repeating ("the gentleman in the white waistcoat")."""

from __future__ import annotations

import pytest

from ficlens import analyze
from ficlens.model import Work

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules; the scorer is tested elsewhere


def speaker(work: Work, fragment: str) -> str | None:
    """The speaker's name, when a speech tag decided it (turn-taking alone is not enough here)."""
    at = work.text.index(fragment)
    q = next(q for q in work.quotes if q.start <= at < q.end)
    ch = work.character(q.speaker)
    return ch.name if ch and q.tag is not None else None


def quote(work: Work, fragment: str):
    at = work.text.index(fragment)
    return next(q for q in work.quotes if q.start <= at < q.end)


CAST = ("Tobias Marchbank and Wilfred Oakes waited in the hall of the old house. Tobias Marchbank "
        "was tall; Wilfred Oakes was not. Tobias looked at Wilfred, and Wilfred looked at Tobias. "
        "Then Tobias spoke to Wilfred, and Wilfred spoke to Tobias.\n\n")


NARRATOR = ("I met Tobias Marchbank at the inn. Tobias Marchbank was a lawyer, and Tobias "
            "talked a great deal. I liked Tobias.\n\n")

# (story, a fragment of the quote, who the tag says speaks it)
TAGGED = {
    "adverbial, no comma before the quote": (
        CAST + '"We should go," said Tobias.\n\nThere was a long silence, and then Wilfred said in '
        'a curious, strained voice "I take it we should all agree."\n\n', "I take it", "Wilfred Oakes"),
    "adverb then the quote": (
        CAST + '"We should go," said Wilfred.\n\nTobias began again abruptly "No, I cannot believe '
        'it."\n', "No, I cannot", "Tobias Marchbank"),
    "tag sentence ending in a participle clause": (
        CAST + '"Where were you?" asked Tobias.\n\nWilfred answered, lifting his head. "I was in '
        'the garden all morning."\n', "I was in the garden", "Wilfred Oakes"),
    "the one heard speaks": (
        CAST + '"Quiet," said Tobias.\n\nTobias heard Wilfred say to himself, "It must be done '
        'tonight."\n', "It must be done", "Wilfred Oakes"),
    "cleft after the quote": (
        CAST + '"Is anyone there?" called Tobias.\n\n"Only the wind." It was Wilfred who spoke, '
        "alarm in every word.\n", "Only the wind", "Wilfred Oakes"),
    "the voice of a character": (
        CAST + '"Who is at the door?" cried Tobias in a shrill tone.\n\n"Only me," replied the voice '
        "of Wilfred, through the key-hole.\n", "Only me", "Wilfred Oakes"),
    "a coordinate clause's own subject": (
        NARRATOR + '"Have you ever seen a box like that?" asked Tobias.\n\n"No, I cannot say that I '
        'have."\n\nI was becoming quite excited, but Tobias damped my ardour by remarking:\n\n'
        '"Yet the explanation is quite simple."\n', "Yet the explanation", "Tobias Marchbank"),
    "possessive my is never the subject": (
        NARRATOR + '"You are late," said Tobias.\n\nTo my surprise, Tobias did not look at the '
        'papers, merely remarking:\n\n"Decidedly, he is a man of method."\n', "Decidedly",
        "Tobias Marchbank"),
    # round 6
    "the one spoken to after 'said to' is not the speaker": (
        CAST + '"We should go," said Wilfred.\n\n"Here, you may carry it," the porter said to '
        'Tobias, handing him the lamp.\n', "you may carry it", "the porter"),
    "a name qualified by 'the' and adjectives": (
        CAST + '"We should go," said Tobias.\n\n"I would rather stay," said the more candid '
        'Wilfred Oakes.\n', "I would rather stay", "Wilfred Oakes"),
    "the voice of a character, with an adjective": (
        CAST + '"Where are you?" cried Tobias.\n\n"I am coming back," called the shattered voice '
        'of Wilfred.\n', "I am coming back", "Wilfred Oakes"),
    "the one spoken to after a tag verb before the quote is not the speaker": (
        CAST + '"We should go," said Wilfred.\n\nTobias would not touch the wine; and then rising up, '
        'said to Wilfred, "There is a pretty wilderness on one side of the lawn."\n', "pretty wilderness",
        "Tobias Marchbank"),
    "a chain of tags in one paragraph, each opening its own quote": (
        CAST + 'They walked on, and Tobias said, "If you see what I mean," and Wilfred said, "It is '
        'just what I think," and Tobias said, "But on the other hand, we must remember," and '
        'Wilfred said, "Quite true."\n', "But on the other hand", "Tobias Marchbank"),
    "a named owner's voice speaks": (
        CAST + '"Who is there?" called Tobias.\n\n"We must open the door!" said Wilfred\'s voice '
        "from the stairs.\n", "We must open the door", "Wilfred Oakes"),
    "the agent of a passive speech verb": (
        CAST + '"We should go," said Tobias.\n\n"Do not talk during the music," loudly whispered by '
        "Wilfred.\n", "Do not talk", "Wilfred Oakes"),
    "a description with a name in apposition": (
        CAST + '"We should go," said Tobias.\n\n"I never do," said the other brother, Wilfred, '
        "without a smile.\n", "I never do", "Wilfred Oakes"),
    "a description before an intensified adverb": (
        CAST + '"We should go," said Tobias.\n\n"Nonsense," said the porter very decidedly.\n',
        "Nonsense", "the porter"),
    # round 7
    "a name before an aside that names someone else": (
        CAST + '"We should go," said Tobias.\n\nWilfred, going to the window, where Tobias was '
        'standing in the light, said gently:\n\n"Not yet."\n', "Not yet", "Wilfred Oakes"),
    "a name before a participle aside, then an adverb and the verb": (
        CAST + '"We should go," said Wilfred.\n\nTobias, embracing Wilfred, thus began: "It is '
        'so indeed."\n', "It is so indeed", "Tobias Marchbank"),
    "whose-clause before the verb, and a verb closed by dashes": (
        CAST + '"We should go," said Tobias.\n\nAnd before he could make any reply, Wilfred, whose '
        "thoughts were on the garden, said--\n\n\"It is a great pity.\"\n", "great pity", "Wilfred Oakes"),
    "a relative clause that ends before another subject's verb": (
        CAST + '"We should go," said Wilfred.\n\nWilfred, whose patience was endless, went out to '
        'order some tea, and Tobias continued in a hasty whisper, "He is kind."\n', "He is kind",
        "Tobias Marchbank"),
    "a tag sentence with a pronoun object": (
        CAST + '"Where were you?" asked Tobias. Wilfred answered him curtly. "In the garden."\n',
        "In the garden", "Wilfred Oakes"),
    "a tag sentence ending in 'at once'": (
        CAST + '"Where were you?" asked Tobias.\n\nWilfred began at once. "I was in the garden."\n',
        "I was in the garden", "Wilfred Oakes"),
    # round 8
    "a relative clause whose objects include a titled name": (
        CAST + '"We should go," said Wilfred.\n\nTobias, who had been eyeing Mr. Oakes and Wilfred, '
        'now observed, "They must be talking of money."\n', "talking of money", "Tobias Marchbank"),
    "an owner whose apostrophe a conversion lost": (
        CAST + '"We should go," said Wilfred.\n\nTobias blushed at the tone of Wilfred s reply, and '
        'replied, "So we should."\n', "So we should", "Tobias Marchbank"),
    "a coordinate clause with no comma": (
        CAST + '"We should go," said Wilfred.\n\nWilfred was silent and Tobias began again--"The '
        'coach is late."\n', "coach is late", "Tobias Marchbank"),
    "a tag before the quote, and after it a sentence introducing something else": (
        CAST + '"We should go," said Wilfred.\n\nTobias saw a dark shape by the gate, and said, "A '
        'dog!" The servants agreed, and Wilfred explained: yes, a black dog.\n', "A dog", "Tobias Marchbank"),
    "the other of the two": (
        CAST + 'When Wilfred woke, he started up and cried out, "Is the coach here?"\n\n"Not yet," '
        'cried the other, turning away, "but soon."\n', "Not yet", "Tobias Marchbank"),
    "a noun after 'a' is no speech verb": (
        CAST + '"We should go," said Wilfred.\n\nWilfred looked at him, and Tobias completed the '
        'whole affair by thus addressing him in a whisper at once angry and audible "Not yet."\n',
        "Not yet",
        "Tobias Marchbank"),
    "a name before an aside, opening a coordinate clause": (
        CAST + '"We should go," said Wilfred.\n\nThe maid was sent away, and Tobias, embracing '
        'Wilfred, thus began: "It is so indeed."\n', "so indeed", "Tobias Marchbank"),
    "an owner's saying after a preposition": (
        CAST + '"We should go," said Wilfred.\n\nWilfred was stopped by Tobias s saying, with a '
        'little confusion, "Wait for me."\n', "Wait for me", "Tobias Marchbank"),
}


@pytest.mark.parametrize("story,fragment,expected", TAGGED.values(), ids=TAGGED.keys())
def test_tag_forms_name_their_speaker(story: str, fragment: str, expected: str):
    assert speaker(analyze(story), fragment) == expected


def test_a_description_ending_in_a_held_name_is_that_character():
    work = analyze("The Hare and Alice sat at the table. The Hare poured the tea. Alice watched "
                   "the Hare, and the Hare watched Alice. Alice liked the Hare.\n\n"
                   '"Have some wine," the March Hare said in an encouraging tone.\n\n'
                   '"I don\'t see any wine," said Alice.\n')
    hare = speaker(work, "Have some wine")
    assert hare is not None and hare.endswith("Hare")
    names = [c.name for c in work.characters]
    assert "the March Hare" not in names  # no second character for the same creature


def test_a_name_after_a_preposition_is_not_the_tag_subject():
    work = analyze(CAST + '"The rain has stopped," said Tobias.\n\n'
                   "Wilfred waited a moment; and, turning to Tobias, said, "
                   '"Then we can walk to the village."\n')
    assert speaker(work, "Then we can walk") != "Tobias Marchbank"


def test_a_named_owner_is_not_the_speaker():
    work = analyze(CAST + '"The door is open," said Tobias.\n\n"Who is it?" asked Wilfred\'s good '
                   "lady, looking up from her sewing.\n")
    assert speaker(work, "Who is it?") != "Wilfred Oakes"


def test_a_character_made_from_a_description_takes_its_head_nouns_gender():
    work = analyze(CAST + '"Who goes there?" said the duchess.\n\n"A friend," said the turnkey.\n')
    genders = {c.name: (c.gender, c.pronouns) for c in work.characters}
    assert genders["the duchess"] == ("female", "she/her")
    assert genders["the turnkey"] == ("unknown", None)


def test_a_tag_between_a_finished_sentence_and_a_new_quote_opens_the_new_quote():
    # '"…the gate." Wilfred said "…"': the quote before ends its sentence, and the tag runs
    # straight into the next quote, so it is that quote's tag, not a tag after the first.
    work = analyze(CAST + '"The rain has stopped," said Tobias.\n\n'
                   '"Then we can walk to the gate." Wilfred said "I will fetch the lantern."\n')
    assert quote(work, "walk to the gate").evidence != "tag_after:explicit"
    assert quote(work, "fetch the lantern").tag["text"] == "Wilfred said"
    assert speaker(work, "fetch the lantern") == "Wilfred Oakes"


def test_said_to_someone_right_before_the_quote_is_a_tag():
    # 'said to Wilfred "…"' names whom the line is said to; it is not reported speech.
    work = analyze(CAST + '"The rain has stopped," said Wilfred.\n\n'
                   'Tobias turned away from the window and said to Wilfred "Fetch the lantern."\n')
    assert quote(work, "Fetch the lantern").tag is not None
    assert speaker(work, "Fetch the lantern") == "Tobias Marchbank"


def test_a_title_the_narration_uses_as_a_name_is_the_subject_of_a_tag_before_the_quote():
    # "The Queen said severely" before the quote: "the Queen" is no named character yet, and the
    # tag still names her; once she has a character, the narration's other "the Queen"s are hers.
    work = analyze(CAST + "The Queen came into the hall. Everybody bowed to the Queen.\n\n"
                   '"The rain has stopped," said Tobias.\n\n'
                   'Wilfred said nothing. The Queen said severely "Who is this?"\n')
    assert speaker(work, "Who is this?") == "The Queen"
    queen = next(c for c in work.characters if c.name == "The Queen")
    linked = [m for m in work.mentions if m.character == queen.id]
    assert len(linked) == 3 and queen.mention_count == 3


def test_a_generic_description_the_tag_before_names_is_not_linked_elsewhere():
    # "the man" may be anyone on stage: a tag may name him, but other "the man"s stay open.
    # (In the tag's own scene, with no other man there, they are his: test_speakers_round25.)
    work = analyze("Agnes Tolliver and Maud Pennick waited in the hall. Agnes looked at Maud, and "
                   "Maud looked at Agnes.\n\nThe man came into the hall and shut the door.\n\n* * *\n\n"
                   '"The rain has stopped," said Agnes.\n\n"A friend," said the man.\n')
    described = {c.id for c in work.characters if c.name == "the man"}
    assert described  # the tag's description became a character
    holders = {m.character for m in work.mentions if work.text[m.start:m.end] == "The man"}
    assert not holders & described


def test_a_description_the_text_keeps_repeating_includes_what_sets_him_apart():
    # "the gentleman in the white waistcoat" recurs: he is a character of his own, not whichever
    # named man "the gentleman" would be taken for.
    work = analyze(CAST + "The gentleman in the white waistcoat sat at the table.\n\n"
                   '"The rain has stopped," said Tobias.\n\n'
                   '"What are you crying for?" inquired the gentleman in the white waistcoat.\n')
    assert speaker(work, "crying for") == "the gentleman in the white waistcoat"


def test_a_mark_the_text_uses_once_is_a_passing_detail():
    # "with the red rosette" once, and "in a low voice" never, make a new character.
    work = analyze(CAST + '"The rain has stopped," said Tobias.\n\n'
                   '"Insulted you?" cried the gentleman with the red rosette.\n\n'
                   '"Yes," said the gentleman in a low voice.\n')
    names = {c.name for c in work.characters}
    assert "the gentleman with the red rosette" not in names
    assert not any("voice" in n for n in names)
