"""Pure extraction of DedeCms news pages: bytes in, records out (no Scrapy, no network).

Article pages: ``extract_article``; dates anywhere (also list pages): ``parse_date``; bytes to
text: ``decode_html``; per-portal settings: ``load_profile``/``Profile``.
"""

from newscrawler.extract.article import RECORD_KEYS, extract_article
from newscrawler.extract.dates import ParsedDate, parse_date
from newscrawler.extract.encoding import decode_html
from newscrawler.extract.profile import Profile, load_profile

# The crawler adds its listing helpers here: from newscrawler.extract.listing import ...

__all__ = [
    "RECORD_KEYS",
    "ParsedDate",
    "Profile",
    "decode_html",
    "extract_article",
    "load_profile",
    "parse_date",
]
