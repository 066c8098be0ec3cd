"""The web page of ``sitrep serve``: static files in ``static/`` (no CDN) and the build of its map outlines."""
