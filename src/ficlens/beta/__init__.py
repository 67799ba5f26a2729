"""Stage 'beta': a beta reader's notes (``work.findings``), one module per family of rules.

Each rule has an id and a default; ``Options.disabled_rules`` / ``enabled_rules`` switch them.
``work.stats["beta"]`` keeps the summary a writer asks for first: findings per rule, epithets per
1,000 words and the said-bookism ratio. Rules are listed in docs/beta-rules.md with how well they
did on real fan fiction.
"""

from __future__ import annotations

from ficlens.beta import (  # noqa: F401 - importing registers the rules
    rules_epithets,
    rules_notes,
    rules_pov,
    rules_punctuation,
    rules_repetition,
    rules_speakers,
    rules_tags,
    rules_tense,
)
from ficlens.beta.context import BetaContext
from ficlens.beta.registry import RULES, Rule, enabled
from ficlens.model import Work
from ficlens.options import Options

__all__ = ["ORDER", "RULES", "Rule", "active_rules", "all_rules", "run"]

ORDER = (
    "unclear-speaker",
    "head-hopping",
    "epithets",
    "said-bookisms",
    "action-beat-as-tag",
    "dialogue-punctuation",
    "in-body-note",
    "tense-drift",
    "repetition",
)


def all_rules() -> list[Rule]:
    """Every registered rule, in the order a writer reads them."""
    rank = {rule_id: i for i, rule_id in enumerate(ORDER)}
    return sorted(RULES.values(), key=lambda r: (rank.get(r.id, len(rank)), r.id))


def active_rules(options: Options) -> list[Rule]:
    """The rules this run applies."""
    return [r for r in all_rules() if enabled(r, options.disabled_rules, options.enabled_rules)]


def run(work: Work, options: Options) -> None:
    """Fill ``work.findings`` (sorted by position) and ``work.stats["beta"]``."""
    ctx = BetaContext(work)
    findings = []
    counts: dict[str, int] = {}
    rules = active_rules(options)
    for rule_obj in rules:
        found = list(rule_obj.check(ctx))
        counts[rule_obj.id] = len(found)
        findings.extend(found)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    work.findings = findings
    epithet_count, epithet_rate = rules_epithets.epithet_rate(ctx)
    tag_stats = rules_tags.tag_stats(ctx)
    work.stats["beta"] = {
        "rules": [r.id for r in rules],
        "counts": counts,
        "epithets": epithet_count,
        "epithets_per_1000_words": epithet_rate,
        "dialogue_tags": tag_stats["tags"],
        "said_bookism_ratio": tag_stats["said_bookism_ratio"],
        "words": ctx.words,
    }
