"""Every newscrawler setting and its default, in one place, grouped.

Change any of them with ``-s NAME=value`` on the command line (or in a project that imports
this module). Paths default to folders next to ``scrapy.cfg`` (or the working directory when
no project file is found), so a cron job that starts elsewhere still finds them.
"""

from __future__ import annotations

from pathlib import Path

from scrapy.utils.conf import closest_scrapy_cfg

BOT_NAME = "newscrawler"
SPIDER_MODULES = ["newscrawler.spiders"]
NEWSPIDER_MODULE = "newscrawler.spiders"
COMMANDS_MODULE = "newscrawler.commands"

_cfg = closest_scrapy_cfg()
PROJECT_DIR = str(Path(_cfg).parent if _cfg else Path.cwd())

# --- Where things go -------------------------------------------------------------------------
# Folder of the per-run feed files (<time>.jsonl) and run reports (<time>.report.json).
FEED_DIR = str(Path(PROJECT_DIR) / "data" / "feeds")
# The crawl's memory: a SQLite file path (default), sqlite:///path, or redis://host:port/db.
STATE_URI = str(Path(PROJECT_DIR) / ".newscrawler" / "state.sqlite")
# Prefix of every key a shared (Redis) state writes.
STATE_NAMESPACE = "newscrawler"

# --- Feeds: UTF-8 JSON lines, Chinese as is, one file per run, complete or invisible ----------
# Used when the command line names no feed (-o/-O): FEED_DIR/<time>.jsonl, see feeds.py.
DEFAULT_FEEDS = {"feeddir:%(time)s.jsonl": {"format": "jsonlines", "encoding": "utf-8"}}
# -o/-O paths too: lines reach the disk one at a time, so the ledger can confirm each one.
FEED_STORAGES = {
    "feeddir": "newscrawler.feeds.FeedDirStorage",
    "": "newscrawler.feeds.LineFileFeedStorage",
    "file": "newscrawler.feeds.LineFileFeedStorage",
}
FEED_EXPORT_ENCODING = "utf-8"
FEED_STORE_EMPTY = False

# --- The portal --------------------------------------------------------------------------------
# Per-portal extraction profile: a name under newscrawler/profiles/ or a JSON file path.
PORTAL_PROFILE = None
# With -a demo=1 (and no start_url), the bundled sample portal is served on 127.0.0.1 and
# crawled. A crawl with neither is refused (exit code 1).
SAMPLE_PORTAL_ARTICLES = 200
SAMPLE_PORTAL_EDITION = "utf-8"

# --- Incremental runs --------------------------------------------------------------------------
# A section stops paginating after this many list pages in a row with nothing new.
INCREMENTAL_OVERLAP_PAGES = 1
# The article ledger's settings (newscrawler/ledger/) share the LEDGER_ prefix. Their earlier
# names (RECHECK_WINDOW_HOURS, ...) are refused with the new name (config.RENAMED).
# A page that failed transiently is retried in later runs until it failed this many times
# (0: forever).
LEDGER_PENDING_MAX_ATTEMPTS = 20
# Articles published this recently (hours) are fetched again to catch edits, each at most
# once per LEDGER_RECHECK_INTERVAL_MINUTES: a run every ten minutes need not fetch them each
# time.
LEDGER_RECHECK_WINDOW_HOURS = 24
LEDGER_RECHECK_INTERVAL_MINUTES = 120
# Re-checks send If-None-Match / If-Modified-Since (the validators of the last fetch), so an
# unchanged article costs a 304 and no parsing. Off: re-checks fetch and compare whole pages.
LEDGER_RECHECK_CONDITIONAL = True
# Near-duplicates: SimHash candidates within this Hamming distance whose estimated resemblance
# (Jaccard similarity of character 3-shingles) is at least LEDGER_NEAR_DUPLICATE_RESEMBLANCE.
LEDGER_NEAR_DUPLICATE_DISTANCE = 10
LEDGER_NEAR_DUPLICATE_RESEMBLANCE = 0.7
# Bodies shorter than this (characters) are not compared for near-duplicates.
LEDGER_NEAR_DUPLICATE_MIN_CHARS = 200

# --- Health: when a run exits non-zero (exit code 2) ---------------------------------------
# Share of failed requests (after retries) above which the run is unhealthy.
HEALTH_MAX_ERROR_RATIO = 0.2
# With at least HEALTH_MIN_ITEMS records, a field present in fewer than this share of them
# (published_at, body, title) means the template changed under us.
HEALTH_MIN_FIELD_COVERAGE = 0.5
HEALTH_MIN_ITEMS = 10
# A full (or first) run that delivered or already knew fewer than this share of the articles
# its list pages name (or their DedeCms 共N页M条 counts promise) is unhealthy.
HEALTH_MIN_LISTED_RATIO = 0.5
# Off-site article links (another host name than start_url's, counted by host) more than this
# share of all article links on the home and list pages: unhealthy, the portal is elsewhere.
# (Half, not less: some portals link a mobile-site copy of every article.)
HEALTH_MAX_OFFSITE_RATIO = 0.5
# Run reports of runs that delivered nothing: only the newest this many are kept (reports of
# runs with articles are always kept).
REPORTS_KEEP_EMPTY = 50

# --- Politeness ------------------------------------------------------------------------------
# Who to contact about this crawler; goes into the User-Agent.
NEWSCRAWLER_CONTACT = "https://github.com/newscrawler/newscrawler"
USER_AGENT = f"newscrawler/0.1 (+{NEWSCRAWLER_CONTACT})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
# Nothing listens: Scrapy's telnet console and its remote-control HTTP server (on by default
# in Scrapy 2.19: it runs Python code sent to a localhost port) are off.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for *every* response to run its output through
# the pipelines in parallel (101 tasks at the default 100). Our pipelines are synchronous and
# a page yields a few items/requests, so parallelism buys nothing and the tasks cost 1-3 ms
# of CPU per page, a fifth to a third of the whole crawl (BENCHMARKS.md, the A/B).
CONCURRENT_ITEMS = 1

# --- Components -------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "newscrawler.pipelines.clean.CleanPipeline": 100,
    "newscrawler.pipelines.validate.ValidatePipeline": 200,
    "newscrawler.pipelines.dedup.DedupPipeline": 300,
}
EXTENSIONS = {
    # crawler.run_health: the verdict behind exit code 2; first, so every other component's
    # spider_closed handler can ask it.
    "newscrawler.extensions.health.RunHealth": 1,
    # The article ledger: lock, what to fetch and drop, "delivered only once in the feed",
    # recovery of killed runs. After Scrapy's FeedExporter (0), whose writes it confirms.
    "newscrawler.ledger.ArticleLedger": 10,
    "newscrawler.extensions.report.RunReport": 20,
}

# --- Scale-out (Redis) ------------------------------------------------------------------------
# Several workers (`scrapy crawl portal -a start_url=… -s REDIS_URL=…`, each with its own
# FEED_DIR) share one request queue, one per-run duplicate filter and one article state in
# Redis; see docs/scaleout.md. The add-on does nothing unless REDIS_URL (or a redis://
# STATE_URI) is set, so single-machine SQLite mode is unchanged and needs no redis package.
ADDONS = {"newscrawler.scaleout.addon.ScaleOutAddon": 0}
# redis://host:port/db shared by all workers; None = single-machine mode.
REDIS_URL = None
# Seconds between a worker's heartbeats in Redis.
SCALEOUT_HEARTBEAT_SECONDS = 5.0
# A worker silent this long (seconds) is dead: its in-flight requests go back to the queue.
# Keep it well above the longest time a callback may block the reactor.
SCALEOUT_WORKER_TIMEOUT = 60.0
# While idle and waiting for the others, how often (seconds) a worker looks for new work.
SCALEOUT_POLL_SECONDS = 1.0
# An idle worker leaves a run that is still busy after waiting this long (seconds).
SCALEOUT_MAX_WAIT_SECONDS = 1800.0

# --- Robustness: faults of the portal, and what a hostile page may not make us do -----------
# newscrawler.middlewares (each module's docstring says why). Numbers place them among
# Scrapy's own: requests run low to high, responses high to low.
DOWNLOADER_MIDDLEWARES = {
    # after OffsiteMiddleware (50), before robots.txt (100): other ports/schemes never leave
    "newscrawler.middlewares.guard.SameSiteMiddleware": 60,
    # response side just before RetryMiddleware (550): Retry-After and backoff for retries
    "newscrawler.middlewares.retry_after.RetryAfterMiddleware": 555,
    # response side after decompression (590): a PDF or image is "non_html", not a page
    "newscrawler.middlewares.content.HtmlOnlyMiddleware": 585,
    # response side before RedirectMiddleware (600): loops, long chains, off-portal targets
    "newscrawler.middlewares.guard.RedirectGuardMiddleware": 650,
    # Scrapy's own would send the USER_AGENT built at import, ignoring -s NEWSCRAWLER_CONTACT
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "newscrawler.middlewares.useragent.ContactUserAgentMiddleware": 500,
    # Scrapy's own decodes every page to look for a <meta> refresh; ours checks bytes first
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newscrawler.middlewares.refresh.QuickMetaRefreshMiddleware": 580,
    # Scrapy's own allows everything when robots.txt answers 5xx or cannot be fetched
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawler.middlewares.robots.RobotsRfcMiddleware": 100,
}
# Refuse every request that is not http(s) on the portal's own host:port (reason "offsite",
# "bad_scheme"). Scrapy's OffsiteMiddleware alone lets other ports of the same host through.
ROBUST_SAME_HOST_ONLY = True
# Media types accepted as pages; anything else declared is refused as "non_html".
ROBUST_HTML_CONTENT_TYPES = ["text/html", "application/xhtml+xml"]
# Longest Retry-After (seconds) honoured within a run; longer: the page waits for the next run.
ROBUST_RETRY_AFTER_MAX = 120.0
# Backoff before retry N when the server gave no Retry-After: BASE * 2**(N-1), at most MAX.
ROBUST_RETRY_BACKOFF_BASE = 1.0
ROBUST_RETRY_BACKOFF_MAX = 30.0
# Scrapy can also read file://, ftp://, s3:// and data: URLs; a news crawler never should.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}

LOG_LEVEL = "INFO"

# --- Operations: monitoring -------------------------------------------------------------------
# Folder of node_exporter's textfile collector: every run writes its metrics there
# (Prometheus text format, atomically; newscrawler/extensions/metrics.py). None: off.
METRICS_TEXTFILE_DIR = None
# File name in that folder; %(spider)s and %(portal)s (host) tell portals sharing it apart.
METRICS_TEXTFILE_NAME = "newscrawler.prom"
EXTENSIONS = {**EXTENSIONS, "newscrawler.extensions.metrics.TextfileMetrics": 30}
