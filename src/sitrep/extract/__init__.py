"""Extraction stages: pure functions from ``Annotations`` (and earlier outputs) to records.

They never import spaCy, DuckDB, HTTP or Dask. Each stage is a package (``times``, ``places``, ``casualties``,
``claims``, ``citations``, ``actors``, ``events``) whose ``__init__`` reads as the list of its passes over typed,
frozen intermediate records; its words and patterns come from the language's data (``sitrep/lang/<code>/``)
through the ``Lexicon`` the pipeline passes in, turned into the stage's own tables by its ``words.py``.
A stage never imports another stage: what one stage hands to another travels as a record
(``common/records.py``), passed by the pipeline. Helpers every stage may use live in ``common/``.
"""
