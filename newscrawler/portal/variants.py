"""Template variants of the sample portal (spec §5): same articles, different real-world markup."""

from __future__ import annotations

from .listing import PortalTheme

THEMES: dict[str, type[PortalTheme]] = {"default": PortalTheme}
