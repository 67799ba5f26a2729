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
    assert work.scenes[1].pov == "external"  # labelled for someone outside the cast
