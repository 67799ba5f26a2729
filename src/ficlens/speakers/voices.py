"""A voice, then who it was: '"Where are you?" called a voice. It was Miss Abbott, …', '"What is
your remarkable little friend doing?" asked a voice behind me, and I turned to find Mary
Cavendish at my elbow', '“Aziraphale! A word!” boomed a voice from the front. Gabriel strode
between the shelves …'.

A line tagged by "a voice" has no speaker in its tag: the narration names them next, as the one
the listener turns to find, or as the one who walks in. So does a line alone in its paragraph
whose next paragraph startles its listeners ('"What is the meaning of this?" / The three of them
froze. Iida Tenya stood at the bottom of the stairs'), and one whose next paragraph opens with
someone walking in and speaking ('…the door swings open again. / “I knew it.” / Sam Wilson strides
in… “I knew I smelled butter.”'): that one spoke it. The listener ("Syme knew", "Winterbourne,
turning, perceived") and whoever the line calls by name are not the speaker. When one character
is left, the line is theirs; else the scorer decides as before."""

from __future__ import annotations

import re

from ficlens.characters.layout import Layout
from ficlens.model import Work
from ficlens.speakers.action_beats import is_fan_fiction
from ficlens.speakers.tags import EXPLICIT_KINDS, MentionIndex

_VERBS = (r"said|cried|called|shouted|boomed|asked|whispered|drawled|snapped|murmured|answered|"
          r"replied|exclaimed|demanded|barked|growled|sang|spoke|came|rang out|piped|"
          r"says|calls|shouts|booms|asks|whispers|drawls|snaps|murmurs|answers|replies|comes|rings out")
_VOICE = r"(?:a|an)\s+(?:[a-z-]+\s+){0,2}voice\b"
_AFTER_RE = re.compile(rf"[ \t]*,?[ \t]*(?:(?:{_VERBS})\s+{_VOICE}|(?:someone|somebody)\s+(?:{_VERBS})\b"
                       # '"Initiates out past curfew?" A voice floats down from the path above us.'
                       r"|[Aa]n?\s+(?:[a-z-]+\s+){0,2}voice\s+(?:[a-z]+s|[a-z]+ed|came|rang|broke|cut|drifted)\b)")
# "A voice called, / "Len?"": the tag before the line, at the end of what comes before it
_BEFORE_RE = re.compile(rf"\b[Aa]n?\s+(?:[a-z-]+\s+){{0,2}}voice\s+(?:{_VERBS})[^.!?\"“”]{{0,40}}[,:]?\s*$")
# the one who hears it: "Syme knew", "Winterbourne, turning, perceived", "Mr. Bumble raised his head"
_LISTENER_RE = re.compile(r"(?:['’]s\b)?\s*(?:,\s*[a-z]+ing,)?\s*(?:turned|turning|looked|glanced|saw|"
                          r"perceived|descried|knew|heard|raised|started|spun|froze|jumped|whirled|"
                          r"stiffened|flew|sprang|listened|twisted)\b")
# the one found: "to find Mary Cavendish", "It was Miss Abbott", "she saw … Edmund"
_FOUND_RE = re.compile(r"\b(?:find|found|saw|see|perceived|beheld|descried|was)\s+[^.!?]{0,60}$")
# where the voice is: "cried a shrill voice in Mr. Bumble's ear", "close behind Philip"
_PLACE_RE = re.compile(r"\b(?:in|into|at|behind|beside|near|to|towards?)\s+$")
_WINDOW = 400


def reveal_voices(work: Work, tags: list, decided: dict[int, tuple[str | None, str]], index: MentionIndex,
                  layout: Layout, addressed: dict[int, set[str]]) -> set[int]:
    """Give each untagged line spoken by "a voice" to the one character the narration right
    after it brings on (evidence ``voice``); the lines so given."""
    text, quotes = work.text, work.quotes
    voiced: set[int] = set()
    fan = is_fan_fiction(work)   # see _came_on
    for qi, q in enumerate(quotes):
        if tags[qi] is not None or decided.get(qi, (None, ""))[1].endswith(":explicit"):
            continue
        after = _AFTER_RE.match(text, q.end)
        entrant = _walks_in(text, q, layout, index) or (_came_on(text, q, layout, index) if fan else None)
        if entrant is not None and tags[qi] is None and entrant not in addressed.get(qi, ()):
            # '“I knew it.” / Sam Wilson strides in, pointing a finger.': the line heard before
            # its speaker is seen
            decided[qi] = (entrant, "voice")
            voiced.add(qi)
            continue
        if after is None and not _voice_before(text, q.start, layout) and not _startles(text, q, layout):
            continue
        lo = after.end() if after else q.end
        # the rest of its paragraph (the voice may go on: '"…," says a voice. "I just got here."')
        # and the next one, up to the next line of another paragraph
        p = layout.paragraph_index(lo)
        p_end = layout.paragraphs[p][1] if p is not None else q.end
        following = next((o.start for o in quotes[qi + 1:] if o.start >= p_end), len(text))
        hi = min(len(text), p_end + _WINDOW, following)
        if p is not None and p + 1 < len(layout.paragraphs):
            hi = min(hi, layout.paragraphs[p + 1][1])
        found, named, listeners = set(), set(), set()
        for m in index.within(lo, hi):
            if m.kind not in EXPLICIT_KINDS or m.character is None or m.character in addressed.get(qi, ()):
                continue
            if _LISTENER_RE.match(text, m.end) or _PLACE_RE.search(text, max(lo, m.start - 12), m.start):
                listeners.add(m.character)
            named.add(m.character)
            if _FOUND_RE.search(text, max(lo, m.start - 80), m.start):
                found.add(m.character)
        pick = (found or named) - listeners
        owner = _voice_owner(text, q, layout, index)
        if len(pick) > 1 and owner in pick:
            pick = {owner}   # '/ The voice came from the door. Scully stood there, Hitchcock behind him'
        if len(pick) > 1 and p is not None and p + 1 < len(layout.paragraphs):
            # '"…," someone drawls from the stairwell. / Dorian Pavus descends the last few steps,
            # the Iron Bull ducking under the beam behind him': the one the next paragraph opens on
            n_lo, n_hi = layout.paragraphs[p + 1]
            opener = next(iter(index.within(n_lo, n_hi)), None)
            if opener is not None and opener.start == n_lo and opener.character in pick:
                pick = {opener.character}
        if len(pick) == 1:
            who = next(iter(pick))
            group = q.group
            for qj, other in enumerate(quotes):
                # the voice goes on in its paragraph: '"…?" A voice floats down. "That's bold."'
                goes_on = after is not None and qj > qi and other.start < p_end and tags[qj] is None \
                    and not decided.get(qj, (None, ""))[1].endswith(":explicit")
                if qj == qi or goes_on or (group is not None and other.group == group and tags[qj] is None):
                    decided[qj] = (who, "voice")
                    voiced.add(qj)
    return voiced


def open_exchanges_at(runs: list[list[int]], turns, voiced: set[int]) -> list[list[int]]:
    """A voice from outside the exchange opens a new one: the lines before it alternate among
    those who were talking, not with the newcomer."""
    if not voiced:
        return runs
    out = []
    for run in runs:
        piece: list[int] = []
        for t in run:
            if piece and voiced.intersection(turns[t].quotes):
                out.append(piece)
                piece = []
            piece.append(t)
        out.append(piece)
    return out


# the listeners, named or many, start at it: "The three of them froze.", "Izuku spun around",
# "Every head in the gym snapped toward the sound.", "Four heads whip around."
_STARTLE_RE = re.compile(r"(?:(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|They|Everyone|Everybody"
                         r"|Both(?:\s+of\s+them)?|(?:All|The)\s+[a-z]+\s+of\s+them)\s+(?:[a-z]+\s+)?(?:froze|spun|whirled|stiffened)"
                         r"|(?:(?:Every|Each)\s+head|(?:(?:Two|Three|Four|Five|Six|All|Several)\s+)?[Hh]eads)"
                         r"(?:\s+in\s+the\s+[a-z]+)?\s+(?:snap|turn|jerk|whip|swing|swung)(?:s|ped|ed)?"
                         r")\b")


def _startles(text: str, q, layout: Layout) -> bool:
    """Does the line stand alone in its paragraph, and the next one open by startling its
    listeners ("The three of them froze.", "Izuku spun around so fast …")?"""
    p = layout.paragraph_index(q.start)
    if p is None or p + 1 >= len(layout.paragraphs):
        return False
    lo, hi = layout.paragraphs[p]
    if text[lo:q.start].strip() or text[q.end:hi].strip():
        return False
    nxt = layout.paragraphs[p + 1][0]
    return _STARTLE_RE.match(text, nxt) is not None or _VOICE_CAME_RE.match(text, nxt) is not None


# '"Did somebody say cheese?" / The voice came from the doorway behind them. Scully stood there'
_VOICE_CAME_RE = re.compile(r"(?:The|That|This)\s+voice\s+(?:came|comes|had\s+come|belonged|was\s+coming"
                            # '"That's enough, Eric." / The voice is low and flat and comes from the dark'
                            r"|(?:is|was)\s+[^.!?]{0,60}\b(?:came|comes)\s+from)\b[^.!?]*[.!?]\s*")


def _voice_owner(text: str, q, layout: Layout, index: MentionIndex) -> str | None:
    """The one the sentence after "The voice came from the doorway." names first."""
    p = layout.paragraph_index(q.start)
    if p is None or p + 1 >= len(layout.paragraphs):
        return None
    nxt, nxt_end = layout.paragraphs[p + 1]
    came = _VOICE_CAME_RE.match(text, nxt, nxt_end)
    if came is None:
        return None
    first = next(iter(index.within(came.end(), nxt_end)), None)
    return first.character if first is not None and first.start == came.end() \
        and first.kind in EXPLICIT_KINDS else None


# "strides in", "appeared in the doorway", "burst into the room", "poked his head round the door"
_ENTERS_RE = re.compile(
    r"(?:\s*,[^,.!?]{1,40},)?\s+(?:(?:suddenly|finally|then)\s+)?(?:"
    r"(?:strides?|strode|walks?|walked|comes?|came|steps?|stepped|bursts?|storms?|stormed|sweeps?|swept|"
    r"marche[sd]|march|wanders?|wandered|saunters?|sauntered|stalks?|stalked|hurrie[sd]|hurry|rushe[sd]|rush|"
    r"barges?|barged|slips?|slipped|shuffles?|shuffled|strolls?|strolled|pads?|padded|trudges?|trudged)"
    r"\s+(?:back\s+)?(?:in\b|into\s+(?:the|a|an|his|her|their)\b|through\b)"
    r"|(?:appears?|appeared|enters?|entered|emerges?|emerged|arrives?|arrived)\b"
    r"|(?:pokes?|poked|sticks?|stuck)\s+(?:his|her|their)\s+head\s+(?:in|into|through|round|around)\b"
    r"|(?:stands?|stood|leans?|leaned|leant|lounges?|lounged)\s+in\s+the\s+doorway)")


def _walks_in(text: str, q, layout: Layout, index: MentionIndex) -> str | None:
    """The one who walks in and speaks at the start of the paragraph after a line that stands
    alone in its own and opens an exchange ('…the door swings open again. / “I knew it.” / Sam
    Wilson strides in, pointing a finger. “I knew I smelled butter.”'), by name or by an epithet
    the cast has linked; else None. Not when the line answers one before it: then the one who
    walks in interrupts ('"Oh! no…" / Mr. Woodhouse came in').'"""
    p = layout.paragraph_index(q.start)
    if p is None or p == 0 or p + 1 >= len(layout.paragraphs):
        return None
    lo, hi = layout.paragraphs[p]
    if text[lo:q.start].strip() or text[q.end:hi].strip():
        return None
    before, (nxt, nxt_end) = layout.paragraphs[p - 1], layout.paragraphs[p + 1]
    if layout.quote_before(lo) is not None and layout.quotes[layout.quote_before(lo)][0] >= before[0]:
        return None   # the paragraph before has a line: this one answers it
    last = layout.quote_before(nxt_end)   # the last line to start before the paragraph ends
    speaks = last is not None and layout.quotes[last][0] >= nxt
    first = next(iter(index.within(nxt, nxt + 200)), None)
    if first is None or first.start != nxt or first.character is None or first.kind == "pronoun":
        return None
    if speaks and _ENTERS_RE.match(text, first.end):
        return first.character
    # 'Peter never knocked. He strolled in with the air of a man invited': the name's sentence,
    # then the same person walking in; the line was his voice before he came into view
    then = _THEN_ENTERS_RE.match(text, first.end, nxt_end)
    if then is not None:
        he = next((m for m in index.within(then.start(1), then.end(1)) if m.kind == "pronoun"), None)
        if he is not None and he.character == first.character and _ENTERS_RE.match(text, he.end):
            return first.character
    return None


# "the sharp dark eyes of Lady Danbury peered through the gap", "Four walked out of the shadows"
_COMES_ON_RE = re.compile(
    r"\b(?:appears?|appeared|emerges?|emerged|enters?|entered|arrives?|arrived"
    r"|peer(?:s|ed)?\s+(?:through|round|around|in)"
    r"|(?:steps?|stepped|walks?|walked|strides?|strode|comes?|came|bursts?|burst|sweeps?|swept|slips?|slipped)"
    r"\s+(?:out\s+of|into|in\b|through)|(?:loomed|looms)\s+(?:up|over|in))")
# "he turned to find Dusa hovering a foot off the floor": the one found is the one on stage
_TURNS_TO_FIND_RE = re.compile(
    r"\b(?:turn(?:s|ed)?|look(?:s|ed)?\s+up|glanc(?:es|ed)\s+up)\s+to\s+(?:find|see)\s+")


def _came_on(text: str, q, layout: Layout, index: MentionIndex) -> str | None:
    """The one character the paragraph before an untagged line that opens its own brings on, with
    no line of its own: 'Orpheus arrived next, lyre slung across his back … / “My Eurydice sends
    her regards…”', '…the sharp dark eyes of Lady Danbury peered through the gap. / ‘Hiding,
    Miss Featherington?’', '…he turned to find Dusa hovering … / “Sorry! Sorry, that was me”':
    they speak first. The last such sentence of the paragraph counts. Fan fiction only: in the
    novels the one who comes in is as often greeted."""
    p = layout.paragraph_index(q.start)
    if p is None or p == 0:
        return None
    lo = layout.paragraphs[p][0]
    if text[lo:q.start].strip():
        return None
    b_lo, b_hi = layout.paragraphs[p - 1]
    before = layout.quote_before(b_hi)
    if before is not None and layout.quotes[before][0] >= b_lo:
        return None   # the paragraph before has a line of its own
    starts = [b_lo] + [m.end() for m in _SENTENCE_END_RE.finditer(text, b_lo, b_hi - 1)]
    for s_lo, s_hi in reversed(list(zip(starts, [*starts[1:], b_hi], strict=True))):
        found = _TURNS_TO_FIND_RE.search(text, s_lo, s_hi)
        if found is not None:
            first = next(iter(index.within(found.end(), s_hi)), None)
            if first is not None and first.start == found.end() and first.kind in EXPLICIT_KINDS:
                return first.character
        comes = _COMES_ON_RE.search(text, s_lo, s_hi)
        if comes is None:
            continue
        # the name nearest before the verb ("Before Penelope could defend herself, … the eyes of
        # Lady Danbury peered"), with no other name between
        named = [m for m in index.within(s_lo, comes.start()) if m.kind in EXPLICIT_KINDS]
        if not named or not _SUBJECT_GAP_RE.fullmatch(text, named[-1].end, comes.start()):
            return None   # "Noah had been sheriff long enough to know that nothing good ever came through"
        return named[-1].character
    return None


_SUBJECT_GAP_RE = re.compile(r"\s*(?:[a-z]+ly\s+|then\s+|finally\s+|suddenly\s+)?")


_SENTENCE_END_RE = re.compile(r"[.!?…][”’\"']?\s+")
_THEN_ENTERS_RE = re.compile(r"[^.!?“”\"]{0,60}[.!?]\s+(He|She|They)\b")


def _voice_before(text: str, start: int, layout: Layout) -> bool:
    """Does "a voice called," end the narration just before the line (its own paragraph or the
    one before)?"""
    p = layout.paragraph_index(start)
    if p is None:
        return False
    lo = layout.paragraphs[p][0]
    if not text[lo:start].strip() and p:
        lo = layout.paragraphs[p - 1][0]
    return _BEFORE_RE.search(text, max(lo, start - 200), start) is not None
