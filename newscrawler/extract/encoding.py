"""Turn the raw bytes of a page into text, whatever the page claims about itself.

DedeCms GBK builds declare ``charset=gb2312`` while writing GBK bytes, static pages often come
without an HTTP charset, and real GBK output contains broken double-byte sequences
(dedecms-portals.md §3). So the order is: byte-order mark, HTTP charset, the ``<meta>``
declaration in the first few KB, UTF-8 when the bytes are valid UTF-8, and GB18030 otherwise.
Every GB label is read as GB18030 (a superset of GB2312 and GBK), and decoding never fails:
bad bytes become U+FFFD.
"""

from __future__ import annotations

import codecs
import re

#: How much of the page to search for a ``<meta>`` charset declaration.
SNIFF_BYTES = 4096

#: Multi-byte UTF-8 characters needed to overrule a non-UTF-8 declaration.
MIN_UTF8_EVIDENCE = 8

#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Labels that mean "some GB encoding": all decoded as the superset GB18030.
GB_LABELS = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "gb2312-80", "gb_2312", "csgb2312", "x-gbk", "cp936",
     "ms936", "windows-936", "chinese", "iso-ir-58", "euc-cn", "gb18030", "x-euc-cn", "hz-gb-2312"}
)

#: Labels the WHATWG encoding standard maps to windows-1252.
LATIN1_LABELS = frozenset(
    {"iso-8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "iso8859-1"}
)

META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""")


def normalise_encoding(label: str | None) -> str | None:
    """Map a declared charset label to a Python codec name, or None if it is unusable.

    A page's UTF-16 or UTF-32 declaration cannot be true of bytes that were sniffed as ASCII,
    so (as browsers do) it is read as UTF-8.
    """
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in GB_LABELS:
        return "gb18030"
    if name in LATIN1_LABELS:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32", "ucs-2", "unicode")):
        return "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "gb18030" if codec in GB_LABELS else codec


def sniff_meta_charset(head: bytes) -> str | None:
    """The encoding declared by ``<meta charset>``/``http-equiv`` or an XML prolog, if any."""
    match = XML_DECL_RE.match(head) or META_CHARSET_RE.search(head)
    if not match:
        return None
    return normalise_encoding(match.group(1).decode("ascii", "replace"))


def _decode_declared(body: bytes, encoding: str) -> str:
    """Decode with a declared encoding, unless the declaration is plainly a lie.

    A page declared UTF-8 whose bytes are not valid UTF-8 but are valid GB18030 is a GBK page
    with a copied template head: reading it as GB18030 loses nothing. The other way round, a
    page declared GB2312 whose bytes are valid UTF-8 with real multi-byte text is a UTF-8 page
    (re-saved or transcoded without fixing its ``<meta>``; several of the saved real pages are):
    GBK text of any length is practically never valid UTF-8 by accident.
    """
    if encoding != "utf-8" and _is_real_utf8(body):
        return body.decode("utf-8")
    if encoding == "utf-8":
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return body.decode("gb18030")
            except UnicodeDecodeError:
                return body.decode("utf-8", errors="replace")
    return body.decode(encoding, errors="replace")


def _is_real_utf8(body: bytes) -> bool:
    """Valid UTF-8 containing enough multi-byte sequences to be more than a coincidence."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(text) < len(body) - 2 * MIN_UTF8_EVIDENCE


def decode_html(body: bytes, http_encoding: str | None = None) -> str:
    """Decode a page: BOM, HTTP charset, ``<meta>`` charset, UTF-8 if valid, else GB18030.

    Never raises; undecodable bytes become U+FFFD.

    >>> decode_html("中文".encode("gbk") + b"<meta charset=gb2312>")
    '中文<meta charset=gb2312>'
    """
    if not body:
        return ""
    if isinstance(body, str):  # tolerate callers that already decoded
        return body
    try:
        for bom, encoding in BOMS:
            if body.startswith(bom):
                return body[len(bom):].decode(encoding, errors="replace")
        declared = normalise_encoding(http_encoding) or sniff_meta_charset(body[:SNIFF_BYTES])
        if declared:
            return _decode_declared(body, declared)
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return body.decode("gb18030", errors="replace")
    except Exception:  # a broken codec must not drop the page
        return body.decode("utf-8", errors="replace")
