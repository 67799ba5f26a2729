"""Head-hopping: a scene that enters two characters' heads (from the POV stage's evidence).

Scenes the POV stage calls "omniscient" (narrator commentary, interiority spread evenly) are
the narrator's design, not a slip, and get no note.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficlens.beta.context import BetaContext
from ficlens.beta.registry import rule
from ficlens.beta.rules_speakers import character_names
from ficlens.model import Finding
from ficlens.pov.scores import NOT_INTERIORITY


@rule("head-hopping", "interiority for two or more characters inside one scene (not omniscient narration)")
def head_hopping(ctx: BetaContext) -> Iterator[Finding]:
    for scene in ctx.scenes:
        if scene.pov != "mixed" or scene.person in ("first", "second"):
            continue
        evidence = [e for e in scene.pov_evidence if e["kind"] not in NOT_INTERIORITY and e.get("character")]
        order: list[str] = []
        for item in evidence:
            if item["character"] not in order:
                order.append(item["character"])
        if len(order) < 2:
            continue
        hop = next(e for e in evidence if e["character"] == order[1])
        yield Finding(
            "head-hopping",
            hop["start"],
            hop["end"],
            f"This scene is in {character_names(ctx, order[:1])}'s head, and here it enters "
            f"{character_names(ctx, order[1:2])}'s: keep one POV per scene or add a scene break.",
            "warning",
            {
                "characters": order,
                "scene_start": scene.start,
                "scene_end": scene.end,
                "evidence": [{k: e[k] for k in ("start", "end", "kind", "character")} for e in evidence[:12]],
            },
        )
