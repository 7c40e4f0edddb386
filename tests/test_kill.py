"""Kill -9 at random moments: no article lost, none delivered twice.

Each crawl is started as a real ``scrapy crawl`` process and killed with SIGKILL after a
random delay; a final run goes to the end. The union of every complete feed file must equal
the portal's ground truth, each article exactly once. On the default portal, and on portals of
other shapes (DedeCms dynamic mode, PHPCMS v9, EmpireCMS dynamic pages): kill safety is the
ledger's and the feed's, whatever the portal's URLs look like.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections import Counter

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import (
    PROJECT_ROOT,
    crawl_command,
    feed_files,
    read_feeds,
    reports,
    run_crawl,
)

KILLS = 5


def _wait_for_delivery(folder, process, before: set, timeout: float = 30) -> None:
    """Return once the running crawl has written a line to a feed file of its own."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        fresh = [p for p in folder.glob("*.jsonl.part") if p.name not in before]
        if any(p.exists() and p.stat().st_size for p in fresh):
            return
        time.sleep(0.02)


@pytest.mark.parametrize(("variant", "articles", "kills"), [
    ("default", 300, KILLS),
    ("dede-dynamic", 150, 3),
    ("phpcms-static", 150, 3),
    ("empire-dynamic", 150, 3),
])
def test_sigkill_at_random_points_then_rerun_delivers_each_article_once(
        tmp_path, variant, articles, kills):
    site = build_site(articles=articles, variant=variant)
    rng = random.Random()
    seed = int(os.environ.get("NEWSCRAWLER_KILL_SEED") or rng.randrange(1 << 30))
    rng.seed(seed)
    slow = ["-s", "CONCURRENT_REQUESTS=4", "-s", "DOWNLOAD_DELAY=0.02"]
    with PortalServer(site) as server:
        for _ in range(kills):
            before = {p.name for p in (tmp_path / "feeds").glob("*.part")}
            process = subprocess.Popen(
                crawl_command(server.url, tmp_path, *slow), cwd=PROJECT_ROOT,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            _wait_for_delivery(tmp_path / "feeds", process, before)
            time.sleep(rng.uniform(0.0, 1.0))  # somewhere in the middle of delivering
            process.send_signal(signal.SIGKILL)
            process.wait()
        final = run_crawl(server.url, tmp_path)
        truth = site.ground_truth(server.url)
    assert final.returncode == 0, final.stderr[-3000:]
    counts = Counter(record["url"] for record in read_feeds(tmp_path))
    duplicates = {url: n for url, n in counts.items() if n > 1}
    assert not duplicates, f"delivered twice ({variant}, seed {seed}): {duplicates}"
    assert set(counts) == {r["url"] for r in truth}, f"{variant}, seed {seed}"
    assert not list((tmp_path / "feeds").glob("*.part"))
    # Killed runs write no report; their feeds exist only because a later run recovered them.
    assert len(feed_files(tmp_path)) > len(reports(tmp_path)), "no kill landed mid-delivery"
