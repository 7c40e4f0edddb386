"""Health that means something: runs that went wrong exit 2 (or 130/143) and say why.

Each portal is served over HTTP on 127.0.0.1; each of these runs used to exit 0 with "Run
healthy … no problems" and mark the backfill complete, so later runs went incremental.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newscrawler.extensions.health import RunHealth, promised_total
from newscrawler.portal import PortalServer, build_site
from tests.conftest import make_crawler
from tests.crawl_helpers import PROJECT_ROOT, crawl_command, reports, run_crawl

Page = tuple[int, str, bytes]  # status, content type, body


@contextmanager
def serve(render: Callable[[str, str], Page | None]):
    """Serve ``render(path, base_url)`` on 127.0.0.1 (None: 404); yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            page = render(self.path, base)
            status, ctype, body = page or (404, "text/html", b"<h1>404</h1>")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def html(body: str, title: str = "站点") -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}"
            "</body></html>").encode()


def sample(site, path: str, base: str) -> Page | None:
    """The sample portal's answer to ``path`` (rendered for ``base``)."""
    resp = site.render(path, base)
    return (resp.status, resp.content_type, resp.body) if resp is not None else None


def backfill_marked(work) -> bool:
    with sqlite3.connect(work / "state.sqlite") as db:
        return bool(db.execute(
            "SELECT COUNT(*) FROM meta WHERE name LIKE 'backfill_complete:%'").fetchone()[0])


def unhealthy(process: subprocess.CompletedProcess, work, *kinds: str) -> dict:
    """The run exited 2, said why on stderr and in its report, and marked no backfill."""
    assert process.returncode == 2, process.stderr[-3000:]
    assert "Run healthy" not in process.stderr
    report = reports(work)[-1]
    assert report["healthy"] is False
    for kind in kinds:
        assert any(r.startswith(kind) for r in report["unhealthy_reasons"]), report
        assert f"{kind}:" in process.stderr.splitlines()[-1]
    assert not backfill_marked(work)
    return report


# -- portals that give nothing ----------------------------------------------------------------

POST = "<p>" + "这是一篇博客文章的正文，讲述了一些日常的事情。" * 12 + "</p>"


def wordpress(path: str, base: str) -> Page | None:
    posts = [f"/2024/05/post-{i}/" for i in range(60)]
    links = "".join(f"<article><h2><a href='{p}'>文章 {p}</a></h2></article>" for p in posts)
    menu = ("<nav><ul class='menu'><li><a href='/category/news/'>新闻</a></li>"
            "<li><a href='/category/life/'>生活</a></li></ul></nav>")
    if path in ("/", "/category/news/", "/category/life/"):
        return 200, "text/html; charset=utf-8", html(menu + f"<main>{links}</main>", "博客")
    if path in posts:
        n = posts.index(path)  # each post its own text: 200 characters of its own
        rng = random.Random(n)
        body = "<p>" + "".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(200))
        body += "。</p>"
        return 200, "text/html; charset=utf-8", html(
            menu + f"<article class='post'><h1>文章 {path}</h1><div class='entry-content'>"
            f"{body}</div></article>", "文章")
    return None


def test_a_wordpress_site_is_crawled_not_taken_for_list_pages(tmp_path):
    """Issue 12 found 0 of 60 posts on a WordPress site, called healthy; discovery (issue 15)
    now tells its posts from its lists, and the run delivers every post."""
    with serve(wordpress) as url:
        process = run_crawl(url, tmp_path, timeout=120)
    report = reports(tmp_path)[-1]
    assert report["articles_delivered"] == 60, (report["unhealthy_reasons"], process.stderr[-2000:])
    assert not any(r.startswith(("no articles", "listed")) for r in report["unhealthy_reasons"])


def empty_lists(path: str, base: str) -> Page | None:
    nav = ("<div class='nav'><ul><li><a href='/a/news/'>新闻</a></li>"
           "<li><a href='/a/sports/'>体育</a></li></ul></div>")
    if path == "/":
        return 200, "text/html", html(nav, "新闻网")
    if path in ("/a/news/", "/a/sports/"):  # the list is filled in by a script we never run
        return 200, "text/html", html(
            nav + "<div class='listbox'><ul class='e2' id='list'></ul></div>"
            "<script src='/js/list.js'></script>", "列表")
    return None


def test_list_pages_that_parse_to_nothing_are_unhealthy(tmp_path):
    with serve(empty_lists) as url:
        process = run_crawl(url, tmp_path, timeout=120)
    report = unhealthy(process, tmp_path, "empty lists", "no articles")
    assert report["health"]["list_pages"] == 2


def test_articles_on_another_host_name_are_counted_by_host_and_unhealthy(tmp_path):
    """Home and lists on 127.0.0.1, every article link on localhost (the same server)."""
    site = build_site(articles=60)
    article = re.compile(rb"""href=(['"])(/a/[^'"]+/\d+\.html)\1""")

    def offsite(path: str, base: str) -> Page | None:
        page = sample(site, path, base)
        if page and page[0] == 200 and not re.search(r"/\d+(_\d+)?\.html$", path):
            other = base.replace("127.0.0.1", "localhost").encode()
            page = (page[0], page[1], article.sub(rb"href=\1" + other + rb"\2\1", page[2]))
        return page

    with serve(offsite) as url:
        process = run_crawl(url, tmp_path, timeout=120)
        port = url.rsplit(":", 1)[1]
    report = unhealthy(process, tmp_path, "offsite", "empty lists")
    assert report["health"]["offsite_links"][f"localhost:{port}"] >= 50
    assert f"localhost:{port}" in process.stderr.splitlines()[-1]


def test_far_fewer_articles_than_the_lists_promise_is_unhealthy(tmp_path):
    """Three in four article pages answer 200 with a 'no such article' page (a soft 404)."""
    site = build_site(articles=60)
    soft = (200, "text/html", html("<div class='tips'>对不起，文章不存在。</div>", "提示"))

    def soft_404s(path: str, base: str) -> Page | None:
        match = re.search(r"/(\d+)(_\d+)?\.html$", path)
        if match and path.startswith("/a/") and int(match.group(1)) % 4:
            return soft
        return sample(site, path, base)

    with serve(soft_404s) as url:
        process = run_crawl(url, tmp_path, timeout=120)
    report = unhealthy(process, tmp_path, "listed")
    assert report["health"]["listed_articles"] == 60
    assert report["articles_delivered"] <= 20


def test_state_damaged_during_the_run_makes_callbacks_raise_and_the_run_unhealthy(tmp_path):
    """Junk lands in the state after the start-up check passed: every lookup that reaches
    it raises ``database disk image is malformed`` in a callback; was "Run healthy", exit 0."""
    site = build_site(articles=60)
    state = tmp_path / "state.sqlite"

    def corrupt_then_404(handler) -> None:  # robots.txt comes before any page is parsed
        with state.open("r+b") as file:
            file.seek(4096)  # keep page 1 (the schema); everything after it is junk
            file.write(os.urandom(state.stat().st_size - 4096))
        handler.send_response(404)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    with PortalServer(site) as server:
        first = run_crawl(server.url, tmp_path)
        assert first.returncode == 0, first.stderr[-3000:]
        db = sqlite3.connect(state, isolation_level=None)
        db.execute("DELETE FROM meta")  # the next run is a full one again
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        server.faults["/robots.txt"] = corrupt_then_404
        second = run_crawl(server.url, tmp_path)
    assert second.returncode == 2, second.stderr[-3000:]
    report = reports(tmp_path)[-1]
    reasons = " ".join(report["unhealthy_reasons"])
    assert "spider errors:" in reasons and "state damaged:" in reasons, reasons
    assert "malformed" in reasons
    assert "state damaged" in second.stderr.splitlines()[-1]


# -- interrupted runs --------------------------------------------------------------------------


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_run_has_its_own_exit_code_and_says_so(tmp_path, signum, code):
    with PortalServer(build_site(articles=200)) as server:
        slow = ["-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
        crawl = subprocess.Popen(crawl_command(server.url, tmp_path, *slow), cwd=PROJECT_ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while len(server.requests()) < 30 and time.monotonic() < deadline:
            time.sleep(0.05)
        crawl.send_signal(signum)
        _, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == code, stderr[-3000:]
    assert "Run healthy" not in stderr
    assert "interrupted" in stderr.splitlines()[-1]
    report = reports(tmp_path)[-1]
    assert report["interrupted"] is True and report["finish_reason"] == "shutdown"
    assert any(r.startswith("interrupted") for r in report["unhealthy_reasons"])
    assert signal.Signals(signum).name in " ".join(report["unhealthy_reasons"])
    assert not backfill_marked(tmp_path)


# -- the verdict's API and arithmetic ----------------------------------------------------------


def test_run_health_is_a_crawler_attribute_others_can_add_to(tmp_path):
    crawler = make_crawler(STATE_URI=str(tmp_path / "state.sqlite"))
    health = RunHealth.from_crawler(crawler)
    assert crawler.run_health is health
    crawler.stats.set_value("crawl/pages/home", 1)
    assert health.verdict() == [] and health.healthy
    health.add("feed: could not write data/feeds/x.jsonl (No space left on device)")
    health.add("feed: could not write data/feeds/x.jsonl (No space left on device)")
    assert health.verdict() == health.verdict() == [
        "feed: could not write data/feeds/x.jsonl (No space left on device)"]
    assert not health.healthy
    assert crawler.stats.get_value("health/reasons") is None  # the verdict is not a stat


def test_page_counts_of_nested_sections_are_not_counted_twice():
    counts = {"http://p/a/shehui": 30, "http://p/a/shehui/fazhi": 12,
              "http://p/a/shehui/redian": 18, "http://p/a/guoji": 7}
    assert promised_total(counts) == 37  # the parent's 30 includes its children's 12 + 18
    counts["http://p/a/shehui"] = 5  # a parent that lists only its own articles
    assert promised_total(counts) == 37


def test_a_mobile_copy_of_every_article_is_not_an_offsite_problem(tmp_path):
    from scrapy.http import HtmlResponse

    def list_page(links: list[str]) -> HtmlResponse:
        body = "".join(f"<li><a href='{u}'>标题</a></li>" for u in links)
        return HtmlResponse("http://news.example.com/a/x/list_1_1.html", body=body.encode(),
                            encoding="utf-8")

    onsite = [f"http://news.example.com/a/x/2026/0101/{i}.html" for i in range(10)]
    mobile = [f"http://m.example.com/a/x/2026/0101/{i}.html" for i in range(10)]
    crawler = make_crawler(STATE_URI=str(tmp_path / "state.sqlite"))
    health = RunHealth.from_crawler(crawler)
    crawler.stats.set_value("crawl/pages/home", 1)
    health.on_list_page(list_page(onsite + mobile), entries=onsite)
    assert health.offsite_links == {"m.example.com": set(mobile)}
    assert not any(r.startswith("offsite") for r in health.verdict())
    health.on_list_page(list_page(mobile + [u.replace("/x/", "/y/") for u in mobile]), entries=[])
    assert any(r.startswith("offsite: 20 article link(s)") for r in health.verdict())
