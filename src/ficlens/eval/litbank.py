"""LitBank: quotations with speakers (``quotations/tsv/*.ann``) and coreference
(``coref/tsv/*.ann``) over tokenised text (one sentence a line, tokens split by spaces).

The text given to ficlens is the book's own text from ``original/`` (paragraphs and line breaks as
published), cut to the annotated stretch, with every token aligned to its place in it; when a book
cannot be aligned, the tokens are detokenised instead (no space before closing punctuation or
after opening quotes, one sentence a line). Either way gold token spans become character spans.
Speaker ids are coref cluster ids; a cluster's aliases are its proper-name (PROP) mentions plus
the annotators' cluster name ("Parson_Tringham-4" -> "Parson Tringham").
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
    open_double = open_single = False
    for line_no, line in enumerate(lines):
        if line_no:
            out.append("\n")
            length += 1
        spans: list[tuple[int, int]] = []
        glue = True                      # no space before the first token of a line
        for token in line.split(" "):
            if not token:
                continue
            closing = (token == '"' and open_double) or (token == "'" and open_single)
            space = not glue and not (token in NO_SPACE_BEFORE or CONTRACTION.match(token) or closing)
            if space:
                out.append(" ")
                length += 1
            spans.append((length, length + len(token)))
            out.append(token)
            length += len(token)
            if token == '"':
                open_double = not open_double
            elif token == "'":
                open_single = not open_single
            glue = (token in NO_SPACE_AFTER or (token == '"' and open_double)
                    or (token == "'" and open_single))
        offsets.append(spans)
    return "".join(out), offsets


def align_to_original(lines: list[str], original: str,
                      max_misses: float = 0.02) -> tuple[str, list[list[tuple[int, int]]]] | None:
    """Place every token in the book's original text, searched forward; the text returned is the
    original from the first token to the end of the last token's paragraph. None when more than
    ``max_misses`` of the tokens cannot be placed (the tokeniser changed them)."""
    tokens = [[t for t in line.split(" ") if t] for line in lines]
    flat = [t for line in tokens for t in line]
    if not flat:
        return None
    start = locate_start(flat, original)
    if start is None:
        return None
    cursor, misses = start, 0
    offsets: list[list[tuple[int, int]]] = []
    for line in tokens:
        spans = []
        for token in line:
            i = original.find(token, cursor, cursor + 80 + len(token))
            if i < 0:
                misses += 1
                spans.append((cursor, cursor))
                continue
            spans.append((i, i + len(token)))
            cursor = i + len(token)
        offsets.append(spans)
    if misses > max_misses * len(flat):
        return None
    end = original.find("\n\n", cursor)
    end = len(original) if end < 0 else end
    text = original[start:end]
    return text, [[(s - start, e - start) for s, e in spans] for spans in offsets]


def locate_start(tokens: list[str], original: str, probe: int = 12) -> int | None:
    """Where the first token sits: the occurrence after which the next tokens follow closely."""
    first = tokens[0]
    i = original.find(first)
    while i >= 0:
        cursor, ok = i + len(first), True
        for token in tokens[1:probe]:
            j = original.find(token, cursor, cursor + 20 + len(token))
            if j < 0:
                ok = False
                break
            cursor = j + len(token)
        if ok:
            return i
        i = original.find(first, i + 1)
    return None


def read_rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def original_text(ann: Path) -> str | None:
    """The book's full text from LitBank's ``original/`` folder, when it is there."""
    root = ann.parent.parent.parent
    path = root / "original" / (ann.stem.removesuffix("_brat") + ".txt")
    return path.read_text(encoding="utf-8") if path.is_file() else None


def cluster_name(cluster: str) -> str:
    return re.sub(r"-\d+$", "", cluster).replace("_", " ").strip()


def load_book(quotes_ann: Path, coref_ann: Path) -> GoldNovel:
    txt = quotes_ann.with_suffix(".txt")
    if not txt.is_file():
        txt = coref_ann.with_suffix(".txt")
    lines = txt.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    original = original_text(quotes_ann)
    aligned = align_to_original(lines, original) if original else None
    text, offsets = aligned or detokenize(lines)

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
