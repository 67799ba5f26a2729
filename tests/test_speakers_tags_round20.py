"""Speech tags changed in round 20, on small texts written for these tests: a narration paragraph
whose last sentence is only a speech tag ("Anne answered, lifting her head.") gives its speaker to
the quote that opens the next paragraph; a sentence that answers without a line of its own ("Miss
Honeychurch assented."), a noun ("ignored the remark."), a passive ("what was said.") and a clause
of time ("before the talk began.") do not."""

from __future__ import annotations

import pytest

from test_speakers import quote
from test_speakers_tags_round18 import analysed

PORCH = ("Anne Shirley and Marilla Cuthbert sat on the porch. Diana Barry came up the lane.\n\n"
         '"Whatever happened to you?" cried Marilla.\n\n'
         "Diana looked from one to the other and back again.\n\n"
         "{closing}\n\n"
         '"I fell off the ridgepole, and I have sprained my ankle."\n')
CLOSINGS = {
    "a participle clause after the verb": ("Anne answered, lifting her head.", "Anne Shirley"),
    "a verb of going on": ("Marilla, trying not to smile, went on.", "Marilla Cuthbert"),
    "a verb and its manner": ("Diana began at once.", "Diana Barry"),
}


@pytest.mark.parametrize("closing,speaker", CLOSINGS.values(), ids=CLOSINGS.keys())
def test_a_paragraph_ending_in_a_tag_opens_the_next_paragraphs_quote(closing, speaker):
    work, names = analysed(PORCH.format(closing=closing))
    line = quote(work, "ridgepole")
    assert line.tag is not None and line.tag["verb"] in closing
    assert names[line.speaker] == speaker


NOT_TAGS = {
    "an answer without a line of its own": "Diana assented.",
    "a noun after a determiner": "Diana ignored the remark.",
    "a passive": "Diana listened to what was said.",
    "a clause of time": "Diana had gone in before the talk began.",
    "going somewhere": "Diana went in.",
}


@pytest.mark.parametrize("closing", NOT_TAGS.values(), ids=NOT_TAGS.keys())
def test_a_closing_sentence_that_is_no_tag_names_no_speaker(closing):
    work, _ = analysed(PORCH.format(closing=closing))
    assert quote(work, "ridgepole").tag is None


ENTRANCE = ("Emma Woodhouse and Harriet Smith sat in the parlour. Mr. Weston was expected.\n\n"
            "{sentence}\n\n"
            '"A very pretty trick you have played on us all."\n')
OBJECTS = {
    "the object of a past-tense verb": ("She met Mr. Weston at the door, with a smiling countenance, "
                                        "exclaiming,", "She"),
    "…but an adjective in -ed is no verb": ("Then the black-browed Mr. Weston, implacable, turned to "
                                            "them and said,", "Mr. Weston"),
    "…and a relative clause names its antecedent": ("Emma met Mr. Weston in the hall, who, breathless "
                                                    "with haste, cried out,", "Mr. Weston"),
}


@pytest.mark.parametrize("sentence,subject", OBJECTS.values(), ids=OBJECTS.keys())
def test_a_name_after_a_verb_is_its_object_not_the_tags_subject(sentence, subject):
    work, _ = analysed(ENTRANCE.format(sentence=sentence))
    line = quote(work, "pretty trick")
    assert line.tag is not None and line.tag["text"].startswith(subject)


RABBIT = ("Alice Liddell sat by her sister on the bank. The White Rabbit ran close by her.\n\n"
          "There was nothing so very remarkable in that; nor did Alice think it so very much out of the way "
          'to hear the Rabbit say to itself, "Oh dear! I shall be late!" (when she thought it over '
          "afterwards, it seemed quite natural).\n")


def test_an_aside_in_brackets_after_a_quote_is_no_tag_and_the_one_heard_speaks():
    work, names = analysed(RABBIT)
    line = quote(work, "I shall be late")
    assert names[line.speaker] == "White Rabbit" and line.tag["text"].startswith("Rabbit")


def test_a_tag_in_brackets_after_a_quote_is_still_a_tag():
    work, _ = analysed("Leonard Bast stood up. Margaret Schlegel and Mr. Wilcox watched him.\n\n"
                       '"I receive what I take to be an invitation from these--ladies" (he drawled the '
                       "word).\n")
    line = quote(work, "invitation")
    assert line.tag is not None and line.tag["verb"] == "drawled"


def test_someone_the_cast_does_not_hold_heard_speaking_is_no_tag_for_the_hearer():
    work, _ = analysed("Alice Liddell stood by the little house.\n\n"
                       'Alice heard it say to itself, "Then I must go round."\n')
    assert quote(work, "go round").tag is None


PARLOUR = ("Elizabeth Bennet and Jane Bennet sat with Mr. Collins and Mrs. Jennings.\n\n"
           '"You are very kind," said Elizabeth.\n\n'
           "{closing}\n\n"
           '"My dear cousin, I have the highest opinion in the world of your judgment."\n')
PHRASES = {
    "a phrasal verb with its particle ends the paragraph": (
        "After a short silence, Mrs. Jennings, with all her natural hilarity, burst forth again.",
        "Mrs. Jennings"),
    "…or runs on into the quote": ("Mrs. Jennings tugged at her shawl and broke out", "Mrs. Jennings"),
    "the subject of a clause of time is not the verb's": (
        "Mr. Collins listened to her with the determined air of following his own inclination, and when "
        "she ceased speaking, replied thus,", "Mr. Collins"),
    "…unless the verb is its participle": (
        "Jane had only waited for breath to begin, when Mr. Collins startled her, by saying,", "Mr. Collins"),
}


@pytest.mark.parametrize("closing,speaker", PHRASES.values(), ids=PHRASES.keys())
def test_the_tag_of_a_closing_paragraph(closing, speaker):
    work, names = analysed(PARLOUR.format(closing=closing))
    line = quote(work, "highest opinion")
    assert line.tag is not None and names[line.speaker] == speaker


@pytest.mark.parametrize("verb", ["hooted", "jeered", "interpreted", "yawned", "proclaimed"])
def test_more_verbs_of_speech_make_tags(verb):
    work, names = analysed("Dr. Aziz rode through the jungle. Mr. Fielding rode beside him.\n\n"
                           f'"Who do you want instead of the English?" {verb} Fielding.\n')
    line = quote(work, "instead of the English")
    assert line.tag is not None and line.tag["verb"] == verb and names[line.speaker] == "Fielding"


def test_words_owned_by_a_relative_make_a_relation_tag():
    work, _ = analysed("Catherine Morland sat by the fire with her sister Sally Morland and her mother. "
                       "Mrs. Morland was knitting, and Mrs. Morland said nothing for a while. "
                       "Catherine looked at the fire, and Catherine sighed.\n\n"
                       '"Henry will come again, I am sure," said Catherine.\n\n'
                       '"Catherine would make a sad, heedless young housekeeper," was her mother\'s '
                       "foreboding remark.\n")
    line = quote(work, "heedless")
    assert line.tag is not None and line.tag["text"].endswith("her mother")
    assert "Mrs. Morland" in work.character(line.speaker).aliases


def test_a_speaking_description_joins_the_name_said_to_it_though_the_scorer_gave_that_name_a_line():
    # "Gladys" is only ever said in address; the scorer's guess that she spoke "You are horrid."
    # is no sign that the duchess and Gladys are two people talking
    work, names = analysed("Lord Henry and Dorian Gray sat at the long table. "
                           "The duchess sat between them.\n\n"
                           '"What a charming idea," said the duchess.\n\n'
                           '"My dear Gladys, I would not alter it for the world," said Lord Henry.\n\n'
                           '"You are horrid."\n\n"You disarm me, Gladys."\n\n'
                           '"Then I am glad," said the duchess.\n\n"Are you really, Gladys?"\n\n"Quite."\n')
    duchess = quote(work, "charming idea").speaker
    assert names[duchess] == "Gladys" and "the duchess" in work.character(duchess).epithets
    assert quote(work, "You are horrid").speaker == duchess


def test_a_name_in_a_that_clause_is_not_the_shared_subject():
    work, _ = analysed("Hastings and Poirot and Dr. Bauerstein sat in the library.\n\n"
                       "I told him that Dr. Bauerstein had been at Styles on the fatal night, and added:\n\n"
                       '"It is very strange."\n')
    line = quote(work, "very strange")
    assert line.tag is None or "Bauerstein" not in line.tag["text"]


def test_the_last_lines_own_tag_opens_nothing():
    work, _ = analysed("Caroline Bingley and Louisa Hurst sat with Mr. Darcy.\n\n"
                       '"Not at all," he replied.\n\n"I have an excessive regard for Jane Bennet."\n')
    assert quote(work, "excessive regard").tag is None


TAGGED = {
    "a phrase of time before a subject set off by an aside": (
        "Henry Crawford and Julia Bertram walked on the lawn.\n\n"
        'At the same moment Mr. Crawford, approaching Julia, said, "Will you take my arm?"\n',
        "my arm", "Henry Crawford"),
    "a coordinate clause without a subject shares the one before it": (
        "Elizabeth Bennet and Jane Bennet stood by the window with Caroline Bingley.\n\n"
        "They had not long separated when Miss Bingley came towards her, and with an expression of "
        "civil disdain thus accosted her,\n\n"
        '"So, Miss Eliza, I hear you are quite delighted with George Wickham!"\n',
        "delighted", "Miss Bingley"),
    "an indefinite describer with an adjective in -ly before the person": (
        "Dr. Losberne ran down to the deserted tenement, and began kicking at the door.\n\n"
        '"Halloa?" said a little ugly hump-backed man: opening the door so suddenly that the doctor '
        "nearly fell forward.\n", "Halloa", "a little ugly hump-backed man"),
    "a tag sentence after a paragraph's last line opens the next paragraph's quote": (
        "Caroline Bingley and Louisa Hurst sat with Mr. Darcy.\n\n"
        '"Not at all," he replied; "they were brightened by the exercise."--A short pause followed this '
        'speech, and Mrs. Hurst began again.\n\n"I have an excessive regard for Jane Bennet."\n',
        "excessive regard", "Mrs. Hurst"),
    "a name after a closed clause of time still opens the next quote": (
        "Elizabeth Bennet sat with Mr. Collins and her mother.\n\n"
        "Mrs. Bennet and Kitty walked off, and as soon as they were gone Mr. Collins began.\n\n"
        '"Believe me, my dear Miss Elizabeth, your modesty adds to your other perfections."\n',
        "your modesty", "Mr. Collins"),
    "a time word used as an adverb does not block a closing tag sentence": (
        "Emma Woodhouse sat with Jane Fairfax and Frank Churchill.\n\n"
        '"It was a foolish story," said Frank Churchill.\n\n'
        "Miss Fairfax, who had seldom spoken before, except among her own confederates, spoke now.\n\n"
        '"Such things do occur, undoubtedly."\n', "Such things", "Jane Fairfax"),
    "an aspect verb and a speech verb in -ing end a tag sentence": (
        "Fanny Price sat on the sofa. Mrs. Norris and Lady Bertram sat by the fire.\n\n"
        '"Where is Fanny?" asked Lady Bertram.\n\n'
        "A voice told them that she was on the sofa. Mrs. Norris began scolding.\n\n"
        '"That is a very foolish trick, Fanny, to be idling away all the evening."\n',
        "foolish trick", "Mrs. Norris"),
}


@pytest.mark.parametrize("story,fragment,speaker", TAGGED.values(), ids=TAGGED.keys())
def test_the_tag_finds_its_speaker(story, fragment, speaker):
    work, _ = analysed(story)
    line = quote(work, fragment)
    character = work.character(line.speaker)
    assert line.tag is not None and speaker in (character.name, *character.aliases)


def test_the_one_heard_doing_something_and_saying_is_the_speaker():
    work, names = analysed("Lucy Gray sat in the drawing-room. Mrs. Honeychurch and Mr. Beebe "
                           'stood in the hall.\n\n"All right, dear," said Mrs. Honeychurch kindly. She went '
                           "into the drawing-room, and Mr. Beebe heard her kiss Lucy and say: "
                           '"I am sorry I was so cross."\n')
    line = quote(work, "so cross")
    assert line.tag is not None and line.tag["text"].startswith("her")
    assert names[line.speaker] == "Mrs. Honeychurch"
