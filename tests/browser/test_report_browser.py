"""The reading view in a real browser: selection, tooltips, keyboard, phone layout, no network,
no injected script, and a 500,000-word work that still opens in seconds."""

from __future__ import annotations

import time

import pytest
from fixture_work import HOSTILE, generated_work, hostile_work, story_work

from ficlens.views.html import render_html

pytestmark = pytest.mark.browser


@pytest.fixture
def story(open_html):
    return open_html(render_html(story_work()))


def _tip(page) -> str:
    page.wait_for_selector("#tip:not([hidden])", timeout=5_000)
    return page.inner_text("#tip")


def test_page_shows_structure_without_any_request_or_error(story, artifacts):
    page = story.page
    assert page.inner_text("h1") == "The Salt Road"
    assert page.locator("h2.chapter").all_inner_texts() == ["Chapter 1: The Crossing", "Chapter 2: The Ford"]
    assert page.locator("details.note").count() == 3
    assert page.locator("#story .brk[role=separator]").count() == 1
    assert page.locator("#story .q").count() == 11
    assert "Found Family" in page.inner_text("header.work")
    assert page.locator("aside svg.chart").count() == 3       # network, lines, arc
    assert page.locator(".pov-strip .cell").count() == 3
    page.screenshot(path=str(artifacts / "report-desktop.png"), full_page=True)
    assert story.foreign_requests() == []
    assert story.errors == [] and story.dialogs == []
    assert not [m for m in story.console if "Content Security Policy" in m or "Refused" in m]


def test_selecting_a_character_highlights_their_lines_and_mentions_then_clears(story, artifacts):
    page = story.page
    bram = page.locator("button.who", has_text="Bram")
    bram.click()
    assert bram.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.body.classList.contains('sel')")
    lines = page.locator("#story .q.s2")
    assert lines.count() == 3
    assert all("hl" in (c or "") for c in lines.evaluate_all("els => els.map(e => e.className)"))
    assert page.locator("#story .m.m2.hl").count() == page.locator("#story .m.m2").count() == 3
    assert page.locator("#story .q.hl:not(.s2)").count() == 0
    dimmed = page.eval_on_selector("#story p", "p => getComputedStyle(p).color")
    assert dimmed == "rgb(106, 106, 106)"
    assert "Bram" in page.inner_text("#sel-status")
    page.screenshot(path=str(artifacts / "report-selected.png"), full_page=True)
    bram.focus()
    page.keyboard.press("Enter")                     # selecting again (by keyboard) clears
    assert bram.get_attribute("aria-pressed") == "false"
    assert page.locator("#story .hl").count() == 0
    assert not page.evaluate("document.body.classList.contains('sel')")


def test_next_and_previous_line_step_through_the_selected_characters_lines(story):
    page = story.page
    assert page.locator("#sel-nav").is_hidden()
    page.click("button.who >> nth=0")                 # Ada: lines 0, 3, 5, 6
    page.click("#sel-next")
    assert page.evaluate("document.activeElement.dataset.q") == "0"
    assert "Speaker Ada" in _tip(page)
    page.click("#sel-next")
    assert page.evaluate("document.activeElement.dataset.q") == "3"
    assert "Line 2 of 4 by Ada" in page.inner_text("#sel-status")
    page.click("#sel-prev")
    page.click("#sel-prev")                           # wraps round to the last line
    assert page.evaluate("document.activeElement.dataset.q") == "6"


def test_hovering_a_quote_shows_speaker_addressee_confidence_and_evidence(story):
    page = story.page
    page.hover('[data-q="10"]')
    text = _tip(page)
    assert "Speaker Tomas" in text
    assert "To Bram" in text
    assert "Confidence 0.90" in text
    assert "Tomas snapped" in text and "verb: snapped" in text


def test_keyboard_reaches_a_quote_with_a_visible_focus_ring_and_tooltip(story, artifacts):
    page = story.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")                     # skip link: past the panels, into the story
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('q')"):
            break
    assert page.evaluate("document.activeElement.dataset.q") == "0"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    text = _tip(page)
    assert "Speaker Ada" in text and "To Tomas" in text and "she said" in text
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "tip"
    page.screenshot(path=str(artifacts / "report-keyboard-tooltip.png"))
    page.keyboard.press("Escape")
    assert page.locator("#tip").is_hidden()


def test_low_confidence_is_marked_without_relying_on_colour(story):
    page = story.page
    low = page.locator('[data-q="7"]')
    assert "lc" in low.get_attribute("class")
    assert low.evaluate("e => getComputedStyle(e, '::after').content") == '"?"'
    assert low.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dotted"
    assert "(uncertain speaker)" in low.text_content()
    sure = page.locator('[data-q="0"]')
    assert sure.evaluate("e => getComputedStyle(e, '::after').content") in ("none", "normal")
    low.focus()
    assert "low: speaker uncertain" in _tip(page)


def test_a_beta_note_link_scrolls_to_and_highlights_its_span(story):
    page = story.page
    page.click('ol.findings a[data-f="0"]')
    mark = page.locator("mark#f0")
    assert "flash" in mark.get_attribute("class")
    assert mark.inner_text() == "snapped"
    box, height = mark.bounding_box(), page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] <= height


def test_phone_width_stacks_panels_without_horizontal_overflow(open_html, artifacts):
    opened = open_html(render_html(story_work()), width=375, height=740)
    page = opened.page
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    aside, story = page.locator("aside").bounding_box(), page.locator("#story").bounding_box()
    assert aside["x"] == pytest.approx(story["x"], abs=2)        # one column
    assert aside["y"] + aside["height"] <= story["y"] + 1
    assert page.locator("aside > details[data-fold][open]").count() == 0   # folded on a phone
    assert page.locator("aside > details[open]").count() == 0   # the cast too: the story is one tap away
    assert aside["height"] < 400
    page.screenshot(path=str(artifacts / "report-phone.png"), full_page=True)


def test_the_harness_would_notice_a_request_and_an_injected_script(open_html):
    # Without ficlens' escaping and CSP the same probes fire: the checks below are not vacuous.
    opened = open_html('<!doctype html><body><img src="http://127.0.0.1:9/x.png">'
                       "<script>window.__pwned = 1; document.body.setAttribute('data-ready', '1')</script>")
    opened.page.wait_for_timeout(300)
    assert opened.foreign_requests() == ["http://127.0.0.1:9/x.png"]
    assert opened.page.evaluate("window.__pwned") == 1


def test_injected_markup_in_story_metadata_and_names_never_runs(open_html, artifacts):
    opened = open_html(render_html(hostile_work()))
    page = opened.page
    page.hover("#story .q", position={"x": 4, "y": 4})
    assert "<img src=x" in _tip(page)               # the hostile tag is shown as text
    page.click("button.who >> nth=0")
    page.click("ol.findings a")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert opened.dialogs == [] and opened.errors == []
    assert opened.foreign_requests() == []
    assert page.title().startswith(HOSTILE)
    assert page.inner_text("h1") == HOSTILE
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("script").count() == 2
    assert page.locator("style").count() == 1
    page.screenshot(path=str(artifacts / "report-hostile.png"), full_page=True)


def test_the_bundled_sample_analyzed_end_to_end_opens_cleanly(sample_story, open_html, tmp_path, artifacts):
    if not sample_story.is_file():
        pytest.skip("the bundled sample story is not there yet")
    from ficlens import cli
    from ficlens.model import Work

    out, doc = tmp_path / "sample.html", tmp_path / "sample.json"
    assert cli.main(["analyze", str(sample_story), "-o", str(doc)]) == 0
    assert cli.main(["report", str(doc), "-o", str(out)]) == 0
    work = Work.from_json(doc.read_text(encoding="utf-8"))
    opened = open_html(out.read_text(encoding="utf-8"), name="sample.html")
    page = opened.page
    assert page.locator("#story .q[tabindex]").count() == len([q for q in work.quotes if q.end > q.start])
    assert page.locator("button.who").count() == len({c.id for c in work.characters})
    headed = len(work.chapters) if len(work.chapters) > 1 else sum(1 for c in work.chapters if c.heading)
    assert page.locator("h2.chapter").count() == headed
    if work.characters:
        page.click("button.who >> nth=0")
        assert page.locator("#story .hl").count() > 0
    assert opened.errors == [] and opened.foreign_requests() == [] and opened.dialogs == []
    page.screenshot(path=str(artifacts / "report-sample.png"))


@pytest.mark.slow
def test_a_500000_word_work_becomes_interactive_within_seconds(open_html, artifacts):
    work = generated_work(500_000)
    words = len(work.text.split())
    started = time.perf_counter()
    html = render_html(work)
    render_seconds = time.perf_counter() - started
    size = len(html.encode("utf-8"))
    started = time.perf_counter()
    opened = open_html(html, name="big.html")
    page = opened.page
    page.focus('#story [data-q="0"]')
    page.wait_for_selector("#tip:not([hidden])")
    interactive = time.perf_counter() - started
    dom_interactive = page.evaluate("performance.timing.domInteractive - performance.timing.navigationStart")
    print(f"\n500k-word work: {words:,} words, render {render_seconds:.2f}s, {size:,} bytes "
          f"({size / words:.1f} bytes/word, {size / len(work.text.encode()):.2f}x the text), "
          f"interactive in {interactive:.2f}s (domInteractive {dom_interactive} ms)")
    assert words >= 500_000
    assert interactive < 20
    assert size < 3 * len(work.text.encode("utf-8")) + 200_000
    strip = page.locator(".pov-strip").bounding_box()          # 960 scenes fit one row, none cut off
    last_cell = page.locator(".pov-strip .cell").last.bounding_box()
    assert last_cell["x"] + last_cell["width"] <= strip["x"] + strip["width"] + 1
    assert page.locator('.pov-strip .cell:not([tabindex="-1"])').count() == 0
    # Selecting someone also highlights their lines in chunks hydrated later, far down the page.
    page.click("button.who >> nth=0")
    last = page.locator("ol.findings a").last
    last.click()
    target = page.locator(f"mark#f{last.get_attribute('data-f')}")
    assert "flash" in target.get_attribute("class")
    chunk = target.locator("xpath=ancestor::div[contains(@class,'chunk')]")
    assert chunk.locator(".hl").count() > 0
    page.click("#sel-prev")                           # the very last line of that character
    last_line = page.evaluate("document.activeElement.dataset.q")
    assert int(last_line) > 10_000
    assert page.locator("#tip").is_visible()
    assert opened.foreign_requests() == [] and opened.errors == []
    page.screenshot(path=str(artifacts / "report-500k.png"))


def test_real_pov_arc_and_network_layers_of_the_bundled_sample_render(sample_story, open_html, tmp_path,
                                                                     artifacts):
    """The charts drawn from the real pov, arcs and interactions stages (not fixture layers)."""
    if not sample_story.is_file():
        pytest.skip("the bundled sample story is not there yet")
    from ficlens import cli
    from ficlens.model import Work

    doc = tmp_path / "sample.json"
    assert cli.main(["analyze", str(sample_story), "-o", str(doc)]) == 0
    work = Work.from_json(doc.read_text(encoding="utf-8"))
    assert work.interactions.get("pairs") and work.arcs.get("scenes") and any(s.pov for s in work.scenes)
    opened = open_html(render_html(work), name="sample-charts.html")
    page = opened.page
    names = {c.id: c.name for c in work.characters}

    cells = page.locator(".pov-strip .cell")
    assert cells.count() == len(work.scenes)
    for i, scene in enumerate(work.scenes):
        shown = names.get(scene.pov, scene.pov or "unknown")
        assert shown in cells.nth(i).get_attribute("aria-label")
        assert cells.nth(i).bounding_box()["width"] > 0
    assert page.locator("ul.pov-key li").count() == len({s.pov for s in work.scenes})

    scene_line = page.locator("polyline.arc-scenes")
    assert len(scene_line.get_attribute("points").split()) == len(work.arcs["scenes"])
    assert scene_line.bounding_box()["width"] > 100
    assert page.locator("polyline.arc-chapters").count() == (1 if work.arcs.get("chapters") else 0)

    speakers = {p["speaker"] for p in work.interactions["pairs"]} & set(names)
    node_names = page.eval_on_selector_all("svg.net .node text", "ts => ts.map(t => t.textContent)")
    assert page.locator("svg.net line").count() > 0
    assert {names[s] for s in speakers if len(names[s]) <= 16} <= set(node_names)

    last = len(work.scenes) - 1
    cells.nth(last).click()                              # a strip cell takes the reader to its scene
    assert page.evaluate("document.activeElement.id") == f"sc{last}"
    assert page.locator(f"#sc{last}").is_visible()
    assert opened.errors == [] and opened.foreign_requests() == []
    page.set_viewport_size({"width": 1280, "height": 2400})   # the sticky panel shows whole
    page.locator("#panel").screenshot(path=str(artifacts / "report-sample-charts.png"))


def test_a_conversation_network_node_is_reachable_and_selectable_by_keyboard(story):
    page = story.page
    node = page.locator("svg.net .node").first
    node.focus()
    assert page.evaluate("document.activeElement.classList.contains('node')")
    page.keyboard.press("Enter")
    i = node.get_attribute("data-c")
    assert page.locator(f'button.who[data-c="{i}"]').get_attribute("aria-pressed") == "true"
    assert page.locator("#story .hl").count() > 0
    page.keyboard.press(" ")                              # again: clears the selection
    assert page.locator("#story .hl").count() == 0
    assert story.errors == []
