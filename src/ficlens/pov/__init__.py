"""Stage 'pov': per scene, the narration's person and whose point of view it is told from.

``scene.person`` comes from pronoun counts in narration; ``scene.pov`` from an explicit label
("Harry's POV"), the narrator (first person), or the character with the most interiority evidence
(third person): ``"mixed"`` when two characters both have substantial interiority (head-hopping),
``"omniscient"`` when that is the narrator's design (narrator commentary, or interiority spread
evenly over three or more characters), ``"external"`` when nobody has enough.
``scene.pov_evidence`` keeps the spans that decided it.
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens.model import Scene, Work
from ficlens.options import Options
from ficlens.pov.cast import PRONOUN_GENDER, cast_index
from ficlens.pov.evidence import interiority_evidence
from ficlens.pov.labels import scene_label
from ficlens.pov.omniscient import commentary_evidence, is_omniscient
from ficlens.pov.person import pronoun_counts, scene_person

WEIGHTS = {"thought_verb": 1.0, "feeling": 1.0, "perception": 0.75, "thought": 1.0, "fid": 0.5}
POV_MIN = 2.0  # a scene needs this much interiority for one character to be "theirs"
SECOND_MIN = 3.0  # ... and a second character this much to make the scene "mixed"
SECOND_SHARE = 0.5  # ... provided it is at least this share of the leader's
CARRY_MIN = 1.0  # an "external" scene with this much for the work's main POV is theirs
NOT_INTERIORITY = frozenset({"label", "commentary", "continuity"})  # evidence kinds that are nobody's mind
SINGLE_POV_SHARE = 0.8  # one character with this share of decided scenes: a single-POV work
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
        if item["kind"] not in NOT_INTERIORITY and item.get("character"):
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
        evidence = _credit_label(work, cast, scene, label, evidence)
    scene.person = person
    scores = interiority_scores(evidence)
    scene.pov = decide_pov(person, scores, label, narrator, narrator_id(work, "reader"))
    commentary: list[dict] = []
    if scene.pov == "mixed":
        commentary = commentary_evidence(work, scene.start, scene.end)[:5]
        if is_omniscient(scores, commentary, POV_MIN):
            scene.pov = "omniscient"  # in several heads by design: not head-hopping
    scene.pov_evidence = ([label] if label else []) + commentary + _balanced(evidence)


_LEADING_PRONOUN = re.compile(r"(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir)\b")


def _credit_label(work: Work, cast, scene: Scene, label: dict, evidence: list[dict]) -> list[dict]:
    """Give the label's character the pronoun interiority a reader gives them.

    After "~*Draco's PoV*~" a reader reads "He hated the cold" as Draco, whoever was named last
    before the break; so a pronoun cue goes to the label's character (its id, or the label's name
    when nobody in the cast matches) until someone else of that gender is a named subject in it.
    """
    who = label["character"] or label["name"]
    gender = cast.gender.get(label["character"] or "")
    credited = []
    for item in evidence:
        if _LEADING_PRONOUN.match(work.text, item["start"]) and item["kind"] != "thought":
            named = cast.subjects_in(scene.start, item["start"])
            pronoun_gender = PRONOUN_GENDER.get(work.text[item["start"] : item["start"] + 5].split()[0].lower())
            rivals = [c for c in named if c != label["character"] and cast.gender.get(c) == pronoun_gender]
            if not rivals and (gender is None or gender == pronoun_gender):
                item = {**item, "character": who}
        credited.append(item)
    return credited


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
    carry_single_pov_work(work, work.scenes)


_FIRST_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")


def _opens_on_pronoun_of(work: Work, cast, scene: Scene, main: str) -> bool:
    """The scene's first pronoun has ``main``'s gender and no one of that gender is named before it:
    a reader takes "In Afghanistan, he wears his watch" to be the work's POV character."""
    match = _FIRST_PRONOUN.search(work.text, scene.start, min(scene.end, scene.start + 400))
    gender = cast.gender.get(main)
    if not match or gender is None or PRONOUN_GENDER.get(match.group(0).lower()) != gender:
        return False
    before = cast.named_in(scene.start, match.start())
    return not any(cast.gender.get(c) == gender for c in before)


def carry_single_pov_work(work: Work, scenes: list[Scene]) -> None:
    """In a work told from one character's POV almost throughout, a quiet scene is theirs too.

    When one character holds at least SINGLE_POV_SHARE of the scenes with a verdict, a third-person
    "external" scene with nobody else's interiority goes to them if they are named in it, or nobody
    is named and the last scene with a verdict was theirs (short close-third scenes split by blank
    lines rarely repeat "John thought"). The scene gets a ``continuity`` evidence span.
    """
    won = Counter(s.pov for s in scenes if s.pov not in (None, "external", "mixed", "omniscient"))
    if not won:
        return
    main, count = won.most_common(1)[0]
    if count < 3 or count < SINGLE_POV_SHARE * sum(won.values()):
        return
    cast = cast_index(work)
    previous = None
    for scene in scenes:
        if scene.pov == "external" and scene.person in ("third", None):
            scores = interiority_scores(scene.pov_evidence)
            named = cast.named_in(scene.start, scene.end)
            # another head counts only if named here: a pronoun reaching back past the break is the
            # resolver's guess, not the reader's
            others = [c for c, v in scores.items() if c != main and v >= CARRY_MIN and c in named]
            if not others and (
                main in named
                or (not named and previous == main)
                or _opens_on_pronoun_of(work, cast, scene, main)
            ):
                span = next(
                    ((s, e) for s, e, c in cast.named_mentions if c == main and scene.start <= s < scene.end),
                    (scene.start, scene.start),
                )
                scene.pov = main
                scene.pov_evidence.insert(
                    0, {"start": span[0], "end": span[1], "kind": "continuity", "character": main}
                )
        if scene.pov != "external":
            previous = scene.pov
