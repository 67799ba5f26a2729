"""SQL over a batch's tables with DuckDB, and the documented example queries.

Each table of ``DIR/tables/`` is a view named after it (works, chapters, scenes, characters,
quotes, interactions, findings, errors), so queries join them on ``key``. The examples are the
ones in docs/queries.md (``ficlens query DIR --examples`` lists them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from ficlens.batch.store import tables_dir
from ficlens.errors import FiclensError
from ficlens.views.tables import TABLES


@dataclass(frozen=True)
class Example:
    name: str
    question: str
    sql: str


# Fandom of each work, '(none)' for works without a fandom tag (plain text has none).
_FANDOM = ("(SELECT key, unnest(CASE WHEN len(fandoms) = 0 THEN ['(none)'] ELSE fandoms END) AS fandom "
           "FROM works)")

EXAMPLES: tuple[Example, ...] = (
    Example("talkative", "The most talkative characters per fandom (words of attributed speech).", f"""
SELECT f.fandom, q.speaker_name AS character, count(DISTINCT q.key) AS works,
       count(*) AS quotes, sum(q.words) AS words_spoken
FROM quotes q JOIN {_FANDOM} f USING (key)
WHERE q.speaker_name IS NOT NULL AND q.mode = 'speech'
GROUP BY f.fandom, q.speaker_name
QUALIFY row_number() OVER (PARTITION BY f.fandom ORDER BY sum(q.words) DESC) <= 5
ORDER BY f.fandom, words_spoken DESC"""),
    Example("pairs", "The pairs who talk to each other most, and how often a relationship tag "
            "names them (A/B romantic, A & B platonic).", """
SELECT a_name, b_name, count(*) AS works,
       sum(quotes_a_to_b + quotes_b_to_a) AS exchanges, sum(words_a_to_b + words_b_to_a) AS words,
       sum(shared_scenes) AS shared_scenes,
       count(relationship_tag) AS works_tagging_them,
       count(*) FILTER (WHERE relationship_kind = 'romantic') AS tagged_romantic,
       count(*) FILTER (WHERE relationship_kind = 'platonic') AS tagged_platonic
FROM interactions
WHERE a_name IS NOT NULL AND b_name IS NOT NULL
GROUP BY a_name, b_name
ORDER BY exchanges DESC
LIMIT 20"""),
    Example("tagged_silent", "Relationship tags whose pair never speaks to each other in the work.", """
SELECT w.title, i.relationship_tag, i.relationship_kind, i.a_name, i.b_name, i.shared_scenes
FROM interactions i JOIN works w USING (key)
WHERE i.relationship_tag IS NOT NULL AND i.quotes_a_to_b + i.quotes_b_to_a = 0
ORDER BY w.title"""),
    Example("epithets", "Epithet rate by rating: how often characters are called 'the blond', "
            "'the older man' instead of by name, per 1,000 words.", """
SELECT coalesce(rating, '(no rating)') AS rating, count(*) AS works, sum(words) AS words,
       sum(epithet_mentions) AS epithets,
       round(1000.0 * sum(epithet_mentions) / nullif(sum(words), 0), 3) AS epithets_per_1000_words,
       round(100.0 * sum(epithet_mentions) / nullif(sum(mentions), 0), 2) AS pct_of_mentions
FROM works GROUP BY ALL ORDER BY rating"""),
    Example("dialogue_share", "How much of each work is dialogue, and how much of it has a speaker.", """
SELECT w.key, w.title, w.words, count(q.key) AS quotes,
       round(100.0 * coalesce(sum(q.words), 0) / nullif(w.words, 0), 1) AS pct_dialogue,
       round(100.0 * count(q.speaker) / nullif(count(q.key), 0), 1) AS pct_attributed
FROM works w LEFT JOIN quotes q USING (key)
GROUP BY w.key, w.title, w.words ORDER BY pct_dialogue DESC NULLS LAST"""),
    Example("pov", "Narrative person across scenes (first, second, third).", """
SELECT coalesce(person, '(unknown)') AS person, count(*) AS scenes, count(DISTINCT key) AS works,
       sum(words) AS words
FROM scenes GROUP BY ALL ORDER BY scenes DESC"""),
    Example("beta_rules", "The beta reader's most frequent notes.", """
SELECT rule, severity, count(*) AS findings, count(DISTINCT key) AS works
FROM findings GROUP BY ALL ORDER BY findings DESC"""),
    Example("errors", "What failed, and why.", """
SELECT kind, count(*) AS works, any_value(reason) AS example_reason, any_value(path) AS example_path
FROM errors GROUP BY ALL ORDER BY works DESC"""),
    Example("throughput", "Analysis speed over the batch (tokens per second of worker time).", """
SELECT count(*) AS works, sum(tokens) AS tokens, round(sum(seconds), 1) AS seconds,
       round(sum(tokens) / nullif(sum(seconds), 0)) AS tokens_per_second,
       round(median(seconds), 3) AS median_seconds_per_work
FROM works"""),
)


def example(name: str) -> Example:
    for item in EXAMPLES:
        if item.name == name:
            return item
    names = ", ".join(e.name for e in EXAMPLES)
    raise FiclensError(f"no example query named {name!r} (examples: {names})")


def connect(out: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per table of the batch in ``out``."""
    folder = tables_dir(out)
    if not (folder / "works.parquet").exists() and (out / "works.parquet").exists():
        folder = out  # the tables folder itself (or a copy of it) was given
    if not (folder / "works.parquet").exists():
        raise FiclensError(f"{out}: no batch tables here (run 'ficlens batch ... --out {out}' first)")
    con = duckdb.connect()
    for table in TABLES:
        path = str(folder / f"{table}.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    return con


def run_query(out: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of ``sql`` over the batch in ``out``; a bad query is a FiclensError."""
    con = connect(out)
    try:
        relation = con.sql(sql)
        if relation is None:
            return [], []
        return list(relation.columns), relation.fetchall()
    except duckdb.Error as err:
        raise FiclensError(f"query failed: {str(err).splitlines()[0]}") from err
    finally:
        con.close()
