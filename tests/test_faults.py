"""Fault matrix, end to end: real ``scrapy crawl`` runs against a portal having a bad day.

One portal gets a different fault on each of ~37 articles at once (they do not interfere: each
is one page), plus a 503 on page 2 of a three-page article, and is crawled twice. Run 1 must
finish, deliver every good article once, count every fault under its own reason in the run
report, and remember exactly the transient ones as pending. Before run 2 the transient faults
heal (the permanent ones stay): run 2 must bring exactly the articles behind the transient
faults. List-page and site-wide faults interfere with each other's articles, so they get their
own crawl (``tests/test_faults_site.py``).

Short timeouts keep it fast: DOWNLOAD_TIMEOUT=2, RETRY_TIMES=2, backoff 0.1 s.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from newscrawler.portal import PortalServer, build_site
from newscrawler.portal import faults as F
from tests.crawl_helpers import feed_files, read_jsonl, reports, run_crawl

FAST_FAULTS = [
    "-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=2", "-s", "DOWNLOAD_MAXSIZE=200000",
    "-s", "DOWNLOAD_WARNSIZE=0", "-s", "ROBUST_RETRY_BACKOFF_BASE=0.1",
    "-s", "ROBUST_RETRY_AFTER_MAX=3", "-s", "LEDGER_RECHECK_WINDOW_HOURS=0",
]


@dataclass(frozen=True)
class Case:
    """One fault on one article, and what the crawler must make of it."""

    name: str
    outcome: str  # "transient" | "permanent" | "delivered" | "dropped" | "not_a_failure"
    reason: str | None = None  # crawl/failed/reason/<reason>, or the dropped/<reason>
    xfail: str | None = None  # a known gap outside this suite's owner, with its owner


CASES = [
    # transient: retried with backoff in the run, then remembered for the next run
    Case("http_500", "transient", "http_500"),
    Case("http_502", "transient", "http_502"),
    Case("http_503_retry_after", "transient", "http_503"),
    Case("http_429_retry_after", "transient", "http_429"),
    Case("retry_after_too_long", "transient", "http_503"),
    Case("connection_reset", "transient", "connection_lost"),
    Case("connection_closed", "transient", "connection_closed"),
    Case("hang_after_headers", "transient", "timeout"),
    Case("hang_before_headers", "transient", "timeout"),
    Case("trickle", "transient", "timeout"),
    Case("slow_over_timeout", "transient", "timeout"),
    Case("truncated_body", "transient", "data_loss"),
    # permanent: reported, not remembered
    Case("not_found", "permanent", "http_404"),
    Case("pdf", "permanent", "non_html"),
    Case("image", "permanent", "non_html"),
    Case("untyped_pdf", "permanent", "non_html"),
    Case("huge", "permanent", "too_large"),
    Case("huge_unannounced", "permanent", "too_large"),
    Case("redirect_loop", "permanent", "redirect_loop"),
    Case("redirect_loop_two_step", "permanent", "redirect_loop"),
    Case("redirect_chain_too_long", "permanent", "too_many_redirects"),
    Case("redirect_other_ip", "permanent", "redirect_offsite"),
    Case("redirect_other_port", "permanent", "redirect_offsite"),
    Case("redirect_unresolvable", "permanent", "redirect_offsite"),
    Case("redirect_file_scheme", "permanent", "redirect_bad_scheme"),
    # reported, but a redirect to a page already fetched is not the portal failing
    Case("redirect_to_seen_page", "not_a_failure", "redirect_duplicate"),
    # the article arrives in run 1 as if nothing happened
    Case("heals_after_two_503", "delivered"),
    Case("slow_within_timeout", "delivered"),
    Case("short_redirect_chain", "delivered"),
    Case("meta_refresh", "delivered"),  # a "moved" page: <meta http-equiv="Refresh"> to it
    Case("wrong_charset_header", "delivered"),
    Case("no_charset_anywhere", "delivered"),
    Case("wrong_meta_charset", "delivered"),
    Case("malformed_unclosed_tags", "delivered"),
    Case("stray_html_end", "delivered"),
    Case("invalid_bytes", "delivered"),
    # an article page without its title or body is no article
    Case("no_title", "dropped", "missing_title"),
    Case("no_body", "dropped", "missing_body"),
]
BY_NAME = {case.name: case for case in CASES}


Rules = list[tuple[str, F.Fault, int | None]]


def _fault_for(name: str, path: str, traps: dict[str, str]) -> Rules:
    """(target, fault, times) rules that put fault ``name`` on the article at ``path``."""
    one = {
        "http_500": F.status(500),
        "http_502": F.status(502),
        "http_503_retry_after": F.status(503, retry_after=1),
        "http_429_retry_after": F.status(429, retry_after=1),
        "retry_after_too_long": F.status(503, retry_after=3600),
        "connection_reset": F.reset(),
        "connection_closed": F.close(),
        "hang_after_headers": F.hang(20),
        "hang_before_headers": F.hang(20, headers=False),
        "trickle": F.trickle(0.3),
        "slow_over_timeout": F.slow(6),
        "truncated_body": F.truncated(0.5),
        "not_found": F.not_found(),
        "pdf": F.content_type("application/pdf", F.PDF),
        "image": F.content_type("image/png", F.PNG),
        "untyped_pdf": F.content_type("application/octet-stream", F.PDF),
        "huge": F.huge(300_000),
        "huge_unannounced": F.huge(300_000, announce=False),
        "redirect_loop": F.redirect(path),
        "redirect_other_ip": F.redirect(traps["ip"] + path),
        "redirect_other_port": F.redirect(traps["port"] + path),
        "redirect_unresolvable": F.redirect("http://no-such-host.invalid" + path),
        "redirect_file_scheme": F.redirect("file:///etc/passwd"),
        "redirect_to_seen_page": F.redirect("/"),
        "slow_within_timeout": F.slow(0.5),
        "wrong_charset_header": F.rewrite(lambda body: body, "text/html; charset=iso-8859-1"),
        "no_charset_anywhere": F.rewrite(F.charset(None, None)),
        "wrong_meta_charset": F.rewrite(F.charset(None, "big5")),
        "malformed_unclosed_tags": F.rewrite(F.malformed()),
        "stray_html_end": F.rewrite(F.stray_html_end()),
        "invalid_bytes": F.rewrite(F.invalid_bytes()),
        "no_title": F.rewrite(F.without_title()),
        "no_body": F.rewrite(F.without_body()),
    }
    if name in one:
        return [(path, one[name], None)]
    if name == "heals_after_two_503":
        return [(path, F.status(503), 2)]
    if name == "redirect_loop_two_step":
        return [(path, F.redirect(path + "?step=2"), None),
                (path + "?step=2", F.redirect(path), None)]
    if name == "redirect_chain_too_long":  # REDIRECT_MAX_TIMES is 5
        hops = [path] + [f"/go/{name}/{i}" for i in range(1, 9)]
        return [(a, F.redirect(b), None) for a, b in zip(hops, hops[1:], strict=False)]
    if name == "meta_refresh":  # ends at the article under a tracking parameter
        moved = (f'<html><head><META HTTP-EQUIV="Refresh" CONTENT="0; URL={path}?spm=moved">'
                 f"</head><body>页面已迁移</body></html>").encode()
        return [(path, F.page(moved), None)]
    if name == "short_redirect_chain":  # ends at the article under a tracking parameter
        hops = [path, f"/go/{name}/1", f"/go/{name}/2", path + "?spm=chain"]
        return [(a, F.redirect(b, 301), None) for a, b in zip(hops, hops[1:], strict=False)]
    raise KeyError(name)


def _plain_articles(site) -> list[str]:
    """Single-page articles that are no named edge case, oldest id first."""
    edge = set(site.edge_cases.values())
    arts = sorted(site.articles.values(), key=lambda a: a.aid)
    return [site.path(a) for a in arts if a.aid not in edge and len(a.pages) == 1]


def _pending(work: Path) -> set[str]:
    with sqlite3.connect(work / "state.sqlite") as db:
        return {row[0] for row in db.execute("SELECT url FROM pending")}


@dataclass
class Matrix:
    site: object
    base: str
    paths: dict[str, str]  # case name -> article path
    truth: dict[str, dict]
    runs: list  # finished processes
    feeds: list[list[dict]]  # records per run
    reports: list[dict]
    pending_after_run1: set[str]
    hits_run1: dict[str, list[float]]
    trap_requests: list[str]
    multipage: str  # path of page 1 of the article whose page 2 failed in run 1

    def url(self, name: str) -> str:
        return self.base + self.paths[name]


@pytest.fixture(scope="module")
def matrix(tmp_path_factory) -> Matrix:
    work = tmp_path_factory.mktemp("fault-matrix")
    site = build_site(articles=120)
    trap_ip = PortalServer(build_site(5), host="127.0.0.2").start()
    trap_port = PortalServer(build_site(5)).start()
    traps = {"ip": trap_ip.url, "port": trap_port.url}
    try:
        with PortalServer(site) as server:
            faults = F.install(server)
            paths = dict(zip([c.name for c in CASES], _plain_articles(site), strict=False))
            rules = {name: _fault_for(name, path, traps) for name, path in paths.items()}
            for entries in rules.values():
                for target, fault, times in entries:
                    faults.add(target, fault, times)
            multipage = site.articles[site.edge_cases["three_pages"]]
            page2 = site.path(multipage, 2)
            faults.add(page2, F.status(503))  # page 2 of 3 of one article: transient
            first = run_crawl(server.url, work, *FAST_FAULTS, timeout=120)
            pending = _pending(work)
            hits = {name: faults.hits(path) for name, path in paths.items()}
            feeds1 = [read_jsonl(p) for p in feed_files(work)]
            faults.heal(page2)  # heal the transient faults only
            for name, entries in rules.items():
                if BY_NAME[name].outcome == "transient":
                    for target, _fault, _times in entries:
                        faults.heal(target)
            second = run_crawl(server.url, work, *FAST_FAULTS, timeout=120)
            files = feed_files(work)
            feeds = [sum(feeds1, []), read_jsonl(files[-1]) if len(files) > len(feeds1) else []]
            truth = {r["url"]: r for r in site.ground_truth(server.url)}
            base = server.url
    finally:
        trap_requests = trap_ip.requests() + trap_port.requests()
        trap_ip.stop()
        trap_port.stop()
    return Matrix(site, base, paths, truth, [first, second], feeds, reports(work), pending,
                  hits, trap_requests, site.path(multipage))


def test_every_case_has_an_article(matrix):
    assert len(matrix.paths) == len(CASES)


def test_both_runs_finish_and_report(matrix):
    for process in matrix.runs:
        assert process.returncode == 0, process.stderr[-3000:]
        assert "Traceback" not in process.stderr, process.stderr[-3000:]
        assert "Warning" not in process.stderr  # no deprecated signatures in our middlewares
    assert [r["finish_reason"] for r in matrix.reports] == ["finished", "finished"]
    assert matrix.reports[1]["mode"] == "incremental"  # no list page failed: backfill done


def test_every_good_article_is_delivered_once_and_exactly(matrix):
    faulted = {matrix.url(name) for name in matrix.paths} | {matrix.base + matrix.multipage}
    records = matrix.feeds[0]
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls))
    good = set(matrix.truth) - faulted
    assert good <= set(urls)
    for record in records:
        if record["url"] in good:
            want = matrix.truth[record["url"]]
            assert {k: record[k] for k in want} == want


@pytest.mark.parametrize("case", [c for c in CASES if c.outcome in ("transient", "permanent",
                                                                      "not_a_failure")],
                         ids=lambda c: c.name)
def test_fault_is_counted_under_its_reason_with_its_url(matrix, case):
    report = matrix.reports[0]
    url = matrix.url(case.name)
    assert {"kind": "article", "url": url, "reason": case.reason} in report["failed_urls"]
    assert report["errors"][case.reason] >= 1
    assert url not in {r["url"] for r in matrix.feeds[0]}


@pytest.mark.parametrize("case", [c for c in CASES if c.outcome in ("transient", "permanent",
                                                                      "not_a_failure")],
                         ids=lambda c: c.name)
def test_only_transient_failures_are_pending_and_arrive_next_run(matrix, case):
    url = matrix.url(case.name)
    run2 = {r["url"]: r for r in matrix.feeds[1]}
    if case.outcome == "transient":
        assert url in matrix.pending_after_run1
        assert url in run2, f"{case.name}: healed article missing from run 2"
        want = matrix.truth[url]
        assert {k: run2[url][k] for k in want} == want
    else:
        assert url not in matrix.pending_after_run1
        assert url not in run2


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c.name, marks=[pytest.mark.xfail(reason=c.xfail)] if c.xfail else [])
    for c in CASES if c.outcome in ("delivered", "dropped")
])
def test_recoverable_pages_are_delivered_and_broken_ones_dropped(matrix, case):
    url = matrix.url(case.name)
    delivered = {r["url"]: r for r in matrix.feeds[0]}
    if case.outcome == "delivered":
        want = matrix.truth[url]
        assert url in delivered
        assert {k: delivered[url][k] for k in want} == want
    else:
        assert url not in delivered and url not in {r["url"] for r in matrix.feeds[1]}
        assert matrix.reports[0]["dropped"].get(case.reason, 0) >= 1


def test_run2_brings_exactly_the_healed_articles_and_nothing_twice(matrix):
    transient = {matrix.url(c.name) for c in CASES if c.outcome == "transient"}
    transient.add(matrix.base + matrix.multipage)
    run2 = [r["url"] for r in matrix.feeds[1]]
    assert set(run2) == transient
    everything = [r["url"] for feed in matrix.feeds for r in feed]
    assert len(everything) == len(set(everything))
    assert matrix.reports[1]["errors"].keys() <= {c.reason for c in CASES
                                                  if c.outcome != "transient"}


def test_retries_back_off_and_honour_retry_after(matrix):
    stats = matrix.reports[0]["stats"]
    assert stats["robust/retry_after/honoured"] >= 4  # 503 and 429, two retries each
    for name in ("http_503_retry_after", "http_429_retry_after"):
        hits = matrix.hits_run1[name]
        assert len(hits) == 3  # RETRY_TIMES=2
        assert all(b - a >= 0.9 for a, b in zip(hits, hits[1:], strict=False)), hits
    assert len(matrix.hits_run1["retry_after_too_long"]) == 1  # not retried within the run
    assert stats["robust/retry_after/too_long"] == 1
    assert len(matrix.hits_run1["heals_after_two_503"]) == 2
    assert stats["robust/retry_wait/count"] >= 10


def test_nothing_is_fetched_from_another_host_or_port(matrix):
    assert matrix.trap_requests == []
    stats = matrix.reports[0]["stats"]
    assert stats["robust/redirect/redirect_offsite"] == 3


def test_a_failed_page_2_holds_back_the_whole_article_until_the_next_run(matrix):
    url = matrix.base + matrix.multipage
    page2 = url.replace(".html", "_2.html")
    assert {"kind": "article", "url": page2, "reason": "http_503"} in matrix.reports[0][
        "failed_urls"]
    assert url in matrix.pending_after_run1  # page 1: the article is fetched again whole
    assert url not in {r["url"] for r in matrix.feeds[0]}  # no half article
    (record,) = [r for r in matrix.feeds[1] if r["url"] == url]
    want = matrix.truth[url]
    assert {k: record[k] for k in want} == want
