"""Job events for long-polls: one subscription per process, handed to the requests waiting.

Every change to a job publishes its new status on the job's channel. Subscribing for each
long-poll cost a Redis connection per request (redis-py closes a PubSub's connection) with its
handshake, SUBSCRIBE and UNSUBSCRIBE; here one thread per process listens to every job's channel
(PSUBSCRIBE) and wakes the waiters of the job named. Under gunicorn's gevent workers the thread
is a greenlet.

Should the subscription drop (Redis restarting), every waiter is woken when it is back, so a
change made meanwhile is not missed; waiters also look again every few seconds on their own.
With nobody waiting, a lost subscription is not made again until the next waiter comes.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque

import redis

from services.common.jobstore import keys

LOGGER = logging.getLogger(__name__)
RECONNECT_SECONDS = 0.5
# A waiter looks at the job this often even without an event: one may have been lost.
RECHECK_SECONDS = 5.0
# How long a first waiter waits for the subscription to be made before it relies on rechecks.
READY_SECONDS = 2.0
# What a waiter is told when it must look at the job whatever changed.
LOOK = b"look"


class Waiter:
    """The events of one job, for one long-poll; those in ``ignore`` are dropped unseen.

    A long-poll waiting for the job's end has no use for the statuses on the way: a job's
    every stage publishes one, and waking the waiting request for each (a greenlet switch and
    a timed wait armed again) cost a sixth of the API's CPU time per job.
    """

    def __init__(self, ignore: frozenset[bytes] = frozenset()) -> None:
        self._ignore = ignore
        self._woken = threading.Event()
        self._events: deque[bytes] = deque()

    def post(self, event: bytes) -> None:
        if event in self._ignore:
            return
        self._events.append(event)
        self._woken.set()

    def next_events(self, deadline: float) -> list[bytes] | None:
        """The events since the last call, once there are any; [LOOK] after RECHECK_SECONDS
        without any; None when ``deadline`` (a monotonic time) has passed."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        if not self._woken.wait(min(remaining, RECHECK_SECONDS)):
            return [LOOK] if time.monotonic() < deadline else None
        self._woken.clear()
        events = []
        while self._events:
            events.append(self._events.popleft())
        return events or [LOOK]


class JobEvents:
    """This process's listener to every job's events; started by its first waiter."""

    def __init__(self, client: redis.Redis):
        self._client = client
        self._lock = threading.Lock()
        self._waiters: dict[str, set[Waiter]] = {}
        self._ready = threading.Event()
        self._pid: int | None = None

    def watch(self, job_id: str, ignore: frozenset[bytes] = frozenset()) -> Waiter:
        """A waiter that receives the job's events (but those in ``ignore``) from now on (the
        listener is subscribed when this returns, but for a Redis that does not answer); pass
        it to ``unwatch`` after."""
        waiter = Waiter(ignore)
        with self._lock:
            # Registered before the listener is looked at: a listener stops only with nobody
            # waiting, so it cannot stop between this check and this waiter's events.
            self._waiters.setdefault(job_id, set()).add(waiter)
            starting = self._pid != os.getpid()  # none yet, stopped, or a forked parent's
            if starting:
                self._pid, self._ready = os.getpid(), threading.Event()
        if starting:
            threading.Thread(target=self._listen, name="docpipe-job-events", daemon=True).start()
        self._ready.wait(READY_SECONDS)
        return waiter

    def unwatch(self, job_id: str, waiter: Waiter) -> None:
        with self._lock:
            waiters = self._waiters.get(job_id)
            if waiters is not None:
                waiters.discard(waiter)
                if not waiters:
                    del self._waiters[job_id]

    def _listen(self) -> None:
        prefix = len(keys.events_channel(""))
        lost = False  # whether a subscription was lost: its waiters may have missed events
        while True:
            pubsub = self._client.pubsub(ignore_subscribe_messages=True)
            try:
                pubsub.psubscribe(keys.events_channel("*"))
                pubsub.get_message(timeout=READY_SECONDS)  # the subscription's confirmation
                if lost:
                    self._wake_all()
                self._ready.set()
                self._read_events(pubsub, prefix)
            except (redis.RedisError, OSError) as exc:
                if self._stop_if_unwatched():
                    return
                lost = True
                LOGGER.warning("job events: %s; subscribing again", exc)
                time.sleep(RECONNECT_SECONDS)
            finally:
                pubsub.close()

    def _read_events(self, pubsub: redis.client.PubSub, prefix: int) -> None:
        """Hand each event on to its job's waiters, until the connection fails.

        A plain read that waits for the next reply: PubSub.get_message(timeout) polled the socket
        twice before each read (readiness, then closed-or-not), through gevent's poll, and went
        through redis-py's retry and bookkeeping; the API got every job's ~5 events that way and
        it cost a tenth of its CPU time. With nothing come for the client's socket timeout, the
        read gives up and the subscription's health check PINGs if one is due.
        """
        conn = pubsub.connection
        while True:
            try:
                # push_request: under RESP3 (redis-py's default) an event is a push, which a
                # plain read would hand to the push handler and read past.
                reply = conn.read_response(disconnect_on_error=False, push_request=True)
            except redis.TimeoutError:  # nothing for socket_timeout seconds: a PING when due
                pubsub.check_health()
                continue
            # [b"pmessage", pattern, channel, data]; the health check's replies aside
            if isinstance(reply, list) and reply[0] == b"pmessage":
                self._post(reply[2][prefix:].decode(), reply[3])

    def _stop_if_unwatched(self) -> bool:
        """With nobody waiting, the listener stops at a lost connection; the next waiter starts
        it again. (A JobStore of a Redis that has gone for good leaves no thread behind.)"""
        with self._lock:
            if self._waiters:
                return False
            self._pid = None
            return True

    def _post(self, job_id: str, event: bytes) -> None:
        with self._lock:
            waiters = list(self._waiters.get(job_id, ()))
        for waiter in waiters:
            waiter.post(event)

    def _wake_all(self) -> None:
        with self._lock:
            waiters = [w for ws in self._waiters.values() for w in ws]
        for waiter in waiters:
            waiter.post(LOOK)
