"""Fault modes of the sample portal: what a bad day of a real portal looks like, on demand.

Why: the crawler must survive servers that fail, stall, lie about their content or redirect
into nowhere, and tests must be able to switch each of those on for chosen pages and off
again ("heal") to show the article arriving in a later run.

Use::

    faults = install(server)                        # server.faults becomes a FaultMap
    faults.add("/a/guoji/2016/0712/5.html", status(503, retry_after=1), times=2)
    faults.add(re.compile(r"^/a/junshi/"), not_found())     # a pattern: every matching target
    faults.add("/robots.txt", robots("/a/keji/"))
    faults.hits("/a/guoji/2016/0712/5.html")        # monotonic times it fired
    faults.heal("/a/guoji/2016/0712/5.html")        # or faults.clear(): back to normal

A rule matches the request target exactly as sent (path plus query) when given as a string,
or by ``re.search`` when given as a compiled pattern. ``times=N`` makes a transient fault: it
fires for the first N matching requests, then the page is served normally. Plain
``server.faults[path] = fault`` assignments keep working (``FaultMap`` is a dict).

A fault is ``fault(handler) -> None`` (see ``server.py``): it writes the whole answer itself.
Builders here: ``status`` (5xx/429/404 with or without ``Retry-After``), ``reset``,
``close``, ``hang``, ``trickle``, ``slow``, ``truncated``, ``redirect``, ``huge``,
``content_type``, ``rewrite`` and its ready-made transforms (``malformed``, ``stray_html_end``,
``charset``, ``invalid_bytes``, ``without_title``, ``without_body``, ``empty_list``,
``inject``), ``self_page``, ``robots`` and ``page`` (fixed bytes).
"""

from __future__ import annotations

import re
import select
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from .server import NOT_FOUND, Fault, PortalServer
from .static import ROBOTS_TXT

Transform = Callable[[bytes], bytes]
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


# -- the rule table -----------------------------------------------------------------------------

@dataclass
class Rule:
    """One switched-on fault: where it applies, how often, and when it fired."""

    match: str | re.Pattern[str]
    fault: Fault
    times: int | None = None  # None: until healed
    fired: list[float] = field(default_factory=list)

    def applies(self, target: str) -> bool:
        if isinstance(self.match, str):
            return target == self.match
        return self.match.search(target) is not None

    @property
    def active(self) -> bool:
        return self.times is None or len(self.fired) < self.times


class FaultMap(dict):
    """``server.faults`` with rules: exact targets or patterns, each optionally transient."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules: list[Rule] = []
        self._lock = threading.Lock()

    def add(self, match: str | re.Pattern[str], fault: Fault, times: int | None = None) -> Rule:
        """Switch ``fault`` on for ``match``; with ``times`` it heals after N firings."""
        rule = Rule(match, fault, times)
        with self._lock:
            self.rules.append(rule)
        return rule

    def get(self, target: str, default: Fault | None = None) -> Fault | None:  # type: ignore[override]
        with self._lock:
            for rule in self.rules:
                if rule.active and rule.applies(target):
                    rule.fired.append(time.monotonic())
                    return rule.fault
        return super().get(target, default)

    def hits(self, match: str | re.Pattern[str]) -> list[float]:
        """Monotonic times at which the rules for ``match`` fired."""
        with self._lock:
            return [t for rule in self.rules if rule.match == match for t in rule.fired]

    def heal(self, match: str | re.Pattern[str]) -> None:
        """Switch off every rule for ``match``."""
        with self._lock:
            self.rules = [rule for rule in self.rules if rule.match != match]

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
        super().clear()


def install(server: PortalServer) -> FaultMap:
    """Give ``server`` a ``FaultMap`` (keeping any faults already set) and return it."""
    if not isinstance(server.faults, FaultMap):
        server.faults = FaultMap(server.faults)
    return server.faults


# -- writing answers ------------------------------------------------------------------------------

def _head(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.end_headers()


def _answer(handler: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str | None,
            extra: dict[str, str] | None = None) -> None:
    headers = {"Content-Length": str(len(body)), **(extra or {})}
    if ctype is not None:
        headers = {"Content-Type": ctype, **headers}
    try:
        _head(handler, status, headers)
        if handler.command != "HEAD":
            handler.wfile.write(body)
    except OSError:  # the client gave up (a timeout on its side): nothing to answer
        handler.close_connection = True


def _normal(handler: BaseHTTPRequestHandler) -> tuple[int, bytes, str]:
    """What the portal would have answered: (status, body, content type)."""
    portal = handler.portal  # type: ignore[attr-defined]
    resp = portal.site.render(handler.path, portal.url)
    if resp is None:
        return 404, NOT_FOUND, "text/html"
    return resp.status, resp.body, resp.content_type


def _wait_for_client(handler: BaseHTTPRequestHandler, seconds: float) -> bool:
    """Block this server thread until the client hangs up (True) or ``seconds`` pass."""
    sock = handler.connection
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        readable, _, _ = select.select([sock], [], [], 0.05)
        if readable:
            try:
                if not sock.recv(1, socket.MSG_PEEK):
                    handler.close_connection = True
                    return True
                sock.recv(65536)  # a pipelined request: ignore it
            except OSError:
                handler.close_connection = True
                return True
    return False


def _drop_connection(handler: BaseHTTPRequestHandler, rst: bool) -> None:
    """Close the socket without (more of) an answer; ``rst``: abort with a TCP reset."""
    sock = handler.connection
    if rst:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
    sock.close()  # the real close happens when the handler drops its file objects


# -- fault builders -----------------------------------------------------------------------------

def status(code: int, body: bytes | None = None, *, retry_after: int | str | None = None,
           content_type: str = "text/html", headers: dict[str, str] | None = None) -> Fault:
    """An error answer (500, 502, 503, 429, 404…), optionally with ``Retry-After``."""
    text = body if body is not None else (
        f"<html><head><title>{code}</title></head><body><h1>{code}</h1></body></html>"
    ).encode()
    extra = dict(headers or {})
    if retry_after is not None:
        extra["Retry-After"] = str(retry_after)

    def fault(handler: BaseHTTPRequestHandler) -> None:
        _answer(handler, code, text, content_type, extra)
    return fault


def not_found() -> Fault:
    """nginx's 404 page."""
    return status(404, NOT_FOUND)


def reset() -> Fault:
    """Connection reset (TCP RST) before any byte of the answer."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        _drop_connection(handler, rst=True)
    return fault


def close() -> Fault:
    """The server closes the connection without answering (an empty reply)."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        _drop_connection(handler, rst=False)
    return fault


def hang(seconds: float = 30.0, *, headers: bool = True) -> Fault:
    """An answer that never ends: the headers (or nothing), then silence."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        if headers:
            _head(handler, 200, {"Content-Type": "text/html", "Content-Length": "100000"})
        _wait_for_client(handler, seconds)  # then give up: the client should have long before
        handler.close_connection = True
    return fault


def trickle(interval: float = 0.2, seconds: float = 30.0) -> Fault:
    """Headers, then one byte of the page every ``interval`` seconds: alive but useless."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        _status, body, ctype = _normal(handler)
        deadline = time.monotonic() + seconds
        try:
            _head(handler, 200, {"Content-Type": ctype, "Content-Length": str(len(body))})
            for i in range(len(body)):
                if time.monotonic() > deadline:
                    break
                handler.wfile.write(body[i:i + 1])
                time.sleep(interval)
        except OSError:
            pass
        handler.close_connection = True
    return fault


def slow(delay: float) -> Fault:
    """The normal answer, after ``delay`` seconds of thinking."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        if _wait_for_client(handler, delay):
            return  # the client timed out first
        code, body, ctype = _normal(handler)
        _answer(handler, code, body, ctype)
    return fault


def truncated(keep: float = 0.5) -> Fault:
    """The normal page announced with its full Content-Length, cut after ``keep`` of it."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        code, body, ctype = _normal(handler)
        try:
            _head(handler, code, {"Content-Type": ctype, "Content-Length": str(len(body))})
            handler.wfile.write(body[: int(len(body) * keep)])
        except OSError:
            pass
        _drop_connection(handler, rst=False)
    return fault


def redirect(location: str, code: int = 302) -> Fault:
    """A redirect to ``location`` (relative, absolute, another host, another scheme)."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        _answer(handler, code, b"", "text/html", {"Location": location})
    return fault


def huge(size: int, *, announce: bool = True) -> Fault:
    """An HTML page of ``size`` bytes; ``announce=False``: no Content-Length, read to close."""
    head = b"<html><head><title>huge</title></head><body><p>"
    tail = b"</p></body></html>"
    body = head + b"x" * max(0, size - len(head) - len(tail)) + tail

    def fault(handler: BaseHTTPRequestHandler) -> None:
        headers = {"Content-Type": "text/html"}
        if announce:
            headers["Content-Length"] = str(len(body))
        else:
            headers["Connection"] = "close"
        try:
            _head(handler, 200, headers)
            for start in range(0, len(body), 65536):
                handler.wfile.write(body[start:start + 65536])
        except OSError:
            pass  # the client gave up, as it should
        handler.close_connection = True
    return fault


def content_type(ctype: str, body: bytes | None = None) -> Fault:
    """The page (or ``body``, e.g. ``PDF``/``PNG``) served under another Content-Type."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        code, normal, _ctype = _normal(handler)
        _answer(handler, code, normal if body is None else body, ctype)
    return fault


def page(body: bytes, ctype: str = "text/html", code: int = 200) -> Fault:
    """Fixed bytes: a hand-made page (e.g. a malicious one) at any target."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        _answer(handler, code, body, ctype)
    return fault


def robots(*disallow: str) -> Fault:
    """The portal's robots.txt with extra ``Disallow:`` lines."""
    extra = "".join(f"\r\nDisallow: {path}" for path in disallow).encode("ascii")
    return page(ROBOTS_TXT + extra, "text/plain")


def rewrite(transform: Transform, ctype: str | None = None) -> Fault:
    """The normal page passed through ``transform`` (bytes → bytes), optionally retyped."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        code, body, normal_ctype = _normal(handler)
        _answer(handler, code, transform(body), normal_ctype if ctype is None else ctype)
    return fault


# -- ready-made transforms for rewrite() --------------------------------------------------------

def _sub(pattern: bytes, repl: bytes, flags: int = re.S) -> Transform:
    compiled = re.compile(pattern, flags)
    return lambda body: compiled.sub(repl, body)


def malformed() -> Transform:
    """Unclosed tags: every ``</p>``, ``</div>``, ``</li>`` and ``</td>`` dropped."""
    return _sub(rb"</(?:p|div|li|td)>", b"")


def stray_html_end() -> Transform:
    """A stray ``</body></html>`` in the middle of the page (template include gone wrong)."""
    return lambda body: body.replace(b'<div class="content">',
                                     b'</body></html>\n<div class="content">', 1)


def charset(header: str | None, meta: str | None) -> Transform:
    """Replace the declared ``<meta>`` charset by ``meta`` (None: remove the declaration).

    Pair with ``rewrite(..., ctype=f"text/html; charset={header}")`` for a lying header.
    """
    declaration = re.compile(rb'<meta http-equiv="Content-Type"[^>]*>', re.I)
    new = b"" if meta is None else (
        f'<meta http-equiv="Content-Type" content="text/html; charset={meta}" />'.encode())
    return lambda body: declaration.sub(new, body, count=1)


def invalid_bytes() -> Transform:
    """Bytes that are valid in no encoding sprinkled into the body text."""
    return lambda body: body.replace(b"<p>", b"<p>\xff\xfe\x80", 3)


def without_title() -> Transform:
    """An article page whose heading and ``<title>`` are gone."""
    return lambda body: _sub(rb"<title>.*?</title>", b"<title></title>")(
        _sub(rb'<div class="title">.*?</div>', b"")(body))


def without_body() -> Transform:
    """An article page with an empty body, so also an empty summary (DedeCms derives the
    description and the intro from the body)."""
    steps = (
        _sub(rb'(<div class="content">).*?(</div>\s*<div class="dede_pages">)', rb"\1\2"),
        _sub(rb'(<div class="intro">).*?(</div>)', rb"\1\2"),
        _sub(rb'(<meta name="description" content=")[^"]*(")', rb"\1\2"),
    )

    def transform(body: bytes) -> bytes:
        for step in steps:
            body = step(body)
        return body
    return transform


def empty_list() -> Transform:
    """A list page with its entries gone (the ``<ul class="e2">`` is empty)."""
    return _sub(rb'(<ul class="e2">).*?(</ul>)', rb"\1\2")


def self_page(target: str) -> Fault:
    """A list page whose every pagination link points back at ``target``, the page itself.

    The ``共 N 页`` count is left, as real broken templates leave it.
    """
    own = target.rsplit("/", 1)[-1].encode()
    return rewrite(_sub(rb"list_\d+_\d+\.html", own))


def inject(html: str | bytes) -> Transform:
    """Insert ``html`` (links, ``<base>``…) right after ``<body…>``: hostile page content."""
    extra = html.encode() if isinstance(html, str) else html
    return _sub(rb"(<body[^>]*>)", rb"\1" + extra.replace(b"\\", b"\\\\"))
