"""What the site answers: ``Response`` (status, bytes, type) and the lazy ``path → bytes`` mapping.

Why separate: the server and tests consume these; the ``Site`` produces them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Response:
    """One answer of the site: status, body bytes, Content-Type, optional Location."""

    status: int
    body: bytes
    content_type: str
    location: str | None = None

    @cached_property
    def etag(self) -> str:
        """Strong validator of the body (computed once per cached response)."""
        return f'"{hashlib.md5(self.body).hexdigest()[:16]}"'


class LazyPages(Mapping):
    """Read-only lazy mapping path → bytes for one base URL."""

    def __init__(self, site, base_url: str):
        self.site, self.base_url = site, base_url

    def __getitem__(self, path: str) -> bytes:
        resp = self.site.render(path, self.base_url)
        if resp is None or resp.status != 200:
            raise KeyError(path)
        return resp.body

    def __iter__(self) -> Iterator[str]:
        return iter(self.site.paths())

    def __len__(self) -> int:
        return len(self.site.routes())
