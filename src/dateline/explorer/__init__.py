"""The explorer: one process serving a JSON API and HTML pages over a dateline store.

``dateline serve`` (``command.py``) opens the store read-only and runs ``app.create_app`` under
uvicorn. The JSON API (``api.py``) answers with the pydantic models of ``models.py`` (lists paged
with ``limit``/``offset`` and a total, and as CSV); the pages (``pages.py``) are Jinja2 templates
rendered on the server with autoescaping, with charts drawn as inline SVG (``charts.py``) and
articles highlighted from their offsets (``highlight.py``). No JavaScript and nothing from a CDN:
the Content-Security-Policy allows no script at all. See docs/EXPLORER.md.

Importing this package is cheap (the command line imports ``command`` at start-up); FastAPI is
imported only when the server starts.
"""
