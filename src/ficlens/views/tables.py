"""Work → table rows: the flat, typed view of a Work that batch writes to Parquet.

Every table has a ``key`` column (the batch's stable id of the work) so tables join on it. The
schemas are fixed here, not inferred, so that every Parquet part of a batch has the same columns
and an empty table still has its columns for SQL. Metadata keys vary by reader (AO3 labels were
singular before 2023), so lists are looked up under several names.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from typing import Any

import pyarrow as pa

from ficlens.model import Work

_STR = pa.string()
_INT = pa.int64()
_FLOAT = pa.float64()
_STRS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "works": pa.schema([
        ("key", _STR), ("path", _STR), ("member", _STR), ("format", _STR), ("sha256", _STR),
        ("title", _STR), ("authors", _STRS), ("fandoms", _STRS), ("rating", _STR),
        ("warnings", _STRS), ("categories", _STRS), ("relationships", _STRS),
        ("tagged_characters", _STRS), ("additional_tags", _STRS), ("language", _STR),
        ("status", _STR), ("published", _STR), ("updated", _STR), ("series", _STR),
        ("site_words", _INT), ("chapters_posted", _INT), ("chapters_planned", _STR),
        ("kudos", _INT), ("hits", _INT),
        ("tokens", _INT), ("words", _INT), ("chapter_count", _INT), ("scene_count", _INT),
        ("character_count", _INT), ("quote_count", _INT), ("mentions", _INT),
        ("epithet_mentions", _INT), ("name_mentions", _INT), ("pronoun_mentions", _INT),
        ("finding_count", _INT),
        ("person", _STR), ("seconds", _FLOAT), ("metadata_json", _STR), ("stats_json", _STR),
    ]),
    "chapters": pa.schema([
        ("key", _STR), ("chapter", _INT), ("number", _INT), ("title", _STR),
        ("start", _INT), ("end", _INT), ("words", _INT), ("quote_count", _INT),
    ]),
    "scenes": pa.schema([
        ("key", _STR), ("scene", _INT), ("chapter", _INT), ("start", _INT), ("end", _INT),
        ("break_kind", _STR), ("person", _STR), ("pov", _STR), ("pov_name", _STR),
        ("words", _INT), ("quote_count", _INT),
    ]),
    "characters": pa.schema([
        ("key", _STR), ("id", _STR), ("name", _STR), ("aliases", _STRS), ("epithets", _STRS),
        ("pet_names", _STRS), ("gender", _STR), ("pronouns", _STR), ("mention_count", _INT),
        ("quote_count", _INT), ("words_spoken", _INT), ("origin", _STR),
    ]),
    "quotes": pa.schema([
        ("key", _STR), ("quote", _INT), ("start", _INT), ("end", _INT), ("chapter", _INT),
        ("speaker", _STR), ("speaker_name", _STR), ("addressees", _STRS),
        ("addressee_names", _STRS), ("confidence", _FLOAT), ("type", _STR), ("mode", _STR),
        ("marks", _STR), ("group", _INT), ("evidence", _STR), ("words", _INT), ("text", _STR),
    ]),
    "interactions": pa.schema([
        ("key", _STR), ("a", _STR), ("b", _STR), ("a_name", _STR), ("b_name", _STR),
        ("quotes_a_to_b", _INT), ("quotes_b_to_a", _INT), ("words_a_to_b", _INT),
        ("words_b_to_a", _INT), ("shared_scenes", _INT), ("score", _FLOAT),
        ("relationship_tag", _STR), ("relationship_kind", _STR),
    ]),
    "findings": pa.schema([
        ("key", _STR), ("rule", _STR), ("severity", _STR), ("start", _INT), ("end", _INT),
        ("chapter", _INT), ("message", _STR), ("data_json", _STR),
    ]),
    "errors": pa.schema([
        ("key", _STR), ("path", _STR), ("member", _STR), ("sha256", _STR), ("kind", _STR),
        ("reason", _STR), ("seconds", _FLOAT),
    ]),
}

TABLES: tuple[str, ...] = tuple(SCHEMAS)

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def count_tokens(work: Work) -> int:
    """Tokens of the story as the language stage counted them, else a regex count of the text."""
    tokens = work.stats.get("tokens")
    if isinstance(tokens, int) and tokens > 0:
        return tokens
    return sum(1 for _ in _TOKEN.finditer(work.text))


def _meta(metadata: dict[str, Any], *names: str) -> Any:
    lowered = {str(k).lower().replace(" ", "_"): v for k, v in metadata.items()}
    for name in names:
        if lowered.get(name) not in (None, "", []):
            return lowered[name]
    return None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, dict):
        label = _label(value)
        return [label] if label else []
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for item in value:
            label = _label(item) if isinstance(item, dict) else str(item)
            if label:
                out.append(label)
        return out
    return [str(value)]


def _label(record: dict[str, Any]) -> str | None:
    """The display text of a structured metadata item (a relationship tag, a series, an author)."""
    for name in ("tag", "name", "title", "text", "pseud"):
        if record.get(name):
            return str(record[name])
    return None


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_list(value)) or None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.replace(",", "").strip().isdigit():
        return int(value.replace(",", ""))
    return None


def _status(site: dict[str, Any]) -> str | None:
    """complete | in progress, from the site's chapter counts ("3/?" is a WIP)."""
    planned, posted = site.get("chapters_planned"), site.get("chapters_posted")
    if site.get("completed") or (isinstance(planned, int) and planned == posted):
        return "complete"
    if planned == "?" or (isinstance(planned, int) and isinstance(posted, int) and posted < planned):
        return "in progress"
    return None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _main_person(work: Work) -> str | None:
    """The narrative person of most of the text (scenes weighted by length)."""
    weight: Counter[str] = Counter()
    for scene in work.scenes:
        if scene.person:
            weight[scene.person] += scene.end - scene.start
    return weight.most_common(1)[0][0] if weight else None


def _chapter_of(chapter_starts: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the chapter whose span holds ``offset`` (linear scan is fine: few chapters)."""
    for index, (start, end) in enumerate(chapter_starts):
        if start <= offset < end:
            return index
    return None


def work_rows(work: Work, key: str, *, member: str | None = None,
              seconds: float | None = None) -> dict[str, list[dict[str, Any]]]:
    """All table rows of one analyzed work, keyed by table name (``errors`` stays empty)."""
    text = work.text
    names = {c.id: c.name for c in work.characters}
    spans = [(c.start, c.end) for c in work.chapters]
    quote_counts = Counter(_chapter_of(spans, q.start) for q in work.quotes)
    quote_starts = sorted(q.start for q in work.quotes)
    mention_kinds = Counter(m.kind for m in work.mentions)
    md = work.metadata
    site = md.get("stats") if isinstance(md.get("stats"), dict) else {}
    words = work.stats.get("words")
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    rows["works"].append({
        "key": key, "path": work.source.get("path"), "member": member,
        "format": work.source.get("format"), "sha256": work.source.get("sha256"),
        "title": _as_str(_meta(md, "title")),
        "authors": _as_list(_meta(md, "authors", "author", "byline", "creators")),
        "fandoms": _as_list(_meta(md, "fandoms", "fandom", "canon")),
        "rating": _as_str(_meta(md, "rating", "ratings")),
        "warnings": _as_list(_meta(md, "warnings", "archive_warnings", "archive_warning", "warning")),
        "categories": _as_list(_meta(md, "categories", "category")),
        "relationships": _as_list(_meta(md, "relationships", "relationship", "pairings")),
        "tagged_characters": _as_list(_meta(md, "characters", "character")),
        "additional_tags": _as_list(_meta(md, "additional_tags", "freeforms", "freeform", "tags")),
        "language": _as_str(_meta(md, "language")),
        "status": _as_str(_meta(md, "status")) or _status(site),
        "published": _as_str(_meta(md, "published") or site.get("published")),
        "updated": _as_str(_meta(md, "updated", "completed") or site.get("updated")
                           or site.get("completed")),
        "series": _as_str(_meta(md, "series")),
        "site_words": _as_int(site.get("words")),
        "chapters_posted": _as_int(site.get("chapters_posted")),
        "chapters_planned": _as_str(site.get("chapters_planned")),
        "kudos": _as_int(site.get("kudos")), "hits": _as_int(site.get("hits")),
        "tokens": count_tokens(work),
        "words": words if isinstance(words, int) else count_words(text),
        "chapter_count": len(work.chapters), "scene_count": len(work.scenes),
        "character_count": len(work.characters), "quote_count": len(work.quotes),
        "mentions": len(work.mentions), "epithet_mentions": mention_kinds.get("epithet", 0),
        "name_mentions": mention_kinds.get("name", 0),
        "pronoun_mentions": mention_kinds.get("pronoun", 0),
        "finding_count": len(work.findings),
        "person": _as_str(work.stats.get("person")) or _main_person(work),
        "seconds": seconds if seconds is not None else work.stats.get("seconds"),
        "metadata_json": _dumps(md),
        "stats_json": _dumps({k: v for k, v in work.stats.items() if k not in ("timings", "seconds")}),
    })
    for index, ch in enumerate(work.chapters):
        rows["chapters"].append({
            "key": key, "chapter": index, "number": ch.number, "title": ch.title,
            "start": ch.start, "end": ch.end, "words": count_words(text[ch.start:ch.end]),
            "quote_count": quote_counts.get(index, 0)})
    for index, sc in enumerate(work.scenes):
        rows["scenes"].append({
            "key": key, "scene": index, "chapter": sc.chapter, "start": sc.start, "end": sc.end,
            "break_kind": sc.break_kind, "person": sc.person, "pov": sc.pov,
            "pov_name": names.get(sc.pov or ""), "words": count_words(text[sc.start:sc.end]),
            "quote_count": (bisect.bisect_left(quote_starts, sc.end)
                            - bisect.bisect_left(quote_starts, sc.start))})
    for ch in work.characters:
        rows["characters"].append({
            "key": key, "id": ch.id, "name": ch.name, "aliases": list(ch.aliases),
            "epithets": list(ch.epithets), "pet_names": list(ch.pet_names),
            "gender": ch.gender, "pronouns": ch.pronouns,
            "mention_count": ch.mention_count, "quote_count": ch.quote_count,
            "words_spoken": ch.words_spoken, "origin": ch.origin})
    for index, q in enumerate(work.quotes):
        quote_text = text[q.start:q.end]
        rows["quotes"].append({
            "key": key, "quote": index, "start": q.start, "end": q.end,
            "chapter": _chapter_of(spans, q.start), "speaker": q.speaker,
            "speaker_name": names.get(q.speaker or ""), "addressees": list(q.addressees),
            "addressee_names": [names.get(a, a) for a in q.addressees],
            "confidence": float(q.confidence), "type": q.type, "mode": q.mode, "marks": q.marks,
            "group": q.group, "evidence": q.evidence, "words": count_words(quote_text),
            "text": quote_text})
    rows["interactions"] = interaction_rows(work, key, names)
    for f in work.findings:
        rows["findings"].append({
            "key": key, "rule": f.rule, "severity": f.severity, "start": f.start, "end": f.end,
            "chapter": _chapter_of(spans, f.start), "message": f.message, "data_json": _dumps(f.data)})
    return rows


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _directed_counts(work: Work) -> dict[tuple[str, str], tuple[int, int]]:
    """(quotes, words) per (speaker, addressee): the interactions stage's ``pairs``, or counted
    from the attributed quotes when that stage has not run."""
    stage = work.interactions.get("pairs")
    if isinstance(stage, list) and stage:
        return {(p["speaker"], p["addressee"]): (int(p.get("quotes") or 0), int(p.get("words") or 0))
                for p in stage if isinstance(p, dict) and p.get("speaker") and p.get("addressee")}
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for q in work.quotes:
        for addressee in q.addressees if q.speaker else []:
            if addressee and addressee != q.speaker:
                n, w = counts.get((q.speaker, addressee), (0, 0))
                counts[(q.speaker, addressee)] = (n + 1, w + count_words(work.text[q.start:q.end]))
    return counts


def _tag_names(tag: Any) -> tuple[str, str, list[str]]:
    """(text, kind, names) of a relationship tag: an ingest dict or a bare "A/B", "A & B" string."""
    if isinstance(tag, dict):
        text = str(tag.get("tag") or "")
        names = [str(n) for n in tag.get("characters") or []]
        return text, str(tag.get("kind") or ""), names
    text = str(tag)
    kind = "romantic" if "/" in text else "platonic" if "&" in text else "other"
    return text, kind, [n.strip() for n in re.split(r"[/&]", text) if n.strip()]


def _tags_by_pair(work: Work, names: dict[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """pair → (tag, kind) of the relationship tags naming both: the interactions stage's mapping
    of tags to character ids, or a first-name match against the cast when it has not run."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    entries = work.interactions.get("relationship_tags")
    if isinstance(entries, list) and entries:
        for entry in entries:
            ids = [i for i in entry.get("characters") or [] if i]
            if not entry.get("tag") or len(set(ids)) < 2:
                continue
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if a != b:
                        out.setdefault(_pair(a, b), (entry["tag"], entry.get("kind") or ""))
        return out
    first = {cid: name.split()[0].lower() for cid, name in names.items() if name.split()}
    for raw in _meta(work.metadata, "relationships", "relationship") or []:
        text, kind, tag_names = _tag_names(raw)
        ids = [cid for cid, f in first.items() if any(f in n.lower().split() for n in tag_names)]
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                out.setdefault(_pair(a, b), (text, kind))
    return out


def interaction_rows(work: Work, key: str, names: dict[str, str]) -> list[dict[str, Any]]:
    """One row per unordered pair of characters who talk to each other, share scenes, or are
    tagged together: dialogue both ways, shared scenes, the stage's score, the tag naming them."""
    directed = _directed_counts(work)
    scenes = {_pair(c["a"], c["b"]): int(c.get("scenes") or 0)
              for c in work.interactions.get("scene_cooccurrence") or [] if c.get("a") and c.get("b")}
    scores = {_pair(t["a"], t["b"]): t.get("score") for t in work.interactions.get("top_pairs") or []
              if t.get("a") and t.get("b")}
    tags = _tags_by_pair(work, names)
    pairs = {_pair(a, b) for a, b in directed} | set(scenes) | set(tags)
    rows = []
    for a, b in sorted(pairs):
        ab, ba = directed.get((a, b), (0, 0)), directed.get((b, a), (0, 0))
        score = scores.get((a, b))
        tag, kind = tags.get((a, b), (None, None))
        rows.append({
            "key": key, "a": a, "b": b, "a_name": names.get(a), "b_name": names.get(b),
            "quotes_a_to_b": ab[0], "quotes_b_to_a": ba[0], "words_a_to_b": ab[1], "words_b_to_a": ba[1],
            "shared_scenes": scenes.get((a, b), 0),
            "score": float(score) if isinstance(score, (int, float)) else None,
            "relationship_tag": tag, "relationship_kind": kind})
    return rows


def error_row(key: str, path: str, member: str | None, sha256: str | None, kind: str, reason: str,
              seconds: float | None = None) -> dict[str, Any]:
    return {"key": key, "path": path, "member": member, "sha256": sha256, "kind": kind,
            "reason": reason, "seconds": seconds}


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of ``table`` as an Arrow table with its fixed schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])
