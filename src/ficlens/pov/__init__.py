"""Stage 'pov': per scene, the narration's person and whose point of view it is told from.

``scene.person`` comes from pronoun counts in narration; ``scene.pov`` from an explicit label
("Harry's POV"), the narrator (first person), or the character with the most interiority evidence
(third person): ``"mixed"`` when two characters both have substantial interiority (head-hopping),
``"omniscient"`` when that is the narrator's design (narrator commentary, or interiority spread
evenly over three or more characters), ``"external"`` when nobody has enough.
``scene.pov_evidence`` keeps the spans that decided it.
"""

from __future__ import annotations

from collections import Counter

from ficlens.model import Scene, Work
from ficlens.options import Options
from ficlens.pov.cast import cast_index
from ficlens.pov.continuity import carry_main_pov, carry_single_pov_work
from ficlens.pov.evidence import interiority_evidence
from ficlens.pov.labels import credit_label, scene_label
from ficlens.pov.omniscient import commentary_evidence, is_omniscient
from ficlens.pov.person import pronoun_counts, scene_person
from ficlens.pov.scores import interiority_scores

POV_MIN = 2.0  # a scene needs this much interiority for one character to be "theirs"
SECOND_MIN = 3.0  # ... and a second character this much to make the scene "mixed"
SECOND_SHARE = 0.5  # ... provided it is at least this share of the leader's
MAX_EVIDENCE = 40  # spans kept per scene in the JSON (all of them are counted)

__all__ = ["analyze_scene", "interiority_scores", "narrator_id", "run"]


def narrator_id(work: Work, origin: str = "narrator") -> str | None:
    """The first-person narrator's (or, with ``origin="reader"``, the second-person reader's)
    character id from the characters stage, if known (cached per run: it scans every mention)."""
    key = f"pov.{origin}"
    if key not in work.runtime:
        work.runtime[key] = _find_origin(work, origin)
    return work.runtime[key]


def _find_origin(work: Work, origin: str) -> str | None:
    for char in work.characters:
        if char.origin == origin:
            return char.id
    for mention in work.mentions:
        if mention.kind == origin and mention.character:
            return mention.character
    return None


def decide_pov(
    person: str | None,
    scores: Counter[str],
    label: dict | None,
    narrator: str | None,
    reader: str | None = None,
) -> str:
    """The POV verdict from the label, narrator or interiority scores."""
    if label:
        # A label is the writer's own word: with nobody in the cast to match, keep the name itself.
        return label["character"] or label.get("name") or "external"
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
    if label and person != "first":
        evidence = credit_label(work, cast, scene, label, evidence)
    scene.person = person
    scores = interiority_scores(evidence)
    scene.pov = decide_pov(person, scores, label, narrator, narrator_id(work, "reader"))
    commentary: list[dict] = []
    if scene.pov == "mixed":
        commentary = commentary_evidence(work, scene.start, scene.end)[:5]
        if is_omniscient(scores, commentary, POV_MIN):
            scene.pov = "omniscient"  # in several heads by design: not head-hopping
    scene.pov_evidence = ([label] if label else []) + commentary + _balanced(evidence)


def run(work: Work, options: Options) -> None:
    """Person, POV and evidence for every scene in ``work.scenes``."""
    for scene in work.scenes:
        analyze_scene(work, scene)
    carry_main_pov(work, work.scenes)
    carry_single_pov_work(work, work.scenes)
