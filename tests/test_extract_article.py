# ruff: noqa: E501  (the inline page is HTML as DedeCms writes it, long lines included)
"""extract_article on a DedeCms 5.7 default article page (dedecms-portals.md §2.4), written here.

The page carries everything that is not the article on a real portal: header, nav, breadcrumb,
the count.php click counter, digg box, separator, prev/next, sidebars with dates, the footer.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import RECORD_KEYS, extract_article, load_profile

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://www.example.cn/a/shehui/xinwenredian/2016/0712/123.html"
SCHEMA = Path(__file__).parents[1] / "newscrawler" / "schema" / "article.schema.json"
SEED = Path(__file__).parents[2] / "shared" / "seed" / "portal-article-page.txt"

TITLE = "提升服务含金量 铸就“金千灯”"
PARAGRAPHS = [
    "“金千灯”服务品牌标识体现了责任是金、效率是金、形象是金的品牌内涵和核心价值。"
    "千灯加快转型升级创新发展步伐,不断提升发展含金量。",
    "沉下身子,转变作风,“零距离”服务群众",
    "“同意!”千灯镇石北村党员及村民代表在股权固化听证会上一致举起了手。看到党员及村民代表们的意见"
    "又一次与村两委讨论结果相同,书记张善兴终于松了一口气。",
    "积极担当,产业转型步伐更稳健",
    "“不同于其他工业园区内厂房连着厂房,满目的灰色,这里的绿化颇为壮观。”走进千灯镇工业园,"
    "一位前来考察投资环境的客商忍不住发出感慨。",
]
DEFAULT_INFO = (
    "<small>时间:</small>2016-07-12 10:30<small>来源:</small>中国国际新闻台 "
    "<small>作者:</small>admin <small>点击:</small>\r\n"
    "<script src=\"/plus/count.php?view=yes&aid=123&mid=1\" type='text/javascript' "
    "language=\"javascript\"></script> 次"
)


def body_html(paragraphs: list[str]) -> str:
    """CKEditor-style body: <p>\\r\\n\\t text</p>, sub-headings in <strong>, an &nbsp; line."""
    parts = []
    for index, text in enumerate(paragraphs):
        if index in (1, 3):
            parts.append(f"<p>\r\n\t<strong>{text}</strong></p>\r\n")
        else:
            parts.append(f"<p>\r\n\t&nbsp;&nbsp;&nbsp;&nbsp;{text}</p>\r\n")
    parts.insert(2, "<p>\r\n\t&nbsp;</p>\r\n")
    parts.insert(3, '<p align="center"><img src="/uploads/allimg/160712/1-160G2103Z1.jpg" '
                    'alt="" /></p>\r\n')
    return "".join(parts)


def dede_page(
    *,
    title: str = TITLE,
    info: str = DEFAULT_INFO,
    paragraphs: list[str] | None = None,
    charset: str = "utf-8",
    page_marker: str = "",
    extra_body: str = "(责任编辑：admin)",
) -> str:
    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title}{page_marker}_中国国际新闻台</title>
<meta name="keywords" content="金千灯,服务品牌， 千灯镇,," />
<meta name="description" content="  “金千灯”服务品牌标识体现了
 责任是金、效率是金、形象是金的品牌内涵  " />
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />
<script language="javascript" type="text/javascript" src="/include/dedeajax2.js"></script>
<script type="text/javascript">if(window.location.toString().indexOf('pref=padindex') != -1)
{{}}else{{if(/AppleWebKit.*Mobile/i.test(navigator.userAgent)){{window.location.href="/m/view.php?aid=123";}}}}</script>
</head>
<body class="articleview">
<div class="header_top"><div class="w960 center"><span class="time">欢迎光临中国国际新闻台</span>
<div class="toplinks"><a href="/plus/heightsearch.php">高级搜索</a>|<a href="/data/sitemap.html">网站地图</a>|
<a href="/tags.php">TAG标签</a><a href="/data/rssmap.html" class="rss">RSS订阅</a></div></div></div>
<div class="header"><div class="top w960 center"><div class="title"><h1><a href="http://www.example.cn">
<img src="/templets/default/images/logo.gif" height="54" width="216" alt="中国国际新闻台"/></a></h1></div></div>
<div class="module blue mT10 wrapper w963"><div class="top"><div id="navMenu"><ul>
<li><a href='/'><span>主页</span></a></li>
<li class='hover'><a href='/a/shehui/' ><span>社会</span></a></li>
<li><a href='/a/guoji/' ><span>国际</span></a></li></ul></div>
<div class="search"><form name="formsearch" action="/plus/search.php"><input name="q" type="text"/></form>
<div class="tags"><h4>热门标签:</h4><ul><li><a href='/tags.php?/%E9%87%91/'>金</a></li></ul></div></div>
</div></div></div>
<div class="w960 center clear mt1">
<div class="pleft">
 <div class="place"><strong>当前位置:</strong> <a href='http://www.example.cn/'>主页</a> > <a href='/a/shehui/'>社会</a> > <a href='/a/shehui/xinwenredian/'>新闻热点</a> > </div>
 <div class="viewbox">
  <div class="title"><h2>{title}</h2></div>
  <div class="info">{info}</div>
  <div class="intro">“金千灯”服务品牌标识体现了责任是金</div>
  <div class="content"><table width='100%'><tr><td>
{body_html(paragraphs)}{extra_body}</td></tr></table></div>
  <div class="dede_pages"><ul class="pagelist"></ul></div>
  <div class="newdigg" id="newdigg"><div class="diggbox digg_good"><div class="digg_act">顶一下</div>
   <div class="digg_num">(0)</div></div><div class="diggbox digg_bad"><div class="digg_act">踩一下</div>
   <div class="digg_num">(0)</div></div></div>
  <div class="boxoff"><strong>------分隔线----------------------------</strong></div>
  <div class="handle"><div class="context"><ul>
   <li>上一篇：<a href='/a/shehui/xinwenredian/2016/0711/122.html'>娄勤俭寄语南通：要努力成为沿海崛起</a> </li>
   <li>下一篇：没有了 </li></ul></div>
   <div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid=123">收藏</a></li>
   <li id="act-err"><a href="/plus/erraddsave.php?aid=123">挑错</a></li>
   <li id="act-pus"><a href="/plus/recommend.php?aid=123">推荐</a></li>
   <li id="act-pnt"><a href="#" onClick="window.print();">打印</a></li></ul></div></div>
 </div>
</div>
<div class="pright">
 <div class="infos_userinfo"><dl class="tbox"><dt><strong>发布者资料</strong></dt><dd>admin</dd></dl></div>
 <div><dl class="tbox"><dt><strong>新闻热点</strong></dt><dd><ul class="d6">
  <li><a href="/a/shehui/xinwenredian/2016/0711/122.html">娄勤俭寄语南通：要努力成为沿海崛</a> <span>2016-07-11</span></li>
 </ul></dd></dl></div>
 <div class="commend mt1"><dl class="tbox light"><dt class='light'><strong>资讯排行</strong></dt>
  <dd class='light'><ul class="c1 ico2">
  <li><a href="/a/guoji/2017/0301/200.html">某国际新闻标题，内容很长很长，也有逗号。</a><b>2017-03-01 20:35:43</b></li>
  </ul></dd></dl></div>
</div>
</div>
<div class="footer w960 center mt1 clear"><div class="footer_body">
<p>网站简介 - 诚聘英才 - 证件查询 - 广告服务 - 联系我们 - 电脑版 - 移动端</p>
<p class="powered">Copyright &copy; 2017 中国国际新闻台 版权所有 <a href="http://www.dedecms.com">Power by DedeCms</a></p>
<p>本台所刊登的中国国际新闻台各种新闻﹑信息和各种专题专栏资料,均为中国国际新闻台所有,未经协议授权禁止下载使用。</p>
</div></div>
<div id="gotop"><a href="#top">返回顶部</a></div>
</body>
</html>
"""


def extract(page: str, *, encoding: str = "utf-8", url: str = URL, **kwargs) -> dict:
    return extract_article(page.encode(encoding), url, now=NOW, **kwargs)


def test_default_template_every_field() -> None:
    record = extract(dede_page())
    assert list(record) == list(RECORD_KEYS)
    assert record == {
        "url": URL,
        "title": TITLE,
        "section": ["社会", "新闻热点"],
        "source": "中国国际新闻台",
        "author": "admin",
        "published_at": "2016-07-12T10:30:00+08:00",
        "body": "\n".join(PARAGRAPHS),
        "images": ["http://www.example.cn/uploads/allimg/160712/1-160G2103Z1.jpg"],
        "tags": ["金千灯", "服务品牌", "千灯镇"],
        "summary": "“金千灯”服务品牌标识体现了 责任是金、效率是金、形象是金的品牌内涵",
        "crawled_at": "2026-11-26T12:00:00+08:00",
        "editor": "admin",
        "date_precision": "minute",
    }


def test_record_validates_against_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    record = dict(extract(dede_page()), version=1)
    jsonschema.validate(record, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert list(record) == json.loads(SCHEMA.read_text(encoding="utf-8"))["required"]


def test_gbk_edition_declaring_gb2312() -> None:
    page = dede_page(charset="gb2312", paragraphs=PARAGRAPHS + ["新建住宅面积达到120㎡以上。"])
    record = extract(page, encoding="gbk")
    assert record["title"] == TITLE
    assert record["body"].endswith("新建住宅面积达到120㎡以上。")


def test_page_marker_and_site_suffix_removed() -> None:
    record = extract(dede_page(page_marker="(2)"), url=URL.replace("123.html", "123_2.html"))
    assert record["title"] == TITLE


META_LINES = [
    # (meta line HTML, published_at, precision, source, author)
    (DEFAULT_INFO, "2016-07-12T10:30:00+08:00", "minute", "中国国际新闻台", "admin"),
    ("来源：新华社 作者：张三 发布时间：2016-07-12", "2016-07-12T00:00:00+08:00", "day", "新华社", "张三"),
    ("来源：人民网&nbsp;&nbsp;&nbsp;作者：李四 人气：<script src='/plus/count.php?aid=1'></script> "
     "发布时间：2018-03-14", "2018-03-14T00:00:00+08:00", "day", "人民网", "李四"),
    ("来源：中国国际新闻台\u3000\u3000发布时间：2016-07-12 10:30:45", "2016-07-12T10:30:45+08:00",
     "second", "中国国际新闻台", None),
    ("时间：<span>2016-07-12</span>&nbsp;&nbsp;&nbsp; 作者：<span>王五</span> 浏览：<span></span>次",
     "2016-07-12T00:00:00+08:00", "day", None, "王五"),
    ("作者：赵六 发布日期：2016-07-12", "2016-07-12T00:00:00+08:00", "day", None, "赵六"),
    ("作者：admin &nbsp;&nbsp; 发布于：2016-07-12", "2016-07-12T00:00:00+08:00", "day", None, "admin"),
    ("发表于：2016-07-12 10:30 阅读量：（）", "2016-07-12T10:30:00+08:00", "minute", None, None),
    ("日期：2016-07-12 10:30:45 点击次数： 来自分类：<a href='/a/shehui/'>社会</a>",
     "2016-07-12T10:30:45+08:00", "second", None, None),
    ("<strong>所属分类：</strong><a href='/a/shehui/'>社会</a> <strong>发布时间：</strong>"
     "<strong>2016-07-12</strong>", "2016-07-12T00:00:00+08:00", "day", None, None),
    ("更新时间: (2016-09-23)", "2016-09-23T00:00:00+08:00", "day", None, None),
    ("<span class='date'>2016年07月12日 10:30</span>", "2016-07-12T10:30:00+08:00", "minute",
     None, None),
    ("来源: 未知 作者: <small>点击:</small> 次", "2016-07-12T00:00:00+08:00", "day", None, None),
    ("来源: 中国国际新闻台 发布时间:2016-07-12", "2016-07-12T00:00:00+08:00", "day",
     "中国国际新闻台", None),
    ("<time datetime='2016-07-12T10:30:00+08:00'>7月12日</time>", "2016-07-12T10:30:00+08:00",
     "second", None, None),
    # colon-less labels in a |-separated line (CSDN): read; glued or in prose: not
    ("发表于<span class='ago'>2016-07-12 10:30</span>| <span>1164次阅读</span>| "
     "来源<span class='ago'>CSDN</span>| <span>0 条评论</span>",
     "2016-07-12T10:30:00+08:00", "minute", "CSDN", None),
    ("发表于 2016-07-12 10:30 来源于网络", "2016-07-12T10:30:00+08:00", "minute", None, None),
]


@pytest.mark.parametrize(("info", "published", "precision", "source", "author"), META_LINES)
def test_meta_line_wordings(info, published, precision, source, author) -> None:
    record = extract(dede_page(info=info))
    assert record["published_at"] == published
    assert record["date_precision"] == precision
    assert record["source"] == source
    assert record["author"] == author
    assert record["body"] == "\n".join(PARAGRAPHS)


def test_no_date_anywhere_but_url() -> None:
    record = extract(dede_page(info="作者：admin"))
    assert record["published_at"] == "2016-07-12T00:00:00+08:00"
    assert record["date_precision"] == "day"


def test_no_date_at_all() -> None:
    record = extract(dede_page(info="作者：admin"), url="http://www.example.cn/a/shehui/123.html")
    assert record["published_at"] is None
    assert record["date_precision"] is None


def test_future_date_is_not_a_publication_date() -> None:
    record = extract(dede_page(info="时间:2030-01-01 10:30"))
    assert record["published_at"] == "2016-07-12T00:00:00+08:00"  # from the URL


def test_editor_note_variants() -> None:
    record = extract(dede_page(extra_body="<p>（责任编辑：王编辑）</p>"))
    assert record["editor"] == "王编辑"
    assert "责任编辑" not in record["body"]
    record = extract(dede_page(extra_body="<p>责任编辑：李编辑</p>"))
    assert record["editor"] == "李编辑"
    assert record["body"] == "\n".join(PARAGRAPHS)
    record = extract(dede_page(extra_body=""))
    assert record["editor"] is None


def test_br_breaks_and_nested_paragraphs() -> None:
    body = "<p><p><p align='center'>第一段，内容。<br/>第二段，内容。<br><br>第三段　内容。</p></p></p>"
    page = dede_page(paragraphs=[], extra_body=body + "#p#分页标题#e#")
    assert extract(page)["body"] == "第一段，内容。\n第二段，内容。\n第三段 内容。"


def test_base_href_and_lazy_images() -> None:
    page = dede_page(extra_body=(
        "<p><img data-original='pic/2.jpg' src='data:image/gif;base64,R0lGOD'/>"
        "<img src='http://img.other.cn/3.jpg'/><img src='/uploads/allimg/160712/1-160G2103Z1.jpg'/></p>"
    )).replace("<head>", "<head><base href='http://static.example.cn/news/'/>")
    assert extract(page)["images"] == [
        "http://www.example.cn/uploads/allimg/160712/1-160G2103Z1.jpg".replace(
            "www.example.cn", "static.example.cn"),
        "http://static.example.cn/news/pic/2.jpg",
        "http://img.other.cn/3.jpg",
    ]


D40_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>老式新闻标题_</title></head><body>
<table width="760"><tr><td>当前位置：<a href="/">首页</a>&gt;<a href="/html/shehui/">社会新闻</a>&gt;文章内容</td></tr></table>
<table width="760"><tr><td align="center"><b>老式新闻标题</b></td></tr>
<tr><td align="center">来源：新华社 作者：佚名 发布时间：2008-05-12</td></tr>
<tr><td>　　这是第一段正文，内容比较长，讲述了一件事情的经过和结果。<br>
　　这是第二段正文，同样比较长，继续讲述事情的细节，以及有关方面的回应。<br>
　　这是第三段正文，总结全文。</td></tr>
<tr><td>上一篇：<a href="/html/shehui/1.html">另一篇</a> 下一篇：没有了</td></tr></table>
<table><tr><td><a href="/">首页</a> | <a href="/about.html">关于我们</a> | Power by DedeCms</td></tr></table>
</body></html>"""


def test_dedecms_40_table_layout() -> None:
    record = extract(D40_PAGE, encoding="gbk", url="http://old.example.cn/html/shehui/2.html")
    assert record["title"] == "老式新闻标题"
    assert record["section"] == ["社会新闻"]
    assert record["source"] == "新华社"
    assert record["author"] is None
    assert record["published_at"] == "2008-05-12T00:00:00+08:00"
    assert record["body"].splitlines() == [
        "这是第一段正文，内容比较长，讲述了一件事情的经过和结果。",
        "这是第二段正文，同样比较长，继续讲述事情的细节，以及有关方面的回应。",
        "这是第三段正文，总结全文。",
    ]


def test_profile_timezone_and_selectors(tmp_path: Path) -> None:
    path = tmp_path / "portal.json"
    path.write_text(json.dumps({"timezone": "Europe/Berlin", "body_selectors": ["div.intro"]}))
    record = extract(dede_page(), profile=load_profile(str(path)))
    assert record["published_at"] == "2016-07-12T10:30:00+02:00"
    assert record["body"] == "“金千灯”服务品牌标识体现了责任是金"


@pytest.mark.parametrize("data", [
    {"timezone": "Mars/Olympus"}, {"body_selector": ["div"]}, {"body_selectors": "div"},
    {"title_selectors": ["div[["]},
])
def test_bad_profiles_are_rejected(tmp_path: Path, data: dict) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError):
        load_profile(str(path))


def test_bundled_profiles_load() -> None:
    assert load_profile(None).timezone == "Asia/Shanghai"
    assert load_profile("default").name == "default"
    assert load_profile("example-portal").body_selectors == ("div.news-text",)
    with pytest.raises(ValueError):
        load_profile("no-such-portal")


@pytest.mark.skipif(not SEED.exists(), reason=f"seed page text not found at {SEED}")
def test_seed_article_page() -> None:
    """The portal's defining page (shared/seed): every paragraph and sub-heading, no furniture."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    start = lines.index("来源: 中国国际新闻台 发布时间:2016-07-12") + 1
    end = lines.index("新闻热点")
    paragraphs = [line for line in lines[start:end] if line]
    info = "来源: 中国国际新闻台 发布时间:2016-07-12"
    record = extract(dede_page(title="提升服务含金量 铸就“金千灯”", info=info, paragraphs=paragraphs))
    assert record["title"] == "提升服务含金量 铸就“金千灯”"
    assert record["section"] == ["社会", "新闻热点"]
    assert record["source"] == "中国国际新闻台"
    assert record["published_at"] == "2016-07-12T00:00:00+08:00"
    assert record["date_precision"] == "day"
    assert record["body"] == "\n".join(paragraphs)
    for furniture in ("资讯排行", "Power by DedeCms", "返回顶部", "上一篇", "顶一下", "分隔线"):
        assert furniture not in record["body"]


BREADCRUMBS = [
    # (breadcrumb HTML, expected section) — dedecms-portals.md §5.3
    ("<div class='place'><strong>当前位置:</strong> <a href='http://www.example.cn/'>主页</a> > "
     "<a href='/a/shehui/'>社会</a> > <a href='/a/shehui/xinwenredian/'>新闻热点</a> > </div>",
     ["社会", "新闻热点"]),
    ("<div class='position'>当前位置：<a href='/'>首页</a>&gt;<a href='/html/shehui/'>社会</a>&gt;"
     "文章内容</div>", ["社会"]),
    ("<div class='weizhi'>您所在的位置 : <a href='/'>网站首页</a> > <a href='/a/xyxw/'>校园新闻</a> > </div>",
     ["校园新闻"]),
    ("<h2 class='lc'><a href='http://www.example.cn//'></a> > <a href='http://www.example.cn//domestic/'>"
     "国内</a> > </h2>", ["国内"]),
    ("<div class='place'><a href='/'>中国国际新闻台</a> > <a href='/a/guoji/'>国际</a> > </div>",
     ["国际"]),
    ("<div class='place'>当前位置: 主页 > 社会 > 新闻热点 > </div>", ["社会", "新闻热点"]),
]


@pytest.mark.parametrize(("crumb", "expected"), BREADCRUMBS)
def test_breadcrumb_variants(crumb: str, expected: list[str]) -> None:
    page = dede_page().replace(
        """<div class="place"><strong>当前位置:</strong> <a href='http://www.example.cn/'>主页</a> > <a href='/a/shehui/'>社会</a> > <a href='/a/shehui/xinwenredian/'>新闻热点</a> > </div>""",
        crumb)
    assert extract(page)["section"] == expected


def test_content_div_holding_title_and_meta_line() -> None:
    """C3-style template: the title and meta line sit inside div.content with the body."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f"""<html><head><meta charset="utf-8"><title>{TITLE}_站点</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a/1/">新闻</a></div>
<div class="content"><div class="news_xaingxi">{TITLE}</div>
<p class="meta">作者：张三 发布日期：2016-07-12</p>{body}
<div class="fenxiang">分享到：<a href="#">微博</a><a href="#">微信</a></div></div>
<div class="footer">Copyright © 2016 站点 Power by DedeCms</div></body></html>"""
    record = extract(page)
    assert record["title"] == TITLE
    assert record["author"] == "张三"
    assert record["published_at"] == "2016-07-12T00:00:00+08:00"
    assert record["body"] == "\n".join(PARAGRAPHS)


def test_a_wechat_article_whose_editor_nests_every_paragraph() -> None:
    """WeChat's #js_content is the whole article, however deep its editor (XIUMI) nests each
    paragraph in sections: the text-density scorer alone picked the longer nested half and
    lost the opening."""
    box = '<section class="Powered-by-XIUMI V5"><section><section>{}</section></section></section>'
    intro = "从80年代插磁盘才能玩的小霸王游戏机，到90年代街边投币的拳皇街霸，越来越多的人们参与到了游戏中来。"
    parts = "".join(
        box.format(f"<p><strong>PART {i} 整体情况</strong></p>") + box.format("<p><br></p>")
        + box.format(f'<img data-src="/{i}.png">')
        + box.format(f"<p><span>这所有参与调研的小伙伴中，有{20 + i}.9%表示经常玩游戏，35.6%的小伙伴"
                     "有时玩游戏。</span></p>")
        for i in range(12))
    html = f"""<html><head><meta charset="utf-8"><title>网游态度调查报告</title></head><body>
<div id="page-content"><h2 class="rich_media_title" id="activity-name">网游态度调查报告</h2>
<div class="rich_media_content" id="js_content"><section>{box.format(f"<p>{intro}</p>")}
{box.format(box.format(parts))}</section></div></div></body></html>"""
    body = extract_article(html.encode(), "https://mp.weixin.qq.com/s/x")["body"]
    assert body.startswith(intro)
    assert "PART 11 整体情况" in body


def test_a_short_post_over_a_wordier_footer_named_bottom() -> None:
    """V2EX's topic is a single short paragraph; its footer (``<div id="Bottom">``, the
    site's motto and links) prints more prose. The footer is furniture by its id."""
    topic = ("4 月 20 日晚间，百度网盘做出回应，表示对于百度网盘默认 PC 端用户加入用户激励计划，"
             "深表歉意，并紧急开发了新版本。4 月 21 日发布新版本，将对全部用户做取消处理。")
    footer = "，".join(["创意工作者们的社区", "关于我们的愿景与广告投放", "感谢所有的赞助商与社区成员",
                       "实用小工具与语言选择", "这里是每一位创意工作者的家园"]) + "。"
    html = f"""<html><head><meta charset="utf-8"><title>百度网盘道歉 - V2EX</title></head><body>
<div id="Main"><div class="box"><div class="header"><h1>百度网盘道歉</h1></div>
<div class="cell"><div class="topic_content">{topic}</div></div></div></div>
<div id="Bottom"><div class="content"><div class="inner"><p>{footer}</p><p>{footer}</p>
</div></div></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["body"] == topic
