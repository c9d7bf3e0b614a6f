"""WSGI entry point for gunicorn: `gunicorn -c python:services.gunicorn_conf services.api.wsgi:app`."""
from services.api import create_app, traffic
from services.common import logs
from services.common.settings import get_settings
from services.gunicorn_conf import GUNICORN_LOGGERS

# In each worker process too, and for a gunicorn started without our -c file.
logs.configure(get_settings(), adopt=GUNICORN_LOGGERS)
app = create_app()
traffic.current_tally(app).write_in_background()
