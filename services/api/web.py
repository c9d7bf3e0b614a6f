"""The web page: paste or drop documents and see their quotes, speakers and summary."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, send_from_directory

from services.common import formats

bp = Blueprint("web", __name__)


@bp.get("/")
def index():
    # The file chooser offers what the API accepts: the one table of types, extensions first.
    accept = ",".join([*formats.EXTENSIONS, *formats.SUPPORTED])
    return render_template("index.html", accept=accept)


@bp.get("/favicon.ico")
def favicon():
    # Browsers ask for it at the root whatever the page says; /docs has no icon link of its own.
    return send_from_directory(current_app.static_folder, "favicon.ico",
                               mimetype="image/vnd.microsoft.icon", max_age=86400)
