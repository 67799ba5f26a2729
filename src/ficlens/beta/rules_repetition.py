"""Repetition: a content word used three times within forty words, the same two- or three-word
phrase twice within a hundred, or three sentences in a row opening the same way. Names, pronouns,
character aliases and stopwords are never flagged: the community's advice is to *use* names and
pronouns, not to vary them."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from ficlens.beta.context import BetaContext
from ficlens.beta.registry import rule
from ficlens.model import Finding
from ficlens.pov.narration import in_quote, sentence_spans

WINDOW = 40
TIMES = 3
MIN_LENGTH = 4
STOPWORDS = frozenset(
    re.findall(
        r"[a-z']+",
        """
a about above after again against all almost along already also although always am among an and another any
anyone anything are around as at away back be because been before being below between both but by can cannot
could did do does doing done down during each either else enough even ever every everything few for from
further get gets getting got had has have having he her here hers herself him himself his how however i if in
into is it its itself just least less like little made make many may me might more most much must my myself
near need never no nor not nothing now of off often on once one only onto or other others our ours ourselves
out over own perhaps quite rather really said same say says see seemed seems she should since so some someone
something still such than that the their theirs them themselves then there these they thing things this those
though through thus to together too toward towards under until up upon us very was way we well were what
whatever when where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves asked told replied again even just back around before after looked look looking eyes
can't couldn't didn't doesn't don't hadn't hasn't haven't he'd he'll he's i'd i'll i'm i've isn't it's let's
she'd she'll she's shouldn't that's there's they'd they'll they're they've wasn't we'd we're we've weren't
what's won't wouldn't you'd you'll you're you've time know think going want right good yes okay mean
tell come take make
feel even first last next long""".replace("’", "'"),
    )
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _ignored(ctx: BetaContext) -> frozenset[str]:
    if "repetition.ignored" not in ctx.memo:
        names = {n.casefold() for n in ctx.cast.names}
        names |= {t for n in names for t in re.findall(r"[a-z']+", n)}
        ctx.memo["repetition.ignored"] = frozenset(names | STOPWORDS)
    return ctx.memo["repetition.ignored"]


def _key(word: str) -> str:
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


@rule(
    "repetition",
    "the same content word three times within forty words, the same 2-3 word phrase twice within a "
    "hundred, or the same sentence opening three times in a row",
)
def repetition(ctx: BetaContext) -> Iterator[Finding]:
    openings = list(_openings(ctx))
    yield from openings
    phrases = list(_close_phrases(ctx))
    yield from phrases
    for finding in _close_words(ctx):
        covered = any(
            o.start <= finding.start
            and finding.end <= o.end
            and finding.data["word"] in o.data["opening"].split()
            for o in openings
        ) or any(
            p.data["spans"][0][0] <= finding.data["spans"][0][0] <= p.end
            and finding.data["word"] in p.data["phrase"].split()
            for p in phrases
        )
        if not covered:
            yield finding


PHRASE_WINDOW = 100  # words: the same two- or three-word phrase twice this close reads as an echo
PHRASE_ECHO = 12  # ... but closer than this it is a refrain the writer built ("He's late. He's days late.")


def _content(word: str, ignored: frozenset[str]) -> bool:
    return len(word) >= MIN_LENGTH and word not in ignored


def _close_phrases(ctx: BetaContext) -> Iterator[Finding]:
    """The same 2-3 word phrase twice within PHRASE_WINDOW words ("a cold wind ... a cold wind").

    The phrase must begin and end with a content word (no names, pronouns or stopwords), so
    "of the" or "he said" never count; a trigram is preferred to the bigram inside it. On the
    samples every pair closer than PHRASE_ECHO words was a deliberate refrain, so those are skipped.
    """
    ignored = _ignored(ctx)
    last_seen: dict[str, tuple[int, int, int]] = {}
    index = 0
    reported_until = -1
    for lo, hi in ctx.narration:
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(ctx.text, lo, hi)]
        keys = [_key(w) if not w[0].isupper() else "" for _, _, w in words]
        for i in range(len(words)):
            index += 1
            for size in (3, 2):
                gram = keys[i : i + size]
                if len(gram) < size or not all(gram) or not (
                    _content(gram[0], ignored) and _content(gram[-1], ignored)
                ):
                    continue
                phrase = " ".join(gram)
                start, end = words[i][0], words[i + size - 1][1]
                previous = last_seen.get(phrase)
                last_seen[phrase] = (index, start, end)
                if (
                    previous is None
                    or not PHRASE_ECHO < index - previous[0] <= PHRASE_WINDOW
                    or previous[1] <= reported_until
                    or _deliberate(ctx.text, previous[1], end)
                ):
                    continue
                reported_until = end
                yield Finding(  # the span is the echo, so the note shows its sentence, not 100 words
                    "repetition",
                    start,
                    end,
                    f'The phrase "{phrase}" again, {index - previous[0]} words after the last time.',
                    "info",
                    {
                        "kind": "phrase",
                        "phrase": phrase,
                        "times": 2,
                        "spans": [[previous[1], previous[2]], [start, end]],
                    },
                )
                break


def _close_words(ctx: BetaContext) -> Iterator[Finding]:
    ignored = _ignored(ctx)
    recent: dict[str, deque[tuple[int, int, int]]] = {}
    index = 0
    for lo, hi in ctx.narration:
        for match in _WORD.finditer(ctx.text, lo, hi):
            index += 1
            key = _key(match.group(0))
            if len(key) < MIN_LENGTH or key in ignored or match.group(0)[0].isupper():
                continue
            seen = recent.setdefault(key, deque())
            while seen and index - seen[0][0] > WINDOW:
                seen.popleft()
            seen.append((index, match.start(), match.end()))
            if len(seen) >= TIMES:
                first, last = seen[0], seen[-1]
                if _deliberate(ctx.text, first[1], last[2]) or _parallel(ctx.text, [o[1] for o in seen]):
                    seen.clear()  # "laughs and laughs and laughs": a figure, not an accident
                    continue
                yield Finding(
                    "repetition",
                    first[1],
                    last[2],
                    f'"{key}" {len(seen)} times within {last[0] - first[0] + 1} words.',
                    "info",
                    {"kind": "word", "word": key, "times": len(seen), "spans": [[s, e] for _, s, e in seen]},
                )
                seen.clear()


def _deliberate(text: str, start: int, end: int) -> bool:
    """All occurrences inside one sentence: anaphora or epizeuxis the writer chose."""
    return not re.search(r"[.!?]\s", text[start:end])


_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "my", "your", "its", "our", "this", "that"]
)
_PREVIOUS_WORD = re.compile(r"([A-Za-z']+)[^A-Za-z']*$")


def _parallel(text: str, starts: list[int]) -> bool:
    """Two occurrences led by the same word ("he knows ... he knows", "which means ... which
    means"): a parallel structure the writer built on purpose. Articles and possessives do not
    count: "the toast ... the toast" is the accident a beta reader points out."""
    previous = []
    for start in starts:
        match = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
        word = match.group(1).lower() if match else ""
        if word and word not in _DETERMINERS:
            previous.append(word)
    return len(previous) != len(set(previous))


def _openings(ctx: BetaContext) -> Iterator[Finding]:
    ignored = _ignored(ctx)
    run: list[tuple[int, int]] = []
    run_key: str | None = None
    for start, end in sentence_spans(ctx.work):
        key = _opening(ctx.text[start:end], ignored)
        if key is None or in_quote(ctx.work, start) or ctx.text[start] in "\"“‘'":
            key = None
        if key is not None and key == run_key:
            run.append((start, end))
        else:
            if len(run) >= TIMES:
                yield _opening_finding(ctx, run_key, run)
            run, run_key = ([(start, end)], key) if key else ([], None)
    if len(run) >= TIMES:
        yield _opening_finding(ctx, run_key, run)


def _opening(sentence: str, ignored: frozenset[str]) -> str | None:
    words = [_key(w) for w in _WORD.findall(sentence[:80])[:2]]
    if not words:
        return None
    if words[0] not in ignored:
        return words[0]
    if len(words) > 1 and words[1] not in ignored and len(words[1]) >= MIN_LENGTH:
        return " ".join(words)
    return None


def _opening_finding(ctx: BetaContext, key: str | None, run: list[tuple[int, int]]) -> Finding:
    return Finding(
        "repetition",
        run[0][0],
        run[-1][1],
        f'{len(run)} sentences in a row open with "{key}".',
        "info",
        {"kind": "opening", "opening": key, "times": len(run)},
    )
