"""Delivered means in a feed file: feeds that cannot be written fail the run, record nothing,
and the next run delivers every article exactly once (real crawls, real files)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import (
    PROJECT_ROOT,
    crawl_command,
    feed_files,
    read_feeds,
    read_jsonl,
    run_crawl,
)

# Root writes anywhere; without these capabilities a read-only folder is read-only for it too.
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.fixture(scope="module")
def portal():
    site = build_site(articles=30)
    with PortalServer(site) as server:
        yield site, server


def delivered_keys(work: Path) -> int:
    db = sqlite3.connect(work / "state.sqlite")
    try:
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        db.close()


def assert_exactly_once(records: list[dict], site, server) -> None:
    counts = Counter(record["url"] for record in records)
    assert set(counts) == {r["url"] for r in site.ground_truth(server.url)}
    assert max(counts.values()) == 1


def test_feed_dir_under_a_regular_file_fails_the_run_and_records_nothing(portal, tmp_path):
    site, server = portal
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    bad = run_crawl(server.url, tmp_path, "-s", f"FEED_DIR={blocker / 'feeds'}")
    assert bad.returncode != 0
    assert str(blocker / "feeds") in bad.stderr and "Not a directory" in bad.stderr
    assert delivered_keys(tmp_path) == 0  # nothing unwritten is recorded as delivered
    good = run_crawl(server.url, tmp_path)
    assert good.returncode == 0, good.stderr[-3000:]
    assert_exactly_once(read_feeds(tmp_path), site, server)


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root and setpriv to make a folder read-only for root")
def test_read_only_feed_dir_fails_the_run_and_the_next_run_delivers_all(portal, tmp_path):
    site, server = portal
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    feeds.chmod(0o555)
    bad = subprocess.run([*NO_OVERRIDE, *crawl_command(server.url, tmp_path)], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=240)
    assert bad.returncode != 0
    assert "Permission denied" in bad.stderr and str(feeds) in bad.stderr
    assert delivered_keys(tmp_path) == 0
    feeds.chmod(0o755)  # the operator fixes the folder
    good = run_crawl(server.url, tmp_path)
    assert good.returncode == 0, good.stderr[-3000:]
    assert_exactly_once(read_feeds(tmp_path), site, server)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 48 KB tmpfs: a feed fills it after a few articles."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_full_disk_fails_the_run_without_a_torn_line_and_the_next_run_delivers_the_rest(
        portal, tmp_path, tiny_disk):
    site, server = portal
    feeds = tiny_disk / "feeds"
    bad = run_crawl(server.url, tmp_path, "-s", f"FEED_DIR={feeds}")
    assert bad.returncode != 0
    assert "No space left on device" in bad.stderr
    first = [p for p in feeds.glob("*.jsonl*") if not p.name.endswith(".report.json")]
    assert len(first) == 1 and first[0].name.endswith(".jsonl")  # published: complete lines
    raw = first[0].read_bytes()
    assert raw and raw.endswith(b"\n")
    written = read_jsonl(first[0])  # every line parses: no torn line
    assert 0 < len(written) < len(site.ground_truth(server.url))
    assert delivered_keys(tmp_path) == len(written)  # exactly what the file holds
    subprocess.run(["mount", "-o", "remount,size=8m", str(tiny_disk)], check=True)  # space freed
    good = run_crawl(server.url, tmp_path, "-s", f"FEED_DIR={feeds}")
    assert good.returncode == 0, good.stderr[-3000:]
    records = [r for path in sorted(feeds.glob("*.jsonl")) for r in read_jsonl(path)]
    assert_exactly_once(records, site, server)


def test_bad_output_path_fails_the_run_and_records_nothing(portal, tmp_path):
    site, server = portal
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    bad = run_crawl(server.url, tmp_path, "-O", str(blocker / "out.jsonl"))
    assert bad.returncode != 0
    assert str(blocker) in bad.stderr
    assert delivered_keys(tmp_path) == 0
    good = run_crawl(server.url, tmp_path, "-O", str(tmp_path / "out.jsonl"))
    assert good.returncode == 0, good.stderr[-3000:]
    assert_exactly_once(read_jsonl(tmp_path / "out.jsonl"), site, server)


def test_dash_o_file_survives_sigkill_and_the_next_run_completes_it_exactly_once(tmp_path):
    site = build_site(articles=150)
    out = tmp_path / "out.jsonl"
    slow = ["-s", "CONCURRENT_REQUESTS=2", "-s", "DOWNLOAD_DELAY=0.02", "-o", str(out)]
    with PortalServer(site) as server:
        process = subprocess.Popen(crawl_command(server.url, tmp_path, *slow), cwd=PROJECT_ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 20:
                break
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        lines_at_kill = out.read_bytes().count(b"\n")
        assert lines_at_kill >= 20  # every line written before the kill is in the file
        final = run_crawl(server.url, tmp_path, "-o", str(out))
        assert final.returncode == 0, final.stderr[-3000:]
        assert_exactly_once(read_jsonl(out), site, server)
    assert not feed_files(tmp_path)  # -o replaces the per-run feed
