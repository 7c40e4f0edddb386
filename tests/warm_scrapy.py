"""``python -m scrapy …`` for the tests, forked from a process that has already imported Scrapy.

A crawl of a 30-article sample portal takes about 3.4 s of CPU in a new process, 2.4 s of it
importing Scrapy, Twisted, aiohttp (Scrapy's remote-control extension is loaded even when it is
off), dateparser and compiling the extractor's patterns. The end-to-end tests start hundreds of
crawls, so the suite spent most of its time importing. Here one server process per test worker
imports all that once (no reactor installed, no project settings read) and forks a child per
command. The child is a real ``scrapy`` process: it reads ``scrapy.cfg`` from its working
directory, builds its settings from its own environment and ``-s`` options, installs its
reactor, crawls over HTTP and exits with its own status, its output in files read back here.

What a fork cannot show, a new process still does: tests that signal a crawl (SIGKILL, SIGTERM),
the scale-out workers, cron and the README's commands start ``python -m scrapy`` themselves, and
``NEWSCRAWLER_TEST_FRESH_PROCESSES=1`` sends every command here through a new process as well.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

#: Set to 1 to start every command as a new ``python -m scrapy`` process, as before.
FRESH_ENV = "NEWSCRAWLER_TEST_FRESH_PROCESSES"
#: What the server imports before it forks: what every crawl imports, minus the project's
#: settings module (read anew by each child, from its own environment).
WARM_MODULES = (
    "scrapy.cmdline", "scrapy.crawler", "scrapy.core.engine", "scrapy.core.scheduler",
    "scrapy.core.downloader.handlers.http11", "scrapy.extensions.remote_control",
    "scrapy.downloadermiddlewares.cookies", "scrapy.extensions.feedexport",
    "twisted.internet.asyncioreactor", "dateparser",
    "newscrawler.spiders.portal", "newscrawler.extract", "newscrawler.ledger",
    "newscrawler.pipelines.clean", "newscrawler.pipelines.validate",
    "newscrawler.pipelines.dedup", "newscrawler.extensions.report",
    "newscrawler.extensions.health", "newscrawler.commands.crawl", "newscrawler.commands.probe",
)


# -- the server (its own process: ``python -m tests.warm_scrapy``) --------------------------------


def serve() -> None:
    """Read one JSON request per line from stdin, fork a child for each, and write back
    ``{"id", "pid"}`` at once and ``{"id", "returncode"}`` when the child ends."""
    import importlib

    for name in WARM_MODULES:
        importlib.import_module(name)
    for chosen_by_the_child in ("twisted.internet.reactor", "newscrawler.settings"):
        if chosen_by_the_child in sys.modules:  # its reactor, its settings from its env
            raise SystemExit(f"warm_scrapy: {chosen_by_the_child} was imported while warming up")
    requests = sys.stdin.buffer
    running: dict[int, str] = {}
    reply = sys.stdout
    reply.write(json.dumps({"ready": True}) + "\n")
    reply.flush()
    pending = b""
    while True:
        ready, _, _ = select.select([requests], [], [], 0.02)
        if ready:
            chunk = os.read(requests.fileno(), 65536)
            if not chunk:
                break
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                request = json.loads(line)
                pid = os.fork()
                if pid == 0:
                    _child(request)  # never returns
                running[pid] = request["id"]
                reply.write(json.dumps({"id": request["id"], "pid": pid}) + "\n")
                reply.flush()
        while running:
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                break
            ident = running.pop(pid, None)
            if ident is not None:
                code = os.waitstatus_to_exitcode(status)
                reply.write(json.dumps({"id": ident, "returncode": code}) + "\n")
                reply.flush()
    for pid in running:
        os.kill(pid, signal.SIGKILL)


def _child(request: dict) -> None:
    """Become ``python -m scrapy <args>`` run in ``cwd`` with ``env``; exit with its status."""
    code = 1
    try:
        os.setpgid(0, 0)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(err, 2)
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace",  # noqa: SIM115
                          closefd=False, buffering=1)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[0] = request["cwd"]  # what ``python -m`` puts first, then PYTHONPATH
        sys.path[1:1] = [p for p in request["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
        import scrapy.__main__
        from scrapy.cmdline import execute

        sys.argv = [scrapy.__main__.__file__, *request["args"]]

        try:
            execute(sys.argv, settings=None)
            code = 0
        except SystemExit as stop:  # as Python exits: a message is printed, and is status 1
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
            if stop.code is not None and not isinstance(stop.code, int):
                print(stop.code, file=sys.stderr)
    except BaseException:  # noqa: BLE001 - reported as a crashed process would
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110
                pass
        os._exit(code)


# -- the client (in the test process) -----------------------------------------------------------


class _Server:
    """One warm server per test process, started at its first use."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.warm_scrapy"], cwd=Path(__file__).resolve().parents[1],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        first = self.process.stdout.readline()
        if not first or not json.loads(first).get("ready"):
            raise RuntimeError("warm_scrapy: the server did not start")
        self.write_lock = threading.Lock()
        self.waiting: dict[str, dict] = {}
        self.changed = threading.Condition()
        self.count = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            message = json.loads(line)
            with self.changed:
                self.waiting.setdefault(message["id"], {}).update(message)
                self.changed.notify_all()
        with self.changed:
            self.waiting["dead"] = {}
            self.changed.notify_all()

    def start(self, args: list[str], cwd: str, env: dict, stdout: str, stderr: str) -> tuple:
        with self.write_lock:
            self.count += 1
            ident = f"{os.getpid()}-{self.count}"
            request = {"id": ident, "args": args, "cwd": cwd, "env": env,
                       "stdout": stdout, "stderr": stderr}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        return ident, self.wait(ident, "pid", None)

    def wait(self, ident: str, key: str, timeout: float | None):
        with self.changed:
            done = self.changed.wait_for(
                lambda: key in self.waiting.get(ident, {}) or "dead" in self.waiting, timeout)
            if not done:
                return None
            if key not in self.waiting.get(ident, {}):
                raise RuntimeError("warm_scrapy: the server died")
            return self.waiting[ident][key]

    def forget(self, ident: str) -> None:
        """Drop a finished request's entry, so the table holds only the requests in flight."""
        with self.changed:
            self.waiting.pop(ident, None)


_server: _Server | None = None
_server_lock = threading.Lock()


def _the_server() -> _Server:
    global _server
    with _server_lock:
        if _server is None or _server.process.poll() is not None:
            _server = _Server()
        return _server


def run_scrapy(args: list[str], cwd: Path, timeout: float, env: dict | None = None,
               ) -> subprocess.CompletedProcess:
    """Like ``subprocess.run([python, -m, scrapy, *args], capture_output=True, text=True)``,
    in a child forked from the warm server (or a new process when ``FRESH_ENV`` is set)."""
    command = [sys.executable, "-m", "scrapy", *args]
    if os.environ.get(FRESH_ENV) == "1":
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                              timeout=timeout, env=env)
    server = _the_server()
    with tempfile.TemporaryDirectory(prefix="warm-scrapy-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        ident, pid = server.start(list(args), str(cwd),
                                  dict(os.environ if env is None else env), str(out), str(err))
        try:
            code = server.wait(ident, "returncode", timeout)
            if code is None:
                try:
                    os.killpg(pid, signal.SIGKILL)  # the child and whatever it started
                except ProcessLookupError:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)  # not yet in a group of its own
                server.wait(ident, "returncode", 30)
                raise subprocess.TimeoutExpired(command, timeout,
                                                out.read_text("utf-8", "replace"),
                                                err.read_text("utf-8", "replace"))
            return subprocess.CompletedProcess(command, code, out.read_text("utf-8", "replace"),
                                               err.read_text("utf-8", "replace"))
        finally:
            server.forget(ident)


if __name__ == "__main__":
    serve()
