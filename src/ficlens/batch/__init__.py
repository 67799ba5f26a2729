"""Corpus scale: analyze many works into per-work JSON and Parquet tables, resumably, on this
machine's cores (local engine) or a Dask cluster. See docs/batch.md."""

from ficlens.batch.runner import BatchConfig, Summary, run_batch

__all__ = ["BatchConfig", "Summary", "run_batch"]
