"""The worker's Celery app, built from the shared settings; what `celery -A` points at."""
import gc

from celery.signals import worker_init, worker_process_init

from services.common.pipeline import make_celery
from services.common.settings import get_settings
from workers import telemetry
from workers.memory import limit_memory
from workers.reconciler import Reconciler
from workers.warmup import warm_stages

settings = get_settings()
app = make_celery(settings, name="docpipe-worker")
app.conf.include = ["workers.tasks", "workers.webhooks"]
app.steps["worker"].add(Reconciler)
telemetry.install(settings)


@worker_init.connect
def _warm_before_the_pool_forks(**_: object) -> None:
    warm_stages()
    # What is loaded now lives as long as the processes: the collector's full passes leave it
    # alone (~100,000 objects, ~35 ms a pass) and, not writing to it, leave its pages shared
    # with the forked pool processes.
    gc.freeze()


@worker_process_init.connect
def _bound_memory(**_: object) -> None:
    limit_memory(settings.worker_max_memory_mb)
