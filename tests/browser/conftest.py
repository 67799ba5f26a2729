"""Headless Chromium for the reading-view end-to-end tests.

Debian's /usr/bin/chromium is driven through Playwright (never ``playwright install``). Without it
the tests skip, unless FICLENS_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("FICLENS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _unavailable(reason: str) -> None:
    if os.environ.get("FICLENS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (FICLENS_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class OpenedPage:
    """A page plus everything it tried to do that a test may want to assert about."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url]


@pytest.fixture
def open_html(browser, tmp_path):
    """open_html(html, width=1280) -> OpenedPage, with every request recorded (and blocked unless it
    is the page itself), dialogs dismissed and recorded, script errors collected."""
    contexts = []

    def _open(html: str, width: int = 1280, height: int = 900, name: str = "page.html") -> OpenedPage:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = OpenedPage(page, path.as_uri())

        def record(url: str) -> None:
            if url not in opened.requests:
                opened.requests.append(url)

        def on_route(route):
            record(route.request.url)
            if route.request.url == opened.url:
                route.continue_()
            else:
                route.abort()

        context.route("**/*", on_route)
        page.on("request", lambda r: record(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("console", lambda m: m.type in ("error", "warning") and opened.console.append(m.text))
        page.goto(opened.url)
        page.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)
        return opened

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
