"""HTTP server for the sample portal: static-site behaviour on 127.0.0.1, in a background thread.

Why: end-to-end tests, the demo and benchmarks crawl a real socket. The server behaves like a web
server in front of a DedeCms static site: ``Content-Type: text/html`` with no charset for ``.html``
files, 301 for ``/index.php`` and for directory URLs without a trailing slash, a 404 page, HTTP/1.1
keep-alive with Content-Length, an ``ETag`` (content hash) honoured by ``If-None-Match`` with
304, like nginx; the PHP entry points (``/plus/view.php``, ``/plus/count.php``) add
``; charset=…`` as PHP's ``header()`` does. Pages are rendered once per base URL and cached as
bytes by the ``Site``, so the server sustains thousands of requests per second.

Fault hook: ``server.faults`` maps a request target (path plus query, exactly as requested, e.g.
``"/a/guoji/list_2_2.html"``) to a callable ``fault(handler) -> None``. When a request matches,
the callable takes over the whole response: it receives the ``BaseHTTPRequestHandler`` and must
write the status line, headers and body itself (``handler.send_response`` …, ``handler.wfile``),
or close the connection (``handler.close_connection = True``). The request is logged before the
fault runs. Ready-made fault callables belong in ``newscrawler/portal/faults.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .site import Site

NOT_FOUND = (b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not"
             b" Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
Fault = Callable[[BaseHTTPRequestHandler], None]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes: avoid 40 ms stalls
    server_version = "nginx"
    sys_version = ""
    portal: PortalServer  # set on the per-server subclass

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._answer(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(head=True)

    def _answer(self, head: bool) -> None:
        portal = self.portal
        portal._log(self.path)
        fault = portal.faults.get(self.path)
        if fault is not None:
            fault(self)
            return
        resp = portal.site.render(self.path, portal.url)
        if resp is None:
            self._send(404, NOT_FOUND, "text/html", None, head)
            return
        etag = resp.etag if resp.status == 200 else None
        if etag and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(resp.status, resp.body, resp.content_type, resp.location, head, etag)

    def _send(self, status: int, body: bytes, ctype: str, location: str | None,
              head: bool, etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet server
        pass


class PortalServer:
    """Serve ``site`` on ``host:port`` (port 0 = any free port). Use as a context manager."""

    def __init__(self, site: Site, host: str = "127.0.0.1", port: int = 0):
        self.site = site
        self.host, self.port = host, port
        self.faults: dict[str, Fault] = {}
        self.request_log: list[str] = []
        self._log_lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:8123`` (no trailing slash)."""
        if self._httpd is None:
            raise RuntimeError("server not started")
        return f"http://{self.host}:{self._httpd.server_address[1]}"

    def start(self) -> PortalServer:
        handler = type("PortalHandler", (_Handler,), {"portal": self})
        self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
        self._httpd.daemon_threads = True
        self._httpd.request_queue_size = 128
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.1}, daemon=True,
                                        name=f"portal-{self.url}")
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Block until ``stop()`` is called from another thread (or Ctrl-C)."""
        if self._thread is None:
            self.start()
        self._thread.join()

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=5)
            self._httpd = None
            self._thread = None

    def __enter__(self) -> PortalServer:
        return self.start() if self._httpd is None else self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _log(self, path: str) -> None:
        with self._log_lock:
            self.request_log.append(path)

    def reset_log(self) -> None:
        with self._log_lock:
            self.request_log.clear()

    def requests(self) -> list[str]:
        """A snapshot copy of the request log."""
        with self._log_lock:
            return list(self.request_log)
