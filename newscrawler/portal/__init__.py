"""The sample DedeCms 5.7 portal "中国国际新闻台": a deterministic replica for tests and benchmarks.

``build_site`` makes the site model, ``Site.ground_truth`` says what a perfect crawl yields,
``PortalServer`` serves it on 127.0.0.1. See ``docs`` in the modules for what each quirk mirrors.
"""

from .server import PortalServer
from .site import Response, Site, build_site

__all__ = ["PortalServer", "Response", "Site", "build_site"]
