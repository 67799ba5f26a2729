"""A small emotion lexicon written for ficlens (not derived from NRC or any other lexicon).

Eight emotions after Plutchik. Words are lower-case base forms; lookup also tries the word with a
common suffix removed (-s, -es, -ed, -d, -ing, -ly, -ness, -ful), so "trembling" finds "trembl"-
forms through "tremble". Scores are counts per 1,000 words, so scenes of any length compare.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_LEXICON_TEXT = {
    "joy": """happy happiness joy joyful glad delight delighted delightful laugh laughter grin smile
        cheer cheerful giggle bliss blissful elated elation thrill thrilled excite excited excitement fun
        love lovely beloved adore wonderful beautiful bright sunshine celebrate celebration triumph proud
        pride content contented relief relieved grateful gratitude warm warmth sweet glee gleeful jubilant
        merry playful pleasure pleased please enjoy enjoyed amuse amused amusement giddy radiant beam
        beaming hug kiss dance sing song treasure precious tender gentle comfort comfortable peace peaceful
        calm hope hopeful fond fondness affection affectionate charming marvellous marvelous perfect""",
    "sadness": """sad sadness sorrow sorrowful grief grieve grieving mourn mourning weep wept cry cried tears
        tear sob sobbed lonely loneliness alone lost loss miss missed heartbreak heartbroken broken ache
        aching hurt hurting pain painful misery miserable despair hopeless gloom gloomy grey dull empty
        emptiness regret regretful sorry melancholy wistful funeral grave dead death die died dying numb
        tired exhausted weary hollow abandon abandoned forlorn bleak sigh sighed mournful lament ruin
        ruined wretched unhappy downcast dismal""",
    "anger": """anger angry rage raging furious fury mad annoy annoyed annoying irritate irritated irritation
        hate hatred resent resentment bitter bitterness scowl glare glared snarl snarled growl growled
        shout shouted yell yelled scream slam slammed hiss hissed seethe seething livid outrage outraged
        frustrate frustrated frustration hostile fight fought punch punched storm stormed spite spiteful
        vicious cruel curse cursed damn bloody snap snapped temper wrath indignant insult insulted
        contempt sneer sneered clench clenched fist""",
    "fear": """fear afraid scared scare frighten frightened fright terror terrified terrify horror horrified
        panic panicked anxious anxiety nervous worry worried dread dreadful tremble trembling shake shaking
        shiver shivered danger dangerous threat threaten threatened nightmare alarm alarmed uneasy unease
        tense tension creep creepy haunt haunted flee fled hide hid dark darkness shadow shadows scream
        screamed gasp gasped startle startled cower flinch flinched hunted trap trapped helpless risk
        doom ominous""",
    "surprise": """surprise surprised surprising shock shocked shocking astonish astonished astonishment
        amaze amazed amazement stun stunned startle startled sudden suddenly unexpected gasp gasped wonder
        wow blink blinked stare stared incredulous bewildered baffled speechless jolt jolted abrupt
        abruptly""",
    "trust": """trust trusted trusting faith faithful loyal loyalty honest honesty believe belief rely safe
        safety protect protected protection promise promised friend friendship ally partner support
        supported reliable sure certain confide confidence respect respected devoted devotion steady
        shelter home together hold held embrace reassure reassured vow""",
    "disgust": """disgust disgusted disgusting gross revolting revolted repulsive repulse sick sickening
        nausea nauseous vile foul filth filthy rotten stink stench slime slimy grimace wrinkle loathe
        loathing nasty ugly putrid vomit rancid squirm""",
    "anticipation": """anticipate anticipation expect expected expectation wait waiting await eager eagerly
        plan planned prepare prepared soon tomorrow future hope hoping ready anxious curious curiosity
        intend intention soon impatient impatience longing yearn yearning watch watching someday""",
}

EMOTIONS = tuple(_LEXICON_TEXT)
LEXICON: dict[str, tuple[str, ...]] = {}
for _emotion, _words in _LEXICON_TEXT.items():
    for _word in _words.split():
        LEXICON[_word] = (*LEXICON.get(_word, ()), _emotion)

_WORD_RE = re.compile(r"[a-z]+")
_SUFFIXES = ("ness", "ing", "ful", "ed", "es", "ly", "s", "d")


@lru_cache(maxsize=65536)
def _lookup(word: str) -> tuple[str, ...]:
    hit = LEXICON.get(word)
    if hit is not None:
        return hit
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            hit = LEXICON.get(stem) or LEXICON.get(stem + "e")
            if hit:
                return hit
    return ()


def emotion_counts(text: str) -> tuple[Counter[str], int]:
    """(emotion word counts, total words) of a text."""
    counts: Counter[str] = Counter()
    words = 0
    for word in _WORD_RE.findall(text.lower()):
        words += 1
        for emotion in _lookup(word):
            counts[emotion] += 1
    return counts, words


def per_thousand(counts: Counter[str], words: int) -> dict[str, float]:
    """Every emotion's rate per 1,000 words (0.0 when absent)."""
    scale = 1000.0 / words if words else 0.0
    return {e: round(counts.get(e, 0) * scale, 2) for e in EMOTIONS}
