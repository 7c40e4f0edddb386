"""Template variants of the sample portal, crawled end to end with the default profile.

Real DedeCms portals change the body container, the meta line wording, the breadcrumb label
and the pagination wrapper (dedecms-portals.md §5); the default profile must need no
per-site configuration for any of them.
"""

from __future__ import annotations

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import read_feeds, run_crawl


@pytest.mark.parametrize(("variant", "edition"), [("nw", "gbk"), ("c2", "utf-8"), ("v40", "gbk")])
def test_variant_crawled_exactly_with_the_default_profile(tmp_path, variant, edition):
    site = build_site(articles=40, edition=edition, variant=variant)
    with PortalServer(site) as server:
        process = run_crawl(server.url, tmp_path)
        truth = {r["url"]: r for r in site.ground_truth(server.url)}
    assert process.returncode == 0, process.stderr[-3000:]
    records = read_feeds(tmp_path)
    assert len(records) == len({r["url"] for r in records}), "an article was emitted twice"
    got = {r["url"]: r for r in records}
    assert set(got) == set(truth)
    mismatches = [
        (url.rsplit("/", 1)[1], field, got[url][field], value)
        for url, want in truth.items()
        for field, value in want.items()
        if got[url][field] != value
    ]
    assert not mismatches, mismatches[:10]
