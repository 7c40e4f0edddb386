"""``scrapy probe``: a few pages of a portal over HTTP, and what the crawler makes of them."""

from __future__ import annotations

import subprocess

import pytest

from newscrawler.portal import PortalServer, build_site
from newscrawler.portal.portals import VARIANTS
from tests.crawl_helpers import PROJECT_ROOT
from tests.warm_scrapy import run_scrapy

PROBE_FAST = ["-s", "AUTOTHROTTLE_ENABLED=False"]


def probe(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return run_scrapy(["probe", *args, *PROBE_FAST], PROJECT_ROOT, timeout)


def _family(variant: str) -> str:
    for prefix, family in FAMILIES.items():
        if variant.startswith(prefix):
            return family
    return "DedeCms"  # default, nw, c2, v40: DedeCms templates


FAMILIES = {"phpcms": "PHPCMS", "empire": "EmpireCMS", "wordpress": "WordPress"}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_probe_names_the_family_the_sections_the_pagination_and_the_article_shape(variant):
    site = build_site(articles=40, variant=variant)
    with PortalServer(site) as server:
        base = server.url
        done = probe(base + "/")
        truth = {r["url"] for r in site.ground_truth(base)}
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.strip() == ""
    lines = done.stdout.splitlines()
    assert lines[1].startswith(f"family    {_family(variant)} ("), lines[1]
    sections = int(lines[2].split()[1])
    assert sections >= 4, done.stdout
    assert any(line.startswith("list      ") and " entries; " in line for line in lines)
    examples = [line.rsplit(" e.g. ", 1)[1] for line in lines if line.startswith("article   ")]
    assert set(examples) & truth, done.stdout  # a learned shape, shown by one of the articles
    record = next(line for line in lines if line.startswith("record"))
    assert '"title": "' in record and '"body": "' in record


def test_probe_shows_how_dedecms_lists_paginate():
    with PortalServer(build_site(articles=80)) as server:
        done = probe(server.url + "/")
    assert done.returncode == 0, done.stderr[-2000:]
    assert r"page N like /**/list_\d+_\d+.html" in done.stdout
    assert "\narticle   /**/\\d{4}/\\d{4}/\\d+.html  e.g. http://127.0.0.1:" in done.stdout


def test_probe_writes_no_feed_and_no_state(tmp_path):
    site = build_site(articles=20)
    with PortalServer(site) as server:
        done = probe(server.url + "/", "-s", f"FEED_DIR={tmp_path / 'feeds'}",
                     "-s", f"STATE_URI={tmp_path / 'state.sqlite'}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["htp://news.example.com/", "not a url"])
def test_a_bad_url_is_one_clear_line_and_exit_1(url):
    done = probe(url)
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("newscrawler probe: start_url") and "http(s) URL" in line


def test_an_unreachable_portal_is_one_clear_line_and_exit_1():
    with PortalServer(build_site(articles=5)) as server:
        url = server.url + "/"
    done = probe(url, "-s", "RETRY_ENABLED=False")  # the server is gone: connection refused
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"newscrawler probe: could not read the home page {url}")
