"""The self-contained HTML reading view. Placeholder."""

from __future__ import annotations

import html

from ficlens.model import Work


def render_html(work: Work) -> str:
    title = html.escape(str(work.metadata.get("title") or work.source.get("path", "work")))
    return f"<!doctype html><meta charset=utf-8><title>{title}</title><pre>{html.escape(work.text)}</pre>"
