"""Security headers on every response.

Pages get a Content-Security-Policy with no inline scripts or styles, may not
be framed (except ``/embed``, which exists to be framed), and send only their
origin as referrer. JSON, CSV, citation files and ``widget.js`` are marked ``nosniff`` and may
be read cross-origin (they are public and read-only); nothing uses cookies.
"""

from __future__ import annotations

from flask import Flask, request

PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frames}")
DATA_CSP = "default-src 'none'; frame-ancestors 'none'"
FRAMEABLE = ("/embed",)
SHARED = ("/api/", "/widget.js", "/export.csv", "/export.ris", "/export.bib", "/export.csl.json", "/cite.")


def init_app(app: Flask) -> None:
    @app.after_request
    def headers(response):
        path = request.path
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if path.startswith(SHARED):
            response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
            if not path.endswith(".js"):
                response.headers["Content-Security-Policy"] = DATA_CSP
            return response
        frameable = path in FRAMEABLE
        response.headers["Content-Security-Policy"] = PAGE_CSP.format(frames="*" if frameable else "'none'")
        if not frameable:
            response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Resource-Policy"] = "same-origin" if not frameable else "cross-origin"
        return response
