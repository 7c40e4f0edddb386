"""An honest User-Agent that carries the ``NEWSCRAWLER_CONTACT`` given on the command line.

Why: settings.py builds ``USER_AGENT`` from ``NEWSCRAWLER_CONTACT`` when the module is
imported, so ``-s NEWSCRAWLER_CONTACT=ops@example.com`` used to change nothing on the wire:
portal operators saw the project's default contact, not the one running the crawler. This
replaces Scrapy's ``UserAgentMiddleware``: when the contact was set with a higher priority
than ``USER_AGENT`` (e.g. ``-s NEWSCRAWLER_CONTACT=…`` but no ``-s USER_AGENT=…``), the
User-Agent is rebuilt as ``<product> (+<contact>)``; an explicit ``USER_AGENT`` wins.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request


def contact_user_agent(settings: Any) -> str:
    """The User-Agent for these settings (see the module docstring)."""
    agent = settings.get("USER_AGENT") or "newscrawler"
    contact = " ".join(str(settings.get("NEWSCRAWLER_CONTACT") or "").split())  # no CR/LF
    if contact and settings.getpriority("NEWSCRAWLER_CONTACT") > settings.getpriority(
        "USER_AGENT"
    ):
        product = agent.split(" (", 1)[0]
        return f"{product} (+{contact})"
    return agent


class ContactUserAgentMiddleware:
    """Set the User-Agent header (unless a request has its own)."""

    def __init__(self, user_agent: str):
        self.user_agent = user_agent

    @classmethod
    def from_crawler(cls, crawler: Any) -> ContactUserAgentMiddleware:
        return cls(contact_user_agent(crawler.settings))

    def process_request(self, request: Request) -> None:
        request.headers.setdefault(b"User-Agent", self.user_agent)
        return None
