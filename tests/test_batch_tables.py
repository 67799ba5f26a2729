"""Work → table rows (ficlens.views.tables): metadata under any label, pairs, counts, schemas."""

from __future__ import annotations

import pyarrow as pa

from ficlens.model import Chapter, Character, Mention, Quote, Scene, Work
from ficlens.views.tables import SCHEMAS, TABLES, count_tokens, to_arrow, work_rows


def sample_work() -> Work:
    text = 'Chapter 1\n\n"Hi," said Ann.\n\nChapter 2\n\n"Bye," Bo told her. The blonde smiled.\n'
    second = text.index("Chapter 2")
    bye = text.index('"Bye,"')
    return Work(
        text=text,
        source={"path": "x.html", "format": "ao3_html", "sha256": "0" * 64},
        metadata={"Title": "Two Chapters", "Fandom": "Original Work", "Rating": "Mature",
                  "Relationship": ["Ann/Bo"], "Additional Tags": "Fluff, Angst"},
        chapters=[Chapter(start=0, end=second, number=1), Chapter(start=second, end=len(text), number=2)],
        scenes=[Scene(start=0, end=second, chapter=0, pov="a"),
                Scene(start=second, end=len(text), chapter=1)],
        characters=[Character(id="a", name="Ann"), Character(id="b", name="Bo", pet_names=["love"])],
        mentions=[Mention(start=21, end=24, character="a", kind="name"),
                  Mention(start=text.index("The blonde"), end=text.index(" smiled"), character="a",
                          kind="epithet")],
        quotes=[Quote(start=11, end=16, speaker="a", addressees=["b"], confidence=0.8),
                Quote(start=bye, end=bye + 7, speaker="b", addressees=["a"], confidence=0.7)],
        interactions={"pairs": [{"speaker": "a", "addressee": "b", "quotes": 1, "words": 1},
                                {"speaker": "b", "addressee": "a", "quotes": 1, "words": 1}],
                      "scene_cooccurrence": [{"a": "a", "b": "b", "scenes": 2}],
                      "top_pairs": [{"a": "a", "b": "b", "score": 0.75}],
                      "relationship_tags": [{"tag": "Ann/Bo", "kind": "romantic", "characters": ["a", "b"]}]},
    )


def test_rows_fill_every_table_with_its_schema():
    rows = work_rows(sample_work(), "k1", seconds=1.0)
    assert set(rows) == set(TABLES)
    for table, items in rows.items():
        arrow = to_arrow(table, items)
        assert arrow.schema == SCHEMAS[table] and arrow.num_rows == len(items)
        assert all(r["key"] == "k1" for r in items)


def test_metadata_under_singular_or_plural_labels():
    (work,) = work_rows(sample_work(), "k1")["works"]
    assert work["title"] == "Two Chapters" and work["fandoms"] == ["Original Work"]
    assert work["rating"] == "Mature" and work["relationships"] == ["Ann/Bo"]
    assert work["additional_tags"] == ["Fluff", "Angst"]
    counts = (work["chapter_count"], work["scene_count"], work["quote_count"], work["epithet_mentions"])
    assert counts == (2, 2, 2, 1)


def test_quotes_and_scenes_know_their_chapter_and_names():
    rows = work_rows(sample_work(), "k1")
    assert [q["chapter"] for q in rows["quotes"]] == [0, 1]
    assert rows["quotes"][1]["speaker_name"] == "Bo" and rows["quotes"][1]["addressee_names"] == ["Ann"]
    assert rows["quotes"][0]["text"] == '"Hi,"'
    assert [s["quote_count"] for s in rows["scenes"]] == [1, 1] and rows["scenes"][0]["pov_name"] == "Ann"
    assert [c["quote_count"] for c in rows["chapters"]] == [1, 1]
    assert [c["pet_names"] for c in rows["characters"]] == [[], ["love"]]


def test_pairs_take_the_interactions_stage_output():
    (pair,) = work_rows(sample_work(), "k1")["interactions"]
    assert (pair["a"], pair["b"], pair["a_name"], pair["b_name"]) == ("a", "b", "Ann", "Bo")
    assert (pair["quotes_a_to_b"], pair["quotes_b_to_a"], pair["words_a_to_b"]) == (1, 1, 1)
    assert (pair["shared_scenes"], pair["score"]) == (2, 0.75)
    assert (pair["relationship_tag"], pair["relationship_kind"]) == ("Ann/Bo", "romantic")


def test_pairs_without_the_stage_come_from_quotes_and_tag_names():
    work = sample_work()
    work.interactions = {}
    work.quotes.append(Quote(start=11, end=16, speaker="a", addressees=["b"]))
    (pair,) = work_rows(work, "k1")["interactions"]
    assert (pair["quotes_a_to_b"], pair["quotes_b_to_a"], pair["words_a_to_b"]) == (2, 1, 2)
    assert pair["shared_scenes"] == 0 and pair["score"] is None
    assert (pair["relationship_tag"], pair["relationship_kind"]) == ("Ann/Bo", "romantic")


def test_structured_metadata_items_become_their_labels():
    work = sample_work()
    work.metadata["relationships"] = [{"tag": "Ann/Bo", "kind": "romantic", "characters": ["Ann", "Bo"]}]
    work.metadata["series"] = [{"id": "1", "name": "Lamps", "part": 2}]
    work.metadata["stats"] = {"chapters_planned": "?", "chapters_posted": 3, "words": "1,204",
                              "published": "2020-01-02"}
    (row,) = work_rows(work, "k1")["works"]
    assert row["relationships"] == ["Ann/Bo"] and row["series"] == "Lamps"
    assert (row["status"], row["site_words"], row["published"]) == ("in progress", 1204, "2020-01-02")


def test_tokens_come_from_the_language_stage_or_a_regex_count():
    work = sample_work()
    assert count_tokens(work) > 15
    work.stats["tokens"] = 7
    assert count_tokens(work) == 7
    assert isinstance(to_arrow("errors", []), pa.Table)
