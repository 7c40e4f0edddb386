"""The portal's command line and the schema-validity of its ground truth."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from newscrawler.portal import build_site
from newscrawler.portal.__main__ import main

ROOT = Path(__file__).resolve().parents[1]


def test_groundtruth_command_writes_schema_valid_jsonl(capsys):
    assert main(["groundtruth", "--base-url", "http://127.0.0.1:9999", "--articles", "30",
                 "--edition", "gbk"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 30
    schema = json.loads(resources.files("newscrawler").joinpath(
        "schema/article.schema.json").read_text("utf-8"))
    order = list(schema["properties"])
    for line in lines:
        record = json.loads(line)
        assert list(record) == [k for k in order if k not in ("crawled_at", "version")]
        record.update(crawled_at=datetime.now(UTC).isoformat(timespec="seconds"),
                      version=1)
        jsonschema.validate(record, schema)
        assert record["url"].startswith("http://127.0.0.1:9999/a/")


@pytest.mark.parametrize("argv, message", [
    (["serve", "--articles", "0"], "must be >= 1"),
    (["serve", "--edition", "latin1"], "invalid choice"),
    (["serve", "--variant", "joomla"], "invalid choice"),
    (["serve", "--port", "70000"], "port must be 0-65535"),
    (["groundtruth"], "--base-url"),
    (["groundtruth", "--base-url", "127.0.0.1:8000"], "must start with http"),
    (["groundtruth", "--base-url", "http://x", "--now", "2026-11-20T12:00"], "UTC offset"),
])
def test_bad_arguments_are_rejected_clearly(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_serve_command_prints_url_and_serves():
    command = [sys.executable, "-m", "newscrawler.portal", "serve", "--articles", "12",
               "--port", "0", "--variant", "nw"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as proc:
        try:
            url = proc.stdout.readline().split()[0].rstrip("/")
            assert url.startswith("http://127.0.0.1:")
            with urllib.request.urlopen(url + "/index.html", timeout=10) as resp:
                body = resp.read().decode("utf-8")
                ctype = resp.headers["Content-Type"]
            assert "中国国际新闻台" in body and ctype == "text/html"
        finally:
            proc.terminate()
            proc.communicate(timeout=10)


def test_rss_and_sitemap():
    site = build_site(30, edition="gbk")
    rss = site.render("/data/rss/1.xml").body
    assert rss.startswith(b'<?xml version="1.0" encoding="gb2312" ?>')
    root = etree.fromstring(rss.replace(b'encoding="gb2312"', b'encoding="gb18030"'))
    dates = [e.text for e in root.iter("pubDate")]
    assert dates and all(len(d) == 10 and d[4] == "-" for d in dates)  # Y-m-d, not RFC 822
    links = [e.text for e in root.iter("link")]
    assert links[0] == "http://127.0.0.1:8000/a/shehui/"
    assert any("/a/shehui/xinwenredian/" in x for x in links[1:])  # includes sub-categories
    sitemap = site.render("/data/sitemap.html").body.decode("gb18030")
    assert "<h3><a href='/a/shehui/'>社会</a></h3>\t<ul class=\"f6\">" in sitemap
    assert "<li><a href='/a/shehui/xinwenredian/'>新闻热点</a></li>" in sitemap
    assert ".html'" not in sitemap.split("sp-title")[1].split("footer")[0]  # categories only
    rssmap = site.render("/data/rssmap.html").body.decode("gb18030")
    assert "<a href='/data/rss/5.xml'>新闻热点</a>" in rssmap


def test_variants_command_and_a_bad_variant_list_every_variant_with_a_description(capsys):
    from newscrawler.portal.portals import VARIANTS

    assert main(["variants"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing] == list(VARIANTS)
    assert all(len(line.split(None, 1)[1]) > 20 for line in listing)
    with pytest.raises(SystemExit):
        main(["serve", "--variant", "dede"])
    err = capsys.readouterr().err
    assert "invalid choice" in err and "phpcms-dynamic" in err and "/plus/view.php" in err


def test_groundtruth_of_a_dynamic_variant(capsys):
    assert main(["groundtruth", "--variant", "phpcms-dynamic", "--articles", "5",
                 "--base-url", "http://127.0.0.1:9999"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 5
    assert all(r["url"].startswith("http://127.0.0.1:9999/index.php?a=show&c=index&catid=")
               for r in records)
    assert all(r["author"] is None and r["editor"] is None for r in records)
