"""The real fan fiction samples: POV, interactions, arcs and findings are well-formed (skips
when ../shared/data is absent)."""

from __future__ import annotations

import pytest

from ficlens import analyze

SAMPLES = (
    "ao3dl_23009290_htmlTest.html",
    "ao3dl_218676_incompleteWork.html",
    "mobilepages_ffn_chapter_first.html",
    "mobilepages_ao3_workpage_quotes.html",
)


@pytest.mark.data
@pytest.mark.parametrize("name", SAMPLES)
def test_sample_layers_are_well_formed(samples_dir, name: str) -> None:
    work = analyze(samples_dir / name)
    ids = {c.id for c in work.characters}
    for scene in work.scenes:
        assert scene.person in (None, "first", "second", "third")
        assert scene.pov in ("mixed", "external") or scene.pov in ids
        for item in scene.pov_evidence:
            assert scene.start - 300 <= item["start"] <= item["end"] <= scene.end
            assert item["character"] in ids or (item["kind"] == "label" and item["character"] is None)
    for finding in work.findings:
        assert 0 <= finding.start <= finding.end <= len(work.text)
        assert finding.message and finding.severity in ("info", "warning", "issue")
    assert set(work.interactions) == {
        "pairs",
        "speakers",
        "scene_cooccurrence",
        "top_pairs",
        "relationship_tags",
    }
    assert len(work.arcs["scenes"]) == max(1, len(work.scenes))
    assert work.stats["beta"]["words"] > 500


@pytest.mark.data
def test_tagged_pair_speaks_in_the_one_shot(samples_dir) -> None:
    work = analyze(samples_dir / "ao3dl_23009290_htmlTest.html")
    (tag, *_rest) = work.interactions["relationship_tags"]
    assert tag["status"] == "tagged_speaking" and None not in tag["characters"]
    pov = [s.pov for s in work.scenes]
    assert len(set(pov)) == 2  # the second scene switches POV after the break
