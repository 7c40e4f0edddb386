"""URL knowledge of DedeCms portals: canonical forms, page kinds and article identity.

Deduplication and incremental state key on what this module returns, so every DedeCms
quirk that makes one article reachable under several URLs is folded here, in one place:

- ``//`` inside paths (``cfg_basehost`` ending in ``/``, dedecms-portals.md §5.8);
- a section's ``index.html`` is a byte copy of ``list_<tid>_1.html`` (§1.2);
- ``/special/arc-<aid>.html`` and ``/plus/view.php?aid=<aid>`` copies of an article (§5.9);
- page N of a multi-page article, ``<aid>_N.html`` (§1.2);
- tracking query strings (``utm_*``, ``spm`` …) and fragments.
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
_ARTICLE_RE = re.compile(r"/(?:arc-)?(?P<aid>\d+)(?:_(?P<page>\d+))?\.html?$", re.ASCII)
_DATED_ARTICLE_RE = re.compile(r"/\d{4}/\d{4}/(?P<aid>\d+)(?:_(?P<page>\d+))?\.html?$", re.ASCII)
_SPECIAL_RE = re.compile(r"/special/arc-(?P<aid>\d+)(?:_(?P<page>\d+))?\.html?$", re.ASCII)
_LIST_RE = re.compile(r"/list_(?P<tid>\d+)_(?P<page>\d+)\.html?$", re.ASCII)
_VIEW_PATHS = ("/plus/view.php",)


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


@lru_cache(maxsize=_CACHE_SIZE)
def article_id(url: str) -> int | None:
    """The DedeCms article id (``aid``) named by an article URL, or None.

    Covers ``/<dir>/<Y>/<MD>/<aid>.html``, ``<aid>_N.html``, ``/special/arc-<aid>.html`` and
    ``/plus/view.php?aid=<aid>``.
    """
    parts = urlsplit(url)
    path = _MULTI_SLASH.sub("/", parts.path)
    if path in _VIEW_PATHS:
        for key, value in parse_qsl(parts.query):
            if key == "aid" and value.isascii() and value.isdigit():
                return int(value)
        return None
    match = _SPECIAL_RE.search(path) or _DATED_ARTICLE_RE.search(path)
    return int(match["aid"]) if match else None


def is_article_url(url: str) -> bool:
    """True for URLs shaped like DedeCms article pages (dated, special or dynamic)."""
    return article_id(url) is not None


def is_list_url(url: str) -> bool:
    """True for static list pages ``list_<tid>_<n>.html``."""
    return bool(_LIST_RE.search(urlsplit(url).path))


def article_page_number(url: str) -> int:
    """Page number of an article URL: 1 for ``123.html``, N for ``123_N.html``."""
    parts = urlsplit(url)
    if parts.path.endswith("/plus/view.php"):
        for key, value in parse_qsl(parts.query):
            if key == "pageno" and value.isdigit():
                return int(value)
        return 1
    match = _ARTICLE_RE.search(parts.path)
    return int(match["page"]) if match and match["page"] else 1


def first_page_url(url: str) -> str:
    """The canonical URL of page 1 of the article that ``url`` is a page of."""
    canon = canonical_url(url)
    parts = urlsplit(canon)
    if parts.path.endswith("/plus/view.php"):
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "pageno"]
        return urlunsplit(parts._replace(query=urlencode(query)))
    path = re.sub(r"_(\d+)(\.html?)$", r"\2", parts.path)
    return urlunsplit(parts._replace(path=path))


def same_site(url: str, allowed_hosts: frozenset[str]) -> bool:
    """True when ``url`` is http(s) and its host (with port) is one of ``allowed_hosts``."""
    if urlsplit(url).scheme not in DEFAULT_PORTS:
        return False
    return host_port(url) in allowed_hosts


def article_key(url: str) -> str:
    """The identity of the article behind ``url``, stable across all its URL forms.

    ``host/aid/<aid>`` when the URL names a DedeCms article id (so ``/special/arc-N.html``,
    ``/plus/view.php?aid=N`` and ``N_2.html`` all meet ``N.html``), else ``host/url/<path>``.
    """
    canon = canonical_url(url)
    parts = urlsplit(canon)
    aid = article_id(canon)
    if aid is not None:
        return f"{parts.netloc}/aid/{aid}"
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{parts.netloc}/url{rest}"
