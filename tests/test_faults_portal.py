"""The sample portal's fault modes (newscrawler/portal/faults.py), seen from a plain HTTP client.

Each fault must look on the wire like the real thing, or the crawler tests prove nothing.
"""

from __future__ import annotations

import http.client
import re
import socket
import time

import pytest

from newscrawler.portal import PortalServer, build_site
from newscrawler.portal import faults as F

ARTICLE = "/a/guoji/2026/0704/2.html"


@pytest.fixture(scope="module")
def site():
    return build_site(30)


@pytest.fixture
def portal(site):
    with PortalServer(site) as server:
        yield server, F.install(server)


def get(server: PortalServer, target: str, timeout: float = 2.0):
    port = int(server.url.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", target)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def test_fault_map_exact_pattern_times_heal_and_plain_dict_use(portal):
    server, faults = portal
    assert get(server, ARTICLE)[0] == 200
    faults.add(ARTICLE, F.status(503, retry_after=7), times=2)
    faults.add(re.compile(r"^/a/caijing/"), F.not_found())
    assert [get(server, ARTICLE)[0] for _ in range(3)] == [503, 503, 200]  # heals after 2
    assert len(faults.hits(ARTICLE)) == 2
    assert get(server, "/a/caijing/")[0] == 404
    assert get(server, "/a/caijing/list_3_1.html")[0] == 404
    faults.heal(re.compile(r"^/a/caijing/"))
    assert get(server, "/a/caijing/")[0] == 200
    faults["/a/keji/"] = F.status(500)  # the server's plain-dict hook still works
    assert get(server, "/a/keji/")[0] == 500
    faults.clear()
    assert get(server, "/a/keji/")[0] == 200


def test_status_with_retry_after(portal):
    server, faults = portal
    faults.add(ARTICLE, F.status(429, retry_after=3))
    status, headers, _ = get(server, ARTICLE)
    assert status == 429 and headers["Retry-After"] == "3"


def test_reset_and_close_give_no_answer(portal):
    server, faults = portal
    faults.add(ARTICLE, F.reset())
    with pytest.raises(ConnectionResetError):
        get(server, ARTICLE)
    faults.clear()
    faults.add(ARTICLE, F.close())
    with pytest.raises(http.client.RemoteDisconnected):
        get(server, ARTICLE)


def test_hang_and_trickle_never_finish(portal):
    server, faults = portal
    faults.add(ARTICLE, F.hang(5))
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        get(server, ARTICLE, timeout=0.5)
    assert time.monotonic() - start < 2
    faults.clear()
    faults.add(ARTICLE, F.hang(5, headers=False))
    with pytest.raises(TimeoutError):
        get(server, ARTICLE, timeout=0.5)
    faults.clear()
    faults.add(ARTICLE, F.trickle(0.1, seconds=1))  # alive: a per-read timeout never fires
    start = time.monotonic()
    with pytest.raises(http.client.IncompleteRead) as cut:
        get(server, ARTICLE, timeout=0.5)
    assert len(cut.value.partial) <= 12 and time.monotonic() - start >= 1


def test_slow_answers_late_but_whole(portal, site):
    server, faults = portal
    faults.add(ARTICLE, F.slow(0.3))
    start = time.monotonic()
    status, _, body = get(server, ARTICLE)
    assert status == 200 and time.monotonic() - start >= 0.3
    assert body == site.render(ARTICLE, server.url).body


def test_truncated_body_is_shorter_than_announced(portal):
    server, faults = portal
    faults.add(ARTICLE, F.truncated(0.5))
    with pytest.raises(http.client.IncompleteRead):
        get(server, ARTICLE)


def test_huge_with_and_without_content_length(portal):
    server, faults = portal
    faults.add(ARTICLE, F.huge(300_000))
    status, headers, body = get(server, ARTICLE)
    assert headers["Content-Length"] == "300000" and len(body) == 300_000
    faults.clear()
    faults.add(ARTICLE, F.huge(300_000, announce=False))
    status, headers, body = get(server, ARTICLE)
    assert "Content-Length" not in headers and len(body) == 300_000


def test_redirects_content_types_robots_and_pages(portal):
    server, faults = portal
    faults.add(ARTICLE, F.redirect("http://127.0.0.2:1/x", 301))
    status, headers, _ = get(server, ARTICLE)
    assert status == 301 and headers["Location"] == "http://127.0.0.2:1/x"
    faults.clear()
    faults.add(ARTICLE, F.content_type("application/pdf", F.PDF))
    status, headers, body = get(server, ARTICLE)
    assert headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    faults.add("/robots.txt", F.robots("/a/keji/"))
    body = get(server, "/robots.txt")[2]
    assert body.endswith(b"\r\nDisallow: /a/keji/") and body.startswith(b"User-agent: * \r\n")
    faults.add("/evil.html", F.page(b"<html>evil</html>"))
    assert get(server, "/evil.html")[2] == b"<html>evil</html>"


def test_rewrites(site):
    page = site.render(ARTICLE).body
    listing = site.render("/a/guoji/list_2_1.html").body
    assert b"</p>" not in F.malformed()(page) and b"</div>" not in F.malformed()(page)
    stray = F.stray_html_end()(page)
    assert stray.count(b"</html>") == 2
    assert stray.index(b"</html>") < stray.index(b'<div class="content">')
    assert b"charset" not in F.charset(None, None)(page).split(b"</head>")[0].lower()
    assert b"charset=big5" in F.charset(None, "big5")(page)
    assert b"\xff\xfe\x80" in F.invalid_bytes()(page)
    untitled = F.without_title()(page)
    assert b"<h2>" not in untitled and b"<title></title>" in untitled
    assert "合肥优化" not in F.without_body()(page).decode()
    assert b'<ul class="e2"></ul>' in F.empty_list()(listing)
    assert b"<body class=\"articleview\"><a href='x'>" in F.inject("<a href='x'>")(page)


def test_self_page_points_every_pagination_link_at_itself():
    site = build_site(120)
    target = "/a/shehui/xinwenredian/list_5_2.html"
    with PortalServer(site) as server:
        faults = F.install(server)
        faults.add(target, F.self_page(target))
        body = get(server, target)[2].decode()
    names = set(re.findall(r"list_\d+_\d+\.html", body))
    assert names == {"list_5_2.html"}


def test_hung_faults_end_when_the_client_leaves(portal):
    """A hang must not keep server threads (and sockets) alive after the client gave up."""
    server, faults = portal
    faults.add(ARTICLE, F.hang(30))
    port = int(server.url.rsplit(":", 1)[1])
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(f"GET {ARTICLE} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    sock.settimeout(2)
    assert sock.recv(100).startswith(b"HTTP/1.1 200")
    sock.close()
    start = time.monotonic()
    server.stop()  # returns promptly: no thread stuck in the fault
    assert time.monotonic() - start < 3
