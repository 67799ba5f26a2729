"""The helpers POV, arcs and the beta reader share: narration outside quotes, pronoun resolution."""

from __future__ import annotations

from ficlens.model import Character, Mention, Paragraph, Quote, Scene, Work
from ficlens.pov.cast import CastIndex, clean_name
from ficlens.pov.narration import effective_scenes, in_quote, narration_ranges

BEN = Character("ben", "Ben Hale", ["Ben"], "male")
CARL = Character("carl", "Carl Moss", ["Carl"], "male")


def test_narration_skips_quotes_and_non_story_paragraphs() -> None:
    text = 'A/N: hi\n\nBen said, "Go away." Then he left.\n'
    story = text.index("Ben")
    work = Work(text=text, paragraphs=[Paragraph(0, 7, "note"), Paragraph(story, len(text) - 1)])
    pieces = [text[s:e] for s, e in narration_ranges(work, 0, len(text))]
    assert pieces == ["Ben said, ", " Then he left."]
    assert in_quote(work, text.index("Go"))
    assert not in_quote(work, text.index("Then"))


def test_narration_uses_the_quotes_layer_when_present() -> None:
    text = "Ben said Go away and left.\n"
    start = text.index("Go")
    work = Work(text=text, quotes=[Quote(start, start + 7)])
    assert [text[s:e] for s, e in narration_ranges(work, 0, len(text))] == ["Ben said ", " and left.\n"]


def test_effective_scenes_fall_back_to_the_whole_text() -> None:
    assert [(s.start, s.end) for s in effective_scenes(Work(text="Some words."))] == [(0, 11)]
    scenes = [Scene(0, 4)]
    assert effective_scenes(Work(text="Some words.", scenes=scenes)) is scenes


def test_pronoun_prefers_the_last_subject_then_the_link() -> None:
    text = "Ben watched Carl. He smiled. Later, the letter came for Carl and he opened it."
    he1 = text.index("He smiled")
    he2 = text.index("he opened")
    cast = CastIndex(Work(text=text, characters=[BEN, CARL]))
    assert cast.resolve_pronoun(he1, "He") == "ben"  # Ben opened the sentence; Carl is an object
    assert cast.resolve_pronoun(he2, "he") == "ben"
    linked = Work(
        text=text,
        characters=[BEN, CARL],
        mentions=[Mention(0, 3, "ben", "name"), Mention(he2, he2 + 2, "carl", "pronoun")],
    )
    assert CastIndex(linked).resolve_pronoun(he2, "he") == "ben"  # a subject antecedent beats the link


def test_tag_subject_counts_as_antecedent() -> None:
    text = '"Fine," Carl says. Ben looked away for a while. "Go," said Ben. "Why?" Carl asks. He waits.'
    cast = CastIndex(Work(text=text, characters=[BEN, CARL]))
    assert cast.resolve_pronoun(text.index("He waits"), "He") == "carl"


def test_names_and_aliases() -> None:
    cast = CastIndex(Work(text="", characters=[BEN, CARL]))
    assert cast.lookup("Ben Hale (Original Work)") == "ben"
    assert cast.lookup("Hale") == "ben" and cast.lookup("Mr. Moss") == "carl"
    assert cast.lookup("Someone Else") is None
    assert clean_name("Sherlock Holmes (Sherlock TV)") == "Sherlock Holmes"
