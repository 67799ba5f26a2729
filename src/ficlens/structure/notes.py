"""In-body paratext: front matter, author's notes, disclaimers and end markers.

Authors put credits, "A/N:" paragraphs, disclaimers and "The End" inside the story body
(always in plain text, often in HTML). These lexicons tell them from narrative, so that later
stages only read the story. A paragraph opening with a quotation mark is dialogue, never a note,
unless it starts with an explicit label ("A/N:", "Disclaimer:").
"""

from __future__ import annotations

import re

_OPEN = r"^[\s(\[*~_<>-]*"
AUTHOR_NOTE_START = re.compile(
    _OPEN + r"(?:(?-i:A/N|a/n|A\.N\.)|(?-i:AN|N/A|PS)\s*[:\-–—)]|author['’]?s?\s+notes?\b"
            r"|(?:final|end|chapter|quick|little|short)\s+notes?\s*:|notes?\s*:|p\.\s?s\.?"
            r"|edit(?:ed)?\s*:|update\s*:|(?:last\s+)?updated\s*(?:on\s*)?:|(?:re-?)?posted\s*(?:on\s*)?:"
            r"|originally\s+posted\b)",
    re.IGNORECASE)
EXPLICIT_AUTHOR_NOTE = re.compile(
    _OPEN + r"(?:(?-i:A/N|a/n|A\.N\.)|(?-i:AN|N/A)\s*[:\-–—)]|author['’]?s?\s+notes?\b)", re.IGNORECASE)
DISCLAIMER_START = re.compile(_OPEN + r"disclaimer\b", re.IGNORECASE)
DISCLAIMER_PHRASE = re.compile(
    r"\bI\s+(?:do\s+not|don['’]t|didn['’]t|won['’]t\s+ever)\s+own\b|\bme\s+no\s+own"
    r"|\b(?:characters?|rights?|world|universe|everything)\b[^.!?]{0,80}\bbelongs?\s+to\s+(?:the\s+)?"
    r"(?:(?:wonderful|amazing|great|brilliant|fabulous|talented|genius)\s+)*(?:Sir\s+|Dame\s+|Mr\.?\s+|Ms\.?\s+)?"
    r"(?-i:[A-Z])"
    r"|\bno\s+(?:copyright\s+)?infringement\b|\bnot\s+making\s+(?:any\s+)?(?:money|profit)\b"
    r"|\bno\s+profit\s+is\s+(?:being\s+)?made\b",
    re.IGNORECASE)
END_MARKER = re.compile(
    r"[\s~*=#_\-–—.:(\[<>]*(?:the\s+end|fin|finis|tbc|t\.b\.c\.?|to\s+be\s+continued|the\s+end\s*\?"
    r"|end\s+of\s+(?:chapter|part|book)\s+[\w-]+|end\s+of\s+story|(?-i:END))"
    r"[\s~*=#_\-–—.:!?…)\]<>]*",
    re.IGNORECASE)
FRONT_LINE = re.compile(
    _OPEN + r"(?:(?:title|authors?|writer|by|fandoms?|pairings?|ships?|relationships?|characters?"
            r"|rating|rated|warnings?|content\s+warnings?|tw|cw|summary|genres?|categor(?:y|ies)"
            r"|word\s*count|words|length|status|spoilers?|timeline|setting|series|beta(?:s|['’]?d\s+by|ed\s+by"
            r"|\s+reader)?|banner|cover(?:\s+art)?|art(?:work)?|dedication|dedicated\s+to|prompt|written\s+for"
            r"|feedback|archive|notes?|a/n|author['’]?s?\s+notes?|disclaimer|language|chapters?|"
            r"complete|completed|wip|published|updated|crossposted)\s*[:\-–—=]"
            r"|(?:banner|cover|fan)\s*art\s+(?:by|from|is)\b|(?:many|huge|special|big)?\s*thanks?\s+(?:you\s+)?to\b"
            r"|thank\s+you\s+to\b|beta['’]?(?:e)?d\s+by\b|dedicated\s+to\b|written\s+for\b|for\s+the\s+beta\b"
            r"|(?:written\s+)?by\s+\S+(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}\s*$)",
    re.IGNORECASE)
_THANKS_FOR_BETA = re.compile(r"\bfor\s+(?:the\s+)?beta(?:ing|-reading| reading)?\b|\bbeta\s+reader\b",
                              re.IGNORECASE)
_FANDOM_WORDS = re.compile(
    r"\bR\s?&\s?R\b|\breview!|\bplease\s+review\b|\b(?:leave|drop)\s+(?:me\s+)?a\s+review\b"
    r"|\breviews?\b[^.!?]{0,40}\b(?:appreciated|welcome|love|make|mean)|\bkudos\b|\bfanfic\w*|\bfics?\b"
    r"|\bone-?shot\b|\bmy\s+beta\b|\bbeta['’]?d\b|\bnanowrimo\b|\bcliffhanger\b",
    re.IGNORECASE)
# Phrases a narrator may also use ("the last chapter", "dear reader"): trusted in short paragraphs only.
_READER_ADDRESS = re.compile(
    r"\b(?:leave|drop)\s+(?:a\s+|me\s+a\s+)?comments?\b|\bcomments?\b[^.!?]{0,30}\b(?:appreciated|welcome|loved?)\b"
    r"|\bthanks?\s+(?:you\s+)?(?:so\s+much\s+|all\s+|everyone\s+)?for\s+(?:reading|reviewing|the\s+reviews"
    r"|all\s+the|the\s+kudos|your\s+(?:patience|support|reviews|comments))"
    r"|\b(?:this|next|new|upcoming)\s+chapter\b|\bchapter\s+[\w-]+\s+is\s+(?:up|here|finally)"
    r"|\bhope\s+(?:you|y['’]all)\s+(?:all\s+)?(?:enjoy|like|liked|enjoyed|had)\b|\blet\s+me\s+know\b"
    r"|\bdear\s+readers?\b|\breaders\b|\breviewers?\b|\byou\s+guys\b|\bwriter['’]?s\s+block\b"
    r"|\bsorry\s+(?:for|about)\s+the\s+(?:wait|delay|long)|\bsorry\s+(?:it|this)\s+took\s+so\s+long\b"
    r"|\bon\s+(?:to|with)\s+the\s+(?:story|fic|chapter|show)\b|\bstay\s+tuned\b|\bupdates?\s+(?:soon|will|every|on)\b",
    re.IGNORECASE)
_SHORT_NOTE = 500
# Notes are short: evidence is looked for in a paragraph's head only, so one huge paragraph
# (a 10 MB wall of text) costs microseconds, not seconds of regex scanning.
_SCAN = 3000
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]ll|my|me)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you['’]re|y['’]all)\b", re.IGNORECASE)
_STORY_WORD = re.compile(r"\bstory\b|\bwrit(?:e|ing|ten)\b|\bchapter\b", re.IGNORECASE)
_REVIEWER_REPLY = re.compile(r"^[\w.\-~]{2,30}\s*:\s+\S")
QUOTE_OPENERS = "\"“‘'«„"


def is_end_marker(line: str) -> bool:
    """"The End", "Fin", "TBC", "To be continued…", "~fin~", "End of chapter 3"."""
    return len(line) <= 60 and END_MARKER.fullmatch(line.strip()) is not None


def opens_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in QUOTE_OPENERS


def labelled_note_kind(text: str) -> str | None:
    """The kind of a paragraph that says what it is ("A/N: …", "Disclaimer: …"), else None."""
    if DISCLAIMER_START.match(text):
        return "disclaimer"
    if AUTHOR_NOTE_START.match(text):
        return "author_note"
    return None


def explicit_note_kind(text: str) -> str | None:
    """Like :func:`labelled_note_kind` but only for labels no story uses ("A/N", "Author's note",
    "Disclaimer"): safe anywhere in a chapter, where "P.S." or "Note:" may be part of a letter."""
    if DISCLAIMER_START.match(text):
        return "disclaimer"
    if EXPLICIT_AUTHOR_NOTE.match(text):
        return "author_note"
    return None


def reader_note_kind(text: str) -> str | None:
    """The kind of a paragraph clearly written to readers (reviews, kudos, "this chapter",
    disclaimers), else None. Paragraphs opening with dialogue are never notes."""
    labelled = labelled_note_kind(text)
    if labelled:
        return labelled
    if opens_with_quote(text):
        return None
    text = text[:_SCAN]
    if len(text) <= _SHORT_NOTE and DISCLAIMER_PHRASE.search(text):
        return "disclaimer"
    if _FANDOM_WORDS.search(text) or (len(text) <= _SHORT_NOTE and _READER_ADDRESS.search(text)):
        return "author_note"
    return None


def continues_note(text: str) -> bool:
    """Weaker evidence, used only right after a note: the author talking to "you" about "my"
    story, or a reply to a named reviewer ("Neverfall: Could you…")."""
    if opens_with_quote(text):
        return False
    text = text[:_SCAN]
    if _REVIEWER_REPLY.match(text):
        return True
    if _FIRST_PERSON.search(text) and _SECOND_PERSON.search(text):
        return True
    return bool(_STORY_WORD.search(text))


def front_line_kind(line: str) -> str | None:
    """Kind of one line of a credits block on top: "front_matter" or "disclaimer", else None."""
    line = line.strip()[:_SCAN]
    if not line:
        return None
    if DISCLAIMER_START.match(line) or DISCLAIMER_PHRASE.search(line):
        return "disclaimer"
    if FRONT_LINE.match(line) or _THANKS_FOR_BETA.search(line):
        return "front_matter"
    return None
