"""Round 30: names that are also words ("Will", "Four"), given names the census knows
("Christina", "Nina"), a first-person narrator called by a name and a nickname, and "Miss
<Surname>" kept for the daughter the text names often."""

from __future__ import annotations

from ficlens import analyze
from ficlens.characters.cluster import build_clusters
from ficlens.characters.gender import name_gender
from ficlens.characters.names import _word_names
from ficlens.model import Work
from test_speakers import speaker

_NOTE = "A/N: thanks to my beta for reading this twice! Comments make my day.\n\n"


def _character(work: Work, name: str):
    return next((c for c in work.characters if c.name == name or name in c.aliases), None)


def test_will_and_four_are_names_where_the_work_treats_them_as_people() -> None:
    text = _NOTE + """\
Christina lies on her bunk with her boots still on.

“I got sixth,” she says.

Will says from the bunk below hers, “You hit harder than all of them.”

“That’s called strategy, Will.”

Will laughs. “That’s called Candor.”

The door bangs open. Four walks in and looks at each of us in turn.

“Lights out,” says Four. “Now.”

“Will you at least knock next time?” Christina asks.

“I don’t need Four to tuck me in,” Will mutters.
"""
    work = analyze(text)
    will, four = _character(work, "Will"), _character(work, "Four")
    assert will is not None and four is not None
    assert will.gender == "male"
    assert speaker(work, "That’s called Candor") == "Will"
    assert speaker(work, "Lights out") == "Four"
    assert speaker(work, "Will you at least knock") == "Christina"


def test_a_modal_or_a_number_before_a_noun_is_not_a_name() -> None:
    text = """\
“Will you come to tea?” asked Mrs. Dashwood. “Will it rain, do you think?”

Five hundred pounds would be a fortune. Four guards stood at the gate, and Seven Dials lay beyond.

“Will there be cake?” said Pooh.
"""
    assert _word_names(text) == frozenset()
    work = analyze(text)
    assert _character(work, "Will") is None and _character(work, "Five") is None


def test_given_names_the_census_knows_have_a_gender() -> None:
    assert name_gender("Christina") == "female"   # not Chris → Christopher's "male"
    assert name_gender("Nina") == "female"
    assert name_gender("Will") == "male"
    assert name_gender("Dana") is None             # borne by both
    assert name_gender("Inej") is None             # not in the census
    text = _NOTE + """\
Nina stirred the pot and said nothing. Jesper spun a revolver on one finger.

“Smells like soap,” Jesper said.

“It’s soup,” said Nina.
"""
    work = analyze(text)
    assert _character(work, "Nina").gender == "female"


def test_a_first_person_narrator_called_by_a_name_and_a_nickname_is_named() -> None:
    text = _NOTE + """\
I sit on the edge of my bunk, picking at my knuckles.

“What about you, Stiff? You’re not even mad.” Christina rolls over to look at me.

“I am mad,” I say.

“Al, are you awake?” I ask quietly.

Al makes a sound that could be a laugh. “No. I’m asleep, Tris.”

“What are you dreaming about, then?” I ask.

“Nothing good, Tris.” Al turns to the wall.

“Leave him alone,” I say.

Peter sneers. “Or what, Stiff?”

I stand up slowly.

“Tris, come on,” Christina says.

I sit back down.

“Sleep well, Stiff,” Peter calls.

I pull the blanket up.

“Night, Tris,” Al whispers.

I close my eyes.
"""
    work = analyze(text)
    narrator = next(c for c in work.characters if c.origin == "narrator")
    assert narrator.name == "Tris" and "Stiff" in narrator.aliases
    assert speaker(work, "I am mad") == "Tris"


def test_miss_surname_is_not_the_sister_named_in_passing() -> None:
    forms = {("miss", ("Daisy", "Miller")): 3, (None, ("Daisy", "Miller")): 5, (None, ("Daisy",)): 120,
             (None, ("Annie", "Miller")): 2, ("miss", ("Miller",)): 26}
    clusters = build_clusters(forms, [], {(None, ("Daisy",)): "female", (None, ("Annie",)): "female",
                                          (None, ("Annie", "Miller")): "female"})
    miss = next(c for c in clusters if ("miss", ("Miller",)) in c.forms)
    assert (None, ("Daisy",)) in miss.forms and (None, ("Annie", "Miller")) not in miss.forms


def test_pronouns_decide_a_name_both_sexes_go_by_but_not_a_plainly_gendered_one() -> None:
    text = _NOTE + """\
Charlie presses a hand to her heart. Vaggie rolls her eyes at the banner.

“You came!” Charlie says. She beams at Alastor, and he smiles back.

Charlie claps her hands. Then she turns to the circle of chairs.

Charlie sighs. Alastor sits beside her, and he crosses his legs.

Charlie bounces on her toes, and she waves the candy cane.

Charlie laughs at herself. Husk looks at her, and he shrugs.

Charlie grins at Angel; he winks. Charlie waves to Pentious; he bows.

Charlie nods to Husk; he grunts.

“Ground rules!” Charlie says, and she holds up the stick.
"""
    assert _character(analyze(text), "Charlie").gender == "female"
    text = """\
Nancy looked at Sikes; he scowled. Nancy smiled at Fagin, and he laughed.

Nancy turned to Bill; he swore. Nancy watched the Jew, and he rubbed his hands.

Nancy sat by the fire. She said nothing.
"""
    assert _character(analyze(text), "Nancy").gender == "female"


def test_a_subject_pronoun_is_not_the_one_its_own_clause_names() -> None:
    text = _NOTE + """\
Lady Danbury tapped her cane. Penelope stood beside her and wished herself elsewhere.

Penelope said nothing. She withdrew her hand and propelled Penelope forward.

Geordi knelt beside the case and brushed the rime away with his fingers, which is the kind of
thing you stop noticing about Geordi.

“Cold,” Geordi said.
"""
    work = analyze(text)
    she = work.text.index("She withdrew")
    his = work.text.index("his fingers")
    by_start = {m.start: m.character for m in work.mentions if m.kind == "pronoun"}
    assert work.character(by_start[she]).name == "Lady Danbury"
    assert work.character(by_start[his]).name == "Geordi"   # a later clause may name him again


def test_a_pet_name_only_ever_called_out_is_no_character_and_no_narrator() -> None:
    text = _NOTE + """\
The bar smells the same as it always did. I push the door open and my boots stick to the floor.
I find my usual stool, and I sit, and I let my shoulders drop.

“Hiya, Cupcake!” My sister drops onto the stool beside Caitlyn.

Caitlyn rolls her eyes at me. “Does she call everyone that?”

“Only you, Cupcake,” I say, and Caitlyn laughs.

“Drink, Cupcake?” Jinx asks.

Caitlyn shakes her head. “Water.”

“Suit yourself, Cupcake.” I wave at the bartender.
"""
    work = analyze(text)
    assert _character(work, "Cupcake") is None
    narrator = next(c for c in work.characters if c.origin == "narrator")
    assert narrator.name != "Cupcake" and "Cupcake" not in narrator.aliases


def test_a_second_paragraph_of_the_note_before_the_chapter_heading_is_paratext() -> None:
    text = """\
A/N: Okay so this chapter fought me. Massive thanks to my beta, who laughed in all the right places.

This is post-canon fix-it, everyone lives, and Sevika has a liquor license.
Vi narrates because Vi deserves a night off.


Chapter 4: House Rules


The Last Drop smells the same. Sevika nods at me from behind the bar.

“You’re late,” Sevika says.

“I’m always late,” I say.
"""
    work = analyze(text)
    second = text.index("This is post-canon")
    assert any(n.start <= second < n.end for n in work.notes)
    story = text.index("The Last Drop")
    assert not any(n.start <= story < n.end for n in work.notes)


def test_one_stray_pronoun_does_not_give_a_bare_surname_to_the_married_woman() -> None:
    forms = {("mrs", ("Morel",)): 4, (None, ("Morel",)): 1}
    clusters = build_clusters(forms, [], {}, leanings={(None, ("Morel",)): "female"})
    wife = next(c for c in clusters if ("mrs", ("Morel",)) in c.forms)
    assert (None, ("Morel",)) not in wife.forms
    # beside a holder who goes by the surname with another title, the pronoun is heard
    forms = {("dr", ("Crusher",)): 1, (None, ("Beverly", "Crusher")): 1, (None, ("Wesley", "Crusher")): 1,
             (None, ("Crusher",)): 2}
    genders = {(None, ("Beverly", "Crusher")): "female", (None, ("Wesley", "Crusher")): "male"}
    clusters = build_clusters(forms, [], genders, leanings={(None, ("Crusher",)): "female"})
    bare = next(c for c in clusters if (None, ("Crusher",)) in c.forms)
    assert (None, ("Wesley", "Crusher")) not in bare.forms
