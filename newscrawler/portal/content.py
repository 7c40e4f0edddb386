"""Article text for the sample portal: the seed article, generated Chinese text, body HTML.

Why this module exists: the portal's articles must look like what DedeCms stores, i.e. CKEditor 3
HTML (``<p>\\r\\n\\t文字</p>``, ``&ldquo;`` entities, ``<p>&nbsp;</p>`` spacers,
``<strong>`` sub-headings in their own paragraph, ``<center>`` captions, nested ``<p>`` around
images), while the ground truth must be the plain text a reader sees. Both are derived here from
one list of *blocks*, so the HTML and the expected text can never disagree.

A block is a tuple ``(kind, value)``: ``("p", text)``, ``("h", text)`` (sub-heading),
``("empty", "")`` (``<p>&nbsp;</p>``), ``("center", text)`` (caption), ``("img", src)`` and
``("nestedimg", src)`` (an image wrapped in nested paragraphs, as in real pages).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from importlib import resources

Block = tuple[str, str]

# CKEditor 3 (DedeCms 5.7) writes these as named entities in stored bodies.
CKEDITOR_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "…": "&hellip;", "—": "&mdash;",
                     "·": "&middot;", "‘": "&lsquo;", "’": "&rsquo;", "\xa0": "&nbsp;"}

PLACES = ["南通", "昆山", "千灯镇", "苏州工业园", "浦东新区", "杭州湾", "合肥", "宁波港", "青岛",
          "成都高新区", "西安", "武汉光谷", "广州南沙", "深圳前海", "厦门", "长沙"]
SUBJECTS = ["基层干部", "社区志愿者", "外来务工人员", "中小企业", "科研团队", "村民代表",
            "环保部门", "教育系统", "医疗机构", "金融机构", "物流企业", "文旅部门"]
ACTIONS = ["推进", "启动", "完善", "加快", "探索", "深化", "落实", "优化", "部署", "聚焦"]
OBJECTS = ["民生实事工程", "营商环境建设", "产业转型升级", "绿色发展路径", "数字政务服务",
           "乡村振兴计划", "跨境贸易便利化", "基础设施改造", "公共文化服务", "安全生产检查",
           "人才引进政策", "智慧城市建设"]
CLAUSES = ["取得了实实在在的成效", "受到群众的普遍欢迎", "为全年目标打下坚实基础",
           "进一步激发了市场活力", "切实解决了群众的急难愁盼问题", "形成了可复制可推广的经验",
           "得到了上级部门的充分肯定", "推动了区域经济持续健康发展"]
QUOTES = ["我们要把好事办实、把实事办好", "服务群众没有休止符", "发展的成果要让百姓看得见、摸得着",
          "只有沉下身子,才能摸清实情", "创新是第一动力,人才是第一资源"]
PEOPLE = ["张善兴", "李文", "刘浏", "吴庆华", "徐友林", "王建国", "陈晓梅", "赵立新"]
HEADINGS = ["沉下身子,服务群众零距离", "积极担当,转型步伐更稳健", "满足诉求,民生实事暖人心",
            "多措并举,破解发展难题", "补齐短板,夯实基层基础"]
TAGS = ["民生", "改革", "经济", "科技", "教育", "环保", "基层", "服务", "创新", "发展"]


def cn_substr(text: str, width: int) -> str:
    """Truncate like DedeCms ``cn_substr`` (titlelen): CJK chars count 2, ASCII 1, no ellipsis."""
    used, out = 0, []
    for ch in text:
        used += 1 if ord(ch) < 128 else 2
        if used > width:
            break
        out.append(ch)
    return "".join(out)


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return (f"{rng.choice(PLACES)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)},"
                f"{rng.choice(CLAUSES)}。")
    if kind == 1:
        return f"“{rng.choice(QUOTES)}。”{rng.choice(PEOPLE)}说。"
    if kind == 2:
        return (f"据介绍,今年以来{rng.choice(SUBJECTS)}累计投入{rng.randint(2, 90)}亿元,"
                f"{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}{rng.randint(3, 40)}项。")
    return (f"{rng.choice(SUBJECTS)}围绕{rng.choice(OBJECTS)},{rng.choice(ACTIONS)}各项举措,"
            f"{rng.choice(CLAUSES)}。")


def make_title(rng: random.Random) -> str:
    """A generated headline (deterministic for the given rng state)."""
    return f"{rng.choice(PLACES)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)} {rng.choice(CLAUSES)}"


def make_paragraph(rng: random.Random) -> str:
    return "".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def make_blocks(rng: random.Random, paragraphs: int, *, images: list[str] = (),
                indent: bool = False) -> list[Block]:
    """Generated body blocks: paragraphs, an occasional sub-heading and spacer, then images."""
    blocks: list[Block] = []
    for i in range(paragraphs):
        if i and i % 4 == 0 and rng.random() < 0.6:
            blocks.append(("h", rng.choice(HEADINGS)))
        text = make_paragraph(rng)
        blocks.append(("p", "\u3000\u3000" + text if indent else text))
        if rng.random() < 0.12:
            blocks.append(("empty", ""))
    for n, src in enumerate(images):
        pos = min(len(blocks), 1 + 2 * n)
        blocks.insert(pos, ("img", src))
    return blocks


def make_keywords(rng: random.Random) -> list[str]:
    return rng.sample(TAGS, rng.randint(2, 4))


@lru_cache(maxsize=1)
def seed_article() -> tuple[str, tuple[Block, ...]]:
    """The seed article (title, blocks) from ``data/seed_article.txt`` (``## `` = sub-heading)."""
    text = resources.files("newscrawler.portal").joinpath("data/seed_article.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    blocks = tuple(("h", line[3:]) if line.startswith("## ") else ("p", line)
                   for line in lines[1:] if line)
    return lines[0], blocks


def escape_text(text: str, entities: bool = True) -> str:
    """HTML-escape body text the way CKEditor stores it (named entities for curly quotes etc.)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if entities:
        for ch, ent in CKEDITOR_ENTITIES.items():
            text = text.replace(ch, ent)
    return text


def blocks_html(blocks: list[Block] | tuple[Block, ...]) -> str:
    """CKEditor-style body HTML for one article page (CRLF + tab inside each paragraph)."""
    out = []
    for kind, value in blocks:
        if kind == "p":
            out.append(f"<p>\r\n\t{escape_text(value)}</p>\r\n")
        elif kind == "h":
            out.append(f"<p>\r\n\t<strong>{escape_text(value)}</strong></p>\r\n")
        elif kind == "empty":
            out.append("<p>\r\n\t&nbsp;</p>\r\n")
        elif kind == "center":
            out.append(f"<center>\r\n\t{escape_text(value)}</center>\r\n")
        elif kind == "img":
            out.append('<p style="text-align: center;">\r\n\t<img alt="" src="' + value
                       + '" style="width: 600px; height: 400px;" /></p>\r\n')
        elif kind == "nestedimg":
            out.append('<p>\r\n\t<p>\r\n\t\t<p align="center">\r\n\t\t\t<img border="0" src="'
                       + value + '" /></p>\r\n\t</p>\r\n</p>\r\n')
        else:  # pragma: no cover - programming error
            raise ValueError(kind)
    return "".join(out)


_WS = re.compile(r"[ \t\r\n\f\v\xa0]+")


def normalise(text: str) -> str:
    """Ground-truth text of a paragraph: whitespace collapsed, edges and U+3000 indent stripped."""
    return _WS.sub(" ", text).strip(" ").lstrip("\u3000").strip(" ")


def blocks_text(blocks: list[Block] | tuple[Block, ...]) -> list[str]:
    """The lines a reader sees for these blocks (images and spacers give no line)."""
    lines = []
    for kind, value in blocks:
        if kind in ("p", "h", "center"):
            line = normalise(value)
            if line:
                lines.append(line)
    return lines


def blocks_images(blocks: list[Block] | tuple[Block, ...]) -> list[str]:
    return [value for kind, value in blocks if kind in ("img", "nestedimg")]


def litpic(blocks: list[Block] | tuple[Block, ...]) -> str | None:
    """The list thumbnail DedeCms makes from the first local image (``…-L.jpg`` → ``…-lp.jpg``)."""
    for src in blocks_images(blocks):
        if src.startswith("/uploads/"):
            return src.replace("-L.jpg", "-lp.jpg")
    return None


def plain_description(blocks: list[Block] | tuple[Block, ...], limit: int = 200) -> str:
    """DedeCms-style auto description: the page's text, truncated (used for page-N meta)."""
    return "".join(blocks_text(blocks))[:limit]
