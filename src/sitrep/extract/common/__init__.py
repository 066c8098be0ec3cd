"""Helpers every extraction stage may use: reading ``Annotations`` (``text``) and the intermediate records one
stage hands to another (``records``). Nothing here names a language."""
