"""Round 21, on small texts written for these tests: an exchange goes on after a speech that runs
over several paragraphs (the gap is counted from where the speech ends); tag forms (a gerund far
from its clause's opening name, a relative opening the tag clause, a relative owned by a name,
the one spoken to is no tag); descriptions that join the name set beside them or said to be them;
epithets that answer their holder are someone else; and a line of story text longer than a file
name may be is analysed as text."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ficlens import analyze
from ficlens.speakers.exchange import Turn, build_runs
from test_speakers import quote, speaker


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


def test_a_long_line_of_text_is_analysed_as_text_not_looked_up_as_a_file():
    line = ("Harry Potter walked into the Great Hall. " * 8) + '"Hello," said Harry.'
    assert len(line) > 255 and "\n" not in line
    work = analyze(line)
    assert speaker(work, "Hello") == "Harry Potter"


def test_a_tradesman_introduced_by_an_indefinite_description_speaks_as_the_description():
    work = analyze("Oliver Twist ran down the lane. Mr. Brownlow followed him.\n\n"
                   '"Help!" cried Oliver.\n\n'
                   '"To be sure!" cried a sleepy-faced carpenter, casting a look at the window.\n')
    names = {c.id: c for c in work.characters}
    carpenter = names[next(q for q in work.quotes if "To be sure" in work.text[q.start:q.end]).speaker]
    assert carpenter.name == "the sleepy-faced carpenter"
    assert "a sleepy-faced carpenter" in carpenter.aliases


TAGGED = {
    "the verb 14 words before the colon": (
        "Poirot and Hastings stood by the door. Mrs. Inglethorp lay on the bed.\n\n"
        "At that moment Dr. Bauerstein came in, and, at the same instant, Mrs. Inglethorp "
        "cried out in a strangled voice, her eyes fixed on the doctor:\n\n"
        '"Alfred, Alfred!"\n',
        "Alfred, Alfred", "cried", "Mrs. Inglethorp"),
    "heard after a few adverbs": (
        "Emma Woodhouse sat with Harriet Smith. Mr. Knightley read by the window.\n\n"
        "The news was told to Mr. Knightley at Hartfield; for the moment, he was silent; "
        "but Emma heard him almost immediately afterwards say to himself, over a "
        'newspaper he held in his hand, "Hum! just the trifling, silly fellow I took '
        'him for."\n',
        "trifling, silly fellow", "say", "Mr. Knightley"),
    "going somewhere is no tag after it": (
        "Margaret Schlegel and Evie Wilcox sat upstairs.\n\n"
        'Evie gasped: "Dolly is a rotter not to be here!" Then Margaret went down to '
        "breakfast.\n",
        "Dolly is a rotter", "gasped", "Evie Wilcox"),
    "a relative opening the tag clause": (
        "Lucy Honeychurch and Freddy Honeychurch sat with Charlotte Bartlett. Freddy ate "
        "an egg.\n\n"
        '"Oh, Charlotte, don\'t say such dreadful things," said Lucy, while her brother, '
        "in whose memory the boiled egg had already grown unsubstantial, exclaimed in "
        'irritable tones: "Just what I\'ve been trying to convince Cousin Charlotte of, '
        'Lucy, for the last half hour."\n',
        "Just what I've been trying", "exclaimed", "Freddy Honeychurch"),
}


@pytest.mark.parametrize("story,needle,verb,speaker_name", TAGGED.values(), ids=TAGGED.keys())
def test_a_tag_form_names_its_speaker(story, needle, verb, speaker_name):
    work = analyze(story)
    line = quote(work, needle)
    assert line.tag is not None and line.tag["verb"] == verb
    assert speaker(work, needle) == speaker_name


SPOKEN = {
    "a tag after a semicolon": (
        "Oliver Twist and Mr. Losberne came to the house. Mr. Losberne knocked.\n\n"
        '"Has the housekeeper gone too?" inquired Mr. Losberne.\n\n'
        '"Yes, sir"; replied the servant. "The old gentleman went too."\n',
        "The old gentleman went too", "the servant"),
    "in an audible whisper is a noun": (
        "Anne Shirley and Marilla Cuthbert went to call on Mrs. Barry.\n\n"
        '"How are you, Anne?" asked Mrs. Barry.\n\n'
        '"I am well in body, thank you ma\'am," said Anne gravely. Then aside to Marilla in '
        'an audible whisper, "There wasn\'t anything startling in that, was there, Marilla?"\n',
        "anything startling", "Anne Shirley"),
    "a description set beside a name": (
        "Gabriel Syme sat at the long table. Mr. Buttons rose.\n\n"
        '"The amendment will be put first," said Mr. Buttons, the chairman, with '
        "mechanical rapidity.\n\n"
        '"I protest," said Syme.\n\n'
        '"Does anyone second?" asked the chairman.\n',
        "Does anyone second", "Mr. Buttons"),
    "a description the text says someone is": (
        "Daisy Miller sat on the bench with Frederick Winterbourne.\n\n"
        '"Eugenio\'s our courier. He doesn\'t like to stay with Randolph," said Daisy.\n\n'
        '"Eugenio?" Winterbourne inquired.\n\n'
        "At this moment a tall man appeared. Eugenio looked at Winterbourne from head to "
        "foot, and Eugenio bowed to Daisy.\n\n"
        '"To the castle, mademoiselle?" the courier inquired.\n',
        "To the castle", "Eugenio"),
    "her ladyship is the lady on stage": (
        "Elizabeth Bennet sat with Lady Catherine de Bourgh and Charlotte Lucas in the "
        "drawing-room at Rosings. Lady Catherine looked at Elizabeth.\n\n"
        '"I have no younger sisters out, ma\'am," said Elizabeth.\n\n'
        '"Upon my word," said her Ladyship, "you give your opinion very decidedly for so young '
        'a person."\n',
        "Upon my word", "Lady Catherine de Bourgh"),
}


@pytest.mark.parametrize("story,needle,speaker_name", SPOKEN.values(), ids=SPOKEN.keys())
def test_a_line_goes_to_its_speaker(story, needle, speaker_name):
    assert speaker(analyze(story), needle) == speaker_name


def test_a_cousin_is_not_found_by_surname():
    from ficlens.characters.kinship import family_member
    from ficlens.model import Character

    fanny = Character("c0", "Fanny Price", ["Fanny", "Fanny Price"], gender="female")
    william = Character("c1", "William Price", ["William", "William Price"], gender="male")
    mother = Character("c2", "Mrs. Price", ["Mrs. Price"], gender="female")
    genders = {"c0": "female", "c1": "male", "c2": "female"}
    cast = [fanny, william, mother]
    assert family_member(cast, ["c0"], "brother", "male", genders) == "c1"
    assert family_member(cast, ["c0"], "mother", "female", genders) == "c2"
    assert family_member(cast, ["c0"], "cousin", None, genders) is None   # a Bertram, not a Price


def test_an_epithet_whose_tags_answer_its_holder_is_someone_else():
    from ficlens.model import Character, Mention, Work
    from ficlens.speakers import _unlink_epithets_beside_their_holder
    from ficlens.speakers.tags import Tag

    lines = ['"We are calm," said the policeman.', '"Eh?" said Syme.'] * 3
    text = "\n\n".join(lines)
    syme = Character("c0", "Syme", ["Syme"], gender="male", epithets=["the policeman"])
    work = Work(text=text, characters=[syme])
    tags, para = [], []
    for p, line in enumerate(lines):
        offset = text.index(line)
        who = "the policeman" if "policeman" in line else "Syme"
        start = offset + line.index(who)
        kind = "epithet" if who == "the policeman" else "name"
        mention = Mention(start, start + len(who), "c0", kind)
        work.mentions.append(mention)
        tags.append(Tag(start - 5, start + len(who), "said", mention, "after"))
        para.append(p)
    _unlink_epithets_beside_their_holder(work, tags, para)
    assert syme.epithets == []
    assert all(t.mention.character is None for t in tags[::2])      # the policeman's tags
    assert all(t.mention.character == "c0" for t in tags[1::2])     # Syme's own


def test_an_epithet_for_a_speaker_who_goes_on_once_keeps_its_link():
    from ficlens.model import Character, Mention, Work
    from ficlens.speakers import _unlink_epithets_beside_their_holder
    from ficlens.speakers.tags import Tag

    lines = ['"Dear me," said the beadle.', '"Dear, dear," said Mr. Bumble.']
    text = "\n\n".join(lines)
    bumble = Character("c0", "Mr. Bumble", ["Mr. Bumble"], gender="male", epithets=["the beadle"])
    work = Work(text=text, characters=[bumble])
    tags = []
    for line, who, kind in zip(lines, ("the beadle", "Mr. Bumble"), ("epithet", "name"), strict=True):
        start = text.index(line) + line.index(who)
        mention = Mention(start, start + len(who), "c0", kind)
        work.mentions.append(mention)
        tags.append(Tag(start - 5, start + len(who), "said", mention, "after"))
    _unlink_epithets_beside_their_holder(work, tags, [0, 1])
    assert bumble.epithets == ["the beadle"] and tags[0].mention.character == "c0"


def test_what_someone_is_said_to_be_must_be_the_whole_description():
    work = analyze("Mr. Blathers and Mr. Duff sat in the parlour with Mr. Losberne.\n\n"
                   '"The chief orders Jem Spyers in (Jem was a active officer), and tells him to go," '
                   "said Blathers.\n\n"
                   '"And Jem Spyers went?" asked Mr. Losberne.\n\n'
                   '"Thought it was what boy?" inquired the senior officer.\n')
    assert speaker(work, "Thought it was what boy") != "Jem Spyers"


def test_said_something_and_said_no_more_are_no_tags():
    work = analyze("Catherine Morland and John Thorpe drove along the road.\n\n"
                   '"And whose fault is that?" asked Catherine.\n\n'
                   '"Nobody\'s, that I know of." Thorpe then said something in the loud, incoherent '
                   "way to which he had often recourse.\n\n"
                   '"Invited!" cried Catherine.\n\n'
                   '"So my brother told me." Thorpe said no more, but whipped his horse.\n')
    for line in ("Nobody's, that I know of", "So my brother told me"):
        assert quote(work, line).tag is None


def test_the_one_a_line_is_spoken_to_is_no_tag_of_it():
    work = analyze("Catherine Morland sat in the gig beside John Thorpe. Mr. Thorpe drove fast.\n\n"
                   '"Pray, pray stop, Mr. Thorpe. I cannot go on. I must go back to Miss Tilney." '
                   "But Mr. Thorpe only laughed, smacked his whip, and drove on.\n")
    line = quote(work, "Pray, pray stop")
    assert line.tag is None or "Thorpe" not in line.tag["text"]
    assert speaker(work, "Pray, pray stop") != "John Thorpe"


def test_a_relative_owned_by_a_description_speaks():
    work = analyze("Mr. Sowerberry the undertaker came home with Oliver Twist. Mrs. Sowerberry was in "
                   "the shop. The undertaker bowed to his wife.\n\n"
                   '"My dear," said Mr. Sowerberry, "this is the boy from the workhouse."\n\n'
                   '"Dear me!" said the undertaker\'s wife, "he\'s very small."\n')
    for line in ("Dear me!", "very small"):
        assert speaker(work, line) == "Mrs. Sowerberry", line


def test_a_relative_owned_by_a_name_is_not_the_owner():
    work = analyze("Harry Potter came down to breakfast. Molly Weasley and Ron Weasley were at the "
                   "table. Ron's mother smiled at Harry.\n\n"
                   '"Morning," said Harry.\n\n'
                   'Ron\'s mother said, "Sit down, dear, and eat something."\n')
    line = quote(work, "Sit down, dear")
    assert line.tag is not None and "mother" in line.tag["text"]
    assert speaker(work, "Sit down, dear") == "Molly Weasley"


NOT_THEIRS = {
    "an absolute clause does not open the tag clause": (
        "Sir William Lucas stood near Mr. Darcy. Elizabeth Bennet crossed the room.\n\n"
        "He paused in hopes of an answer; and Elizabeth at that instant moving towards "
        "them, he was struck with the notion of doing a very gallant thing, and called "
        'out to her, "My dear Miss Eliza, why are not you dancing?"\n',
        "why are not you dancing", "Elizabeth Bennet"),
    "a relation's line is never its owner's": (
        "Catherine Morland danced with Henry Tilney. John Thorpe talked to Catherine.\n\n"
        '"It is so uncomfortable, living at an inn," said Thorpe.\n\n'
        "He was just then borne off by a long string of passing ladies. Her partner now "
        'drew near, and said, "That gentleman would have put me out of patience."\n',
        "out of patience", "Catherine Morland"),
}


@pytest.mark.parametrize("story,needle,not_the_speaker", NOT_THEIRS.values(), ids=NOT_THEIRS.keys())
def test_a_line_is_not_theirs(story, needle, not_the_speaker):
    assert speaker(analyze(story), needle) != not_the_speaker
