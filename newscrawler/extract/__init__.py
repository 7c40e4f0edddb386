"""Pure extraction of DedeCms news pages: bytes in, records out (no Scrapy, no network).

Article pages: ``extract_article``; dates anywhere (also list pages): ``parse_date``; bytes to
text: ``decode_html``; per-portal settings: ``load_profile``/``Profile``. Home, sitemap and
list pages: ``section_urls``, ``parse_list``; pages 2..N of an article: ``article_page_urls``.
"""

from newscrawler.extract.article import RECORD_KEYS, extract_article
from newscrawler.extract.dates import ParsedDate, parse_date
from newscrawler.extract.encoding import decode_html
from newscrawler.extract.listing import (
    ListEntry,
    ListPage,
    article_page_urls,
    parse_list,
    section_urls,
)
from newscrawler.extract.profile import Profile, load_profile

__all__ = [
    "RECORD_KEYS",
    "ListEntry",
    "ListPage",
    "article_page_urls",
    "parse_list",
    "section_urls",
    "ParsedDate",
    "Profile",
    "decode_html",
    "extract_article",
    "load_profile",
    "parse_date",
]
