"""Usage errors: one line naming the argument or setting, exit code 1, no traceback.

Each case is a real ``scrapy crawl`` process; none of them may fetch anything or write a feed,
a report or a state.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import PROJECT_ROOT, SCRAPY, crawl_command, read_feeds, run_crawl

URL = "http://127.0.0.1:9/"  # nothing listens: a case that got as far as crawling would fail


def _one_line_usage_error(process: subprocess.CompletedProcess, *words: str) -> str:
    assert process.returncode == 1, process.stderr[-3000:]
    assert "Traceback" not in process.stderr, process.stderr[-3000:]
    lines = [line for line in process.stderr.splitlines() if line.startswith("newscrawler: ")]
    assert len(lines) == 1, process.stderr[-3000:]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _nothing_written(work) -> None:
    assert not (work / "feeds").exists() or not any((work / "feeds").iterdir())
    assert not (work / "state.sqlite").exists()


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        # a misspelt argument crawled the sample portal into the production feed and state
        (["-a", "strat_url=http://127.0.0.1:9/"], ["strat_url", "known arguments are start_url"]),
        (["-a", f"start_url={URL}", "-a", "full=maybe"], ["full='maybe'", "1/0/true/false"]),
        (["-a", f"start_url={URL}", "-a", "profile=nosuch"], ["profile='nosuch'", "profile name"]),
        (["-a", "start_url=ftp://example.com/"], ["start_url='ftp://example.com/'", "http(s) URL"]),
        (["-a", f"start_url={URL}", "-s", "LEDGER_RECHECK_WINDOW_HOURS=abc"],
         ["LEDGER_RECHECK_WINDOW_HOURS='abc'", "a number"]),
        # a setting renamed under the ledger's prefix: refused, never ignored
        (["-a", f"start_url={URL}", "-s", "RECHECK_WINDOW_HOURS=0"],
         ["RECHECK_WINDOW_HOURS was renamed LEDGER_RECHECK_WINDOW_HOURS"]),
        (["-a", f"start_url={URL}", "-s", "HEALTH_MAX_ERROR_RATIO=abc"],
         ["HEALTH_MAX_ERROR_RATIO='abc'", "from 0 to 1"]),
        (["-a", f"start_url={URL}", "-s", "INCREMENTAL_OVERLAP_PAGES=-1"],
         ["INCREMENTAL_OVERLAP_PAGES='-1'", "at least 0"]),
        (["-a", f"start_url={URL}", "-s", "SAMPLE_PORTAL_EDITION=latin1"],
         ["SAMPLE_PORTAL_EDITION", "utf-8, gbk"]),
        (["-a", f"start_url={URL}", "-s", "ROBUST_SAME_HOST_ONLY=maybe"],
         ["ROBUST_SAME_HOST_ONLY"]),
        (["-a", "start_url"], ["-a NAME=VALUE"]),  # Scrapy's own option error: 1, not 2
    ],
)
def test_bad_argument_or_setting_is_one_line_and_exit_1(tmp_path, extra, words):
    process = run_crawl(None, tmp_path, *extra, timeout=60)
    _one_line_usage_error(process, *words)
    _nothing_written(tmp_path)


def test_crawl_without_start_url_is_refused_and_says_how_to_ask_for_the_demo(tmp_path):
    process = run_crawl(None, tmp_path, timeout=60)
    _one_line_usage_error(process, "start_url", "-a demo=1")
    _nothing_written(tmp_path)


def test_missing_spider_name_and_unknown_spider_exit_1(tmp_path):
    command = crawl_command(URL, tmp_path)
    del command[command.index("portal")]
    missing = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True,
                             timeout=60)
    _one_line_usage_error(missing, "spider name")
    command = crawl_command(URL, tmp_path)
    command[command.index("portal")] = "portl"
    unknown = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True,
                             timeout=60)
    _one_line_usage_error(unknown, "'portl'", "portal")


def test_crawl_outside_the_project_exits_1_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    process = subprocess.run([*SCRAPY, "crawl", "portal", "-a", f"start_url={URL}"],
                             cwd=tmp_path, capture_output=True, text=True, timeout=60, env=env)
    # exit 2 here means the scrapy.commands entry point is not installed: run `make install`
    _one_line_usage_error(process, "scrapy.cfg")


def test_debug_log_level_shows_the_traceback(tmp_path):
    process = run_crawl(None, tmp_path, "-a", "full=maybe", "-s", "LOG_LEVEL=DEBUG", timeout=60)
    assert process.returncode == 1
    assert "Traceback" in process.stderr
    assert "newscrawler: spider argument -a full='maybe'" in process.stderr


# -- the state ---------------------------------------------------------------------------------


def _state_error(tmp_path, state, *words: str) -> None:
    process = run_crawl(URL, tmp_path, "-s", f"STATE_URI={state}", timeout=60)
    _one_line_usage_error(process, "STATE_URI", *words)


def test_state_that_is_a_directory(tmp_path):
    (tmp_path / "dir.sqlite").mkdir()
    _state_error(tmp_path, tmp_path / "dir.sqlite", "is a directory")


def test_state_in_a_folder_that_cannot_be_written(tmp_path):
    if os.geteuid() == 0:  # root writes through file modes; /proc takes no new files
        folder = "/proc/newscrawler-test"
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
    _state_error(tmp_path, f"{folder}/state.sqlite", "cannot create the state")


def test_state_that_is_junk_from_the_first_byte(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(os.urandom(64 * 1024))
    _state_error(tmp_path, junk, "not a usable SQLite state")


def test_state_damaged_in_the_middle_is_refused_before_the_run(tmp_path):
    """16 KB of junk in the middle of a good state: was 10 tracebacks and "Run healthy"."""
    with PortalServer(build_site(articles=60)) as server:
        first = run_crawl(server.url, tmp_path / "a")
        assert first.returncode == 0, first.stderr[-3000:]
        state = tmp_path / "a" / "state.sqlite"
        with sqlite3.connect(state) as db:  # fold the WAL into the file, as a backup would
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = state.stat().st_size
        assert size > 64 * 1024
        with state.open("r+b") as handle:
            handle.seek(size // 2)
            handle.write(os.urandom(16 * 1024))
        before = len(read_feeds(tmp_path / "a"))
        second = run_crawl(server.url, tmp_path / "a", "-a", "full=1")
    _one_line_usage_error(second, "STATE_URI", "damaged")
    assert len(read_feeds(tmp_path / "a")) == before



def test_make_crawl_without_portal_still_crawls_the_demo_in_one_command(tmp_path):
    venv = Path(sys.executable).parent.parent  # this interpreter's venv, already installed
    settings = (f"-s FEED_DIR={tmp_path / 'feeds'} -s STATE_URI={tmp_path / 'state.sqlite'}"
                " -s SAMPLE_PORTAL_ARTICLES=12 -s AUTOTHROTTLE_ENABLED=False")
    process = subprocess.run(
        ["make", "-o", f"{venv}/bin/scrapy", "crawl", f"VENV={venv}", f"CRAWL_ARGS={settings}"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert process.returncode == 0, process.stderr[-3000:]
    assert "-a demo=1" in process.stdout
    assert len(read_feeds(tmp_path)) == 12
