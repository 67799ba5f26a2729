"""The registry of beta-reader rules: id, default on/off, what it checks, and its function."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ficlens.model import Finding

RuleFn = Callable[["object"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    default: bool
    summary: str
    check: RuleFn


RULES: dict[str, Rule] = {}


def rule(rule_id: str, summary: str, default: bool = True) -> Callable[[RuleFn], RuleFn]:
    """Register ``check(ctx) -> findings`` under ``rule_id``."""

    def register(check: RuleFn) -> RuleFn:
        RULES[rule_id] = Rule(rule_id, default, summary, check)
        return check

    return register


def enabled(rule_obj: Rule, disabled: set[str], enabled_ids: set[str]) -> bool:
    """On by default unless disabled; off by default unless enabled (disable wins)."""
    if rule_obj.id in disabled:
        return False
    return rule_obj.default or rule_obj.id in enabled_ids
