"""The worker's Celery app, built from the shared settings; what `celery -A` points at."""
import logging

from celery.signals import worker_init

from services.common.pipeline import make_celery
from services.common.settings import get_settings
from workers.warmup import warm_stages

settings = get_settings()
logging.basicConfig(level=settings.log_level,
                    format="%(asctime)s %(levelname)s %(processName)s %(name)s: %(message)s")
app = make_celery(settings, name="docpipe-worker")
app.conf.include = ["workers.tasks", "workers.webhooks"]


@worker_init.connect
def _warm_before_the_pool_forks(**_: object) -> None:
    warm_stages()
