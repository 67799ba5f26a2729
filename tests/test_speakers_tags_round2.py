"""Speech tags and dialogue constraints added in round 2, on small texts written for these tests."""

from __future__ import annotations

import pytest

from ficlens import Options, analyze
from ficlens.model import Work
from ficlens.speakers.address import addressed_by_quote
from ficlens.speakers.tags import MentionIndex, tag_after, tag_before

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules; the scorer is tested elsewhere


def speaker(work: Work, fragment: str) -> str | None:
    at = work.text.index(fragment)
    q = next(q for q in work.quotes if q.start <= at < q.end)
    ch = work.character(q.speaker)
    return ch.name if ch else None


def quote_of(work: Work, fragment: str):
    at = work.text.index(fragment)
    return next(q for q in work.quotes if q.start <= at < q.end)


COUPLE = ("Arthur Penhallow and Margaret Penhallow sat by the fire in the long room. Arthur read his "
          "paper; he did not look up. Margaret sewed; she was restless.\n\n")


def test_vocative_inside_the_quote_is_the_addressee_not_the_speaker():
    work = analyze(COUPLE + '"My dear Arthur," said his wife one evening, "have you heard the news?"\n\n'
                   "Arthur said that he had not.\n\n"
                   '"Do you not want to know, Arthur?"\n')
    assert speaker(work, "My dear Arthur") == "Margaret Penhallow"
    assert speaker(work, "Do you not want to know") != "Arthur Penhallow"
    addressed = addressed_by_quote(work)
    qi = work.quotes.index(quote_of(work, "My dear Arthur"))
    assert work.character(next(iter(addressed[qi]))).name == "Arthur Penhallow"


def test_names_in_vocative_position_are_found_and_answers_are_not():
    work = analyze(COUPLE + '"Thank you, Arthur." Margaret smiled.\n\n'
                   '"Who came?" asked Arthur.\n\n'
                   '"Margaret."\n\n'
                   '"I saw Margaret in town," said Arthur.\n')
    addressed = addressed_by_quote(work)
    def named(fragment: str) -> set[str]:
        qi = work.quotes.index(quote_of(work, fragment))
        return {work.character(c).name for c in addressed.get(qi, set())}
    assert named("Thank you") == {"Arthur Penhallow"}
    assert named("Margaret.") == set()  # a one-word answer names, it does not address
    assert named("I saw Margaret") == set()


def test_relation_tag_gives_gender_and_is_not_the_owner():
    work = analyze(COUPLE + '"The roads are bad tonight," said Arthur.\n\n'
                   '"Then we shall stay in," replied his wife.\n')
    assert speaker(work, "Then we shall stay in") == "Margaret Penhallow"
    q = quote_of(work, "Then we shall stay in")
    assert q.type == "anaphoric" and "his wife" in q.tag["text"]
    assert all(c.name.lower() != "his wife" for c in work.characters)


def test_relation_tag_before_the_quote():
    work = analyze(COUPLE + '"The roads are bad tonight," said Margaret.\n\n'
                   'Her husband looked up and answered, "We shall stay in."\n')
    assert speaker(work, "We shall stay in") == "Arthur Penhallow"


def test_possessed_speech_names_the_speaker():
    work = analyze(COUPLE + '"It will rain by noon," was Arthur\'s verdict. Nobody answered him.\n')
    assert speaker(work, "It will rain by noon") == "Arthur Penhallow"
    assert quote_of(work, "It will rain by noon").type == "explicit"


def test_tag_closing_a_paragraph_that_also_holds_a_quote():
    work = analyze(COUPLE + '"Good night," said Arthur, and went out.\n'
                   "In a few minutes Margaret Penhallow opened the door and called out,\n\n"
                   '"Come back, the fire is still lit."\n')
    assert speaker(work, "Come back") == "Margaret Penhallow"
    assert quote_of(work, "Come back").type == "explicit"


def test_clause_without_subject_takes_the_sentence_subject():
    work = analyze(COUPLE + "Margaret Penhallow was pleased; and with a small laugh replied, "
                   '"Then it is settled."\n')
    assert speaker(work, "Then it is settled") == "Margaret Penhallow"


def test_unresolved_pronoun_still_tags_with_its_gender():
    text = 'Ruth and Tom stood there. "Go," returned she.'
    from ficlens.model import Mention
    mentions = [Mention(text.index("returned") + 9, text.index("returned") + 12, None, "pronoun")]
    quote_end = text.index('," returned') + 2
    tag = tag_after(text, quote_end, len(text), MentionIndex(mentions))
    assert tag is not None and tag.gender == "female" and tag.mention.character is None
    assert tag_before(text, quote_end, 0, MentionIndex([])) is None


def test_said_she_in_a_two_woman_scene_is_not_the_woman_addressed():
    work = analyze("Ellen Marsh and Clara Vane walked along the cliff path together.\n\n"
                   '"Clara, you are tired," said she.\n', Options())
    assert speaker(work, "you are tired") == "Ellen Marsh"


def test_family_relation_finds_the_relative_by_surname_and_title():
    """Jane Wells is the woman last named before the line, but "her mother" is Rose's mother."""
    work = analyze("Mr. Henry Ashdown and Mrs. Harriet Ashdown lived at the mill with their daughter "
                   "Rose Ashdown and their niece Jane Wells. Mr. Ashdown was old; he walked with a stick. "
                   "Rose laughed at him; she was kind. Harriet sighed; she was tired. "
                   "Jane Wells sat with them.\n\n"
                   '"Rose, come in," said her mother.\n\n'
                   '"I am coming, Mama," said Rose.\n')
    assert speaker(work, "Rose, come in") == "Mrs. Harriet Ashdown"


def test_description_tag_speaks_even_with_the_learned_scorer(monkeypatch):
    monkeypatch.delenv("FICLENS_SPEAKER_MODEL", raising=False)
    from ficlens.speakers.scorer import settled
    work = analyze("Oliver Penrose lay in the narrow bed. Nancy Hale sat beside him; she held his hand.\n\n"
                   '"Will he live?" asked Nancy.\n\n'
                   '"It is all over for the fever," said the surgeon at last. "He will sleep now."\n')
    assert speaker(work, "It is all over") == "the surgeon"
    assert settled("tag_after:anaphoric", None) is False


def test_untagged_quote_after_an_explicit_tag_keeps_its_speaker(monkeypatch):
    monkeypatch.delenv("FICLENS_SPEAKER_MODEL", raising=False)
    work = analyze(COUPLE + '"The roads are bad," said Margaret.\n\n'
                   '"Then we stay," said Arthur. "Margaret, the fire is warm enough."\n')
    q = quote_of(work, "the fire is warm enough")
    assert q.evidence == "same_paragraph:explicit"
    assert speaker(work, "the fire is warm enough") == "Arthur Penhallow"


def test_generic_description_is_left_to_the_scorer_and_a_role_or_newcomer_is_settled():
    from ficlens.model import Mention, Work
    from ficlens.speakers import _give_descriptions_a_character
    from ficlens.speakers.scorer import settled
    from ficlens.speakers.tags import MentionIndex, Tag

    text = '"Done," said the young man. "Hush," said the surgeon. "Out!" said a little girl.'
    young = text.index("the young man")
    surgeon = text.index("the surgeon")
    girl = text.index("a little girl")
    tags = [Tag(young - 5, young + 13, "said", Mention(young, young + 13, None, "epithet"), "after"),
            Tag(surgeon - 5, surgeon + 11, "said", Mention(surgeon, surgeon + 11, None, "epithet"), "after"),
            Tag(girl - 5, girl + 13, "said", Mention(girl, girl + 13, None, "epithet"), "after")]
    work = Work(text=text)
    _give_descriptions_a_character(work, tags, MentionIndex([]))
    assert {c.name for c in work.characters} == {"the young man", "the surgeon", "the little girl"}
    assert not settled("tag_after:anaphoric", tags[0])  # "the young man" may be anyone on stage
    assert settled("tag_after:anaphoric", tags[1])      # a role
    assert settled("tag_after:anaphoric", tags[2])      # "a little girl" is someone new


def test_capitalised_description_is_a_speaker_of_its_own():
    work = analyze("Alice Liddell sat on the bank beside the White Rabbit's hole.\n\n"
                   '"Why does your cat grin?" asked Alice.\n\n'
                   '"It is a Cheshire cat," said the March Hare, "and that is why."\n')
    assert speaker(work, "It is a Cheshire cat") == "the March Hare"
    assert speaker(work, "and that is why") == "the March Hare"


def test_phrasal_speech_verbs_need_their_particle():
    from ficlens.model import Mention

    text = '"They ship them cold," put in Fielding. "Yes."'
    at = text.index("Fielding")
    index = MentionIndex([Mention(at, at + 8, "c1", "name")])
    tag = tag_after(text, text.index('"', 1) + 1, len(text), index)
    assert tag is not None and tag.verb == "put" and tag.mention.character == "c1"
    text = '"No," he put the cup down.'
    index = MentionIndex([Mention(text.index("he"), text.index("he") + 2, "c1", "pronoun")])
    assert tag_after(text, text.index('"', 1) + 1, len(text), index) is None


def test_tag_subject_after_a_subordinate_clause_is_the_verbs_own():
    """'As he helped her down, she said:' is her line; 'Harry, turning to Ron, said:' is his."""
    from ficlens.model import Mention

    def subject_of(text: str, pronouns: dict[str, str]) -> str:
        mentions = []
        for word, cid in pronouns.items():
            at = text.index(word)
            mentions.append(Mention(at, at + len(word), cid, "name" if word[0].isupper() else "pronoun"))
        tag = tag_before(text, text.index("“"), 0, MentionIndex(mentions))
        return tag.mention.character

    assert subject_of("As he helped her out of the carriage, she said: “Thank you.”",
                      {"he": "cecil", "she": "lucy"}) == "lucy"
    assert subject_of("Harry, turning to Ron, said: “Come on.”", {"Harry": "harry", "Ron": "ron"}) == "harry"
    assert subject_of("Harry told Ron: “Come on.”", {"Harry": "harry", "Ron": "ron"}) == "harry"
    assert subject_of("When the two Morlands set off, James, as the door was closed on them, said, “Well?”",
                      {"James": "james", "them": "catherine"}) == "james"


def test_began_to_think_is_no_tag_but_began_is():
    from ficlens.model import Mention

    def tag_of(text: str):
        at = text.index("Winterbourne")
        index = MentionIndex([Mention(at, at + 12, "w", "name")])
        return tag_after(text, text.index("”") + 1, len(text), index)

    assert tag_of("“Do wait till Friday!” Winterbourne began to think he had been wrong.") is None
    assert tag_of("“Well,” Winterbourne began, “I hardly know.”").verb == "began"
