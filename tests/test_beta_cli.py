"""``ficlens beta`` in the terminal: grouped findings with line numbers, --rules, --json, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficlens.cli import main

STORY = 'Anna Price came home late.\n\n"Where were you?" Ben asked.\n"Out," Anna hissed.\n"Fine." she said.\n'


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_beta_prints_findings_grouped_with_line_numbers(story: Path, capsys) -> None:
    assert main(["beta", str(story)]) == 0
    out = capsys.readouterr().out
    assert "said-bookisms" in out and "dialogue-punctuation" in out
    assert "line 4" in out and "line 5" in out
    assert "Summary" in out and "said-bookism ratio" in out


def test_beta_json_and_disable(story: Path, capsys) -> None:
    assert main(["beta", str(story), "--json", "--disable-rule", "said-bookisms"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in payload["findings"]}
    assert "said-bookisms" not in rules and "dialogue-punctuation" in rules
    assert "said-bookisms" not in payload["summary"]["counts"]
    for finding in payload["findings"]:
        assert 0 <= finding["start"] <= finding["end"] <= len(STORY)


def test_beta_rules_listing(capsys) -> None:
    assert main(["beta", "--rules"]) == 0
    out = capsys.readouterr().out
    for rule_id in ("unclear-speaker", "head-hopping", "epithets", "repetition"):
        assert rule_id in out


def test_beta_user_errors_are_one_line(story: Path, tmp_path: Path, capsys) -> None:
    assert main(["beta", str(story), "--disable-rule", "no-such-rule"]) == 2
    err = capsys.readouterr().err
    assert "unknown rule no-such-rule" in err and "Traceback" not in err
    assert main(["beta", str(tmp_path / "missing.txt")]) != 0
    assert main(["beta"]) == 2
