"""Corpus loaders on small files written here (no third-party data needed)."""

from __future__ import annotations

from pathlib import Path

from ficlens.eval import booknlp, litbank, pdnc, quoteli3
from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldPronoun
from ficlens.eval.scoring import PredCharacter, Prediction, score_pronouns

QUOTELI3 = """<doc>
  <characters>
    <character name="Ada_Vance" aliases="Ada Vance;Ada;Miss Vance" />
    <character name="Tom_Reed" aliases="Tom Reed;Tom" />
  </characters>
  <text><chapter>ONE

<quote speaker="Ada_Vance" addressees="Tom_Reed" id="q1">"Tom, you said \
<quote speaker="Tom_Reed" id="q2">'never'</quote> once,"</quote> said <mention id="m1">Ada</mention>.
<quote speaker="UNSURE" id="q3">"Who?"</quote> \
<quote speaker="Tom_Reed" id="q4">"I did &amp; I meant it."</quote></chapter></text>
</doc>"""


def test_quoteli3_strips_tags_and_keeps_outer_quotes(tmp_path: Path) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(QUOTELI3, encoding="utf-8")
    [novel] = quoteli3.load_all(tmp_path)
    assert "<" not in novel.text and "said Ada." in novel.text
    spoken = [novel.text[slice(*q.spans[0])] for q in novel.quotes]
    assert spoken == ["\"Tom, you said 'never' once,\"", '"I did & I meant it."']
    assert [q.speaker for q in novel.quotes] == ["Ada_Vance", "Tom_Reed"]
    assert novel.quotes[0].addressees == ["Tom_Reed"]
    ada = next(c for c in novel.characters if c.id == "Ada_Vance")
    assert ada.name == "Ada Vance" and "Miss Vance" in ada.aliases


def test_litbank_detokenise_keeps_token_offsets() -> None:
    lines = ['" Good night , Sir John , " said the parson .', "He did n't stop ; it 's late ."]
    text, offsets = litbank.detokenize(lines)
    assert text == "\"Good night, Sir John,\" said the parson.\nHe didn't stop; it's late."
    for line, spans in zip(lines, offsets, strict=True):
        assert [text[s:e] for s, e in spans] == line.split(" ")


def test_litbank_book_from_ann_files(tmp_path: Path) -> None:
    (tmp_path / "q").mkdir()
    (tmp_path / "c").mkdir()
    txt = '" Come here , Nell , " said Jack .\nShe came .\n'
    (tmp_path / "q" / "1_x_brat.txt").write_text(txt, encoding="utf-8")
    (tmp_path / "c" / "1_x_brat.txt").write_text(txt, encoding="utf-8")
    (tmp_path / "q" / "1_x_brat.ann").write_text(
        "QUOTE\tQ1\t0\t0\t0\t6\t\" Come here , Nell , \"\nATTRIB\tQ1\tJack_Dunn-0\n", encoding="utf-8")
    (tmp_path / "c" / "1_x_brat.ann").write_text(
        "MENTION\tT1\t0\t9\t0\t9\tJack\tPER\tPROP\nMENTION\tT2\t0\t4\t0\t4\tNell\tPER\tPROP\n"
        "MENTION\tT3\t1\t0\t1\t0\tShe\tPER\tPRON\nCOREF\tT1\tJack_Dunn-0\nCOREF\tT2\tNell-1\n"
        "COREF\tT3\tNell-1\n", encoding="utf-8")
    book = litbank.load_book(tmp_path / "q" / "1_x_brat.ann", tmp_path / "c" / "1_x_brat.ann")
    assert book.text[slice(*book.quotes[0].spans[0])] == '"Come here, Nell,"'
    jack = next(c for c in book.characters if c.id == "Jack_Dunn-0")
    assert jack.aliases == {"Jack", "Jack Dunn"}
    assert [(book.text[p.start:p.end], p.character) for p in book.pronouns] == [("She", "Nell-1")]


def test_pronoun_accuracy_maps_our_characters() -> None:
    gold = GoldNovel("t", "t", "He met her. She smiled.",
                     characters=[GoldCharacter("g1", "Jack"), GoldCharacter("g2", "Nell")],
                     pronouns=[GoldPronoun(0, 2, "g1"), GoldPronoun(7, 10, "g2"),
                               GoldPronoun(12, 15, "g2")])
    pred = Prediction(characters=[PredCharacter("a", "Jack"), PredCharacter("b", "Nell")],
                      pronouns=[(0, 2, "a"), (7, 10, "a"), (12, 15, "b")])
    s = score_pronouns(gold, pred)
    assert (s.pronoun_total, s.pronoun_right) == (3, 2)


def test_pdnc_literal_columns_tolerate_nan() -> None:
    assert pdnc.literal("nan", []) == []
    assert pdnc.literal("['Emma']", []) == ["Emma"]
    assert pdnc.literal("{'Emma', 'Miss Woodhouse'}", set()) == {"Emma", "Miss Woodhouse"}


def test_booknlp_quote_is_placed_by_its_letters() -> None:
    text = 'Intro.\n"Poor Miss Taylor!--I wish she were here again," said he.\n"Yes , papa."'
    skel, offsets = booknlp.skeleton(text)
    start, end, cursor = booknlp.align("“ Poor Miss Taylor!--I wish she were here again , ”",
                                       skel, offsets, 0)
    assert text[start:end] == "Poor Miss Taylor!--I wish she were here again"
    assert booknlp.align("“ Unrelated words entirely ”", skel, offsets, cursor) is None


def test_litbank_tokens_align_to_the_original_text() -> None:
    original = ("Title page\n\nCHAPTER I\n\n\u201cCome here, Nell,\u201d said Jack. She\ncame; he didn't.\n\n"
                "Later text.")
    lines = ["CHAPTER I \u201c Come here , Nell , \u201d said Jack .", "She came ; he did n't ."]
    text, offsets = litbank.align_to_original(lines, original)
    assert text.startswith("CHAPTER I\n\n") and text.endswith("he didn't.")
    assert [text[s:e] for s, e in offsets[1]] == ["She", "came", ";", "he", "did", "n't", "."]
    assert litbank.align_to_original(["Nothing like it here ."], original) is None
