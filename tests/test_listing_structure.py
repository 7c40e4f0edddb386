"""newscrawler.extract.structure (through listing.py): links told apart by page structure.

Small pages written here in the markup of each CMS family (docs/cms-portals.md), then the
real pages other people saved (shared/realpages) for what must hold on any page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawler.discovery import ShapeBook, url_shape
from newscrawler.discovery.families import detect_family
from newscrawler.extract.listing import article_links, article_page_urls, parse_list, section_urls
from newscrawler.extract.profile import profile_from_dict

H = "http://news.example.com"
HEADLINES = ["国务院常务会议部署稳就业举措", "多地出台政策支持新能源汽车消费",
             "全国秋粮收购进度过半价格平稳", "我国成功发射新一代气象卫星",
             "沿海城市加快推进海绵城市建设", "高校毕业生就业服务月活动启动"]


def page(*blocks: str, title: str = "列表") -> str:
    return f"<html><head><title>{title}</title></head><body>{''.join(blocks)}</body></html>"


def nav(*links: tuple[str, str]) -> str:
    items = "".join(f"<li><a href='{href}'>{text}</a></li>" for href, text in links)
    return f"<div class='header'><ul id='navMenu'>{items}</ul></div>"


def listing(hrefs: list[str], cls: str = "e2", dated: bool = True) -> str:
    items = "".join(
        f"<li><a href='{href}' class='title'>{HEADLINES[i % len(HEADLINES)]}{i}</a>"
        + (f"<span class='info'>2016-07-{10 + i % 9:02d} 10:30</span>" if dated else "") + "</li>"
        for i, href in enumerate(hrefs)
    )
    return f"<div class='listbox'><ul class='{cls}'>{items}</ul></div>"


def sidebar(hrefs: list[str]) -> str:
    items = "".join(f"<li><a href='{h}'>{HEADLINES[i]}热点</a></li>" for i, h in enumerate(hrefs))
    return f"<div class='pright'><ul class='c1'>{items}</ul></div>"


def pages(*links: tuple[str, str], info: str = "") -> str:
    """A DedeCms pagination block of (text, href) links."""
    items = "".join(f"<li><a href='{href}'>{text}</a></li>" for text, href in links)
    return f"<div class='dede_pages'><ul class='pagelist'>{info}{items}</ul></div>"


# -- list blocks --------------------------------------------------------------------------------

NAMING_RULES = {
    "dated": ("/a/guonei/2016/0712/{aid}.html", r"/**/\d{4}/\d{4}/\d+.html"),
    "typedir-aid": ("/guonei/{aid}.html", r"/**/\d+.html"),
    "ymd-folder": ("/html/guonei/20160712/{aid}.html", r"/**/\d{8}/\d+.html"),
    "dynamic": ("/plus/view.php?aid={aid}", r"/plus/view.php?aid=\d+"),
    "rewrite": ("/plus/view-{aid}-1.html", r"/**/view-\d+-\d+.html"),
    "phpcms-static": ("/html/2016/guonei_0712/{aid}.html", r"/**/\d{4}/[a-z]+_\d{4}/\d+.html"),
    "phpcms-dynamic": ("/index.php?m=content&c=index&a=show&catid=6&id={aid}",
                       r"/index.php?a=show&c=index&catid=\d+&id=\d+&m=content"),
    "empire-static": ("/guonei/2016-07-12/{aid}.html", r"/**/\d{4}-\d{2}-\d{2}/\d+.html"),
    "empire-dynamic": ("/e/action/ShowInfo.php?classid=2&id={aid}",
                       r"/e/action/ShowInfo.php?classid=\d+&id=\d+"),
}


@pytest.mark.parametrize("rule", NAMING_RULES.values(), ids=NAMING_RULES.keys())
def test_a_list_block_teaches_the_article_shape_whatever_the_naming_rule(rule):
    template, shape = rule
    hrefs = [template.format(aid=aid) for aid in (1723, 1722, 1719, 1714)]
    html = page(nav(("/", "主页"), ("/guonei/", "国内"), ("/guoji/", "国际")), listing(hrefs),
                sidebar([template.format(aid=aid) for aid in (5, 6, 7)]))
    result = parse_list(html, H + "/guonei/")
    assert [e.url for e in result.entries] == [H + h if "?" not in h else e.url
                                               for h, e in zip(hrefs, result.entries, strict=True)]
    assert set(result.block_shapes) == {shape}
    assert len(result.other_articles) == 3  # the sidebar: articles, not this list's entries
    assert all(e.date_text and e.date_text.startswith("2016-07-") for e in result.entries)


def test_pinyin_slugs_are_articles_in_a_block_and_by_their_learned_shape_elsewhere():
    hrefs = ["/guonei/zhongguo-jingji.html", "/guonei/qiuliang-shougou.html",
             "/guonei/qixiang-weixing.html"]
    result = parse_list(page(listing(hrefs)), H + "/guonei/")
    assert [e.url for e in result.entries] == [H + h for h in hrefs]
    assert set(result.block_shapes) == {"/**/*.html"}
    home = page("<p><a href='/guoji/haimian-chengshi.html'>沿海城市加快推进海绵城市建设</a></p>"
                "<p><a href='/about.html'>关于</a></p>")
    assert article_links(home, H + "/") == []  # nothing learned yet: one link is no block
    learned = frozenset(result.block_shapes)
    assert article_links(home, H + "/", known=learned) == [H + "/guoji/haimian-chengshi.html"]


def test_navigation_and_short_links_are_not_articles():
    html = page(nav(("/a/shehui/", "社会"), ("/a/guoji/", "国际"), ("/a/keji/", "科技")),
                "<div class='place'><a href='/'>主页</a> > <a href='/a/shehui/'>社会</a></div>",
                listing(["/a/shehui/2016/0712/1.html", "/a/shehui/2016/0712/2.html",
                         "/a/shehui/2016/0712/3.html"]))
    result = parse_list(html, H + "/a/shehui/")
    assert [e.url.rsplit("/", 1)[1] for e in result.entries] == ["1.html", "2.html", "3.html"]
    assert H + "/a/guoji/" in result.subsection_urls


def test_a_posts_own_html5_header_is_not_page_furniture():
    posts = "".join(
        f"<article><header class='entry-header'><h2><a href='/2016/07/p{i}/'>{HEADLINES[i]}</a>"
        f"</h2></header></article>" for i in range(3))
    html = page(f"<header><a href='/'>主页</a></header><main>{posts}</main>")
    result = parse_list(html, H + "/category/guonei/")
    assert [e.url for e in result.entries] == [H + f"/2016/07/p{i}/" for i in range(3)]


def test_mobile_copies_are_never_followed():
    hrefs = [f"/a/guonei/2016/0712/{aid}.html" for aid in (1, 2, 3)]
    mobile = [f"/m/view.php?aid={aid}" for aid in (4, 5, 6)]
    html = page(listing(hrefs), listing(mobile, cls="mlist"), nav(("/m/", "手机版"),
                ("/m/list.php?tid=1", "国内"), ("/a/guonei/", "国内")))
    result = parse_list(html, H + "/a/guonei/")
    assert all("/m/" not in url for url in [e.url for e in result.entries]
               + result.other_articles + result.subsection_urls)


# -- pagination ---------------------------------------------------------------------------------

PAGINATIONS = {
    # here, numbered links (text, href) and the URL of page 7, the last one
    "dedecms-static": ("/a/guonei/list_5_3.html",
                       [("2", "list_5_2.html"), ("4", "list_5_4.html"), ("5", "list_5_5.html")],
                       "/a/guonei/list_5_7.html"),
    "dedecms-dynamic": ("/plus/list.php?tid=5&TotalResult=68&PageNo=3",
                        [("2", "/plus/list.php?tid=5&TotalResult=68&PageNo=2"),
                         ("4", "/plus/list.php?tid=5&TotalResult=68&PageNo=4")],
                        "/plus/list.php?PageNo=7&TotalResult=68&tid=5"),
    "phpcms-dynamic": ("/index.php?m=content&c=index&a=lists&catid=6&page=3",
                       [("2", "/index.php?m=content&c=index&a=lists&catid=6&page=2"),
                        ("4", "/index.php?m=content&c=index&a=lists&catid=6&page=4")],
                       "/index.php?a=lists&c=index&catid=6&m=content&page=7"),
    "phpcms-static": ("/html/guonei/3.html", [("2", "2.html"), ("4", "4.html")],
                      "/html/guonei/7.html"),
    "empire-static": ("/guonei/index_3.html", [("2", "index_2.html"), ("4", "index_4.html")],
                      "/guonei/index_7.html"),
    "empire-dynamic": ("/e/action/ListInfo.php?classid=2&page=2",  # page numbers from 0
                       [("2", "/e/action/ListInfo.php?classid=2&page=1"),
                        ("4", "/e/action/ListInfo.php?classid=2&page=3")],
                       "/e/action/ListInfo.php?classid=2&page=6"),
}


@pytest.mark.parametrize("case", PAGINATIONS.values(), ids=PAGINATIONS.keys())
def test_pagination_is_completed_from_its_template(case):
    here, numbered, last_url = case
    block = pages(("首页", numbered[0][1]), ("上一页", numbered[0][1]), *numbered,
                  ("下一页", numbered[1][1]), info="<li><span class='pageinfo'>共 7 页</span></li>")
    html = page(listing([f"/guonei/{aid}.html" for aid in (1, 2, 3)]), block)
    result = parse_list(html, H + here)
    assert result.pagination.current == 3
    assert result.last_page == 7
    assert result.pagination.pages[7] == H + last_url
    assert result.next_url == result.pagination.pages[4]
    assert len(result.page_urls) == 6 - (1 not in result.pagination.pages)
    assert not any(e.url in result.pagination.urls for e in result.entries)


def test_landing_page_fans_out_to_every_page_and_the_select_menu_counts():
    block = pages(("1", "list_5_1.html"), ("2", "list_5_2.html"), ("下一页", "list_5_2.html"),
                  ("末页", "list_5_9.html"))
    select = ("<select name='sldd'><option value='list_5_1.html' selected>1</option>"
              "<option value='list_5_12.html'>12</option></select>")
    html = page(listing(["/a/guonei/2016/0712/1.html"] * 3),
                block.replace("</ul>", f"<li>{select}</li></ul>"))
    result = parse_list(html, H + "/a/guonei/")
    assert result.pagination.current == 1 and result.last_page == 12
    assert result.next_url == H + "/a/guonei/list_5_2.html"
    assert result.page_urls[-1] == H + "/a/guonei/list_5_12.html"
    assert len(result.page_urls) == 11  # pages 2..12, not page 1 again


@pytest.mark.parametrize("label", ["下一页", "下一页>", "[下一页]", "下一頁", "Next »",
                                   "« Older Entries", "older posts"])
def test_next_labels_in_their_usual_dresses(label):
    here = "/category/guonei/"
    html = page(listing(["/2016/07/12/a/", "/2016/07/12/b/", "/2016/07/12/c/"]),
                f"<div class='nav-links'><a href='/category/guonei/page/2/'>{label}</a></div>")
    assert parse_list(html, H + here).next_url == H + "/category/guonei/page/2/"


def test_wordpress_paginate_links_with_their_screen_reader_prefix():
    prefix = "<span class='screen-reader-text'>页 </span>"
    links = "".join(f"<a class='page-numbers' href='/category/guonei/page/{n}/'>{prefix}{n}</a>"
                    for n in (2, 3))
    block = (f"<nav class='navigation pagination'><div class='nav-links'>"
             f"<span class='page-numbers current'>{prefix}1</span>{links}"
             f"<a class='next page-numbers' href='/category/guonei/page/2/'>下一页</a></div></nav>")
    html = page(listing(["/2016/07/12/a/", "/2016/07/12/b/", "/2016/07/12/c/"]), block)
    result = parse_list(html, H + "/category/guonei/")
    assert result.last_page == 3 and result.next_url == H + "/category/guonei/page/2/"
    assert H + "/category/guonei/page/3/" not in result.subsection_urls


def test_pages_linking_back_to_themselves_lead_nowhere():
    here = "/a/guonei/list_5_2.html"
    block = pages(("1", here), ("2", here), ("下一页", here), ("末页", here))
    result = parse_list(page(block), H + here)
    assert result.next_url is None
    assert result.page_urls == []


def test_a_numbered_ranking_list_is_not_pagination():
    ranking = "".join(f"<li><span>{n}</span><a href='/a/x/2016/0712/{n}.html'>{HEADLINES[n]}</a>"
                      "</li>" for n in range(1, 5))
    result = parse_list(page(f"<ul class='rank'>{ranking}</ul>"), H + "/a/x/")
    assert result.next_url is None and result.last_page == 1


# -- sections -----------------------------------------------------------------------------------

def test_sections_from_navigation_directories_and_dynamic_list_links():
    toplinks = ("<div class='toplinks'><a href='/plus/heightsearch.php'>高级搜索</a>"
                "<a href='/data/sitemap.html'>网站地图</a><a href='/tags.php'>TAG标签</a>"
                "<a href='/data/rssmap.html'>RSS订阅</a></div>")
    footer = "<div class='footer'><a href='/about/'>关于我们</a><a href='/join/'>招聘</a></div>"
    html = page(toplinks, nav(("/", "主页"), ("/plus/list.php?tid=1", "社会"),
                              ("/guoji/", "国际"), ("/index.php?m=content&c=index&a=lists&catid=6",
                                                   "财经"), ("/e/action/ListInfo.php?classid=2",
                                                           "科技")), footer)
    assert section_urls(html, H + "/") == [
        H + "/plus/list.php?tid=1", H + "/guoji/",
        H + "/index.php?a=lists&c=index&catid=6&m=content",
        H + "/e/action/ListInfo.php?classid=2",
    ]


def test_links_with_path_tricks_are_never_sections():
    links = "".join(f'<a href="{h}">x</a>' for h in ["../../etc/passwd", "/%2e%2e/etc/passwd",
                                                      "/a/b/c", "/x.jpg", "mailto:a@b"])
    assert section_urls(page(links), H + "/a/guoji/") == []


# -- article pages ------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "links", "expected"), [
    ("/a/x/2016/0712/9.html", ["9.html", "9_2.html", "9_3.html", "10_2.html"],
     ["/a/x/2016/0712/9_2.html", "/a/x/2016/0712/9_3.html"]),
    ("/plus/view.php?aid=9", ["/plus/view.php?aid=9&pageno=2", "/plus/view.php?aid=8&pageno=2"],
     ["/plus/view.php?aid=9&pageno=2"]),
    ("/index.php?m=content&c=index&a=show&catid=6&id=9",
     ["/index.php?m=content&c=index&a=show&catid=6&id=9&page=2"],
     ["/index.php?a=show&c=index&catid=6&id=9&m=content&page=2"]),
    ("/plus/view-9-1.html", ["view-9-1.html", "view-9-2.html", "view-19-2.html"],
     ["/plus/view-9-2.html"]),
    ("/2016/07/qiang-zai-da/", ["/2016/07/qiang-zai-da/2/", "/2016/07/other/2/"],
     ["/2016/07/qiang-zai-da/2/"]),
    ("/guonei/zhongguo-jingji.html", ["zhongguo-jingji_2.html"],
     ["/guonei/zhongguo-jingji_2.html"]),
])
def test_article_pages_are_the_links_that_fold_into_this_page(url, links, expected):
    html = page(pages(*[("下一页", href) for href in links])).encode()
    assert article_page_urls(html, H + url) == [H + e for e in expected]


def test_article_page_numbers_come_from_the_link_text_when_it_has_one():
    here = "/e/action/ShowInfo.php?classid=2&id=9"  # EmpireCMS counts &page= from 0
    links = [("1", here + "&page=0"), ("2", here + "&page=1"), ("3", here + "&page=2")]
    html = page(pages(*links)).encode()
    assert article_page_urls(html, H + here) == [
        H + "/e/action/ShowInfo.php?classid=2&id=9&page=1",
        H + "/e/action/ShowInfo.php?classid=2&id=9&page=2",
    ]


# -- what is learned, pinned and recognised -----------------------------------------------------

def test_profile_patterns_pin_articles_and_lists():
    pins = profile_from_dict({"article_url_patterns": [r"/guonei/\d+\.html$"],
                              "list_url_patterns": [r"/guonei/p\d+\.html$"]})
    html = page(listing(["/guonei/1.html", "/guonei/2.html", "/guonei/p2.html", "/x/3.html"]))
    result = parse_list(html, H + "/guonei/", pins=pins)
    assert [e.url for e in result.entries] == [H + "/guonei/1.html", H + "/guonei/2.html"]
    assert H + "/guonei/p2.html" in result.subsection_urls


def test_shape_book_round_trip_and_changes():
    book = ShapeBook.from_json(None)
    example = H + "/a/x/2016/0712/1.html"
    assert book.learn("article", url_shape(example), example)
    assert not book.learn("article", r"/**/\d{4}/\d{4}/\d+.html", "x")
    again = ShapeBook.from_json(book.to_json())
    assert again.articles[r"/**/\d{4}/\d{4}/\d+.html"]["seen"] == 2
    assert again.changes() == {"articles_new": []}
    again.learn("article", r"/**/\d+.html", H + "/guonei/5.html")
    assert again.changes()["articles_new"] == [r"/**/\d+.html"]
    assert ShapeBook.from_json("not json").articles == {}


@pytest.mark.parametrize(("html", "family"), [
    ('<meta name="generator" content="DedeCMS V5.7"/>', "DedeCms"),
    ("<a href='/plus/list.php?tid=1'>x</a><div class='dede_pages'></div>", "DedeCms"),
    ("<a href='/index.php?m=content&c=index&a=lists&catid=6'>x</a>", "PHPCMS"),
    ("<a href='/e/action/ListInfo.php?classid=2'>x</a><img src='/d/file/p/1.jpg'>", "EmpireCMS"),
    ("<link href='/wp-content/themes/x/style.css'>", "WordPress"),
])
def test_cms_family_from_its_marks(html, family):
    assert detect_family([html]).family == family


def test_no_family_for_a_plain_page():
    assert detect_family(["<html><body><a href='/a/'>x</a></body></html>"]) is None


# -- real pages ---------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
REALPAGES = next((p for p in (ROOT.parent / "shared" / "realpages",
                              ROOT.parent.parent / "shared" / "realpages") if p.is_dir()), None)
needs_realpages = pytest.mark.skipif(REALPAGES is None, reason="shared/realpages not mounted")


@needs_realpages
def test_real_pages_blocks_are_headlines_and_sections_are_pages():
    pages_seen, titles = 0, []
    for path in sorted((REALPAGES / "zh-portals" / "tests").glob("*/*.html")):
        url = f"http://{path.parent.name}.example.com/a/1.html"
        result = parse_list(path.read_bytes(), url)
        titles += [len(entry.title) for entry in result.entries]
        for entry in result.entries:
            assert entry.title, (path, entry)
            assert entry.url.startswith(f"http://{path.parent.name}.example.com/")
        for section in result.subsection_urls:
            assert not section.endswith((".jpg", ".png", ".css", ".js")), (path, section)
        pages_seen += 1
    assert pages_seen >= 50
    assert sum(titles) / len(titles) >= 10  # headlines, not menu words


@needs_realpages
@pytest.mark.parametrize(("name", "shape"), [
    ("sina/2.html", r"/**/\d{4}-\d{2}-\d{2}/doc-[a-z]+\d+.shtml"),
    ("thepaper/1.html", r"/newsDetail_forward_\d+"),
])
def test_real_related_news_blocks_teach_the_portals_article_shape(name, shape):
    path = REALPAGES / "zh-portals" / "tests" / name
    html = path.read_bytes()
    host = {"sina/2.html": "https://finance.sina.com.cn/roll/2018-12-28/x.shtml",
            "thepaper/1.html": "https://www.thepaper.cn/newsDetail_forward_1"}[name]
    assert shape in parse_list(html, host).block_shapes, json.dumps(
        sorted(parse_list(html, host).block_shapes), ensure_ascii=False)


def test_shape_book_keeps_the_most_seen_shapes_only():
    from newscrawler.discovery.shapes import MAX_SHAPES

    book = ShapeBook()
    book.learn("article", "/**/\\d+.html", "x")
    book.learn("article", "/**/\\d+.html", "x")
    for n in range(MAX_SHAPES + 5):
        book.learn("article", f"/junk{n}/*", "y")
    assert len(book.articles) == MAX_SHAPES
    assert "/**/\\d+.html" in book.articles
