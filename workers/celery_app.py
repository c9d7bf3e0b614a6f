"""The worker's Celery app, built from the shared settings; what `celery -A` points at."""
from services.common.pipeline import make_celery
from services.common.settings import get_settings
from workers import telemetry

settings = get_settings()
app = make_celery(settings, name="docpipe-worker")
app.conf.include = ["workers.tasks", "workers.webhooks"]
telemetry.install(settings)
