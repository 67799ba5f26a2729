"""Arguments and driver shared by ``ficlens eval`` and ``python -m ficlens.eval.pdnc``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ficlens.errors import FiclensError, InputError
from ficlens.eval.gold import GoldNovel
from ficlens.eval.runner import END_TO_END, GOLD_SPANS, SETTINGS, NovelResult, evaluate

CORPORA = ("pdnc", "quoteli3", "litbank")


def add_arguments(p: argparse.ArgumentParser, with_corpus: bool = True) -> None:
    if with_corpus:
        p.add_argument("corpus", choices=(*CORPORA, "all"), help="which annotated corpus to score")
    p.add_argument("path", type=Path, help="the data folder (../shared/data) or the corpus folder")
    p.add_argument("--novels", default=None, metavar="A,B",
                   help="comma-separated texts to score (PDNC folder names, QuoteLi3 file stems, "
                        "LitBank file names or prefixes)")
    setting = p.add_mutually_exclusive_group()
    setting.add_argument("--gold-spans", action="store_true",
                         help="only the gold-quote-span setting (judges attribution alone)")
    setting.add_argument("--end-to-end", action="store_true",
                         help="only the end-to-end setting (skip the gold-span run)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--folds", type=int, default=0, metavar="K",
                   help="split PDNC into K folds and tell the speaker stage which novels are held "
                        "out (options.extra['eval_heldout']); by default every novel the bundled "
                        "scorer was trained on is scored by the fold model that never saw it")
    p.add_argument("--no-booknlp", action="store_true", help="leave out BookNLP's Emma row")
    p.add_argument("--json", dest="json_out", type=Path, default=None, metavar="OUT",
                   help="also write every figure to this JSON file")
    p.add_argument("--per-quote", dest="per_quote", type=Path, default=None, metavar="OUT.tsv",
                   help="also write one TSV line per gold quote and setting (gold vs predicted "
                        "speaker, evidence, text) for error analysis")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")


def corpus_root(path: Path, corpus: str) -> Path:
    """``path/<corpus>`` when ``path`` is the data folder, else ``path`` when it is that corpus."""
    if (path / corpus).is_dir():
        return path / corpus
    if path.is_dir() and looks_like(path, corpus):
        return path
    raise InputError(path, f"no {corpus} data here (expected {path / corpus})")


def looks_like(path: Path, corpus: str) -> bool:
    if corpus == "pdnc":
        return (path / "quotation_info.csv").is_file() or any(path.glob("*/quotation_info.csv"))
    if corpus == "quoteli3":
        return any(path.glob("*.xml"))
    return (path / "quotations").is_dir()


def load_corpus(corpus: str, root: Path, names: list[str] | None) -> list[GoldNovel]:
    if corpus == "pdnc":
        from ficlens.eval import pdnc
        return pdnc.load_all(root, names)
    if corpus == "quoteli3":
        from ficlens.eval import quoteli3
        return quoteli3.load_all(root, names)
    if corpus == "litbank":
        from ficlens.eval import litbank
        return litbank.load_all(root, names)
    raise FiclensError(f"unknown corpus {corpus!r}")


def booknlp_rows(path: Path, novels: list[GoldNovel]) -> list[NovelResult]:
    """BookNLP's own Emma output scored against PDNC's Emma, when both are at hand."""
    emma = next((n for n in novels if n.corpus == "pdnc" and n.name == "Emma"), None)
    if emma is None:
        return []
    for folder in (path / "booknlp_emma", path.parent / "booknlp_emma"):
        if folder.is_dir():
            from ficlens.eval import booknlp
            from ficlens.eval.scoring import score_novel

            prediction = booknlp.load_prediction(folder, emma.text)
            result = NovelResult("pdnc", "Emma", system="BookNLP")
            result.scores[END_TO_END] = score_novel(emma, prediction)
            return [result]
    return []


_ABBREVIATIONS = {"pp": "prideandprejudice"}  # QuoteLi3's file stem for Pride and Prejudice


def _title_key(name: str) -> str:
    key = re.sub(r"[^a-z0-9]", "", name.lower()).lstrip("0123456789")
    return _ABBREVIATIONS.get(key, key)


def unseen_plan(novels: list[GoldNovel]):
    """Leave-novels-out by default: a text that is (or begins) a novel the bundled speaker scorer
    was trained on (PDNC, and the same novels in QuoteLi3 and LitBank) is scored by the fold model
    that held that novel out; any other text by the bundled model, which never saw it."""
    from ficlens.speakers.scorer import trained_novels

    seen = {_title_key(n): n for n in trained_novels()}

    def plan(novel: GoldNovel) -> dict | None:
        key = _title_key(novel.name)
        match = seen.get(key) or next((n for k, n in seen.items() if key.startswith(k)), None)
        return {"eval_heldout": [match]} if match else None
    return plan


def fold_plan(novels: list[GoldNovel], k: int):
    """Leave-novels-out folds over PDNC novels (sorted by name, dealt round-robin)."""
    if k <= 1:
        return None
    names = sorted(n.name for n in novels if n.corpus == "pdnc")
    fold_of = {name: i % k for i, name in enumerate(names)}

    def fold(novel: GoldNovel) -> dict | None:
        if novel.name not in fold_of or novel.corpus != "pdnc":
            return None
        i = fold_of[novel.name]
        return {"eval_fold": i, "eval_folds": k,
                "eval_heldout": [n for n in names if fold_of[n] == i]}
    return fold


def run(args: argparse.Namespace, corpus: str) -> int:
    corpora = CORPORA if corpus == "all" else (corpus,)
    names = [n.strip() for n in args.novels.split(",") if n.strip()] if args.novels else None
    novels: list[GoldNovel] = []
    for c in corpora:
        try:
            root = corpus_root(args.path, c)
        except InputError:
            if corpus != "all":
                raise
            print(f"note: no {c} data under {args.path}, skipped", file=sys.stderr)
            continue
        # With "all", --novels picks from each corpus whatever it names (none may match).
        novels.extend(_load_matching(c, root, names) if corpus == "all" and names
                      else load_corpus(c, root, names))
    if not novels:
        raise InputError(args.path, "no texts to score")
    settings = ((GOLD_SPANS,) if args.gold_spans else (END_TO_END,) if args.end_to_end
                else SETTINGS)
    progress = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    results = evaluate(novels, settings, jobs=max(1, args.jobs),
                       folds=fold_plan(novels, args.folds) or unseen_plan(novels), progress=progress,
                       keep_outcomes=args.per_quote is not None)
    # BookNLP's output is end-to-end: shown only beside our end-to-end figures.
    extra = [] if args.no_booknlp or END_TO_END not in settings else booknlp_rows(args.path, novels)

    from ficlens.eval import report

    table_rows = report.rows(results, extra)
    report.render(table_rows, settings)
    if args.json_out:
        from ficlens.atomic import write_text

        write_text(args.json_out, json.dumps(report.to_json(table_rows, settings), indent=1))
    if args.per_quote:
        write_per_quote(args.per_quote, results)
    failed = sum(bool(r.errors) for r in results)
    return 1 if failed == len(results) else 0


PER_QUOTE_COLUMNS = ("corpus", "text_name", "setting", "quote", "type", "start", "found",
                     "gold_speaker", "predicted", "mapped_strict", "mapped_lenient", "strict_right",
                     "lenient_right", "evidence", "text")


def write_per_quote(path: Path, results: list[NovelResult]) -> None:
    """One TSV line per gold quote and setting."""
    from ficlens.atomic import write_text

    lines = ["\t".join(PER_QUOTE_COLUMNS)]
    for r in results:
        for setting, outcomes in r.outcomes.items():
            for o in outcomes:
                row = {"corpus": r.corpus, "text_name": r.name, "setting": setting, **o}
                lines.append("\t".join(str(row.get(c, "")).replace("\t", " ") for c in PER_QUOTE_COLUMNS))
    write_text(path, "\n".join(lines) + "\n")


def _load_matching(corpus: str, root: Path, names: list[str]) -> list[GoldNovel]:
    """With ``all`` and --novels, keep the texts of each corpus that the names pick out."""
    try:
        return load_corpus(corpus, root, names)
    except InputError:
        return []


def run_corpus_cli(corpus: str, argv: list[str]) -> int:
    """``python -m ficlens.eval.<corpus> PATH [...]``: the same as ``ficlens eval <corpus>``."""
    parser = argparse.ArgumentParser(prog=f"python -m ficlens.eval.{corpus}")
    add_arguments(parser, with_corpus=False)
    args = parser.parse_args(argv)
    try:
        return run(args, corpus)
    except FiclensError as err:
        print(f"ficlens: error: {err}", file=sys.stderr)
        return 2
