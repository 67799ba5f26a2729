"""The HTML reading view without a browser: escaping of every injection vector, the CSP, no external
URLs, the structure of the page, span nesting, emoji offsets and lazy chunks of long works."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ficlens.model import Character, Finding, Mention, Note, Quote, Work
from ficlens.views.html import json_for_script, render_html
from ficlens.views.inline_markup import InlineSpan, inline_html
from ficlens.views.palette import contrast_ratio, swatch

_spec = importlib.util.spec_from_file_location(
    "report_fixture_work", Path(__file__).parent / "browser" / "fixture_work.py")
fixtures = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = fixtures
_spec.loader.exec_module(fixtures)

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "p", "dl", "dt",
    "dd", "ul", "ol", "li", "div", "main", "aside", "nav", "section", "details", "summary", "b", "span",
    "i", "mark", "q", "br", "button", "small", "svg", "g", "line", "circle", "rect", "text", "polyline",
    "template", "script", "noscript",
}


class _Page(HTMLParser):
    """Collects every element and attribute of a page as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "title") else None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "title":
            self.title += data

    def handle_endtag(self, tag):
        self._in = None


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def story_html() -> str:
    return render_html(fixtures.story_work())


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(fixtures.hostile_work())


# -- safety --------------------------------------------------------------------------------------
def test_no_injected_markup_survives_in_any_field(hostile_html):
    for raw in (fixtures.HOSTILE, fixtures.HOSTILE_IMG, fixtures.HOSTILE_LINK, fixtures.HOSTILE_STYLE,
                fixtures.HOSTILE_SVG, "</template><script>"):
        assert raw not in hostile_html
    page = parse(hostile_html)
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert [t for t, _ in page.tags].count("script") == 2
    assert [t for t, _ in page.tags].count("style") == 1
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "xlink:href", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "http:", "https:", "//")), (tag, attrs)
        assert "src" not in attrs


def test_escaped_text_round_trips_to_the_original_strings(hostile_html):
    page = parse(hostile_html)
    assert page.title.startswith(fixtures.HOSTILE)
    data = next(s for s in page.scripts if s.lstrip().startswith("{"))
    assert "<" not in data and ">" not in data
    assert fixtures.HOSTILE_SVG in json_for_script_roundtrip(data)["cast"][0]["n"]


def json_for_script_roundtrip(data: str) -> dict:
    import json

    return json.loads(data)


def test_json_data_block_cannot_close_its_script_element():
    out = json_for_script({"n": "</script><script>alert(1)</script>&"})
    assert "</" not in out and "<" not in out and "&" not in out


def test_character_ids_never_reach_the_markup(hostile_html):
    # The hostile character id is '"><script>…'; the page refers to characters by display index only.
    assert 'window.__pwned=3' not in hostile_html


def test_csp_forbids_every_fetch_and_allows_only_the_hashed_script(story_html):
    page = parse(story_html)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") ==
               "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert "img-src data:" in csp
    assert "base-uri 'none'" in csp
    assert "'unsafe-eval'" not in csp and "script-src 'unsafe-inline'" not in csp
    code = next(s for s in page.scripts if not s.lstrip().startswith("{"))
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    first_meta = story_html.index("<meta http-equiv")
    assert first_meta < story_html.index("<title>") < story_html.index("<body>")


def test_no_external_urls_except_escaped_story_text(story_html, hostile_html):
    assert not re.search(r"https?://", story_html)
    assert not re.search(r"<[^>]*(?:src|href)=(?!\"#)", hostile_html)   # no link but in-page anchors
    for match in re.finditer(r"https?://", hostile_html):
        before = hostile_html[:match.start()]
        assert before.rfind("<") < before.rfind(">")      # inside text content, not inside a tag


# -- structure ------------------------------------------------------------------------------------
def test_page_has_header_notes_chapters_breaks_and_tinted_quotes(story_html):
    page = parse(story_html)
    classes = [(t, a.get("class") or "") for t, a in page.tags]
    assert ("h2", "chapter") in classes
    assert sum(1 for t, c in classes if t == "details" and c.startswith("note")) == 3
    assert any(t == "details" and "n-author_note" in c for t, c in classes)
    assert sum(1 for t, c in classes if c == "brk") == 1
    assert sum(1 for t, c in classes if t == "span" and c.startswith("q s")) == 11
    assert sum(1 for t, c in classes if c == "q s1 lc") == 1          # the 0.31 line, Tomas
    assert sum(1 for t, a in page.tags if t == "button" and "who" in (a.get("class") or "")) == 3
    assert '<span class="m m2">Bram</span>' in story_html
    assert "<i>everything</i>" in story_html
    for label in ("Rating", "Fandoms", "Relationships", "Additional tags", "Stats"):
        assert f"<dt>{label}</dt>" in story_html
    assert story_html.count('<svg class="chart') == 3
    assert len(re.findall(r'class="cell( ch)?"', story_html)) == 3
    assert story_html.count('class="cell ch"') == 1          # chapter 2 starts a new run of scenes
    assert 'id="sc1"' in story_html and 'href="#sc1"' in story_html


def test_every_finding_link_points_at_an_anchor_in_the_story(story_html):
    page = parse(story_html)
    ids = {a.get("id") for _, a in page.tags if a.get("id")}
    links = [a for t, a in page.tags if t == "a" and "goto" in (a.get("class") or "")]
    assert len(links) == 3
    for a in links:
        assert a["href"][1:] in ids


def test_the_tooltip_data_carries_speaker_addressees_confidence_and_tag(story_html):
    page = parse(story_html)
    data = json_for_script_roundtrip(next(s for s in page.scripts if s.lstrip().startswith("{")))
    names = [c["n"] for c in data["cast"]]
    row = data["q"][10]
    assert names[row[0]] == "Tomas" and [names[i] for i in row[1]] == ["Bram"]
    assert row[2] == 0.9 and row[5] == "Tomas snapped" and row[6] == "snapped"


def test_emoji_before_a_quote_does_not_shift_its_markup():
    text = "🌊🌊 Wind. \"Hold on!\" she yelled. 🧂 \"Now!\"\n"
    w = Work(text=text)
    w.characters = [Character("a", "Ada")]
    for needle in ('"Hold on!"', '"Now!"'):
        s = text.index(needle)
        w.quotes.append(Quote(s, s + len(needle), "a", [], 0.9, "explicit"))
    html = render_html(w)
    assert '<span class="q s0" data-q="0" tabindex="0">"Hold on!"</span>' in html
    assert '<span class="q s0" data-q="1" tabindex="0">"Now!"</span>' in html


def test_a_work_with_only_text_still_renders_paragraphs():
    html = render_html(Work(text="First paragraph.\n\nSecond & last <b>not bold</b>.\n"))
    assert "<p>First paragraph.</p>" in html
    assert "<p>Second &amp; last &lt;b&gt;not bold&lt;/b&gt;.</p>" in html
    assert "No characters found yet." in html


def test_interaction_pairs_are_used_when_present():
    w = fixtures.story_work()
    for q in w.quotes:
        q.addressees = []
    assert "No conversations" in render_html(w)
    w.interactions = {"pairs": [{"source": "ada", "target": "bram", "count": 5}]}
    html = render_html(w)
    assert "Ada → Bram: 5; Bram → Ada: 0" in html


# -- nesting ---------------------------------------------------------------------------------------
def test_crossing_spans_are_split_so_markup_nests():
    text = "aaa bbb ccc ddd"
    spans = [InlineSpan(0, 7, 1, '<span class="q" tabindex="0">', "</span>", '<span class="q">'),
             InlineSpan(4, 11, 0, '<mark id="f0">', "</mark>", "<mark>"),
             InlineSpan(4, 7, 3, '<span class="m">', "</span>")]
    out = inline_html(text, 0, len(text), spans)
    assert out == ('<span class="q" tabindex="0">aaa <mark id="f0"><span class="m">bbb</span></mark>'
                   '</span><mark> ccc</mark> ddd')
    stack = []
    for m in re.finditer(r"<(/?)(\w+)", out):
        if m.group(1):
            assert stack.pop() == m.group(2)
        else:
            stack.append(m.group(2))
    assert stack == []


def test_quote_spanning_two_paragraphs_is_split_with_one_tab_stop():
    text = '"First part of a long speech.\n\nAnd the second part," said Ada.\n'
    w = Work(text=text)
    w.characters = [Character("a", "Ada")]
    w.quotes = [Quote(0, text.index(" said"), "a", [], 0.9)]
    w.mentions = [Mention(text.index("Ada"), text.index("Ada") + 3, "a", "name")]
    w.findings = [Finding("rule", 5, 5, "empty span")]
    html = render_html(w)
    assert html.count('data-q="0"') == 2
    assert html.count('data-q="0" tabindex="0"') == 1
    assert html.count('id="f0"') == 1


# -- long works ------------------------------------------------------------------------------------
def test_long_work_is_lazily_chunked_and_stays_small():
    work = fixtures.generated_work(60_000, chapters=6)
    html = render_html(work)
    assert "<template>" in html and 'class="chunk lazy"' in html
    assert 'id="load-all"' in html
    assert len(html.encode()) < 3 * len(work.text.encode()) + 200_000
    narrative = [p for p in work.paragraphs if p.kind == "text"]
    assert html.count("<p>") + html.count("<p class=") >= len(narrative)


def test_tints_keep_dark_text_readable():
    for i in range(40):
        assert contrast_ratio(swatch(i).tint, "#1a1a1a") >= 7.0
        assert contrast_ratio(swatch(i).strong, "#ffffff") >= 3.0
    assert len({swatch(i).tint for i in range(24)}) == 24


def test_random_overlapping_and_broken_spans_still_give_well_nested_markup():
    import random

    rng = random.Random(7)
    text = "".join(rng.choice("ab cd\n\n🌊<&\"'") for _ in range(3000))
    w = Work(text=text)
    w.characters = [Character(f"c{i}", f"Name {i}") for i in range(5)]

    def span() -> tuple[int, int]:
        a, b = rng.randrange(-5, len(text) + 5), rng.randrange(-5, len(text) + 5)
        return (a, b) if rng.random() < 0.9 else (b, a)   # some reversed, some out of range

    for _ in range(120):
        w.quotes.append(Quote(*span(), rng.choice(["c0", "c1", None, "ghost"]), ["c2", "ghost"],
                              rng.random(), "explicit"))
        w.mentions.append(Mention(*span(), rng.choice(["c3", "c4", None]), "name"))
        w.findings.append(Finding("r", *span(), "m", rng.choice(["info", "warning", "bogus"])))
    html = render_html(w)
    body = html[html.index('<main id="story"'):html.index("</main>") + len("</main>")]
    void = {"br"}
    stack: list[str] = []
    for m in re.finditer(r"<(/?)([a-z0-9]+)[^>]*>", body):
        closing, tag = m.group(1), m.group(2)
        if tag in void:
            continue
        if closing:
            assert stack and stack.pop() == tag
        else:
            stack.append(tag)
    assert stack == []
    assert len(set(re.findall(r'id="(f\d+)"', html))) == len(re.findall(r'id="(f\d+)"', html))


def test_undecodable_bytes_kept_as_surrogates_do_not_break_the_report():
    html = render_html(Work(text="a stray byte \udcff here\n"))
    assert "a stray byte \ufffd here" in html
    html.encode("utf-8")


def test_metadata_of_any_shape_is_shown_once_and_without_empty_values():
    w = Work(text="Summary: A storm.\n\nThe story.\n")
    w.metadata = {"title": "T", "summary": "A storm.", "stats": {"words": "3", "completed": None},
                  "label_era": "plural", "characters_raw": "x", "work_id": 42, "warnings": []}
    html = render_html(w)
    assert "<li>words: 3</li>" in html and "completed" not in html
    assert "<dt>Work id</dt><dd>42</dd>" in html
    assert "Label era" not in html and "Characters raw" not in html and "Archive warnings" not in html
    assert '<div class="summary">' in html                    # no summary note: header shows it
    w.notes = [Note(0, 17, "summary")]
    html = render_html(w)
    assert '<div class="summary">' not in html and 'class="note n-summary" open' in html


def test_structured_tags_read_as_their_own_words_not_as_key_value_dumps():
    w = Work(text="The story.\n")
    w.metadata = {"title": "T",
                  "relationships": [{"tag": "Ada/Bram", "kind": "romantic", "characters": ["Ada", "Bram"]}],
                  "series": [{"name": "Ferry Tales", "part": 2, "url": "https://example.org/s/1", "id": "1"}]}
    html = render_html(w)
    assert "<li>Ada/Bram</li>" in html and "kind: romantic" not in html
    assert "<li>Ferry Tales (part 2)</li>" in html and "example.org" not in html


def test_cast_counts_say_one_line_not_one_lines():
    w = fixtures.story_work()
    html = render_html(w)
    assert " 1 lines" not in html and " 1 words" not in html and " 1 mentions" not in html


def test_cast_lists_the_pet_names_a_character_is_called():
    w = fixtures.story_work()
    w.characters[0].pet_names = ["love", "my dear"]
    assert "called love, my dear</span>" in render_html(w)
    w.characters[0].pet_names = []
    assert 'class="aka">called' not in render_html(w)


def test_pov_strip_names_every_point_of_view_and_stays_one_row_for_many_scenes():
    from ficlens.model import Scene

    text = "word " * 400
    w = Work(text=text)
    w.characters = [Character("ada", "Ada Lovelace")]
    povs = ["ada", "mixed", "external", None] * 5
    w.scenes = [Scene(i * 100, i * 100 + 100, person="third" if pov else None, pov=pov)
                for i, pov in enumerate(povs)]
    html = render_html(w)
    assert 'class="pov-strip nowrap"' in html                 # > 12 scenes: one unlabelled row
    assert html.count('<a class="cell') == 20
    for label in ("Ada Lovelace: 5 scenes", "mixed: 5 scenes", "external (no one character): 5 scenes",
                  "unknown: 5 scenes"):
        assert label in html
    assert "third person: 15" in html and "unknown person: 5" in html


def test_arc_chart_labels_chapters_and_direction():
    from ficlens.model import Chapter

    w = fixtures.story_work()
    w.chapters = [Chapter(0, len(w.text) // 2, number=1), Chapter(len(w.text) // 2, len(w.text), number=2)]
    w.arcs = {"chapters": [{"start": c.start, "end": c.end, "compound": v}
                           for c, v in zip(w.chapters, (0.3, -0.2), strict=True)]}
    html = render_html(w)
    assert '>Ch 1</text>' in html and '>Ch 2</text>' in html
    assert ">positive</text>" in html and ">negative</text>" in html


def test_arc_chapter_points_name_their_strongest_emotions():
    from ficlens.model import Chapter

    w = fixtures.story_work()
    w.chapters = [Chapter(0, len(w.text), number=1)]
    w.arcs = {"chapters": [{"start": 0, "end": len(w.text), "compound": -0.4,
                            "emotions": {"joy": 0.0, "fear": 9.5, "sadness": 4.0, "trust": 1.0}}]}
    assert "chapter 1: -0.40; mostly fear, sadness</title>" in render_html(w)
