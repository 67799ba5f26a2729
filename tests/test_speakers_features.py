"""What the speaker scorer sees of a quote: each character's own words, who the exchange
certainly holds, the narration's subjects around the quote and in the narration paragraph just
before it, whom the last tag spoke to, the nearest name-tagged turns, and how many quotes ago the
narration last mentioned each candidate. Small texts written for
these tests."""

from __future__ import annotations

import numpy as np
import pytest

from ficlens.speakers.scorer import FEATURES, feature_rows
from ficlens.speakers.style import StyleModel, quote_words


def _quote_index(work, fragment: str) -> int:
    at = work.text.index(fragment)
    return next(i for i, q in enumerate(work.quotes) if q.start <= at < q.end)


def _row(work, fragment: str, name: str) -> dict[str, float]:
    ctx = work.runtime["speakers.context"]
    qi = _quote_index(work, fragment)
    cands, rows = feature_rows(ctx, qi)
    cid = next(c.id for c in work.characters if name in (c.name, *c.aliases))
    return dict(zip(FEATURES, rows[cands.index(cid)], strict=True))


# -- style ---------------------------------------------------------------------------------
def test_a_characters_own_words_point_to_them(monkeypatch):
    quotes = ["Mon ami, the little grey cells, mademoiselle!",       # 0: Poirot, settled
              "Mon ami, you see? The little grey cells, mon ami.",  # 1: Poirot, settled
              "I say, old chap, that is rather odd, I think.",      # 2: Hastings, settled
              "Rather odd, old chap. I say, what a morning.",       # 3: Hastings, settled
              "Ah, mon ami, the cells, the little grey cells."]     # 4: undecided
    settled = {0: "poirot", 1: "poirot", 2: "hastings", 3: "hastings"}
    import ficlens.speakers.style as style
    monkeypatch.setattr(style, "_MIN_WORDS", 5)
    model = StyleModel(quotes, settled)
    assert model.score(4, "poirot") > 0 > model.score(4, "hastings")
    assert model.score(4, "nobody") == 0.0
    # a settled quote is scored without its own words in its speaker's model
    own = model.score(0, "poirot")
    whole = sum(np.log((model.counts["poirot"][w] + style._PRIOR * model.p_bg[w])
                       / (model.sizes["poirot"] + style._PRIOR) / model.p_bg[w])
                for w in quote_words(quotes[0]))
    assert own < whole


def test_quote_words_keep_elisions_whole():
    assert quote_words("Don’t you SEE, mon ami?") == ["don’t", "you", "see", "mon", "ami"]


# -- the exchange and the paragraph ----------------------------------------------------------
SCENE = ("Hercule Poirot and Arthur Hastings sat in the morning room at Styles.\n\n"
         '"The coffee was cold," said Poirot to Hastings.\n\n'
         '"Was it?"\n\n'
         "Poirot hurried to explain himself. \"You do not follow me.\"\n\n"
         '"I follow you perfectly." Hastings lit his pipe.\n')


TAGGED_AHEAD = SCENE.replace('"Was it?"', '"Was it?" asked Hastings.')
LATER_QUOTE = SCENE.replace('"I follow you perfectly." Hastings lit his pipe.',
                            '"I follow you perfectly," said Hastings. He lit his pipe, and added, '
                            '"But not far."')
HURST = ("Louisa Hurst and Charles Hurst sat by the fire with Fitzwilliam Darcy.\n\n"
         '"It is late," said Darcy.\n\n'
         "Mr. Hurst looked at the fire with astonishment. He put down his cards.\n\n"
         '"Do you prefer reading to cards?" said he.\n\n'
         '"I do." Darcy turned away.\n\n'
         '"Then I shall play alone."\n')

NANCY = ("Nancy Doyle and Bill Sikes stood in the doorway of the inn.\n\n"
         '"Where is the boy?" said Sikes.\n\n'
         '"Gone," returned the girl.\n\n'
         '"Gone where?" he asked.\n')
TRIO = ("Anne Shirley, Diana Barry and Gilbert Blythe sat on the bridge.\n\n"
        '"Look at the water," said Anne.\n\n'
        '"It is very still," said Diana.\n\n'
        '"Too still," said Gilbert.\n\n'
        '"I like it still."\n\n'
        '"So do I."\n')

# (story, a fragment of the quote, a candidate, the feature, its value for that candidate)
BROOK = ("Anne Shirley and Diana Barry sat by the brook.\n\n"
         '"It is cold," said Anne.\n\n"Is it?"\n\n"Very."\n\n"I like it."\n')

FEATURE_CASES = {
    "the exchange knows its name-tagged speaker": (SCENE, "Was it?", "Poirot", "run_tagged", 1),
    "…and not the one never tagged": (SCENE, "Was it?", "Hastings", "run_tagged", 0),
    "the one a tag spoke to answers next": (SCENE, "Was it?", "Hastings", "prev_tag_object", 1),
    "…and not the one who spoke": (SCENE, "Was it?", "Poirot", "prev_tag_object", 0),
    "the narration's subject before the quote": (SCENE, "You do not follow me", "Poirot", "lead_subject", 1),
    "the narration's subject after the quote": (SCENE, "I follow you perfectly", "Hastings",
                                                "beat_subject", 1),
    "…and not the other one": (SCENE, "I follow you perfectly", "Poirot", "beat_subject", 0),
    "a name-tagged turn ahead": (TAGGED_AHEAD, "The coffee was cold", "Hastings", "next1_tagged", 1),
    "a later quote sees who opened its paragraph": (LATER_QUOTE, "But not far", "Hastings", "same_turn", 1),
    "…and not someone else": (LATER_QUOTE, "But not far", "Poirot", "same_turn", 0),
    "the first quote of a paragraph has no opener": (LATER_QUOTE, "I follow you perfectly", "Hastings",
                                                     "same_turn", 0),
    # round 6: the narration-only paragraph just before the quote's, and the last turn's beat
    "the narration paragraph's last subject": (HURST, "Do you prefer reading", "Mr. Hurst",
                                               "prev_narration_subject", 1),
    "the narration paragraph's last character": (HURST, "Do you prefer reading", "Mr. Hurst",
                                                 "prev_narration_last", 1),
    "…and not a character it does not end on": (HURST, "Do you prefer reading", "Darcy",
                                                "prev_narration_subject", 0),
    "no narration paragraph after another quote's": (HURST, "I do.", "Mr. Hurst",
                                                     "prev_narration_subject", 0),
    "the subject closing the previous turn": (HURST, "Then I shall play alone", "Darcy", "prev_turn_beat", 1),
    "…and not the one who spoke before": (HURST, "Then I shall play alone", "Mr. Hurst", "prev_turn_beat", 0),
    # round 8: a description tag ("returned the girl") and a pronoun tag name their pick apart
    # from the rules' evidence; speakers of the exchange's turns before the last two
    "the character a description tag resolved to": (NANCY, "Gone,", "Nancy Doyle", "tag_description", 1),
    "…not a pronoun tag": (NANCY, "Gone where?", "Bill Sikes", "tag_description", 0),
    "the character coreference gives a pronoun tag": (NANCY, "Gone where?", "Bill Sikes", "tag_coref", 1),
    "a speaker three turns back": (TRIO, "I like it still", "Anne Shirley", "earlier_speaker", 1),
    "…but not the last two": (TRIO, "I like it still", "Gilbert Blythe", "earlier_speaker", 0),
    # round 9: how many quotes have passed since the narration last mentioned the candidate
    "named in the narration two quotes ago": (BROOK, "I like it", "Anne Shirley", "quotes_since_named", 0.5),
    "…three quotes ago": (BROOK, "I like it", "Diana Barry", "quotes_since_named", 0.75),
    "named in the tag of the quote before": (BROOK, "Is it?", "Anne Shirley", "quotes_since_named", 0),
}


@pytest.mark.parametrize("story,fragment,name,feature,expected", FEATURE_CASES.values(),
                         ids=FEATURE_CASES.keys())
def test_a_feature_of_a_candidate(through_speakers, story, fragment, name, feature, expected):
    assert _row(through_speakers(story), fragment, name)[feature] == expected


def test_a_description_tag_gives_its_gender(through_speakers):
    work = through_speakers(NANCY)
    ctx = work.runtime["speakers.context"]
    assert ctx.tag_gender(_quote_index(work, "Gone,")) == "female"
    row = _row(work, "Gone,", "Bill Sikes")
    assert row["tag_gender_clash"] == 1 and row["tag_gender_match"] == 0


# -- anchors: the nearest name-tagged turns of the exchange -------------------------------------
DUEL = ("Hercule Poirot and Arthur Hastings sat in the morning room at Styles.\n\n"
        '"The coffee was cold," said Poirot.\n\n'
        '"Was it?"\n\n'
        '"Quite cold."\n\n'
        '"Then ring for more."\n\n'
        '"I shall," said Poirot.\n')


def test_anchors_count_turns_to_the_nearest_settled_ones(through_speakers):
    work = through_speakers(DUEL)
    ctx = work.runtime["speakers.context"]
    poirot = next(c.id for c in work.characters if "Poirot" in c.aliases)
    behind, ahead = ctx.anchors(_quote_index(work, "Quite cold"))
    assert behind == (poirot, 2) and ahead == (poirot, 2)
    behind, ahead = ctx.anchors(_quote_index(work, "Was it?"))
    assert behind == (poirot, 1) and ahead == (poirot, 3)


def test_anchor_parity_features(through_speakers):
    work = through_speakers(DUEL)
    quite = _row(work, "Quite cold", "Poirot")
    assert quite["anchor_behind_even"] == 1 and quite["anchor_ahead_even"] == 1
    assert quite["anchor_behind_odd"] == 0
    was = _row(work, "Was it?", "Poirot")
    assert was["anchor_behind_odd"] == 1 and was["anchor_ahead_odd"] == 1
    assert _row(work, "Was it?", "Arthur Hastings")["anchor_ahead_odd"] == 0


def test_the_exchanges_settled_speakers_are_always_candidates(through_speakers):
    many = "Alma, Bertha, Cecil, Dorian, Edgar, Felix and Gerald"
    crowd = (f"{many} stood on the lawn. " * 3 + "Alma smiled at Bertha. Cecil nodded to Dorian. "
             "Edgar and Felix and Gerald watched Alma.\n\n")
    work = through_speakers(crowd + '"Is it late?"\n\n"Not yet."\n\n"Are you sure?"\n\n'
                            '"Quite sure."\n\n"Then we stay," said Quentin.\n')
    ctx = work.runtime["speakers.context"]
    qi = _quote_index(work, "Is it late?")
    tagged, _ = ctx.run_people(qi)
    quentin = next(c.id for c in work.characters if c.name == "Quentin")
    assert quentin in tagged and quentin in ctx.candidates(qi)



def test_anchors_stop_at_a_narration_paragraph(through_speakers):
    """Across a paragraph of narration the same speaker often goes on, so a name tag beyond it
    says nothing about whose turn this is."""
    text = DUEL.replace('"Quite cold."\n\n', '"Quite cold."\n\nThe clock struck nine in the hall.\n\n')
    work = through_speakers(text)
    ctx = work.runtime["speakers.context"]
    poirot = next(c.id for c in work.characters if "Poirot" in c.aliases)
    behind, ahead = ctx.anchors(_quote_index(work, "Quite cold"))
    assert behind == (poirot, 2) and ahead is None
    behind, ahead = ctx.anchors(_quote_index(work, "Then ring"))
    assert behind is None and ahead == (poirot, 1)
