"""The parts of the reading view around the story: metadata header, table of contents, cast panel and
the beta reader's notes. All values come from the work and are escaped; metadata is rendered whatever
shape the reader gave it (string, list of tags, or a dict of stats), and never as a link.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ficlens.model import Work
from ficlens.views.cast_index import CastIndex
from ficlens.views.inline_markup import escape_text
from ficlens.views.story_markup import SEVERITIES, attr

# (label, keys that may hold it), in AO3's preface order.
METADATA_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Rating", ("rating", "ratings")),
    ("Archive warnings", ("warnings", "archive_warnings", "archive_warning", "warning")),
    ("Categories", ("categories", "category")),
    ("Fandoms", ("fandoms", "fandom")),
    ("Relationships", ("relationships", "relationship", "pairings")),
    ("Characters", ("characters", "character")),
    ("Additional tags", ("additional_tags", "freeforms", "freeform", "tags")),
    ("Language", ("language",)),
    ("Series", ("series",)),
    ("Collections", ("collections",)),
    ("Published", ("published",)),
    ("Updated", ("updated",)),
    ("Completed", ("completed",)),
    ("Words", ("words", "word_count")),
    ("Chapters", ("chapters", "chapter_count")),
    ("Stats", ("stats",)),
)
HEADER_KEYS = {"title", "authors", "author", "summary", "byline"}
INTERNAL_KEYS = {"label_era"}
_NAME_KEYS = ("tag", "name", "title")
_TAG_LIST_LABELS = {"Archive warnings", "Categories", "Fandoms", "Relationships", "Characters",
                    "Additional tags", "Collections"}


def work_title(work: Work) -> str:
    title = work.metadata.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    path = work.source.get("path")
    return Path(str(path)).stem if path else "Untitled work"


def _authors(work: Work) -> list[str]:
    value = work.metadata.get("authors") or work.metadata.get("author") or work.metadata.get("byline")
    return [_flat(v) for v in value] if isinstance(value, list) else ([_flat(value)] if value else [])


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        named = _named(value)
        return named if named is not None else ", ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_flat(v) for v in value)
    return str(value)


def _named(value: dict[str, Any]) -> str | None:
    """A structured tag (a relationship with its kind and characters, a series with its part and
    URL) reads as its own words: "A/B", "Series name (part 2)", not as a key: value dump."""
    label = next((value[k] for k in _NAME_KEYS if isinstance(value.get(k), str) and value[k].strip()), None)
    if label is None:
        return None
    part = value.get("part")
    return f"{label} (part {part})" if part not in (None, "") else label


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _shown(value: Any) -> bool:
    return value not in (None, "", [], {})


def _internal(key: str) -> bool:
    """Bookkeeping keys of the readers, not part of the work's own metadata."""
    return key in INTERNAL_KEYS or key.endswith("_raw")


def _value_html(label: str, value: Any) -> str:
    if isinstance(value, (list, tuple)):
        items = "".join(f"<li>{escape_text(_flat(v))}</li>" for v in value)
        cls = "tags" if label in _TAG_LIST_LABELS else "vals"
        return f'<ul class="{cls}">{items}</ul>'
    if isinstance(value, dict):
        items = "".join(f"<li>{escape_text(str(k).replace('_', ' '))}: {escape_text(_flat(v))}</li>"
                        for k, v in value.items() if _shown(v))
        return f'<ul class="vals">{items}</ul>'
    return escape_text(str(value))


def header_html(work: Work, cast: CastIndex, counts: dict[str, int]) -> str:
    meta = work.metadata if isinstance(work.metadata, dict) else {}
    rows = []
    used: set[str] = set(HEADER_KEYS)
    for label, keys in METADATA_FIELDS:
        key = next((k for k in keys if _shown(meta.get(k))), None)
        used.update(keys)
        if key is not None:
            rows.append(f"<dt>{escape_text(label)}</dt><dd>{_value_html(label, meta[key])}</dd>")
    for key, value in meta.items():
        if key not in used and _shown(value) and not _internal(str(key)):
            label = str(key).replace("_", " ").capitalize()
            rows.append(f"<dt>{escape_text(label)}</dt><dd>{_value_html(label, value)}</dd>")
    authors = _authors(work)
    byline = f'<p class="byline">by {escape_text(", ".join(authors))}</p>' if authors else ""
    in_text = any(n.kind == "summary" for n in work.notes)   # then the story shows it as a note
    summary = None if in_text else meta.get("summary")
    summary_html = (f'<div class="summary"><b>Summary</b><p>{escape_text(_flat(summary))}</p></div>'
                    if summary else "")
    found = " · ".join(f"{n:,} {escape_text(label)}" for label, n in counts.items())
    meta_html = f'<dl class="meta">{"".join(rows)}</dl>' if rows else ""
    return (f'<header class="work"><h1>{escape_text(work_title(work))}</h1>{byline}{meta_html}'
            f'{summary_html}<p class="found">ficlens found: {found}</p></header>')


def toc_html(chapter_ids: list[tuple[str, str]]) -> str:
    if len(chapter_ids) < 2:
        return ""
    items = "".join(f'<li><a href="#{attr(anchor)}">{escape_text(label)}</a></li>'
                    for anchor, label in chapter_ids)
    return f'<nav class="toc" aria-label="Chapters"><h2>Chapters</h2><ol>{items}</ol></nav>'


def cast_html(cast: CastIndex) -> str:
    if not cast.characters:
        return '<p class="empty">No characters found yet.</p>'
    items = []
    for i, c in enumerate(cast.characters):
        aliases = [str(a) for a in [*(c.aliases or []), *(c.epithets or [])] if a != c.name]
        alias_html = (f'<span class="aka">also {escape_text(", ".join(aliases[:8]))}'
                      f'{"…" if len(aliases) > 8 else ""}</span>' if aliases else "")
        pets = c.pet_names or []
        if pets:   # "love", "darling": what the others call them in address
            alias_html += (f'<span class="aka">called {escape_text(", ".join(pets[:6]))}'
                           f'{"…" if len(pets) > 6 else ""}</span>')
        items.append(
            f'<li class="k{i}"><button type="button" class="who" data-c="{i}" aria-pressed="false">'
            f'<span class="sw s{i}" aria-hidden="true"></span>'
            f'<span class="nm">{escape_text(str(c.name))}</span>'
            f"</button>{alias_html}"
            f'<span class="num">{_plural(cast.lines[i], "line", "lines")} · '
            f'{_plural(cast.words[i], "word", "words")} · '
            f'{_plural(cast.mentions[i], "mention", "mentions")}</span></li>')
    return ('<p class="hint">Select a character to highlight their lines and mentions; '
            'select again to clear.</p>'
            f'<ol class="cast">{"".join(items)}</ol>'
            '<p class="status" id="sel-status" role="status" aria-live="polite"></p>'
            '<p class="sel-nav" id="sel-nav" hidden><button type="button" id="sel-prev">'
            '← Previous line</button> <button type="button" id="sel-next">Next line →</button></p>')


def findings_html(work: Work, finding_chunks: dict[int, int]) -> str:
    if not work.findings:
        return '<p class="empty">No notes from the beta reader.</p>'
    order = sorted(range(len(work.findings)), key=lambda i: (work.findings[i].start, i))
    items = []
    for i in order:
        f = work.findings[i]
        sev = f.severity if f.severity in SEVERITIES else "info"
        excerpt = " ".join(work.text[f.start:min(f.end, f.start + 80)].split())
        items.append(
            f'<li class="sev-{sev}"><a class="goto" href="#f{i}" data-k="{finding_chunks.get(i, 0)}" '
            f'data-f="{i}"><span class="badge">{escape_text(sev)}</span>'
            f'<b>{escape_text(str(f.rule))}</b></a> {escape_text(str(f.message))}'
            f'{f" <q>{escape_text(excerpt)}</q>" if excerpt else ""}</li>')
    return f'<ol class="findings">{"".join(items)}</ol>'
