"""Requests in the shared Redis queue as data (JSON), never as pickles.

scrapy-redis stores pickled requests by default: whoever can write to that Redis runs code on
every worker that pops them. Here a request is Scrapy's own `request_to_dict` form, made
JSON (bytes as base64 or Latin-1 text), and a popped entry becomes a request only when it
passes `check`:

- JSON, an object, only the fields of `scrapy.Request` (no ``_class``: nothing is imported);
- ``url`` http(s); ``method`` GET or HEAD; ``callback``/``errback`` the *name* of a spider
  method that is a callback (``parse*``) or an errback (``*_failed``), looked up on the
  spider, so an entry can only choose among the spider's own page handlers;
- ``meta`` without the keys that change where a request goes or what it may bring back
  (`FORBIDDEN_META`: a proxy, a local address, robots.txt or content-type checks off, a
  larger size cap, error pages accepted), but for the values in `ALLOWED_META` (a
  conditional re-check accepting 304);
- ``meta`` and ``cb_kwargs`` are plain JSON values (the spider's are: strings, numbers,
  lists, and the partial record of a multi-page article).

Anything else raises `RejectedRequest`; the queue drops the entry, counts it
(``scaleout/queue/rejected``) and goes on (`newscrawler.scaleout.queue`). A request the
spider builds that cannot be written as data is refused at push with the same error, so the
mistake shows on the worker that made it, not on the one that pops it.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from scrapy import Request, Spider
from scrapy.utils.request import request_from_dict

CALLBACK_NAME = re.compile(r"^(parse\w*)$")
ERRBACK_NAME = re.compile(r"^(\w+_failed)$")
METHODS = ("GET", "HEAD")
# meta keys a queue entry may not carry: where the request goes (proxy, source address) and
# the guards of what comes back (robots.txt, HTML only, size cap, status codes accepted).
FORBIDDEN_META = frozenset({
    "proxy", "_auth_proxy", "bindaddress", "download_slot_override",
    "dont_obey_robotstxt", "accept_any_content", "download_maxsize", "download_warnsize",
    "handle_httpstatus_all", "handle_httpstatus_list", "dont_merge_cookies", "cookiejar",
})
# ... except these exact values: a conditional re-check of the article ledger accepts 304 Not
# Modified, an answer without a body (newscrawler.ledger, spiders/portal.py _article_request).
ALLOWED_META = {"handle_httpstatus_list": [304]}
FIELDS = frozenset(Request.attributes)


class RejectedRequest(ValueError):
    """A queue entry that is not a request we would have written (see module docstring)."""


def dumps(data: dict[str, Any]) -> bytes:
    """`request_to_dict` output → JSON bytes (the queue entry)."""
    _check_fields(data)
    out = dict(data)
    out["body"] = base64.b64encode(data.get("body") or b"").decode("ascii")
    out["headers"] = {
        _text(name): [_text(v) for v in values]
        for name, values in (data.get("headers") or {}).items()
    }
    try:
        return json.dumps(out, ensure_ascii=False, allow_nan=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise RejectedRequest(f"{data.get('url')}: meta or cb_kwargs is not JSON: {exc}") from None


def loads(entry: bytes) -> dict[str, Any]:
    """A queue entry → the dict `request_from_dict` takes; `RejectedRequest` if it is not one."""
    try:
        data = json.loads(entry)
    except (ValueError, TypeError) as exc:  # a pickle, garbage, bad UTF-8
        raise RejectedRequest(f"not JSON ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise RejectedRequest("not a JSON object")
    _check_fields(data)
    try:
        data["body"] = base64.b64decode(data.get("body") or "", validate=True)
    except (ValueError, TypeError):
        raise RejectedRequest("body is not base64") from None
    headers = data.get("headers") or {}
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
        for k, v in headers.items()
    ):
        raise RejectedRequest("headers are not {name: [values]}")
    data["headers"] = {k.encode("latin-1"): [x.encode("latin-1") for x in v]
                       for k, v in headers.items()}
    return data


def to_request(entry: bytes, spider: Spider) -> Request:
    """Decode, check and build: the one way a queue entry becomes a request."""
    data = loads(entry)
    try:
        return request_from_dict(data, spider=spider)
    except (ValueError, TypeError, KeyError) as exc:
        raise RejectedRequest(f"not a request: {exc}") from None


def _check_fields(data: dict[str, Any]) -> None:
    if extra := set(data) - FIELDS:
        raise RejectedRequest(f"unknown field(s) {sorted(extra)}")
    url = data.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise RejectedRequest(f"url {url!r} is not http(s)")
    if data.get("method", "GET") not in METHODS:
        raise RejectedRequest(f"method {data.get('method')!r} is not one of {METHODS}")
    for field, pattern in (("callback", CALLBACK_NAME), ("errback", ERRBACK_NAME)):
        name = data.get(field)
        if name is not None and not (isinstance(name, str) and pattern.match(name)):
            raise RejectedRequest(f"{field} {name!r} is not a spider {field}")
    for field in ("meta", "cb_kwargs"):
        if not isinstance(data.get(field) or {}, dict):
            raise RejectedRequest(f"{field} is not an object")
    meta = data.get("meta") or {}
    if bad := [k for k in sorted(FORBIDDEN_META & set(meta))
               if k not in ALLOWED_META or meta[k] != ALLOWED_META[k]]:
        raise RejectedRequest(f"meta may not set {bad}")
    if not isinstance(data.get("priority", 0), int) or isinstance(data.get("priority"), bool):
        raise RejectedRequest("priority is not an integer")


def _text(value: bytes | str) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)
