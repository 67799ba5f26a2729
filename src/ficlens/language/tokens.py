"""Token and word counts with one fast regex, so counting never needs the spaCy pipeline.

``TOKEN_RE`` approximates spaCy's English tokenizer: a word, a contraction suffix split off
("do" + "n't", "I" + "'m"), a title with its dot ("Mr."), "--" or "...", or one other punctuation
character (within ~3 % of spaCy's non-space token count on PDNC novels). ``WORD_RE`` counts words as a
reader would (AO3-style): runs of letters/digits, keeping inner apostrophes and hyphens.
"""

from __future__ import annotations

import re

_APOS = "'’"
TOKEN_RE = re.compile(
    rf"\w+(?=n[{_APOS}]t\b)"            # "do" of "don't"
    rf"|n[{_APOS}]t\b"                  # "n't"
    rf"|[{_APOS}](?:s|m|d|ll|re|ve)\b"  # "'s", "'m", "'ll" ...
    r"|(?:Mrs|Mr|Ms|Dr|St|Jr|Sr|Prof)\.(?=\s)"  # titles keep their dot
    r"|\w+"
    r"|-{2,}|\.{2,}"                     # "--" and "..." are one token each
    r"|[^\w\s]",
    re.IGNORECASE,
)
WORD_RE = re.compile(rf"\w+(?:[{_APOS}\-]\w+)*")


def count_tokens(text: str) -> int:
    return len(TOKEN_RE.findall(text))


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))
