"""Explicit POV labels: "Harry's POV", "~*Draco's PoV*~", "[Sherlock's POV]", "John POV".

The structure stage marks label lines as Break kind "label"; for texts where it did not, the first
line of a scene is checked too. The name is matched to a character by name or alias.
"""

from __future__ import annotations

import re

from ficlens.model import Scene, Work
from ficlens.pov.cast import PRONOUN_GENDER, CastIndex

_LABEL_RE = re.compile(
    r"^[\W_]*(?P<name>[A-Z][\w.'’ -]{0,40}?)(?:['’]s|s['’]|['’])?\s*"
    r"(?:P\.?\s*O\.?\s*V\.?|point of view)\b[\W_]*$",
    re.IGNORECASE,
)


def label_name(line: str) -> str | None:
    """The name in a POV label line, or None when the line is not a label."""
    match = _LABEL_RE.match(line.strip())
    if not match:
        return None
    name = match.group("name").strip(" -.")
    return name or None


def scene_label(work: Work, cast: CastIndex, scene: Scene) -> dict | None:
    """Label evidence ``{start, end, kind: "label", character, name}`` for a scene, if it has one.

    The label is the nearest "label" break just before the scene (after the previous scene ended)
    or near its top, else the scene's first line. ``character`` is None when the name matches
    nobody in the cast: the caller then knows whose POV it is *not*.
    """
    previous_end = max((s.end for s in work.scenes if s.end <= scene.start), default=scene.start - 200)
    floor = max(scene.start - 200, previous_end - 1)
    candidates: list[tuple[int, int]] = sorted(
        (
            (b.start, b.end)
            for b in work.breaks
            if b.kind == "label" and floor <= b.start < min(scene.end, scene.start + 300)
        ),
        key=lambda span: abs(span[0] - scene.start),
    )
    first_line = re.match(r"\s*([^\n]{1,80})\n", work.text[scene.start : scene.end])
    if first_line:
        candidates.append((scene.start + first_line.start(1), scene.start + first_line.end(1)))
    for start, end in candidates:
        name = label_name(work.text[start:end])
        if name:
            character = match_label(cast, name)
            return {"start": start, "end": end, "kind": "label", "character": character, "name": name}
    return None


def match_label(cast: CastIndex, name: str) -> str | None:
    """The character a label's name means: exact name/alias/unambiguous token first, then a
    character whose name or alias starts with (or is the start of) the label's name, so "Drac"
    or "Draco M" still finds Draco Malfoy. None when nobody, or more than one, fits."""
    found = cast.lookup(name)
    if found:
        return found
    key = name.casefold()
    if len(key) < 3:
        return None
    owners = {
        char
        for known, char in cast.names.items()
        if len(known) >= 3 and (known.startswith(key) or key.startswith(known + " "))
    }
    return owners.pop() if len(owners) == 1 else None


_LEADING_PRONOUN = re.compile(r"(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir)\b")


def credit_label(work: Work, cast: CastIndex, scene: Scene, label: dict, evidence: list[dict]) -> list[dict]:
    """Give the label's character the pronoun interiority a reader gives them.

    After "~*Draco's PoV*~" a reader reads "He hated the cold" as Draco, whoever was named last
    before the break; so a pronoun cue goes to the label's character (its id, or the label's name
    when nobody in the cast matches) until someone else of that gender is a named subject in it.
    """
    who = label["character"] or label["name"]
    gender = cast.gender.get(label["character"] or "")
    credited = []
    for item in evidence:
        pronoun = _LEADING_PRONOUN.match(work.text, item["start"])
        if pronoun and item["kind"] != "thought":
            named = cast.subjects_in(scene.start, item["start"])
            pronoun_gender = PRONOUN_GENDER.get(pronoun.group(0).lower())
            rivals = [c for c in named if c != label["character"] and cast.gender.get(c) == pronoun_gender]
            if not rivals and (gender is None or gender == pronoun_gender):
                item = {**item, "character": who}
        credited.append(item)
    return credited
