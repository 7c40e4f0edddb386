"""Cron-readiness: the run lock, exit codes, and the README's crontab line in a bare env."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from scrapy.settings import Settings

from newscrawler.extensions.health import assess
from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import PROJECT_ROOT, crawl_command, read_feeds, run_crawl


def test_second_run_with_the_same_state_exits_at_once_with_75(tmp_path):
    site = build_site(articles=80)
    with PortalServer(site) as server:
        slow = ["-s", "DOWNLOAD_DELAY=0.1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
        first = subprocess.Popen(
            crawl_command(server.url, tmp_path, *slow), cwd=PROJECT_ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        try:
            deadline = time.monotonic() + 30
            while not server.requests() and time.monotonic() < deadline:
                time.sleep(0.05)
            started = time.monotonic()
            second = run_crawl(server.url, tmp_path)
            elapsed = time.monotonic() - started
        finally:
            first.kill()
            first.wait()
    assert second.returncode == 75
    assert "another crawl is running with the state" in second.stderr
    assert "Traceback" not in second.stderr  # one line, not the 50-line traceback
    assert elapsed < 15  # exits at once (start-up of the Python process aside)
    assert not list((tmp_path / "feeds").glob("*.report.json"))  # the second run did nothing


def test_unreachable_portal_exits_2_with_the_reason(tmp_path):
    closed_port = "http://127.0.0.1:9/"  # discard port: nothing listens
    process = run_crawl(closed_port, tmp_path, "-s", "RETRY_TIMES=0")
    assert process.returncode == 2, process.stderr[-2000:]
    assert "unhealthy run: unreachable" in process.stderr


def test_healthy_run_exits_0(tmp_path):
    with PortalServer(build_site(articles=15)) as server:
        process = run_crawl(server.url, tmp_path)
    assert process.returncode == 0, process.stderr[-2000:]


def _settings(**values) -> Settings:
    settings = Settings()
    settings.setmodule("newscrawler.settings")
    settings.setdict(values, priority="cmdline")
    return settings


def test_health_rules():
    good = {"crawl/pages/home": 1, "crawl/pages/article": 50, "fields/checked": 50}
    assert assess(good, _settings()) == []
    assert assess({**good, "crawl/pages/home": 0}, _settings())[0].startswith("unreachable")
    failing = {**good, "crawl/failed/article": 40}
    assert any(r.startswith("errors") for r in assess(failing, _settings()))
    collapsed = {**good, "fields/missing/published_at": 45}
    assert any(r.startswith("coverage:published_at") for r in assess(collapsed, _settings()))
    few = {**good, "fields/checked": 3, "fields/missing/published_at": 3}
    assert assess(few, _settings()) == []  # too few records to judge coverage
    no_source = {**good, "fields/missing/source": 50}
    assert assess(no_source, _settings()) == []  # a portal that never names a source
    assert assess(no_source, _settings(), {"source": 0.1}) == []
    dropped = assess(no_source, _settings(), {"source": 0.9})  # it did: a template change
    assert dropped and dropped[0].startswith("coverage:source")


def _readme_cron_line() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    match = re.search(r"^(\*/\d+ \* \* \* \* .+)$", readme, re.M)
    assert match, "README documents no crontab line"
    return match.group(1)


def test_readme_crontab_line_works_in_crons_bare_environment(tmp_path):
    line = _readme_cron_line()
    command = line.split(None, 5)[5]
    scrapy = str(Path(sys.executable).with_name("scrapy"))
    with PortalServer(build_site(articles=12)) as server:
        command = (
            command.replace("/path/to/newscrawler", str(PROJECT_ROOT))
            .replace(".venv/bin/scrapy", scrapy)
            .replace("http://news.example.com/", server.url + "/")
            .replace("/var/lib/newscrawler", str(tmp_path))
        )
        process = subprocess.run(
            ["env", "-i", "/bin/sh", "-c", command], cwd="/", capture_output=True, text=True,
            timeout=120,
        )
    log = tmp_path / "cron.log"
    assert process.returncode == 0, (command, log.read_text()[-2000:] if log.exists() else "")
    assert len(read_feeds(tmp_path)) == 12


def test_schedule_command_runs_the_crawl_on_a_cron_expression(tmp_path):
    site = build_site(articles=10)
    with PortalServer(site) as server:
        command = crawl_command(server.url, tmp_path)
        command[command.index("crawl")] = "schedule"
        process = subprocess.run(
            [*command, "--cron", "* * * * * */2", "--max-runs", "2"], cwd=PROJECT_ROOT,
            capture_output=True, text=True, timeout=180,
        )
    assert process.returncode == 0, process.stderr[-3000:]
    assert process.stderr.count("Scheduled run") == 2
    assert len(read_feeds(tmp_path)) == 10  # the second run found nothing new


def test_schedule_refuses_a_bad_cron_expression(tmp_path):
    command = crawl_command("http://127.0.0.1:9/", tmp_path)
    command[command.index("crawl")] = "schedule"
    process = subprocess.run([*command, "--cron", "every tuesday"], cwd=PROJECT_ROOT,
                             capture_output=True, text=True, timeout=60)
    assert process.returncode == 1
    assert "not a valid cron expression" in process.stderr
    assert "Traceback" not in process.stderr


def test_runs_in_the_same_second_keep_their_own_reports(tmp_path):
    from newscrawler.extensions.report import RunReport
    from tests.conftest import make_crawler

    crawler = make_crawler(FEED_DIR=str(tmp_path))
    spider = type("S", (), {"name": "portal"})()
    for _ in range(3):  # within one second: the same time-stamped name
        RunReport(crawler).spider_closed(spider, "finished")
    assert len(list(tmp_path.glob("*.report.json"))) == 3
