"""The terminal view of a work's findings: grouped by rule, each with where, the sentence, and why."""

from __future__ import annotations

import bisect

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ficlens.beta import all_rules
from ficlens.model import Finding, Work
from ficlens.pov.narration import sentence_spans

CONTEXT_CHARS = 320
SEVERITY_STYLE = {"issue": "bold red", "warning": "yellow", "info": "cyan"}
LINE_FORMATS = ("text", "markdown", "fanfictionnlp-csv")


class Locator:
    """Line numbers for plain text, paragraph numbers for markup formats."""

    def __init__(self, work: Work):
        self.work = work
        self.by_line = work.source.get("format", "text") in LINE_FORMATS or not work.paragraphs
        self.newlines = [i for i, ch in enumerate(work.text) if ch == "\n"] if self.by_line else []
        self.paragraph_starts = [p.start for p in work.paragraphs]
        self.sentences = sentence_spans(work)
        self.sentence_starts = [s for s, _ in self.sentences]

    def where(self, offset: int) -> str:
        if self.by_line:
            return f"line {bisect.bisect_right(self.newlines, offset - 1) + 1}"
        return f"paragraph {max(0, bisect.bisect_right(self.paragraph_starts, offset) - 1) + 1}"

    def context(self, finding: Finding) -> Text:
        """The sentence(s) around the finding with its span highlighted."""
        text = self.work.text
        i = bisect.bisect_right(self.sentence_starts, finding.start) - 1
        if i >= 0 and self.sentences[i][1] >= finding.start:
            lo, hi = self.sentences[i]
        else:
            lo = text.rfind("\n", 0, finding.start) + 1
            hi = text.find("\n", finding.end)
            hi = len(text) if hi < 0 else hi
        lo, hi = min(lo, finding.start), max(hi, finding.end)
        prefix = suffix = ""
        if hi - lo > CONTEXT_CHARS:
            span = finding.end - finding.start
            room = max(40, (CONTEXT_CHARS - min(span, CONTEXT_CHARS)) // 2)
            if finding.start - lo > room:
                lo, prefix = finding.start - room, "…"
            if hi - finding.end > room:
                hi, suffix = finding.end + room, "…"
        shown = Text(prefix + text[lo:hi].replace("\n", " ") + suffix)
        start = len(prefix) + finding.start - lo
        end = len(prefix) + min(finding.end, hi) - lo
        shown.stylize("bold reverse", start, end)
        return shown


def render(work: Work, console: Console, limit: int = 30) -> None:
    """Print the findings grouped by rule, then the summary."""
    locate = Locator(work)
    stats = work.stats.get("beta", {})
    console.print(
        Text(
            f"Beta notes for {work.metadata.get('title') or work.source.get('path', 'the text')}",
            style="bold",
        )
    )
    by_rule: dict[str, list[Finding]] = {}
    for finding in work.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    for rule_obj in all_rules():
        found = by_rule.get(rule_obj.id)
        if not found:
            continue
        console.rule(Text(f"{rule_obj.id} ({len(found)})", style="bold"))
        shown = found if limit <= 0 else found[:limit]
        for finding in shown:
            head = Text(f"{locate.where(finding.start)}  ", style="dim")
            head.append(finding.severity, style=SEVERITY_STYLE.get(finding.severity, ""))
            head.append(f"  {finding.message}")
            console.print(head)
            context = locate.context(finding)
            context.pad_left(4)
            console.print(context, style="default")
        if len(shown) < len(found):
            console.print(Text(f"… and {len(found) - len(shown)} more (--limit 0 shows all)", style="dim"))
    if not work.findings:
        console.print(Text("No notes: none of the active rules found anything.", style="green"))
    console.print(summary_table(stats))


def summary_table(stats: dict) -> Table:
    table = Table(title="Summary", show_header=True)
    table.add_column("rule")
    table.add_column("findings", justify="right")
    counts = stats.get("counts", {})
    for rule_obj in all_rules():
        table.add_row(rule_obj.id, str(counts[rule_obj.id]) if rule_obj.id in counts else "off")
    table.add_section()
    table.add_row("words", str(stats.get("words", 0)))
    table.add_row("epithets per 1,000 words", f"{stats.get('epithets_per_1000_words', 0.0):.2f}")
    table.add_row(
        "said-bookism ratio (of dialogue tags)",
        f"{stats.get('said_bookism_ratio', 0.0):.0%} of {stats.get('dialogue_tags', 0)}",
    )
    return table


def rules_table() -> Table:
    table = Table(title="Beta-reader rules", show_header=True)
    table.add_column("rule")
    table.add_column("default")
    table.add_column("checks")
    for rule_obj in all_rules():
        table.add_row(rule_obj.id, "on" if rule_obj.default else "off", rule_obj.summary)
    return table
