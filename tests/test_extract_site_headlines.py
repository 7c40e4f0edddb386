"""Where government, school and small-CMS sites print the headline and its date
(``newscrawler/extract/title.py``, ``meta.py``, ``dates.py``): the forms blind batches 42-45
showed once they had been measured, each written here as a small page of its own."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import extract_article, parse_date
from newscrawler.extract.article import parse_html
from newscrawler.extract.dates import han_numeral_dates
from newscrawler.extract.headline_fallbacks import heading_before
from newscrawler.extract.meta import date_from_url

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://www.example.gov.cn/art/2024/6/19/art_1_2.html"
TEXT = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 6
TITLE = "全市城市更新现场推进会到高新区考察"


def test_a_government_page_declares_its_headline_in_article_title() -> None:
    """北京市西城区: ``<title>`` is the site's name, the headline a plain ``<div>``, and the
    page's metadata (``ArticleTitle``, as 政府网站发展指引 asks) names it."""
    html = f"""<html><head><meta charset="utf-8"><title>北京市西城区人民政府</title>
<meta name="SiteName" content="北京市西城区人民政府"><meta name="ColumnName" content="社会服务">
<meta name="ArticleTitle" content="{TITLE}"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/shfw/">社会服务</a></div>
<div class="xiangqing"><div class="xq_bt">{TITLE}</div>
<div><p>{TEXT}</p></div><p>发布时间：2017-05-02</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2017-05-02T00:00:00+08:00"
    undeclared = html.replace(f'<meta name="ArticleTitle" content="{TITLE}">'.encode(), b"")
    assert extract_article(undeclared, URL, now=NOW)["title"] != TITLE


def test_the_site_s_logo_heading_is_not_the_headline() -> None:
    """A Z-BlogPHP theme: ``<h1 class="name"><a href="index.html">博客名</a></h1>`` in the
    masthead matches the site's part of ``<title>博客名 - 标题</title>``; the post's ``<h1>`` is
    the headline. Without the home link, the masthead heading would win."""
    headline = "江南的雨，如梦，如诗，如歌，如韵"
    html = f"""<html><head><meta charset="utf-8"><title>我的北极世界 - {headline}</title>
</head><body><div class="header"><h1 class="name"><a href="index.html">我的北极世界</a></h1>
</div><div class="post"><h1>{headline}</h1><div class="info"><span class="user">admin</span>
<span class="date">5年前 (2018-05-13)</span></div><div class="single"><p>{TEXT}</p></div>
</div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == headline
    unlinked = html.replace(b'<a href="index.html">', b"<a>")
    assert extract_article(unlinked, URL, now=NOW)["title"] == "我的北极世界"


def test_a_logo_box_heading_is_not_the_headline() -> None:
    """广西政府网: ``<div class="logo"><h1>站名</h1></div>`` first, then the article's ``<h1>``;
    the ``<title>`` is the site's name and its host."""
    html = f"""<html><head><meta charset="utf-8">
<title>广西壮族自治区人民政府门户网站 - www.gxzf.gov.cn</title></head><body>
<div class="logo"><h1>广西壮族自治区人民政府门户网站</h1></div>
<div class="article"><h1>{TITLE}</h1><div class="info">来源： 广西日报 2024-10-17 08:03</div>
<div class="content"><p>{TEXT}</p></div></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2024-10-17T08:03:00+08:00"


def test_a_heading_that_holds_its_meta_line_without_a_break() -> None:
    """上海市政府: ``<h2>标题<small>2023-08-19<span>来源：解放日报</span></small><div>字号：
    大 中 小</div></h2>``: the headline is the text before the date."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="Article"><h2 class="Article-title">{TITLE}
<small class="Article-time">2023-08-19 <span>来源：解放日报</span></small>
<div class="zihao"><span>字号：</span><a href="#">大</a><a href="#">中</a><a href="#">小</a></div>
</h2><div class="Article_content"><p>{TEXT}</p></div></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2023-08-19T00:00:00+08:00"


def test_the_headline_above_a_bracketed_labelled_date_line() -> None:
    """A school site: ``<div class="tit">标题</div><div class="pub_time">[发布时间2018年12月29日]
    </div>``, no heading, the ``<title>`` the school's name."""
    html = f"""<html><head><meta charset="utf-8"><title>鞍山市铁东区胜利小学</title></head>
<body><div class="ny_list_tiel"><strong>详情信息</strong><p><a href="../index.html">首页</a>
 &gt; 详情信息</p></div><div class="sys_info"><div class="tit">{TITLE}</div>
<div class="pub_time">[发布时间2018年12月29日]</div><div class="content"><p>{TEXT}</p></div>
</div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2018-12-29T00:00:00+08:00"


def test_a_clock_widget_s_today_is_no_date() -> None:
    """绍兴一中: ``<div class="date">今天是<script …show_date.js></script></div>`` at the top of
    every page (a script prints today's date); the labelled date under the headline is the
    article's, even when the text repeats the headline in an ``<h1>`` of its own."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}--校长专栏-绍兴市第一中学</title>
</head><body><div id="top"><div class="date">今天是<script src="/js/show_date.js"></script>
</div></div><div class="printArea"><h2 class="title">{TITLE}</h2>
<div class="property"><span>文章来源：本站原创</span> <span>作者：王琛</span>
<span>发布时间：2019年08月02日</span> <span>点击数： 次</span></div>
<div class="conTxt"><h1><span><strong>{TITLE}</strong></span></h1><p>{TEXT}</p></div></div>
</body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2019-08-02T00:00:00+08:00"
    assert record["author"] == "王琛"


@pytest.mark.parametrize(("text", "expected"), [
    ("今天是", None),  # a clock widget's "today is"
    ("今天是 2026年12月3日 星期四", "2026-12-03T00:00:00+08:00"),  # its date, if it printed one
    ("今日头条", None),
    ("今天 10:30", "2026-12-03T10:30:00+08:00"),
    ("昨天", "2026-12-02T00:00:00+08:00"),
])
def test_a_relative_day_is_a_word_of_its_own(text: str, expected: str | None) -> None:
    parsed = parse_date(text, now=NOW)
    assert (parsed.isoformat() if parsed else None) == expected


def test_a_labelled_date_printed_after_a_link_in_its_box() -> None:
    """A school CMS: ``<a>[手机版本]</a><a>[扫描分享]</a>&nbsp;发布时间：2015年10月14日`` inside
    the headline's box: the label is the tail of a link, its box the meta line."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="div_title">{TITLE}<div class="box"><div><a href="../../index.html">[鲁山教育网]</a>
&nbsp;<a href="javascript:void(0);">[手机版本]</a>&nbsp;<a href="javascript:void(0);">[扫描分享]
</a>&nbsp;&nbsp;发布时间：2015年10月14日<div class="div_viewcount">查看:<span>1838</span></div>
来源:</div></div></div><div class="div_content"><p>{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == "2015-10-14T00:00:00+08:00"


def test_a_short_headline_that_is_a_piece_of_the_title_with_a_date_under_it() -> None:
    """A Hugo theme: ``<title>奢与简 - 109km is a distance.</title>``, ``<h1 class="post-title">
    奢与简</h1>`` and ``20 Feb 2019`` under it: the short piece is the headline, the longer one
    the blog's name. Without the date under it, the heading is not trusted."""
    html = f"""<html><head><meta charset="utf-8"><title>奢与简 - 109km is a distance.</title>
</head><body><header class="site"><a href="/">109km</a></header>
<header class="post-header"><h1 class="post-title">奢与简</h1>
<div class="post-desc"><time class="post-date">20 Feb 2019</time> @阿信</div></header>
<div class="post-content"><p>{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == "奢与简"
    undated = html.replace(b"20 Feb 2019", b"")
    assert extract_article(undated, URL, now=NOW)["title"] == "109km is a distance."


@pytest.mark.parametrize(("url", "expected"), [
    ("https://blog.m157q.tw/posts/2016/05/15/imprisoned-taiwan/", "2016-05-15T00:00:00+08:00"),
    ("https://example.org/2021/3/9/a-post/", "2021-03-09T00:00:00+08:00"),
    ("http://www.example.cn/a/2016/0712/123.html", "2016-07-12T00:00:00+08:00"),
    ("https://example.org/2021/13/40/not-a-date/", None),
])
def test_a_date_a_permalink_gives(url: str, expected: str | None) -> None:
    """WordPress's "day and name" permalinks (``/%year%/%monthnum%/%day%/%postname%/``), which
    Hexo, Pelican and Jekyll copy, date a page that prints its date nowhere else."""
    parsed = date_from_url(url, "Asia/Shanghai", NOW)
    assert (parsed.isoformat() if parsed else None) == expected


def test_an_event_s_time_in_the_text_is_not_the_article_s() -> None:
    """A blog post about job interviews: ``面試時間：2015/12/30 16:00`` in its text; the page's
    own date is in its permalink. ``时间：`` alone is still a date label."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="content"><p>{TEXT * 2}</p><ul><li>面試時間：2015/12/30 16:00</li>
<li>面試地點：台北市</li></ul><p>{TEXT}</p></div></body></html>""".encode()
    url = "https://blog.example.tw/posts/2016/02/12/first-job-interviews/"
    assert extract_article(html, url, now=NOW)["published_at"] == "2016-02-12T00:00:00+08:00"
    labelled = html.replace("面試時間".encode(), "時間".encode())
    assert extract_article(labelled, url, now=NOW)["published_at"] == "2015-12-30T16:00:00+08:00"


def test_each_item_s_time_in_a_list_of_comments_is_no_date() -> None:
    """A nursing home's page: its testimonial list prints ``<span class="time">3小时前</span>`` in
    every item; the article prints no date, so it has none. The page's own meta list
    (``<li class="time">``) still dates it."""
    items = "".join(f'<li><span class="name">读者{n}</span><span class="time">{n}小时前</span>'
                    f"<p>很好很好很好</p></li>" for n in (3, 4))
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="info">文章来源：民众护理院</div><div class="content"><p>{TEXT}</p>
<p>{TEXT}</p></div><div class="com-list"><ul>{items}</ul></div></body></html>""".encode()
    url = "http://www.example.com/mzdt/7.html"
    assert extract_article(html, url, now=NOW)["published_at"] is None
    own = html.replace('<div class="info">文章来源：民众护理院</div>'.encode(),
                       '<ul class="info"><li>来源：本站</li><li class="time">2019-05-06</li></ul>'
                       .encode())
    assert extract_article(own, url, now=NOW)["published_at"] == "2019-05-06T00:00:00+08:00"


def test_the_h1_with_the_date_under_it_when_the_title_is_printed_nowhere() -> None:
    """A CICPA page whose ``<title>`` is ``网站名-要闻`` (printed nowhere on the page): the
    ``<h1>`` with ``2021-04-08 04:58`` under it is the headline, and that its date."""
    html = f"""<html><head><meta charset="utf-8"><title>新疆注册会计师全国统一考试网-要闻</title>
</head><body><div class="nav"><a href="/">首页</a>&gt;<a href="/xw/">新闻报道</a></div>
<div class="top"><div class="yaowen-content-top"><h1>{TITLE}</h1><p><span>2021-04-08 04:58</span>
</p></div></div><div class="main"><div class="left"><div class="box"><div class="content"><p>
2020年12月31日，{TEXT}</p></div></div></div></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["title"], record["published_at"]) == (TITLE, "2021-04-08T04:58:00+08:00")
    undated = html.replace(b"<span>2021-04-08 04:58</span>", b"").replace(
        "2020年12月31日，".encode(), b"")
    assert extract_article(undated, URL, now=NOW)["title"] == "新疆注册会计师全国统一考试网-要闻"


@pytest.mark.parametrize(("text", "expected"), [
    ("二○一○年五月二十四日", "2010年5月24日"),
    ("二〇二三年十月十二日", "2023年10月12日"),
    ("一九九九年十二月三十一日", "1999年12月31日"),
    ("二〇二三年十三月一日", "二〇二三年十三月一日"),  # no such month: left as printed
    ("十月十二日", "十月十二日"),  # no year
])
def test_a_date_in_chinese_numerals(text: str, expected: str) -> None:
    assert han_numeral_dates(text) == expected


def test_a_notice_dated_by_its_sign_off_not_by_a_deadline_in_it() -> None:
    """广东省通信管理局's recruitment notice: no date by the headline, a deadline in the text
    (``报名截止日期：2010年6月20日``, an event's), and the sign-off ``广东省通信管理局`` /
    ``二○一○年五月二十四日`` on lines of their own at the end."""
    html = f"""<html><head><meta charset="gb2312"><title>招聘启事</title></head><body>
<table><tr><td class="title">招聘启事</td></tr><tr><td class="content">{TEXT}<br>
报名截止日期：2010年6月20日。关于我局的有关情况请登录网站了解查询。<br>{TEXT}<br>
广东省通信管理局<br>二○一○年五月二十四日</td></tr></table></body></html>""".encode("gb18030")
    url = "http://www.example.gov.cn/new/1.htm"
    assert extract_article(html, url, now=NOW)["published_at"] == "2010-05-24T00:00:00+08:00"
    unsigned = html.replace("<br>二○一○年五月二十四日".encode("gb18030"), b"")
    assert extract_article(unsigned, url, now=NOW)["published_at"] is None


SITE = "成都示例科技有限公司"
MENU = """<ul class="nav"><li><h3><a href="/">网站首页</a></h3></li>
<li><h3><a href="/news/">新闻资讯</a></h3></li>
<li><h3><a href="/about/contact/">联系我们</a></h3></li></ul>"""


def _heading_before_text(html: str) -> str | None:
    """The heading ``heading_before`` finds above the page's ``<div class="text">``."""
    root = parse_html(html.encode())
    found = heading_before(root.xpath("//div[@class='text']")[0])
    return found[0] if found else None


def test_a_category_box_named_like_a_menu_link_is_not_the_headline() -> None:
    """A company site whose ``<title>`` is its name (scmakeup.com): between the ``<h2>``
    headline and the text, a box of the section's categories opens with ``<li><h3>新闻资讯``,
    the name the breadcrumb links. Neither a list's entry nor a link's text is the headline."""
    html = f"""<html><head><meta charset="utf-8"><title>{SITE}</title></head><body>
<div id="location"><a href="/">首页</a> &gt; <a href="/news/">新闻资讯</a> &gt; 正文</div>
<div id="product"><h2 align="center">{TITLE}</h2><div id="productdetail">
<div class="thisproductcat"><ul><li><h3>新闻资讯</h3></li><li><a href="/news/1/">媒体报道</a>
</li><li><a href="/news/2/">公司动态</a></li></ul></div>
<div class="text"><p>{TEXT}</p><p>{TEXT}</p></div></div></div></body></html>"""
    assert _heading_before_text(html) == TITLE
    boxed = html.replace("<li><h3>新闻资讯</h3></li>", "<li></li></ul><h3>新闻资讯</h3><ul>")
    assert _heading_before_text(boxed) == TITLE
    unlinked = boxed.replace('<a href="/news/">新闻资讯</a>', "新闻资讯")
    assert _heading_before_text(unlinked) == "新闻资讯"  # a box's own heading, as far as we know


def test_a_menu_entry_is_not_the_headline_and_the_headline_may_open_the_text_box() -> None:
    """Mobile pages of a company site (舜王科技): the menu's ``<li><h3>`` precede the text,
    whose box opens with ``<div class="about_title">`` under a box label; the page's
    ``<title>`` wraps the headline in brackets."""
    html = f"""<html><head><meta charset="utf-8"><title>【{TITLE}】 - {SITE}</title></head>
<body>{MENU}<div class="mytit"><div class="mytit_title"><span>图文详情</span></div>
<div class="about_title">{TITLE}</div><p></p>
<p><font>现在社会上涌现的各种</font>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["title"] == TITLE
    assert f"现在社会上涌现的各种{TEXT}" in record["body"].splitlines()


def test_a_heading_after_a_caption_in_the_text_box_is_not_the_headline() -> None:
    """The search at the top of the text's box stops at the first other text: a related
    box's ``<h1>`` after a photo caption is not the headline (slate.com's ``More on …``), the
    heading before the box is."""
    html = f"""<html><head><meta charset="utf-8"><title>{SITE}</title></head><body>
<h2>{TITLE}</h2><div class="text"><div class="image__caption">图为现场。</div>
<aside><h1>更多相关阅读推荐</h1><ol><li><a href="/1">另一篇文章</a></li></ol></aside>
<p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert _heading_before_text(html) == TITLE
    at_top = html.replace('<div class="image__caption">图为现场。</div>', "")
    assert _heading_before_text(at_top) == "更多相关阅读推荐"  # nothing before it in the box


def test_a_one_piece_title_printed_in_the_masthead_above_a_dated_h1() -> None:
    """A Discuz! portal page (美丽厦门全域推广联盟): the ``<title>`` is the site's name alone,
    printed by an ``<h4>`` in the top bar over the menu; the ``<h1>`` below, with its date
    under it, is the headline. Under the ``<h1>``, the same ``<h4>`` would be the headline (a
    one-piece title naming the article)."""
    links = "".join(f'<a href="/{n}/">栏目名称{n}</a>' for n in range(20))
    top = f'<div class="top"><span><h4>{SITE}</h4></span></div><div class="nav">{links}</div>'
    article = f"""<div class="h hm"><h1 class="ph">{TITLE}</h1>
<p class="xg1">2017-1-19 10:26 | 发布者: 编辑部</p></div><div class="d"><p>{TEXT}</p></div>"""
    html = f"""<html><head><meta charset="utf-8"><title>{SITE}</title></head><body>
{top}
{article}</body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == TITLE
    below = html.replace(f"{top}\n{article}", f"{article}\n{top}")
    assert extract_article(below.encode(), URL, now=NOW)["title"] == SITE


def test_a_short_headline_first_in_the_title_over_the_blog_s_name() -> None:
    """A WordPress blog: ``<title>碎碎念 - 安言的个人博客</title>``. The first piece is too short
    to trust alone, but the ``<h1>`` prints it with the date under it, while the blog's name is
    an undated ``<h5>`` in the sidebar: the headline is the short piece. With the date gone, the
    longer piece stays the title, as for ``要闻 - 标题``."""
    blog = "安言的个人博客"
    html = f"""<html><head><meta charset="utf-8"><title>碎碎念 - {blog}</title></head><body>
<div class="post"><h1>碎碎念</h1><h5>于 2020-04-25 由 安言 发布</h5><p>{TEXT}</p></div>
<div class="sidebar"><h5>{blog}</h5><p>一个记录生活的地方</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == "碎碎念"
    undated = html.replace("<h5>于 2020-04-25 由 安言 发布</h5>", "")
    assert extract_article(undated.encode(), URL, now=NOW)["title"] == blog


def test_a_short_headline_under_the_blog_s_name_in_the_masthead() -> None:
    """A Hexo blog (``<title>隨筆 | LianSheng</title>``): the masthead's ``<h1>LianSheng</h1>``
    and the post's ``<h1>隨筆</h1>`` are both followed by the date, the post's more closely."""
    html = f"""<html><head><meta charset="utf-8"><title>隨筆 | LianSheng</title></head><body>
<header><h1>LianSheng</h1><p>浮潛於資訊中</p><nav>歸檔 分類 標籤 關於</nav></header>
<article><h1>隨筆</h1><div class="meta">2020-04-07 隨筆</div><p>{TEXT}</p></article>
</body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == "隨筆"


def test_a_short_headline_dated_past_the_theme_s_indentation() -> None:
    """A Hexo theme (``<title>随想 | Notes</title>``) indents its markup so deeply that the
    source between the ``<h1>`` and its date is mostly spaces: the date still confirms it."""
    indent = "\n" + " " * 40
    wrapped = "".join(f"{indent}<div>" for _ in range(8)) + "发布日期: 2019-04-10" + \
        "".join(f"{indent}</div>" for _ in range(8))
    html = f"""<html><head><meta charset="utf-8"><title>随想 | Notes</title></head><body>
<div class="cover"><div class="brand"><h1 class="post-title">随想</h1></div></div>
<main>{wrapped}<div class="article"><p>{TEXT}</p></div></main></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == "随想"
    assert extract_article(html.replace("发布日期: 2019-04-10", "").encode(), URL,
                           now=NOW)["title"] == "Notes"


def test_a_dateline_closing_the_text_beats_the_date_in_the_url() -> None:
    """A company's news page (舜王科技) prints no date by its headline, and its URL holds the
    day the CMS filed it (``/2018/0112/``); the text closes with the day it was written,
    which the reader sees. Without that line, the URL's day is the page's date."""
    url = "http://m.example.com/news/2018/0112/3.html"
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}_{SITE}</title></head><body>
<div class="about"><h1>{TITLE}</h1><div class="text"><p>{TEXT}</p><p>{TEXT}</p>
<p>企业文化部 供稿</p><p>2017年3月18日</p></div></div></body></html>"""
    assert extract_article(html.encode(), url, now=NOW)["published_at"] == \
        "2017-03-18T00:00:00+08:00"
    unsigned = html.replace("<p>2017年3月18日</p>", "")
    assert extract_article(unsigned.encode(), url, now=NOW)["published_at"] == \
        "2018-01-12T00:00:00+08:00"


def test_a_share_button_s_pop_up_heading_is_not_the_headline() -> None:
    """中央纪委国家监委网站's commentary pages: the ``<title>`` names the column and the site
    (``评论——中央纪委国家监委网站``), and between the ``<h2>`` headline and the text a WeChat
    share button holds its pop-up's ``<h4>微信扫一扫：分享</h4>`` inside its link."""
    share = """<div class="share"><a class="icon-wechat" href="javascript:;"><span>微信</span>
<div class="wechat-qrcode"><h4>微信扫一扫：分享</h4><div class="qrcode"></div></div></a></div>"""
    html = f"""<html><head><meta charset="utf-8"><title>评论——{SITE}</title></head><body>
<div class="main"><h2 class="tit">{TITLE}</h2><div class="daty"><em>来源：{SITE}</em>
<em>发布时间： 2022-05-07 07:00</em>{share}</div>
<div class="text"><p>{TEXT}</p><p>{TEXT}</p></div></div></body></html>"""
    assert _heading_before_text(html) == TITLE
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["title"], record["published_at"]) == (TITLE, "2022-05-07T07:00:00+08:00")


def test_a_title_whose_pieces_are_glued_by_lone_em_dashes() -> None:
    """科学网: ``<title>标题—新闻—科学网</title>`` and the headline printed in a styled cell, a
    centered caption under the photo below it. A doubled em dash is the headline's own."""
    headline = "一种新型元DNA结构研制成功"
    html = f"""<html><head><meta charset="utf-8"><title>{headline}—新闻—科学网</title></head><body>
<table><tr><td class="style1" align="center">{headline}</td></tr>
<tr><td>作者：黄辛 来源：中国科学报 发布时间：2020/9/25 11:25:13</td></tr></table>
<div class="text"><p><img src="a.jpg"></p><p style="TEXT-ALIGN: center">从一维到三维的DNA结构</p>
<p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["title"], record["author"]) == (headline, "黄辛")
    doubled = html.replace(f"{headline}—新闻—科学网", f"{headline}——访问记").replace(
        f'"center">{headline}<', f'"center">{headline}——访问记<')
    assert extract_article(doubled.encode(), URL, now=NOW)["title"] == f"{headline}——访问记"


@pytest.mark.parametrize("hiding", ["font-size:0", "display: none", "visibility:hidden"])
def test_a_hidden_seo_heading_is_not_the_headline(hiding: str) -> None:
    """香港科技大學 holds the ``<title>`` (site name and all) in an ``<h1>`` no one sees;
    the headline is the ``<h2>`` with the date under it."""
    headline = "專家系列：擁抱人工智能還是保持警惕？"
    html = f"""<html><head><meta charset="utf-8"><title>{headline} | 香港科技大學</title></head>
<body><h1 style="{hiding}" aria-label="{headline} | 香港科技大學">{headline} | 香港科技大學</h1>
<div class="nav">首頁 新聞</div><h2><span>{headline}</span></h2>
<div class="info-pre"><div class="field--name-created">2021-04-27</div></div>
<div class="article"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == headline
    assert record["published_at"] == "2021-04-27T00:00:00+08:00"


def test_a_hidden_widget_is_no_part_of_the_text() -> None:
    """swissinfo keeps a carousel it has not shown yet in ``visibility: hidden``."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="info">2024-06-19</div><div class="article"><p>{TEXT}</p>
<div style="visibility: hidden;"><p>讨论最多的文章都在这里列出，等待轮播显示给读者看看。</p></div>
<p>{TEXT}</p></div></body></html>""".encode()
    assert "讨论最多" not in extract_article(html, URL, now=NOW)["body"]


def test_a_meta_line_in_a_heading_tag_is_not_the_headline_above_the_text() -> None:
    """福州市疾控中心 (TRS): ``<title>`` names the column; the headline is an ``<h3>``, and the
    meta line under it an ``<h5>`` (``发布时间：… 来源：… 字号：大 | 中 | 小``), nearer the text."""
    html = f"""<html><head><meta charset="utf-8"><title>食品安全风险监测_市疾控中心</title></head>
<body><p class="nav"><a href="/">首页</a> &gt; <a href="../">食品安全风险监测</a></p>
<div class="n-tit"><h3>食品安全，从我做起</h3><h4></h4><h5>发布时间：2023-06-11 来源：福州市疾控中心
字号：<a href="javascript:void(0)">大</a> | <a href="javascript:void(0)">中</a> |
<a href="javascript:void(0)">小</a></h5></div><div class="content"><p>{TEXT}</p><p>{TEXT}</p></div>
</body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["title"] == "食品安全，从我做起"
    assert record["published_at"] == "2023-06-11T00:00:00+08:00"


def test_a_bracketed_label_in_bold_opening_the_text_is_not_the_headline() -> None:
    """上海交大校史网 prints its headline in a plain ``<div>`` and opens the text with
    ``<strong>[编者按]</strong>``: a label, not the headline; ``<title>`` names the headline."""
    html = f"""<html><head><meta charset="utf-8"><title>书生不辍爱国志-校史网</title></head><body>
<div class="con-h">书生不辍爱国志</div>
<div class="con-span">发布日期：2018-03-20 撰稿： 摄影：</div>
<div class="nr"><p><strong>[编者按]</strong>2016年4月8日，上海交通大学即将迎来一百二十岁华诞。</p>
<p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["title"] == "书生不辍爱国志"
    assert record["body"].startswith("[编者按]")


@pytest.mark.parametrize(("crumbs", "expected"), [
    ("<a>首页</a>>> <a>社会学研究</a>>> <a>性别社会学</a>>>",
     "性别顺应：生理性别和社会性别的匹配研究及启示"),  # the breadcrumb ends with the column
    # not the breadcrumb's end: no sign that <title> names a column, the heading it names stays
    ("<a>首页</a>>> <a>性别社会学</a>>> <a>社会学研究</a>>>", "性别社会学"),
])
def test_the_story_under_a_heading_that_prints_the_column(crumbs: str, expected: str) -> None:
    """社会学视野网: ``<title>`` names the column (``性别社会学_社会学视野网``), the breadcrumb ends
    with it and a heading prints it; the dated heading under it is the article's."""
    html = f"""<html><head><meta charset="utf-8"><title>性别社会学_社会学视野网</title></head>
<body><div class="breakNav">当前位置： {crumbs}</div>
<h2 class="sub_centent_title">性别社会学</h2><div class="sub_centent_list700">
<h2 class="sub-h2">性别顺应：生理性别和社会性别的匹配研究及启示</h2>
<div class="sub-time">2020-10-07 作者： 周培勤</div><div class="sub-p"><p>{TEXT}</p><p>{TEXT}</p>
</div></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == expected


def test_a_heading_printing_only_the_start_of_the_title_loses_to_one_printing_more() -> None:
    """www.hrbbus.cn: the header's ``<h1>哈尔滨地铁`` (the city switcher) starts the
    ``<title>`` as the story's ``<h1>`` below does, which prints the whole headline."""
    headline = "哈尔滨地铁3号线一期哈尔滨大街站开通"
    html = f"""<html><head><meta charset="utf-8"><title>{headline}-哈尔滨公交哈尔滨地铁</title>
</head><body><div class="city"><h1>哈尔滨地铁</h1><a href="#">[切换城市]</a></div>
<div class="info"><h1>{headline}</h1><p class="from">2017-06-26 哈尔滨公交地铁新闻</p>
<div><p>{TEXT}</p></div></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == headline
    logo_only = html.replace(f"<h1>{headline}</h1>".encode(), b"")
    assert extract_article(logo_only, URL, now=NOW)["title"] != headline


def test_the_wayback_machine_s_toolbar_is_not_the_page_s() -> None:
    """An archived copy carries the Wayback Machine's toolbar (``div#wm-ipp-base``) with its
    own ``COLLECTED BY`` heading and capture dates: none of it is the article's."""
    toolbar = ('<div id="wm-ipp-base"><div id="wm-ipp">'
               '<div style="color:#fff;font-weight:bold;text-align:center">COLLECTED BY</div>'
               '<div id="wm-capinfo">Organization: Archive Team</div></div></div>')
    html = f"""<html><head><meta charset="utf-8"><title>示例中学 Welcome</title></head><body>
{toolbar}<div><p>{TEXT}</p></div><p>发布时间：2010-07-12 22:56</p></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] != "COLLECTED BY"
    assert record["published_at"] == "2010-07-12T22:56:00+08:00"
