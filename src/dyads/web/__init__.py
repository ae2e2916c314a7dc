"""The dashboard: server-rendered pages over the same data as the JSON API.

Every page is the HTML twin of one ``/api`` endpoint and calls the same route
function, so what the page shows is what the API returns (see #4):

=========================  ==============================
page                       JSON twin
=========================  ==============================
``/``                      ``/api/overview``
``/network``               ``/api/network``
``/relations?source=...``  ``/api/relations?source=...``
``/events``                ``/api/events``
``/events/{id}``           ``/api/events/{id}``
``/documents/{id}``        ``/api/documents/{id}``
=========================  ==============================

Templates (Jinja2, autoescaped) and the CSS and JavaScript that draw the charts
ship inside the package: no CDN, so the dashboard works offline. Charts are SVG
drawn by small vanilla scripts from JSON embedded with ``tojson``; scripts set
``textContent``, never ``innerHTML``, so document text is never markup.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).parent

__all__ = ["install_dashboard"]


def install_dashboard(app: FastAPI) -> None:
    """Add the dashboard pages and their static assets to ``app``."""
    from .pages import router

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
