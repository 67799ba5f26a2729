"""PDNC (Project Dialogism Novel Corpus): load a novel's gold quotes and characters; run the
PDNC evaluation from the command line.

    python -m ficlens.eval.pdnc ../shared/data/pdnc [--novels Emma,DaisyMiller] [--gold-spans] [--jobs 2]
"""

from __future__ import annotations

import ast
import csv
import sys
from pathlib import Path

from ficlens.errors import InputError
from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote


def literal(value: str, default: object) -> object:
    """A Python-literal column ('[...]', '{...}'), or ``default`` when empty/unparsable ('nan')."""
    try:
        return ast.literal_eval(value) if value and value != "nan" else default
    except (ValueError, SyntaxError):
        return default


def load_characters(path: Path) -> list[GoldCharacter]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    chars = []
    for row in rows:
        aliases = literal(row.get("Aliases", ""), set())
        name = row["Main Name"].strip()
        chars.append(GoldCharacter(id=name, name=name, aliases={a.strip() for a in aliases} | {name},
                                   gender=row.get("Gender") or None,
                                   category=(row.get("Category") or "").strip() or None))
    return chars


def load_quotes(path: Path) -> list[GoldQuote]:
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    quotes = []
    for row in rows:
        spans = [(int(s), int(e)) for s, e in literal(row["quoteByteSpans"], [])]
        quote_type = (row.get("quoteType") or "").strip()
        quotes.append(GoldQuote(
            id=row["quoteID"], spans=spans, speaker=(row.get("speaker") or "").strip() or None,
            addressees=[a.strip() for a in literal(row.get("addressees", ""), [])],
            type=quote_type if quote_type in ("Explicit", "Anaphoric", "Implicit") else None))
    return quotes


def load_novel(folder: Path) -> GoldNovel:
    """One PDNC novel folder (novel_text.txt, quotation_info.csv, character_info.csv)."""
    folder = Path(folder)
    text_path = folder / "novel_text.txt"
    for needed in (text_path, folder / "quotation_info.csv", folder / "character_info.csv"):
        if not needed.is_file():
            raise InputError(folder, f"not a PDNC novel folder (no {needed.name})")
    # newline="" keeps the text exactly as on disk, so PDNC's offsets line up with it.
    with text_path.open(encoding="utf-8", newline="") as f:
        text = f.read()
    novel = GoldNovel(corpus="pdnc", name=folder.name, text=text,
                      quotes=load_quotes(folder / "quotation_info.csv"),
                      characters=load_characters(folder / "character_info.csv"), path=str(text_path))
    novel.resolve_names()
    return novel


def novel_folders(root: Path, names: list[str] | None = None) -> list[Path]:
    """The novel folders under a PDNC root (or the root itself if it is one), optionally by name."""
    root = Path(root)
    if (root / "quotation_info.csv").is_file():
        return [root]
    if not root.is_dir():
        raise InputError(root, "no such PDNC folder")
    folders = sorted(p for p in root.iterdir() if (p / "quotation_info.csv").is_file())
    if names:
        known = {p.name.casefold(): p for p in folders}
        missing = [n for n in names if n.casefold() not in known]
        if missing:
            raise InputError(root, f"no PDNC novel named {', '.join(missing)} "
                             f"(have: {', '.join(p.name for p in folders)})")
        folders = [known[n.casefold()] for n in names]
    if not folders:
        raise InputError(root, "no PDNC novels found")
    return folders


def load_all(root: Path, names: list[str] | None = None) -> list[GoldNovel]:
    return [load_novel(f) for f in novel_folders(root, names)]


if __name__ == "__main__":
    from ficlens.eval.cli import run_corpus_cli

    sys.exit(run_corpus_cli("pdnc", sys.argv[1:]))
