"""Views of a Work: JSON (``Work.to_json``), the HTML reading view, Parquet rows."""
