"""Capitalised interjections and abstract nouns that open quotes or sentences are no cast, and a
gendered epithet never links to a character not known to share its gender. Texts written here."""

from __future__ import annotations

from ficlens import analyze


def names_of(work) -> set[str]:
    return {a for c in work.characters for a in [c.name, *c.aliases]}


BANTER = """Tamsin Vale leaned on the counter. Tamsin looked at Oren Falk.

"Fine," Oren says.

"Yeah," Tamsin says. "Fine by me."

"Hm." Oren frowns. "Yeah, fine."

She laughs, and it is fine, and yeah, he grins.

"Fine," Oren says again. Irritation chokes him. His irritation fades.

"Yeah," Tamsin agrees. Tamsin smiles at Oren. Oren nods at Tamsin.

"Oren?" Tamsin asks.

"Yep?" Oren answers.

"Cherries," Tamsin says.
"""


def test_interjections_and_abstract_nouns_are_not_characters():
    names = names_of(analyze(BANTER))
    assert {"Fine", "Yeah", "Hm", "Irritation", "Yep", "Cherries"}.isdisjoint(names), names
    assert "Tamsin" in names and "Oren" in names


SURGERY = """Dr. Corwin Ashby ran the surgery on Bell Street. Dr. Ashby was patient with everyone.

The old woman came in at noon. Corwin Ashby asked her to sit. The old woman sat by the window.

Later that night Dr. Ashby wrote up his notes. The old woman had left her umbrella behind.

Dr. Ashby locked the door. Corwin Ashby went home, and the old woman was forgotten.
"""


def test_a_gendered_epithet_does_not_link_to_a_character_of_unknown_or_other_gender():
    work = analyze(SURGERY)
    ashby = [c for c in work.characters if "Dr. Ashby" in c.aliases or c.name == "Dr. Ashby"]
    assert ashby, [(c.name, c.aliases) for c in work.characters]
    assert ashby[0].gender != "female"
    assert "the old woman" not in ashby[0].epithets
    woman = [m for m in work.mentions if work.text[m.start:m.end].lower() == "the old woman"]
    assert woman and all(m.character != ashby[0].id for m in woman)


def _link(phrase: str, gender: str | None, character_gender: str) -> dict[str, str]:
    from ficlens.characters.epithets import Epithet, link_epithets

    epithets = [Epithet(1000, 1013, phrase, gender, False), Epithet(5000, 5013, phrase, gender, False)]
    named = [(400, 410, "c0"), (4400, 4410, "c0")]
    return link_epithets(epithets, named, {"c0": character_gender}, lambda pos: 0,
                         lambda pos: (pos - 10, pos + 20))


def test_a_gendered_epithet_links_only_to_a_character_known_to_share_its_gender():
    assert _link("old woman", "female", "unknown") == {}
    assert _link("old woman", "female", "male") == {}
    assert _link("old woman", "female", "female") == {"old woman": "c0"}
    assert _link("potions master", None, "unknown") == {"potions master": "c0"}


def test_plural_of_a_place_and_a_word_that_only_opens_a_sentence_are_no_cast():
    work = analyze("John Watson had lived in London all his life. John liked London in the rain. "
                   "Sarah Sawyer worked with John at the clinic, and Sarah was kind.\n\n"
                   "The Londons of his memory were many; he could switch Londons like coats. "
                   "Only one of his Londons had Sarah in it.\n\n"
                   "Unlike Sarah, John did not sleep.\n\n"
                   '"Go home, John," said Sarah.\n')
    cast = names_of(work)
    assert {"John Watson", "Sarah Sawyer"} <= {c.name for c in work.characters}
    assert "Londons" not in cast and "Unlike Sarah" not in cast


def test_a_description_created_by_a_tag_counts_its_mentions():
    work = analyze("Emmanellain sat by the bed. Honoroit lay still.\n\n"
                   "The door burst open. It was the chirurgeon.\n\n"
                   '"Hm," said the chirurgeon, opening her bag.\n')
    created = [c for c in work.characters if c.name == "the chirurgeon"]
    assert created and created[0].mention_count >= 1


def test_a_plural_looking_surname_that_speaks_is_a_person():
    work = analyze("Mrs. Braddocks poured the wine. Braddocks sat beside her and talked. The "
                   "old Braddock place stood empty now.\n\n"
                   '"I wish people would come earlier," Braddocks said.\n\n'
                   '"They never do," said Mrs. Braddocks.\n\n'
                   '"Then we shall dance alone," Braddocks said.\n')
    assert "Braddocks" in {c.name for c in work.characters}
    q = next(q for q in work.quotes if work.text[q.start:q.end].startswith('"I wish'))
    assert work.character(q.speaker).name == "Braddocks"


MOSQUE = """Aziz Khan walked to the mosque. Aziz Khan loved the mosque, and Aziz sat by the tank.
India was asleep. India lay under the moon, and India did not care. Islam was more than a faith
to him; Islam was an attitude towards life. He thought of a Native Christian he had known, and
of an average Christian at the club. His Christian friends were few.

"Madam!" Aziz called. "Madam, this is a mosque."

"I have taken off my shoes," said Mrs. Moore.
"""


def test_countries_faiths_and_indefinite_nouns_are_not_characters():
    # "India", "Islam" open sentences like names, and "Christian" is a given name elsewhere; here
    # nothing person-like is said of them, and "a Christian" is a noun
    names = names_of(analyze(MOSQUE))
    assert {"India", "Islam", "Christian"}.isdisjoint(names), names
    assert "Aziz Khan" in names and "Mrs. Moore" in names


def test_a_given_name_used_as_a_name_survives_the_article_check():
    work = analyze("Christian Grey met Ana Steele. Christian smiled, and Ana laughed.\n\n"
                   '"Hello," said Christian.\n\n"Hi," said Ana.\n')
    assert "Christian" in names_of(work)


def test_a_house_named_like_a_person_is_not_a_character():
    work = analyze("Ruth Wilcox loved Howards End. Howards End was her house. Howards End stood in "
                   "the sun, and Howards End waited for Ruth every spring.\n\n"
                   '"Howards End," said Ruth Wilcox, "is the only house I love."\n')
    names = names_of(work)
    assert "Howards" not in names and "Ruth Wilcox" in names, names


def test_a_common_word_personified_twice_is_not_a_character():
    # "death" is a word of this text (six times in lower case); that Death "says" a thing twice
    # does not make it one of the cast, as a character who speaks throughout would be
    work = analyze("Margaret Schlegel thought of death. The fear of death, the idea of death, a death in "
                   "the family: death was everywhere, and death was kind.\n\n"
                   'Death came to the house. "Not yet," said Death. Death waited by the door. '
                   '"Soon," said Death.\n\n"Go away," said Margaret.\n')
    names = names_of(work)
    assert "Death" not in names and "Margaret Schlegel" in names, names


COUNCIL = """The council met on Sunday, as it met every Sunday. Last Sunday the hall had been cold.

"Sit down," said Sunday. The giant filled the chair.

"We are listening, President Sunday," Thursday answered.

"Then listen well," Sunday said, and he laughed. "Thursday, you are late."

"I came as soon as I could," said Thursday. Next Monday they would meet again.

"Good," Thursday said at last.
"""

OUTING = """They went to the coast on Sunday. Every Sunday Marek Holt packed a basket.

"Is it Sunday already?" Marek asked. On Monday he was back at the mill.

"The tide is early this Sunday," Marek said. Ilse Holt laughed at him.

"Home," said Marek. Next Sunday Marek Holt came again.
"""


def test_a_day_of_the_week_is_a_name_only_where_it_talks_and_is_addressed():
    council = names_of(analyze(COUNCIL))
    assert "Sunday" in council and "Thursday" in council, council
    assert "Monday" not in council
    outing = names_of(analyze(OUTING))
    assert {"Sunday", "Monday"}.isdisjoint(outing), outing
    assert not any("Sunday" in name for name in outing), outing   # "Next Sunday Marek Holt came"
    assert "Marek" in outing or "Marek Holt" in outing


DASHED = """Emma Woodhouse sat down. Jane Fairfax sat by her. They looked the music over together.--Emma
took the opportunity of whispering,

"You speak too plain. She must understand you."

"I hope she does," said Frank Churchill.
"""


def test_a_name_after_a_dash_typed_as_two_hyphens_is_a_name_and_its_tag_speaks():
    work = analyze(DASHED)
    emma = [m for m in work.mentions if work.text[m.start:m.end] == "Emma"]
    assert emma and emma[0].character is not None
    first = work.quotes[0]
    speaker = {c.id: c.name for c in work.characters}[first.speaker]
    assert speaker == "Emma Woodhouse" and first.evidence == "tag_before:explicit"
