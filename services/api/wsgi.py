"""WSGI entry point for gunicorn: `gunicorn services.api.wsgi:app`."""
from services.api import create_app, traffic
from services.api.gunicorn_conf import adopt_logging

adopt_logging()  # in each worker process too, and for a gunicorn started without our -c file
app = create_app()
traffic.current_tally(app).write_in_background()
