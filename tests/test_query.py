"""ficlens query: DuckDB views over a batch's tables, the example queries, CSV/JSON output.

The batch here is built from hand-made Works (known speakers, tags, epithets) through the same
row conversion, part writer, ledger and compaction that ``ficlens batch`` uses, so the query
results can be checked exactly whatever the analysis stages do today.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from ficlens.batch.ledger import Entry, Ledger
from ficlens.batch.queries import EXAMPLES, run_query
from ficlens.batch.store import compact, write_part
from ficlens.cli import main as cli
from ficlens.errors import FiclensError
from ficlens.model import Chapter, Character, Finding, Mention, Quote, Scene, Work
from ficlens.views.tables import TABLES, work_rows


def make_work(text_lines: list[tuple[str, str, str]], fandom: str, rating: str, relationships: list[str],
              epithets: int) -> Work:
    """A work whose quotes are lines (speaker id, addressee id, words)."""
    cast = {"h": "Harry Potter", "d": "Draco Malfoy", "r": "Ron Weasley"}
    text, quotes = "", []
    for speaker, addressee, words in text_lines:
        start = len(text)
        text += f'"{words}" someone said.\n'
        quotes.append(Quote(start=start, end=start + len(words) + 2, speaker=speaker,
                            addressees=[addressee], confidence=0.9, type="explicit"))
    mentions = [Mention(start=0, end=1, character="d", kind="epithet") for _ in range(epithets)]
    mentions += [Mention(start=0, end=1, character="h", kind="name")]
    return Work(text=text, source={"path": f"{fandom}.txt", "format": "text", "sha256": "x" * 64},
                metadata={"title": f"A {fandom} story", "fandoms": [fandom], "rating": rating,
                          "relationships": relationships},
                chapters=[Chapter(start=0, end=len(text), number=1)],
                scenes=[Scene(start=0, end=len(text), chapter=0, person="third", pov="h")],
                characters=[Character(id=k, name=v) for k, v in cast.items()],
                mentions=mentions, quotes=quotes,
                findings=[Finding(rule="said_bookisms", start=0, end=3, message="try 'said'")])


@pytest.fixture
def batch_dir(tmp_path):
    works = {
        "hp-1": make_work([("h", "d", "You again"), ("d", "h", "Always me, Potter, always"),
                           ("h", "d", "Go away now please")], "Harry Potter", "Mature",
                          ["Draco Malfoy/Harry Potter"], epithets=6),
        "hp-2": make_work([("r", "h", "Mate, breakfast"), ("h", "r", "Coming")], "Harry Potter",
                          "General Audiences", ["Harry Potter & Ron Weasley"], epithets=0),
        "hp-3": make_work([("h", "d", "No"), ("d", "h", "Yes")], "Harry Potter", "Mature", [], epithets=2),
    }
    out = tmp_path / "batch"
    rows = {t: [] for t in TABLES}
    for key, work in works.items():
        for table, items in work_rows(work, key, seconds=0.5).items():
            rows[table].extend(items)
    rows["errors"].append({"key": "bad-1", "path": "bad.txt", "member": None, "sha256": "y" * 64,
                           "kind": "input", "reason": "the file is empty", "seconds": 0.0})
    write_part(out, "run-000001", rows)
    ledger = Ledger(out / "ledger.sqlite")
    ledger.commit([Entry(k, "x" * 64, "o", "ok", None, "run-000001", f"{k}.txt", None) for k in works]
                  + [Entry("bad-1", "y" * 64, "o", "error", "input", "run-000001", "bad.txt", None)])
    compact(out, ledger)
    ledger.close()
    return out


def query(out, sql):
    columns, rows = run_query(out, sql)
    return [dict(zip(columns, r, strict=True)) for r in rows]


def test_every_table_is_a_view(batch_dir):
    counts = {t: query(batch_dir, f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in TABLES}
    assert counts == {"works": 3, "chapters": 3, "scenes": 3, "characters": 9, "quotes": 7,
                      "interactions": 3, "findings": 3, "errors": 1}


def test_every_example_query_runs(batch_dir):
    for item in EXAMPLES:
        columns, _ = run_query(batch_dir, item.sql)
        assert columns, item.name


def test_talkative_characters_per_fandom(batch_dir):
    from ficlens.batch.queries import example

    top = query(batch_dir, example("talkative").sql)
    ranking = [(r["character"], r["words_spoken"], r["works"]) for r in top]
    assert ranking == [("Harry Potter", 8, 3), ("Draco Malfoy", 5, 2), ("Ron Weasley", 2, 1)]
    assert {r["fandom"] for r in top} == {"Harry Potter"}


def test_pairs_against_relationship_tags(batch_dir):
    from ficlens.batch.queries import example

    pairs = {(p["a_name"], p["b_name"]): p for p in query(batch_dir, example("pairs").sql)}
    harry_draco = pairs[("Draco Malfoy", "Harry Potter")]
    assert harry_draco["exchanges"] == 5 and harry_draco["works"] == 2
    assert harry_draco["works_tagging_them"] == 1
    assert pairs[("Harry Potter", "Ron Weasley")]["works_tagging_them"] == 1


def test_epithet_rate_by_rating(batch_dir):
    from ficlens.batch.queries import example

    rates = {r["rating"]: r for r in query(batch_dir, example("epithets").sql)}
    assert rates["Mature"]["epithets"] == 8 and rates["General Audiences"]["epithets"] == 0
    assert rates["Mature"]["epithets_per_1000_words"] > 0


def test_cli_csv_json_and_examples(batch_dir, tmp_path, capsys):
    assert cli(["query", str(batch_dir), "SELECT key, fandoms FROM works ORDER BY key", "-f", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["key"] for r in table] == ["hp-1", "hp-2", "hp-3"]
    assert json.loads(table[0]["fandoms"]) == ["Harry Potter"]
    target = tmp_path / "errors.json"
    assert cli(["query", str(batch_dir), "--example", "errors", "-o", str(target)]) == 0
    assert json.loads(target.read_text())[0]["kind"] == "input"
    assert cli(["query", str(batch_dir), "--examples"]) == 0
    listing = capsys.readouterr().out
    assert all(f"-- {e.name}:" in listing for e in EXAMPLES)
    assert cli(["query", str(batch_dir), "SELECT count(*) AS n FROM quotes", "-f", "table"]) == 0
    assert "7" in capsys.readouterr().out


def test_the_tables_folder_itself_works_too(batch_dir):
    assert query(batch_dir / "tables", "SELECT count(*) AS n FROM works")[0]["n"] == 3


def test_bad_sql_and_missing_tables_are_one_line_errors(batch_dir, tmp_path, capsys):
    with pytest.raises(FiclensError, match="query failed"):
        run_query(batch_dir, "SELECT nope FROM works")
    assert cli(["query", str(tmp_path / "nowhere"), "SELECT 1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no batch tables" in err


def test_docs_show_every_example(batch_dir):
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[1] / "docs" / "queries.md").read_text("utf-8")
    for item in EXAMPLES:
        assert f"### `{item.name}`" in docs and item.sql.strip() in docs, item.name
    extra = docs.split("## More ideas", 1)[1]
    for sql in [s.strip() for s in extra.split("```sql", 1)[1].split("```")[0].split(";") if s.strip()]:
        run_query(batch_dir, sql)  # the extra ideas run too
