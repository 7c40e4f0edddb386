"""Deterministic generation of the portal's articles, including the named edge cases.

Why: the crawler's tests need a site whose every quirk is at a known article. ``EDGE_CASES`` is the
catalogue (name → what is special); ``generate_articles`` spreads them over the timeline and fills
the rest with generated text. Everything derives from ``random.Random`` seeded with strings, so the
same (count, seed, now) always gives the same site.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from . import content
from .model import CATEGORIES, CST, SITE_NAME, Article

HOTLINK = "http://img.cnnews-photo.example/2016/0712/hz_0712_01.jpg"
SOURCES = ["中国国际新闻台", "新华社", "人民网", "中国新闻网", "本台记者站"]
AUTHORS = ["admin", "admin", "张明", "李华", "王静", "未知"]
LEAVES = [c for c in CATEGORIES if c.weight > 0]

# name → (tid, what is special). Order = order along the timeline (oldest first, after the seed).
EDGE_CASES: dict[str, tuple[int, str]] = {
    "loujq": (5, "flag h: the one item of the 新闻热点 sidebar, truncated there (titlelen 32)"),
    "three_pages": (5, "3 pages (_2, _3), root-relative images on page 2"),
    "two_pages": (6, "2 pages; in the GBK edition _2.html has a broken byte in meta description"),
    "hotlink": (2, "2 pages; nested <p> hot-linked absolute image from another host"),
    "empty_source": (2, "来源: with nothing after it (source null)"),
    "unknown_source": (7, "来源 未知 and 作者 未知 (both null)"),
    "d40_meta": (9, "full-width 来源：/作者：/发布时间： date only (D40); linked as view.php"),
    "dateonly": (7, "only 日期：Y-m-d H:i:s (no source, no author)"),
    "gbk_char": (8, "GBK-only characters (㎡ in title and body, 镕 in author)"),
    "long_title": (8, "title longer than every titlelen, truncated in lists"),
    "no_description": (8, "no description (no div.intro, summary null) and no keywords"),
    "midnight": (9, "pubdate 23:50, senddate next day: URL date dir differs from shown date"),
    "images": (9, "root-relative image, <center> caption, hot-linked image; special copy"),
    "indent": (6, "U+3000 paragraph indents, &nbsp;&nbsp; and double spaces inside a paragraph"),
}
SPECIAL_COPIES = ("loujq", "empty_source", "images")  # served again under /special/arc-{aid}.html
VIEW_PHP = "d40_meta"  # linked from the home page as /plus/view.php?aid=N


def _image(senddate: datetime, aid: int, n: int) -> str:
    return f"/uploads/allimg/{senddate:%y%m%d}/1-{senddate:%y%m%d%H}{aid:04d}{n}-L.jpg"


def _generic(rng: random.Random, aid: int, tid: int, pubdate: datetime, now: datetime) -> Article:
    senddate = min(pubdate + timedelta(minutes=rng.randint(0, 40)), now)
    blocks = content.make_blocks(rng, rng.randint(4, 8))
    first = content.blocks_text(blocks)[0]
    return Article(aid=aid, tid=tid, title=content.make_title(rng), pubdate=pubdate,
                   senddate=senddate, source=rng.choice(SOURCES), author=rng.choice(AUTHORS),
                   keywords=content.make_keywords(rng),
                   description=content.cn_substr(first, 160), pages=[blocks],
                   clicks=rng.randint(5, 3000))


def _seed_article() -> Article:
    title, blocks = content.seed_article()
    when = datetime(2016, 7, 12, 9, 26, 0, tzinfo=CST)
    return Article(aid=1, tid=5, title=title, pubdate=when, senddate=when, source=SITE_NAME,
                   author="admin", keywords=["金千灯", "服务品牌", "千灯镇"], description="",
                   pages=[list(blocks)], meta_style="seed", clicks=1250)


def _apply_edge(art: Article, name: str, rng: random.Random) -> None:
    """Turn a generic article into the named edge case (mutates ``art``)."""
    if name == "loujq":
        art.title, art.flags, art.clicks = "娄勤俭寄语南通:要努力成为沿海崛起的龙头", "h", 4800
    elif name == "three_pages":
        art.title = "千灯镇三年行动计划全文发布 涉及民生工程四十余项"
        imgs = [_image(art.senddate, art.aid, 1), _image(art.senddate, art.aid, 2)]
        art.pages = [content.make_blocks(rng, 4), content.make_blocks(rng, 4, images=imgs),
                     content.make_blocks(rng, 3)]
    elif name in ("two_pages", "hotlink"):
        art.pages = [content.make_blocks(rng, 4), content.make_blocks(rng, 4)]
        if name == "hotlink":
            art.pages[1].insert(1, ("nestedimg", HOTLINK))
    elif name == "empty_source":
        art.source = ""
    elif name == "unknown_source":
        art.source, art.author = "未知", "未知"
    elif name == "d40_meta":
        art.meta_style = "d40"
    elif name == "dateonly":
        art.meta_style = "dateonly"
    elif name == "gbk_char":
        art.title = "千灯新房成交均价跌破每㎡两万元"
        art.author = "陈镕"
        art.pages[0].insert(1, ("p", "据统计,本月新建商品住宅成交面积达12000㎡,环比增长一成。"))
    elif name == "long_title":
        art.title = ("国务院常务会议部署进一步优化营商环境更好服务市场主体的若干措施"
                     "推动经济运行持续向好")
    elif name == "no_description":
        art.description, art.keywords = "", []
    elif name == "midnight":
        art.pubdate = art.pubdate.replace(hour=23, minute=50, second=12)
        art.senddate = art.pubdate + timedelta(minutes=22)
    elif name == "images":
        art.pages[0][1:1] = [("img", _image(art.senddate, art.aid, 1)),
                             ("center", "图为千灯镇工业园一角"), ("img", HOTLINK)]
    elif name == "indent":
        art.pages = [content.make_blocks(rng, 5, indent=True)]
        byline = "\u3000\u3000记者\xa0\xa0王静\xa0\xa0报道:  相关工作正在推进。"
        art.pages[0].insert(2, ("p", byline))
        art.extra["byline"] = "王静"  # the author a page without an author field shows
    if name != "no_description":
        art.description = content.cn_substr(content.blocks_text(art.pages[0])[0], 160)


def generate_articles(count: int, seed: int, now: datetime) -> tuple[list[Article], dict[str, int]]:
    """Return (articles in aid order, edge-case name → aid). ``count`` includes the seed article."""
    rng = random.Random(f"portal-timeline-{seed}")
    start = now - timedelta(days=150)
    span = int((now - timedelta(hours=2) - start).total_seconds())
    stamps = sorted(rng.randrange(span) for _ in range(max(count - 1, 0)))
    names = list(EDGE_CASES)[: max(count - 1, 0)]
    slots = {}
    if names:
        step = max((count - 1) // len(names), 1)
        slots = {min(i * step + step // 2, count - 2): n for i, n in enumerate(names)}
    articles = [_seed_article()] if count > 0 else []
    edges = {"seed": 1} if count > 0 else {}
    weights = [c.weight for c in LEAVES]
    for i, offset in enumerate(stamps):
        aid = i + 2
        arng = random.Random(f"portal-article-{seed}-{aid}")
        name = slots.get(i)
        tid = EDGE_CASES[name][0] if name else arng.choices(LEAVES, weights)[0].tid
        pub = (start + timedelta(seconds=offset)).replace(microsecond=0)
        art = _generic(arng, aid, tid, pub, now)
        if name:
            _apply_edge(art, name, arng)
            edges[name] = aid
        articles.append(art)
    return articles, edges


def new_article(aid: int, tid: int | None, seed: int, pubdate: datetime) -> Article:
    """A freshly published article (for ``Site.publish``)."""
    rng = random.Random(f"portal-published-{seed}-{aid}")
    if tid is None:
        tid = rng.choices(LEAVES, [c.weight for c in LEAVES])[0].tid
    return _generic(rng, aid, tid, pubdate, pubdate)
