"""Charts drawn as inline SVG in Python (no chart library, nothing fetched): the conversation network,
lines per character, the emotional arc, and the point-of-view strip.

Every label is escaped; charts only ever show characters by display index colours and escaped names.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from ficlens.model import Work
from ficlens.views.cast_index import CastIndex
from ficlens.views.inline_markup import escape_text
from ficlens.views.palette import UNKNOWN_STRONG, UNKNOWN_TINT
from ficlens.views.story_markup import attr

MAX_NODES = 12
MAX_BARS = 15
MAX_TAB_SCENES = 60
_EMPTY = '<p class="empty">{}</p>'
_WEIGHT_KEYS = ("count", "weight", "lines", "quotes", "turns", "n", "value")
_PAIR_KEYS = (("source", "target"), ("speaker", "addressee"), ("from", "to"), ("a", "b"),
              ("char1", "char2"), ("first", "second"))
_PERSON_SHORT = {"first": "1st", "second": "2nd", "third": "3rd"}
_ARC_KEYS = ("compound", "valence", "sentiment", "score", "mean", "value")


# -- conversation network ----------------------------------------------------------------------
def conversation_pairs(work: Work) -> Counter[tuple[str, str]]:
    """(speaker id, addressee id) -> lines, from work.interactions["pairs"] when present, else from
    the quotes' speakers and addressees."""
    pairs: Counter[tuple[str, str]] = Counter()
    raw = work.interactions.get("pairs") if isinstance(work.interactions, dict) else None
    for item in raw or ():
        pair = _pair_of(item)
        if pair:
            pairs[pair[0], pair[1]] += pair[2]
    if not pairs:
        for q in work.quotes:
            if q.speaker:
                for a in q.addressees:
                    if a and a != q.speaker:
                        pairs[q.speaker, a] += 1
    return pairs


def _pair_of(item: Any) -> tuple[str, str, float] | None:
    if isinstance(item, (list, tuple)) and len(item) >= 2:
        weight = item[2] if len(item) > 2 and isinstance(item[2], (int, float)) else 1
        return str(item[0]), str(item[1]), float(weight)
    if not isinstance(item, dict):
        return None
    ends = next(((item[a], item[b]) for a, b in _PAIR_KEYS if a in item and b in item), None)
    if ends is None:
        chars = item.get("characters") or item.get("pair")
        if isinstance(chars, (list, tuple)) and len(chars) >= 2:
            ends = (chars[0], chars[1])
    if ends is None:
        return None
    weight = next((item[k] for k in _WEIGHT_KEYS if isinstance(item.get(k), (int, float))), 1)
    return str(ends[0]), str(ends[1]), float(weight)


def network_svg(work: Work, cast: CastIndex) -> str:
    directed = conversation_pairs(work)
    undirected: Counter[tuple[int, int]] = Counter()
    for (a, b), n in directed.items():
        ia, ib = cast.of(a), cast.of(b)
        if ia is not None and ib is not None and ia != ib:
            undirected[min(ia, ib), max(ia, ib)] += n
    if not undirected:
        return _EMPTY.format("No conversations between known characters yet (no addressees found).")
    degree: Counter[int] = Counter()
    for (a, b), n in undirected.items():
        degree[a] += n
        degree[b] += n
    nodes = [i for i, _ in degree.most_common(MAX_NODES)]
    size, radius = 360, 130
    pos = {}
    for k, i in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * k / len(nodes)
        pos[i] = (size / 2 + radius * math.cos(angle), size / 2 + radius * math.sin(angle))
    ys = [y for _, y in pos.values()]
    top_y, bottom_y = min(ys) - 40, max(ys) + 40
    margin = 80   # room for names beside the left- and rightmost nodes
    parts = [f'<svg class="chart net" viewBox="{-margin} {top_y:.0f} {size + 2 * margin} '
             f'{bottom_y - top_y:.0f}" role="img" '
             'aria-labelledby="net-t"><title id="net-t">Who talks to whom</title>']
    top = max(undirected.values())
    for (a, b), n in sorted(undirected.items(), key=lambda kv: kv[1]):
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        width = 1 + 7 * math.sqrt(n / top)
        there = directed.get((cast.characters[a].id, cast.characters[b].id), 0)
        back = directed.get((cast.characters[b].id, cast.characters[a].id), 0)
        label = (f"{cast.characters[a].name} → {cast.characters[b].name}: {there:g}; "
                 f"{cast.characters[b].name} → {cast.characters[a].name}: {back:g}")
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="#8a8a8a" stroke-opacity=".7" stroke-width="{width:.1f}">'
                     f"<title>{escape_text(label)}</title></line>")
    for i in nodes:
        x, y = pos[i]
        sw = cast.swatch(i)
        r = 7 + 9 * math.sqrt(degree[i] / max(degree.values()))
        name = cast.characters[i].name
        short = name if len(name) <= 16 else name[:15] + "…"
        anchor = "middle" if abs(x - size / 2) < 20 else ("start" if x > size / 2 else "end")
        dx = 0 if anchor == "middle" else (r + 4 if anchor == "start" else -r - 4)
        dy = (r + 14) if (anchor == "middle" and y > size / 2) else (-r - 6 if anchor == "middle" else 4)
        parts.append(f'<g class="node" data-c="{i}" tabindex="0" role="button">'   # named by its title
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                     f'fill="{sw.tint}" stroke="{sw.strong}" stroke-width="2"><title>'
                     f"{escape_text(name)}: {degree[i]:g} lines exchanged</title></circle>"
                     f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">'
                     f"{escape_text(short)}</text></g>")
    parts.append("</svg>")
    return "".join(parts)


# -- lines per character -------------------------------------------------------------------------
def lines_svg(cast: CastIndex) -> str:
    rows = [(i, n) for i, n in enumerate(cast.lines) if n > 0][:MAX_BARS]
    if not rows:
        return _EMPTY.format("No attributed lines yet.")
    top = max(n for _, n in rows)
    bar_h, gap, label_w, width = 18, 6, 130, 360
    height = len(rows) * (bar_h + gap) + gap
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="bars-t">'
             '<title id="bars-t">Lines spoken per character</title>']
    for k, (i, n) in enumerate(rows):
        y = gap + k * (bar_h + gap)
        w = max(2.0, (width - label_w - 50) * n / top)
        sw = cast.swatch(i)
        name = cast.characters[i].name
        short = name if len(name) <= 18 else name[:17] + "…"
        parts.append(f'<g data-c="{i}"><text x="{label_w - 6}" y="{y + 13}" text-anchor="end">'
                     f"{escape_text(short)}</text>"
                     f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{sw.tint}" '
                     f'stroke="{sw.strong}"><title>{escape_text(name)}: {n} lines, '
                     f"{cast.words[i]} words</title></rect>"
                     f'<text x="{label_w + w + 5:.1f}" y="{y + 13}">{n}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


# -- emotional arc -----------------------------------------------------------------------------------
def _arc_value(item: Any) -> float | None:
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        return float(item)
    if isinstance(item, dict):
        for k in _ARC_KEYS:
            v = item.get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return float(v)
    return None


def _arc_points(items: Any, spans: list[tuple[int, int]], length: int) -> list[tuple[float, float]]:
    points = []
    if not isinstance(items, list):
        return points
    for k, item in enumerate(items):
        value = _arc_value(item)
        if value is None:
            continue
        if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
            mid = (item["start"] + item["end"]) / 2
        elif k < len(spans):
            mid = (spans[k][0] + spans[k][1]) / 2
        else:
            mid = (k + 0.5) / len(items) * length
        points.append((mid / max(1, length), max(-1.0, min(1.0, value))))
    return points


def _top_emotions(item: Any) -> str:
    """ "; mostly trust, fear" from the arc's emotion rates, so a chapter's point says more than a sign."""
    emotions = item.get("emotions") if isinstance(item, dict) else None
    if not isinstance(emotions, dict):
        return ""
    ranked = sorted(((v, str(k)) for k, v in emotions.items() if isinstance(v, (int, float)) and v > 0),
                    reverse=True)
    return f"; mostly {', '.join(k for _, k in ranked[:2])}" if ranked else ""


def arc_svg(work: Work) -> str:
    arcs = work.arcs if isinstance(work.arcs, dict) else {}
    length = len(work.text)
    scenes = _arc_points(arcs.get("scenes"), [(s.start, s.end) for s in work.scenes], length)
    chapters = _arc_points(arcs.get("chapters"), [(c.start, c.end) for c in work.chapters], length)
    if not scenes and not chapters:
        return _EMPTY.format("No emotional arc computed yet.")
    width, height, pad = 360, 160, 24
    peak = max(abs(v) for _, v in scenes + chapters)
    scale = next((s for s in (0.05, 0.1, 0.2, 0.3, 0.5, 0.75) if peak <= s), 1.0)

    def xy(p: tuple[float, float]) -> str:
        return f"{pad + p[0] * (width - 2 * pad):.1f},{height / 2 - p[1] / scale * (height / 2 - pad):.1f}"

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + 14}" role="img" aria-labelledby="arc-t">'
             '<title id="arc-t">Emotional arc: sentiment (compound) across the work</title>',
             f'<line x1="{pad}" y1="{height / 2}" x2="{width - pad}" y2="{height / 2}" stroke="#999" '
             'stroke-dasharray="3 3"/>',
             f'<text x="2" y="{pad - 8}">+{scale:g}</text>',
             f'<text x="2" y="{height - pad + 16}">−{scale:g}</text>']
    for k, c in enumerate(work.chapters):
        x = pad + c.start / max(1, length) * (width - 2 * pad)
        if k:
            parts.append(f'<line x1="{x:.1f}" y1="{pad}" x2="{x:.1f}" y2="{height - pad}" stroke="#ddd"/>')
        if len(work.chapters) <= 12:
            mid = pad + (c.start + c.end) / 2 / max(1, length) * (width - 2 * pad)
            parts.append(f'<text class="ch" x="{mid:.1f}" y="{height + 10}" text-anchor="middle">'
                         f"{'Ch ' if len(work.chapters) <= 6 else ''}{c.number or k + 1}</text>")
    parts.append(f'<text x="{width - pad}" y="{pad + 10}" text-anchor="end" class="ax">positive</text>'
                 f'<text x="{width - pad}" y="{height - pad - 4}" text-anchor="end" class="ax">'
                 "negative</text>")
    if scenes:
        parts.append(f'<polyline class="arc-scenes" fill="none" stroke="#2f6f9f" stroke-width="1.5" '
                     f'points="{" ".join(xy(p) for p in scenes)}"><title>scenes</title></polyline>')
        parts.extend(f'<circle cx="{xy(p).split(",")[0]}" cy="{xy(p).split(",")[1]}" r="2.5" '
                     f'fill="#2f6f9f"><title>scene {k + 1}: {p[1]:+.2f}</title></circle>'
                     for k, p in enumerate(scenes))
    if chapters:
        parts.append(f'<polyline class="arc-chapters" fill="none" stroke="#b5461a" stroke-width="3" '
                     f'stroke-dasharray="6 3" points="{" ".join(xy(p) for p in chapters)}">'
                     "<title>chapters</title></polyline>")
        valued = [item for item in arcs.get("chapters") or () if _arc_value(item) is not None]
        for k, p in enumerate(chapters):
            x, y = xy(p).split(",")
            feel = _top_emotions(valued[k]) if k < len(valued) else ""
            parts.append(f'<circle class="arc-ch" cx="{x}" cy="{y}" r="4" fill="#b5461a"><title>'
                         f"chapter {k + 1}: {p[1]:+.2f}{escape_text(feel)}</title></circle>")
    parts.append("</svg>")
    legend = ('<p class="legend"><span class="k-scn">— scenes</span> '
              '<span class="k-chp">- - chapters</span></p>')
    return "".join(parts) + legend


# -- point of view strip -------------------------------------------------------------------------
_POV_WORDS = {"mixed": "mixed", "external": "external (no one character)", None: "unknown"}


def _pov_look(pov: str | None, cast: CastIndex) -> tuple[str, str, str]:
    """(tint, strong colour, name) of a scene's point of view: a character's own colours, or grey
    for "mixed", "external" and unknown."""
    who = cast.of(pov)
    if who is not None:
        return cast.swatch(who).tint, cast.swatch(who).strong, cast.name(pov)
    return UNKNOWN_TINT, UNKNOWN_STRONG, _POV_WORDS.get(pov, str(pov))


def pov_strip(work: Work, cast: CastIndex, scene_chunks: dict[int, int]) -> str:
    """One row of scenes, each as wide as its text and coloured by its point of view, plus a legend
    that names every point of view and counts its scenes: a work with a hundred short scenes stays
    one readable row instead of a wall of clipped labels."""
    if not work.scenes or not any(s.pov or s.person for s in work.scenes):
        return _EMPTY.format("No point of view detected yet.")
    total = max(1, sum(max(1, s.end - s.start) for s in work.scenes))
    labelled = len(work.scenes) <= 12
    skip_tab = ' tabindex="-1"' if len(work.scenes) > MAX_TAB_SCENES else ""   # no 900 tab stops
    cells, tally, persons = [], Counter(), Counter()
    for i, sc in enumerate(work.scenes):
        tint, strong, name = _pov_look(sc.pov, cast)
        person = sc.person or "unknown"
        tally[sc.pov] += 1
        persons[person] += 1
        grow = max(1, sc.end - sc.start) / total * 100
        chapter = f"chapter {sc.chapter + 1}, " if sc.chapter is not None and len(work.chapters) > 1 else ""
        label = f"Scene {i + 1} ({chapter}{name}, {person} person)"
        text = (f"<span>{escape_text(name.split()[0] if name else '?')}</span>"
                f"<small>{escape_text(_PERSON_SHORT.get(person, '?'))}</small>" if labelled else "")
        new_chapter = " ch" if i and sc.chapter != work.scenes[i - 1].chapter else ""
        cells.append(f'<a class="cell{new_chapter}" href="#sc{i}" data-k="{scene_chunks.get(i, 0)}" '
                     f'style="flex-grow:{grow:.3f};background:{tint};border-color:{strong}" '
                     f'title="{attr(label)}" aria-label="{attr(label)}"{skip_tab}>{text}</a>')
    keys = []
    for pov, n in tally.most_common():
        tint, strong, name = _pov_look(pov, cast)
        keys.append(f'<li><span class="sw" style="background:{tint};border-color:{strong}" '
                    f'aria-hidden="true"></span>{escape_text(name)}: {n} scene{"" if n == 1 else "s"}</li>')
    person_note = " · ".join(f"{escape_text(p)} person: {n}" for p, n in persons.most_common())
    row = "nowrap" if not labelled else ""
    return (f'<div class="pov-strip {row}">{"".join(cells)}</div>'
            f'<ul class="pov-key">{"".join(keys)}</ul><p class="legend">{person_note}</p>')
