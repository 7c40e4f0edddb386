"""Security: what a hostile page (or a careless config) must not make the crawler do.

- fetch anything outside the portal: other hosts, other ports of the same host, ``file:``,
  ``ftp:``, ``data:``, ``javascript:``, ``mailto:``, a ``<base href>`` pointing elsewhere;
- write anywhere but ``FEED_DIR`` and the state file: feed names from URIs are plain names
  (``feeds.safe_name``), output and state paths come from settings only;
- execute anything: no eval/exec/pickle/shell in the package (one reviewed exception).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

import newscrawler.settings as project
from newscrawler.feeds import FeedDirStorage, safe_name
from newscrawler.middlewares.failures import RefusedRequest
from newscrawler.middlewares.guard import SameSiteMiddleware, host_port
from newscrawler.portal import PortalServer, build_site
from newscrawler.portal import faults as F
from newscrawler.urls import article_key
from tests.crawl_helpers import feed_files, read_jsonl, reports, run_crawl
from tests.test_faults import FAST_FAULTS

PACKAGE = Path(__file__).resolve().parents[1] / "newscrawler"
SITE = build_site(articles=40)
ARTICLE = SITE.path(SITE.articles[2])  # listed on the 国际 list page


# -- feed and state paths ---------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "../escape.jsonl", "../../etc/cron.d/x", "/etc/passwd", "sub/dir.jsonl", "a\\b.jsonl",
    ".hidden.jsonl", "", "nul\x00.jsonl", "..",
])
def test_safe_name_refuses_path_like_feed_names(name):
    with pytest.raises(ValueError):
        safe_name(name)
    with pytest.raises(ValueError):
        FeedDirStorage(f"feeddir:{name}")


@pytest.mark.parametrize("name", ["2026-11-26T08-00-00+00-00.jsonl", "run 1.jsonl", "新闻.jsonl"])
def test_safe_name_accepts_plain_names(name):
    assert safe_name(name) == name


# -- nothing executed ---------------------------------------------------------------------------

DANGEROUS_CALLS = {"eval", "exec", "compile", "__import__"}
DANGEROUS_MODULES = {"pickle", "marshal", "shelve", "dill", "yaml"}
# Reviewed: scrapy-redis' picklecompat serialises *our own* Request objects into the shared
# Redis queue; only hosts that can write to that Redis could feed it a payload (keep Redis
# private to the workers: docs/scaleout.md). Nothing from a page is unpickled.
REVIEWED = {("scaleout/scheduler.py", "scrapy_redis.picklecompat")}


def _findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    rel = path.relative_to(PACKAGE).as_posix()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in DANGEROUS_CALLS:  # not re.compile
                found.append(f"{rel}:{node.lineno} calls {func.id}()")
            on_os = isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "os"
            if (on_os and func.attr in {"system", "popen"}) or any(
                kw.arg == "shell" and getattr(kw.value, "value", False) for kw in node.keywords
            ):
                found.append(f"{rel}:{node.lineno} runs a shell")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            module = getattr(node, "module", None) or ""
            names = [module] + [f"{module}.{a.name}".lstrip(".") for a in node.names]
            for full in names:
                if any(part in DANGEROUS_MODULES or part == "picklecompat"
                       for part in full.split(".")) and (rel, full) not in REVIEWED:
                    found.append(f"{rel}:{node.lineno} imports {full}")
    return found


def test_no_eval_exec_pickle_or_shell_in_the_package():
    findings = [f for path in sorted(PACKAGE.rglob("*.py")) for f in _findings(path)]
    assert findings == []


# -- requests outside the portal ----------------------------------------------------------------

class _Spider:
    host = "127.0.0.1:8000"


def _guard() -> SameSiteMiddleware:
    """The guard on a bare crawler (no project extensions: no state lock taken)."""
    crawler = get_crawler(settings_dict={"ROBUST_SAME_HOST_ONLY": True})
    crawler.spider = _Spider()
    return SameSiteMiddleware.from_crawler(crawler)


@pytest.mark.parametrize("url,reason", [
    ("file:///etc/passwd", "bad_scheme"),
    ("ftp://127.0.0.1:8000/a.html", "bad_scheme"),
    ("data:text/html,<a>x</a>", "bad_scheme"),
    ("http://127.0.0.1:8001/a/guoji/", "offsite"),  # same host name, other port
    ("http://127.0.0.2:8000/a/guoji/", "offsite"),
    ("http://localhost:8000/a/guoji/", "offsite"),
    ("https://127.0.0.1/a/guoji/", "offsite"),
    ("http://user@127.0.0.1:9/a/", "offsite"),
])
def test_same_site_guard_refuses(url, reason):
    guard = _guard()
    with pytest.raises(RefusedRequest) as refused:
        guard.process_request(Request(url))
    assert refused.value.reason == reason
    assert isinstance(refused.value, IgnoreRequest)


def test_same_site_guard_lets_the_portal_through():
    guard = _guard()
    for url in ("http://127.0.0.1:8000/", "HTTP://127.0.0.1:8000/robots.txt",
                "http://127.0.0.1:8000/a/guoji/2026/0704/2.html?x=1#y"):
        assert guard.process_request(Request(url)) is None
    assert host_port("http://Example.COM:80/x") == "example.com"
    assert host_port("https://example.com:8443/x") == "example.com:8443"


def test_non_web_download_handlers_are_switched_off():
    handlers = project.DOWNLOAD_HANDLERS
    assert all(handlers.get(scheme, "on") is None for scheme in ("file", "ftp", "s3", "data"))


# -- end to end: a portal full of hostile links -----------------------------------------------

def _hostile_links(trap_ip: str, trap_port: str) -> str:
    other_port = trap_port + ARTICLE
    return "".join(f'<a href="{href}">x</a>' for href in [
        "file:///etc/passwd", f"file://{ARTICLE}", "ftp://127.0.0.1/a/",
        f"javascript:location='{ARTICLE}'", "mailto:editor@example.com",
        "data:text/html,<a href=/x>x</a>", "tel:12345",
        other_port, trap_ip + ARTICLE, "//" + trap_ip.split("//")[1] + "/a/guoji/",
        trap_port + "/a/guoji/", "http://no-such-host.invalid" + ARTICLE,
        "../../../../etc/passwd", "/a/guoji/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        f" {ARTICLE} ", f"{ARTICLE}#comments", f"{ARTICLE}?utm_source=x#top",
        ARTICLE.replace(".html", " 3.html"), "/a/新闻/2026/0704/9999.html",
    ])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile") / "data"
    work.mkdir()
    canary = work.parent / "canary"
    canary.mkdir()
    site = SITE
    trap_ip = PortalServer(build_site(5), host="127.0.0.2").start()
    trap_port = PortalServer(build_site(5)).start()
    try:
        with PortalServer(site) as server:
            faults = F.install(server)
            links = _hostile_links(trap_ip.url, trap_port.url)
            based = f'<base href="{trap_ip.url}/">'
            faults.add("/", F.rewrite(F.inject(links)))
            faults.add("/a/guoji/", F.rewrite(F.inject(based + links)))
            faults.add("/a/guoji/list_2_1.html", F.rewrite(F.inject(based + links)))
            faults.add(ARTICLE, F.rewrite(F.inject(based + links)))
            process = run_crawl(server.url, work, *FAST_FAULTS, timeout=120)
            log = server.requests()
            truth = {r["url"]: r for r in site.ground_truth(server.url)}
    finally:
        traps = trap_ip.requests() + trap_port.requests()
        trap_ip.stop()
        trap_port.stop()
    return {"process": process, "log": log, "traps": traps, "truth": truth, "work": work,
            "canary": canary}


def test_hostile_portal_crawl_completes_with_every_article_once(hostile):
    process = hostile["process"]
    assert process.returncode == 0, process.stderr[-3000:]
    records = [r for path in feed_files(hostile["work"]) for r in read_jsonl(path)]
    keys = [article_key(r["url"]) for r in records]
    assert len(keys) == len(set(keys))
    assert {r["url"] for r in records} == set(hostile["truth"])


def test_hostile_links_fetch_nothing_outside_the_portal(hostile):
    assert hostile["traps"] == []
    assert not any("passwd" in target for target in hostile["log"])
    assert all(target.isascii() and " " not in target for target in hostile["log"])
    (report,) = reports(hostile["work"])
    assert report["stats"].get("offsite/filtered", 0) == 0  # never even scheduled
    assert "robust/refused/offsite" not in report["stats"]


def test_files_are_written_only_where_the_settings_say(hostile):
    work = hostile["work"]
    written = {p.relative_to(work).as_posix() for p in work.rglob("*") if p.is_file()}
    allowed_state = {"state.sqlite", "state.sqlite-wal", "state.sqlite-shm",
                     "state.sqlite.lock"}
    for name in written:
        assert name in allowed_state or (
            name.startswith("feeds/") and name.count("/") == 1
            and name.endswith((".jsonl", ".report.json"))), name
    assert list(hostile["canary"].iterdir()) == []


SHADOWS = {
    # not an article path: DedeCms writes ASCII digits
    "full-width digits": "/a/guoji/２０２６/０７０４/2.html",
    "stale path, same aid": "/a/guoji/2016/0101/2.html",
}


@pytest.mark.parametrize("shadow", SHADOWS.values(), ids=SHADOWS.keys())
def test_a_bad_link_does_not_shadow_the_real_article(tmp_path, shadow):
    with PortalServer(SITE) as server:
        faults = F.install(server)
        faults.add("/", F.rewrite(F.inject(f'<a href="{shadow}">x</a>')))
        process = run_crawl(server.url, tmp_path, *FAST_FAULTS, timeout=120)
        article = server.url + ARTICLE
    assert process.returncode == 0, process.stderr[-3000:]
    assert article in {r["url"] for r in read_jsonl(feed_files(tmp_path)[0])}


def test_same_site_guard_switched_off_is_not_configured():
    from scrapy.exceptions import NotConfigured

    from newscrawler.middlewares.guard import SameSiteMiddleware

    with pytest.raises(NotConfigured):
        SameSiteMiddleware.from_crawler(get_crawler(settings_dict={"ROBUST_SAME_HOST_ONLY": False}))
