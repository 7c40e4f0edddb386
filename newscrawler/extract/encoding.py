"""Turn the raw bytes of a page into text, whatever the page claims about itself.

DedeCms GBK builds declare ``charset=gb2312`` while writing GBK bytes, static pages often come
without an HTTP charset, and real GBK output contains broken double-byte sequences
(dedecms-portals.md §3). So the order is: byte-order mark, HTTP charset, the ``<meta>``
declaration in the first few KB, UTF-8 when the bytes are valid UTF-8, and GB18030 otherwise.
Every GB label is read as GB18030 (a superset of GB2312 and GBK), and decoding never fails:
bad bytes become U+FFFD.

w3lib (Scrapy's own) does the standard part: the BOM (``read_bom``), label → codec with the
WHATWG overrides (``resolve_encoding``: gb2312/gbk → gb18030, latin-1/ascii → cp1252, utf-7
refused), the ``<meta>``/XML-prolog prescan (``html_body_declared_encoding``: comments skipped,
stops at ``<body>``) and lossy decoding (``to_unicode``: U+FFFD, and GB18030's 0x80 as €).
``w3lib.encoding.html_to_unicode`` chains the same steps but trusts a declaration blindly and
falls back to one fixed encoding, so the chain is ours; what w3lib does not do, and is kept
here, is marked "not in w3lib" below.
"""

from __future__ import annotations

from w3lib.encoding import (
    html_body_declared_encoding,
    read_bom,
    resolve_encoding,
    to_unicode,
)

#: Multi-byte UTF-8 characters needed to overrule a non-UTF-8 declaration.
MIN_UTF8_EVIDENCE = 8

#: Not in w3lib: GBK labels Python has no codec name for, so ``resolve_encoding`` returns
#: None (WHATWG's x-gbk, gb_2312, csgb2312) or HZ (hz-gb-2312), plus two old aliases.
GB_LABELS = frozenset({"x-gbk", "gb_2312", "csgb2312", "x-euc-cn", "windows-936", "hz-gb-2312"})


def normalise_encoding(label: str | None) -> str | None:
    """Map a declared charset label to a Python codec name, or None if it is unusable.

    Not in w3lib: a UTF-16 or UTF-32 declaration cannot be true of a page whose declaration
    was readable as ASCII, so (as browsers do for ``<meta>``) it is read as UTF-8.
    """
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in GB_LABELS:
        return "gb18030"
    return _ascii_compatible(resolve_encoding(name))


def _ascii_compatible(codec: str | None) -> str | None:
    if codec is not None and codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec


def sniff_meta_charset(head: bytes) -> str | None:
    """The encoding declared by ``<meta charset>``/``http-equiv`` or an XML prolog, if any."""
    return _ascii_compatible(html_body_declared_encoding(head))


def _decode_declared(body: bytes, encoding: str) -> str:
    """Decode with a declared encoding, unless the declaration is plainly a lie (not in w3lib).

    A page declared UTF-8 whose bytes are not valid UTF-8 but are valid GB18030 is a GBK page
    with a copied template head: reading it as GB18030 loses nothing. The other way round, a
    page declared GB2312 whose bytes are valid UTF-8 with real multi-byte text is a UTF-8 page
    (re-saved or transcoded without fixing its ``<meta>``; several of the saved real pages are):
    GBK text of any length is practically never valid UTF-8 by accident.
    """
    if encoding == "utf-8":
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return body.decode("gb18030")
            except UnicodeDecodeError:
                return to_unicode(body, "utf-8")
    real_utf8 = _real_utf8(body)
    return real_utf8 if real_utf8 is not None else to_unicode(body, encoding)


def _real_utf8(body: bytes) -> str | None:
    """The text, if ``body`` is valid UTF-8 with enough multi-byte sequences to mean it."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if len(text) < len(body) - 2 * MIN_UTF8_EVIDENCE else None


def decode_html(body: bytes, http_encoding: str | None = None) -> str:
    """Decode a page: BOM, HTTP charset, ``<meta>`` charset, UTF-8 if valid, else GB18030.

    ``http_encoding`` is the charset label of the Content-Type header. Never raises;
    undecodable bytes become U+FFFD.

    >>> decode_html("中文".encode("gbk") + b"<meta charset=gb2312>")
    '中文<meta charset=gb2312>'
    """
    if not body:
        return ""
    if isinstance(body, str):  # tolerate callers that already decoded
        return body
    try:
        bom_encoding, bom = read_bom(body)
        if bom_encoding is not None and bom is not None:
            return to_unicode(body[len(bom):], bom_encoding)
        declared = normalise_encoding(http_encoding) or sniff_meta_charset(body)
        if declared:
            return _decode_declared(body, declared)
        try:  # not in w3lib: no declaration at all, so UTF-8 if valid, else GB18030
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return to_unicode(body, "gb18030")
    except Exception:  # a broken codec must not drop the page
        return body.decode("utf-8", errors="replace")
