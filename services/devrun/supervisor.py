"""Child processes of `make run`: started with their logs under .run/, restarted when they are
marked so and exit (as compose restarts containers: a worker that died with Redis comes back),
stopped newest first."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

RUN_DIR = Path(".run")
STOP_SECONDS = 20
# A child that exits is started again, unless it exits this often: then something is wrong.
RESTART_WINDOW_SECONDS = 60
MAX_RESTARTS_IN_WINDOW = 5


class ChildExited(RuntimeError):
    """Raised when a child process has ended while `make run` still needs it."""


class Supervisor:
    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.env = {**os.environ, **(env or {})}
        self.children: list[tuple[str, subprocess.Popen]] = []
        self.restartable: dict[str, tuple[list[str], bool]] = {}
        self.restarts: dict[str, list[float]] = {}
        RUN_DIR.mkdir(exist_ok=True)

    def log_path(self, name: str) -> Path:
        return RUN_DIR / f"{name}.log"

    def start(self, name: str, argv: list[str], echo: bool = False,
              restart: bool = False) -> subprocess.Popen:
        """Start a child logging to .run/NAME.log; with ``echo`` its stdout is shown here too;
        with ``restart`` it is started again when it exits."""
        if restart:
            self.restartable[name] = (argv, echo)
        with open(self.log_path(name), "ab") as log:  # the child keeps its own copy
            proc = subprocess.Popen(argv, env=self.env, stderr=log,
                                    stdout=subprocess.PIPE if echo else log)
        if echo:
            threading.Thread(target=self._echo, args=(name, proc), daemon=True).start()
        self.children.append((name, proc))
        return proc

    def _echo(self, name: str, proc: subprocess.Popen) -> None:
        with open(self.log_path(name), "ab") as log:
            for line in proc.stdout:
                log.write(line)
                log.flush()
                print(f"{name} | {line.decode(errors='replace').rstrip()}", flush=True)

    def check(self) -> None:
        """Restart a restartable child that exited; raise when another did, or one keeps dying."""
        for name, proc in list(self.children):
            if proc.poll() is None:
                continue
            if name not in self.restartable:
                raise ChildExited(f"{name} exited with {proc.returncode}; see {self.log_path(name)}")
            now = time.monotonic()
            recent = [t for t in self.restarts.get(name, []) if now - t < RESTART_WINDOW_SECONDS]
            if len(recent) >= MAX_RESTARTS_IN_WINDOW:
                raise ChildExited(f"{name} exited {len(recent)} times in {RESTART_WINDOW_SECONDS} s; "
                                  f"see {self.log_path(name)}")
            self.restarts[name] = [*recent, now]
            print(f"docpipe: {name} exited with {proc.returncode}; restarting it", flush=True)
            self.children.remove((name, proc))
            argv, echo = self.restartable[name]
            self.start(name, argv, echo, restart=True)

    def watch(self) -> None:
        """Keep the children running until Ctrl-C (KeyboardInterrupt) or SIGTERM."""
        while True:
            self.check()
            time.sleep(1)

    def stop(self) -> None:
        for _, proc in reversed(self.children):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for name, proc in reversed(self.children):
            try:
                proc.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
            print(f"stopped {name}", file=sys.stderr)
