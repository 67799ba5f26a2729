"""Speaker, addressee and tag attribution on small texts written for these tests."""

from __future__ import annotations

from ficlens import Options, analyze
from ficlens.model import Work


def speaker(work: Work, fragment: str) -> str | None:
    """The name of the character who says the quote containing ``fragment``."""
    at = work.text.index(fragment)
    for q in work.quotes:
        if q.start <= at < q.end:
            ch = work.character(q.speaker)
            return ch.name if ch else None
    raise AssertionError(f"no quote holds {fragment!r}")


def quote(work: Work, fragment: str):
    at = work.text.index(fragment)
    return next(q for q in work.quotes if q.start <= at < q.end)


def names(work: Work, ids: list[str]) -> set[str]:
    return {work.character(i).name for i in ids}


INTRO = ("Harry Potter and Ginny Weasley walked down to the lake. Harry was tired; he had not slept. "
         "Ginny was not; she had.\n\n")


def test_explicit_tag_after_before_and_inside():
    work = analyze(INTRO + '"We should go back," said Harry.\n\n'
                   '"Not yet," Ginny snapped.\n\n'
                   'Harry said, "Fine, ten minutes."\n\n'
                   '"Ten," said Ginny, "and not one more."\n')
    assert speaker(work, "We should go back") == "Harry Potter"
    assert speaker(work, "Not yet") == "Ginny Weasley"
    assert speaker(work, "Fine, ten minutes") == "Harry Potter"
    assert speaker(work, "Ten,") == "Ginny Weasley"
    assert speaker(work, "and not one more") == "Ginny Weasley"
    q = quote(work, "We should go back")
    assert q.type == "explicit" and q.tag["verb"] == "said" and "Harry" in q.tag["text"]
    assert 0.5 < q.confidence <= 1.0


def test_said_he_inversion_and_pronoun_tag():
    work = analyze("Sherlock Holmes stood at his window. "
                   "Molly Hooper sat with her notes and watched Sherlock Holmes.\n\n"
                   '"It is raining," said he.\n\n'
                   'Molly looked up from her book. "It always is," she said.\n')
    assert speaker(work, "It is raining") == "Sherlock Holmes"
    assert quote(work, "It is raining").type == "anaphoric"
    assert speaker(work, "It always is") == "Molly Hooper"


def test_pronoun_tag_with_two_same_gender_characters_prefers_the_subject():
    work = analyze("John Watson stood in the hall with his coat on. Greg Lestrade waited by his car. "
                   "John looked at the door, and then at Greg.\n\n"
                   'John frowned at the stairs. "Someone came down here," he said.\n')
    assert speaker(work, "Someone came down here") == "John Watson"


def test_turn_taking_in_a_two_person_exchange():
    work = analyze("Anne Shirley met Gilbert Blythe at the gate. Gilbert smiled.\n\n"
                   '"Good morning," said Anne.\n\n'
                   '"Is it?" asked Gilbert.\n\n'
                   '"It was, until now."\n\n'
                   '"That is unkind."\n\n'
                   '"It is honest."\n')
    assert speaker(work, "It was, until now") == "Anne Shirley"
    assert speaker(work, "That is unkind") == "Gilbert Blythe"
    assert speaker(work, "It is honest") == "Anne Shirley"
    assert quote(work, "It is honest").type == "implicit"
    assert names(work, quote(work, "That is unkind").addressees) == {"Anne Shirley"}


def test_three_person_exchange_keeps_tags_and_alternation_apart():
    work = analyze("Ron Weasley, Hermione Granger and Neville Longbottom sat in the library.\n\n"
                   '"Where is the book?" asked Ron.\n\n'
                   '"On the shelf," said Hermione.\n\n'
                   '"Which shelf?" Neville asked.\n\n'
                   '"The top one," said Hermione.\n\n'
                   '"I cannot reach it," said Neville.\n')
    assert speaker(work, "Where is the book") == "Ron Weasley"
    assert speaker(work, "Which shelf") == "Neville Longbottom"
    assert speaker(work, "The top one") == "Hermione Granger"


def test_same_paragraph_continuation():
    work = analyze(INTRO + '"Look," said Ginny, pointing at the water. "There is something there. '
                   'Do you see it?"\n')
    assert speaker(work, "There is something there") == "Ginny Weasley"


RULES_ONLY = Options(extra={"speaker_model": "none"})


def test_action_beat_attributes_the_quote():
    text = INTRO + '"Let us sit," said Ginny.\n\nHarry frowned. "No."\n'
    assert speaker(analyze(text), "No.") == "Harry Potter"
    work = analyze(text, RULES_ONLY)
    assert speaker(work, "No.") == "Harry Potter"
    assert quote(work, "No.").evidence == "action_beat"   # Harry and Ginny: a fandom's cast, fan fiction
    novel = analyze(text.replace("Harry", "Henry").replace("Ginny", "Gina"), RULES_ONLY)
    assert quote(novel, "No.").evidence == "beat"


def test_vocative_names_the_addressee_and_the_next_speaker():
    work = analyze("Sherlock Holmes and John Watson came in from the rain.\n\n"
                   '"Sherlock, you\'re bleeding," said John.\n\n'
                   '"It is nothing, John."\n')
    q = quote(work, "you're bleeding")
    assert names(work, q.addressees) == {"Sherlock Holmes"}
    assert speaker(work, "It is nothing") == "Sherlock Holmes"
    vocatives = [m for m in work.mentions if m.kind == "vocative"]
    assert {work.character(m.character).name for m in vocatives} >= {"Sherlock Holmes", "John Watson"}


def test_pet_name_vocative_marks_the_addressee():
    work = analyze("Molly Weasley stood in the kitchen doorway. Arthur Weasley was at the table.\n\n"
                   '"Come here, love," said Molly.\n\n'
                   '"In a minute," said Arthur.\n')
    q = quote(work, "Come here")
    assert names(work, q.addressees) == {"Arthur Weasley"}
    pets = [m for m in work.mentions if m.kind == "pet_name"]
    assert pets and work.text[pets[0].start:pets[0].end] == "love"
    assert pets[0].character == q.addressees[0]


def test_pet_names_are_listed_on_the_character_called_them():
    work = analyze("Molly Weasley stood in the kitchen doorway. Arthur Weasley was at the table.\n\n"
                   '"Come here, love," said Molly.\n\n'
                   '"In a minute, my dear," said Arthur.\n\n'
                   '"Now, love," said Molly.\n')
    arthur = next(c for c in work.characters if c.name == "Arthur Weasley")
    molly = next(c for c in work.characters if c.name == "Molly Weasley")
    assert arthur.pet_names == ["love"]       # once, though called it twice
    assert molly.pet_names == ["my dear"]
    assert work.to_dict()["characters"][work.characters.index(arthur)]["pet_names"] == ["love"]


def test_line_spoken_before_the_speaker_is_named():
    text = ("Anne Shirley sat by the fire with her book. "
            "Marilla Cuthbert had gone out an hour ago.\n\n"
            '"Who is out in this weather?"\n\n'
            "Marilla Cuthbert came in from the yard, shaking the snow from her shawl.\n")
    work = analyze(text, Options(extra={"speaker_model": "none"}))
    assert speaker(work, "Who is out in this weather") == "Marilla Cuthbert"
    assert quote(work, "Who is out").evidence == "next_paragraph"


def test_gold_quote_spans_are_attributed():
    text = INTRO + '"Go on," said Ginny.\n'
    start = text.index("Go on")
    work = analyze(text, Options(gold_quotes=[(start, start + len("Go on,"))]))
    assert speaker(work, "Go on") == "Ginny Weasley"


def test_characters_count_their_quotes_and_words():
    work = analyze(INTRO + '"One two three," said Harry.\n\n"Four," said Harry.\n')
    harry = next(c for c in work.characters if c.name == "Harry Potter")
    assert harry.quote_count == 2
    assert harry.words_spoken == 4


def test_bundled_sample_finds_holmes_and_watson(sample_story):
    import pytest

    if not sample_story.is_file():
        pytest.skip("bundled sample not written yet")
    work = analyze(sample_story)
    by_name = {c.name: c for c in work.characters}
    holmes = next(c for c in work.characters if "Holmes" in c.name)
    watson = next(c for c in work.characters if "Watson" in c.name)
    assert {"Holmes", "Mr. Holmes"} <= set(holmes.aliases)
    assert {"Watson", "Dr. Watson"} <= set(watson.aliases)
    assert holmes.quote_count > 5 and watson.quote_count > 5
    assert by_name  # every character has a name
    attributed = sum(q.speaker is not None for q in work.quotes)
    assert work.quotes and attributed / len(work.quotes) > 0.9
