"""Template variants of the sample portal: different markup, same ground truth in meaning."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from newscrawler.portal import build_site
from newscrawler.portal.content import normalise

# variant → (title xpath, meta-line xpath, body-cell xpath)
SELECTORS = {
    "default": ('//div[@class="title"]/h2', '//div[@class="info"]',
                '//div[@class="content"]//td'),
    "nw": ('//div[@class="arc"]/div[@class="title"]/h1', '//div[@class="arc"]/div[@class="info"]',
           '//div[@class="arc"]/div[@class="content"]//td'),
    "c2": ('//div[@class="detail_title"]/h1', '//div[@class="detail_info"]',
           '//div[@class="detail_con"]/div/span/span'),
    "v40": ('//div[@class="viewbox"]/table/tr[1]/td/b', '//div[@class="viewbox"]/table/tr[2]/td',
            '//div[@class="viewbox"]/table/tr[3]/td'),
}
ARTICLE = re.compile(r"/\d+\.html$")


@pytest.fixture(scope="module", params=sorted(SELECTORS))
def variant_site(request):
    return request.param, build_site(40, variant=request.param)


def _one(tree, xpath):
    found = tree.xpath(xpath)
    assert len(found) == 1, xpath
    return found[0]


def test_every_variant_shows_the_ground_truth(variant_site):
    variant, site = variant_site
    title_x, meta_x, body_x = SELECTORS[variant]
    for rec in site.ground_truth():
        art = site.articles[int(rec["url"].rsplit("/", 1)[1][:-5])]
        lines = []
        for page in range(1, len(art.pages) + 1):
            tree = lxml_html.fromstring(site.render(site.path(art, page)).body.decode("utf-8"))
            assert _one(tree, title_x).text_content() == rec["title"]
            meta = _one(tree, meta_x).text_content()
            assert art.date_text() in meta
            for field in ("source", "author"):
                if rec[field]:
                    assert rec[field] in meta, (variant, field)
            cell = _one(tree, body_x)
            texts = [normalise(p.text_content()) for p in cell.xpath(".//p|.//center")]
            lines += [t for t in texts if t]
            assert "(责任编辑：admin)" in cell.text_content()
        assert "\n".join(lines) == rec["body"], (variant, art.aid)


def test_every_variant_lists_every_article_through_its_pagination(variant_site):
    variant, site = variant_site
    base = "http://127.0.0.1:8000"
    seen, todo, done = set(), ["/a/shehui/xinwenredian/", "/a/shehui/fazhi/", "/a/guoji/",
                               "/a/caijing/", "/a/keji/"], set()
    while todo:
        path = todo.pop()
        if path in done:
            continue
        done.add(path)
        body = site.render(path, base).body.decode("utf-8")
        for href in re.findall(r"href=['\"]([^'\"#]+)['\"]", body):
            url = urljoin(base + path, href)
            target = re.sub("/{2,}", "/", url[len(base):])
            if re.search(r"/list_\d+_\d+\.html$", target):
                todo.append(target)
            elif ARTICLE.search(target) and "/a/" in target and target.count("/") > 3:
                seen.add(target)
    assert {site.path(a) for a in site.articles.values()} <= seen
    assert "/a/shehui/xinwenredian/list_5_2.html" in done  # reached through pagination


def test_variant_markers(variant_site):
    variant, site = variant_site
    art = site.articles[site.edge_cases["three_pages"]]
    page1 = site.render(site.path(art)).body.decode()
    listing = site.render("/a/shehui/xinwenredian/list_5_2.html").body.decode()
    if variant == "nw":
        assert "<h2 class=\"lc\"><a href='http://127.0.0.1:8000//'></a> > " in page1
        assert re.search(r"来源：\S+   作者：\S+ 人气：<script [^>]+></script> 发布时间：", page1)
        assert '<div class="pagebreak"><li><a>共3页: </a></li>' in page1
        assert '<div class="chunlist">' in listing and "<select" not in listing
        assert '<div class="page"><div class="pagelist"><ul><li>' in listing
    elif variant == "c2":
        assert re.search(r"来源：\S+\u3000\u3000作者：\S+\u3000\u3000发布时间：\d{4}", page1)
        assert "当前位置：<a href=" in page1
        assert re.search(r'<span class="STYLE1"><a href="[^"]+" class="title">', listing)
        assert re.search(r"<small>日期：</small>\d\d-\d\d-\d\d</span>", listing)
    elif variant == "v40":
        assert f"共3页: 上一页 1 <a href='{art.aid}_2.html'>[2]</a>" in page1
        assert "> 文章内容</td>" in page1 and "文章内容" not in listing
        assert re.search(r"共\d+页/\d+条记录</td>", listing)
        assert "<li>" not in listing.split("class='list'")[1].split("</table>")[0]
        assert 'content="text/html; charset=utf-8">' in page1
    else:
        assert "<strong>当前位置:</strong>" in page1 and '<ul class="e2">' in listing


def test_ground_truth_is_identical_across_variants():
    truths = [build_site(30, variant=v).ground_truth() for v in sorted(SELECTORS)]
    assert all(t == truths[0] for t in truths)


def test_unknown_variant_is_rejected():
    with pytest.raises(ValueError, match="variant"):
        build_site(5, variant="nope")
