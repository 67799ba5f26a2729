"""Arcs: sentiment and emotion per scene, chapter and character."""

from __future__ import annotations

from ficlens.arcs import run
from ficlens.arcs.emotions import emotion_counts
from ficlens.model import Chapter, Character, Quote, Scene, Work
from ficlens.options import Options

HAPPY = (
    "The sun was warm on the garden and the children laughed as they ran. Mara smiled at her "
    "brother, delighted. It was the best day of the summer, full of joy and music and cake.\n"
)
SAD = (
    "The rain fell on the grave. Mara wept alone, heartbroken, and the house felt empty and cold. "
    "She missed him terribly. Nothing would ever be right again.\n"
)


def two_scene_work() -> Work:
    text = HAPPY + "\n* * *\n\n" + SAD
    sad_start = text.index("The rain")
    quote_text = '"I hate this, I hate all of it,"'
    text += quote_text + " Mara said.\n"
    q_start = text.index(quote_text)
    return Work(
        text=text,
        scenes=[Scene(0, len(HAPPY), 0), Scene(sad_start, len(text), 0, "glyph")],
        chapters=[Chapter(0, len(text), number=1)],
        characters=[Character("mara", "Mara", gender="female")],
        quotes=[Quote(q_start, q_start + len(quote_text), speaker="mara", confidence=0.9)],
    )


def test_happy_scene_scores_above_sad_scene() -> None:
    work = two_scene_work()
    run(work, Options())
    happy, sad = work.arcs["scenes"]
    assert happy["compound"] > 0.3 > sad["compound"]
    assert happy["compound"] > sad["compound"]
    assert happy["emotions"]["joy"] > sad["emotions"]["joy"]
    assert sad["emotions"]["sadness"] > happy["emotions"]["sadness"]
    assert happy["pos"] > sad["pos"] and sad["neg"] > happy["neg"]
    assert len(work.arcs["chapters"]) == 1
    assert "VADER" in work.arcs["method"]


def test_character_dialogue_arc() -> None:
    work = two_scene_work()
    run(work, Options())
    (mara,) = work.arcs["characters"]
    assert mara["character"] == "mara" and mara["quotes"] == 1
    assert mara["compound"] < 0
    assert mara["emotions"]["anger"] > 0


def test_emotion_lexicon_inflections() -> None:
    counts, words = emotion_counts("She was trembling and terrified; he laughed happily.")
    assert words == 8
    assert counts["fear"] >= 2 and counts["joy"] >= 1


def test_no_layers_gives_one_scene() -> None:
    work = Work(text=HAPPY)
    run(work, Options())
    assert len(work.arcs["scenes"]) == 1 and work.arcs["scenes"][0]["compound"] > 0


def test_fast_vader_scores_match_stock_vader() -> None:
    """The windowed analyzer and the no-lexicon-word shortcut must not change a single score."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from ficlens.arcs.sentiment import score

    sentences = [
        "EMMA",
        "The carriage stopped outside the house and nobody moved.",
        "She was not at all unhappy, though she would never so much as admit it.",
        "It was kind of the bomb, without doubt the best evening of the whole long and tiresome season.",
        "WHAT the HELL were you thinking, he said, at least not very kindly!!!",
        "I lay it down as a general rule that if a woman _doubts_ as to whether she should accept a man",
        "No, no, no: the tea was cold, the toast was burnt, and the day was ruined beyond repair.",
        "I love you :)",
    ]
    stock = SentimentIntensityAnalyzer()
    for sentence in sentences:
        assert score(sentence) == stock.polarity_scores(sentence), sentence
    neutral = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
    assert score("The carriage turned into the lane.") == neutral
    assert score("She was terribly sad.")["compound"] < 0
