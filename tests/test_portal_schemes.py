"""URL-scheme variants of the sample portal (DedeCms naming rules, folders, dynamic, rewrite,
mobile copy, PHPCMS v9, EmpireCMS 7.x): each one is walked over HTTP from its home page by
following links, and must serve every ground-truth article at the documented URL shape."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from urllib.parse import quote, urljoin, urlsplit

import pytest
from lxml import html as lxml_html

from newscrawler.portal import PortalServer, build_site
from newscrawler.portal.content import normalise
from newscrawler.portal.portals import VARIANTS
from newscrawler.portal.truth import canonical

# variant → regex every ground-truth article URL path (+query) matches
SHAPES = {
    "default": r"^/a/[a-z/]+/\d{4}/\d{4}/\d+\.html$",
    "dede-aid": r"^/a/[a-z/]+/\d+\.html$",
    "dede-ymd": r"^/a/[a-z/]+/\d{8}/\d+\.html$",
    "dede-slug": r"^/a/[a-z/]+/[a-z]+(-[a-z]+){2,}\.html$",
    "dede-root": r"^/(shehui|guoji|caijing|keji)(/[a-z]+)?/\d+\.html$",
    "dede-html": r"^/html/[a-z/]+/\d{4}/\d{4}/\d+\.html$",
    "dede-basehost": r"^/a/[a-z/]+/\d{4}/\d{4}/\d+\.html$",
    "dede-dynamic": r"^/plus/view\.php\?aid=\d+$",
    "dede-rewrite": r"^/plus/view-\d+-1\.html$",
    "dede-mixed": r"^(/plus/view\.php\?aid=\d+|/a/(shehui|caijing)/[a-z]+/\d{4}/\d{4}/\d+\.html)$",
    "dede-mobile": r"^/a/[a-z/]+/\d{4}/\d{4}/\d+\.html$",
    "phpcms-static": r"^/html/\d{4}/[a-z]+_\d{4}/\d+\.html$",
    "phpcms-dynamic": r"^/index\.php\?a=show&c=index&catid=\d+&id=\d+&m=content$",
    "empire-static": r"^/[a-z]+(/[a-z]+)?/\d{4}-\d\d-\d\d/\d+\.html$",
    "empire-dynamic": r"^/e/action/ShowInfo\.php\?classid=\d+&id=\d+$",
    "wordpress": r"^/\d{4}/\d\d/[a-z]+(-[a-z]+){2,}/$",
    "wordpress-plain": r"^/\?p=\d+$",
}
NEW = sorted(name for name in VARIANTS if name not in ("nw", "c2", "v40"))
_HREF = re.compile(r"""href=(?:'([^']*)'|"([^"]*)")""")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> tuple[int, bytes]:
    """(status, body) of one GET; redirects are answers, not followed."""
    try:
        with _OPENER.open(url, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _location(url: str) -> str:
    try:
        _OPENER.open(url, timeout=10)
    except urllib.error.HTTPError as exc:
        return exc.headers.get("Location", "")
    return ""


def walk(base: str) -> dict[str, str]:
    """Follow every same-host link from the home page; canonical URL → decoded page text."""
    host = urlsplit(base).netloc
    seen: dict[str, str] = {}
    todo = [base + "/"]
    while todo:
        url = todo.pop()
        key = canonical(url)
        if key in seen:
            continue
        status, body = fetch(url)
        if status in (301, 302):
            todo.append(urljoin(url, _location(url)))
        if status != 200 or body[:5] in (b"GIF89", b"User-"):
            seen[key] = ""
            continue
        text = body.decode("utf-8", "replace")
        seen[key] = text
        for a, b in _HREF.findall(text):
            link = quote(urljoin(url, html.unescape(a or b)), safe=":/?&=%#;,+@")
            parts = urlsplit(link)
            if parts.netloc == host and parts.scheme == "http" and "#" not in link:
                todo.append(link.split("#")[0])
    return seen


@pytest.fixture(scope="module", params=NEW)
def served(request):
    site = build_site(40, variant=request.param)
    with PortalServer(site) as server:
        yield request.param, site, server, walk(server.url)


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_walk_from_home_reaches_every_article_with_its_title(served):
    variant, site, server, pages = served
    truth = site.ground_truth(server.url)
    assert len({r["url"] for r in truth}) == len(truth) == len(site.articles)
    for rec in truth:
        assert rec["url"] in pages, (variant, rec["url"])
        title = re.search(r"<title>(.*?)</title>", pages[rec["url"]], re.S).group(1)
        assert title.startswith(rec["title"]), (variant, title)


def test_article_urls_have_the_documented_shape(served):
    variant, site, server, _ = served
    shape = re.compile(SHAPES.get(variant, r"."))
    for rec in site.ground_truth(server.url):
        assert shape.match(_target(rec["url"])), (variant, rec["url"])


def test_every_page_of_a_multi_page_article_is_served(served):
    variant, site, server, pages = served
    art = site.articles[site.edge_cases["three_pages"]]
    for page in (2, 3):
        status, body = fetch(server.url + site.path(art, page))
        assert status == 200
        assert f"<title>{art.title}" in body.decode()
        assert canonical(server.url + site.path(art, page)) in pages  # linked from page 1


def test_unknown_urls_answer_404(served):
    variant, site, server, _ = served
    for target in ("/plus/view.php?aid=99999", "/plus/list.php?tid=999", "/a/nope/1.html",
                   "/index.php?m=content&c=index&a=show&id=0",
                   "/e/action/ShowInfo.php?classid=2&id=99999"):
        assert fetch(server.url + target)[0] in (404, 301), (variant, target)
    assert fetch(server.url + "/plus/list.php?tid=999")[0] == 404
    for target in site.scheme.dynamic_paths:  # a known page with an unknown parameter
        assert fetch(f"{server.url}{target}?aid=2&tid=2&bogus=1")[0] == 404, (variant, target)


def test_dynamic_targets_accept_parameters_in_any_order():
    site = build_site(60, variant="dede-dynamic")
    cat = site.cat(5)
    total = len(site.newest(5))
    assert site.render(f"/plus/list.php?PageNo=2&TotalResult={total}&tid=5").body == \
        site.render(f"/plus/list.php?tid=5&TotalResult={total}&PageNo=2").body
    assert site.render("/plus/list.php?tid=5&PageNo=9") is None
    listing = site.render(site.scheme.section(cat)).body.decode()
    assert f"href='/plus/list.php?tid=5&TotalResult={total}&PageNo=2'>2</a>" in listing


def test_mixed_portal_has_static_and_dynamic_sections():
    site = build_site(40, variant="dede-mixed")
    home = site.render("/index.html").body.decode()
    assert "href='/plus/list.php?tid=2'" in home and "href='/a/caijing/'" in home
    guoji = site.render("/plus/list.php?tid=2").body.decode()
    assert "/plus/view.php?aid=" in guoji and "list_2_" not in guoji
    assert site.render("/a/caijing/gushi/list_7_1.html") is not None
    assert site.render("/a/guoji/list_2_1.html") is None


def test_basehost_links_are_absolute_with_a_double_slash():
    site = build_site(20, variant="dede-basehost")
    page = site.render("/a/guoji/list_2_1.html", "http://127.0.0.1:8000").body.decode()
    assert "href='http://127.0.0.1:8000//a/guoji/'" in page
    assert re.search(r'href="http://127\.0\.0\.1:8000//a/guoji/\d{4}/\d{4}/\d+\.html"', page)
    assert all(r["url"].startswith("http://127.0.0.1:8000/a/") for r in site.ground_truth())


def test_rewrite_pagination_links():
    site = build_site(40, variant="dede-rewrite")
    total = len(site.newest(5))
    page = site.render("/plus/list-5.html").body.decode()
    assert f"href='/plus/list-5-{total}-2.html'>2</a>" in page
    art = site.articles[site.edge_cases["three_pages"]]
    body = site.render(f"/plus/view-{art.aid}-1.html").body.decode()
    assert f"<li><a href='view-{art.aid}-2.html'>2</a></li>" in body


def test_slug_names_are_stable_and_unique_after_publishing():
    site = build_site(40, variant="dede-slug")
    before = {aid: site.path(a) for aid, a in site.articles.items()}
    new = site.publish(3)
    after = {aid: site.path(a) for aid, a in site.articles.items()}
    assert all(after[aid] == path for aid, path in before.items())
    assert len(set(after.values())) == len(after) and all(after[aid] for aid in new)
    assert not re.search(r"\d", "".join(after.values()).replace(".html", ""))


def test_mobile_copy_serves_the_same_article_under_m():
    site = build_site(40, variant="dede-mobile")
    art = site.articles[site.edge_cases["three_pages"]]
    desktop = site.render(site.path(art)).body.decode()
    assert f'content="format=xhtml;url=/m/view.php?aid={art.aid}">' in desktop
    assert f'<a href="/m/view.php?aid={art.aid}">手机版</a>' in desktop
    mobile = site.render(f"/m/view.php?aid={art.aid}").body.decode()
    assert f'<h3 class="am-article-title blog-title">{art.title}</h3>' in mobile
    assert f"view.php?aid={art.aid}&pageno=2" in mobile
    text = re.search(r"<p>\s*(.+?)</p>", mobile, re.S).group(1)
    assert text in desktop  # same body
    assert site.render(f"/m/view.php?aid={art.aid}&pageno=3").status == 200
    assert site.render(f"/m/view.php?aid={art.aid}&pageno=4") is None
    assert "/m/" not in "".join(r["url"] for r in site.ground_truth())
    assert site.ground_truth() == build_site(40).ground_truth()  # the copy adds no article


def test_walk_of_the_mobile_variant_reaches_the_mobile_copy():
    site = build_site(30, variant="dede-mobile")
    with PortalServer(site) as server:
        pages = walk(server.url)
    mobile = {u for u, text in pages.items()
              if "/m/view.php?aid=" in u and "pageno" not in u and text}
    assert len(mobile) == len(site.articles)  # every article is reachable twice


@pytest.mark.parametrize("variant", NEW)
def test_republishing_an_edit_moves_the_article_to_the_top_of_its_list(variant):
    site = build_site(60, variant=variant)
    cat = site.cat(5)
    oldest = site.newest(5)[-1]
    path = site.path(oldest)
    site.edit(oldest.aid, republish=True)
    assert site.newest(5)[0] is oldest and site.path(oldest) == path  # URL unchanged
    first = site.render(site.scheme.list_page(cat, 1, len(site.newest(5)))).body.decode()
    link = site.scheme.href(path, "127.0.0.1:8000")
    if site.scheme.list_order == "id":  # PHPCMS lists by id: the edit stays where it was
        assert link not in first.split('<ul class="list lh24 f14">')[1].split("</ul>")[0]
    else:
        assert first.index(link) < first.index(site.path(site.newest(5)[1]))
    rec = next(r for r in site.ground_truth() if r["url"] == canonical(
        urljoin("http://127.0.0.1:8000/", site.scheme.href(path, "127.0.0.1:8000"))))
    assert rec["published_at"].startswith(f"{site.now:%Y-%m-%d}")
    assert "(更新1)" in rec["body"]


@pytest.mark.parametrize("variant", NEW)
def test_article_pages_show_what_the_ground_truth_says(variant):
    site = build_site(40, variant=variant)
    for rec in site.ground_truth():
        aid = next(a.aid for a in site.articles.values()
                   if canonical("http://127.0.0.1:8000" + site.path(a)) == rec["url"])
        art = site.articles[aid]
        text = raw = ""
        for page in range(1, len(art.pages) + 1):
            body = site.render(site.path(art, page)).body.decode("utf-8")
            raw += body
            text += normalise(lxml_html.fromstring(body).text_content()) + "\n"
        assert rec["title"] in text
        if site.scheme.family == "wordpress":  # <time datetime="…"> and article:published_time
            assert f'datetime="{rec["published_at"]}"' in raw
        else:
            shown = (f"{art.pubdate:%Y-%m-%d %H:%M:%S}" if site.theme_class.own_meta
                     else art.date_text())
            assert shown in text and rec["published_at"].startswith(shown[:10])
        for field in ("source", "author"):
            if rec[field]:
                assert rec[field] in text, (variant, field)
        assert ("(责任编辑：admin)" in text) == (rec["editor"] is not None), variant
        for line in rec["body"].split("\n"):
            assert line in text, (variant, aid, line)


def test_wordpress_shortlink_redirects_to_the_permalink():
    site = build_site(20, variant="wordpress")
    resp = site.render("/?p=3")
    assert (resp.status, resp.location) == (301, site.path(site.articles[3]))
    assert "<link rel='shortlink' href='http://127.0.0.1:8000/?p=3' />" in \
        site.render(site.path(site.articles[3])).body.decode()
    plain = build_site(20, variant="wordpress-plain")
    assert plain.render("/?p=3").status == 200 and plain.render("/?p=999") is None


def test_dynamic_only_articles_have_no_static_topic_copy():
    static, dynamic = build_site(40), build_site(40, variant="dede-dynamic")
    aid = static.edge_cases["loujq"]
    assert static.render(f"/special/arc-{aid}.html").status == 200
    assert dynamic.render(f"/special/arc-{aid}.html") is None
    assert f'href="/plus/view.php?aid={aid}"' in dynamic.render("/index.html").body.decode()


def test_empire_dynamic_list_pages_are_0_based_under_both_entry_points():
    site = build_site(60, variant="empire-dynamic")
    first = site.render("/e/action/ListInfo/?classid=5").body
    assert site.render("/e/action/ListInfo/index.php?page=0&classid=5").body == first
    assert site.render("/e/action/ListInfo.php?classid=5&page=0").body == first
    second = site.render("/e/action/ListInfo.php?page=1&classid=5").body.decode()
    assert '&nbsp;<b>2</b>' in second
    assert site.render("/e/action/ListInfo.php?classid=5&page=9") is None
