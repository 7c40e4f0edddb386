"""URL knowledge of news portals: canonical forms, page numbers and article identity.

Deduplication and incremental state key on what this module returns, so every quirk that
makes one article reachable under several URLs is folded here, in one place:

- ``//`` inside paths (``cfg_basehost`` ending in ``/``, dedecms-portals.md §5.8);
- a section's ``index.html`` is a byte copy of ``list_<tid>_1.html`` (§1.2);
- one article id under several names: DedeCms ``{typedir}/.../<aid>.html``,
  ``/special/arc-<aid>.html``, ``/plus/view.php?aid=<aid>``, its rewrite ``/plus/view-<aid>-1.html``
  (§5.9); PHPCMS ``index.php?m=content&c=index&a=show&catid=N&id=<id>`` and its static
  ``/html/.../<id>.html``; EmpireCMS ``/e/action/ShowInfo.php?classid=N&id=<id>`` and
  ``/<classpath>/<date>/<id>.html`` (docs/cms-portals.md);
- page N of a multi-page article: ``<name>_N.html``, ``&pageno=N`` (DedeCms), ``&page=N`` (PHPCMS);
- mobile copies under ``/m/`` (``is_mobile_url``: never crawled, the desktop page is the article);
- tracking query strings (``utm_*``, ``spm`` …) and fragments.

Whether a URL *is* an article is decided from page structure (``newscrawler.discovery``);
``is_article_url`` only knows the id-bearing forms above, a prior for pages with no structure.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {"spm", "from", "share", "share_token", "fbclid", "gclid", "isappinstalled", "scene", "src"}
)
TRACKING_PREFIXES = ("utm_",)

# re.ASCII: DedeCms writes ASCII digits; a full-width ２０１６ is not an article path.
_MULTI_SLASH = re.compile(r"/{2,}")
# An article file named by its id: <aid>.html, <aid>_N.html, arc-<aid>.html, view-<aid>-1.html.
_ID_LEAF_RE = re.compile(
    r"/(?:arc-|view-)?(?P<aid>\d+)(?:-\d+)?(?:_(?P<page>\d+))?\.s?html?$", re.ASCII
)
_PAGE_SUFFIX_RE = re.compile(r"_(?P<page>\d{1,3})(?P<ext>\.s?html?)$", re.ASCII)
# DedeCms rewrite (cfg_rewrite=Y): page K of article N is /plus/view-N-K.html
_REWRITE_VIEW_RE = re.compile(r"/plus/view-(?P<aid>\d+)-(?P<page>\d+)\.html$", re.ASCII)
_LIST_RE = re.compile(r"/list_(?P<tid>\d+)_(?P<page>\d+)\.html?$", re.ASCII)
_SPECIAL_COPY_RE = re.compile(r"^/special/arc-\d+(?:_\d+)?\.html?$")
_DYNAMIC_NAME_RE = re.compile(r"^/plus/view(?:\.php|-\d+-\d+\.html)$")
# Query keys that name the article id, by script (DedeCms, PHPCMS, EmpireCMS; docs/cms-portals.md)
ID_QUERY_KEYS = ("aid", "id")
# Query keys that number the pages of one article (DedeCms view.php, PHPCMS show)
PAGE_QUERY_KEYS = frozenset({"pageno", "page"})
# First path folders of a portal's mobile copy (DedeCms /m/, others /wap/, /mobile/)
MOBILE_FOLDERS = frozenset({"m", "wap", "mobile", "3g"})


DEFAULT_PORTS = {"http": 80, "https": 443}
# canonical_url and article_id are pure and called for every link of every list page, where
# the same header, nav and sidebar links come back page after page: memoised.
_CACHE_SIZE = 16384


def host_port(url: str) -> str:
    """``host[:port]`` of ``url``, lower case, without the scheme's default port.

    >>> host_port("HTTP://Example.com:80/a")
    'example.com'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a port that is no number
        return f"{host}:?"
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        return f"{host}:{port}"
    return host


@lru_cache(maxsize=_CACHE_SIZE)
def canonical_url(url: str) -> str:
    """Return the canonical form of ``url``: the same page always gets the same string.

    >>> canonical_url("HTTP://Example.com:80//a/shehui//list_1_1.html?utm_source=x#top")
    'http://example.com/a/shehui/list_1_1.html'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = host_port(url.strip())
    path = _MULTI_SLASH.sub("/", parts.path) or "/"
    if path.endswith("/index.html") or path.endswith("/index.htm"):
        path = path.rsplit("/", 1)[0] + "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    query.sort()
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _non_ascii_digit(text: str) -> bool:
    return not text.isascii() and any(c.isdigit() for c in text)


@lru_cache(maxsize=_CACHE_SIZE)
def article_id(url: str) -> int | None:
    """The article id a URL names, or None.

    Covers a file named by the id (``.../<aid>.html``, ``<aid>_N.html``, ``arc-<aid>.html``,
    ``view-<aid>-1.html``) and an ``aid=`` / ``id=`` query key of a script
    (``/plus/view.php?aid=``, PHPCMS ``a=show&id=``, EmpireCMS ``ShowInfo.php?id=``).
    Full-width digits are never an id: CMSs write ASCII ones.
    """
    parts = urlsplit(url)
    path = _MULTI_SLASH.sub("/", parts.path)
    if _non_ascii_digit(path):
        return None
    if parts.query:
        pairs = dict(parse_qsl(parts.query))
        for key in ID_QUERY_KEYS:
            value = pairs.get(key)
            if value is not None:
                return int(value) if value.isascii() and value.isdigit() else None
        if path.endswith(".php"):
            return None
    if is_list_url(path):
        return None
    match = _ID_LEAF_RE.search(path)
    return int(match["aid"]) if match else None


def is_article_url(url: str) -> bool:
    """True for URLs that name an article id in a known CMS form (see ``article_id``).

    A prior only: the crawler learns each portal's article shapes from its pages.
    """
    return article_id(url) is not None


def is_copy_url(url: str, static: bool = True) -> bool:
    """True for a DedeCms second name of an article (§5.9), fetched only when no list shows
    the article under its own name: ``/special/arc-N.html`` always; ``/plus/view.php?aid=N``
    and ``/plus/view-N-1.html`` on a ``static`` portal only (on a dynamic one they are the names).
    """
    path = _MULTI_SLASH.sub("/", urlsplit(url).path)
    if _SPECIAL_COPY_RE.search(path):
        return True
    return static and _DYNAMIC_NAME_RE.search(path) is not None


def is_mobile_url(url: str) -> bool:
    """True for a page of the portal's mobile copy (``/m/view.php?aid=N``, ``/wap/...``)."""
    path = _MULTI_SLASH.sub("/", urlsplit(url).path)
    return path.split("/", 2)[1].lower() in MOBILE_FOLDERS if path.count("/") >= 2 else False


def is_list_url(url: str) -> bool:
    """True for static list pages ``list_<tid>_<n>.html``."""
    return bool(_LIST_RE.search(urlsplit(url).path))


def article_page_number(url: str) -> int:
    """Page number of an article URL: 1 for ``123.html``, N for ``123_N.html`` / ``&pageno=N``."""
    parts = urlsplit(url)
    if parts.query:
        for key, value in parse_qsl(parts.query):
            if key.lower() in PAGE_QUERY_KEYS and value.isascii() and value.isdigit():
                return int(value)
    match = _REWRITE_VIEW_RE.search(parts.path) or _PAGE_SUFFIX_RE.search(parts.path)
    return int(match["page"]) if match else 1


@lru_cache(maxsize=_CACHE_SIZE)
def first_page_url(url: str) -> str:
    """The canonical URL of page 1 of the article that ``url`` is a page of."""
    canon = canonical_url(url)
    parts = urlsplit(canon)
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = [(k, v) for k, v in pairs if k.lower() not in PAGE_QUERY_KEYS]
        if len(query) != len(pairs):
            return urlunsplit(parts._replace(query=urlencode(query)))
        return canon
    path = _REWRITE_VIEW_RE.sub(r"/plus/view-\g<aid>-1.html", parts.path)
    path = _PAGE_SUFFIX_RE.sub(r"\g<ext>", path)
    return urlunsplit(parts._replace(path=path))


def same_site(url: str, allowed_hosts: frozenset[str]) -> bool:
    """True when ``url`` is http(s) and its host (with port) is one of ``allowed_hosts``."""
    if urlsplit(url).scheme not in DEFAULT_PORTS:
        return False
    return host_port(url) in allowed_hosts


def article_key(url: str) -> str:
    """The identity of the article behind ``url``, stable across all its URL forms.

    ``host/aid/<aid>`` when the URL names an article id (so ``/special/arc-N.html``,
    ``/plus/view.php?aid=N`` and ``N_2.html`` all meet ``N.html``), else ``host/url/<path>``
    of page 1 (a slug: ``/guonei/zhongguo-jingji.html``).
    """
    canon = first_page_url(url)
    parts = urlsplit(canon)
    aid = article_id(canon)
    if aid is not None:
        return f"{parts.netloc}/aid/{aid}"
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{parts.netloc}/url{rest}"
