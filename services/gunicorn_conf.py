"""How gunicorn serves the API: `gunicorn -c python:services.gunicorn_conf services.api.wsgi:app`.

Outside services/api on purpose: importing it must not import the app (and ssl, redis…) into
gunicorn's master before the gevent workers monkey-patch.

gevent workers: a connection costs a greenlet, not a thread, so clients that trickle their
bodies (or hold long-polls) cannot take every thread and stall /healthz and everyone else, as
they did with 2×16 gthread threads (measured by bench/faults.py slow-clients: /healthz p99 5 ms
with 200 trickling clients, against every probe timing out with gthread). A body must arrive
within BODY_TIMEOUT_SECONDS (services.api.slow_clients); idle keep-alive connections close after
a few seconds.

It also turns the access log on (to stdout unless --access-logfile says otherwise) and gives
gunicorn's own lines — the master's and the access log — the format LOG_FORMAT chooses, like the
app's; an access line about a job carries its id. (services.common.logs imports nothing heavy.)
"""
import gc
import os

from gunicorn.glogging import Logger

from services.common import logs
from services.common.settings import get_settings

GUNICORN_LOGGERS = ("gunicorn.error", "gunicorn.access")


class DocpipeLogger(Logger):
    """gunicorn's logger, its handlers (made at start and on each reload) in docpipe's format."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        logs.configure(get_settings(), adopt=GUNICORN_LOGGERS)


def post_worker_init(worker) -> None:
    """The app is loaded: exempt what it loaded from the collector's full passes."""
    # The ~70,000 objects of Flask, Celery, kombu and the schemas live as long as the process;
    # a full collection walked them all (~20 ms, a stall for every request in flight).
    gc.freeze()


def _default_workers() -> int:
    """One API process per two cores this process may run on: at least one, at most four."""
    # The API shares its host with the workers (compose runs both on one machine). On two cores
    # a second gevent process took CPU the stages needed — every job's events reach each
    # process — for intake nobody needs there: one process accepted 380-680 small POSTs/s, several
    # times what two worker processes finish (bench/compare.py, 100 KB docs with two workers:
    # 1.10x jobs/s, API CPU 5.6 -> 4.2 ms a job). WEB_CONCURRENCY overrides it.
    return min(4, max(1, len(os.sched_getaffinity(0)) // 2))


bind = os.environ.get("DOCPIPE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or _default_workers())
worker_class = "gevent"
# Connections (greenlets) per worker process: slow clients and long-polls included.
worker_connections = 1000
keepalive = 5
timeout = 60
accesslog = "-"
logger_class = DocpipeLogger
