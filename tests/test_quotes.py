"""Quote detection: every convention and hard case, on small texts written for these tests."""

from __future__ import annotations

import re

import pytest

from ficlens import language, quotes
from ficlens.model import Paragraph, Span, Work
from ficlens.options import Options
from ficlens.pipeline import analyze


def make_work(text: str, *, notes: tuple[int, ...] = (), italics: list[str] | None = None) -> Work:
    """A Work with blank-line paragraphs (indices in ``notes`` are author's notes) and italic runs."""
    work = Work(text=text)
    for k, m in enumerate(re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)):
        work.paragraphs.append(Paragraph(m.start(), m.end(), "note" if k in notes else "text"))
    for phrase in italics or []:
        start = text.index(phrase)
        work.italics.append(Span(start, start + len(phrase)))
    return work


def detect(text: str, **kwargs) -> Work:
    work = make_work(text, **kwargs)
    language.run(work, Options())
    quotes.run(work, Options())
    return work


def spans(work: Work, layer: str = "quotes") -> list[str]:
    return [work.text[q.start:q.end] for q in getattr(work, layer)]


def test_curly_double_quotes_include_their_marks():
    work = detect("“Where are you going?” asked Ron. Harry shrugged. “Out.”")
    assert spans(work) == ["“Where are you going?”", "“Out.”"]
    assert all(q.marks == "double" and q.mode == "speech" for q in work.quotes)


def test_straight_double_quotes_over_hard_wrapped_lines():
    text = 'He looked up. "I cannot agree with you,\npapa; you know I cannot," said she. "No."'
    work = detect(text)
    assert spans(work) == ['"I cannot agree with you,\npapa; you know I cannot,"', '"No."']


def test_british_single_quotes_with_apostrophes_inside_and_at_edges():
    text = ("‘’Cause I said so, and ’em lot were runnin’,’ said Ron. ‘Meet me at the Potters’ house "
            "at six o’clock, ma’am.’\n\n"
            "'They were lookin' for James' book,' she said. 'Don't go, it's late.'")
    work = detect(text)
    assert spans(work) == [
        "‘’Cause I said so, and ’em lot were runnin’,’",
        "‘Meet me at the Potters’ house at six o’clock, ma’am.’",
        "'They were lookin' for James' book,'",
        "'Don't go, it's late.'",
    ]
    assert all(q.marks == "single" and q.mode == "speech" for q in work.quotes)


def test_single_quote_ending_on_an_elision():
    work = detect("‘I’ll be seein’ you at the Potters’’ he called, and left.")
    assert spans(work) == ["‘I’ll be seein’ you at the Potters’’"]


def test_quote_over_several_paragraphs_is_one_quote():
    text = ('"It began in the spring,\n\n"and it went on all summer,\n\n"until the rain came."\n\n'
            '"Good," said Tom.')
    work = detect(text)
    first_open = text.index('"It')
    last_close = text.index('came."') + len('came."')
    assert (work.quotes[0].start, work.quotes[0].end) == (first_open, last_close)
    assert spans(work)[1] == '"Good,"'
    assert len(work.quotes) == 2


def test_nested_quote_is_part_of_the_outer_one():
    text = "“He said ‘run’ and left,” she told me.\n\n'Then \"Stop\" was all he said,' Tom added."
    work = detect(text)
    assert spans(work) == ["“He said ‘run’ and left,”", "'Then \"Stop\" was all he said,'"]
    assert work.nonspeech_quotes == []


def test_quote_split_by_a_tag_shares_a_group():
    text = "“Wait…” she went on quietly, “…you never told me.” He looked away. “I know.”"
    work = detect(text)
    assert spans(work) == ["“Wait…”", "“…you never told me.”", "“I know.”"]
    first, second, third = work.quotes
    assert first.group == second.group
    assert third.group != first.group


def test_double_speech_and_single_thought_in_one_text():
    text = ("“We should go,” said Anna.\n\n"
            "‘He never listens,’ she thought.\n\n"
            "“Fine,” Ben said.\n\n"
            "Anna sighed. ‘Typical. Just typical.’\n\n"
            "“Are you coming?” he asked.")
    work = detect(text)
    modes = {work.text[q.start:q.end]: (q.marks, q.mode) for q in work.quotes}
    assert modes["‘He never listens,’"] == ("single", "thought")
    assert modes["‘Typical. Just typical.’"] == ("single", "thought")
    assert modes["“We should go,”"] == ("double", "speech")
    assert modes["“Are you coming?”"] == ("double", "speech")


def test_single_quotes_are_speech_where_the_text_uses_them_for_dialogue():
    text = "'Hello,' said Ann.\n\n'Hi.'\n\n'Where were you?' she asked."
    work = detect(text)
    assert [q.mode for q in work.quotes] == ["speech", "speech", "speech"]


def test_thought_tag_marks_a_double_quote_as_thought():
    work = detect("“This is a trap,” Harry thought, and kept walking.")
    assert [(q.marks, q.mode) for q in work.quotes] == [("double", "thought")]


DASH_TEXT = ("The train stopped at dawn.\n\n"
             "— Where are we? — asked Olga. — I can see nothing.\n\n"
             "— Nowhere yet.\n\n"
             "– Then wake me later, – she said.\n\n"
             "The man nodded and left.")


def test_dash_dialogue_when_the_text_uses_it():
    work = detect(DASH_TEXT)
    assert spans(work) == ["— Where are we?", "— I can see nothing.", "— Nowhere yet.",
                           "– Then wake me later,"]
    assert all(q.marks == "dash" for q in work.quotes)
    assert work.quotes[0].group == work.quotes[1].group


JOYCE_DASHES = ("Stephen Dedalus stood at the parapet. Buck Mulligan shaved.\n\n"
                "—Tell me, Mulligan, Stephen said quietly.\n\n"
                "—God! he said. Isn't the sea a great sweet mother?\n\n"
                "—He was raving all night, Stephen said with energy. Where is his guncase?\n")


def test_a_tag_set_off_by_punctuation_splits_a_dash_line():
    work = detect(JOYCE_DASHES)
    assert spans(work) == ["—Tell me, Mulligan,", "—God!", "Isn't the sea a great sweet mother?",
                           "—He was raving all night,", "Where is his guncase?"]
    assert work.quotes[1].group == work.quotes[2].group


def test_a_dash_line_tag_names_the_speaker():
    work = analyze(JOYCE_DASHES)
    names = {c.id: c.name for c in work.characters}
    guncase = next(q for q in work.quotes if "guncase" in work.text[q.start:q.end])
    assert names[guncase.speaker] == "Stephen Dedalus"


def test_a_lone_dash_paragraph_is_not_dialogue():
    text = '"Come in," she said.\n\n"Thanks."\n\n— and then the lights went out.'
    work = detect(text)
    assert [q.marks for q in work.quotes] == ["double", "double"]


def test_italic_thought_from_html_italics():
    text = ("Harry stared at the door. Why did I ever agree to this? He knocked.\n\n"
            "She had read Hogwarts, A History twice. It was really good.")
    work = detect(text, italics=["Why did I ever agree to this?", "Hogwarts, A History", "really"])
    assert spans(work) == ["Why did I ever agree to this?"]
    assert [(q.marks, q.mode) for q in work.quotes] == [("italic", "thought")]


def test_plain_text_asterisk_italics_thought():
    text = "He grinned. *I am going to enjoy this,* he thought. It was *very* late."
    work = detect(text)
    assert spans(work) == ["*I am going to enjoy this,*"]
    assert work.quotes[0].mode == "thought"


def test_scare_quote_and_title_are_not_speech():
    text = ("She had read “The Tales of Beedle the Bard” twice, and her “friend” was late again.\n\n"
            "The sign read: 'Keep Out'.\n\n"
            "“Really?” she asked.")
    work = detect(text)
    assert spans(work) == ["“Really?”"]
    found = {work.text[q.start:q.end]: q.mode for q in work.nonspeech_quotes}
    assert found == {"“The Tales of Beedle the Bard”": "title", "“friend”": "scare", "'Keep Out'": "title"}


def test_short_quote_with_a_speech_verb_stays_speech():
    work = detect("She looked at him and whispered “Never” before leaving.")
    assert spans(work) == ["“Never”"]
    assert work.nonspeech_quotes == []


def test_unclosed_quote_recovered_at_paragraph_end():
    text = '"I will not go, said Mary.\n\nThe clock struck ten. Nobody moved.\n\n"Fine," said Tom.'
    work = detect(text)
    assert spans(work) == ['"I will not go, said Mary.', '"Fine,"']


def test_missing_closing_mark_before_next_opener_recovers():
    work = detect('"Hello there. "Who are you?" she asked.')
    assert spans(work) == ['"Hello there.', '"Who are you?"']


def test_quotes_in_notes_are_ignored():
    text = 'A/N: "Thanks for reading!" as always.\n\n"Hello," said Ann.\n\nEnd note: "Bye".'
    work = detect(text, notes=(0, 2))
    assert spans(work) == ['"Hello,"']


def test_gold_quotes_are_used_exactly():
    text = '"Hello," said Ann. "Bye."'
    work = make_work(text)
    quotes.run(work, Options(gold_quotes=[(19, 25), (0, 8)]))
    assert [(q.start, q.end) for q in work.quotes] == [(0, 8), (19, 25)]
    assert work.nonspeech_quotes == []


@pytest.mark.parametrize("text", [
    "“One,” he said. ‘Two,’ she thought. “Three…”",
    "'Don't,' said Ron, 'touch the Potters' cat.'",
    '"A" and "B" are the words "C" he said "D!"',
])
def test_every_quote_starts_and_ends_with_its_marks(text):
    work = detect(text)
    assert work.quotes
    for q in work.quotes + work.nonspeech_quotes:
        span = work.text[q.start:q.end]
        assert span[0] in "\"“‘'" and span[-1] in "\"”’'", span


def test_pipeline_runs_quotes_after_structure_and_language():
    work = analyze('"Ready?" asked Sam.\n\nJo nodded. "Ready."', Options(until="quotes"))
    assert [work.text[q.start:q.end] for q in work.quotes] == ['"Ready?"', '"Ready."']
    assert work.stats["quotes"] == 2


def test_italic_run_holding_a_marked_quote_is_not_a_thought():
    text = "She remembered it still. “Run!” he had shouted at her.\n\nNothing else."
    work = detect(text, italics=["“Run!” he had shouted at her."])
    assert spans(work) == ["“Run!”"]
    assert work.quotes[0].marks == "double"


def test_gold_quote_marks_follow_the_text():
    text = "'Hello,' said Ann. \"Bye.\""
    work = make_work(text)
    quotes.run(work, Options(gold_quotes=[(1, 7), (19, 25)]))
    assert [q.marks for q in work.quotes] == ["single", "double"]


def test_elisions_at_quote_edges_and_years():
    text = ("‘I’ve been waitin’ ’til dawn since the ’90s,’ said Gran. ‘’Twas cold.’\n\n"
            "'I've been waitin' 'til dawn since the '90s,' said Gran. ''Twas cold.'")
    work = detect(text)
    assert spans(work) == ["‘I’ve been waitin’ ’til dawn since the ’90s,’", "‘’Twas cold.’",
                           "'I've been waitin' 'til dawn since the '90s,'", "''Twas cold.'"]


def test_single_quote_over_several_paragraphs():
    text = "‘It was long ago,\n\n‘and nobody remembers it now.’\n\n‘Nobody?’ asked Tim."
    work = detect(text)
    assert spans(work) == ["‘It was long ago,\n\n‘and nobody remembers it now.’", "‘Nobody?’"]


def test_foreign_phrase_in_italics_is_not_a_thought():
    work = detect("She hummed *la vie en rose* again and again.")
    assert work.quotes == []


def test_turned_closing_mark_from_autocorrect_still_closes():
    work = detect("‘Hello,‘ he said. ‘Bye.’")
    assert spans(work) == ["‘Hello,‘", "‘Bye.’"]


def test_quote_runs_on_when_lines_came_out_as_paragraphs():
    text = ('He heard the man at the gate.\n"Her niece is on top of the things, and\n'
            'she says that is enough." These were his words.\n"Very well," said the keeper.')
    work = Work(text=text)
    for m in re.finditer(r"[^\n]+", text):
        work.paragraphs.append(Paragraph(m.start(), m.end()))
    quotes.run(work, Options())
    assert spans(work) == ['"Her niece is on top of the things, and\nshe says that is enough."',
                           '"Very well,"']


def test_quote_closed_after_mark_less_lines_then_a_new_long_speech_joins_normally():
    text = ('"One line, and\nit ends here." Then.\nNarration only.\n"A long speech,\n'
            '"goes on here."')
    work = Work(text=text)
    for m in re.finditer(r"[^\n]+", text):
        work.paragraphs.append(Paragraph(m.start(), m.end()))
    quotes.run(work, Options())
    assert spans(work) == ['"One line, and\nit ends here."', '"A long speech,\n"goes on here."']


def test_curly_double_nested_in_curly_double():
    work = detect("“He said, “run” and left,” she said. “Fine.”")
    assert spans(work) == ["“He said, “run” and left,”", "“Fine.”"]


def test_untagged_single_quotes_follow_the_tagged_ones_nearby():
    text = ("'Read it,' said Ann.\n\n"
            "\"Dear Ann, I am well.\"\n\n"
            "\"Yours, Tom.\"\n\n"
            "'Is that all?'\n\n"
            "'It is,' he said.")
    work = detect(text)
    modes = {work.text[q.start:q.end]: q.mode for q in work.quotes}
    assert modes["'Is that all?'"] == "speech"


def test_dialect_elisions_inside_single_quoted_speech():
    text = ("'Ow's it goin', mate? 'E said 'e'd be 'ere by now,' said Stan.\n\n"
            "'Go to the Potters' he said. 'Now.'")
    work = detect(text)
    assert spans(work) == ["'Ow's it goin', mate? 'E said 'e'd be 'ere by now,'",
                           "'Go to the Potters'", "'Now.'"]


def test_untagged_piece_takes_the_mode_of_the_tagged_speech_in_its_paragraph():
    text = ("“Hi,” said Ann.\n\n“Hello,” said Tom.\n\n"
            "‘You alright?’ Ron asked. ‘You look pale.’\n\n"
            "‘He is odd,’ Harry thought.")
    work = detect(text)
    modes = {work.text[q.start:q.end]: q.mode for q in work.quotes}
    assert modes["‘You look pale.’"] == "speech"
    assert modes["‘He is odd,’"] == "thought"


def test_untagged_double_piece_after_a_thought_tag_is_thought():
    work = detect("“This is a trap,” Harry thought. “I should run.”\n\n“Run!” Ron said.")
    assert [q.mode for q in work.quotes] == ["thought", "thought", "speech"]
