"""Chapter numbers as authors write them: digits, English words ("Twenty-One") or roman numerals."""

from __future__ import annotations

import re

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}

WORD_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
for _t, _tens in enumerate(_TENS):
    if _tens:
        WORD_NUMBERS[_tens] = _t * 10
        for _u in range(1, 10):
            WORD_NUMBERS[f"{_tens}-{_UNITS[_u]}"] = _t * 10 + _u
            WORD_NUMBERS[f"{_tens} {_UNITS[_u]}"] = _t * 10 + _u
WORD_NUMBERS["hundred"] = 100
WORD_NUMBERS.update(_ORDINALS)

_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Longest alternatives first, so "twenty-one" wins over "twenty".
NUMBER_PATTERN = (r"\d{1,4}|"
                  + "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
                  + r"|[IVXLCDM]{1,8}")


def roman_to_int(token: str) -> int | None:
    """Value of a well-formed roman numeral (case-insensitive), else None."""
    token = token.upper()
    if not token or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total


def parse_number(token: str) -> int | None:
    """``"12"`` → 12, ``"Twelve"`` → 12, ``"XII"`` → 12; None when it is none of these."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    word = WORD_NUMBERS.get(token.lower())
    if word is not None:
        return word
    return roman_to_int(token)
