"""The warm runner (``tests/warm_scrapy.py``) behaves as a new ``python -m scrapy`` process would.

Most end-to-end tests run their crawls through it; if a forked child kept the server's working
directory, environment or output, or lost its exit status, those tests would check something
other than what an operator runs.
"""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import PROJECT_ROOT, SCRAPY, crawl_command, read_feeds, run_crawl
from tests.warm_scrapy import FRESH_ENV, _the_server, run_scrapy

URL = "http://127.0.0.1:9/"  # nothing listens


def fresh(args: list[str], cwd, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([*SCRAPY, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env=env)


def usage_line(process: subprocess.CompletedProcess) -> list[str]:
    return [line for line in process.stderr.splitlines() if line.startswith("newscrawler: ")]


@pytest.fixture(autouse=True)
def _warm(monkeypatch):
    monkeypatch.delenv(FRESH_ENV, raising=False)


def test_exit_status_and_error_line_are_those_of_a_new_process(tmp_path):
    args = crawl_command(URL, tmp_path, "-a", "full=maybe")[len(SCRAPY):]
    warm, new = run_scrapy(args, PROJECT_ROOT, 60), fresh(args, PROJECT_ROOT)
    assert warm.returncode == new.returncode == 1
    assert usage_line(warm) == usage_line(new) != []
    assert warm.stdout == new.stdout


def test_working_directory_and_environment_are_the_childs_own(tmp_path):
    """Outside the project (no scrapy.cfg, no SCRAPY_SETTINGS_MODULE) ``scrapy crawl`` refuses:
    a child that kept the server's directory or environment would find the project."""
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    args = ["crawl", "portal", "-a", f"start_url={URL}"]
    warm, new = run_scrapy(args, tmp_path, 60, env), fresh(args, tmp_path, env)
    assert warm.returncode == new.returncode == 1
    assert usage_line(warm) == usage_line(new)
    assert "scrapy.cfg" in usage_line(warm)[0]
    # and the other way round: settings named by the environment, found on its PYTHONPATH
    (tmp_path / "other_settings.py").write_text(
        "from newscrawler.settings import *  # noqa: F403\nLOG_LEVEL = 'DEBUG'\n", "utf-8")
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(PROJECT_ROOT)])
    env["SCRAPY_SETTINGS_MODULE"] = "other_settings"
    args = ["crawl", "portal", "-a", "full=maybe", "-a", f"start_url={URL}"]
    warm, new = run_scrapy(args, tmp_path, 60, env), fresh(args, tmp_path, env)
    assert warm.returncode == new.returncode == 1
    assert "Traceback" in warm.stderr and "Traceback" in new.stderr  # shown at DEBUG only


def test_a_crawl_delivers_its_feed_and_a_second_run_sees_the_first(tmp_path):
    site = build_site(articles=5)
    with PortalServer(site) as server:
        first = run_crawl(server.url, tmp_path)
        second = run_crawl(server.url, tmp_path)
    assert first.returncode == 0 and second.returncode == 0, first.stderr[-2000:]
    assert "Run healthy: 5 article(s) delivered" in first.stderr
    assert len(read_feeds(tmp_path)) == 5  # the second run delivered nothing again


def test_a_command_past_its_timeout_is_killed(tmp_path):
    site = build_site(articles=40)
    slow = ["-s", "DOWNLOAD_DELAY=1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]  # 40 s or more
    with PortalServer(site) as server:
        started = time.monotonic()
        with pytest.raises(subprocess.TimeoutExpired):
            run_crawl(server.url, tmp_path, *slow, timeout=3)
        assert time.monotonic() - started < 20
        after = run_crawl(server.url, tmp_path / "again", "-a", "full=maybe", timeout=30)
    assert after.returncode == 1  # the server still answers after a kill


def test_a_command_that_exits_with_a_message_prints_it_and_exits_1(tmp_path):
    spider = tmp_path / "stops.py"
    spider.write_text('raise SystemExit("stopped: no portal today")\n', "utf-8")
    args = ["runspider", str(spider)]
    warm, new = run_scrapy(args, tmp_path, 60), fresh(args, tmp_path)
    assert warm.returncode == new.returncode == 1
    assert "stopped: no portal today" in new.stderr
    assert "stopped: no portal today" in warm.stderr


def test_the_server_keeps_no_entry_for_finished_commands(tmp_path):
    """Each test worker runs hundreds of commands through one server; a finished command's
    entry (its pid and status) is dropped, whether it ended or was killed past its timeout."""
    args = crawl_command(URL, tmp_path, "-a", "full=maybe")[len(SCRAPY):]
    assert run_scrapy(args, PROJECT_ROOT, 60).returncode == 1
    assert _the_server().waiting == {}
    slow = tmp_path / "slow.py"
    slow.write_text("import time\ntime.sleep(60)\n", "utf-8")
    with pytest.raises(subprocess.TimeoutExpired):
        run_scrapy(["runspider", str(slow)], tmp_path, 2)
    assert _the_server().waiting == {}
