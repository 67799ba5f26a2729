"""Round 26, on small texts written for these tests: a beat's subject may follow "But"; a name
shouted in capitals ("ZUKO!") is a vocative; a line heard before its speaker walks in is theirs;
an epithet is not anyone its own line calls by name, nor anyone of the other sex than its own
pronouns ("The bard opened his mouth"); and a description a tag made a character ("the
innkeeper") is that character wherever the narration says it again, so its beats give it its
lines."""

from __future__ import annotations

from ficlens import analyze
from ficlens.characters.epithets import Epithet, find_epithets, link_epithets
from test_speakers import quote, speaker


def _link(epithets: list[Epithet], named: list[tuple[int, int, str]], not_them=None) -> dict[str, str]:
    genders = {"jaskier": "male", "geralt": "male", "yennefer": "female"}
    return link_epithets(epithets, named, genders, lambda pos: 0, lambda pos: (pos, pos + 1), not_them)


def test_an_epithet_is_not_the_one_its_own_line_calls_by_name():
    # Jaskier and Geralt are each near "the bard" as often; the bard's line calls Geralt by name
    named = [(10, 17, "jaskier"), (30, 36, "geralt"), (900, 907, "jaskier"), (930, 936, "geralt")]
    epithets = [Epithet(100, 108, "bard", None, False), Epithet(1000, 1008, "bard", None, False)]
    assert _link(epithets, named) == {}
    assert _link(epithets, named, {100: {"geralt"}}) == {"bard": "jaskier"}


def test_an_epithet_keeps_to_the_sex_of_its_own_pronouns():
    # Yennefer is named near "the bard" more often than Jaskier, but "the bard … his mouth"
    named = [(10, 17, "jaskier"), (20, 27, "yennefer"), (40, 47, "yennefer"), (60, 67, "yennefer"),
             (910, 917, "jaskier"), (920, 927, "yennefer"), (940, 947, "yennefer"), (960, 967, "yennefer")]
    plain = [Epithet(100, 108, "bard", None, False), Epithet(1000, 1008, "bard", None, False)]
    assert _link(plain, named) == {"bard": "yennefer"}
    his = [Epithet(100, 108, "bard", None, False, pronoun="male"), Epithet(1000, 1008, "bard", None, False)]
    assert _link(his, named) == {"bard": "jaskier"}


def test_the_pronoun_of_an_epithet_is_the_first_in_its_own_clause():
    text = ("The bard opened his mouth and closed it. The bard looked at Yennefer and her wine. "
            "The bard sighed. She laughed.")
    found = find_epithets(text, [(0, len(text))], lambda pos: False)
    assert [ep.pronoun for ep in found] == ["male", None, None]


INN = ("Rain at the Heron\n\n"
       "Jaskier and Geralt came in out of the rain, and a bald man with a rag over one shoulder "
       "watched them from behind the counter.\n\n"
       "'We're full,' the innkeeper said before they reached him.\n\n"
       "'You can't be full,' Jaskier said. 'It's a Tuesday.'\n\n"
       "Geralt set a coin on the counter. Then another.\n\n"
       "The innkeeper looked at the coins, then at the swords, and visibly reconsidered. "
       "'There's the one room up top. Only I promised it to a lady.'\n\n"
       "'A lady. Of course,' Geralt said.\n")


def test_a_description_a_tag_made_a_character_is_them_where_the_narration_says_it_again():
    work = analyze(INN)
    innkeeper = next(c for c in work.characters if c.name == "the innkeeper")
    beat = INN.index("The innkeeper looked")
    assert any(m.start == beat and m.character == innkeeper.id for m in work.mentions)
    assert speaker(work, "There's the one room") == "the innkeeper"



def test_a_name_shouted_in_capitals_is_a_vocative():
    text = ("Sokka and Zuko had not met for a year, and Katara had missed Zuko too.\n\n"
            '"ZUKO! Buddy!" Sokka yelled.\n\n'
            'Zuko turned. "Sokka."\n')
    work = analyze(text)
    shout = text.index("ZUKO")
    zuko = next(c for c in work.characters if c.name == "Zuko")
    assert any(m.start == shout and m.kind == "vocative" and m.character == zuko.id for m in work.mentions)
    first = next(q for q in work.quotes if q.start <= shout < q.end)
    assert first.addressees == [zuko.id]


KITCHEN = ("The kitchen was warm, and Bucky Barnes was eating the chocolate chips again. You "
           "were still looking for the whisk when the door swung open.\n\n"
           "“I knew it.”\n\n"
           "Sam Wilson strides in wearing a bathrobe, pointing a finger. “I knew I smelled butter.”\n\n"
           "“Nobody invited you,” Bucky said.\n")


def test_a_line_heard_before_its_speaker_walks_in_is_theirs():
    work = analyze(KITCHEN)
    assert speaker(work, "I knew it.") == "Sam Wilson"
    assert quote(work, "I knew it.").evidence == "voice"


def test_one_who_walks_in_after_an_answer_interrupts_it():
    # the line answers the one before it: whoever walks in next did not say it
    text = ("Emma Woodhouse and Harriet Smith sat by the fire.\n\n"
            "“Will you not write it out?” said Emma.\n\n"
            "“Oh! no, I hope I shall not be ridiculous about it.”\n\n"
            "Mr. Woodhouse came in, and asked “Well, my dears, how does your book go on?”\n")
    work = analyze(text)
    assert quote(work, "Oh! no").evidence != "voice"
    assert speaker(work, "Oh! no") != "Mr. Woodhouse"


def test_a_beat_subject_may_follow_a_conjunction():
    from ficlens.characters.coref import is_subject, speaking_subject

    text = "“Good.” But Tsukishima stood up anyway. “Fine.”"
    at = text.index("Tsukishima")
    assert speaking_subject(text, at)
    assert not is_subject(text, at)   # coreference keeps its plain rule
    other = "He looked at But Tsukishima."   # an opener word that opens no sentence
    assert not speaking_subject(other, other.index("Tsukishima"))
