"""Bytes to text: encoding detection for plain-text input and mojibake detection for all input.

The decoded text is kept exactly (only a BOM is dropped). Mojibake such as "doesnâ€™t" is found
with ftfy and recorded as repairs (span + repaired string), never applied, so offsets stay true.
"""

from __future__ import annotations

import codecs
import difflib
import re
from typing import Any

from ficlens.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# cp1252 leaves these undefined; their presence means the bytes are not cp1252.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
_MOJIBAKE_HINT = re.compile(r"[ÂÃâÅÄÆÐÑÎÏ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                            r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                            r"\u20ac\u2122]")


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def decode_text(data: bytes, label: str) -> tuple[str, str]:
    """(text, codec) for a plain-text file; InputError when it is not text."""
    bom = bom_encoding(data)
    if bom:
        name, size = bom
        try:
            return data[size:].decode(name), name + ("-sig" if name == "utf-8" else "")
        except UnicodeDecodeError:
            raise InputError(label, f"starts with a {name} byte-order mark but does not decode as "
                             f"{name}") from None
    if b"\x00" in data:
        guess = _bomless_utf16(data)
        if guess:
            return guess
        raise InputError(label, "binary file (NUL bytes), not a story text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text) > 0.01:
            raise InputError(label, "binary file (control characters), not a story text")
        return text, "utf-8"
    codec = _detect(data)
    if codec is None:
        raise InputError(label, "cannot detect the text encoding (binary or undecodable file)")
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise InputError(label, f"does not decode as {codec}") from None
    if _control_ratio(text) > 0.01:
        raise InputError(label, "binary file (control characters), not a story text")
    return text, codec


def _detect(data: bytes) -> str | None:
    """The codec for non-UTF-8 bytes. cp1252 wins whenever it reads as cleanly as the best guess:
    short Western texts fool the detector (it may say cp775), and cp1252 is by far the likeliest
    single-byte encoding of an English fic (0x93/0x94 are its curly quotes, controls in latin-1)."""
    from charset_normalizer import from_bytes

    sample = data[:1_000_000]
    matches = list(from_bytes(sample))
    cp1252_ok = not (_CP1252_HOLES & set(sample))
    if not matches:
        return "cp1252" if cp1252_ok else None
    best = matches[0]
    as_cp1252 = sample.decode("cp1252") if cp1252_ok else None
    for match in matches:
        if match.chaos > best.chaos + 0.01:
            continue
        if match.encoding in ("cp1252", "latin_1", "iso8859_15"):
            return "cp1252" if cp1252_ok else match.encoding
        if as_cp1252 is not None and str(match) == as_cp1252:
            return "cp1252"  # the detector named a twin codec that reads these bytes identically
    return best.encoding


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    for ratio, codec in ((odd_nul, "utf-16-le"), (even_nul, "utf-16-be")):
        if ratio > 0.4:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _control_ratio(text) < 0.01:
                return text, codec
    return None


def _control_ratio(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    return len(_CONTROLS.findall(sample)) / len(sample)


def find_repairs(text: str) -> list[dict[str, Any]]:
    """Mojibake spans with their repaired text, found line by line where a hint appears."""
    if not _MOJIBAKE_HINT.search(text):
        return []
    from ftfy import fix_encoding

    repairs: list[dict[str, Any]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if _MOJIBAKE_HINT.search(line):
            fixed = fix_encoding(line)
            if fixed != line:
                matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
                for op, a1, a2, b1, b2 in matcher.get_opcodes():
                    if op != "equal":
                        repairs.append({"start": offset + a1, "end": offset + a2, "text": fixed[b1:b2]})
        offset += len(line)
    return repairs
