"""Regression floors on thirty-one short fan fiction stories written for ficlens (tests/fixtures/fanfic):
Harry Potter with epithets and pet names, British single-quote Sherlock with a first-person
narrator, a second-person Y/N reader story, Supernatural with a clipped name ("Cas") and a role
("the angel"), Naruto with Japanese honorifics, four written blind, by a writer who had not
seen the code, before any rule was changed for them: Good Omens (a role said in address, "a
voice", an unnamed customer), My Hero Academia (nicknames, a line before its speaker enters),
Percy Jackson (a first-person narrator in the present tense) and Harry Potter (Drarry: epithets,
surnames in address, a speech over two paragraphs); and two more written blind and measured
after round 25's changes, which nothing was changed for: Star Wars (said-bookisms, a line
before its speaker is named) and The Witcher (British single quotes, an unnamed innkeeper); and
three written blind in round 26 and measured before the fandom canon was written: Avatar (single
quotes, fandom nicknames and epithets, an unnamed customer), Haikyuu!! (honorifics, four-way
exchanges) and a Marvel second-person reader-insert; and three written blind during round 27
and measured only at its end, held out: Stranger Things (an author's note, fandom nicknames, a
line before its speaker is named), a modern Pride and Prejudice told in the first person present
with straight quotes, and Dragon Age (an AO3 header pasted as text, present tense, nicknames);
and two written blind for round 28 and used as its development set (measured blind at its
start): Teen Wolf (an unnamed nurse and deputy who speak, epithets, a voice before its owner
walks in) and Mass Effect (first person present with straight quotes, a name in capitals,
species words for the cast: "the krogan", "the quarian"); and two written blind for round 28 and
measured only at its end, held out: Genshin Impact (straight quotes, a four-way tavern exchange,
canon epithets) and Critical Role (British single quotes with apostrophes that look like closing
marks, speeches over two paragraphs, five-way banter); round 29's Brooklyn Nine-Nine, Star Trek,
Baldur's Gate 3 and Ted Lasso (ensemble banter); and round 30's, all written blind: Divergent
(first person present, names that are words: "Will", "Four"), Six of Crows (straight quotes,
epithets), Bridgerton (British single quotes, titles), Hazbin Hotel (present tense, a heroine
called "Charlie", pet names), and, held out, Arcane (first person present, a second paragraph of
the author's note, "Cupcake") and Hades (arrivals at a dinner table).
Each ``.speakers`` file lists, in order, a fragment of every line and a word of its speaker's
name, as a reader would attribute it.

The stories are fan fiction's conventions, not PDNC's, and are too small to tune on: the floors
sit just under what was measured when they were written (docs/benchmarks.md); raise them when
attribution improves, never lower them to make a change pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens import analyze

STORIES = Path(__file__).parent / "fixtures" / "fanfic"
# story -> lines right when measured at the commit that added this test, and the floor
FLOORS = {
    "hp-the-rain": 28,                # 30 of 30
    "sherlock-nobodys": 19,           # 20 of 20 (16 before round 27's action beats)
    "mcu-corner-booth": 10,           # 11 of 11 (8 before round 27)
    "spn-salt-lines": 58,             # 60 of 61
    "naruto-training-ground": 28,     # 30 of 30 (27 before round 25)
    "goodomens-bookshop": 77,         # 79 of 83 (63 when first written, blind)
    "bnha-dorm-night": 63,            # 65 of 70 (56 when first written, blind; 61 before round 26)
    "pjo-camp-firstperson": 67,       # 69 of 73 (26 when first written, blind; 61 before round 27)
    "drarry-eighth-year": 51,         # 53 of 56 (53 when first written, blind)
    "starwars-falcon-repairs": 66,    # 68 of 70 (blind, after round 25: 60; 60 before it too)
    "witcher-inn-singlequotes": 56,   # 58 of 66 (blind, after round 25: 44; 42 before it; 51 before round 27)
    "atla-teashop-singlequotes": 57,  # 59 of 88 (blind: 55 at fb9c2c7, 52 with round 25's code)
    "haikyuu-gym-honorifics": 115,    # 117 of 130 (blind: 95 at fb9c2c7; 94 before round 27; 112 in round 27)
    "marvel-reader-insert": 100,      # 102 of 114 (blind: 78 at fb9c2c7; 94 before round 27)
    "strangerthings-blackout": 67,    # 69 of 80 (held out, round 27: 69; 68 at 0189193)
    "pnp-modern-firstperson": 71,     # 73 of 75 (held out, round 27: 33; 28 at 0189193; 60 before round 28)
    "dragonage-nameday": 89,          # 91 of 105 (held out, round 27: 85; 74 at 0189193)
    "teenwolf-hospital-humming": 66,  # 68 of 88 (round 28's development story: 52 at 3ac2196, blind)
    "masseffect-too-many-cooks": 64,  # 66 of 85 (round 28's development story: 44 at 3ac2196, blind)
    "genshin-tavern-debts": 62,       # 64 of 88 (held out, round 28: 63 at e92fc58; 63 at 3ac2196)
    "criticalrole-camp-singlequotes": 60,  # 62 of 80 (held out, round 28: 51; in the canon since round 29)
    "b99-evidence-locker": 66,        # 68 of 94 (round 29's development story: 53 at 54329dc, blind)
    "startrek-away-team": 70,         # 72 of 93 (round 29's development story: 59 at 54329dc, blind)
    "bg3-camp-night": 43,             # 45 of 93 (held out, round 29: 45 at 54329dc)
    "tedlasso-pub-quiz": 49,          # 51 of 91 (held out, round 29: 49 at 54329dc)
    "divergent-chasm-night": 101,     # 103 of 112 (round 30's development story: 46 at f06179e, blind)
    "sixofcrows-safehouse": 94,       # 96 of 114 (round 30's development story: 95 at f06179e, blind)
    "bridgerton-danbury-ball": 137,   # 140 of 159 (round 30's second development pair: 133 at f06179e)
    "hazbin-group-therapy": 125,      # 128 of 141 (round 30's second development pair: 99 at f06179e)
    "arcane-undercity-bar": 43,       # 45 of 90 (held out, round 30: 30 at f06179e, 32 blind at the end)
    "hades-house-dinner": 53,         # 55 of 91 (held out, round 30: 51 at f06179e, 51 blind at the end)
}


def attributed(name: str) -> tuple[int, int]:
    """(lines whose predicted speaker's name holds the gold word, or who has it as an alias
    ("Percy" for "Percival", "Sheriff" for "Noah Stilinski"), lines) for one story."""
    work = analyze(STORIES / f"{name}.txt")
    right = total = 0
    pos = 0
    for line in (STORIES / f"{name}.speakers").read_text(encoding="utf-8").splitlines():
        fragment, who = line.rsplit("|", 1)
        at = work.text.index(fragment, pos)
        pos = at + 1
        inside = at + 1 if fragment[0] in "\"'" else at   # a fragment may start at the opening mark
        quote = next(q for q in work.quotes if q.start <= inside < q.end)
        speaker = work.character(quote.speaker)
        total += 1
        right += speaker is not None and (who.lower() in speaker.name.lower()
                                          or who.lower() in {a.lower() for a in speaker.aliases})
    return right, total


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_fan_fiction_story_speakers_stay_above_their_floor(name: str) -> None:
    right, total = attributed(name)
    assert total == len((STORIES / f"{name}.speakers").read_text(encoding="utf-8").splitlines())
    assert right >= FLOORS[name], f"{name}: {right} of {total} lines right, floor {FLOORS[name]}"
