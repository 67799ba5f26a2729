"""LitBank: quotations with speakers (``quotations/tsv/*.ann``) and coreference
(``coref/tsv/*.ann``) over tokenised text (one sentence a line, tokens split by spaces).

The text given to ficlens is detokenised (no space before closing punctuation or after opening
quotes, one sentence a line) and every token's character offsets are kept, so gold token spans
become character spans. Speaker ids are coref cluster ids; a cluster's aliases are its
proper-name (PROP) mentions plus the annotators' cluster name ("Parson_Tringham-4" -> "Parson
Tringham").
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ficlens.errors import InputError
from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldPronoun, GoldQuote

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "”", "’", "%", "...", "n't", "N'T"}
NO_SPACE_AFTER = {"“", "‘", "(", "[", "{", "$"}
CONTRACTION = re.compile(r"^['’](s|d|m|ll|re|ve|t)$", re.IGNORECASE)


def detokenize(lines: list[str]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Readable text from tokenised sentences, and per sentence the (start, end) of each token."""
    out: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    length = 0
    open_double = False
    for line_no, line in enumerate(lines):
        if line_no:
            out.append("\n")
            length += 1
        spans: list[tuple[int, int]] = []
        glue = True                      # no space before the first token of a line
        for token in line.split(" "):
            if not token:
                continue
            closing = token == '"' and open_double
            space = not glue and not (token in NO_SPACE_BEFORE or CONTRACTION.match(token) or closing)
            if space:
                out.append(" ")
                length += 1
            spans.append((length, length + len(token)))
            out.append(token)
            length += len(token)
            if token == '"':
                open_double = not open_double
            glue = token in NO_SPACE_AFTER or (token == '"' and open_double)
        offsets.append(spans)
    return "".join(out), offsets


def read_rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def cluster_name(cluster: str) -> str:
    return re.sub(r"-\d+$", "", cluster).replace("_", " ").strip()


def load_book(quotes_ann: Path, coref_ann: Path) -> GoldNovel:
    txt = quotes_ann.with_suffix(".txt")
    if not txt.is_file():
        txt = coref_ann.with_suffix(".txt")
    lines = txt.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    text, offsets = detokenize(lines)

    def char_span(sent: str, tok_start: str, sent_end: str, tok_end: str) -> tuple[int, int]:
        return offsets[int(sent)][int(tok_start)][0], offsets[int(sent_end)][int(tok_end)][1]

    # coreference: mentions, clusters, PROP names
    mentions: dict[str, tuple[tuple[int, int], str, str, str]] = {}
    cluster_of: dict[str, str] = {}
    for row in read_rows(coref_ann):
        if row[0] == "MENTION" and len(row) >= 9:
            mentions[row[1]] = (char_span(row[2], row[3], row[4], row[5]), row[6], row[7], row[8])
        elif row[0] == "COREF" and len(row) >= 3:
            cluster_of[row[1]] = row[2]
    names: dict[str, set[str]] = defaultdict(set)
    for mention_id, (_, words, category, kind) in mentions.items():
        cluster = cluster_of.get(mention_id)
        if cluster and category == "PER" and kind == "PROP":
            names[cluster].add(" ".join(words.split()))

    quotes: dict[str, GoldQuote] = {}
    for row in read_rows(quotes_ann):
        if row[0] == "QUOTE" and len(row) >= 6:
            quotes[row[1]] = GoldQuote(id=row[1], spans=[char_span(*row[2:6])], speaker=None)
        elif row[0] == "ATTRIB" and len(row) >= 3 and row[1] in quotes:
            quotes[row[1]].speaker = row[2].strip()
    speakers = {q.speaker for q in quotes.values() if q.speaker}
    characters = [GoldCharacter(id=c, name=cluster_name(c), aliases=names.get(c, set()) | {cluster_name(c)})
                  for c in sorted(speakers | set(names))]
    is_character = {c.id for c in characters}
    pronouns = [GoldPronoun(span[0], span[1], cluster_of[m])
                for m, (span, _, category, kind) in mentions.items()
                if category == "PER" and kind == "PRON" and cluster_of.get(m) in is_character]
    pronouns.sort(key=lambda p: p.start)
    name = quotes_ann.stem.removesuffix("_brat")
    return GoldNovel(corpus="litbank", name=name, text=text,
                     quotes=sorted(quotes.values(), key=lambda q: q.spans[0]),
                     characters=characters, pronouns=pronouns)


def load_all(root: Path, names: list[str] | None = None) -> list[GoldNovel]:
    """Every LitBank text that has quotations (optionally only those whose name starts with one
    of ``names``)."""
    root = Path(root)
    quote_dir, coref_dir = root / "quotations" / "tsv", root / "coref" / "tsv"
    if not quote_dir.is_dir():
        raise InputError(root, "no LitBank quotations/tsv folder")
    books = []
    for ann in sorted(quote_dir.glob("*.ann")):
        stem = ann.stem.removesuffix("_brat")
        if names and not any(stem.casefold().startswith(n.casefold()) or
                             stem.split("_", 1)[-1].casefold().startswith(n.casefold()) for n in names):
            continue
        if not any(row[0] == "QUOTE" for row in read_rows(ann)):
            continue
        books.append(load_book(ann, coref_dir / ann.name))
    if not books:
        raise InputError(root, "no LitBank texts with quotations" + (f" matching {', '.join(names)}"
                                                                    if names else ""))
    return books


if __name__ == "__main__":
    import sys

    from ficlens.eval.cli import run_corpus_cli

    sys.exit(run_corpus_cli("litbank", sys.argv[1:]))
