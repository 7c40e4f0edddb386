"""The sample DedeCms 5.7 portal "中国国际新闻台": a deterministic replica for tests and benchmarks.

Spec: /work/shared/docs/dedecms-portals.md (how real DedeCms sites look). Quick use::

    site = build_site(60, edition="gbk", variant="default", now=datetime.now(CST))
    with PortalServer(site) as server:            # http://127.0.0.1:<port>
        ... crawl server.url ...
        expected = site.ground_truth(server.url)  # one record per distinct article
    site.publish(3); site.edit(aid)               # mutations for incremental crawls

Modules, one job each: ``model`` (categories, articles), ``generate`` (deterministic articles and
the named edge cases, ``generate.EDGE_CASES``; ``site.edge_cases`` maps name → aid), ``content``
(text and CKEditor body HTML), ``templates``/``listing`` (default DedeCms 5.7 template),
``variants`` (nw, c2, v40 markup), ``schemes`` (URL schemes: DedeCms naming rules, folders,
dynamic, rewrite, multi-site), ``portals`` (the variant catalogue: template set + URL scheme,
``python -m newscrawler.portal variants``), ``mobile`` (the DedeCms /m/ copy), ``othercms``
with ``phpcms``, ``empire`` and ``wordpress`` (other CMS families; evidence in
docs/cms-portals.md), ``pagination`` (exact DedeCms pagination strings),
``static`` (robots.txt, GBK encoding quirks), ``site`` (routing, lazy per-base-URL rendering,
mutations), ``truth`` (ground truth conventions), ``server`` (HTTP, fault hook), ``__main__`` (CLI).
"""

from .model import CST
from .response import Response
from .server import PortalServer
from .site import Site, build_site

__all__ = ["CST", "PortalServer", "Response", "Site", "build_site"]
