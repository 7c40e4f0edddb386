"""What the crawler learns about a portal it was not told about: URL shapes and CMS family.

``shapes``: generalised URL rules (``url_shape``) and the ``ShapeBook`` kept in the crawl
state; ``families``: the CMS family a page's markers point to (for ``scrapy probe``).
The page-structure classifier that feeds them is ``newscrawler.extract.structure``.
"""

from newscrawler.discovery.shapes import ShapeBook, url_shape

__all__ = ["ShapeBook", "url_shape"]
