"""The framework ceiling: what Flask + Celery + Redis cost with no work and no bookkeeping.

POST /v1/jobs stores the body in Redis and publishes a chain of three no-op tasks (one queue
each, like docpipe's stages); the last one marks the job finished. GET /v1/jobs/<id>?wait=N
long-polls like docpipe's. The Celery settings are the ones that cost per task in docpipe
(acks_late, prefetch 1, JSON, no results, no events), written out here so the ceiling stays
fixed while docpipe changes.

    gunicorn ceiling_app:app          celery -A ceiling_app worker     (PYTHONPATH=bench)
"""
from __future__ import annotations

import os
import time
import uuid

import redis
from celery import Celery, chain, signature
from flask import Flask, jsonify, request
from kombu import Queue

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
TTL_SECONDS = 3600
# One queue per task, named after it.
QUEUES = ("ceiling.a", "ceiling.b", "ceiling.c")

celery = Celery("ceiling", broker=REDIS_URL)
celery.conf.update(
    task_ignore_result=True, result_backend=None, task_serializer="json", accept_content=["json"],
    task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
    worker_send_task_events=False, broker_connection_retry_on_startup=True,
    task_queues=[Queue(q) for q in QUEUES], task_default_queue=QUEUES[0],
    task_routes={name: {"queue": name} for name in QUEUES},
)
store = redis.Redis.from_url(REDIS_URL)
app = Flask(__name__)


@celery.task(name="ceiling.a")
def noop_a(job_id: str) -> None:
    pass


@celery.task(name="ceiling.b")
def noop_b(job_id: str) -> None:
    pass


@celery.task(name="ceiling.c")
def finish(job_id: str) -> None:
    with store.pipeline(transaction=False) as pipe:
        pipe.hset(f"job:{job_id}", mapping={"status": "succeeded", "finished": time.time()})
        pipe.publish(f"done:{job_id}", "1")
        pipe.execute()


@app.post("/v1/jobs")
def submit():
    job_id, created = uuid.uuid4().hex, time.time()
    with store.pipeline(transaction=False) as pipe:
        pipe.set(f"input:{job_id}", request.get_data(), ex=TTL_SECONDS)
        pipe.hset(f"job:{job_id}", mapping={"status": "queued", "created": created})
        pipe.expire(f"job:{job_id}", TTL_SECONDS)
        pipe.execute()
    chain(signature(name, args=(job_id,), app=celery, immutable=True) for name in QUEUES).apply_async()
    return jsonify(id=job_id, status="queued"), 202


@app.get("/v1/jobs/<job_id>")
def read(job_id: str):
    wait = float(request.args.get("wait", 0))
    deadline = time.monotonic() + wait
    pubsub = store.pubsub(ignore_subscribe_messages=True)
    try:
        pubsub.subscribe(f"done:{job_id}")
        while True:
            job = {k.decode(): v.decode() for k, v in store.hgetall(f"job:{job_id}").items()}
            remaining = deadline - time.monotonic()
            if not job or job["status"] == "succeeded" or remaining <= 0:
                break
            pubsub.get_message(timeout=min(remaining, 5.0))
    finally:
        pubsub.close()
    if not job:
        return jsonify(status="not-found"), 404
    return jsonify(id=job_id, status=job["status"], created=float(job["created"]),
                   finished=float(job["finished"]) if "finished" in job else None)


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")
