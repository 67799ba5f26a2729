"""Print evaluation results as one rich table, and as JSON, with the setting of every number."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ficlens.eval.runner import END_TO_END, GOLD_SPANS, NovelResult
from ficlens.eval.scoring import QUOTE_TYPES, Scores

COLUMNS = ("quotes", "found", "strict", "lenient", "explicit", "anaphoric", "implicit",
           "gold-span strict", "gold-span lenient", "addressees", "quote P", "quote R",
           "quote F1", "alias clustering", "merges", "pronouns", "seconds")
HEADERS = {"explicit": "expl.", "anaphoric": "anaph.", "implicit": "impl.",
           "gold-span strict": "gold-span\nstrict", "gold-span lenient": "gold-span\nlenient",
           "addressees": "addr.", "quote P": "quote\nP", "quote R": "quote\nR",
           "quote F1": "quote\nF1", "alias clustering": "alias\nclust.", "pronouns": "pron.",
           "seconds": "sec"}
NAME_WIDTH = 36


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def main_setting(settings: dict[str, Scores]) -> str | None:
    """The setting whose figures fill the main columns: end-to-end when it was run."""
    for setting in (END_TO_END, GOLD_SPANS):
        if setting in settings:
            return setting
    return None


def figures(settings: dict[str, Scores]) -> dict[str, Any]:
    """The named figures of one row (fractions 0..1, None when not measured)."""
    main = main_setting(settings)
    s = settings.get(main) if main else None
    gold = settings.get(GOLD_SPANS)
    row: dict[str, Any] = {"setting": main}
    if s is not None:
        row.update({
            "quotes": s.gold_quotes, "found": s.found_share, "strict": s.strict,
            "lenient": s.lenient, "addressees": s.addressees, "quote P": s.precision,
            "quote R": s.recall, "quote F1": s.f1, "alias clustering": s.alias_clustering,
            "merges": s.merges if s.alias_targets else None, "pronouns": s.pronouns,
            "seconds": round(s.seconds, 1),
        })
        for t in QUOTE_TYPES:
            row[t.lower()] = s.type_accuracy(t)
            row[f"{t.lower()} lenient"] = s.type_accuracy(t, lenient=True)
    if gold is not None:
        row["gold-span strict"] = gold.strict
        row["gold-span lenient"] = gold.lenient
        row["gold-span addressees"] = gold.addressees
        for t in QUOTE_TYPES:
            row[f"gold-span {t.lower()}"] = gold.type_accuracy(t)
        if main != GOLD_SPANS:
            row["gold-span seconds"] = round(gold.seconds, 1)
    return row


def micro(results: list[NovelResult]) -> dict[str, Scores]:
    """Sum of counts per setting over ``results`` (errors skipped)."""
    total: dict[str, Scores] = {}
    for r in results:
        for setting, s in r.scores.items():
            total[setting] = total.get(setting, Scores()) + s
    return total


def rows(results: list[NovelResult], extra: list[NovelResult] | None = None) -> list[dict[str, Any]]:
    """Table rows: each text, then the micro average per corpus and over everything."""
    out = []
    corpora = list(dict.fromkeys(r.corpus for r in results))
    for corpus in corpora:
        mine = [r for r in results if r.corpus == corpus]
        for r in mine:
            out.append({"row": f"{r.corpus}/{r.name}", "system": r.system, "errors": r.errors,
                        **figures(r.scores)})
            for other in extra or []:
                if other.corpus == r.corpus and other.name == r.name:
                    # Another system's output: no run time of ours, no addressees predicted.
                    out.append({"row": f"{other.corpus}/{other.name} ({other.system})",
                                "system": other.system, "errors": other.errors,
                                **figures(other.scores), "seconds": None, "addressees": None})
        if len(mine) > 1:
            out.append({"row": f"{corpus} micro-average", "system": "ficlens", "errors": {},
                        "average": True, **figures(micro(mine))})
    if len(corpora) > 1:
        out.append({"row": "all micro-average", "system": "ficlens", "errors": {}, "average": True,
                    **figures(micro(results))})
    return out


def cell(row: dict[str, Any], column: str) -> str:
    value = row.get(column)
    if column in ("quotes", "merges"):
        return "–" if value is None else str(value)
    if column == "seconds":
        return "–" if value is None else f"{value:.0f}"
    return pct(value)


def render(table_rows: list[dict[str, Any]], settings: tuple[str, ...],
           console: Console | None = None) -> None:
    """Print one table; the title says which setting the main columns are in."""
    console = console or Console(width=None if Console().is_terminal else 220)
    main = END_TO_END if END_TO_END in settings else GOLD_SPANS
    title = ("ficlens evaluation: main columns END-TO-END (raw text in, everything predicted)"
             if main == END_TO_END else
             "ficlens evaluation: main columns GIVEN GOLD QUOTE SPANS (attribution alone)")
    table = Table(title=title, caption=(
        "Percentages. strict = one predicted character per gold character; lenient = many-to-one. "
        "gold-span = speaker accuracy when the gold quote spans are fed in. "
        "addressees over quotes with a gold addressee; quote P/R/F1 = quote detection; "
        "alias clustering = major/intermediate characters held by exactly one cluster "
        "(>= 80 % of their aliases); merges = clusters joining two gold characters."),
        header_style="bold", show_lines=False)
    table.add_column("corpus/text", no_wrap=True, max_width=NAME_WIDTH)
    columns = [c for c in COLUMNS if not (c.startswith("gold-span") and GOLD_SPANS not in settings)]
    for column in columns:
        table.add_column(HEADERS.get(column, column), justify="right", no_wrap=True)
    for row in table_rows:
        style = "bold" if row.get("average") else ("dim" if row.get("system") != "ficlens" else None)
        name = row["row"] if len(row["row"]) <= NAME_WIDTH else row["row"][:NAME_WIDTH - 1] + "…"
        if row.get("setting") is None:
            table.add_row(escape(name), "[red]failed[/red]", *[""] * (len(columns) - 1), style=style)
            continue
        table.add_row(escape(name), *[cell(row, c) for c in columns], style=style)
    console.print(table)
    for line in gaps(table_rows):
        console.print(escape(line))
    for row in table_rows:
        for setting, error in (row.get("errors") or {}).items():
            console.print(f"[red]{escape(row['row'])} \\[{setting}] failed: {escape(error)}[/red]")


def gaps(table_rows: list[dict[str, Any]]) -> list[str]:
    """One line per other-system row: its end-to-end strict/lenient beside ours on the same text."""
    lines = []
    for i, row in enumerate(table_rows):
        if row.get("system") == "ficlens" or i == 0:
            continue
        ours = table_rows[i - 1]
        if ours.get("strict") is None or row.get("strict") is None:
            continue
        lines.append(f"{ours['row']}: ficlens strict {pct(ours['strict'])} / lenient "
                     f"{pct(ours['lenient'])} vs {row['system']} {pct(row['strict'])} / "
                     f"{pct(row['lenient'])} (gap {100 * (ours['strict'] - row['strict']):+.1f} "
                     f"/ {100 * (ours['lenient'] - row['lenient']):+.1f} points, end-to-end)")
    return lines


def to_json(table_rows: list[dict[str, Any]], settings: tuple[str, ...]) -> dict[str, Any]:
    return {"settings": list(settings), "units": "fractions 0..1 (counts for quotes/merges)",
            "rows": table_rows}
