"""The evaluation scorer on tiny gold/prediction sets built by hand."""

from __future__ import annotations

import pytest

from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote
from ficlens.eval.scoring import (
    PredCharacter,
    Prediction,
    PredQuote,
    Scores,
    map_characters,
    score_alias_clustering,
    score_quotes,
)

BENNETS = [
    GoldCharacter("Mr. Bennet", "Mr. Bennet", {"Mr. Bennet", "Bennet"}, category="major"),
    GoldCharacter("Mrs. Bennet", "Mrs. Bennet", {"Mrs. Bennet"}, category="major"),
    GoldCharacter("Elizabeth", "Elizabeth", {"Elizabeth", "Lizzy", "Eliza"}, category="major"),
]


def novel(quotes: list[GoldQuote], text: str = "x" * 400) -> GoldNovel:
    return GoldNovel(corpus="test", name="t", text=text, quotes=quotes, characters=list(BENNETS))


def test_found_at_exactly_half_of_the_gold_span() -> None:
    gold = novel([GoldQuote("q1", [(0, 10)], "Elizabeth"), GoldQuote("q2", [(20, 30)], "Elizabeth")])
    pred = Prediction(quotes=[PredQuote(5, 10, "e"), PredQuote(20, 24, "e")],
                      characters=[PredCharacter("e", "Elizabeth")])
    s = score_quotes(gold, pred)
    assert s.found == 1            # 5 of 10 chars is found; 4 of 10 is not
    assert s.strict == pytest.approx(0.5)


def test_quote_split_in_pieces_is_found_by_any_piece() -> None:
    gold = novel([GoldQuote("q1", [(0, 10), (40, 80)], "Elizabeth")])
    pred = Prediction(quotes=[PredQuote(45, 75, "e")], characters=[PredCharacter("e", "Lizzy")])
    s = score_quotes(gold, pred)
    assert (s.found, s.strict_right) == (1, 1)


def test_honorifics_keep_mr_and_mrs_apart() -> None:
    pred = [PredCharacter("p1", "Mrs. Bennet"), PredCharacter("p2", "Mr. Bennet")]
    strict, lenient = map_characters(pred, BENNETS)
    assert strict == {"p1": "Mrs. Bennet", "p2": "Mr. Bennet"}
    assert lenient == strict


def test_split_cluster_is_wrong_strictly_but_right_leniently() -> None:
    gold = novel([GoldQuote(f"q{i}", [(i * 20, i * 20 + 10)], "Elizabeth") for i in range(4)])
    # Elizabeth split in two clusters: "Elizabeth/Eliza" speaks 3 quotes, "Lizzy" speaks 1.
    pred = Prediction(
        quotes=[PredQuote(0, 10, "big"), PredQuote(20, 30, "big"), PredQuote(40, 50, "big"),
                PredQuote(60, 70, "small")],
        characters=[PredCharacter("small", "Lizzy"), PredCharacter("big", "Elizabeth", {"Eliza"})])
    s = score_quotes(gold, pred)
    assert s.strict == pytest.approx(0.75)
    assert s.lenient == pytest.approx(1.0)


def test_strict_tie_goes_to_the_cluster_with_more_quotes() -> None:
    pred = Prediction(
        quotes=[PredQuote(0, 5, "b"), PredQuote(10, 15, "b"), PredQuote(20, 25, "a")],
        characters=[PredCharacter("a", "Lizzy"), PredCharacter("b", "Lizzy")])
    strict, lenient = map_characters(pred.characters, BENNETS, pred.quote_counts())
    assert strict == {"b": "Elizabeth"}
    assert lenient == {"a": "Elizabeth", "b": "Elizabeth"}


def test_by_type_breakdown_and_unfound_quotes_are_wrong() -> None:
    gold = novel([
        GoldQuote("q1", [(0, 10)], "Mr. Bennet", type="Explicit"),
        GoldQuote("q2", [(20, 30)], "Mrs. Bennet", type="Explicit"),
        GoldQuote("q3", [(40, 50)], "Mrs. Bennet", type="Anaphoric"),
        GoldQuote("q4", [(60, 70)], "Elizabeth", type="Implicit"),
    ])
    pred = Prediction(
        quotes=[PredQuote(0, 10, "mr"), PredQuote(20, 30, "mr"), PredQuote(40, 50, "mrs")],
        characters=[PredCharacter("mr", "Mr. Bennet"), PredCharacter("mrs", "Mrs. Bennet")])
    s = score_quotes(gold, pred)
    assert s.type_accuracy("Explicit") == pytest.approx(0.5)
    assert s.type_accuracy("Anaphoric") == pytest.approx(1.0)
    assert s.type_accuracy("Implicit") == pytest.approx(0.0)
    assert s.strict == pytest.approx(0.5)


def test_addressees_right_when_sets_overlap() -> None:
    gold = novel([
        GoldQuote("q1", [(0, 10)], "Mr. Bennet", ["Mrs. Bennet", "Elizabeth"]),
        GoldQuote("q2", [(20, 30)], "Mrs. Bennet", ["Mr. Bennet"]),
        GoldQuote("q3", [(40, 50)], "Mrs. Bennet", []),
        GoldQuote("q4", [(60, 70)], "Mrs. Bennet", ["Elizabeth"]),   # not found
    ])
    chars = [PredCharacter("mr", "Mr. Bennet"), PredCharacter("mrs", "Mrs. Bennet"),
             PredCharacter("liz", "Elizabeth")]
    pred = Prediction(quotes=[PredQuote(0, 10, "mr", ["liz"]), PredQuote(20, 30, "mrs", ["liz"]),
                              PredQuote(40, 50, "mrs", ["mr"])], characters=chars)
    s = score_quotes(gold, pred)
    assert (s.addressee_total, s.addressee_right) == (3, 1)


def test_quote_detection_precision_recall_f1() -> None:
    gold = novel([GoldQuote("q1", [(0, 10)], None), GoldQuote("q2", [(20, 30)], None),
                  GoldQuote("q3", [(40, 50)], None), GoldQuote("q4", [(60, 70)], None)])
    pred = Prediction(quotes=[PredQuote(0, 10), PredQuote(21, 30), PredQuote(100, 120),
                              PredQuote(200, 210), PredQuote(300, 310), PredQuote(44, 46)])
    s = score_quotes(gold, pred)
    # Found: q1, q2; the (44, 46) piece lies inside q3 (counts for precision, not recall).
    assert s.recall == pytest.approx(0.5)
    assert s.precision == pytest.approx(3 / 6)
    assert s.f1 == pytest.approx(0.5)


def test_scores_add_up_for_micro_averages() -> None:
    a = Scores(gold_quotes=10, strict_right=5, by_type={"Explicit": [4, 2, 3]})
    b = Scores(gold_quotes=30, strict_right=5, by_type={"Explicit": [6, 4, 4], "Implicit": [1, 0, 0]})
    total = a + b
    assert total.strict == pytest.approx(0.25)
    assert total.type_accuracy("Explicit") == pytest.approx(0.6)
    assert total.type_accuracy("Explicit", lenient=True) == pytest.approx(0.7)
    assert total.by_type["Implicit"] == [1, 0, 0]


def test_alias_clustering_and_merges() -> None:
    text = "Mr. Bennet spoke. Bennet sighed. Mrs. Bennet cried. Elizabeth and Lizzy laughed. Eliza!"
    gold = GoldNovel("test", "t", text, characters=list(BENNETS))
    pred = Prediction(characters=[
        PredCharacter("a", "Mr. Bennet", {"Bennet", "Mrs. Bennet"}),   # merges two gold people
        PredCharacter("b", "Elizabeth", {"Lizzy", "Eliza"}),
    ])
    s = score_alias_clustering(gold, pred)
    # Mr. Bennet and Elizabeth are held by one cluster each; Mrs. Bennet's only alias is held
    # by cluster a too, so she counts as clustered (one holder) but a is a merge.
    assert s.alias_targets == 3
    assert s.alias_clustered == 3
    assert s.merges == 1
    split = Prediction(characters=[PredCharacter("b1", "Elizabeth"), PredCharacter("b2", "Lizzy"),
                                   PredCharacter("b3", "Eliza")])
    assert score_alias_clustering(gold, split).alias_clustered == 0
