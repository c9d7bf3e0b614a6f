"""gunicorn's settings for the API: `gunicorn -c python:services.api.gunicorn_conf services.api.wsgi:app`.

It turns the access log on (to stdout unless --access-logfile says otherwise) and gives gunicorn's
own lines — the master's and the access log — the format LOG_FORMAT chooses, like the app's; an
access line about a job carries its id. gunicorn's handlers keep their destinations.
"""
from gunicorn.glogging import Logger

from services.common import logs
from services.common.settings import get_settings

GUNICORN_LOGGERS = ("gunicorn.error", "gunicorn.access")


def adopt_logging() -> None:
    logs.configure(get_settings(), adopt=GUNICORN_LOGGERS)


class DocpipeLogger(Logger):
    """gunicorn's logger, its handlers (made at start and on each reload) in docpipe's format."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        adopt_logging()


accesslog = "-"
logger_class = DocpipeLogger
