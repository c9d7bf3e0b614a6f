"""The web page: paste or drop documents and see their quotes, speakers and summary."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, send_from_directory

bp = Blueprint("web", __name__)


@bp.get("/")
def index():
    return render_template("index.html")


@bp.get("/favicon.ico")
def favicon():
    # Browsers ask for it at the root whatever the page says; /docs has no icon link of its own.
    return send_from_directory(current_app.static_folder, "favicon.ico",
                               mimetype="image/vnd.microsoft.icon", max_age=86400)
