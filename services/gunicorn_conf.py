"""How gunicorn serves the API: `gunicorn -c python:services.gunicorn_conf services.api.wsgi:app`.

Outside services/api on purpose: importing it must not import the app (and ssl, redis…) into
gunicorn's master before the gevent workers monkey-patch.

gevent workers: a connection costs a greenlet, not a thread, so clients that trickle their
bodies (or hold long-polls) cannot take every thread and stall /healthz and everyone else, as
they did with 2×16 gthread threads (measured by bench/faults.py slow-clients: /healthz p99 5 ms
with 200 trickling clients, against every probe timing out with gthread). A body must arrive
within BODY_TIMEOUT_SECONDS (services.api.slow_clients); idle keep-alive connections close after
a few seconds.
"""
import os

bind = os.environ.get("DOCPIPE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gevent"
# Connections (greenlets) per worker process: slow clients and long-polls included.
worker_connections = 1000
keepalive = 5
timeout = 60
