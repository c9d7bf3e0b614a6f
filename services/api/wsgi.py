"""WSGI entry point for gunicorn: `gunicorn services.api.wsgi:app`."""
from services.api import create_app
from services.api.gunicorn_conf import GUNICORN_LOGGERS
from services.common import logs
from services.common.settings import get_settings

# gunicorn's own loggers keep their destinations (--access-logfile) and take docpipe's format.
logs.configure(get_settings(), adopt=GUNICORN_LOGGERS)
app = create_app()
