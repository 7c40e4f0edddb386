"""Writers a page's markup names, where the text alone does not say it is a byline.

A theme's author markup (the hCard byline, ``rel="author"``), schema.org microdata's author,
an author box whose class says so, WeChat's author slot, the cell after a lone ``作者`` label,
and a platform account linked to its own page right before the header date. ``author_choice.py``
decides in which order they are trusted (``find_author``); this module finds them.

Each reader looks first at whether the page source holds its kind of markup at all: a search
of a page's source costs 10-40 µs, and every page pays it. The ``author`` marks (``rel="author"``,
``class="…author…"``, ``itemprop="author"``) are found in one pass over the places the source
prints ``author`` (``author_marks``), instead of one search each.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml import etree

from newscrawler.extract import authors, names, rules
from newscrawler.extract.dates import is_date_alone
from newscrawler.extract.index import PageIndex
from newscrawler.extract.text import BLOCK_TAGS, all_text, collapse, hidden_by_class, text_of

_AUTHOR_MARKUP = etree.XPath(rules.AUTHOR_MARKUP_XPATH)
_HCARD_NAME = etree.XPath(rules.AUTHOR_MARKUP_XPATH.split(" | ")[0])
_REL_AUTHOR = etree.XPath(rules.AUTHOR_MARKUP_XPATH.split(" | ")[1])
_AUTHOR_CLASS = etree.XPath(rules.AUTHOR_CLASS_XPATH)
_WECHAT_AUTHOR = etree.XPath(rules.WECHAT_AUTHOR_XPATH)
_WECHAT_ACCOUNT = etree.XPath(rules.WECHAT_ACCOUNT_XPATH)
_LABEL_CELL = etree.XPath(rules.LABEL_CELL_XPATH)
_MICRODATA_AUTHOR = etree.XPath(rules.MICRODATA_AUTHOR_XPATH)
#: The word an English byline starts with, printed inside the name property (``by <a>X</a>``).
BY_WORD_RE = re.compile(r"^by\s+", re.IGNORECASE)
#: A writer's label and a space before the names, in an author box (天下雜誌's ``<span
#: class="authorType">文</span><li class="authorName">張宜君</li>``, ``作者 张三``): the box's
#: class says what the word is, so no colon is needed. Only names may follow: ``作者 Amy Evans
#: Head, Global…`` is a profile box.
BOX_LABEL_RE = re.compile(
    rf"^(?:{authors.BYLINE_LABELS}|文字|文)\s+(?P<names>[{names.HAN}·]{{2,}}(?:[\s、][{names.HAN}·]{{2,}})*)$")
#: Links of the same text looked at for a profile address.
MAX_WORD_LINKS = 3
AUTHOR = b"author"
#: How far back from ``author`` its attribute's start is looked for (``class="a b author``).
ATTRIBUTE_REACH = 80


class AuthorMarks(NamedTuple):
    """What ``author_marks`` found: the kinds of author markup (``rel``, ``class``,
    ``itemprop``) and the class tokens naming an author (``m-from-author``), in source order."""

    kinds: frozenset[str] = frozenset()
    classes: tuple[str, ...] = ()


NO_MARKS = AuthorMarks()


def author_marks(source: bytes | None) -> AuthorMarks:
    """Which kinds of author markup the source holds: ``rel`` (``rel="author"``), ``vcard``
    (an hCard's ``class="author vcard"``), ``class`` (a class naming an author, its tokens
    kept so that the page index finds its elements without a search of the tree) and
    ``itemprop`` (microdata)."""
    if not source:
        return NO_MARKS
    kinds: set[str] = set()
    classes: dict[str, None] = {}
    at = source.find(AUTHOR)
    while at != -1:
        start = max(0, at - ATTRIBUTE_REACH)
        before = source[start:at]
        quote = max(before.rfind(b'"'), before.rfind(b"'"))
        if quote >= 0 and b">" not in before[quote:] and b"<" not in before[quote:]:
            attribute = before[:quote].rstrip(b"= ")
            if attribute.endswith(b"rel"):
                kinds.add("rel")
            elif attribute.endswith(b"class"):
                kinds.add("class")
                end = source.find(before[quote:quote + 1], at)  # the value's closing quote
                value = source[start + quote + 1:end if end != -1 else at + len(AUTHOR)]
                for token in value.decode("utf-8", "replace").split():
                    if "author" in token:
                        classes.setdefault(token, None)
                if b"vcard" in value:
                    kinds.add("vcard")  # <span class="author vcard">: the hCard byline
            elif attribute.lower().endswith(b"itemprop"):
                kinds.add("itemprop")
        at = source.find(AUTHOR, at + len(AUTHOR))
    return AuthorMarks(frozenset(kinds), tuple(classes))


def marked_author(root: etree._Element, source: bytes | None, marks: AuthorMarks = NO_MARKS,
                  index: PageIndex | None = None) -> str | None:
    """The name in a theme's author markup (``rules.AUTHOR_MARKUP_XPATH``), in WeChat's author
    slot (``rules.WECHAT_AUTHOR_XPATH``), or in an author box that labels it (the elements of
    ``marks.classes``, from ``index`` when it holds them), if any."""
    if not source:
        return None
    markup = _AUTHOR_MARKUP if {"rel", "vcard"} <= marks.kinds else \
        _REL_AUTHOR if "rel" in marks.kinds else _HCARD_NAME if "vcard" in marks.kinds else None
    if markup is not None:  # the XPath of the kind the source holds (an hCard's costs most)
        for node in markup(root):
            if hidden_by_class(node):
                continue  # markup for search engines only: Avada's rich-snippet-hidden
            text = collapse(all_text(node))
            name = names.clean_author(text) or (  # a handle: Pelican's By <a rel="author">m157q
                names.signed_name(text) if " " not in text else None)
            if name:
                return name
    if _wechat_slots(source, index):
        name = wechat_author(root)
        if name:
            return name
    if "class" in marks.kinds:
        for node in _author_boxes(root, marks, index)[:rules.MAX_AUTHOR_CLASS_ELEMENTS]:
            text = collapse(all_text(node))
            name = authors.labelled_names(text) or (
                None if _IN_SIDEBAR(node) or _IN_COMMENTS(node) else _box_label(text))
            if name:
                return name
    return None


def author_box_name(root: etree._Element, marks: AuthorMarks, index: PageIndex | None,
                    zone: str) -> str | None:
    """The name alone in an element whose class says author, with no label (Z-BlogPHP
    themes' ``<span class="author"><i class="fa fa-user"></i>龙吟博客</span>`` and ``<span
    class="article-author"><a href="?auth=1">smallyu</a></span>``, a Hugo theme's ``<h4
    class="author">51ak</h4><h4 class="date">2023/09/10</h4>`` after the text): the post's
    byline, when the header prints it or a date is printed right beside it. One word only:
    ``Read more`` in an author box is a link's caption."""
    if "class" not in marks.kinds:
        return None
    boxes = _author_boxes(root, marks, index)[:rules.MAX_AUTHOR_CLASS_ELEMENTS]
    inner = [box for box in boxes if not any(
        other is not box and box in other.iterancestors() for other in boxes)]
    for node in inner:  # the innermost: 微胖, not the box around it that adds 原创
        text = collapse(all_text(node))
        if not text or _IN_SIDEBAR(node) or _IN_COMMENTS(node):
            continue
        if " " in text:  # the box prints more than a name: its name slot, if any, or
            slotted = _slotted_name(node)  # the names before their jobs, a box each
            if slotted:
                return slotted
            if _name_then_job(text):
                return names.join([name for box in inner if (
                    name := _name_then_job(collapse(all_text(box))))])
            continue
        if len(text) > MAX_BOX_NAME or text.lower() in rules.LATIN_HEADER_WORDS:
            continue  # By, REUTERS, admin: a label, an agency, an account
        name = names.signed_name(text)
        if name and (text in zone[:BOX_NAME_ZONE_CHARS] or
                     (len(inner) == 1 and _dated_beside(node))):
            return name  # one dated box only: a list of posts dates each of its authors
    return None


def icon_named(root: etree._Element, source: bytes | None, zone: str) -> str | None:
    """The name a theme prints after a person icon instead of a label (Jekyll's ``<i
    class="fa fa-user"></i>chaodong`` beside the date), when the header prints it: one word,
    a handle or a name."""
    if not source or not zone or PERSON_ICON_MARK not in source:
        return None
    for icon in _PERSON_ICON(root)[:MAX_PERSON_ICONS]:
        after = icon.getnext()
        text = collapse(icon.tail) or (collapse(all_text(after)) if after is not None else "")
        if text and " " not in text and text in zone[:BOX_NAME_ZONE_CHARS]:
            name = names.signed_name(text)
            if name:
                return name
    return None


#: Person icons of the icon fonts themes use (Font Awesome, Bootstrap's glyphicons); the
#: source is searched for their common part first.
PERSON_ICON_MARK = b"-user"
_PERSON_ICON = etree.XPath(
    "//i[contains(concat(' ', normalize-space(@class), ' '), ' fa-user ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' icon-user ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' glyphicon-user ')]")
MAX_PERSON_ICONS = 3


def _slotted_name(box: etree._Element) -> str | None:
    """The name in the box's slot classed ``name`` when the date is printed right beside it
    (风尚中国: ``<div class="author"><div class="image">阿荣</div><div class="name">阿荣</div>
    <div class="date">2017-05-25 10:47:43</div><div class="date">来源：风尚中国</div></div>``)."""
    for slot in box.iterdescendants():
        if isinstance(slot.tag, str) and "name" in (slot.get("class") or "").lower().split():
            text = collapse(all_text(slot))
            if text and " " not in text and len(text) <= MAX_BOX_NAME and _dated_beside(slot):
                return names.signed_name(text)
            return None
    return None


def _name_then_job(text: str) -> str | None:
    """The writer an author box names before their job (developerWorks' ``<p
    class="dw-summary-author">申 毅, 软件工程师, IBM</p>``), a name printed with a space
    between surname and given name joined (``曹 江华``)."""
    match = NAME_THEN_JOB_RE.match(text)
    name = "".join(match.group("name").split()) if match else ""
    return name if name and names.has_surname(name) else None


#: A name, a comma, then a job title among the next words (``系统管理员`` too: after a name
#: and a comma, no account's name).
NAME_THEN_JOB_RE = re.compile(
    rf"(?P<name>[{names.HAN}](?: ?[{names.HAN}]){{1,3}})\s*[,，]\s*[^,，]{{0,20}}?"
    rf"(?:{'|'.join(rules.JOB_TITLES + ('管理员', '管理員'))})")


def _dated_beside(node: etree._Element) -> bool:
    """Is the element's next or previous sibling a date and nothing else?"""
    return any(sibling is not None and isinstance(sibling.tag, str) and
               is_date_alone(collapse(all_text(sibling)))
               for sibling in (node.getnext(), node.getprevious()))


#: The longest name an author box holds alone, and how much of the header may print it.
MAX_BOX_NAME = 20
BOX_NAME_ZONE_CHARS = 80


def _wechat_slots(source: bytes, index: PageIndex | None) -> bool:
    """Does the page have WeChat's author slots? Told by the page index when it holds their
    keys (``rules.WECHAT_AUTHOR_SELECTORS``), else by the source."""
    if index is not None and (index.classes is None or "rich_media_meta_text" in index.classes):
        return bool(index.by_id.get("js_author_name") or index.by_class.get("rich_media_meta_text"))
    return rules.WECHAT_AUTHOR_MARK in source


def _box_label(text: str) -> str | None:
    """The names after a writer's label and a space (``文 張宜君``), else a ``By`` handle."""
    match = BOX_LABEL_RE.match(text)
    return names.clean_author(match.group("names")) if match else _by_name(text)


def _by_name(text: str) -> str | None:
    """The name of an author box that is ``By`` and one handle alone (``<span
    class="post-author">By 折鸦夜明け前</span>``); a Latin name and a title glued on
    (``Meg JamesStaff Writer``) are another theme's, read elsewhere."""
    match = BY_WORD_RE.match(text)
    rest = text[match.end():] if match else ""
    return names.signed_name(rest) if rest and " " not in rest else None  # one handle only


def _author_boxes(root: etree._Element, marks: AuthorMarks,
                  index: PageIndex | None) -> list[etree._Element]:
    """The elements whose class names an author: from the page index when it was built with
    ``marks.classes`` (no search of the tree), else by XPath."""
    if index is None or (index.classes is not None and
                         not index.classes.issuperset(marks.classes)):
        return _AUTHOR_CLASS(root)
    boxes: dict[etree._Element, None] = {}
    for token in marks.classes:
        for node in index.by_class.get(token, ()):
            boxes.setdefault(node, None)
    return list(boxes)


#: A site login as a copyright box prints it (``BlackForest1990``).
LOGIN_RE = re.compile(r"^[A-Za-z][\w.-]{2,29}$")
#: The addresses of the links whose whole text is ``$word``, in document order: who a word
#: beside the date is, the pages it links tell (a user's page, a category, the home page).
_LINKED_AS = etree.XPath("//a[normalize-space(.)=$word]/@href")
#: A subtitle printing ``$word`` (a heading element whose class says so; an author card's
#: ``<h3 class="name">`` is a heading too, and names the writer).
_HEADED_AS = etree.XPath(
    "boolean(//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[contains(translate(@class, 'SUBTLE-_', 'subtle'), 'subtitle')][normalize-space(.)=$word])")
#: A comment or a reply, whose author box names a reader, not the article's writer.
_IN_COMMENTS = etree.XPath(
    "boolean(ancestor-or-self::*[contains(@class, 'comment') or contains(@id, 'comment') or "
    "contains(@class, 'reply')])")
#: A sidebar, by a class token that starts with ``sidebar`` (``sidebar-inner``) or names a part
#: of one (``shunno-sidebar-widget``), or by its id; a layout class that ends with it
#: (``background_color_sidebar``, ``has-sidebar``) wraps the article too.
_IN_SIDEBAR = etree.XPath(
    "boolean(ancestor-or-self::*[contains(concat(' ', normalize-space(@class)), ' sidebar') or "
    "contains(@class, 'sidebar-') or contains(@class, 'sidebar_') or contains(@id, 'sidebar') "
    "or contains(@class, 'site-author')])")


def microdata_author(root: etree._Element, marks: AuthorMarks) -> str | None:
    """The first schema.org microdata author that is not a comment's: its ``name`` property,
    else its own ``content`` or text when short (``rules.MICRODATA_AUTHOR_XPATH``)."""
    if "itemprop" not in marks.kinds:
        return None
    for node in _MICRODATA_AUTHOR(root)[:1]:
        if _IN_SIDEBAR(node):
            return None  # NexT's sidebar: the site's owner (前端团队 on a team's blog), no byline
        return _person_name(node)
    return None


def _person_name(node: etree._Element) -> str | None:
    """A microdata author's name: its ``name`` property, else its own ``content`` or text,
    without ``By``, when short."""
    named = node.xpath(".//*[@itemprop='name']")
    own = named[0] if named else node
    value = BY_WORD_RE.sub("", collapse(own.get("content") or all_text(own)))
    return value if value and len(value) <= rules.MAX_MICRODATA_AUTHOR_CHARS else None


def microdata_coauthors(root: etree._Element, first: str, marks: AuthorMarks) -> str:
    """``first`` and the writers the page declares after it as schema.org authors in the same
    byline block (Docusaurus's row of ``itemprop="author"`` Persons: ``鲁严波``, ``陈志辉``, …),
    when ``first`` is the first of them; else ``first`` alone."""
    if "itemprop" not in marks.kinds:
        return first
    nodes = _MICRODATA_AUTHOR(root)[:names.MAX_AUTHORS]
    block = _byline_block(nodes[0]) if len(nodes) > 1 else None
    if block is None:
        return first
    found: list[str] = []
    for node in nodes:
        value = _person_name(node)
        if _byline_block(node) is not block or _IN_SIDEBAR(node) or not value:
            break
        found.append(value)
    return names.join(found) if len(found) > 1 and found[0] == first else first


def _byline_block(node: etree._Element) -> etree._Element | None:
    """The element a byline's authors share: the author's ancestor three levels up."""
    ancestors = list(islice(node.iterancestors(), BYLINE_BLOCK_DEPTH))
    return ancestors[-1] if len(ancestors) == BYLINE_BLOCK_DEPTH else None


BYLINE_BLOCK_DEPTH = 3


def wechat_author(root: etree._Element) -> str | None:
    """The writer WeChat's author slot prints, unless it is the account's own name."""
    accounts = {collapse(all_text(node)) for node in _WECHAT_ACCOUNT(root)}
    for node in _WECHAT_AUTHOR(root)[:rules.MAX_AUTHOR_CLASS_ELEMENTS]:
        name = collapse(all_text(node))
        if name and len(name) <= rules.MAX_WECHAT_AUTHOR_CHARS and name not in accounts and \
                not name.endswith((":", "：")) and name not in names.LABEL_WORDS:
            return name
    return None


def label_cell_author(root: etree._Element, source: bytes | None) -> str | None:
    """The writer in the cell after a lone author label (``rules.LABEL_CELL_XPATH``)."""
    if not source or not any(_alone_in_element(source, label) for label in rules.LABEL_CELL_MARKS):
        return None
    for node in _LABEL_CELL(root)[:rules.MAX_AUTHOR_CLASS_ELEMENTS]:
        value = collapse(all_text(node))
        name = names.clean_author(value) or names.signed_name(value)
        if name:
            return name
    return None


def _alone_in_element(source: bytes, label: bytes) -> bool:
    """Does the source print ``label`` as an element's whole text (``>作者<``)? Searched for the
    label itself, then its neighbours: a needle that starts and ends with ``>``/``<``, bytes
    that HTML is full of, is searched ten times slower."""
    at = source.find(label)
    while at != -1:
        if source[at - 1:at] == b">" and source[at + len(label):at + len(label) + 1] == b"<":
            return True
        at = source.find(label, at + len(label))
    return False


def profile_linked(root: etree._Element, word: str | None) -> str | None:
    """``word`` when the page links it to a user's or author's page (36kr's ``<a
    href="/user/214166">机器之心</a>·2025年04月22日``): the account that posted the article,
    which platforms print where a newspaper prints its byline."""
    if word and any(rules.PROFILE_HREF_RE.search(href)
                    for href in _LINKED_AS(root, word=word)[:MAX_WORD_LINKS]):
        return names.signed_name(word)
    return None


def not_filed_under(root: etree._Element, names_found: str | None) -> str | None:
    """``names_found`` unless the page links it to a category or tag page (a blog theme's
    ``2020-06-05 <a href="/categories/程式/">程式</a>``): where the post is filed."""
    if names_found and any(rules.CATEGORY_HREF_RE.search(href)
                           for href in _LINKED_AS(root, word=names_found)[:MAX_WORD_LINKS]):
        return None
    return names_found


def unlinked(root: etree._Element, word: str | None) -> str | None:
    """``word`` unless the page prints it as a link somewhere: a category tag (``<a
    href="/tag/x">创业</a>``), not a writer's pen name. A link to the site's home page (a
    personal blog's name, ``<a href="/">yyshino</a>``) or to no address links no section.
    Nor a subtitle (Hugo Stack's ``<h3 class="article-subtitle">GFS</h3>`` right above the
    date)."""
    if word and (any(urlsplit(href).path.strip("/") for href in _LINKED_AS(root, word=word))
                 or _HEADED_AS(root, word=word)):
        return None
    return word


def within_its_block(root: etree._Element, zone: str, found: str | None) -> str | None:
    """The names of a byline read from the header text (``found``) that its own line prints.

    The header text runs elements together, so a byline on a line of its own (``<td>本报记者
    任朝霞</td>``) reads on into the next line: a text that opens with the subject's name
    (``季自军 “电子信息…``) gave a second writer. The names the byline's block element prints
    are kept, the next line's bare names are not; the next line's labelled byline (``实习生
    李四``) is a writer too, and keeps them all."""
    if not found or names.SEPARATOR not in found:
        return found
    for node in _PRINTING(root, word=found.split(names.SEPARATOR)[0])[:MAX_PRINTING]:
        block = node if node.tag in BLOCK_TAGS else next(
            (up for up in node.iterancestors() if up.tag in BLOCK_TAGS), None)
        printed = text_of(block) if block is not None else ""
        own = authors.opening_byline(printed) if len(printed) <= BYLINE_LINE_CHARS else None
        if not own or not found.startswith(own + names.SEPARATOR):
            continue
        at = zone.find(printed)
        if at < 0 or authors.opening_byline(zone[at + len(printed):]):
            return found
        return own
    return found


#: Elements whose own text prints ``$word`` (not a script's or a style's).
_PRINTING = etree.XPath("//*[not(self::script or self::style)][text()[contains(., $word)]]")
#: How many of them are looked at (the first name also printed in a headline, a caption).
MAX_PRINTING = 3
#: How long a block holding a byline line is at most: a line, not the text it opens.
BYLINE_LINE_CHARS = 60


def copyright_author(index: PageIndex | None) -> str | None:
    """The writer a blog theme's copyright box names after the text (Hexo Butterfly's
    ``<div class="post-copyright">…文章作者: 0o酱``, NexT's ``本文作者： fenix``, matery's
    ``reprint``): the post's own credit, printed where a paper prints its closing byline. The
    boxes come from the page index (``rules.COPYRIGHT_SELECTORS``): no search of the tree."""
    if index is None:
        return None
    for node in index.select_any(rules.COPYRIGHT_SELECTORS)[:rules.MAX_AUTHOR_CLASS_ELEMENTS]:
        match = rules.COPYRIGHT_AUTHOR_RE.search(collapse(" ".join(node.itertext())))
        if match:
            value = match.group("name")
            found = names.signed_name(value) or (
                value if LOGIN_RE.match(value) and value.lower() not in rules.PLACEHOLDER_ACCOUNTS
                else None)  # BlackForest1990: a login longer than a signed handle
            if found:
                return found
    return None
