"""Turn an HTML subtree into readable blocks (paragraphs) and break markers.

Every markup reader shares this walk, so paragraphing, ``<br>`` handling, italics and centered
text behave the same for AO3, FFN, FanFicFare and generic HTML. Whitespace is collapsed the way a
browser shows it; the readers then join the blocks with blank lines to build ``work.text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from selectolax.lexbor import LexborNode

BLOCK_TAGS = frozenset({
    "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "center", "section",
    "article", "aside", "header", "footer", "main", "details", "summary", "figure", "figcaption",
    "address", "body", "html", "nav",
})
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "iframe", "svg", "math", "select",
    "option", "button", "input", "textarea", "form", "object", "embed", "img", "-comment", "link", "meta",
})
ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})
_SPACES = re.compile(r"[ \t\n\r\f]+")
_EDGE = " \t\n\r\f\xa0"
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)


@dataclass(slots=True)
class Block:
    """One paragraph: its text, italic runs (offsets into ``text``) and whether it is centered."""

    text: str
    italics: list[tuple[int, int]] = field(default_factory=list)
    centered: bool = False


@dataclass(slots=True)
class Marker:
    """A break seen in the markup: ``hr``, ``br_run`` (3+ ``<br>``) or ``nbsp`` (empty paragraph).
    ``size`` is a br_run's count of empty lines, so a work's one-off short run can be told from
    its usual (longer) break."""

    kind: str
    size: int = 0


Item = Block | Marker
DropFn = Callable[[LexborNode], bool]


def is_centered(node: LexborNode) -> bool:
    attrs = node.attributes
    if node.tag == "center" or (attrs.get("align") or "").lower() == "center":
        return True
    style = attrs.get("style")
    return bool(style and _CENTER_STYLE.search(style))


def clean_text(text: str) -> str:
    """Collapse markup whitespace the way a browser does and trim the edges (nbsp included)."""
    return _SPACES.sub(" ", text).strip(_EDGE)


def node_text(node: LexborNode | None) -> str:
    return clean_text(node.text(deep=True)) if node is not None else ""


class _Extractor:
    def __init__(self, drop: DropFn | None):
        self.drop = drop
        self.items: list[Item] = []
        self._reset()
        self.italic_depth = 0

    def _reset(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.brs: list[int] = []
        self.italics: list[tuple[int, int]] = []
        self.italic_start: int | None = None
        self.centered = False
        self.raw_seen = False        # an nbsp, a <br> or an explicit <p> was here
        self.at_line_start = True

    # -- buffer -------------------------------------------------------------------------------
    def add_text(self, text: str, centered: bool) -> None:
        if not text:
            return
        text = _SPACES.sub(" ", text)
        if text.startswith(" ") and (self.at_line_start or (self.pieces and self.pieces[-1].endswith(" "))):
            text = text[1:]
        if not text:
            return
        if not self.length:
            self.centered = centered
        if self.italic_depth and self.italic_start is None:
            self.italic_start = self.length
        self.pieces.append(text)
        self.length += len(text)
        self.at_line_start = False
        self.raw_seen = True

    def add_br(self) -> None:
        self.brs.append(self.length)
        self.at_line_start = True
        self.raw_seen = True

    def open_italic(self) -> None:
        self.italic_depth += 1
        if self.italic_depth == 1:
            self.italic_start = None  # set lazily at the first character

    def close_italic(self) -> None:
        self.italic_depth = max(0, self.italic_depth - 1)
        if self.italic_depth == 0 and self.italic_start is not None:
            if self.length > self.italic_start:
                self.italics.append((self.italic_start, self.length))
            self.italic_start = None

    def flush(self, explicit_paragraph: bool = False) -> None:
        if self.italic_depth and self.italic_start is not None and self.length > self.italic_start:
            self.italics.append((self.italic_start, self.length))
        text = "".join(self.pieces)
        if text.strip(_EDGE):
            self._emit_lines(text)
        elif self.raw_seen or explicit_paragraph:
            self.items.append(Marker("nbsp"))
        italic_open = self.italic_depth > 0
        self._reset()
        if italic_open:
            self.italic_start = None

    def _emit_lines(self, text: str) -> None:
        bounds = [0, *self.brs, len(text)]
        lines: list[tuple[int, int]] = []  # stripped (start, end) per line; start == end when blank
        for a, b in pairwise(bounds):
            seg = text[a:b]
            left = len(seg) - len(seg.lstrip(_EDGE))
            right = len(seg.rstrip(_EDGE))
            lines.append((a + left, a + right) if right > left else (a, a))
        content = [i for i, (s, e) in enumerate(lines) if e > s]
        self.line_italics = self._italics_per_line(lines)
        gaps = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)]
        join_single = 1 in gaps  # <br><br> separates paragraphs, so a lone <br> is a line break
        if content[0] >= 3:
            self.items.append(Marker("br_run", content[0]))
        group = [content[0]]
        for k, gap in enumerate(gaps):
            nxt = content[k + 1]
            if gap == 0 and join_single:
                group.append(nxt)
                continue
            self._emit_group(text, lines, group)
            if gap >= 2:
                self.items.append(Marker("br_run", gap))
            group = [nxt]
        self._emit_group(text, lines, group)
        if len(lines) - 1 - content[-1] >= 3:
            self.items.append(Marker("br_run", len(lines) - 1 - content[-1]))

    def _italics_per_line(self, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """Italic runs clipped to each line, in one pass (both lists are in text order)."""
        spans = sorted(self.italics)
        out: list[list[tuple[int, int]]] = []
        first = 0
        for s, e in lines:
            while first < len(spans) and spans[first][1] <= s:
                first += 1
            clipped = []
            k = first
            while k < len(spans) and spans[k][0] < e:
                a, b = max(spans[k][0], s), min(spans[k][1], e)
                if b > a:
                    clipped.append((a, b))
                k += 1
            out.append(clipped)
        return out

    def _emit_group(self, text: str, lines: list[tuple[int, int]], group: list[int]) -> None:
        out: list[str] = []
        italics: list[tuple[int, int]] = []
        pos = 0
        for n, idx in enumerate(group):
            s, e = lines[idx]
            if n:
                out.append("\n")
                pos += 1
            italics.extend((pos + a - s, pos + b - s) for a, b in self.line_italics[idx])
            out.append(text[s:e])
            pos += e - s
        joined = "".join(out)
        self.items.append(Block(joined, _trim(joined, _merge(italics)), self.centered))

    # -- walk -----------------------------------------------------------------------------------
    def walk(self, node: LexborNode, centered: bool) -> None:
        child = node.child
        while child is not None:
            self.visit(child, centered)
            child = child.next

    def visit(self, node: LexborNode, centered: bool) -> None:
        tag = node.tag
        if tag == "-text":
            self.add_text(node.text_content or "", centered)
            return
        if tag in SKIP_TAGS or (self.drop is not None and self.drop(node)):
            return
        if tag == "br":
            self.add_br()
            return
        if tag == "hr":
            self.flush()
            self.items.append(Marker("hr"))
            return
        if tag in BLOCK_TAGS:
            inner_centered = centered or is_centered(node)
            self.flush()
            self.walk(node, inner_centered)
            self.flush(explicit_paragraph=tag == "p")
            return
        italic = tag in ITALIC_TAGS or bool(_ITALIC_STYLE.search(node.attributes.get("style") or ""))
        if italic:
            self.open_italic()
        self.walk(node, centered)
        if italic:
            self.close_italic()


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Italic runs without the spaces at their edges ("<i>alive </i>and")."""
    out = []
    for s, e in spans:
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def extract(node: LexborNode | None, drop: DropFn | None = None, *, include_self: bool = False) -> list[Item]:
    """The blocks and break markers inside ``node`` (its children; itself too if asked)."""
    if node is None:
        return []
    extractor = _Extractor(drop)
    centered = is_centered(node)
    if include_self:
        extractor.visit(node, False)
    else:
        extractor.walk(node, centered)
    extractor.flush()
    return extractor.items


def extract_many(nodes: list[LexborNode], drop: DropFn | None = None) -> list[Item]:
    items: list[Item] = []
    for node in nodes:
        items.extend(extract(node, drop, include_self=True))
    return items


def blocks_text(items: list[Item]) -> str:
    """Plain text of the blocks (for metadata such as the summary)."""
    return "\n\n".join(i.text for i in items if isinstance(i, Block))
