"""Language stage: rule-based sentences, regex token counts, and parsing of small windows only."""

from __future__ import annotations

import pytest
import spacy

from ficlens import language
from ficlens.language import nlp as nlp_module
from ficlens.language import parse_windows, split_sentences, text_span, to_text_offset
from ficlens.language.tokens import count_tokens, count_words
from ficlens.model import Paragraph, Work
from ficlens.options import Options


def sentence_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_speech_tag_after_a_question_stays_in_the_sentence():
    assert sentence_texts('"So what?" said Harry. He left.') == ['"So what?" said Harry.', "He left."]


def test_capitalised_speech_tag_after_a_quote_stays_in_the_sentence():
    assert sentence_texts('"Stop!" Harry said. "Why?" Harry turned away.') == [
        '"Stop!" Harry said.', '"Why?"', "Harry turned away."]


def test_two_quoted_sentences_split():
    assert sentence_texts('"How are you?" "I\'m fine"') == ['"How are you?"', '"I\'m fine"']


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Smith and Mrs. Jones met Dr. Watson on St. Mary's Road. They talked."
    assert sentence_texts(text) == ["Mr. Smith and Mrs. Jones met Dr. Watson on St. Mary's Road.",
                                    "They talked."]


def test_curly_quotes_and_ellipses():
    assert sentence_texts("“Wait…” Nothing. ‘Fine!’ she said.") == [
        "“Wait…”", "Nothing.", "‘Fine!’ she said."]


def test_token_and_word_counts():
    text = "I don't know, Mr. Smith... Really?"
    # I / do / n't / know / , / Mr. / Smith / ... / Really / ?
    assert count_tokens(text) == 10
    # I / don't / know / Mr / Smith / Really
    assert count_words(text) == 6


def _work_with_note() -> Work:
    text = "A/N: Thanks. Enjoy!\n\nShe ran. He followed.\n\nHe stopped."
    work = Work(text=text)
    work.paragraphs = [Paragraph(0, 19, "note"), Paragraph(21, 42), Paragraph(44, 55)]
    return work


def test_run_fills_sentences_and_counts_over_narrative_only(monkeypatch):
    def no_spacy(*args, **kwargs):
        raise AssertionError("the language stage must not load or run the spaCy pipeline")

    monkeypatch.setattr(nlp_module, "get_nlp", no_spacy)
    monkeypatch.setattr(language, "get_nlp", no_spacy)
    monkeypatch.setattr(spacy, "load", no_spacy)
    work = _work_with_note()
    language.run(work, Options())
    sentences = [work.text[s:e] for s, e in work.runtime["sentences"]]
    assert sentences == ["She ran.", "He followed.", "He stopped."]
    assert work.stats["tokens"] == 9  # the note's 6 tokens are not counted
    assert work.stats["words"] == 6


def test_sentence_at_finds_the_sentence_of_an_offset():
    work = _work_with_note()
    language.run(work, Options())
    start = work.text.index("He followed")
    assert language.sentence_at(work, start + 5) == (start, start + len("He followed."))
    assert language.sentence_at(work, 3) is None  # inside the author's note


def test_run_without_paragraphs_uses_the_whole_text():
    work = Work(text="One. Two.")
    language.run(work, Options())
    assert work.runtime["sentences"] == [(0, 4), (5, 9)]


@pytest.fixture(scope="module")
def nlp():
    return language.get_nlp()


def test_get_nlp_is_loaded_once_without_ner(nlp):
    assert language.get_nlp() is nlp
    assert "ner" not in nlp.pipe_names
    assert "parser" in nlp.pipe_names


def test_parse_windows_keeps_offsets_into_the_text_and_caches(nlp):
    work = Work(text='"Go away," said the old woman quietly. Then she closed the door.')
    windows = [(10, 38), (39, 64)]
    docs = parse_windows(work, windows)
    assert [doc.text for doc in docs] == [work.text[s:e] for s, e in windows]
    for doc in docs:
        for token in doc:
            start = to_text_offset(doc, token)
            assert work.text[start:start + len(token.text)] == token.text
    said = next(t for t in docs[0] if t.text == "said")
    assert said.pos_ == "VERB"
    assert text_span(docs[0], said) == (work.text.index("said"), work.text.index("said") + 4)
    again = parse_windows(work, [(39, 64), (10, 38)])
    assert again[0] is docs[1] and again[1] is docs[0]
