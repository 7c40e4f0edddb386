"""decode_html: BOM, HTTP charset, <meta>, UTF-8 sniffing, GB18030, never raises."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawler.extract import decode_html, extract_article

TEXT = "中国国际新闻台 120㎡ 提升服务含金量"  # ㎡ is in GBK but not in GB2312


def page(charset: str, body: str = TEXT, *, http_equiv: bool = True) -> str:
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
            if http_equiv else f'<meta charset="{charset}">')
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("label", ["gb2312", "GB2312", "gbk", "gb_2312-80", "GB18030", "x-gbk"])
def test_gb_labels_read_as_gb18030(label: str) -> None:
    html = page(label)
    assert TEXT in decode_html(html.encode("gbk"))
    assert TEXT in decode_html(page(label, http_equiv=False).encode("gbk"))


def test_http_charset_wins_over_meta() -> None:
    html = page("utf-8").encode("gbk")
    assert TEXT in decode_html(html, "gb2312")
    assert TEXT in decode_html(page("gb2312").encode("utf-8"), "utf-8")


def test_bom_wins() -> None:
    for bom, codec in [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")]:
        assert TEXT in decode_html(bom + page("gb2312").encode(codec), "gbk")


def test_no_declaration_sniffs_utf8_then_gb18030() -> None:
    bare = f"<html><body><p>{TEXT}</p></body></html>"
    assert TEXT in decode_html(bare.encode("utf-8"))
    assert TEXT in decode_html(bare.encode("gbk"))


def test_invalid_gbk_bytes_become_replacement_chars() -> None:
    # a split double-byte character, as in NW's page-N meta descriptions
    broken = page("gb2312").encode("gbk").replace("提升".encode("gbk"), b"\xb3 \xa3")
    text = decode_html(broken)
    assert "\ufffd" in text or "�" in text or "中国国际新闻台" in text
    assert "中国国际新闻台" in text


def test_declared_utf8_but_gbk_bytes() -> None:
    assert TEXT in decode_html(page("utf-8").encode("gbk"))


def test_unknown_or_bogus_labels() -> None:
    assert TEXT in decode_html(page("no-such-charset").encode("utf-8"))
    assert TEXT in decode_html(page("utf-16").encode("utf-8"))  # a lie in an ASCII-compatible page
    assert TEXT in decode_html(page("utf-8").encode("utf-8"), "bogus")


def test_xml_prolog() -> None:
    xml = f'<?xml version="1.0" encoding="gb2312"?><rss><title>{TEXT}</title></rss>'
    assert TEXT in decode_html(xml.encode("gbk"))


def test_empty_and_str_input() -> None:
    assert decode_html(b"") == ""
    assert decode_html(None) == ""  # type: ignore[arg-type]
    assert decode_html("already text") == "already text"  # type: ignore[arg-type]


def test_extract_article_on_gbk_page_with_broken_description() -> None:
    html = page("gb2312").replace(
        "<title>t</title>", '<title>标题_站</title><meta name="description" content="摘要XX" />'
    ).encode("gbk").replace("XX".encode("gbk"), b"\xb3 \xa3")
    record = extract_article(html, "http://example.cn/a/1.html")
    assert record["title"] == "标题"
    assert record["summary"].startswith("摘要")
    assert TEXT in record["body"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "gbk", "utf-8", "latin-1", "bogus", ""]))
def test_never_raises(data: bytes, http: str | None) -> None:
    assert isinstance(decode_html(data, http), str)


def test_utf8_bytes_under_a_gb2312_declaration() -> None:
    """Re-saved pages keep their gb2312 <meta> but hold UTF-8 (several of the real pages do)."""
    assert TEXT in decode_html(page("gb2312").encode("utf-8"))
    assert TEXT in decode_html(page("gb2312").encode("utf-8"), "gbk")
    short = page("gb2312", body="中").encode("gbk")  # two GBK bytes are no evidence of UTF-8
    assert "中" in decode_html(short)


@pytest.mark.parametrize("label", ["GBK", "x-gbk", "csgb2312", "gb_2312", "cp936"])
def test_every_gbk_label_is_honoured_even_where_python_has_no_codec_name(label: str) -> None:
    """Bytes valid in both readings: the declaration decides (x-gbk & co. are not in w3lib)."""
    both = b"<p>\xc2\xa9</p>"  # UTF-8 "©", GBK one hanzi
    assert decode_html(both, label) == both.decode("gb18030")
    assert decode_html(both) == "<p>©</p>"  # no declaration: valid UTF-8 is UTF-8


def test_gb18030_reads_0x80_as_the_euro_sign() -> None:
    """GBK's single-byte euro, as browsers decode it (WHATWG GB18030 decoder, via w3lib)."""
    assert decode_html(page("gb2312").encode("gbk") + b"\x80").endswith("</html>€")


def test_a_declaration_inside_a_comment_is_not_one() -> None:
    html = ('<html><head><!-- <meta charset="windows-1252"> --><meta charset="gb2312">'
            f"</head><body><p>{TEXT}</p></body></html>")
    assert TEXT in decode_html(html.encode("gbk"))
