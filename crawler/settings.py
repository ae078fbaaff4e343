"""presswarc's Scrapy project settings: polite defaults and our components.

Our own keys are prefixed (ARCHIVE_*, PRESSWARC_*), the way Scrapy prefixes
HTTPCACHE_* and FEED_*. Command-line options override these with Scrapy's
priorities, so nothing here reads the environment.
"""

BOT_NAME = "presswarc"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# The User-Agent is "presswarc/VERSION (+PRESSWARC_CONTACT_URL)", set by the add-on.
PRESSWARC_CONTACT_URL = "https://github.com/presswarc/presswarc"
ADDONS = {"crawler.addon.PresswarcAddon": 0}

# Politeness.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.25
DOWNLOAD_TIMEOUT = 60
# Also the cap on decompressed size (decompression-bomb protection), so keep it modest.
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
TELNETCONSOLE_ENABLED = False
COOKIES_ENABLED = False
REDIRECT_MAX_TIMES = 10
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0  # seconds, doubled per attempt when there is no Retry-After
RETRY_MAX_DELAY = 60.0

# Traps (crawler/traps.py): rules about a trap's shape, never a count an outlet's articles reach.
PRESSWARC_MAX_BARREN_HOPS = 5  # same-pattern pages in a row that brought nothing new
PRESSWARC_MAX_PATH_SEGMENTS = 15
PRESSWARC_MAX_SEGMENT_REPEATS = 3
PRESSWARC_MAX_URL_LENGTH = 2000
# Count budgets: 0 = off. A budget that cuts pages is reported (report.json `budget_cut`, a warning).
PRESSWARC_MAX_PAGES_PER_HOST = 0
PRESSWARC_MAX_PAGES_PER_PATTERN = 0

# Ask only for the content-codings that warcio and pywb decode out of the box:
# with Google's brotli installed (Scrapy needs it), warcio cannot read `br`
# bodies (webrecorder/warcio#73). A server that sends br anyway is still archived.
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en",
    "Accept-Encoding": "gzip, deflate",
}

# Breadth-first, so a page budget covers the shallow pages first.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Archiving at the downloader edge (after every built-in middleware).
DOWNLOADER_MIDDLEWARES = {
    "crawler.guard.ScopeGuardMiddleware": 60,  # before robots.txt is even asked for
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robots.Rfc9309RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.retry.BackoffRetryMiddleware": 550,
    # Validators from the crawl state; a 304 hands the spider the archived copy (links still followed).
    "crawler.conditional.ConditionalRequestMiddleware": 930,
    "crawler.recorder.WarcRecorderMiddleware": 950,
}
EXTENSIONS = {"crawler.outcomes.OutcomeLog": 0, "crawler.progress.CrawlProgress": 10}
# Crawl state (OUT/crawl-state.sqlite): per-URL history and the pending frontier.
# A re-run on the same folder is incremental (conditional requests, revisit records)
# unless PRESSWARC_FULL_REFETCH (`presswarc crawl --full`) or PRESSWARC_INCREMENTAL=False.
PRESSWARC_STATE = True
PRESSWARC_INCREMENTAL = None
PRESSWARC_FULL_REFETCH = False
# An archived article (declared by article_patterns, or listed in a sitemap or feed) is fetched
# again after this many seconds, or at once when its sitemap lastmod / feed date is newer.
PRESSWARC_REFETCH_AFTER = 86400
PRESSWARC_PROGRESS = True  # a live status line on a terminal; a plain line every interval otherwise
PRESSWARC_PROGRESS_INTERVAL = 30.0
# Only HTTP(S): no file://, ftp://, s3:// or data: fetches, even through a redirect.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}
# A body cut off mid-transfer is archived with WARC-Truncated: disconnect, not thrown away.
DOWNLOAD_FAIL_ON_DATALOSS = False
ARCHIVE_REPLAY_FROM = ""  # a WARC folder: the add-on then answers requests from it (940)
ARCHIVE_DIR = "presswarc-output"  # `presswarc crawl --out` sets it; `scrapy crawl` uses this
ARCHIVE_WARC_PREFIX = "presswarc"
ARCHIVE_WARC_MAX_SIZE = 1_000_000_000

LOG_LEVEL = "INFO"

# Extraction in a process pool (0 workers: one per core).
EXTRACT_ENABLED = True
EXTRACT_WORKERS = 0
EXTRACT_MAX_PENDING = 0
