"""Linking reports of the same real-world event across documents."""
