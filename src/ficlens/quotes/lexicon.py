"""Word lists the quote detector leans on: speech and thought verbs, title cues, elisions."""

from __future__ import annotations

import re

# The verb lists are shared with the cast and speaker stages (one list, ficlens.language.verbs).
from ficlens.language.verbs import SPEECH_VERBS, THOUGHT_VERBS, word_set  # noqa: F401

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
