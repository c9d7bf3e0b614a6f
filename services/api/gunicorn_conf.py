"""gunicorn's settings for the API: `gunicorn -c python:services.api.gunicorn_conf services.api.wsgi:app`.

gunicorn's own lines — the master's and the access log (on with this file) — come out in the
format LOG_FORMAT chooses, like the app's, and an access line for a job carries its id.
"""
from services.common import logs
from services.common.settings import get_settings

GUNICORN_LOGGERS = ("gunicorn.error", "gunicorn.access")

logconfig_dict = logs.dict_config(get_settings(), GUNICORN_LOGGERS)
