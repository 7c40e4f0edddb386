"""Retry-After over real HTTP: the busy host rests, the other host keeps being crawled.

Two sample portals on two ports; one answers its first page with ``429 Retry-After: 2``.
A bare Scrapy crawl (only ``RetryAfterMiddleware`` of ours, AutoThrottle on) fetches pages of
both, each host in its own downloader slot (``download_slot`` = host:port, since Scrapy keys
slots by host name alone and both portals live on 127.0.0.1). The servers record when each
page was asked for, so the timing is read on the server side.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

from newscrawler.portal import PortalServer, build_site
from newscrawler.portal import faults as F
from tests.crawl_helpers import PROJECT_ROOT

RETRY_AFTER = 2
OK = b"<html><head><title>ok</title></head><body>ok</body></html>"

CRAWL = r"""
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

busy, other = json.loads(sys.argv[1])

class TwoHosts(scrapy.Spider):
    name = "two_hosts"

    async def start(self):
        for base, prefix, count in ((busy, "a", 8), (other, "b", 24)):
            for i in range(count):
                yield scrapy.Request(f"{base}/{prefix}{i}.html", dont_filter=True,
                                     meta={"download_slot": base.split("//")[1]})

    def parse(self, response):
        pass

process = CrawlerProcess({
    "DOWNLOADER_MIDDLEWARES": {"newscrawler.middlewares.retry_after.RetryAfterMiddleware": 555},
    "ROBUST_RETRY_AFTER_MAX": 10, "ROBUST_RETRY_BACKOFF_BASE": 0.1,
    "ROBUST_RETRY_BACKOFF_MAX": 1, "RETRY_TIMES": 2,
    "AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_START_DELAY": 0.05,
    "CONCURRENT_REQUESTS": 4, "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "INFO",
})
process.crawl(TwoHosts)
process.start()
"""


def _slow_ok(handler) -> None:
    """A page that takes 0.1 s, so the other host's pages span the whole wait."""
    time.sleep(0.1)
    F.page(OK)(handler)


def test_retry_after_rests_one_host_while_the_other_keeps_flowing():
    with PortalServer(build_site(1)) as busy, PortalServer(build_site(1)) as other:
        busy_faults, other_faults = F.install(busy), F.install(other)
        busy_faults.add("/a0.html", F.status(429, retry_after=RETRY_AFTER), times=1)
        busy_faults.add("/a0.html", F.page(OK))  # its retry
        busy_pages = re.compile(r"^/a[1-7]\.html$")
        busy_faults.add(busy_pages, F.page(OK))
        other_pages = re.compile(r"^/b\d+\.html$")
        other_faults.add(other_pages, _slow_ok)
        process = subprocess.run(
            [sys.executable, "-c", CRAWL, json.dumps([busy.url, other.url])],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
        )
        t429, retried = busy_faults.hits("/a0.html")
        busy_hits = busy_faults.hits(busy_pages)
        other_hits = other_faults.hits(other_pages)
    assert process.returncode == 0, process.stderr[-3000:]
    assert "Traceback" not in process.stderr, process.stderr[-3000:]
    assert retried - t429 >= RETRY_AFTER
    assert len(busy_hits) == 7  # a1..a7: nothing lost
    # the busy host got nothing at all while it was resting (a0's retry comes last: Scrapy
    # lowers a retry's priority)...
    assert all(t >= t429 + RETRY_AFTER for t in busy_hits), [t - t429 for t in busy_hits]
    # ...while the other host's pages kept coming, without a pause
    during = sorted(t for t in other_hits if t429 < t < retried)
    assert len(during) >= 5, [t - t429 for t in sorted(other_hits)]
    edges = [t429, *during, retried]
    gaps = [round(b - a, 3) for a, b in zip(edges, edges[1:], strict=False)]
    assert max(gaps) < RETRY_AFTER / 2, gaps  # never stalled for the wait (loaded box: slack)
    assert len(other_hits) == 24
    stats = process.stderr
    assert "'robust/retry_after/honoured': 1" in stats
    assert "'robust/retry_wait/count': 1" in stats
