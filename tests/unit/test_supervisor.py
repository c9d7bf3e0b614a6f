"""`make run` / `make worker` keep a worker running: a supervised child that exits is restarted."""
import sys
import time

import pytest

from services.devrun.supervisor import MAX_RESTARTS_IN_WINDOW, Supervisor

EXITS_AT_ONCE = [sys.executable, "-c", "import sys; sys.exit(3)"]


def child(sup, name):
    return dict(sup.children)[name]


def exited(sup, name):
    deadline = time.monotonic() + 10
    while child(sup, name).poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_a_supervised_child_is_restarted_and_one_that_keeps_dying_stops_the_supervisor(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sup = Supervisor()
    sup.start("worker", EXITS_AT_ONCE, restart=True)
    try:
        pids = set()
        for _ in range(MAX_RESTARTS_IN_WINDOW):
            exited(sup, "worker")
            pids.add(child(sup, "worker").pid)
            sup.check()
        assert len(pids) == MAX_RESTARTS_IN_WINDOW and child(sup, "worker").pid not in pids
        exited(sup, "worker")
        with pytest.raises(RuntimeError, match="exited 5 times"):
            sup.check()
    finally:
        sup.stop()


def test_an_unsupervised_child_that_exits_stops_the_supervisor(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sup = Supervisor()
    sup.start("api", EXITS_AT_ONCE)
    try:
        exited(sup, "api")
        with pytest.raises(RuntimeError, match="api exited with 3"):
            sup.check()
    finally:
        sup.stop()
