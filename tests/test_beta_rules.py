"""Every beta-reader rule on a text of our own where it must fire, and one where it must not."""

from __future__ import annotations

from ficlens.beta import RULES, run
from ficlens.model import Character, Note, Paragraph, Quote, Scene, Work
from ficlens.options import Options

ANNA = Character("anna", "Anna Price", ["Anna"], "female", "she/her")
BEN = Character("ben", "Ben Hale", ["Ben"], "male", "he/him")
CARL = Character("carl", "Carl Moss", ["Carl"], "male", "he/him")
DORA = Character("dora", "Dora Lane", ["Dora"], "female", "she/her")
CAST = [ANNA, BEN, CARL, DORA]


def findings(text: str, rule: str, chars=CAST, **layers) -> list:
    work = Work(text=text, characters=list(chars), **layers)
    run(work, Options())
    return [f for f in work.findings if f.rule == rule]


def kinds(found: list) -> list[str]:
    return [f.data.get("kind") for f in found]


# -- said-bookisms / action-beat-as-tag ---------------------------------------------------------


def test_said_bookisms_fire_on_hissed_and_adverbs() -> None:
    text = '"Get out," Anna hissed.\n"Fine," Ben said sulkily.\n"Good," she said.\n'
    found = findings(text, "said-bookisms")
    assert kinds(found) == ["bookism", "adverb"]
    assert text[found[0].start : found[0].end] == "Anna hissed"
    assert found[0].data["verb"] == "hissed"


def test_said_bookisms_quiet_on_said_and_asked() -> None:
    text = '"Get out," Anna said.\n"Why?" Ben asked.\n"Because," she whispered.\n'
    assert findings(text, "said-bookisms") == []


def test_action_beat_as_tag_both_orders() -> None:
    text = '"Hello," he smiled.\nAnna shrugged, "Maybe."\n'
    found = findings(text, "action-beat-as-tag")
    assert [f.data["position"] for f in found] == ["after", "before"]


def test_action_beat_punctuated_as_beat_is_fine() -> None:
    text = '"Hello." He smiled.\nAnna shrugged. "Maybe."\nBen turned to her and said, "Fine."\n'
    assert findings(text, "action-beat-as-tag") == []


# -- dialogue-punctuation -----------------------------------------------------------------------


def test_dialogue_punctuation_errors() -> None:
    text = (
        '"Hello." she said.\n"Hi," She said.\n"What?" he turned away.\n'
        '"One," he said. "Two," he said. "Three," he said. "Four", he said.\n'
    )
    found = findings(text, "dialogue-punctuation")
    assert kinds(found) == [
        "period_before_tag",
        "capitalised_tag",
        "lowercase_after_question",
        "mixed_comma_style",
    ]
    assert found[-1].data["majority"] == "inside"


def test_dialogue_punctuation_clean_text() -> None:
    text = (
        '"Hello," she said.\n"What?" he asked.\n"Go." He turned away.\n'
        '"Fine," Anna said. "Then go," Ben said.\n'
    )
    assert findings(text, "dialogue-punctuation") == []


# -- in-body-note -------------------------------------------------------------------------------


def test_in_body_note_from_structure_notes() -> None:
    text = "Chapter 1\n\nA/N: Sorry for the wait!\n\nAnna ran.\n"
    start = text.index("A/N")
    notes = [Note(start, start + 24, "author_note", chapter=0), Note(0, 9, "chapter_notes", chapter=0)]
    paragraphs = [
        Paragraph(0, 9, "heading"),
        Paragraph(start, start + 24, "note"),
        Paragraph(text.index("Anna"), len(text) - 1),
    ]
    found = findings(text, "in-body-note", notes=notes, paragraphs=paragraphs)
    assert [(f.start, f.data["kind"]) for f in found] == [(start, "author_note")]


def test_in_body_note_plain_text_fallback_and_quiet() -> None:
    assert len(findings("Anna ran.\n\n(A/N: Thanks for reading!)\n", "in-body-note")) == 1
    assert findings("Anna ran. She said an author's note was silly.\n", "in-body-note") == []


# -- repetition ---------------------------------------------------------------------------------


def test_repetition_of_a_content_word_and_openings() -> None:
    text = (
        "The lamp was bright. We sat by the lamp for an hour. Later the lamp glowed.\n"
        "Slowly the rain fell. Slowly the wind rose. Slowly the night came.\n"
    )
    found = findings(text, "repetition")
    assert sorted(kinds(found)) == ["opening", "word"]
    assert any(f.data.get("word") == "lamp" for f in found)
    assert any(f.data.get("opening") == "slowly" for f in found)


def test_repetition_never_flags_names_pronouns_or_stopwords() -> None:
    text = (
        "Anna looked at Ben and Ben looked at Anna, and Anna smiled because Ben was there. "
        "She said he was here. She said he was fine. She said he was home.\n"
    )
    assert findings(text, "repetition") == []


def test_repetition_of_a_phrase_close_together() -> None:
    text = (
        "Anna crossed the kitchen and put the kettle on the stove. A cold wind came through the "
        "broken window, and she pulled her cardigan tighter while the water began to murmur. Ben "
        "came down the stairs with the post in his hands and sat at the table without a word. "
        "Outside, a cold wind was shaking the hedge.\n"
    )
    found = [f for f in findings(text, "repetition") if f.data.get("kind") == "phrase"]
    assert [f.data["phrase"] for f in found] == ["cold wind"]
    first, second = found[0].data["spans"]
    assert text[first[0] : first[1]] == text[second[0] : second[1]] == "cold wind"


def test_phrase_repetition_skips_refrains_far_echoes_and_function_words() -> None:
    refrain = "He loves this city. He really loves this city, every brick of it.\n"
    filler = " ".join(f"Hour {i} went by." for i in range(40))  # 120 words, no phrase of its own
    far = f"A cold wind rose over the hill. {filler} A cold wind fell again at dusk.\n"
    function_words = (
        "Anna went out of the house and into the garden. Ben went out of the gate and into the lane.\n"
    )
    for text in (refrain, far, function_words):
        assert not [f for f in findings(text, "repetition") if f.data.get("kind") == "phrase"], text


# -- tense-drift --------------------------------------------------------------------------------

PAST = (
    "Anna walked to the door. She opened it and looked out. Ben stood on the step. He smiled at her. "
    "She felt the cold air. He held out a letter. She took it and turned it over. "
)


def test_tense_drift_fires_when_narration_slips_into_present() -> None:
    text = PAST + (
        "She reads the name. He waits. She knows the hand. He looks away. She sits down. He turns to go.\n"
    )
    found = findings(text, "tense-drift")
    assert len(found) == 1
    assert found[0].data["main"] == "past" and found[0].data["present"] >= 4


def test_tense_drift_quiet_in_consistent_past_and_in_dialogue() -> None:
    text = PAST + '"I know. I am here. He is late. She says no," Anna said. He nodded. She sighed.\n'
    assert findings(text, "tense-drift") == []


# -- epithets -----------------------------------------------------------------------------------


def test_epithets_for_named_characters() -> None:
    text = (
        "Ben Hale came in from the rain. The blond shook his coat. Anna watched the taller man cross "
        "the room. The blond sat. The older man said nothing, and the blond smiled.\n"
    )
    found = findings(text, "epithets")
    assert "rate" in kinds(found) and "stretch" in kinds(found)
    rate = next(f for f in found if f.data["kind"] == "rate")
    assert rate.data["count"] == 5


def test_epithet_before_the_name_is_known_is_fine() -> None:
    text = "The blond man came in from the rain. The older man shook his coat.\n"
    assert findings(text, "epithets") == []


def test_epithet_in_own_pov_scene() -> None:
    text = (
        "Ben wondered where Anna was. He thought about the letter. He knew she would be angry. "
        "The blond sighed.\n"
    )
    start = text.index("The blond")
    from ficlens.model import Mention

    mentions = [Mention(0, 3, "ben", "name"), Mention(start, start + 9, "ben", "epithet")]
    found = findings(text, "epithets", scenes=[Scene(0, len(text))], mentions=mentions)
    assert [f.data["kind"] for f in found] == ["own_pov"]


# -- unclear-speaker ----------------------------------------------------------------------------


def test_ambiguous_pronoun_tag() -> None:
    text = 'Ben and Carl sat at the table.\n"Pass the salt," he said.\n'
    found = findings(text, "unclear-speaker")
    assert kinds(found) == ["ambiguous_pronoun"]
    assert found[0].data["candidates"] == ["ben", "carl"]


def test_pronoun_tag_is_clear_with_one_man() -> None:
    text = 'Ben and Anna sat at the table.\n"Pass the salt," he said.\n'
    assert findings(text, "unclear-speaker") == []


def test_long_untagged_run_with_three_characters() -> None:
    text = (
        "Ben, Anna and Carl sat at the table.\n"
        '"Who took it?"\n"Not me."\n"Then who?"\n"Ask the cat."\n"Very funny."\n'
    )
    found = findings(text, "unclear-speaker")
    assert kinds(found) == ["untagged_run"]
    assert found[0].data["quotes"] == 5


def test_untagged_run_between_two_is_fine() -> None:
    text = (
        "Ben and Anna sat at the table.\n"
        '"Who took it?"\n"Not me."\n"Then who?"\n"Ask the cat."\n"Very funny."\n'
    )
    assert findings(text, "unclear-speaker") == []


def test_low_confidence_quote() -> None:
    text = 'Ben, Anna and Carl sat down.\n"Well?"\n"Fine," Anna said.\n'
    q1 = text.index('"Well?"')
    q2 = text.index('"Fine,"')
    quotes = [
        Quote(q1, q1 + 7, speaker="ben", confidence=0.1),
        Quote(q2, q2 + 7, speaker="anna", confidence=0.9),
    ]
    found = findings(text, "unclear-speaker", quotes=quotes)
    assert [(f.start, f.data["kind"]) for f in found] == [(q1, "low_confidence")]


# -- head-hopping -------------------------------------------------------------------------------


def test_head_hopping_in_mixed_scene() -> None:
    text = (
        "Anna wondered why Ben looked so tired. She noticed his hands shaking, and she felt afraid. "
        "Ben knew she was watching. He felt ashamed. He wondered what she had guessed. "
        "She realised he would never tell her. He thought she deserved better.\n"
    )
    found = findings(text, "head-hopping", scenes=[Scene(0, len(text))])
    assert len(found) == 1
    assert found[0].data["characters"] == ["anna", "ben"]
    assert text[found[0].start : found[0].end].startswith("Ben knew")


def test_single_pov_scene_is_not_head_hopping() -> None:
    text = (
        "Anna wondered why Ben looked so tired. She noticed his hands shaking, and she felt afraid. "
        "Ben sat down without a word. She realised he would never tell her.\n"
    )
    assert findings(text, "head-hopping", scenes=[Scene(0, len(text))]) == []


def test_omniscient_narrator_is_not_head_hopping() -> None:
    text = (
        "Our heroine, as the reader has guessed, was not yet aware of her danger. "
        "Anna wondered why Ben looked so tired. She noticed his hands shaking, and she felt afraid. "
        "Ben knew she was watching. He felt ashamed. He wondered what she had guessed. "
        "She realised he would never tell her. He thought she deserved better.\n"
    )
    assert findings(text, "head-hopping", scenes=[Scene(0, len(text))]) == []


# -- switching rules ----------------------------------------------------------------------------


def test_rules_can_be_disabled_and_enabled() -> None:
    text = '"Get out," Anna hissed.\n'
    work = Work(text=text, characters=list(CAST))
    run(work, Options(disabled_rules={"said-bookisms"}))
    assert not [f for f in work.findings if f.rule == "said-bookisms"]
    assert "said-bookisms" not in work.stats["beta"]["counts"]
    off = [r for r in RULES.values() if not r.default]
    for rule_obj in off:
        work = Work(text=text, characters=list(CAST))
        run(work, Options(enabled_rules={rule_obj.id}))
        assert rule_obj.id in work.stats["beta"]["counts"]


def test_every_rule_is_registered_with_a_summary() -> None:
    assert set(RULES) == {
        "unclear-speaker",
        "head-hopping",
        "epithets",
        "said-bookisms",
        "action-beat-as-tag",
        "dialogue-punctuation",
        "in-body-note",
        "tense-drift",
        "repetition",
    }
    assert all(r.summary for r in RULES.values())


def test_findings_json_round_trip() -> None:
    work = Work(text='"Get out," Anna hissed.\n', characters=list(CAST))
    run(work, Options())
    again = Work.from_json(work.to_json())
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in work.findings]
    assert work.stats["beta"]["said_bookism_ratio"] == 1.0


def test_pointed_out_is_speech_and_capital_narration_after_period_is_not_a_tag() -> None:
    text = '"It was you," Anna pointed out.\n"Fine." Anna offered him a cup.\n'
    assert findings(text, "action-beat-as-tag") == []
    assert findings(text, "dialogue-punctuation") == []


def test_conditional_past_is_not_tense_drift() -> None:
    text = (
        "Anna walks to the door. She opens it and looks out. Ben stands on the step. He smiles at her. "
        "She feels the cold air. He holds out a letter. If he knew, he would say. She wishes she had "
        "gone. If she ran, he would follow. She takes it and turns it over.\n"
    )
    assert findings(text, "tense-drift") == []


def test_repetition_skips_proper_nouns() -> None:
    text = "They drove to London. London was grey, and London was loud, and the rain fell on London.\n"
    assert findings(text, "repetition") == []


def test_untagged_run_broken_by_narration_paragraph() -> None:
    text = (
        "Ben, Anna and Carl sat at the table.\n"
        '"Who took it?"\n"Not me."\nThe clock ticked on the wall for a long time.\n'
        '"Then who?"\n"Ask the cat."\n'
    )
    assert findings(text, "unclear-speaker") == []


def test_repetition_inside_one_sentence_is_a_figure() -> None:
    text = "Anna laughed and laughed and laughed until the lamp shook.\n"
    assert findings(text, "repetition") == []


def test_epithet_gender_must_match_someone_named() -> None:
    from ficlens.beta.context import BetaContext
    from ficlens.beta.rules_epithets import epithet_spans

    strangers = "Anna Price came in. The older man sat. The taller man stood. The younger man left.\n"
    assert epithet_spans(BetaContext(Work(text=strangers, characters=list(CAST)))) == []
    known = "Ben Hale came in. The older man sat. The taller man stood. The younger man left.\n"
    assert len(epithet_spans(BetaContext(Work(text=known, characters=list(CAST))))) == 3


def test_name_tag_after_question_is_a_tag_but_beat_after_period_is_not() -> None:
    text = '"Why?" Anna snapped.\n"Go." Ben sighed and looked away.\n'
    found = findings(text, "said-bookisms")
    assert [f.data["verb"] for f in found] == ["snapped"]


def test_pronoun_tag_after_a_clear_subject_is_fine() -> None:
    text = 'Ben passed the bread to Carl.\n"Eat," he said.\n'
    assert findings(text, "unclear-speaker") == []


def test_epithet_for_someone_introduced_just_after_is_fine() -> None:
    from ficlens.beta.context import BetaContext
    from ficlens.beta.rules_epithets import epithet_spans

    text = 'Ben Hale sat down. The older man across from him smiled. "I\'m Carl," said Carl Moss.\n'
    assert epithet_spans(BetaContext(Work(text=text, characters=list(CAST)))) == []
