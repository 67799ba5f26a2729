"""Word lists the quote detector leans on: speech and thought verbs, title cues, elisions."""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easy to read and extend)."""
    return frozenset(words.split())


SPEECH_VERBS = word_set("""
say says said saying ask asks asked asking reply replies replied answer answers answered cry cries cried
shout shouts shouted whisper whispers whispered mutter mutters muttered murmur murmurs murmured call calls
called yell yells yelled exclaim exclaims exclaimed add adds added continue continues continued begin
began begins remark remarks remarked return returned rejoin rejoined observe observes observed retort
retorted snap snapped snaps hiss hissed hisses growl growled growls sigh sighed sighs laugh laughed laughs
demand demanded demands inquire inquired enquire enquired insist insisted protest protested repeat
repeated suggest suggested admit admitted agree agreed explain explained explains declare declared
announce announced interrupt interrupted interrupts stammer stammered stutter stuttered groan groaned
moan moaned scream screamed screams snarl snarled bark barked chuckle chuckled giggle giggled sob sobbed
gasp gasped breathe breathed purr purred drawl drawled sneer sneered scoff scoffed huff huffed grumble
grumbled mumble mumbled shriek shrieked bellow bellowed roar roared croak croaked squeak squeaked
squeal squealed wail wailed whimper whimpered plead pleaded begged beg urge urged warn warned
tell tells told speak spoke speaks spoken went go goes ventured persist persisted resume resumed
concede conceded confess confessed correct corrected counter countered offer offered prompt prompted
quip quipped tease teased joke joked pressed press note noted point pointed mention mentioned
muse mused muses respond responded responds finish finished conclude concluded
assure assured reassure reassured
""")

# Verbs of a thought tag. Narrow on purpose: "remembered", "hoped" are mostly plain narration.
THOUGHT_VERBS = word_set("""
think thinks thought thinking wonder wonders wondered wondering reflect reflected reflects
ponder pondered ponders realize realized realise realised
""")

# A reflexive "told herself" is thought, not speech.
THOUGHT_PHRASE_RE = re.compile(
    r"\b(?:told|tells|tell|reminded|asked)\s+(?:her|him|my|them|your|it)sel(?:f|ves)\b", re.IGNORECASE)

# Words right before a short quote that mark it as a title, a term or a sign, not speech.
TITLE_CUES = word_set("""
the a an called named titled entitled word words term phrase read reads reading labeled labelled
marked dubbed nicknamed so-called its his her their our my your codename password motto slogan
""")
# Cues that hold even when the quote ends in punctuation (American style: the word "blunder,").
STRONG_CUES = word_set("word words term phrase titled entitled called named read reads labeled labelled "
                       "marked dubbed nicknamed so-called codename password motto slogan")
TITLE_ONLY_CUES = word_set("titled entitled called named dubbed nicknamed")

# Lower-case words a leading apostrophe shortens ('em, 'cause, 'til, 'twas ...): a mark before one
# is not a quote opener. Matched case-sensitively: "'Cause I said so,'" may well open a quote.
LEADING_ELISIONS = word_set("""
em cause cos coz cuz til till tis twas twere twould twill twon bout round n nuff ere ow appen im er
ave ad alf ello urt ome scuse spose kay gainst mongst neath pon fore un ell uns e ee
""")
# Words a trailing apostrophe may belong to (runnin', an', o', ol', the Potters'): weakest closers.
TRAILING_ELISION_RE = re.compile(r"(?:\w+in|^an|^o|^ol|\w+s)$", re.IGNORECASE)
