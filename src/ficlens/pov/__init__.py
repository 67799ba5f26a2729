"""Stage 'pov': per scene, the narration's person and whose point of view it is told from.

``scene.person`` comes from pronoun counts in narration; ``scene.pov`` from an explicit label
("Harry's POV"), the narrator (first person), or the character with the most interiority evidence
(third person): ``"mixed"`` when two characters both have substantial interiority (head-hopping),
``"external"`` when nobody has enough. ``scene.pov_evidence`` keeps the spans that decided it.
"""

from __future__ import annotations

from collections import Counter

from ficlens.model import Scene, Work
from ficlens.options import Options
from ficlens.pov.cast import cast_index
from ficlens.pov.evidence import interiority_evidence
from ficlens.pov.labels import scene_label
from ficlens.pov.person import pronoun_counts, scene_person

WEIGHTS = {"thought_verb": 1.0, "feeling": 1.0, "perception": 0.75, "thought": 1.0, "fid": 0.5}
POV_MIN = 2.0  # a scene needs this much interiority for one character to be "theirs"
SECOND_MIN = 3.0  # ... and a second character this much to make the scene "mixed"
SECOND_SHARE = 0.5  # ... provided it is at least this share of the leader's
CARRY_MIN = 1.0  # an "external" scene with this much for the work's main POV is theirs
MAX_EVIDENCE = 40  # spans kept per scene in the JSON (all of them are counted)

__all__ = ["analyze_scene", "interiority_scores", "narrator_id", "run"]


def narrator_id(work: Work, origin: str = "narrator") -> str | None:
    """The first-person narrator's (or, with ``origin="reader"``, the second-person reader's)
    character id from the characters stage, if known."""
    for char in work.characters:
        if char.origin == origin:
            return char.id
    for mention in work.mentions:
        if mention.kind == origin and mention.character:
            return mention.character
    return None


def interiority_scores(evidence: list[dict]) -> Counter[str]:
    """Weighted interiority per character."""
    scores: Counter[str] = Counter()
    for item in evidence:
        if item["kind"] != "label":
            scores[item["character"]] += WEIGHTS.get(item["kind"], 1.0)
    return scores


def decide_pov(
    person: str | None,
    scores: Counter[str],
    label: dict | None,
    narrator: str | None,
    reader: str | None = None,
) -> str:
    """The POV verdict from the label, narrator or interiority scores."""
    if label:
        return label["character"] or "external"  # a POV label naming someone outside the cast
    if person == "first" and narrator:
        return narrator
    if person == "second" and reader:
        return reader
    ranked = scores.most_common()
    if not ranked or ranked[0][1] < POV_MIN:
        return "external" if person != "first" else (narrator or "external")
    if len(ranked) > 1 and ranked[1][1] >= SECOND_MIN and ranked[1][1] >= SECOND_SHARE * ranked[0][1]:
        return "mixed"
    return ranked[0][0]


def _balanced(evidence: list[dict]) -> list[dict]:
    """At most MAX_EVIDENCE spans, the first few of every character (so head-hopping shows)."""
    if len(evidence) <= MAX_EVIDENCE:
        return evidence
    chars = {e["character"] for e in evidence}
    per_char = max(3, MAX_EVIDENCE // len(chars))
    seen: Counter[str] = Counter()
    kept = []
    for item in evidence:
        seen[item["character"]] += 1
        if seen[item["character"]] <= per_char:
            kept.append(item)
    return kept


def analyze_scene(work: Work, scene: Scene) -> None:
    """Fill ``person``, ``pov`` and ``pov_evidence`` of one scene."""
    cast = cast_index(work)
    narrator = narrator_id(work)
    person = scene_person(pronoun_counts(work, scene.start, scene.end))
    evidence = interiority_evidence(
        work, cast, scene.start, scene.end, narrator=narrator if person == "first" else None
    )
    label = scene_label(work, cast, scene)
    scene.person = person
    scene.pov = decide_pov(person, interiority_scores(evidence), label, narrator, narrator_id(work, "reader"))
    scene.pov_evidence = ([label] if label else []) + _balanced(evidence)


def carry_main_pov(work: Work, scenes: list[Scene]) -> None:
    """Give a weakly-evidenced external scene to the work's main POV character.

    Close-third fan fiction stays with one character for most of the work; a short scene with one
    "John thinks" and nobody else's interiority is a reader's John scene too.
    """
    won = Counter(s.pov for s in scenes if s.pov not in (None, "external", "mixed"))
    if not won:
        return
    main, count = won.most_common(1)[0]
    if count < max(2, len(won) and sum(won.values()) // 2):
        return
    for scene in scenes:
        if scene.pov != "external" or scene.person not in ("third", None):
            continue
        scores = interiority_scores(scene.pov_evidence)
        others = [c for c, v in scores.items() if c != main and v >= CARRY_MIN]
        if scores.get(main, 0) >= CARRY_MIN and not others:
            scene.pov = main


def run(work: Work, options: Options) -> None:
    """Person, POV and evidence for every scene in ``work.scenes``."""
    for scene in work.scenes:
        analyze_scene(work, scene)
    carry_main_pov(work, work.scenes)
