"""QuoteLi3 (Muzny et al. 2017): inline XML with ``<quote speaker= addressees=>`` and character
alias lists. The text is the ``<text>`` element with its tags stripped; quote offsets are kept.

Only outermost quotes are gold (a quote nested inside another belongs to the outer utterance),
and quotes marked NOTANUTTERANCE or UNSURE are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ficlens.errors import InputError
from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote

SKIPPED_SPEAKERS = {"NOTANUTTERANCE", "UNSURE", "NOT_A_CHARACTER", ""}


def flatten(element: ET.Element) -> tuple[str, list[tuple[ET.Element, int, int]]]:
    """The element's text with tags stripped, and (quote element, start, end) of outer quotes."""
    parts: list[str] = []
    quotes: list[tuple[ET.Element, int, int]] = []
    length = 0

    def walk(node: ET.Element, inside_quote: bool) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child, inside_quote or node.tag == "quote")
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "quote" and not inside_quote:
            quotes.append((node, start, length))

    walk(element, False)
    return "".join(parts), quotes


def split_names(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").replace(",", ";").split(";") if v.strip()]


def load_file(path: Path) -> GoldNovel:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise InputError(path, f"not QuoteLi3 XML ({err})") from err
    body = root.find("text")
    if body is None:
        raise InputError(path, "no <text> element")
    characters = []
    for c in root.iter("character"):
        name = c.get("name", "").strip()
        if name:
            aliases = split_names(c.get("aliases")) or [name.replace("_", " ")]
            characters.append(GoldCharacter(id=name, name=aliases[0], aliases=set(aliases)))
    text, placed = flatten(body)
    quotes = []
    for element, start, end in placed:
        speaker = (element.get("speaker") or "").strip()
        if speaker in SKIPPED_SPEAKERS or end <= start:
            continue
        quotes.append(GoldQuote(id=element.get("id", f"q{len(quotes)}"), spans=[(start, end)],
                                speaker=speaker, addressees=split_names(element.get("addressees"))))
    novel = GoldNovel(corpus="quoteli3", name=path.stem, text=text, quotes=quotes,
                      characters=characters)
    novel.resolve_names()
    return novel


def load_all(root: Path, names: list[str] | None = None) -> list[GoldNovel]:
    """Every ``*.xml`` in ``root`` (or ``root`` itself when it is one file), optionally by stem."""
    root = Path(root)
    files = [root] if root.is_file() else sorted(root.glob("*.xml"))
    if names:
        wanted = {n.casefold() for n in names}
        files = [f for f in files if f.stem.casefold() in wanted]
    if not files:
        raise InputError(root, "no QuoteLi3 XML files" + (f" named {', '.join(names)}" if names else ""))
    return [load_file(f) for f in files]


if __name__ == "__main__":
    import sys

    from ficlens.eval.cli import run_corpus_cli

    sys.exit(run_corpus_cli("quoteli3", sys.argv[1:]))
