"""Extraction stages: pure functions from ``Annotations`` (and earlier outputs) to records.

They never import spaCy, DuckDB, HTTP or Dask, and never import each other;
shared helpers live in ``sitrep.extract._text``.
"""
