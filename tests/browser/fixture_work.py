"""Hand-built Works for the reading-view tests: a short original story with every layer filled in
exactly (so tests know what the page must show), and a hostile one full of injection attempts."""

from __future__ import annotations

from ficlens.model import (
    Break,
    Chapter,
    Character,
    Finding,
    Mention,
    Note,
    Paragraph,
    Quote,
    Scene,
    Span,
    Work,
)

STORY = """Summary: Two smugglers, one map, and a very stubborn mule.

A/N: Thanks to my beta, Wren, for catching all my comma splices!

Chapter 1: The Crossing

Ada pulled the map from her coat. "We go north," she said to Tomas.

"North is the long way," Tomas replied. "The mule hates hills."

"The mule hates everything."

Tomas laughed and looked at the sky. Ada folded the map again.

* * *

By nightfall the road had narrowed to a goat track. Bram waited at the ford with a lantern.

"You're late," Bram said.

"We're alive," said Ada. "That is better than on time."

"Is it?" someone muttered.

Chapter 2: The Ford

The water was cold and loud. Tomas carried the salt sacks 🧂 one by one, cursing softly.

"Careful with those," Bram told him. "Each one is worth a month of bread."

"Then you carry them," Tomas snapped.

Ada said nothing. She watched the far bank, where a light had just gone out.

End Notes: Next chapter, the mule gets a name.
"""


def find(text: str, needle: str, occurrence: int = 1, after: int = 0) -> tuple[int, int]:
    """[start, end) of the n-th occurrence of ``needle`` at or after ``after``."""
    pos = after - 1
    for _ in range(occurrence):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def _paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for block in text.split("\n\n"):
        stripped = block.strip("\n")
        if stripped:
            start = text.index(stripped, pos)
            kind = "text"
            if stripped.startswith("Chapter "):
                kind = "heading"
            elif stripped.startswith(("Summary:", "A/N:", "End Notes:")):
                kind = "note"
            elif stripped == "* * *":
                kind = "break"
            out.append(Paragraph(start, start + len(stripped), kind))
            pos = start + len(stripped)
    return out


def story_work() -> Work:
    t = STORY
    w = Work(text=t, source={"path": "the-salt-road.txt", "format": "text"})
    w.metadata = {"title": "The Salt Road", "authors": ["quillfeather"], "fandoms": ["Original Work"],
                  "rating": "General Audiences", "warnings": ["No Archive Warnings Apply"],
                  "relationships": ["Ada & Tomas"], "characters": ["Ada", "Tomas", "Bram"],
                  "additional_tags": ["Smuggling", "Found Family"],
                  "stats": {"published": "2026-01-02", "words": "250", "chapters": "2/?"}}
    w.paragraphs = _paragraphs(t)
    ch2 = t.index("Chapter 2")
    end_notes = t.index("End Notes:")
    w.chapters = [Chapter(t.index("Chapter 1"), ch2, 1, "The Crossing",
                          list(find(t, "Chapter 1: The Crossing")), "author"),
                  Chapter(ch2, end_notes, 2, "The Ford", list(find(t, "Chapter 2: The Ford")), "author")]
    summary = find(t, "Summary: Two smugglers, one map, and a very stubborn mule.")
    author_note = find(t, "A/N: Thanks to my beta, Wren, for catching all my comma splices!")
    w.notes = [Note(*summary, "summary"), Note(*author_note, "author_note"),
               Note(end_notes, len(t.rstrip()), "work_end_notes")]
    brk = find(t, "* * *")
    w.breaks = [Break(*brk, "glyph", "* * *")]
    ch1_start = w.chapters[0].start
    w.scenes = [Scene(ch1_start, brk[0], 0, "chapter", "third", "ada", [{"rule": "name_in_narration"}]),
                Scene(brk[1], ch2, 0, "glyph", "third", "bram", []),
                Scene(ch2, end_notes, 1, "chapter", "third", "tomas", [])]
    w.characters = [Character("ada", "Ada", ["Ada", "Captain"], "female", "she/her"),
                    Character("tomas", "Tomas", ["Tomas", "Tom"], "male", "he/him"),
                    Character("bram", "Bram", ["Bram"], "male", "he/him")]
    w.mentions = []
    for cid, name in (("ada", "Ada"), ("tomas", "Tomas"), ("bram", "Bram")):
        pos = 0
        while (i := t.find(name, pos)) >= 0:
            w.mentions.append(Mention(i, i + len(name), cid, "name"))
            pos = i + 1
    w.mentions.append(Mention(*find(t, "she said"), "ada", "pronoun"))
    w.mentions[-1].end = w.mentions[-1].start + 3
    w.mentions.sort(key=lambda m: m.start)

    def quote(needle: str, speaker: str | None, addressees: list[str], conf: float, qtype: str,
              tag: str | None = None, verb: str | None = None, occurrence: int = 1) -> Quote:
        s, e = find(t, needle, occurrence)
        tag_rec = None
        if tag:
            ts, te = find(t, tag, 1, after=max(0, s - 40))
            tag_rec = {"start": ts, "end": te, "verb": verb, "text": tag}
        return Quote(s, e, speaker, addressees, conf, qtype, tag_rec, "speech", "double",
                     evidence="tag" if tag else "turn-taking")

    w.quotes = [
        quote('"We go north,"', "ada", ["tomas"], 0.94, "explicit", "she said", "said"),
        quote('"North is the long way,"', "tomas", ["ada"], 0.91, "explicit", "Tomas replied", "replied"),
        quote('"The mule hates hills."', "tomas", ["ada"], 0.88, "explicit", "Tomas replied", "replied"),
        quote('"The mule hates everything."', "ada", ["tomas"], 0.62, "implicit"),
        quote('"You\'re late,"', "bram", ["ada", "tomas"], 0.93, "explicit", "Bram said", "said"),
        quote('"We\'re alive,"', "ada", ["bram"], 0.92, "explicit", "said Ada", "said"),
        quote('"That is better than on time."', "ada", ["bram"], 0.9, "explicit", "said Ada", "said"),
        quote('"Is it?"', "tomas", [], 0.31, "implicit", "someone muttered", "muttered"),
        quote('"Careful with those,"', "bram", ["tomas"], 0.9, "explicit", "Bram told him", "told"),
        quote('"Each one is worth a month of bread."', "bram", ["tomas"], 0.86, "explicit"),
        quote('"Then you carry them,"', "tomas", ["bram"], 0.9, "explicit", "Tomas snapped", "snapped"),
    ]
    for c in w.characters:
        mine = [q for q in w.quotes if q.speaker == c.id]
        c.quote_count = len(mine)
        c.words_spoken = sum(len(t[q.start:q.end].split()) for q in mine)
    w.italics = [Span(*find(t, "everything"))]
    w.findings = [
        Finding("said_bookism", *find(t, "snapped"), "“snapped” draws attention to the tag; "
                "consider “said”.", "warning"),
        Finding("pov_shift", *find(t, "Tomas laughed and looked at the sky."),
                "Possible head-hopping: this scene is in Ada's point of view.", "issue"),
        Finding("anonymous_speaker", *find(t, '"Is it?" someone muttered.'),
                "Unclear who speaks here.", "info"),
    ]
    w.arcs = {"scenes": [{"compound": 0.2}, {"compound": -0.35}, {"compound": 0.1}],
              "chapters": [{"compound": -0.05}, {"compound": 0.1}]}
    return w


HOSTILE = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
HOSTILE_LINK = '<a href="javascript:window.__pwned=1">click me</a>'
HOSTILE_STYLE = "<style>body{display:none}</style>"
HOSTILE_SVG = "<svg onload=window.__pwned=1>"


def hostile_work() -> Work:
    """Every user-controlled string carries an injection attempt."""
    text = (f"{HOSTILE}\n\nShe said {HOSTILE_IMG} and then {HOSTILE_LINK} and {HOSTILE_STYLE}.\n\n"
            f'"{HOSTILE}" {HOSTILE_SVG} whispered.\n\nSee http://evil.example/x.png for more. '
            "</template><script>window.__pwned=2</script>\n")
    w = Work(text=text, source={"path": f"{HOSTILE}.txt"})
    w.metadata = {"title": HOSTILE, "authors": [HOSTILE_IMG], "fandoms": [HOSTILE_SVG],
                  "rating": HOSTILE_STYLE, "additional_tags": [HOSTILE_LINK, "</dd></dl>" + HOSTILE],
                  "summary": HOSTILE_IMG, f"x{HOSTILE}": HOSTILE,
                  "stats": {HOSTILE: HOSTILE_IMG}}
    w.paragraphs = _paragraphs(text)
    w.chapters = [Chapter(0, len(text), 1, HOSTILE, None, None)]
    w.characters = [Character('"><script>window.__pwned=3</script>', HOSTILE_SVG, [HOSTILE_IMG, HOSTILE]),
                    Character("b", HOSTILE_IMG, [])]
    qs, qe = find(text, f'"{HOSTILE}"')
    w.quotes = [Quote(qs, qe, w.characters[0].id, ["b"], 0.2, "explicit",
                      {"start": qe + 1, "end": len(text), "verb": HOSTILE, "text": HOSTILE_IMG},
                      evidence=HOSTILE)]
    w.mentions = [Mention(*find(text, "She"), w.characters[0].id, "pronoun")]
    w.scenes = [Scene(0, len(text), 0, None, "third", w.characters[0].id, [])]
    w.findings = [Finding(HOSTILE, *find(text, HOSTILE_LINK), f"</script>{HOSTILE}{HOSTILE_IMG}",
                          '"><script>window.__pwned=4</script>')]
    w.notes = []
    w.interactions = {"pairs": [{"source": w.characters[0].id, "target": "b", "count": 2}]}
    w.arcs = {"scenes": [{"compound": 0.5}]}
    return w


_NAMES = ("Ada", "Tomas", "Bram", "Wren", "Ilse", "Corin", "Mael", "Nessa")
_NARRATION = ("The road bent east past the salt flats, and the wind carried the smell of rain over "
              "the dunes while the mule complained about everything it could think of.")


def generated_work(words: int, chapters: int = 40) -> Work:
    """A long synthetic work (~``words`` words) with chapters, scenes, quotes, mentions and
    findings, built directly with its layers so a test can render a 500,000-word page quickly."""
    parts: list[str] = []
    pos = 0
    w = Work(text="", metadata={"title": f"Generated work of {words} words", "authors": ["ficlens tests"]})
    w.characters = [Character(n.lower(), n, [n]) for n in _NAMES]
    per_chapter = max(1, words // chapters)
    count = 0
    k = 0

    def add(piece: str, kind: str = "text") -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(piece + "\n\n")
        pos += len(piece) + 2
        w.paragraphs.append(Paragraph(start, start + len(piece), kind))
        return start, start + len(piece)

    for c in range(chapters):
        ch_start = pos
        heading = add(f"Chapter {c + 1}", "heading")
        scene_start = pos
        p = 0
        while count < per_chapter * (c + 1):
            if p and p % 12 == 0:
                brk = add("* * *", "break")
                w.breaks.append(Break(*brk, "glyph", "* * *"))
                w.scenes.append(Scene(scene_start, brk[0], c, "glyph", "third", _NAMES[k % 8].lower()))
                scene_start = pos
            a, b = _NAMES[k % 8], _NAMES[(k + 3) % 8]
            k += 1
            quote = f'"We should keep moving before the light goes, {b}," said {a}. 🌊'
            start, _end = add(f"{quote} {_NARRATION} {b} nodded slowly.")
            q_end = start + quote.index(",\" said") + 2
            w.quotes.append(Quote(start, q_end, a.lower(), [b.lower()], 0.4 if k % 9 == 0 else 0.9,
                                  "explicit", {"text": f"said {a}", "verb": "said"}))
            said = quote.index("said ") + 5
            w.mentions.append(Mention(start + said, start + said + len(a), a.lower(), "name"))
            tail = start + len(quote) + 1 + len(_NARRATION) + 1
            w.mentions.append(Mention(tail, tail + len(b), b.lower(), "name"))
            if k % 50 == 0:
                w.findings.append(Finding("said_bookism", start, q_end, "A sample finding.", "info"))
            count += len(parts[-1].split())
            p += 1
        w.scenes.append(Scene(scene_start, pos, c, "glyph" if scene_start != heading[1] + 2 else "chapter",
                              "third", _NAMES[c % 8].lower()))
        w.chapters.append(Chapter(ch_start, pos, c + 1, None, list(heading), "author"))
    w.text = "".join(parts)
    w.arcs = {"scenes": [{"compound": ((i * 37) % 21 - 10) / 10} for i in range(len(w.scenes))],
              "chapters": [{"compound": ((i * 7) % 11 - 5) / 5} for i in range(len(w.chapters))]}
    return w
