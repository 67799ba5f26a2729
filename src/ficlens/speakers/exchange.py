"""Turns and exchanges: one turn is the quotes of one paragraph; an exchange (run) is a stretch of
turns with at most one narration paragraph between them, inside one scene. Speakers of untagged
turns come from the paragraph itself (beats), the previous turn's vocative, the next paragraph,
then turn-taking (A, B, A, B) and the other party of the exchange."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ficlens.characters.coref import speaking_subject
from ficlens.characters.layout import Layout
from ficlens.model import Mention, Work

Decision = tuple[str | None, str]


@dataclass
class Turn:
    paragraph: int | None
    quotes: list[int]
    tagged: dict = field(default_factory=dict)
    narration: list[Mention] = field(default_factory=list)
    speaker: str | None = None
    evidence: str | None = None
    last_paragraph: int | None = None   # where its last quote ends (a long speech runs on)

    @property
    def end_paragraph(self) -> int | None:
        return self.paragraph if self.last_paragraph is None else self.last_paragraph


def opens_paragraph(text: str, paragraph_start: int, quote_start: int) -> bool:
    """Only spaces and opening quote marks stand between the paragraph's start and the quote."""
    return not text[paragraph_start:quote_start].strip(" \t\r\n“\"‘'")


def build_runs(turns: list[Turn], layout: Layout) -> list[list[int]]:
    runs: list[list[int]] = []
    for ti, turn in enumerate(turns):
        prev = turns[ti - 1] if ti else None
        joined = (prev is not None and turn.paragraph is not None and prev.paragraph is not None
                  and turn.paragraph - prev.end_paragraph <= 2
                  and layout.scene_index(layout.paragraphs[turn.paragraph][0])
                  == layout.scene_index(layout.paragraphs[prev.paragraph][0]))
        if joined:
            runs[-1].append(ti)
        else:
            runs.append([ti])
    return runs


def _vocatives(work: Work, turn: Turn, layout: Layout) -> list[str]:
    out = []
    addressed = work.runtime.get("speakers.addressed", {})
    for qi in turn.quotes:
        q = work.quotes[qi]
        out += [m.character for m in _mentions_in(work, q.start, q.end)
                if m.kind == "vocative" and m.character]
        out += sorted(addressed.get(qi, set()) - set(out))
    return out


def _mentions_in(work: Work, lo: int, hi: int) -> list[Mention]:
    from bisect import bisect_left

    starts = work.runtime.get("speakers.mention_starts")
    if starts is None or len(starts) != len(work.mentions):
        starts = [m.start for m in work.mentions]
        work.runtime["speakers.mention_starts"] = starts
    i = bisect_left(starts, lo)
    out = []
    while i < len(work.mentions) and work.mentions[i].start < hi:
        out.append(work.mentions[i])
        i += 1
    return out


def resolve_turns(turns: list[Turn], runs: list[list[int]], work: Work, layout: Layout,
                  index) -> dict[int, Decision]:
    decided: dict[int, Decision] = {}
    # 1. tags, and the rest of a tagged paragraph.
    for turn in turns:
        if not turn.tagged:
            continue
        for qi in turn.quotes:
            tag = turn.tagged.get(qi)
            if tag is not None:
                decided[qi] = (tag.mention.character, f"tag_{tag.side}:{tag.kind}")
        for qi in turn.quotes:
            if qi not in decided:
                nearest = min(turn.tagged, key=lambda t, qi=qi: (abs(t - qi), t > qi))
                tag = turn.tagged[nearest]  # an explicit name tag covers its whole paragraph
                evidence = "same_paragraph:explicit" if tag.kind == "explicit" else "same_paragraph"
                decided[qi] = (tag.mention.character, evidence)
        first = decided[turn.quotes[0]]
        turn.speaker, turn.evidence = first
    # 2. beats: a character who is the subject of the paragraph's own narration; the one
    #    nearest before the first quote when the narration leads into it.
    for turn in turns:
        if turn.speaker is None and turn.narration:
            subjects = [m for m in turn.narration if speaking_subject(work.text, m.start)]
            first = work.quotes[turn.quotes[0]].start
            leading = [m for m in subjects if m.end <= first]
            if leading or subjects:
                turn.speaker, turn.evidence = (leading or subjects)[-1 if leading else 0].character, "beat"
    for run in runs:
        _resolve_run([turns[t] for t in run], work, layout, index)
    for turn in turns:
        for qi in turn.quotes:
            decided.setdefault(qi, (turn.speaker, turn.evidence or "none"))
    return decided


def _resolve_run(run: list[Turn], work: Work, layout: Layout, index) -> None:
    # 3. the previous turn called this speaker by name.
    for i in range(1, len(run)):
        turn, prev = run[i], run[i - 1]
        if turn.speaker is None:
            named = [c for c in _vocatives(work, prev, layout) if c != prev.speaker]
            if named:
                turn.speaker, turn.evidence = named[0], "vocative_previous"
    # 4. turn-taking, both ways, until nothing changes.
    changed = True
    while changed:
        changed = False
        for i, turn in enumerate(run):
            if turn.speaker is not None:
                continue
            for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
                if 0 <= a < len(run) and 0 <= b < len(run):
                    sa, sb = run[a].speaker, run[b].speaker
                    if sa and sb and sa != sb:
                        turn.speaker, turn.evidence = sa, "alternation"
                        changed = True
                        break
    # 6. the other party of the exchange.
    party = Counter(t.speaker for t in run if t.speaker)
    for i, turn in enumerate(run):
        if turn.speaker is not None:
            continue
        neighbour = next((run[j].speaker for j in (i - 1, i + 1)
                          if 0 <= j < len(run) and run[j].speaker), None)
        others = [c for c, _ in party.most_common() if c != neighbour]
        if others:
            turn.speaker, turn.evidence = others[0], "other_party"
    # 7. a line spoken before its speaker is introduced: the next paragraph is narration that
    #    opens on a character.
    for turn in run:
        if turn.speaker is None and not turn.narration and turn.paragraph is not None:
            nxt = turn.paragraph + 1
            if nxt < len(layout.paragraphs) and not any(t.paragraph == nxt for t in run):
                lo, hi = layout.paragraphs[nxt]
                head = [m for m in index.within(lo, min(hi, lo + 40)) if m.kind != "pronoun"]
                if head:
                    turn.speaker, turn.evidence = head[0].character, "next_paragraph"
    # 8. recency.
    for i, turn in enumerate(run):
        if turn.speaker is None and turn.paragraph is not None:
            neighbour = next((run[j].speaker for j in (i - 1, i + 1)
                              if 0 <= j < len(run) and run[j].speaker), None)
            lo = layout.paragraphs[turn.paragraph][0]
            recent = [m.character for m in index.within(max(0, lo - 1500), lo) if m.character != neighbour]
            if recent:
                turn.speaker, turn.evidence = recent[-1], "fallback"
