"""Interactions on a small two-person story with AO3-like relationship metadata."""

from __future__ import annotations

from ficlens.interactions import run
from ficlens.model import Character, Quote, Scene, Work
from ficlens.options import Options

STORY = (
    '"You\'re late," Anna said.\n\n'
    '"The train was cancelled," Ben said. "Again. I walked from the station in the rain."\n\n'
    '"Then sit by the fire," Anna said.\n\n'
    "* * *\n\n"
    'Ben met Clara at the market the next morning. "Anna says hello," he told her.\n'
)


def story_work(relationships) -> Work:
    text = STORY
    chars = [
        Character("anna", "Anna Price", ["Anna"], "female", "she/her"),
        Character("ben", "Ben Hale", ["Ben"], "male", "he/him"),
        Character("clara", "Clara Hale", ["Clara"], "female", "she/her"),
    ]

    def q(fragment: str, speaker: str, addressee: str, group: int | None = None) -> Quote:
        start = text.index(fragment)
        return Quote(
            start, start + len(fragment), speaker=speaker, addressees=[addressee], confidence=0.9, group=group
        )

    quotes = [
        q('"You\'re late,"', "anna", "ben"),
        q('"The train was cancelled,"', "ben", "anna", group=1),
        q('"Again. I walked from the station in the rain."', "ben", "anna", group=1),
        q('"Then sit by the fire,"', "anna", "ben"),
        q('"Anna says hello,"', "ben", "clara"),
    ]
    split = text.index("* * *")
    scenes = [Scene(0, split, 0), Scene(split + 7, len(text), 0, "glyph")]
    return Work(
        text=text, characters=chars, quotes=quotes, scenes=scenes, metadata={"relationships": relationships}
    )


def test_pairs_speakers_and_cooccurrence() -> None:
    work = story_work([])
    run(work, Options())
    inter = work.interactions
    top = inter["pairs"][0]
    assert (top["speaker"], top["addressee"]) == ("ben", "anna")
    assert top["quotes"] == 1  # the two pieces of one utterance count once
    assert top["words"] == 13
    assert [p["words"] for p in inter["pairs"]] == sorted((p["words"] for p in inter["pairs"]), reverse=True)
    speakers = {s["character"]: s for s in inter["speakers"]}
    assert speakers["ben"]["quotes"] == 2 and speakers["anna"]["quotes"] == 2
    co = {(c["a"], c["b"]): c["scenes"] for c in inter["scene_cooccurrence"]}
    assert co[("anna", "ben")] == 2  # Anna is named in the second scene too
    assert co[("ben", "clara")] == 1
    first = inter["top_pairs"][0]
    assert (first["a"], first["b"]) == ("anna", "ben")
    assert first["quotes"] == 3 and first["score"] == 1.0
    assert inter["relationship_tags"] == []


def test_relationship_tags_against_dialogue() -> None:
    work = story_work(
        [
            {"tag": "Anna Price/Ben Hale", "kind": "romantic", "characters": ["Anna Price", "Ben Hale"]},
            "Anna Price & Clara Hale (Original Work)",
            "Ben Hale/Someone Else",
        ]
    )
    run(work, Options())
    tags = work.interactions["relationship_tags"]
    by_tag = {t["tag"]: t for t in tags}
    assert by_tag["Anna Price/Ben Hale"]["status"] == "tagged_speaking"
    assert by_tag["Anna Price/Ben Hale"]["characters"] == ["anna", "ben"]
    silent = by_tag["Anna Price & Clara Hale (Original Work)"]
    assert silent["status"] == "tagged_silent" and silent["kind"] == "platonic"
    assert silent["characters"] == ["anna", "clara"]
    assert by_tag["Ben Hale/Someone Else"]["status"] == "unmapped"
    assert by_tag["Ben Hale/Someone Else"]["characters"] == ["ben", None]
    dominant = [t for t in tags if t["status"] == "untagged_dominant"]
    assert [t["characters"] for t in dominant] == [["ben", "clara"]]


def test_empty_work_degrades() -> None:
    work = Work(text="")
    run(work, Options())
    assert work.interactions["pairs"] == [] and work.interactions["top_pairs"] == []
