"""Fixed files of the portal and the byte encoding of its pages.

Why: ``robots.txt`` must be byte-exact (spec §1.3) and the GBK edition has two deliberate
defects of real GBK output (spec §3): it declares ``gb2312`` while containing GBK-only characters,
and one page-N file carries a double-byte character split by a stray space inside its
``<meta name="description">``. Both live here so the rendering code stays encoding-agnostic.
"""

from __future__ import annotations

# DedeCms 5.3-5.7.88 robots.txt: CRLF, trailing space after "*", no final newline (spec §1.3).
ROBOTS_TXT = ("User-agent: * \r\n" + "\r\n".join(
    f"Disallow: {p}" for p in (
        "/plus/ad_js.php", "/plus/advancedsearch.php", "/plus/car.php", "/plus/carbuyaction.php",
        "/plus/shops_buyaction.php", "/plus/erraddsave.php", "/plus/posttocar.php",
        "/plus/disdls.php", "/plus/feedback_js.php", "/plus/mytag_js.php", "/plus/rss.php",
        "/plus/search.php", "/plus/recommend.php", "/plus/stow.php", "/plus/count.php",
        "/include", "/templets"))).encode("ascii")
# PHPCMS v9.6.3 robots.txt (docs/cms-portals.md §2); EmpireCMS ships none (the server 404s).
PHPCMS_ROBOTS_TXT = ("#\n# robots.txt for PHPCMS v9\n#\nUser-agent: * \n" + "\n".join(
    f"Disallow: {p}" for p in ("/caches", "/phpcms", "/install", "/phpsso_server", "/api",
                               "/admin.php"))).encode("ascii")
# 1x1 GIF bytes served for every /uploads/ image the articles reference (never decoded by tests).
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000"
                      "010001000002024401003b")

DESCRIPTION_ATTR = b'<meta name="description" content="'


def encode(html: str, edition: str, broken: bool = False) -> bytes:
    """Encode a page for ``edition`` ("utf-8" or "gbk"); ``broken`` splits one GBK character."""
    if edition == "utf-8":
        return html.encode("utf-8")
    data = html.encode("gbk")
    if broken:  # "...\xb3 \xa3..." as in NW special/arc-1841_2.html
        i = data.index(DESCRIPTION_ATTR) + len(DESCRIPTION_ATTR)
        while data[i] < 0x81:
            i += 1
        data = data[: i + 1] + b" " + data[i + 1:]
    return data
