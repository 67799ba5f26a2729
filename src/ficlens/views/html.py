"""The self-contained HTML reading view of one work: ``render_html(work) -> str``.

One file that opens offline in any browser and makes no network request at all: the stylesheet,
the script, the data and the charts are all inline, and a strict Content-Security-Policy (script
allowed only by its SHA-256 hash, nothing may be fetched) backs that up. The page is built from
``work.text`` and the span layers, with every piece of story, note, tag and name escaped, so nothing
in a work can run script in the page.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from importlib import resources
from typing import Any

from ficlens import __version__
from ficlens.model import Work
from ficlens.views.cast_index import CastIndex, build_cast_index
from ficlens.views.charts import arc_svg, lines_svg, network_svg, pov_strip
from ficlens.views.inline_markup import escape_text
from ficlens.views.panels import cast_html, findings_html, header_html, toc_html, work_title
from ficlens.views.story_markup import render_story

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@functools.cache
def _asset(name: str) -> str:
    return resources.files("ficlens.views").joinpath("assets", name).read_text(encoding="utf-8")


def content_security_policy(script: str) -> str:
    """No fetches of any kind; only our own inline script (by hash) runs; inline styles allowed."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


def json_for_script(value: Any) -> str:
    """JSON safe inside a <script> data block: no '<', '>' or '&' can close or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cast_css(cast: CastIndex) -> str:
    return "".join(f".s{i},.m{i},.k{i}{{--t:{cast.swatch(i).tint};--c:{cast.swatch(i).strong}}}"
                   for i in range(len(cast.characters)))


def _cast_data(cast: CastIndex) -> list[dict[str, Any]]:
    return [{"n": c.name, "l": cast.lines[i], "w": cast.words[i], "m": cast.mentions[i]}
            for i, c in enumerate(cast.characters)]


def _panel(title: str, body: str, fold: bool = True) -> str:
    folding = " data-fold" if fold else ""
    return f"<details open{folding}><summary><h2>{escape_text(title)}</h2></summary>{body}</details>"


def render_html(work: Work) -> str:
    """The reading view of ``work`` as one HTML document."""
    cast = build_cast_index(work)
    story = render_story(work, cast)
    script = _asset("report.js")
    counts = {"words": len(work.text.split()), "chapters": len(work.chapters), "scenes": len(work.scenes),
              "quotes": len(work.quotes), "characters": len(cast.characters),
              "beta notes": len(work.findings)}
    load_all = ('<p class="ui"><button type="button" id="load-all">Load the whole text '
                "(for find in page)</button></p><noscript><p>This long work is shown as you scroll, "
                "which needs JavaScript: only its beginning is visible.</p></noscript>"
                if story.lazy_chunks else "")
    panels = "".join((
        _panel("Cast", cast_html(cast)),      # folded on a phone too: a long cast would bury the story
        _panel("Conversations", network_svg(work, cast)),
        _panel("Lines per character", lines_svg(cast)),
        _panel("Point of view by scene", pov_strip(work, cast, story.scene_chunks)),
        _panel("Emotional arc", arc_svg(work)),
        _panel("Beta reader's notes", findings_html(work, story.finding_chunks)),
    ))
    data = {"cast": _cast_data(cast), "q": story.quote_table}
    page = "".join((
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(script)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="ficlens {escape_text(__version__)}">',
        f"<title>{escape_text(work_title(work))} · ficlens</title>",
        f"<style>{_asset('report.css')}{_cast_css(cast)}</style></head>\n<body>",
        '<a class="skip" href="#story">Skip to the story</a>',
        header_html(work, cast, counts),
        '<div class="layout">',
        f'<aside id="panel" aria-label="Analysis">{panels}</aside>',
        f'<main id="story" tabindex="-1">{toc_html(story.chapter_ids)}{load_all}\n{story.html}</main>',
        "</div>",
        '<div id="tip" role="tooltip" hidden></div>',
        f'<script type="application/json" id="ficlens-data">{json_for_script(data)}</script>',
        f"<script>{script}</script>",
        "</body></html>\n",
    ))
    return _encodable(page)


def _encodable(page: str) -> str:
    """Lone surrogates (from text decoded with errors="surrogateescape") cannot be written as
    UTF-8; show them as U+FFFD instead of failing the whole report."""
    try:
        page.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", page)
    return page
