"""POV per scene on texts written for these tests (hand-built layers, no upstream stages)."""

from __future__ import annotations

import re

from ficlens.model import Break, Character, Scene, Work
from ficlens.options import Options
from ficlens.pov import run as run_pov
from ficlens.pov.labels import label_name

HOLMES = Character(id="holmes", name="Sherlock Holmes", aliases=["Holmes"], gender="male", pronouns="he/him")
WATSON = Character(id="watson", name="John Watson", aliases=["Watson"], gender="male", pronouns="he/him")
MARY = Character(id="mary", name="Mary Morstan", aliases=["Mary"], gender="female", pronouns="she/her")

WATSON_SCENE = (
    "Watson climbed the stairs slowly. His leg ached in the cold. He wondered whether Holmes had eaten "
    "at all that day. He noticed the violin lying on the floor, and he realised it had been thrown. "
    "Was the man ever going to learn? Watson felt a familiar worry settle in his chest.\n\n"
    "Holmes did not look up from the microscope.\n"
)
HOLMES_SCENE = (
    "Holmes heard the door close behind the doctor. He knew, without turning, that Watson had seen the "
    "violin. He felt the old irritation rise. Sentiment again! Holmes thought of the case instead, and "
    "decided the ledger was the key.\n"
)
MIXED_SCENE = (
    "Mary wondered why the doctor looked so tired. She noticed his hands shaking, and she felt afraid "
    "for him. "
    "Watson knew she was watching him. He felt ashamed of the tremor. He wondered what she had guessed. "
    "She realised he would never tell her. He thought she deserved better.\n"
)
EXTERNAL_SCENE = (
    "The carriage stopped outside the house. Mary stepped down and Watson paid the driver. "
    "They walked to the door together. The lamp in the window was lit.\n"
)
FIRST_SCENE = (
    "I had not seen Holmes for three days. I knew he was working, and I thought it best to leave him be. "
    "My leg ached in the cold, and I wondered whether he had eaten.\n"
)
SECOND_SCENE = (
    "You step into the library and Y/N, the name on your letter, feels strange on your tongue. "
    "You wonder whether Holmes will remember you. Your hands are cold, and you tuck them into your coat.\n"
)


def build(*scenes: str, chars=(HOLMES, WATSON, MARY), breaks: list[tuple[str, str]] | None = None) -> Work:
    """A Work whose scenes are the given texts separated by '* * *' lines."""
    text, spans, brk = "", [], []
    for i, body in enumerate(scenes):
        if i:
            glyph = "\n* * *\n\n"
            brk.append(Break(len(text) + 1, len(text) + 6, "glyph", "* * *"))
            text += glyph
        start = len(text)
        text += body
        spans.append(Scene(start, len(text), chapter=0, break_kind="glyph" if i else None))
    return Work(text=text, scenes=spans, breaks=brk, characters=list(chars))


def test_switch_at_break_is_caught() -> None:
    work = build(WATSON_SCENE, HOLMES_SCENE)
    run_pov(work, Options())
    assert [s.person for s in work.scenes] == ["third", "third"]
    assert [s.pov for s in work.scenes] == ["watson", "holmes"]
    kinds = {e["kind"] for e in work.scenes[0].pov_evidence}
    assert {"thought_verb", "perception", "feeling"} <= kinds
    assert any(e["kind"] == "fid" for e in work.scenes[0].pov_evidence)
    for e in work.scenes[1].pov_evidence:
        assert work.scenes[1].start <= e["start"] < e["end"] <= work.scenes[1].end


def test_head_hopping_scene_is_mixed() -> None:
    work = build(MIXED_SCENE)
    run_pov(work, Options())
    assert work.scenes[0].pov == "mixed"
    assert {e["character"] for e in work.scenes[0].pov_evidence} == {"mary", "watson"}


def test_external_scene() -> None:
    work = build(EXTERNAL_SCENE)
    run_pov(work, Options())
    assert work.scenes[0].person == "third"
    assert work.scenes[0].pov == "external"


def test_first_person_scene_uses_narrator() -> None:
    narrator = Character(id="narrator", name="I", origin="narrator", gender="male")
    work = build(FIRST_SCENE, chars=(HOLMES, narrator))
    run_pov(work, Options())
    assert work.scenes[0].person == "first"
    assert work.scenes[0].pov == "narrator"


def test_second_person_scene() -> None:
    work = build(SECOND_SCENE)
    run_pov(work, Options())
    assert work.scenes[0].person == "second"


def test_dialogue_pronouns_do_not_change_person() -> None:
    body = (
        '"I think I know what I want," Mary said. "I am sure of it." Watson nodded. He looked at her '
        "and he smiled. She turned away.\n"
    )
    work = build(body)
    run_pov(work, Options())
    assert work.scenes[0].person == "third"


def test_explicit_label_break_decides_pov() -> None:
    label = "~*Sherlock's PoV*~"
    body = f"{label}\n\n{EXTERNAL_SCENE}"
    work = build(body)
    work.breaks.append(Break(0, len(label), "label"))
    run_pov(work, Options())
    assert work.scenes[0].pov == "holmes"
    assert work.scenes[0].pov_evidence[0]["kind"] == "label"


def test_label_without_structure_break() -> None:
    work = build("[John's POV]\n" + EXTERNAL_SCENE)
    run_pov(work, Options())
    assert work.scenes[0].pov == "watson"


def test_label_name_parsing() -> None:
    assert label_name("Harry's POV") == "Harry"
    assert label_name("~*Draco's PoV*~") == "Draco"
    assert label_name("[Sherlock's POV]") == "Sherlock"
    assert label_name("He looked at the POV of the map and went on walking") is None


def test_pronoun_resolves_to_last_same_gender_name() -> None:
    work = build(
        "Mary sat by the fire while Watson read. She wondered about the letter. "
        "She thought it was from her mother. She realised she was afraid to open it.\n"
    )
    run_pov(work, Options())
    assert work.scenes[0].pov == "mary"
    assert all(e["character"] == "mary" for e in work.scenes[0].pov_evidence)


def test_no_scenes_no_characters_is_harmless() -> None:
    work = Work(text="Nothing but words here.")
    run_pov(work, Options())
    assert work.scenes == []
    work = build(WATSON_SCENE, chars=())
    run_pov(work, Options())
    assert work.scenes[0].pov == "external"


def test_through_analyze() -> None:
    from ficlens import analyze

    work = analyze(WATSON_SCENE + "\n* * *\n\n" + HOLMES_SCENE)
    for scene in work.scenes:
        assert scene.person in ("first", "second", "third", None)
        assert scene.pov is None or isinstance(scene.pov, str)
    assert re.search("Watson", work.text)


def test_second_person_scene_uses_reader_character() -> None:
    reader = Character(id="reader", name="Y/N", origin="reader")
    work = build(SECOND_SCENE, chars=(HOLMES, reader))
    run_pov(work, Options())
    assert (work.scenes[0].person, work.scenes[0].pov) == ("second", "reader")


def test_inferred_minds_are_not_interiority() -> None:
    body = (
        "Watson watched his friend. Holmes smiled as if he knew the answer already. Watson was glad when "
        "Holmes decided to eat. He wondered whether Holmes had slept. Watson felt tired.\n"
    )
    work = build(body)
    run_pov(work, Options())
    assert {e["character"] for e in work.scenes[0].pov_evidence} == {"watson"}
    assert work.scenes[0].pov == "watson"


def test_each_scene_takes_its_own_label() -> None:
    first = "Sherlock's POV"
    second = "[Lestrade's POV]"
    text = f"{first}\n\n{EXTERNAL_SCENE}\n{second}\n\n{WATSON_SCENE}"
    s1 = len(first) + 2
    b2 = text.index(second)
    s2 = b2 + len(second) + 2
    work = Work(
        text=text,
        scenes=[Scene(s1, b2), Scene(s2, len(text), break_kind="label")],
        breaks=[Break(0, len(first), "label"), Break(b2, b2 + len(second), "label")],
        characters=[HOLMES, WATSON, MARY],
    )
    run_pov(work, Options())
    assert work.scenes[0].pov == "holmes"
    label = work.scenes[1].pov_evidence[0]
    assert (label["kind"], label["character"], label["name"]) == ("label", None, "Lestrade")
    # labelled for someone outside the cast: the writer's label still says whose POV it is
    assert work.scenes[1].pov == "Lestrade"


def _labelled(label: str, body: str, chars=(HOLMES, WATSON, MARY)) -> Work:
    text = f"{label}\n\n{body}"
    return Work(
        text=text,
        scenes=[Scene(len(label) + 2, len(text), chapter=0)],
        breaks=[Break(0, len(label), "label")],
        characters=list(chars),
    )


def test_label_matches_a_character_by_first_name_or_prefix() -> None:
    draco = Character(id="draco", name="Draco Malfoy", aliases=["Malfoy"], gender="male")
    harry = Character(id="harry", name="Harry Potter", aliases=["Potter"], gender="male")
    for label in ("~*Draco's PoV*~", "Draco M. POV", "~Drac's POV~"):
        work = _labelled(label, EXTERNAL_SCENE, chars=(draco, harry))
        run_pov(work, Options())
        assert work.scenes[0].pov == "draco", label
        assert work.scenes[0].pov_evidence[0]["character"] == "draco"


def test_label_outside_the_cast_keeps_the_name_not_external() -> None:
    work = _labelled("~*Draco's PoV*~", EXTERNAL_SCENE)
    run_pov(work, Options())
    assert work.scenes[0].pov == "Draco"
    assert work.scenes[0].pov_evidence[0]["name"] == "Draco"


OMNISCIENT_EVEN = (
    "Mary wondered why the doctor looked so tired, and she felt afraid for him. She realised he would "
    "never tell her. Watson knew she was watching him. He felt ashamed of the tremor, and he wondered "
    "what she had guessed. Holmes, by the fire, knew exactly what both of them feared. He thought "
    "them both fools, and he felt, to his surprise, a little fond of them.\n"
)


def test_narrator_commentary_makes_a_many_heads_scene_omniscient() -> None:
    work = build("Our heroine, dear reader, was not yet aware of her danger. " + MIXED_SCENE)
    run_pov(work, Options())
    assert work.scenes[0].pov == "omniscient"
    kinds = [e["kind"] for e in work.scenes[0].pov_evidence]
    assert "commentary" in kinds


def test_interiority_spread_evenly_over_three_heads_is_omniscient() -> None:
    work = build(OMNISCIENT_EVEN)
    run_pov(work, Options())
    assert work.scenes[0].pov == "omniscient"


def test_two_heads_without_commentary_stay_mixed() -> None:
    work = build(MIXED_SCENE)
    run_pov(work, Options())
    assert work.scenes[0].pov == "mixed"
    assert not [e for e in work.scenes[0].pov_evidence if e["kind"] == "commentary"]


QUIET_WATSON = "Watson paid the driver and carried the bags up to the door. The lamp was lit.\n"
QUIET_HE = "In the morning he walked to the surgery. The streets were wet and grey.\n"


def test_quiet_scene_in_a_single_pov_work_is_that_characters() -> None:
    work = build(WATSON_SCENE, WATSON_SCENE, WATSON_SCENE, QUIET_WATSON, QUIET_HE)
    run_pov(work, Options())
    assert [s.pov for s in work.scenes] == ["watson"] * 5
    continuity = work.scenes[3].pov_evidence[0]
    assert continuity["kind"] == "continuity"
    assert work.text[continuity["start"] : continuity["end"]] == "Watson"


def test_quiet_scene_stays_external_when_the_work_has_several_povs() -> None:
    work = build(WATSON_SCENE, HOLMES_SCENE, WATSON_SCENE, HOLMES_SCENE, QUIET_WATSON)
    run_pov(work, Options())
    assert work.scenes[-1].pov == "external"


def test_quiet_scene_naming_only_someone_else_stays_external() -> None:
    work = build(WATSON_SCENE, WATSON_SCENE, WATSON_SCENE, EXTERNAL_SCENE.replace("Watson", "the doctor"))
    run_pov(work, Options())
    assert work.scenes[-1].pov == "external"


LABELLED_STORY = """The Long Way Round

~*Harry's PoV*~

Harry Potter walked down the corridor towards the Great Hall. He wondered whether Hermione had \
finished the essay. He felt tired, and his scar ached. Ron Weasley caught up with him at the stairs.

"Did you sleep?" Ron asked.

"Not really," Harry said. He realised he had not eaten since lunch.

~*Draco's PoV*~

The dungeons were cold. He hated the cold. He knew that Potter would be at the match, and he \
wondered whether the Gryffindors would lose. The thought pleased him more than it should have.

~*Harry's PoV*~

Harry sat by the fire. He thought about the match, and he felt the old nerves rise in his stomach.
"""


def test_label_outside_the_cast_end_to_end() -> None:
    """Draco is never named in narration, so the cast misses him: the label still decides, and the
    label's scene credits its "He knew" to him, not to Harry named before the break."""
    import ficlens

    work = ficlens.analyze(LABELLED_STORY)
    harry = next(c.id for c in work.characters if c.name == "Harry Potter")
    assert [s.pov for s in work.scenes] == [harry, "Draco", harry]
    draco_scene = work.scenes[1]
    cues = [e for e in draco_scene.pov_evidence if e["kind"] != "label"]
    assert cues and all(e["character"] == "Draco" for e in cues)
    assert not [f for f in work.findings if f.rule == "head-hopping"]


def test_narrators_we_makes_a_two_heads_scene_omniscient_but_dialogue_we_does_not() -> None:
    narrated = build("We must now follow the doctor home, and we shall see what he hid. " + MIXED_SCENE)
    run_pov(narrated, Options())
    assert narrated.scenes[0].pov == "omniscient"
    spoken = build('"We should go," said Mary. "We are late." ' + MIXED_SCENE)
    run_pov(spoken, Options())
    assert spoken.scenes[0].pov == "mixed"


def test_pronoun_only_rival_in_a_single_pov_work_goes_back_to_the_pov_character() -> None:
    # "He" resolves to Holmes, the last man named as a subject before the break; a reader of a
    # Watson-POV work reads Watson.
    sofa = "He slept on Holmes's sofa that night. He was not sure why he stayed. He wondered about it.\n"
    work = build(WATSON_SCENE, WATSON_SCENE, WATSON_SCENE, WATSON_SCENE, sofa)
    run_pov(work, Options())
    assert work.scenes[-1].pov == "watson"
    assert {e["character"] for e in work.scenes[-1].pov_evidence} == {"watson"}


def test_named_switch_at_a_break_in_a_single_pov_work_is_kept() -> None:
    switch = "Holmes paced the room. He knew the doctor was lying. He wondered why, and he felt cold.\n"
    work = build(WATSON_SCENE, WATSON_SCENE, WATSON_SCENE, WATSON_SCENE, switch)
    run_pov(work, Options())
    assert work.scenes[-1].pov == "holmes"
