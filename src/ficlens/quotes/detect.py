"""Find every quote of a work: scan each narrative paragraph for each convention, join quotes that
run over paragraphs, drop nested ones, then decide mode (speech / thought / title / scare) and group.

The convention is decided per stretch, not per document: single quotes are thought where double
quotes carry the speech nearby, and speech where they don't.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from ficlens.model import Work
from ficlens.quotes.candidates import Candidate
from ficlens.quotes.dash import scan_dash, uses_dash_dialogue
from ficlens.quotes.double import scan_double
from ficlens.quotes.italic import italic_thoughts, plain_italics
from ficlens.quotes.joining import ParagraphJoiner
from ficlens.quotes.nonspeech import nonspeech_mode
from ficlens.quotes.single import scan_single
from ficlens.quotes.tags import tag_kind

STRETCH = 12  # paragraphs either side that decide what an untagged single quote is


@dataclass
class Found:
    """Detected quotes, in text order, with the narrative paragraph each one starts in."""

    quotes: list[Candidate] = field(default_factory=list)
    paragraph: list[int] = field(default_factory=list)
    bounds: list[tuple[int, int]] = field(default_factory=list)  # per narrative paragraph


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _blocks(work: Work) -> list[tuple[int, int] | None]:
    """Trimmed narrative paragraphs in order; None stands for a note/heading/break between them."""
    if not work.paragraphs:
        return [_trimmed(work.text, 0, len(work.text))]
    return [_trimmed(work.text, p.start, p.end) if p.kind == "text" else None for p in work.paragraphs]


def detect(work: Work) -> Found:
    text = work.text
    blocks = _blocks(work)
    narrative = [b for b in blocks if b is not None]
    dash_dialogue = uses_dash_dialogue(text, narrative)
    italic_runs = sorted((s.start, s.end) for s in work.italics)
    run_starts = [s for s, _ in italic_runs]
    run_ends = list(itertools.accumulate((e for _, e in italic_runs), max))  # sorted, for bisect
    found = Found(bounds=narrative)
    joiner = ParagraphJoiner()
    extra: list[tuple[Candidate, int]] = []  # dash and italic quotes: never joined
    index = -1
    for block in blocks:
        if block is None:
            joiner.flush()
            continue
        index += 1
        lo, hi = block
        doubles = scan_double(text, lo, hi, carried=joiner.is_open("double"))
        singles = scan_single(text, lo, hi, [(q.start, q.end) for q in doubles])
        joiner.feed(text, index, lo, "double", doubles, hi)
        joiner.feed(text, index, lo, "single", singles, hi)
        if dash_dialogue and not doubles and not singles:
            extra.extend((quote, index) for quote in scan_dash(text, lo, hi))
        first = bisect.bisect_left(run_ends, lo + 1)
        runs = [r for r in italic_runs[first:bisect.bisect_left(run_starts, hi)] if r[1] > lo]
        runs += plain_italics(text, lo, hi)
        extra.extend((quote, index) for quote in italic_thoughts(text, lo, hi, runs))
    joiner.flush()
    for quote, para in joiner.done + extra:
        found.quotes.append(quote)
        found.paragraph.append(para)
    _drop_nested(found)
    _decide_modes(text, found)
    return found


def _drop_nested(found: Found) -> None:
    """Keep outer quotes only: “He said ‘run’ and left” is one quote; italics inside quotes too.
    Quotation marks beat italics: an italic run holding a marked quote is a flashback, not a thought."""
    order = sorted(range(len(found.quotes)), key=lambda k: (found.quotes[k].start, -found.quotes[k].end))
    marked = [found.quotes[k] for k in order if found.quotes[k].marks != "italic"]
    marked_starts = [q.start for q in marked]
    kept: list[int] = []
    reach = -1
    for k in order:
        quote = found.quotes[k]
        if quote.start < reach:
            continue  # inside (or overlapping) the quote before it
        if quote.marks == "italic":
            first = bisect.bisect_left(marked_starts, quote.start)
            if first < len(marked) and marked[first].start < quote.end:
                continue  # a marked quote starts inside this italic run
        kept.append(k)
        reach = max(reach, quote.end)
    found.quotes = [found.quotes[k] for k in kept]
    found.paragraph = [found.paragraph[k] for k in kept]


def _decide_modes(text: str, found: Found) -> None:
    """Title/scare first, then the tag's verb; untagged single quotes follow the stretch."""
    starts = [lo for lo, _ in found.bounds]
    tags: list[str | None] = []
    double_speech: list[int] = []  # paragraph numbers, in order
    single_tagged: dict[str, list[int]] = {"speech": [], "thought": []}
    for quote, para in zip(found.quotes, found.paragraph, strict=True):
        lo = found.bounds[para][0]
        hi = found.bounds[bisect.bisect_right(starts, quote.end - 1) - 1][1]  # where the quote ends
        tag = None
        if quote.marks != "italic":
            mode = nonspeech_mode(text, quote, lo, hi)
            if mode is None:
                tag = tag_kind(text, quote.start, quote.end, lo, hi)
                mode = tag or "speech"
            quote.mode = mode
            if quote.marks == "double" and mode == "speech":
                double_speech.append(para)
            if quote.marks == "single" and tag:
                single_tagged[tag].append(para)
        tags.append(tag)
    inherited = _paragraph_tags(found, tags)
    for quote, para, tag, near_tag in zip(found.quotes, found.paragraph, tags, inherited, strict=True):
        if quote.mode != "speech" or tag is not None or quote.marks == "italic":
            continue
        # the rest of a tagged speech (or thought) in its paragraph is the same; else the stretch decides
        if near_tag:
            quote.mode = near_tag
        elif quote.marks == "single":
            quote.mode = _stretch_mode(para, double_speech, single_tagged)


def _paragraph_tags(found: Found, tags: list[str | None]) -> list[str | None]:
    """Per quote, the tag of the nearest tagged quote with the same marks in its paragraph:
    the one before it, else the one after it."""
    out: list[str | None] = [None] * len(tags)
    for direction in (range(len(tags) - 1, -1, -1), range(len(tags))):  # after, then before wins
        last: dict[tuple[int, str], str] = {}
        for k in direction:
            key = (found.paragraph[k], found.quotes[k].marks)
            if tags[k]:
                last[key] = tags[k]
            elif key in last:
                out[k] = last[key]
    return out


def _count_near(paragraphs: list[int], para: int) -> int:
    return bisect.bisect_right(paragraphs, para + STRETCH) - bisect.bisect_left(paragraphs, para - STRETCH)


def _stretch_mode(para: int, double_speech: list[int], single_tagged: dict[str, list[int]]) -> str:
    """What an untagged single quote is here: as the tagged single quotes nearby are (said → speech,
    thought → thought); failing those, thought where double quotes carry the speech nearby."""
    said, thought = (_count_near(single_tagged[k], para) for k in ("speech", "thought"))
    if said != thought:
        return "speech" if said > thought else "thought"
    return "thought" if _count_near(double_speech, para) >= 2 else "speech"
