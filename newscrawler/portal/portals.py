"""The catalogue of portal variants: name → (template set, URL scheme, one-line description).

Why one table: the CLI lists it, ``build_site(variant=...)`` validates against it, and every
variant is a *configuration* of the same model, so the ground truth of all of them comes from
the model. Template sets live in ``templates``/``listing``/``variants`` (DedeCms), ``mobile``,
``phpcms`` and ``empire``; URL schemes in ``schemes`` (DedeCms) and the CMS modules.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schemes
from .empire import EmpireDynamicScheme, EmpireStaticScheme, EmpireTheme
from .listing import PortalTheme
from .mobile import MobileScheme, MobileTheme
from .phpcms import PhpcmsDynamicScheme, PhpcmsStaticScheme, PhpcmsTheme
from .variants import CommercialTheme, Dede40Theme, NewsWebTheme
from .wordpress import WordpressPlainScheme, WordpressScheme, WordpressTheme


@dataclass(frozen=True)
class Variant:
    theme: type
    scheme: type
    description: str


VARIANTS: dict[str, Variant] = {
    "default": Variant(PortalTheme, schemes.Scheme,
                       "DedeCms 5.7 default: /a/{dir}/{Y}/{MD}/{aid}.html, list_{tid}_{n}.html"),
    "nw": Variant(NewsWebTheme, schemes.Scheme,
                  "DedeCms, News-Web template (div.arc, date last, chunlist lists)"),
    "c2": Variant(CommercialTheme, schemes.Scheme,
                  "DedeCms, commercial template (h1, U+3000 meta gaps, font-span body)"),
    "v40": Variant(Dede40Theme, schemes.Scheme,
                   "DedeCms 4.0 default template (tables, no <li> pagination)"),
    "dede-aid": Variant(PortalTheme, schemes.AidScheme,
                        "DedeCms naming rule {typedir}/{aid}.html: /a/guoji/12.html"),
    "dede-ymd": Variant(PortalTheme, schemes.YmdScheme,
                        "DedeCms naming rule {typedir}/{Y}{M}{D}/{aid}.html: /a/guoji/20261120/12"),
    "dede-slug": Variant(PortalTheme, schemes.SlugScheme,
                         "DedeCms custom file names, no aid in URLs: /a/guoji/qiang-shan.html"),
    "dede-root": Variant(PortalTheme, schemes.RootScheme,
                         "DedeCms category folders at the site root: /guoji/12.html"),
    "dede-html": Variant(PortalTheme, schemes.HtmlScheme,
                         "DedeCms category folders under /html: /html/guoji/2026/1120/12.html"),
    "dede-basehost": Variant(PortalTheme, schemes.BasehostScheme,
                              "DedeCms multi-site, cfg_basehost ending in /: http://host//a/..."),
    "dede-dynamic": Variant(PortalTheme, schemes.DynamicScheme,
                            "DedeCms dynamic: /plus/list.php?tid=N&TotalResult=T&PageNo=K, "
                            "/plus/view.php?aid=N&pageno=K"),
    "dede-rewrite": Variant(PortalTheme, schemes.RewriteScheme,
                            "DedeCms cfg_rewrite: /plus/list-N-T-K.html, /plus/view-N-K.html"),
    "dede-mixed": Variant(PortalTheme, schemes.MixedScheme,
                          "DedeCms, 国际 and 科技 dynamic (/plus/*.php), other sections static"),
    "dede-mobile": Variant(MobileTheme, MobileScheme,
                           "DedeCms default plus its /m/ copy (m/list.php, m/view.php?aid=N)"),
    "phpcms-static": Variant(PhpcmsTheme, PhpcmsStaticScheme,
                             "PHPCMS v9 generated HTML: /html/{dir}/, 2.html, "
                             "/html/{Y}/{catdir}_{MD}/{id}.html"),
    "phpcms-dynamic": Variant(PhpcmsTheme, PhpcmsDynamicScheme,
                              "PHPCMS v9 dynamic: index.php?m=content&c=index&a=lists&catid=N"
                              "&page=K, a=show&catid=N&id=M"),
    "empire-static": Variant(EmpireTheme, EmpireStaticScheme,
                             "EmpireCMS 7.x: /{classpath}/index_{n}.html, "
                             "/{classpath}/{Y-m-d}/{id}.html"),
    "empire-dynamic": Variant(EmpireTheme, EmpireDynamicScheme,
                              "EmpireCMS 7.x dynamic: /e/action/ListInfo/?classid=N, "
                              "ShowInfo.php?classid=N&id=M"),
    "wordpress": Variant(WordpressTheme, WordpressScheme,
                         "WordPress, month-and-name permalinks: /2026/11/slug/, "
                         "/category/x/y/page/N/"),
    "wordpress-plain": Variant(WordpressTheme, WordpressPlainScheme,
                               "WordPress, plain permalinks: /?p=N&page=K, /?cat=N&paged=K"),
}
