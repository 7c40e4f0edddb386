"""Tests of the sample DedeCms portal (newscrawler.portal), over real HTTP on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.client
import re
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newscrawler.portal import PortalServer, build_site
from newscrawler.portal.content import normalise

CST = timezone(timedelta(hours=8))


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="module")
def portal():
    site = build_site(60)
    with PortalServer(site) as server:
        yield site, server


@pytest.fixture(scope="module")
def gbk_portal():
    site = build_site(60, edition="gbk")
    with PortalServer(site) as server:
        yield site, server


def test_section_index_is_byte_identical_to_list_page_1(portal):
    site, server = portal
    for cat_dir, tid in (("/a/shehui/xinwenredian", 5), ("/a/caijing", 3), ("/a/keji/shuma", 10)):
        _, _, index = fetch(f"{server.url}{cat_dir}/")
        _, _, index_html = fetch(f"{server.url}{cat_dir}/index.html")
        _, _, list1 = fetch(f"{server.url}{cat_dir}/list_{tid}_1.html")
        assert index == index_html == list1
        assert b'<ul class="e2">' in list1


def _pagelist(body: bytes) -> str:
    text = body.decode("utf-8")
    return text.split('<ul class="pagelist">\r\n', 1)[1].split("</ul>", 1)[0]


def test_list_pagination_markup_by_position(portal):
    site, server = portal
    first = _pagelist(fetch(f"{server.url}/a/shehui/xinwenredian/list_5_1.html")[2])
    assert first.startswith("<li>首页</li>\r\n<li class=\"thisclass\">1</li>\r\n")
    assert "上一页" not in first
    assert "<li><a href='list_5_2.html'>下一页</a></li>\r\n" in first
    assert "<li><a href='list_5_3.html'>末页</a></li>\r\n" in first
    middle = _pagelist(fetch(f"{server.url}/a/shehui/xinwenredian/list_5_2.html")[2])
    assert middle.startswith("<li><a href='list_5_1.html'>首页</a></li>\r\n"
                             "<li><a href='list_5_1.html'>上一页</a></li>\r\n"
                             "<li><a href='list_5_1.html'>1</a></li>\r\n"
                             '<li class="thisclass">2</li>\r\n')
    assert "<option value='list_5_2.html' selected>2</option>" in middle
    assert re.search(r'<li><span class="pageinfo">共 <strong>3</strong>页<strong>\d+</strong>条'
                     r"</span></li>\r\n$", middle)
    last = _pagelist(fetch(f"{server.url}/a/shehui/xinwenredian/list_5_3.html")[2])
    assert "<li>末页</li>\r\n" in last and "下一页" not in last
    single = _pagelist(fetch(f"{server.url}/a/caijing/licai/list_8_1.html")[2])
    assert single == ('<li><span class="pageinfo">共 <strong>1</strong>页<strong>3</strong>'
                      "条记录</span></li>\r\n")
    empty = _pagelist(fetch(f"{server.url}/a/keji/shuma/list_10_1.html")[2])
    assert "<strong>0</strong>条记录" in empty
    assert fetch(f"{server.url}/a/shehui/xinwenredian/list_5_4.html")[0] == 404


def test_list_is_newest_first_and_parent_lists_children(portal):
    site, server = portal
    body = fetch(f"{server.url}/a/caijing/list_3_1.html")[2].decode()
    dates = re.findall(r"<small>日期：</small>(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", body)
    assert len(dates) == 10 and dates == sorted(dates, reverse=True)
    assert "/a/caijing/licai/" in body or "/a/caijing/gushi/" in body  # cfg_list_son


def test_multi_page_article_pagination(portal):
    site, server = portal
    art = site.articles[site.edge_cases["three_pages"]]
    aid, path = art.aid, site.path(art)
    p1 = fetch(server.url + path)[2].decode()
    assert (f"<li><a>共3页: </a></li><li><a href='#'>上一页</a></li><li class=\"thisclass\">"
            f"<a href='#'>1</a></li><li><a href='{aid}_2.html'>2</a></li>"
            f"<li><a href='{aid}_3.html'>3</a></li>"
            f"<li><a href='{aid}_2.html'>下一页</a></li>") in p1
    p2 = fetch(server.url + site.path(art, 2))[2].decode()
    assert f"<title>{art.title}(2)_中国国际新闻台</title>" in p2
    assert f"<li><a href='{aid}.html'>上一页</a></li><li><a href='{aid}.html'>1</a></li>" in p2
    p3 = fetch(server.url + site.path(art, 3))[2].decode()
    assert p3.count("<li><a href='#'>下一页</a></li>") == 1
    single = fetch(server.url + site.path(site.articles[1]))[2].decode()
    assert '<ul class="pagelist">\r\n\r\n</ul>' in single


def test_gbk_edition_bytes_meta_and_header(gbk_portal):
    site, server = gbk_portal
    art = site.articles[site.edge_cases["gbk_char"]]
    status, headers, body = fetch(server.url + site.path(art))
    assert status == 200 and headers["Content-Type"] == "text/html"
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />' in body
    text = body.decode("gb18030")
    assert "㎡" in text and "陈镕" in text
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    # one page-N file has a split double-byte character inside its meta description
    broken = site.articles[site.edge_cases["two_pages"]]
    page2 = fetch(server.url + site.path(broken, 2))[2]
    with pytest.raises(UnicodeDecodeError):
        page2.decode("gb18030")
    head, _, rest = page2.partition(b'<meta name="description" content="')
    head.decode("gb18030")
    rest.split(b'"', 1)[1].decode("gb18030")  # only the description is damaged
    fetch(server.url + site.path(broken))[2].decode("gb18030")  # page 1 is clean


def test_editions_have_same_text(portal, gbk_portal):
    utf, gbk = portal[0], gbk_portal[0]
    for path in ("/index.html", "/a/shehui/xinwenredian/list_5_2.html",
                 utf.path(utf.articles[utf.edge_cases["gbk_char"]])):
        a = utf.render(path).body.decode("utf-8")
        b = gbk.render(path).body.decode("gb18030")
        assert a.replace("charset=utf-8", "charset=gb2312") == b
    assert utf.ground_truth() == gbk.ground_truth()


def test_robots_txt_bytes(portal):
    _, server = portal
    status, headers, body = fetch(server.url + "/robots.txt")
    assert status == 200
    assert body.startswith(b"User-agent: * \r\nDisallow: /plus/ad_js.php\r\n")
    assert body.endswith(b"Disallow: /templets") and body.count(b"\r\n") == 17
    assert hashlib.md5(body).hexdigest().startswith("f3044cfb")


def test_ground_truth_covers_every_distinct_article(portal):
    site, server = portal
    records = site.ground_truth(server.url)
    assert len(records) == len(site.articles) == 60
    assert len({r["url"] for r in records}) == 60
    special = {f"/special/arc-{a.aid}.html" for a in site.special_articles()}
    assert special and all(p not in {r["url"] for r in records} for p in special)
    for rec in records[:15]:
        assert fetch(rec["url"])[0] == 200


def test_seed_article_record(portal):
    site, server = portal
    title = "提升服务含金量 铸就“金千灯”"
    rec = next(r for r in site.ground_truth(server.url) if r["title"] == title)
    assert rec["url"] == f"{server.url}/a/shehui/xinwenredian/2016/0712/1.html"
    assert rec["section"] == ["社会", "新闻热点"]
    assert rec["source"] == "中国国际新闻台" and rec["author"] is None  # no 作者 on the page
    assert rec["published_at"] == "2016-07-12T00:00:00+08:00" and rec["date_precision"] == "day"
    assert rec["editor"] == "admin" and rec["images"] == []
    lines = rec["body"].split("\n")
    assert lines[2] == "沉下身子,转变作风,“零距离”服务群众"
    assert lines[-1].endswith("千灯镇还将启动石浦幼儿园易地新建工程。")
    seed = Path("/work/shared/seed/portal-article-page.txt").read_text(encoding="utf-8")
    assert all(line in seed for line in lines)
    html = fetch(rec["url"])[2].decode()
    assert "<small>来源:</small> 中国国际新闻台 <small>发布时间:</small>2016-07-12</div>" in html
    assert "<p>\r\n\t<strong>沉下身子,转变作风,&ldquo;零距离&rdquo;服务群众</strong></p>" in html
    assert "娄勤俭寄语南通:要努力成为沿海崛</a>" in html


def _html_body_lines(page: bytes) -> tuple[list[str], list[str]]:
    tree = lxml_html.fromstring(page.decode("utf-8"))
    td = tree.xpath('//div[@class="content"]//td')[0]
    lines = [normalise(p.text_content()) for p in td.xpath(".//p[not(.//p)]|.//center")]
    return [x for x in lines if x], td.xpath(".//img/@src")


def test_ground_truth_matches_rendered_html(portal):
    site, server = portal
    for rec in site.ground_truth(server.url):
        aid = int(rec["url"].rsplit("/", 1)[1].split(".")[0])
        art = site.articles[aid]
        lines, images = [], []
        for page in range(1, len(art.pages) + 1):
            page_lines, page_imgs = _html_body_lines(site.render(site.path(art, page)).body)
            lines += page_lines
            images += [i if i.startswith("http") else server.url + i for i in page_imgs]
        assert "\n".join(lines) == rec["body"], aid
        assert images == rec["images"], aid


def test_edge_case_meta_lines(portal):
    site, _ = portal
    by_name = {n: site.render(site.path(site.articles[a])).body.decode()
               for n, a in site.edge_cases.items()}
    assert "<small>来源:</small> <small>作者:</small>" in by_name["empty_source"]
    assert "<small>来源:</small>未知 <small>作者:</small>未知" in by_name["unknown_source"]
    assert re.search(r"来源：\S+ 作者：\S+ 发布时间：\d{4}-\d\d-\d\d</div>", by_name["d40_meta"])
    assert re.search(r"<small>日期：</small>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d</div>",
                     by_name["dateonly"])
    assert re.search(r"<small>时间:</small>\d{4}-\d\d-\d\d \d\d:\d\d<small>来源:</small>",
                     by_name["images"])
    gt = {r["url"].rsplit("/", 1)[1]: r for r in site.ground_truth()}
    assert gt[f"{site.edge_cases['empty_source']}.html"]["source"] is None
    assert gt[f"{site.edge_cases['unknown_source']}.html"]["author"] is None
    assert gt[f"{site.edge_cases['dateonly']}.html"]["date_precision"] == "second"
    images = gt[f"{site.edge_cases['images']}.html"]["images"]
    assert images[0].startswith("http://127.0.0.1:8000/uploads/allimg/")
    assert images[1].startswith("http://img.")


def test_special_copy_and_view_php_serve_the_article(portal):
    site, server = portal
    art = site.special_articles()[0]
    original = fetch(server.url + site.path(art))[2]
    assert fetch(f"{server.url}/special/arc-{art.aid}.html")[2] == original
    home = fetch(server.url + "/")[2].decode()
    assert f'href="/special/arc-{art.aid}.html"' in home
    view = site.view_php_article()
    status, headers, body = fetch(f"{server.url}/plus/view.php?aid={view.aid}")
    assert status == 200 and body == fetch(server.url + site.path(view))[2]
    assert f"/plus/view.php?aid={view.aid}" in home
    assert f"<li><a href='http://127.0.0.1:{server.url.rsplit(':', 1)[1]}//a/guoji/' >" in home


def test_server_redirects_404_keepalive_log_and_faults(portal):
    site, server = portal
    conn = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=5)
    server.reset_log()
    conn.request("GET", "/index.php")
    resp = conn.getresponse()
    resp.read()
    assert resp.status == 301 and resp.getheader("Location") == "/index.html"
    conn.request("GET", "/no/such/page.html")  # same connection: keep-alive
    resp = conn.getresponse()
    assert resp.status == 404 and b"404 Not Found" in resp.read()
    conn.request("GET", "/")
    resp = conn.getresponse()
    assert resp.status == 200 and resp.read() == site.render("/index.html", server.url).body
    etag = resp.getheader("ETag")
    conn.request("GET", "/index.html", headers={"If-None-Match": etag})
    resp = conn.getresponse()
    assert resp.status == 304 and resp.read() == b""

    def teapot(handler):
        handler.send_response(418)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.faults["/a/guoji/"] = teapot
    try:
        conn.request("GET", "/a/guoji/")
        resp = conn.getresponse()
        resp.read()
        assert resp.status == 418
    finally:
        server.faults.clear()
    conn.close()
    assert server.request_log == ["/index.php", "/no/such/page.html", "/", "/index.html",
                                  "/a/guoji/"]


def test_publish_shifts_pagination():
    site = build_site(60, now=datetime(2026, 11, 20, 12, 0, tzinfo=CST))
    before = site.render("/a/shehui/xinwenredian/list_5_1.html").body.decode()
    old_links = re.findall(r'<a href="([^"]+)" class="title">', before)
    new = site.publish(3, section=5)
    assert new == [61, 62, 63]
    after = site.render("/a/shehui/xinwenredian/list_5_1.html").body.decode()
    links = re.findall(r'<a href="([^"]+)" class="title">', after)
    assert [int(x.rsplit("/", 1)[1][:-5]) for x in links[:3]] == [63, 62, 61]
    assert links[3:] == old_links[:7]
    page2 = site.render("/a/shehui/xinwenredian/list_5_2.html").body.decode()
    assert old_links[7] in page2
    assert len(site.ground_truth()) == 63
    newest = site.articles[63]
    assert newest.pubdate > max(a.pubdate for a in site.articles.values() if a.aid < 61)
    assert site.now - timedelta(hours=1) <= newest.pubdate <= site.now


def test_edit_changes_body_and_ground_truth():
    site = build_site(30)
    aid = site.edge_cases["empty_source"]
    before = site.render(site.path(site.articles[aid])).body
    body_before = site.ground_truth()[aid - 1]["body"]
    site.edit(aid)
    assert site.render(site.path(site.articles[aid])).body != before
    body_after = site.ground_truth()[aid - 1]["body"]
    assert body_after.startswith(body_before) and body_after != body_before


def test_determinism():
    a, b = build_site(40, seed=3), build_site(40, seed=3)
    assert a.paths() == b.paths()
    for path in a.paths():
        assert a.render(path).body == b.render(path).body
    assert a.ground_truth() == b.ground_truth()
    c = build_site(40, seed=4)
    assert c.render("/index.html").body != a.render("/index.html").body


def test_large_site_builds_fast():
    start = datetime.now()
    site = build_site(10000)
    assert (datetime.now() - start).total_seconds() < 10
    assert len(site.ground_truth()) == 10000


def test_list_pagination_window_follows_the_current_page():
    from newscrawler.portal.pagination import list_pages

    early = list_pages(5, 3, 40, 400)
    assert re.findall(r"<li><a href='list_5_(\d+)\.html'>\d+</a></li>", early)[:2] == ["1", "2"]
    assert "<a href='list_5_11.html'>11<" in early and "<a href='list_5_12.html'>12<" not in early
    late = list_pages(5, 15, 40, 400)
    numbers = re.findall(r"<li><a href='list_5_\d+\.html'>(\d+)</a></li>|thisclass\">(\d+)", late)
    assert [int(a or b) for a, b in numbers] == list(range(10, 21))
    assert "<option value='list_5_40.html'>40</option>" in late


def test_pages_mapping_is_lazy_and_complete():
    site = build_site(20)
    pages = site.pages
    assert len(pages) == len(site.paths())
    assert pages["/robots.txt"].startswith(b"User-agent: * \r\n")
    assert b"http://127.0.0.1:8000/" in pages["/index.html"]
    assert b"http://example.test:81/" in site.pages_for("http://example.test:81")["/index.html"]
    with pytest.raises(KeyError):
        pages["/missing.html"]
