"""extract_article against the sample portal's ground truth (every template variant, both editions).

The portal (``newscrawler.portal``) renders DedeCms templates from a site model and knows the
record each article should give. A multi-page article's record merges all its pages; page 1 alone
must give the start of its body and a subset of its images, and every other field exactly.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from newscrawler.extract import extract_article

portal = pytest.importorskip("newscrawler.portal", reason="sample portal not available")
try:
    from newscrawler.portal.variants import THEMES

    VARIANTS = sorted(THEMES)
except ImportError:  # older portal without variants
    VARIANTS = ["default"]

EXACT = ("url", "title", "section", "source", "author", "published_at", "tags", "summary",
         "editor", "date_precision")


@pytest.mark.parametrize("edition", ["utf-8", "gbk"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_article_matches_ground_truth(variant: str, edition: str) -> None:
    site = portal.build_site(edition=edition, variant=variant)
    truth = site.ground_truth()
    assert truth
    for expected in truth:
        page = site.pages[urlsplit(expected["url"]).path]
        record = extract_article(page, expected["url"])
        for key in EXACT:
            assert record[key] == expected[key], (expected["url"], key)
        assert expected["body"].startswith(record["body"]), expected["url"]
        assert record["body"], expected["url"]
        assert all(image in expected["images"] for image in record["images"]), expected["url"]
