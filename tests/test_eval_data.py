"""Evaluation loaders and the BookNLP anchor on the real corpora (skipped when data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.eval import booknlp, litbank, pdnc, quoteli3
from ficlens.eval.scoring import score_novel

pytestmark = pytest.mark.data


def corpus(data_dir: Path, name: str) -> Path:
    path = data_dir / name
    if not path.is_dir():
        pytest.skip(f"no {name} under {data_dir}")
    return path


def test_pdnc_emma_loads_with_spans_that_line_up(data_dir: Path) -> None:
    emma = pdnc.load_novel(corpus(data_dir, "pdnc") / "Emma")
    assert len(emma.quotes) == 1593
    assert {q.type for q in emma.quotes} == {"Explicit", "Anaphoric", "Implicit"}
    first = emma.quotes[0]
    assert emma.text[slice(*first.spans[0])].startswith("Poor Miss Taylor!")
    assert first.speaker == "Mr. Woodhouse" and first.addressees == ["Emma"]
    by_id = {c.id: c for c in emma.characters}
    assert {"Emma", "Miss Woodhouse", "Emma Woodhouse"} <= by_id["Emma"].aliases
    assert by_id["Emma"].category == "major" and by_id["Emma"].gender == "F"
    assert all(q.speaker in by_id for q in emma.quotes)


def test_pdnc_names_that_are_aliases_resolve_to_their_character(data_dir: Path) -> None:
    room = pdnc.load_novel(corpus(data_dir, "pdnc") / "ARoomWithAView")
    ids = room.character_ids()
    assert all(q.speaker in ids for q in room.quotes)
    assert "Lucy" not in ids                       # "Lucy" is an alias of Miss Honeychurch
    assert any(q.speaker == "Miss Honeychurch" for q in room.quotes)


def test_quoteli3_loads_three_texts_with_quotes_at_their_marks(data_dir: Path) -> None:
    texts = {n.name: n for n in quoteli3.load_all(corpus(data_dir, "quoteli3"))}
    assert set(texts) == {"pp", "emma", "steppe"}
    pp = texts["pp"]
    assert len(pp.quotes) > 1500
    assert pp.text[slice(*pp.quotes[0].spans[0])] == '"My dear Mr. Bennet,"'
    assert pp.quotes[0].speaker == "Mrs_Bennet" and pp.quotes[0].addressees == ["Mr_Bennet"]
    assert "<" not in pp.text[:5000]


def test_litbank_detokenises_and_places_quotes(data_dir: Path) -> None:
    books = litbank.load_all(corpus(data_dir, "litbank"))
    assert len(books) > 50
    assert sum(len(b.quotes) for b in books) == 1765
    tess = next(b for b in books if b.name.startswith("110_tess"))
    first = tess.text[slice(*tess.quotes[0].spans[0])]
    assert first.startswith('"') and first.endswith('"')
    assert tess.quotes[0].speaker == "Jack_Durbeyfield-0"
    assert "Durbeyfield, " in tess.text or "Durbeyfield." in tess.text
    assert tess.pronouns and all(tess.text[p.start:p.end].lower() in
                                 {"he", "him", "his", "she", "her", "hers", "i", "me", "my", "you",
                                  "your", "we", "us", "our", "they", "them", "their", "himself",
                                  "herself", "myself", "yourself", "mine", "yours", "thee", "thou",
                                  "thy", "ye", "themselves", "ourselves", "'ee", "ee"}
                                 for p in tess.pronouns[:20])


def test_booknlp_emma_reproduces_the_published_anchor(data_dir: Path) -> None:
    emma = pdnc.load_novel(corpus(data_dir, "pdnc") / "Emma")
    prediction = booknlp.load_prediction(corpus(data_dir, "booknlp_emma"), emma.text)
    s = score_novel(emma, prediction)
    assert s.found_share == pytest.approx(0.993, abs=0.01)
    assert s.strict == pytest.approx(0.242, abs=0.01)
    assert s.lenient == pytest.approx(0.390, abs=0.01)
    assert s.type_accuracy("Explicit") == pytest.approx(0.394, abs=0.01)
    assert s.type_accuracy("Anaphoric") == pytest.approx(0.202, abs=0.01)
    assert s.type_accuracy("Implicit") == pytest.approx(0.188, abs=0.01)
