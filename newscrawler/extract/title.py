"""The headline of an article page, and the element the page's header starts after.

The heading on the page is the best title, but pages have many headings (site logo in an
``<h1>``, sidebar ``<h2>``\\s); ``<title>`` names the article reliably but carries the site name
and, on page N, a ``(N)`` marker. So headings are cross-checked against ``<title>``: the first
heading that matches it (or is a prefix of it) wins, and the cleaned ``<title>`` is the fallback.
What the ``<title>`` text says (its headline part, whether a heading's text is that headline) is
``page_title.py``'s; the breadcrumb's sections are ``sections.py``'s; where the headline is when
the ``<title>`` confirms no heading is ``headline_fallbacks.py``'s.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.authors import BYLINE_RE
from newscrawler.extract.dates import FULL_DATE_RE, is_date_alone
from newscrawler.extract.embedded import founder_property
from newscrawler.extract.header import (
    header_date,
    header_zone,
    split_at_meta_line,
    squeezed_length,
)
from newscrawler.extract.index import PageIndex
from newscrawler.extract.meta import meta_tags
from newscrawler.extract.page_title import (
    MIN_TRUSTED_PIECE,
    clean_page_title,
    is_title_part,
    is_title_piece,
    matches_title,
    title_text,
    weak_title_match,
)
from newscrawler.extract.profile import Profile
from newscrawler.extract.sections import is_home
from newscrawler.extract.text import (
    class_and_id,
    collapse,
    compare_key,
    hidden_by_style,
    in_hidden,
    in_link,
    printed_before,
    shown_text_of,
    text_of,
)

#: Candidates per heading XPath looked at (pages with hundreds of ``<h3>``\\s exist).
MAX_HEADINGS = 30
MAX_TITLE_LENGTH = 200
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


#: How much a byline may print before its label (``本报``, ``新华社``).
BYLINE_LEAD_CHARS = 4
#: What a date line is made of: digits, punctuation and the date's own words.
NOT_DATE_RE = re.compile(r"[\d\W_年月日时分秒時]+")


def could_be_headline(text: str) -> bool:
    """Not page furniture (``下一篇：``, ``相關文章``), not a label (``当前位置:``), not a byline
    (an e-paper's ``<td class="title3">本报记者 任朝霞</td>``) and not a date
    (``span.newsheadlinetime``: ``2014-12-17 (16:31)``)."""
    if rules.NOISE_LINE_RE.match(text) or text in rules.NOT_HEADLINES or \
            text.rstrip().endswith((":", "：")):  # a label: 当前位置:
        return False
    byline = BYLINE_RE.search(text, 0, BYLINE_LEAD_CHARS + len(text))
    if byline is not None and byline.start() <= BYLINE_LEAD_CHARS and \
            byline.end() >= len(text.rstrip()):
        return False  # 本报记者 任朝霞: a desk (本报) at most before the label, names to the end
    return FULL_DATE_RE.search(text) is None or len(NOT_DATE_RE.sub("", text)) >= 2


#: Classes that name a heading: ``title``, ``bt_title``, ``Heading``, ``headline``.


# After a <br> inside the headline: a date or a meta label means the meta line shares the <h1>
# (PHPCMS v9's default template: <h1>title<br /><span>2026-11-01 20:50 来源：…</span></h1>).
META_AFTER_BREAK = re.compile(r"\d{4}[-/.年]\d{1,2}|来源|作者|发布|时间")


def headline(node: etree._Element) -> tuple[str, etree._Element]:
    """(headline text, the element the page header starts after) of a heading element.

    Usually the heading's text and the heading itself; when the heading holds the meta line
    after a ``<br>``, only the text before it, and the ``<br>``, so that the meta line is read
    as the header that follows the headline.
    """
    text = without_date_child(node, text_of(node))
    br = node.find("br")
    if br is None:
        split = split_at_meta_line(node)
        return (split[0] if split else text), node
    head = _before_break(node, br)
    after = text[len(head):] if text.startswith(head) else text
    if head and (META_AFTER_BREAK.search(after) or _small_print_after(br, after)):
        return head, br
    return text, node


def _before_break(node: etree._Element, br: etree._Element) -> str:
    """The heading's text before its ``<br>`` (a direct child): its first printed line."""
    parts = [node.text or ""]
    for child in node:
        if child is br:
            break
        parts.append(text_of(child) + (child.tail or ""))
    return collapse(" ".join(parts))


def _first_line(node: etree._Element) -> str | None:
    """The heading's first printed line when a ``<br>`` ends it, else None."""
    br = node.find("br")
    return _before_break(node, br) if br is not None else None


def _small_print_after(br: etree._Element, after: str) -> bool:
    """Is what follows the heading's ``<br>`` a short line in smaller print (``<h1>标题<br><font
    size="2">WaterBird<br><a>[返回]</a></font></h1>``): the byline, not the headline's end?"""
    small = br.getnext()
    return small is not None and small.tag in SMALL_PRINT_TAGS and \
        len(after) <= MAX_SMALL_PRINT and collapse(text_of(small)) == collapse(after)


#: Elements a heading prints its byline in after a ``<br>``, and how long that line may be.
SMALL_PRINT_TAGS = frozenset({"font", "small", "span", "em", "i"})
MAX_SMALL_PRINT = 40


def without_date_child(node: etree._Element, text: str) -> str:
    """A heading's text without a date printed in an element of its own at either end
    (``<h3>标题<span>2015-10-22</span></h3>``, ``<h3><small>2018-08-01</small>标题</h3>``):
    the date is the meta line's, not the headline's, bracketed or not (上海交通大学's
    ``<h2>标题 <small>( 2020年09月29日 )</small> <!--…--></h2>``)."""
    children = [child for child in node if isinstance(child.tag, str)]  # not a comment
    for child in (children[0], children[-1]) if children else ():
        printed = text_of(child)
        if is_date_alone(printed):
            if text.endswith(printed):
                return text[: -len(printed)].strip()
            if text.startswith(printed):
                return text[len(printed):].strip()
    return text


def _without_button(node: etree._Element, text: str) -> str:
    """A title box's text without the link it ends with (``标题 <a>返回</a>``): a button."""
    if len(node) and node[-1].tag == "a":
        return _without_last_child(node, text) or text
    return text


def _without_last_child(node: etree._Element, text: str) -> str | None:
    """A heading's text without what its last element prints, when the text ends with it."""
    if not len(node):
        return None
    printed = text_of(node[-1])
    if printed and text.endswith(printed) and len(printed) < len(text):
        return text[: -len(printed)].strip()
    return None


#: Text nodes looked at when searching the page for a printed title.
MAX_PRINTED_CANDIDATES = 10
#: Characters of the title searched for as one text node's substring.
PRINTED_CHUNK = 8


def _printed(root: etree._Element, text: str, chunk: str) -> etree._Element | None:
    """The element printing ``text`` and nothing else, found through ``chunk`` of it.

    The smallest element around a text node holding ``chunk`` whose whole text is ``text``
    (compared without spaces and punctuation), and not a link (``text.in_link``). A headline
    printed loose in a cell, as the tail of another element (``</form>标题 (港聞)<span>日期``),
    gives that element: the header (``meta.header_zone``) starts right after it.
    """
    key = compare_key(text)
    try:
        texts = root.xpath("//body//text()[contains(., $chunk)]", chunk=chunk)
    except ValueError:  # a <title> with control characters, which XPath strings cannot hold
        return None
    for found in texts[:MAX_PRINTED_CANDIDATES]:
        node = found.getparent()
        if node is None or node.tag == "title":  # a <title> misplaced into the body
            continue
        shown_in = node.getparent() if found.is_tail else node  # a tail shows with its parent
        if shown_in is not None and in_hidden(shown_in):
            continue  # a copy kept hidden for a statistics script
        if found.is_tail and compare_key(found).startswith(key) and not in_link(node):
            return node  # printed loose after it: the header starts there
        while node is not None:
            shown = compare_key(shown_text_of(node))
            if len(shown) >= len(key):
                if shown == key and not in_link(node):
                    return node
                break
            node = node.getparent()
    return None


def _shown_whole(root: etree._Element, whole: str, article: str) -> etree._Element | None:
    """The element printing the whole ``<title>`` as the headline, when cutting it was wrong.

    ``<title>书记市长这一周 | 奋马扬鞭争春色…</title>`` has no site name to cut: the page
    prints all of it above the article, and the first part alone is the column's name."""
    rest = whole[len(article):] if article and whole.startswith(article) else ""
    chunk = rules.TITLE_SPLIT_RE.sub("", rest)[:PRINTED_CHUNK]
    if len(chunk) < 4:
        return None
    return _printed(root, whole, chunk)


def _shown_part(root: etree._Element, whole: str) -> tuple[str, etree._Element] | None:
    """The part of the ``<title>`` the page prints as its headline, when no heading tag or class
    does (``<div class="tit2">标题</div>``), longest part first: ``多维博客 » 标题`` puts the
    site first. The element's header holds the date and byline. A hyphen without spaces
    separates too (``标题-新派网-新派客户端``), but only in a part the page prints whole and
    long enough not to be a piece of a headline with a hyphen (``道奇3-2战胜游骑兵``)."""
    parts = {collapse(part) for part in rules.TITLE_SPLIT_RE.split(whole)}
    found = _printed_part(root, parts, 4)
    if found is None and ("-" in whole or "—" in whole):  # an em dash too (标题—新闻—科学网)
        found = _printed_part(root, {collapse(p) for p in HYPHEN_RE.split(whole)} - parts,
                              MIN_HYPHEN_PART)
    return found


HYPHEN_RE = re.compile("-|(?<!—)—(?!—)")  # a lone em dash: a doubled one is a headline's own


#: Characters a part of the ``<title>`` cut at a bare hyphen has at least, to be a headline.
MIN_HYPHEN_PART = 10


def _printed_part(root: etree._Element, parts: set[str], shortest: int
                  ) -> tuple[str, etree._Element] | None:
    for part in sorted(parts, key=len, reverse=True):
        chunk = max(part.split(), key=len, default="")[:PRINTED_CHUNK]
        if len(compare_key(part)) < shortest or len(chunk) < 4:
            continue
        node = _printed(root, part, chunk)
        if node is not None and not is_site_badge(node):
            return part, node
    return None


def _named_by(
    headings: list[tuple[str, etree._Element]], og_title: str
) -> tuple[str, etree._Element] | None:
    """The heading ``og:title`` names whole when ``<title>`` names none: a site whose
    ``<title>`` is its own name (``成報 SING PAO DAILY NEWS``) and whose ``og:title`` wraps the
    headline (``成報新聞(郵票 車票 …)``) prints it in a heading class (``td.news_title``)."""
    key = compare_key(og_title)
    if not key:
        return None
    for text, node in headings:
        if weak_title_match(text, og_title) and could_be_headline(text):
            return text, node
    return None


#: ``<meta name="ArticleTitle">``: the headline as China's government sites declare it. The
#: metadata the 政府网站发展指引 (国办发〔2017〕47号) and GB/T 42147-2022 ask every
#: government page for (``SiteName``, ``ColumnName``, ``ArticleTitle``, ``PubDate``,
#: ``ContentSource``, ``Author``); their ``<title>`` is often the site's or the column's name.
ARTICLE_TITLE_TAG = "articletitle"


def _declared_headline(
    root: etree._Element, declared: str | None, headings: list[tuple[str, etree._Element]]
) -> tuple[str, etree._Element | None] | None:
    """The headline a page declares (a government page's ``ArticleTitle``, a Founder e-paper's
    ``<founder-title>``), when its ``<title>`` named none of its headings: the heading printing
    it, else the element printing it (``<p class="tit">``, a styled ``<div>``), else the
    declared text itself."""
    declared = collapse(declared)
    key = compare_key(declared)
    if len(key) < MIN_DECLARED_HEADLINE:
        return None
    for text, node in headings:
        if compare_key(text) == key:
            return text, node
    return _printed_part(root, {declared}, MIN_DECLARED_HEADLINE) or (declared, None)


#: Characters a declared headline has at least (an empty or one-word value is a template's).
MIN_DECLARED_HEADLINE = 4


def _short_first_piece(whole: str, article: str) -> str | None:
    """The ``<title>``'s first piece, compared as headlines are, when it was too short to be
    taken for the headline (``碎碎念 - 安言的个人博客``, ``随想 | Notes``): the article part is
    then the longest piece, which may be the blog's name."""
    parts = rules.TITLE_SPLIT_RE.split(whole) if whole else []
    first = compare_key(parts[0]) if len(parts) > 1 else ""
    return first if 0 < len(first) < MIN_TRUSTED_PIECE and first != compare_key(article) \
        else None


def _nearer_the_date(
    first: tuple[str, etree._Element] | None, longer: tuple[str, etree._Element],
) -> tuple[str, etree._Element]:
    """The short first piece's heading when the header's date follows it more closely than it
    follows the longer piece's (a blog's name in the masthead, then the post's ``<h1>隨筆</h1>
    2020-04-07``), else the longer piece's."""
    if first is None:
        return longer
    date = header_date(header_zone(longer[1], TITLED_DATE_REACH))
    if date is None:
        return first
    near = header_date(header_zone(first[1], TITLED_DATE_REACH))
    return first if near is not None and near.start() < date.start() else longer


def _above(node: etree._Element, other: etree._Element) -> bool:
    """Is ``node`` printed above ``other`` (on an earlier line of the source)?"""
    return node.sourceline is not None and other.sourceline is not None and \
        node.sourceline < other.sourceline


def _dated(node: etree._Element) -> bool:
    """Does a date follow the element within the header's reach (whitespace counted once when
    the source's indentation fills the reach: a Hexo theme's header)?"""
    zone = header_zone(node, TITLED_DATE_REACH)
    if header_date(zone) is not None:
        return True
    return len(zone) < TITLED_DATE_REACH // 2 and header_date(  # the reach was indentation
        header_zone(node, TITLED_DATE_REACH, measure=squeezed_length)) is not None


def _story_under_column(root: etree._Element, node: etree._Element, text: str
                        ) -> tuple[str, etree._Element] | None:
    """The dated heading right after a heading that prints the column's name, when the
    breadcrumb's link names that column too: the page's ``<title>`` named the column
    (社会学视野网: ``<title>性别社会学_…</title>``, ``<a>性别社会学</a>>>`` ending the breadcrumb,
    ``<h2 class="sub_centent_title">性别社会学</h2>``, then ``<h2 class="sub-h2">标题</h2>`` over
    ``2020-10-07 作者： 周培勤``)."""
    if len(text) > MAX_COLUMN_NAME or \
            not any(_ends_a_breadcrumb(link) for link in LINKS_PRINTING(root, text=text)):
        return None
    for heading in _NEXT_HEADING(node):
        story = text_of(heading)
        if story and story != text and could_be_headline(story) and _dated(heading):
            return story, heading
    return None


def _ends_a_breadcrumb(link: etree._Element) -> bool:
    """Is the link the last of a run of three or more in one element (``首页>>社会学研究>>
    分支社会学>>性别社会学``): the column the page is filed in?"""
    parent = link.getparent()
    links = parent.findall("a") if parent is not None else []
    return len(links) >= BREADCRUMB_LINKS and links[-1] is link


#: The longest column name looked for (most headlines are longer: the check costs nothing then).
MAX_COLUMN_NAME = 10
#: Links in a breadcrumb, at least: home, a section, the column.
BREADCRUMB_LINKS = 3
#: The page's links printing a given text (one query in C, not a walk of every link), and the
#: first heading after an element.
LINKS_PRINTING = etree.XPath("//a[normalize-space(.) = $text]")
_NEXT_HEADING = etree.XPath("following::*[self::h1 or self::h2 or self::h3][1]")


def extract_title(
    root: etree._Element, index: PageIndex, profile: Profile,
    tags: dict[str, str] | None = None,
) -> tuple[str | None, etree._Element | None]:
    """(title, heading element or None); None as element means "not confirmed by a heading".
    ``tags`` are the page's ``meta.meta_tags``, read here when the caller has not."""
    whole, article = clean_page_title(title_text(root))
    for xpath in profile.xpaths("title_selectors"):
        for node in xpath(root):
            if isinstance(node, etree._Element):
                text = rules.PAGE_MARKER_RE.sub("", text_of(node))
                if text:
                    return text, node
    first_h1: tuple[str, etree._Element] | None = None
    weak: tuple[str, etree._Element] | None = None
    short_first = _short_first_piece(whole, article)
    longer: tuple[str, etree._Element] | None = None  # the longer piece, when short_first
    dated_first: tuple[str, etree._Element] | None = None  # the short first piece, dated
    seen: list[tuple[str, etree._Element]] = []
    article_key = compare_key(article)  # once, not per heading
    for selector in rules.TITLE_SELECTORS:
        for heading in index.select(selector)[:MAX_HEADINGS]:
            text, node = headline(heading)
            text = rules.PAGE_MARKER_RE.sub("", text)
            if not text or len(text) > MAX_TITLE_LENGTH or is_site_badge(node) or \
                    hidden_by_style(node):
                continue  # the site's name in the masthead, an SEO heading in font-size:0
            if first_h1 is None and node.tag == "h1":
                first_h1 = (text, node)
            if whole:
                trimmed = _without_last_child(node, text)
                if trimmed and compare_key(trimmed) == article_key:
                    return trimmed, node  # 标题 <span class="np">584 期</span>: an issue number
                first_line = _first_line(node)
                if first_line and compare_key(first_line) == article_key and \
                        compare_key(text) not in compare_key(whole):
                    return first_line, node  # 标题<br/>副标题: <title> names the first line only
                if short_first and dated_first is None and \
                        compare_key(text) == short_first and _dated(node):
                    dated_first = (text, node)
                if matches_title(text, whole, article):
                    if short_first:
                        longer = longer or (text, node)
                        continue
                    if compare_key(text) != article_key:  # the start of <title> only
                        whole_one = _heading_naming(index, whole, article_key, text)
                        if whole_one is not None:
                            return whole_one  # a logo <h1>哈尔滨地铁, then <h1>哈尔滨地铁3号线…
                    if article == whole and first_h1 is not None and \
                            _above(node, first_h1[1]) and _dated(first_h1[1]) and \
                            not _dated(node):
                        return first_h1  # <title> and a masthead <h4> print the site's name
                    return _story_under_column(root, node, text) or (text, node)
                if is_title_part(text, whole):
                    return text, node  # 南方周末 - 标题, 無綫新聞 - 財經 - 标题 - tvb.com
                if weak is None and (weak_title_match(text, whole) or (
                        is_title_piece(text, whole) and _dated(node))):
                    weak = (text, node)  # 奢与简 - 109km is a distance.: a short headline
            seen.append((text, node))
    if longer is not None:  # 碎碎念 - 安言的个人博客: the blog's name in a sidebar <h5>
        return _nearer_the_date(dated_first, longer)
    tags = meta_tags(root) if tags is None else tags
    declared = _declared_headline(root, tags[ARTICLE_TITLE_TAG] if ARTICLE_TITLE_TAG in tags
                                  else founder_property(index.source, "title"), seen)
    if declared is not None:
        return declared
    if weak is not None:  # the site's name, unless the header's date follows it
        return weak[0], weak[1] if _dated(weak[1]) else None
    og = root.xpath("//meta[@property='og:title']/@content")
    named = _named_by(seen, collapse(og[0]) if og else "")
    if named is not None:
        return named
    if whole and article == whole and len(whole) <= MAX_SITE_NAME_TITLE:
        titled = _titled_above_date(root)  # <title>金殿环球</title>, printed as the site's name
        if titled is not None and titled[0] != whole:  # beside the date: the headline is above
            return titled
    shown = _shown_whole(root, whole, article)
    if shown is not None:
        return whole, shown
    if article:
        return _shown_part(root, whole) or \
            (article == whole and _titled_above_date(root)) or \
            (first_h1 if first_h1 is not None and _dated(first_h1[1]) else None) or \
            (article, None)  # <title> printed nowhere: the <h1> with the date under it
    if og and collapse(og[0]):
        found = _shown_part(root, collapse(og[0]))
        if found is not None:
            return found
        return clean_page_title(og[0])[1] or collapse(og[0]), None
    if first_h1:
        return first_h1
    return _first_heading(seen) if not whole else (None, None)


def _heading_naming(index: PageIndex, whole: str, article_key: str, start: str
                    ) -> tuple[str, etree._Element] | None:
    """The heading printing more of the ``<title>`` than ``start`` does: its headline, or the
    longest heading that starts it. It beats a heading that prints only the title's first words
    (a logo's ``<h1>哈尔滨地铁`` before the story's ``<h1>哈尔滨地铁3号线一期哈尔滨大街站开通``
    under ``<title>哈尔滨地铁3号线一期哈尔滨大街站开通-哈尔滨公交哈尔滨地铁``, www.hrbbus.cn)."""
    whole_key, best, best_length = compare_key(whole), None, len(compare_key(start))
    for selector in rules.TITLE_SELECTORS:
        for heading in index.select(selector)[:MAX_HEADINGS]:
            text, node = headline(heading)
            text = rules.PAGE_MARKER_RE.sub("", text)
            key = compare_key(text)
            if len(key) > best_length and (key == article_key or whole_key.startswith(key)) \
                    and not is_site_badge(node) and not hidden_by_style(node):
                best, best_length = (text, node), len(key)
    return best


def _titled_above_date(root: etree._Element) -> tuple[str, etree._Element] | None:
    """When the ``<title>`` is one piece the page never prints (the same site name on every
    page: ``计算机学院-南开大学``), the first element classed or named a title whose text could be a
    headline and is followed by a date within the header (``<div class="news-detail-title">…
    </div> … 发布时间：2025-02-26``): where the page prints its headline."""
    best: tuple[int, str, etree._Element] | None = None
    for node in _TITLED(root)[:MAX_TITLED_ELEMENTS]:
        text = rules.PAGE_MARKER_RE.sub("", _without_button(node, text_of(node)))
        if not could_be_headline(text) or len(text) > MAX_TITLE_LENGTH:
            continue
        date = FULL_DATE_RE.search(header_zone(node, TITLED_DATE_REACH))
        if date and (best is None or date.start() < best[0]):
            best = (date.start(), text, node)
    return (best[1], best[2]) if best else _above_date_line(root)


def _above_date_line(root: etree._Element) -> tuple[str, etree._Element] | None:
    """The element right before the page's first line that is a date and nothing else
    (东方网's special topics: ``<div class="fc pix16bhui">标题</div><div>2019年10月8日
    16:57</div>``), when it could be a headline: where a page whose ``<title>`` names only its
    section prints the headline, with no heading element and no class saying so."""
    for node in _LEAF_BLOCKS(root)[:MAX_DATE_LINES_TRIED]:
        text = collapse(node.text or "")
        if len(text) > MAX_DATE_LINE or not FULL_DATE_RE.match(text, _DATE_LINE_LEAD_RE.match(
                text).end()):
            continue
        before = printed_before(node)
        if before is not None and text_of(before).endswith(META_SEPARATORS) and \
                before.getparent() is node.getparent():
            before = printed_before(node.getparent())  # 广东省GD121 | 2020-04-18: one meta line
        if before is None or in_link(before) or before.xpath(".//a"):
            continue
        headline_text = rules.PAGE_MARKER_RE.sub("", text_of(before))
        if could_be_headline(headline_text) and \
                MIN_HEADLINE_ABOVE_DATE <= len(headline_text) <= MAX_TITLE_LENGTH:
            return headline_text, before
    return None


#: What a meta line prints between its items (``广东省GD121 | 2020-04-18``): a piece of the
#: line that ends so is an item before the date, never the headline.
META_SEPARATORS = ("|", "｜", "丨", "/", "／")
#: Childless blocks whose text may be a date line, how many are tried, how long a date line
#: may be, and how short a headline above one.
_LEAF_BLOCKS = etree.XPath("//body//*[self::div or self::p or self::span or self::td][not(*)]"
                           "[string-length(normalize-space(text())) >= 8]")
MAX_DATE_LINES_TRIED = 400
MAX_DATE_LINE = 30
#: What a date line may print before its date: a bracket and a date label (``[发布时间2018年
#: 12月29日]``, a school site's).
_DATE_LINE_LEAD_RE = re.compile(
    r"[\[【(（]?\s*(?:(?:发布|更新|发表)?(?:时间|日期)|发布于|发表于)?\s*[:：]?\s*")
MIN_HEADLINE_ABOVE_DATE = 6


#: The longest one-piece ``<title>`` read as possibly the site's name alone.
MAX_SITE_NAME_TITLE = 8
_TITLED = etree.XPath(
    "//body//*[contains(@class, 'title') or contains(@id, 'title')][not(.//h1 or .//h2)]")
#: Title-classed elements tried, and how far after one its date may be.
MAX_TITLED_ELEMENTS = 20
TITLED_DATE_REACH = 120


def _first_heading(
    seen: list[tuple[str, etree._Element]],
) -> tuple[str | None, etree._Element | None]:
    """On a page with no ``<title>`` at all (a crawler's own HTML around the article), the
    first ``<h2>``/``<h3>`` that could be a headline: nothing else names the article."""
    for text, node in seen:
        if node.tag in ("h2", "h3") and could_be_headline(text):
            return text, node
    return None, None


def is_site_badge(node: etree._Element) -> bool:
    """Is the heading the site's name in the masthead (``<div class="logo"><h1>广西壮族自治区
    人民政府门户网站</h1>``, ``<h1 class="name"><a href="index.html">我的北极世界</a></h1>``)? It
    matches the site's part of the ``<title>``, never the headline: in a box whose class or
    id says logo, or all of it one link to the home page (``href=""`` is the page itself)."""
    for element in (node, node.getparent()):
        if element is not None and "logo" in class_and_id(element):
            return True
    links = list(node.iter("a"))
    return len(links) == 1 and (links[0].get("href") or "").strip() not in ("", "#") and \
        is_home(links[0].get("href"), relative=True) and \
        compare_key(text_of(links[0])) == compare_key(text_of(node))


