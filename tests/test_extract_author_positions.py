"""Where a header prints its writer relative to the headline and the date, and what is never a
writer there (``newscrawler/extract/authors.py``, ``meta.py``, ``names.py``): the forms found on
the blind batches' sites once they had been measured."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import extract_article
from newscrawler.extract.authors import labelled_names, slash_credit
from newscrawler.extract.beside_date import name_before_date
from newscrawler.extract.credits import closing_credit
from newscrawler.extract.header_slots import (
    account_card,
    names_before_slash,
    posted_by,
    poster_posted_in,
)
from newscrawler.extract.names import clean_author, signed_name

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://news.example.cn/a/1.html"
TEXT = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 6
TITLE = "一个足够长的新闻标题在这里"


def page(header: str, head: str = "", body: str = "") -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}_示例网</title>{head}</head>
<body><div class="nav">首页 新闻</div><h1>{TITLE}</h1><div class="meta">{header}</div>
<div class="article-content"><p>{body}{TEXT}</p></div></body></html>""".encode()


def author(html: bytes) -> str | None:
    return extract_article(html, URL, now=NOW)["author"]


@pytest.mark.parametrize(("header", "expected"), [
    # Malaysian and Singaporean WordPress themes date the header in English
    ("专访 | 苏有慧 August 14, 2020", "苏有慧"),
    ("Academic Views / Tuesday, June 15th, 2021 庄嘉颖", "庄嘉颖"),
    ("August 14, 2020", None),
])
def test_an_english_date_in_a_chinese_header_anchors_its_byline(header: str,
                                                                 expected: str | None) -> None:
    assert author(page(header)) == expected


def test_an_english_header_keeps_its_own_forms() -> None:
    """Only a Chinese header's English date is an anchor: an English page's ``Published``
    after the name stays out of it."""
    html = f"""<html><head><meta charset="utf-8"><title>A long enough English headline</title>
</head><body><h1>A long enough English headline</h1><div class="meta">By Scott Gordon Published
August 14, 2020</div><div class="article"><p>{"Some English text of the story. " * 20}</p>
</div></body></html>""".encode()
    assert author(html) in (None, "Scott Gordon")


@pytest.mark.parametrize(("header", "expected"), [
    ("Amy Evans | 2015年04月07日", "Amy Evans"),  # the World Bank's blog
    ("Amy Evans 2015年04月07日", "Amy Evans"),
    ("China Daily | 2015年04月07日", None),  # a medium
])
def test_a_latin_name_then_a_bar_before_the_date(header: str, expected: str | None) -> None:
    assert author(page(header)) == expected


def test_the_cms_account_is_kept_as_printed_unless_the_text_opens_with_a_byline() -> None:
    """DedeCms's ``作者：admin`` and a WordPress theme's ``Posted by admin`` hCard are kept as
    printed (the sample portal's contract: its DedeCms and WordPress variants print them so);
    a forum's or account's ``admin`` signs nothing."""
    vcard = '<span class="author vcard"><a class="url fn n" href="/author/admin/">admin</a></span>'
    assert author(page("2021-06-15 " + vcard)) == "admin"
    assert author(page("2021-06-15 " + vcard.replace(">admin<", ">Madeline Fry<"))) == \
        "Madeline Fry"
    assert clean_author("admin") == "admin"
    assert signed_name("admin") is None and signed_name("Administrator") is None


def test_a_bookmark_button_is_no_writer() -> None:
    """關鍵評論網's author card ends ``訂閱作者 收藏本文``: a label's word, then a button."""
    card = "2016/12/08 看更多此作者文章... 訂閱作者 收藏本文 來試試我們的新功能！"
    assert author(page(card)) is None


@pytest.mark.parametrize(("zone", "expected"), [
    ("◎陳方隅／密西根州立大學政治所博士候選人 ◎林倢／NGO工作者 ※本文內容整理自", "陳方隅、林倢"),
    ("涵柳／vintage vibe 時尚簡史 2023/12/02", "涵柳"),  # the first thing the header prints
    ("首頁／國際／亞洲 2023/12/02", None),  # a trail, not a writer
    ("国际／亚洲 2023/12/02", None),
    ("本文整理自講座，陳方隅／密西根州立大學", None),  # inside a sentence
    ("新闻/国际 2023-12-02", None),  # a half-width slash needs a mark
])
def test_writers_before_a_slash_and_their_affiliation(zone: str, expected: str | None) -> None:
    assert names_before_slash(zone) == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("东寻 发布在 AIGC 2.1万 摘要：", "东寻"),
    ("发布在 AIGC", None),
    ("责任编辑 发布在 AIGC", None),
])
def test_a_poster_before_where_the_post_was_filed(zone: str, expected: str | None) -> None:
    assert poster_posted_in(zone) == expected


def test_a_link_s_heading_after_labelled_names_is_no_photo_credit() -> None:
    """jrj's ``作者：陶凤 汤艺甜`` runs into a link ``图文拆解…``: both writers, not a
    photographer's credit (``李木子 摄``) that cancels them."""
    assert clean_author("陶凤 汤艺甜 图文拆解603825大赚10%逻辑") == "陶凤、汤艺甜"
    assert clean_author("李木子 摄") is None


@pytest.mark.parametrize(("zone", "expected"), [
    ("2021-05-06 12:01 --阅读 · --喜欢 · --评论 Maggie媺琪 粉丝： 18 文章： 2 关注", "Maggie媺琪"),
    ("2021-12-13 14:50 --评论 账号已注销 粉丝： 513 文章： 513 关注", None),  # a deleted account
    ("2021-05-06 12:01 阅读 1024 喜欢 3", None),
])
def test_an_account_before_its_card_s_counts(zone: str, expected: str | None) -> None:
    assert account_card(zone) == expected


def test_a_labelled_account_beats_the_card_s_poster() -> None:
    """baai's hub: the poster's card (``FlagPerf 帖子数：6``), then ``作者：昇腾AI``."""
    header = ("2023-09-04 13:07 发布 FlagPerf 帖子数：6 评论数：0 个人主页 作者：昇腾AI")
    assert author(page(header)) == "昇腾AI"
    assert author(page("2023-09-04 13:07 发布 FlagPerf 帖子数：6 评论数：0")) == "FlagPerf"


def test_a_writer_noted_as_an_intern_in_a_labelled_list() -> None:
    """www.21cn-highway.com: ``作者：曹晶磊 张林（实习） 彭翔 谢博识``: the note is no end."""
    header = "作者：曹晶磊 张林（实习） 彭翔 谢博识 来源：中国高速公路网 2020-11-12"
    assert author(page(header)) == "曹晶磊、张林、彭翔、谢博识"
    assert author(page(header.replace("（实习）", "（摄影）"))) == "曹晶磊"


def test_a_labelled_account_of_letters_and_han() -> None:
    assert author(page("日期：2015-11-25 作者：17yy小编")) == "17yy小编"


def test_a_labelled_latin_name_is_one_name() -> None:
    assert labelled_names("作者: Ulrike Schulze") == "Ulrike Schulze"
    assert labelled_names("作者： 宋怡 杨志华") == "宋怡、杨志华"


@pytest.mark.parametrize(("text", "expected"), [
    ("文：張宜君（國立台灣師範大學教育學系）\n2012年12月，尤美女委員", "張宜君"),  # 關鍵評論網
    ("文：恒大研究院 任泽平 罗志恒\n5月19日，中美两国", "任泽平、罗志恒"),  # hexun's caption
    ("原文：张三李四王五的文章", None),  # 原文 is no label
])
def test_a_wen_label_with_a_colon_opens_the_text(text: str, expected: str | None) -> None:
    assert slash_credit(text) == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("中国市场变成唯一市场。 谢康玉 未来消费APP 2020年12月31日 图片来源：Pixabay", "谢康玉"),
    ("陈斌 中国青年报 2018-06-08 08:12", "陈斌"),
    ("责任编辑：王伟 新华网 2018-06-08 08:12", None),  # the editor's value
    ("国际 新华网 2018-06-08 08:12", None),  # a section, no surname
])
def test_a_writer_then_the_medium_before_the_date(zone: str, expected: str | None) -> None:
    assert name_before_date(zone, zone.rindex(" 20") + 1) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("order by www.zheyitianshi.com", None),  # a DedeCms template vendor's <meta name="author">
    ("order by dede58.com", None),
    ("Powered by DedeCMS", None),
    ("By John Smith", "By John Smith"),  # a plain byline word is no vendor's credit
    ("blog.ernest.me", None),  # sdk.cn's 原 文：blog.ernest.me: where the text was taken from
    ("http://www.example.com/a/1.html", None),
    ("J.Smith", "J.Smith"),  # an initial and a surname are no host
])
def test_a_template_vendor_s_credit_is_no_author(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected


def test_a_desk_labelled_as_the_author_is_nobody() -> None:
    """迈安达's ``作者：本站原创`` (original to this site): no person, as ``本报讯`` is none."""
    assert author(page("作者：本站原创 发布时间：2019-12-16 11:04")) is None
    assert signed_name("本站原创") is None


def test_a_slash_credit_in_the_brackets_closing_the_text() -> None:
    text = "只是，索尼日后千万别习惯使用这样的大招，实在是有点伤士气啊（新发现 康斯坦丁/文）"
    assert closing_credit(text) == "康斯坦丁"
    assert closing_credit("实在是有点伤士气啊。（文/张三）") == "张三"


def test_a_closing_credit_naming_the_work_it_was_taken_from() -> None:
    """``作者：李弋辑自《三个世纪的跨越》`` (sjtuhistory): the writer, then the book the text was
    compiled from, glued on; its editors in brackets are no writers."""
    text = ("直接投身革命斗争与救亡运动当中。\n"
            "作者：李弋辑自《三个世纪的跨越》（盛懿、孙萍、欧七斤编著）\n单位：档案馆（党史校史研究室）")
    assert closing_credit(text) == "李弋"
    assert closing_credit(text.replace("辑自", "摘自")) == "李弋"


def test_a_reprint_note_saying_who_wrote_the_text() -> None:
    """solidot's ``本文作者为 DaNmarner，原文发表于 http://…``: the writer, in a sentence."""
    text = ("怎么样，管理 Vim 插件是不是简单了很多？\n本文作者为 DaNmarner，原文发表于 "
            "http://blog.danmarner.com/me/entry/vim-pathogen/ ，转载请保留原文出处与链接。")
    assert closing_credit(text) == "DaNmarner"
    assert closing_credit("全文完。\n本文作者为张三，系某大学教授。") == "张三"
    assert closing_credit("全文完。\n本文作者为了写这篇文章跑了三个城市。") is None


def test_a_closing_credit_whose_second_writer_carries_a_glued_label() -> None:
    text = "从临沂出发到北京和上海，将缩短至3小时左右。 (人民网记者 史家民 通讯员刘静)"
    assert closing_credit(text) == "史家民、刘静"


def test_a_rel_author_among_other_link_types() -> None:
    """Hugo's ``<a rel="noopener noreferrer author" class="author">卡布茶</a>``."""
    link = ('<a href="https://github.com/Kabochar" rel="noopener noreferrer author" '
            'class="author">卡布茶</a> 2020-06-12')
    assert author(page(link)) == "卡布茶"


def test_a_blog_theme_s_labels_are_no_writers() -> None:
    """NexT prints ``發表於 2021-12-06 分類於 電腦科學``; a post filed under a category links
    it next to the date (``2020-06-05 <a href="/categories/程式/">程式</a>``)."""
    assert author(page("發表於 2021-12-06 分類於 電腦科學")) is None
    filed = '2020-06-05 <a href="../../categories/%E7%A8%8B%E5%BC%8F/">程式</a> js'
    assert author(page(filed)) is None
    assert author(page("2020-06-05 程式")) == "程式"  # unlinked, it reads as a name


@pytest.mark.parametrize(("header", "published", "expected"), [
    ("孙淑敏 8月 20, 2017 分享到微博", "2017-08-20T00:00:00+08:00", "孙淑敏"),  # Hexo zh-CN
    ('<a href="/">yyshino</a> 6/18/2023 CSharp', "2023-06-18T00:00:00+08:00", "yyshino"),
    ("by PinesCheng on 2020-01-02", "2020-01-02T00:00:00+08:00", "PinesCheng"),
    ("Posted 2020-01-02", "2020-01-02T00:00:00+08:00", None),
])
def test_a_blog_s_writer_before_its_date(header: str, published: str, expected: str | None
                                        ) -> None:
    record = extract_article(page(header), URL, now=NOW)
    assert (record["published_at"], record["author"]) == (published, expected)


def test_a_word_linked_to_a_section_before_the_date_is_no_writer() -> None:
    assert author(page('<a href="/tag/chuangye/">创业</a> 2022-02-05')) is None


def test_the_text_s_reporter_beats_a_labelled_cms_account() -> None:
    """天津大学's DedeCms page: ``作者: admin`` in the meta line, ``本站讯（记者刘晓艳文并图）``
    opening the text. ``admin`` stays the author when nothing else names one."""
    header = "时间: 2014-11-15 23:08 来源: 未知 作者: admin 点击: 次"
    assert author(page(header, body="本站讯（记者刘晓艳文并图）2014年11月15日下午，")) == "刘晓艳"
    assert author(page(header)) == "admin"


@pytest.mark.parametrize(("header", "published", "expected"), [
    ("by 金菩提網友 | 4 月 14, 2020 | 金菩提", "2020-04-14T00:00:00+08:00", "金菩提網友"),
    ("于 2020-05-06 由 安言 发布 遗传和变异", "2020-05-06T00:00:00+08:00", "安言"),  # Typecho
    ("文章作者 由 majianyu 发布日期 十月 2, 2020 无评论", "2020-10-02T00:00:00+08:00", "majianyu"),
    ("2020-4-22 18:52 | 发布者: BapuRo管理员 | 查看: 61", "2020-04-22T18:52:00+08:00",
     "BapuRo管理员"),  # Discuz!'s portal article
    ("由 编辑部 整理 2020-05-06", "2020-05-06T00:00:00+08:00", None),
])
def test_a_poster_by_the_blog_s_or_forum_s_words(header: str, published: str,
                                                 expected: str | None) -> None:
    record = extract_article(page(header), URL, now=NOW)
    assert (record["published_at"], record["author"]) == (published, expected)


def test_a_blog_s_sidebar_owner_is_no_byline() -> None:
    """Hexo NexT's sidebar declares the site's owner a schema.org Person (``site-author``):
    the team or the owner of the blog, not the post's writer. A post's own microdata author
    (199it's ``post-author``) still is."""
    sidebar = ('<aside class="sidebar"><div class="site-author motion-element" '
               'itemprop="author" itemscope itemtype="http://schema.org/Person">'
               '<p class="site-author-name" itemprop="name">前端团队</p></div></aside>')
    html = page("发表于 2016-01-05").replace(b"</body>", sidebar.encode() + b"</body>")
    assert author(html) is None
    post = ('<li itemscope itemtype="//schema.org/Person" itemprop="author" class="post-author">'
            '<span>作者 </span><a href="/author/ralf"><span itemprop="name">ralf</span></a></li>')
    assert author(page("2023年11月23日 " + post)) == "ralf"


@pytest.mark.parametrize(("box", "expected"), [
    # Hexo Butterfly: spans in divs, no space between the name and the next label
    ('<div class="post-copyright"><div class="post-copyright__author"><span>文章作者: </span>'
     '<span><a href="mailto:x"> 0o酱</a></span></div><div><span>文章链接: </span>'
     '<span><a href="/p/1.html">https://blog.example.cn/p/1.html</a></span></div></div>', "0o酱"),
    ('<ul class="post-copyright"><li><strong>本文作者： </strong>fenix</li>'
     '<li><strong>本文链接：</strong>https://x.example/1</li></ul>', "fenix"),
    ('<div class="post-copyright"><p>版权声明：本博客所有文章均采用 CC BY-NC-SA 4.0 许可协议。</p>'
     '</div>', None),
])
def test_a_blog_theme_s_copyright_box_names_the_post_s_writer(box: str, expected: str | None
                                                              ) -> None:
    tags = '<div class="post-tags">' + "".join(
        f'<a href="/tags/{n}/">标签{n}号</a> ' for n in range(30)) + "</div>"  # far from the text
    html = page("发表于 2022-02-02 | 更新于 2022-05-24").replace(
        b"</body>", (tags + box).encode() + b"</body>")
    assert author(html) == expected


def test_the_first_name_before_a_poster_s_last_name() -> None:
    assert author(page("By Andy Guo 发表于 2017-07-26 文章目录")) == "Andy Guo"


def test_a_poster_label_s_cms_login_is_nobody() -> None:
    """``发布者：admin`` names the login that posted the page; ``作者：admin`` (DedeCms's meta
    line, the sample portal's contract) stays as printed."""
    assert author(page("发布者：admin 发布时间：2017-03-25 17:55")) is None
    assert author(page("作者：admin 发布时间：2017-03-25 17:55")) == "admin"


def test_a_copyright_box_s_login_longer_than_a_handle() -> None:
    box = ('<div class="post-copyright"><div class="post-copyright__author"><span>文章作者: </span>'
           '<span><a href="https://blackforest1990.github.io">BlackForest1990</a></span></div>'
           '<div><span>文章链接: </span><span>https://x.example/1</span></div></div>')
    tags = '<div class="post-tags">' + "".join(
        f'<a href="/tags/{n}/">标签{n}号</a> ' for n in range(30)) + "</div>"
    html = page("发表于 2023-03-21").replace(b"</body>", (tags + box).encode() + b"</body>")
    assert author(html) == "BlackForest1990"


def test_an_author_box_of_by_and_one_handle() -> None:
    """A Jekyll theme's ``<span class="post-author">By 折鸦夜明け前</span>``; the same words in a
    sidebar's related-post widget name another post's writer."""
    assert author(page('2025-05-03 <span class="post-author">By 折鸦夜明け前</span>')) == \
        "折鸦夜明け前"
    widget = ('<div class="shunno-sidebar-widget"><p class="widgetsmallauthor">by Anmol</p>'
              '</div>')
    assert author(page("2025-05-03").replace(b"</body>", widget.encode() + b"</body>")) is None


def test_an_author_box_of_a_label_a_space_and_names() -> None:
    """天下雜誌 prints the writer's role and name in an author box after the text, without a
    colon (``<span class="authorType">文</span><li class="authorName">張宜君</li>``). A
    profile box that starts with ``作者`` and goes on with a Latin name and a job is not one
    (the World Bank's blogs), nor the same words in a sidebar."""
    box = ('<address class="authorInfor"><a class="author" href="/search?key=大家出版">大家出版'
           '</a>\n<div class="authorInfo"><span class="authorType">文</span>\n<ul>\n'
           '<li class="authorName">張宜君</li></ul></div></address>')
    assert author(page("2017-05-26").replace(b"</body>", box.encode() + b"</body>")) == "張宜君"
    profile = ('<div class="author"><div class="author__caption"><h3>作者</h3><h3>Amy Evans</h3>'
               '<p>Head, Global Food Safety Partnership Secretariat</p></div></div>')
    assert author(page("2017-05-26").replace(b"</body>", profile.encode() + b"</body>")) == \
        "Amy Evans"  # read from the profile whole, not split as a list of Han names
    sidebar = f'<div class="sidebar">{box}</div>'
    assert author(page("2017-05-26").replace(b"</body>", sidebar.encode() + b"</body>")) is None


def test_a_read_aloud_button_before_the_date_is_no_writer() -> None:
    """广州政府网: ``<li><img title="听全文"> 听全文</li><li>2023-12-05</li>``: the button that
    reads the page aloud, printed where a pen name would be."""
    header = '<ul><li><img src="tts.png" title="听全文"> 听全文</li><li>2023-12-05</li></ul>'
    assert author(page(header)) is None
    assert author(page(header.replace("听全文", "小希"))) == "小希"


@pytest.mark.parametrize(("line", "expected"), [
    ("黄丹/文 施廷锋/图", "黄丹"),
    ("郝丽娜 图/文", "郝丽娜"),
    ("周盼盼 文/图", "周盼盼"),
    ("文/张三", "张三"),
])
def test_a_name_then_its_slash_credit_closing_the_text(line: str, expected: str) -> None:
    """A school's news (武汉工程职业技术学院): the writer, then ``/文`` or ``图/文`` (text and
    photos), on the text's last line."""
    assert slash_credit(line) == expected
    assert closing_credit(f"{TEXT}\n{line}\n核发：0 点击数：36 【收藏本页】") == expected


def _blog(meta: str, after: str = "", head: str = "") -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}_博客</title>{head}</head>
<body><div class="articles"><h1 class="articles-title">{TITLE}</h1>
<div class="articles-meta">{meta}</div><div class="article-content"><p>{TEXT}</p></div>
{after}</div></body></html>""".encode()


def test_a_name_alone_in_an_author_box_of_the_header() -> None:
    """Z-BlogPHP themes: ``<span class="author"><i class="fa fa-user"></i>龙吟博客</span>`` and
    ``<span class="article-author"><a href="?auth=1">smallyu</a></span>`` beside the date,
    with no label: the post's writer, the blog's own name included."""
    box = ('<span class="author"><i class="fa fa-user"></i>龙吟博客</span> '
           '<span class="time"><i class="fa fa-clock-o"></i>18.04.29</span>')
    assert author(_blog(box)) == "龙吟博客"
    linked = ('<span class="article-author"><i class="fa fa-pencil"></i>'
              '<a href="index.html?auth=1">smallyu</a></span> <time>2017-06-04</time>')
    assert author(_blog(linked)) == "smallyu"
    unmarked = box.replace('class="author"', 'class="user"').replace("fa-user", "fa-home")
    assert author(_blog(unmarked)) is None  # the person icon alone marks it too (below)


def test_an_author_box_after_the_text_beside_its_date() -> None:
    """A Hugo theme: ``<h4 class="author">51ak</h4><h4 class="date">2023/09/10</h4>`` after the
    post; a list of posts dating each of its authors (``publish-author``) credits none."""
    after = '<h4 class="author">51ak</h4><h4 class="date">2023/09/10</h4>'
    assert author(_blog("", after)) == "51ak"
    related = "".join(f'<div class="publish-info"><span class="publish-date">2019-04-0{n}</span>'
                      f'<span class="publish-author">编程语言{n}</span></div>' for n in (1, 2))
    assert author(_blog("", related)) is None


@pytest.mark.parametrize(("meta", "expected"), [
    ('<p class="article-author">By</p> <a href="/about">razil</a> 2017-10-20', None),
    ('<span class="author-name">REUTERS</span> 19 NOV 2019', None),
    ('<div class="article-author"><div class="article-author__attr"><a class="article-author__name"'
     ' href="/users/1">微胖</a>原创</div></div> 2017/07/19 08:39', "微胖"),
])
def test_what_an_author_box_alone_does_not_name(meta: str, expected: str | None) -> None:
    """A box holding only ``By``, an agency, or a name with a badge around it: the label is no
    writer, the agency is a source, and the innermost box is the name (机器之心's ``微胖`` in
    ``微胖原创``)."""
    assert author(_blog(meta)) == expected


@pytest.mark.parametrize(("meta", "expected"), [
    ('<span class="user">admin</span><span class="date">6年前<time> (2017-05-19)</time></span>',
     "admin"),
    ("工作技术 / admin / 1年前 (2017-05-23) 72℃", "admin"),
    ("<span>2017-09-08 16:25:16</span><span>admin</span><span>82</span>", "admin"),
    ("工作技术 / 1年前 (2017-05-23) 72℃", None),
    ("发布者：admin 浏览次数：次 发布时间：2017-03-25 17:55", None),
])
def test_a_cms_account_printed_beside_the_date(meta: str, expected: str | None) -> None:
    """Z-BlogPHP, WordPress and MetInfo themes print the posting account next to the date
    with no label: kept as printed, as DedeCms's ``作者：admin`` is; a poster label that does
    not touch the date (``发布者：admin 浏览次数``) is the forum's poster, no writer."""
    assert author(_blog(meta)) == expected


def test_a_headline_the_title_names_weakly_is_the_header_when_a_date_follows_it() -> None:
    """``<title>我的北极世界 - 江南的雨，如梦，如诗，如歌，如韵</title>``: the post's ``<h1>`` is
    only weakly named (the site's part is first and not much shorter), but the date right
    under it makes it the header, whose account the meta row prints."""
    headline = "江南的雨，如梦，如诗，如歌，如韵"
    html = f"""<html><head><meta charset="utf-8"><title>我的北极世界 - {headline}</title>
</head><body><div class="header"><h1 class="name"><a href="index.html">我的北极世界</a></h1>
</div><div class="wrap"><div class="content"><div class="block"><div class="post">
<h1>{headline}</h1><div class="info"><span class="user">admin</span><span class="date">5年前
<time> (2018-05-13)</time></span><span class="cate"><a href="?cate=1">未分类</a></span></div>
</div></div></div></div><div class="main"><div class="single"><p>{TEXT}</p></div></div>
</body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["title"], record["author"]) == (headline, "admin")


def test_a_handle_in_rel_author_markup() -> None:
    """Pelican's bootstrap theme: ``<address>By <a href="/author/m157q.html" rel="author">m157q
    </a></address>`` in the post's info well: the handle is the writer; two words are read as
    a name or not at all."""
    html = _blog("", '<div class="well"><address>By <a href="https://blog.example.tw/author/'
                     'm157q.html" rel="author">m157q</a></address></div>')
    assert author(html) == "m157q"


def test_a_layout_class_that_mentions_a_sidebar_is_no_sidebar() -> None:
    """A WordPress theme wraps the whole article in ``two_columns_75_25
    background_color_sidebar``: its ``<a itemprop="author">Ran Fan</a>`` is the post's byline;
    the same link in a real sidebar (``sidebar-inner``) is the site owner's."""
    box = ('<span class="post_author">by <a itemprop="author" class="post_author_link" '
           'href="/author/ran404/">Ran Fan</a></span>')
    wrapped = f'<div class="two_columns_75_25 background_color_sidebar">{box}</div>'
    assert author(_blog(wrapped)) == "Ran Fan"
    aside = f'<div class="sidebar-inner">{box}</div>'
    assert author(_blog("", aside)) is None


def test_a_name_and_its_address_opening_the_header() -> None:
    """Racket Taiwan's posts: ``Lîm Tsú-thuàn <dannypsnl@gmail.com>`` under the headline."""
    assert author(_blog("Lîm Tsú-thuàn &lt;dannypsnl@gmail.com&gt;")) == "Lîm Tsú-thuàn"
    assert author(_blog("&lt;dannypsnl@gmail.com&gt;")) is None


@pytest.mark.parametrize(("box", "expected"), [
    ("摄影、报道：王荣伟", "王荣伟"),
    ("图文：王荣伟", "王荣伟"),
    ("文/图：王荣伟", "王荣伟"),
    ("摄影：王荣伟", None),
    ("图片、视频：王荣伟", None),
])
def test_a_list_of_roles_one_of_which_writes(box: str, expected: str | None) -> None:
    """中国基督教两会's ``<span class="yd-news-author">摄影、报道：王荣伟</span>``: a reporter who
    also took the photos is the writer; a photographer alone is not."""
    assert labelled_names(box) == expected
    assert author(_blog(f'<span>2019-08-21</span> <span class="yd-news-author">{box}</span>')) \
        == expected


def test_a_subtitle_before_the_date_is_no_pen_name() -> None:
    """Hugo's Stack theme: ``<h3 class="article-subtitle">GFS</h3>`` then the date; a pen name
    printed alone before the date is still one."""
    def page_with(subtitle: str) -> bytes:
        return _blog(f'<h3 class="{subtitle}">GFS</h3><footer class="article-time">'
                     "<time>2021-08-13</time></footer>")
    assert author(page_with("article-subtitle")) is None
    assert author(page_with("article-kicker")) == "GFS"


@pytest.mark.parametrize(("meta", "expected"), [
    ("发表于 2015-10-28 | 作者 felix", "felix"),  # Hexo NexT, a team's blog
    ('<div class="lead">本文简单介绍了holmes的原理</div><div class="td-byline">作者 '
     '<b><a href="https://github.com/Jun10ng">Jun10ng</a></b> | <time>2022年3月19日</time></div>',
     "Jun10ng"),  # Hugo Docsy, after the lead sentence
    ("小雨 | 作者 原理 | 来源 2023-09-04", "小雨"),  # WeChat's value-first credits
    ("2019-12-28 | 作者 MOSN 团队", None),  # a team is no writer
])
def test_an_author_label_without_a_colon(meta: str, expected: str | None) -> None:
    """``作者 felix`` in a ``|``-separated meta line, or after the lead sentence when a
    separator ends its value; ``X | 作者`` prints the value first."""
    assert author(_blog(meta)) == expected


def test_a_name_after_a_person_icon_in_the_header() -> None:
    """A Jekyll theme's label cards: ``<i class="fa fa-calendar"></i>2017-03-28`` and ``<i
    class="fa fa-user"></i>chaodong``: the icon is the label. A group icon is none."""
    meta = ('<div class="label-card"><i class="fa fa-calendar"></i>2017-03-28</div>'
            '<div class="label-card"><i class="fa fa-user"></i>chaodong</div>'
            '<div class="label-card"><i class="fa fa-tag"></i>机器学习</div>')
    assert author(_blog(meta)) == "chaodong"
    assert author(_blog(meta.replace("fa-user", "fa-users"))) is None


def _docusaurus_author(name: str) -> str:
    return (f'<div class="col col--6"><div class="avatar"><div class="avatar__intro" '
            f'itemprop="author" itemscope itemtype="https://schema.org/Person"><div class='
            f'"avatar__name"><a href="https://github.com/x"><span itemprop="name">{name}</span>'
            f'</a></div><small>Maintainer of OpenSergo</small></div></div></div>')


def test_every_author_a_docusaurus_byline_declares() -> None:
    """Docusaurus blogs print a row of ``itemprop="author"`` Persons under the date: all of
    them, in order; an author declared in another block (a related post) is not one more."""
    row = "".join(_docusaurus_author(n) for n in ("鲁严波", "陈志辉", "张乎兴"))
    meta = f'<time>2022年4月28日</time><div class="row">{row}</div>'
    assert author(_blog(meta)) == "鲁严波、陈志辉、张乎兴"
    related = f'<div class="related"><div class="x">{_docusaurus_author("罗广明")}</div></div>'
    one = f'<time>2022年4月28日</time><div class="row">{_docusaurus_author("鲁严波")}</div>'
    assert author(_blog(one, related)) == "鲁严波"


def e_paper(byline: str, opening: str) -> bytes:
    """An e-paper's article table: headline, subtitle and byline in cells of their own, the
    text in the next row (paper.jyb.cn)."""
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body><table>
<tr><td class="title1">{TITLE}</td></tr><tr><td class="title2">上海交通大学辅导员季自军</td></tr>
<tr><td class="title3">{byline}</td></tr></table>
<div id="ozoom"><p>{opening}{TEXT}</p></div></body></html>""".encode()


@pytest.mark.parametrize(("byline", "opening", "expected"), [
    # the text opens with the subject's name: not a second reporter
    ("本报记者 任朝霞", "季自军 “电子信息与电气工程学院排摸信息表已提交。”", "任朝霞"),
    ("本报记者 任朝霞 季自军", "“电子信息与电气工程学院排摸信息表已提交。”", "任朝霞、季自军"),
    # the next line is a labelled byline of its own: its writer is one too
    ("本报记者 任朝霞", "实习生 李晓明 “电子信息与电气工程学院排摸信息表已提交。”",
     "任朝霞、李晓明"),
])
def test_a_byline_on_its_own_line_ends_with_the_line(byline: str, opening: str,
                                                     expected: str) -> None:
    assert author(e_paper(byline, opening)) == expected


def test_a_latin_handle_in_meta_that_the_page_never_prints_is_the_template_s() -> None:
    """www.ljzfin.com's ``<meta name="author" content="atarm">`` on a page crediting nobody:
    the template's builder, not a writer. The same handle printed on the page is a writer's."""
    head = '<meta name="author" content="atarm">'
    assert author(page("2018-10-19 16:07:16", head)) is None
    assert author(page("2018-10-19 16:07:16 <span class='x'>atarm</span>", head)) == "atarm"
    assert author(page("2018-10-19 16:07:16", '<meta name="author" content="陈植">')) == "陈植"


@pytest.mark.parametrize(("zone", "expected"), [
    ("2016-03-28 · By 黑日白月 · Posted in Embedded · 3 Comments", "黑日白月"),  # linuxtoy
    ("于 2020-05-06 由 安言 发布", "安言"),
    ("2016-03-28 · Bypass 黑日白月", None),  # a word that starts with By is no byline word
    ("2016-03-28 by the way 黑日白月", None),
    ("In: VPN By:MK 24 三 2012", "MK"),  # x-berry: a handle after By and a colon
    ("By: Ilana Muhlstein, MS, RDN", None),  # an English byline's name is read elsewhere
])
def test_the_poster_a_header_names(zone: str, expected: str | None) -> None:
    assert posted_by(zone) == expected


def test_author_boxes_naming_each_writer_before_their_job() -> None:
    """developerWorks China: ``<p class="dw-summary-author">申 毅, 软件工程师, IBM</p>``, a
    box per writer, each name printed with a space between surname and given name."""
    boxes = ('<p class="dw-summary-author"><a href="#a1">申 毅</a>, 软件工程师, IBM</p>'
             '<p class="dw-summary-author"><a href="#a2">邵 华</a>, 软件工程师, IBM</p>')
    assert author(page("2009 年 10 月 31 日", body="", head="").replace(
        b'<div class="meta">', boxes.encode() + b'<div class="meta">')) == "申毅、邵华"
    one = '<p class="dw-summary-author"><a href="#a1">曹 江华</a>, 系统管理员, 某公司</p>'
    assert author(page("2013 年 12 月 30 日").replace(
        b'<div class="meta">', one.encode() + b'<div class="meta">')) == "曹江华"
    no_job = '<p class="dw-summary-author"><a href="#a1">曹 江华</a>, 北京, 某公司</p>'
    assert author(page("2013 年 12 月 30 日").replace(
        b'<div class="meta">', no_job.encode() + b'<div class="meta">')) is None


def test_the_editor_on_duty_is_no_writer() -> None:
    """A university's news (www.maia.org.cn): ``供稿：林广成 值班编辑：陈雨桐 责任编辑：陈雨桐``."""
    header = "2021-02-25 来源：学校办公室 供稿：林广成 值班编辑：陈雨桐 责任编辑：陈雨桐 点击次数："
    record = extract_article(page(header), URL, now=NOW)
    assert (record["author"], record["editor"]) == ("林广成", "陈雨桐")
