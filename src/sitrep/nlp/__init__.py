"""Adapters from NLP libraries to sitrep's own ``Annotations``."""
