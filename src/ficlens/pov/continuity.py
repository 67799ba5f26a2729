"""POV carried across scenes: a quiet scene in a work told from one head belongs to that head.

Close-third fan fiction stays with one character for most of the work, and short scenes split by
blank lines rarely repeat "John thought"; a reader still knows whose scene it is.
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens.model import Scene, Work
from ficlens.pov.cast import PRONOUN_GENDER, cast_index
from ficlens.pov.scores import interiority_scores

CARRY_MIN = 1.0  # an "external" scene with this much for the work's main POV is theirs
SINGLE_POV_SHARE = 0.8  # one character with this share of decided scenes: a single-POV work
NO_CHARACTER = frozenset({None, "external", "mixed", "omniscient"})  # verdicts that are nobody


def carry_main_pov(work: Work, scenes: list[Scene]) -> None:
    """Give a weakly-evidenced external scene to the work's main POV character.

    Close-third fan fiction stays with one character for most of the work; a short scene with one
    "John thinks" and nobody else's interiority is a reader's John scene too.
    """
    won = Counter(s.pov for s in scenes if s.pov not in NO_CHARACTER)
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


_PRONOUN_LED = re.compile(r"(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir)\b")


def _pronoun_only_to_main(work: Work, scene: Scene, main: str) -> None:
    """Give a scene back to the work's POV character when its rival head rests on pronouns alone.

    "He kips on Sherlock's sofa. ... He's not sure" resolves "He" to Sherlock, but a reader of a
    John-POV work reads John. If every cue for the scene's verdict is a pronoun of the main
    character's gender ("He wonders", never "Sherlock wonders"), there is no label, and before each
    cue the rival is not a named subject in the scene (or has the other gender) or the main
    character has interiority here too, the cues and the scene go to the main character. A real
    switch at a break names its new head ("Sherlock paced. He knew") or labels it, and is kept.
    """
    rival = scene.pov
    cues = [e for e in scene.pov_evidence if e.get("character") == rival]
    if any(e["kind"] == "label" for e in scene.pov_evidence) or not cues:
        return
    cast = cast_index(work)
    main_here = interiority_scores(scene.pov_evidence).get(main, 0) >= CARRY_MIN
    for cue in cues:
        if cue["kind"] == "fid":
            continue
        pronoun = _PRONOUN_LED.match(work.text, cue["start"])
        if not pronoun:
            return
        gender = PRONOUN_GENDER.get(pronoun.group(0).lower())
        if cast.gender.get(main) not in (None, gender):
            return
        rival_fits = cast.gender.get(rival) in (None, gender)
        if rival_fits and not main_here and rival in cast.subjects_in(scene.start, cue["start"]):
            return
    scene.pov_evidence = [{**e, "character": main} if e in cues else e for e in scene.pov_evidence]
    scene.pov = main


def carry_single_pov_work(work: Work, scenes: list[Scene]) -> None:
    """In a work told from one character's POV almost throughout, a quiet scene is theirs too.

    When one character holds at least SINGLE_POV_SHARE of the scenes with a verdict, a third-person
    "external" scene with nobody else's interiority goes to them if they are named in it, or nobody
    is named and the last scene with a verdict was theirs (short close-third scenes split by blank
    lines rarely repeat "John thought"). The scene gets a ``continuity`` evidence span. A scene
    given to someone else on pronoun cues alone goes back to them (:func:`_pronoun_only_to_main`).
    """
    won = Counter(s.pov for s in scenes if s.pov not in NO_CHARACTER)
    if not won:
        return
    main, count = won.most_common(1)[0]
    if count < 3 or count < SINGLE_POV_SHARE * sum(won.values()):
        return
    cast = cast_index(work)
    previous = None
    for scene in scenes:
        if scene.pov not in NO_CHARACTER and scene.pov != main and scene.person in ("third", None):
            _pronoun_only_to_main(work, scene, main)
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
