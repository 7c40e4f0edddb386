"""A real Redis for the Redis tests: CI's, or a private ``redis-server`` on a free loopback port.

CI exports ``NEWSCRAWLER_TEST_REDIS_URL`` after starting redis-server (see ``.ci/run``); that
server must answer, or the tests fail. Without it, a private server is started for the test
session and stopped after. Only when neither is possible are the tests skipped, with a reason
that says what is missing. Every test gets its own key namespace, deleted afterwards, so a
shared database (CI's db 15) is never polluted.

Import the fixtures in a test module: ``from tests.conftest_redis import namespace, redis_url``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator

import pytest

ENV = "NEWSCRAWLER_TEST_REDIS_URL"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """URL of a Redis server that answers (see module docstring)."""
    redis = pytest.importorskip(
        "redis", reason="Redis tests SKIPPED: the 'redis' package is not installed "
        "(pip install -e '.[test]')",
    )
    url = os.environ.get(ENV)
    if url:
        if not _answers(redis.Redis.from_url(url, socket_connect_timeout=3)):
            pytest.fail(f"{ENV}={url} is set but no Redis answers there")
        yield url
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip(
            f"Redis tests SKIPPED: {ENV} is not set and no redis-server is on PATH "
            "(install redis-server, or export a Redis URL in " + ENV + ")"
        )
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    deadline = time.monotonic() + 10
    while not _answers(client):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.skip(f"Redis tests SKIPPED: could not start {server} on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def namespace(redis_url) -> Iterator[str]:
    """A fresh key namespace for one test; its keys are deleted afterwards."""
    import redis

    name = f"nctest-{uuid.uuid4().hex[:10]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{name}:*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])
    client.close()
