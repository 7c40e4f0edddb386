"""``scrapy schedule``: stoppable with signals, checked before the first run, bounded reports.

Real ``scrapy schedule`` processes, their real ``scrapy crawl`` children and real signals.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
from datetime import datetime

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import PROJECT_ROOT, crawl_command, read_feeds, reports

EVERY_SECOND = "* * * * * */1"
ONCE_A_YEAR = "0 0 1 1 *"


def schedule_command(start_url: str | None, work, cron: str, *extra: str) -> list[str]:
    command = crawl_command(start_url, work, *extra)
    command[command.index("crawl")] = "schedule"
    return [*command, "--cron", cron]


def start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def wait_for_requests(server: PortalServer, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(server.requests()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(server.requests()) >= count, "the scheduled run did not start"


SLOW = ["-s", "DOWNLOAD_DELAY=0.03", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]


def test_sigterm_stops_the_schedule_after_the_current_run(tmp_path):
    site = build_site(articles=60)
    with PortalServer(site) as server:
        schedule = start(schedule_command(server.url, tmp_path, EVERY_SECOND, *SLOW))
        wait_for_requests(server, 10)
        os.kill(schedule.pid, signal.SIGTERM)  # the schedule only, as `docker stop` does
        _, stderr = schedule.communicate(timeout=180)
        truth = site.ground_truth(server.url)
    assert schedule.returncode == 143, stderr[-3000:]
    assert stderr.count("Scheduled run") == 1  # no run after the signal
    assert "Run 1 ended with exit code 0" in stderr  # the current run was finished, not cut
    assert len(read_feeds(tmp_path)) == len(truth)
    assert "Schedule stopped by SIGTERM (after the current run)" in stderr


def test_a_second_signal_stops_the_run_at_once(tmp_path):
    with PortalServer(build_site(articles=200)) as server:
        schedule = start(schedule_command(server.url, tmp_path, EVERY_SECOND, *SLOW))
        wait_for_requests(server, 10)
        os.kill(schedule.pid, signal.SIGINT)
        time.sleep(0.5)
        os.kill(schedule.pid, signal.SIGINT)
        stopped = time.monotonic()
        _, stderr = schedule.communicate(timeout=120)
        elapsed = time.monotonic() - stopped
    assert schedule.returncode == 130, stderr[-3000:]
    assert "Run 1 ended with exit code 130" in stderr  # the run was interrupted, and said so
    assert len(read_feeds(tmp_path)) < 200
    assert elapsed < 20
    assert reports(tmp_path)[-1]["interrupted"] is True


def wait_for_line(process: subprocess.Popen, words: str, timeout: float = 60) -> str:
    """The process's stderr up to the first line holding ``words``, read as it comes."""
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], deadline - time.monotonic())
        line = process.stderr.readline() if ready else ""
        if not line:
            break
        lines.append(line)
        if words in line:
            return "".join(lines)
    raise AssertionError(f"no {words!r} within {timeout} s: {''.join(lines)[-3000:]}")


def test_a_signal_while_waiting_stops_at_once_without_a_run(tmp_path):
    schedule = start(schedule_command("http://127.0.0.1:9/", tmp_path, ONCE_A_YEAR))
    waiting = wait_for_line(schedule, "Next run due")  # start-up done: the wait for January
    assert schedule.poll() is None
    os.kill(schedule.pid, signal.SIGINT)
    _, stderr = schedule.communicate(timeout=30)
    assert schedule.returncode == 130, stderr[-3000:]
    assert "Scheduled run" not in waiting + stderr
    assert f"Next run due {datetime.now().year + 1}-01-01T00:00:00" in waiting


def test_start_url_is_checked_before_the_first_run(tmp_path):
    """The first run is next January: the refusal must come now, not then."""
    for arguments, words in [
        (["-a", "start_url=ftp://example.com/"], "start_url='ftp://example.com/'"),
        ([], "-a demo=1"),
        (["-a", "start_url=http://127.0.0.1:9/", "-s", "LEDGER_RECHECK_WINDOW_HOURS=abc"],
         "LEDGER_RECHECK_WINDOW_HOURS"),
        (["-a", "start_url=http://127.0.0.1:9/", "no cron"], "--cron is missing"),
    ]:
        command = schedule_command(None, tmp_path, ONCE_A_YEAR, *arguments)
        if "no cron" in command:  # the same command without its --cron option
            command = [a for a in command if a not in ("no cron", "--cron", ONCE_A_YEAR)]
        process = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True,
                                 timeout=60)
        assert process.returncode == 1, process.stderr[-3000:]
        assert "Traceback" not in process.stderr
        assert words in process.stderr.splitlines()[-1]


def test_reports_of_empty_runs_are_kept_to_a_bound_and_runs_with_articles_keep_theirs(tmp_path):
    with PortalServer(build_site(articles=10)) as server:
        process = subprocess.run(
            [*schedule_command(server.url, tmp_path, EVERY_SECOND, "-s", "REPORTS_KEEP_EMPTY=2"),
             "--max-runs", "5"],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=240,
        )
    assert process.returncode == 0, process.stderr[-3000:]
    assert process.stderr.count("Scheduled run") == 5
    kept = reports(tmp_path)
    assert [r["articles_delivered"] for r in kept] == [10, 0, 0]  # 4 empty runs, 2 kept
    assert len(read_feeds(tmp_path)) == 10
