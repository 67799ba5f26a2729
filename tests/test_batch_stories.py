"""Helpers, not tests: small, varied stories written for the batch tests (original text)."""

from __future__ import annotations

from pathlib import Path

NAMES = [("Mara", "Jonah"), ("Ines", "Tobias"), ("Wren", "Callum"), ("Priya", "Dev"),
         ("Hollis", "Sade"), ("Oskar", "Lina"), ("Bea", "Rafe"), ("Noor", "Elliot"),
         ("Yusuf", "Greta"), ("Cass", "Milo")]
PLACES = ["the harbour", "the greenhouse", "the old mill", "the library roof", "the night market"]


def story(index: int, paragraphs: int = 6) -> str:
    """A short story with a title, two speakers, dialogue tags and a scene break."""
    a, b = NAMES[index % len(NAMES)]
    place = PLACES[index % len(PLACES)]
    lines = [f"Story {index}: Evening at {place.title()}", ""]
    for n in range(paragraphs):
        lines += [f'"Did you bring the lantern?" {a} asked, pulling her coat tighter against the wind.', "",
                  f'{b} shook his head. "I thought you had it. We always forget something at {place}."', "",
                  f"They walked on for a while, counting the lamps. Number {n + index} was out again.", ""]
        if n == paragraphs // 2:
            lines += ["* * *", ""]
    lines += [f'"Next time," {a} said, "we leave earlier."', ""]
    return "\n".join(lines)


def write_stories(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"story-{i:02d}.txt"
        path.write_text(story(i), encoding="utf-8")
        paths.append(path)
    return paths
