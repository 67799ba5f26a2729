"""Explicit POV labels: "Harry's POV", "~*Draco's PoV*~", "[Sherlock's POV]", "John POV".

The structure stage marks label lines as Break kind "label"; for texts where it did not, the first
line of a scene is checked too. The name is matched to a character by name or alias.
"""

from __future__ import annotations

import re

from ficlens.model import Scene, Work
from ficlens.pov.cast import CastIndex

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
    """Label evidence ``{start, end, kind: "label", character}`` for a scene, if it has one."""
    candidates: list[tuple[int, int]] = [
        (b.start, b.end)
        for b in work.breaks
        if b.kind == "label"
        and (
            scene.start - 200 <= b.start <= scene.start + 5
            or scene.start <= b.start < min(scene.end, scene.start + 300)
        )
    ]
    first_line = re.match(r"\s*([^\n]{1,80})\n", work.text[scene.start : scene.end])
    if first_line:
        candidates.append((scene.start + first_line.start(1), scene.start + first_line.end(1)))
    for start, end in candidates:
        name = label_name(work.text[start:end])
        if not name:
            continue
        char = cast.lookup(name)
        if char:
            return {"start": start, "end": end, "kind": "label", "character": char}
    return None
