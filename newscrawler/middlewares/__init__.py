"""Downloader middlewares that keep a crawl correct when the portal misbehaves.

- ``guard.SameSiteMiddleware`` – no request leaves the portal's host:port or http(s);
- ``guard.RedirectGuardMiddleware`` – redirect loops, over-long chains and redirects to
  another host or scheme end with a named reason instead of vanishing silently;
- ``content.HtmlOnlyMiddleware`` – a PDF or image where a page was expected is refused;
- ``retry_after.RetryAfterMiddleware`` – before a retry the host's downloader slot rests
  (backoff, ``Retry-After``); other hosts and the reactor carry on;
- ``robots.RobotsRfcMiddleware`` – robots.txt answering 5xx or unreachable means "stay out"
  for this run (RFC 9309), not "anything goes";
- ``useragent.ContactUserAgentMiddleware`` – the User-Agent names ``NEWSCRAWLER_CONTACT``
  even when it is given on the command line;
- ``failures`` – one name per failure class (``failure_reason``) and whether it is worth
  retrying in the next run (``is_transient``).

All are registered in ``settings.DOWNLOADER_MIDDLEWARES`` (see the ``Robustness`` block).
"""
