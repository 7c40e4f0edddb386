"""Scrapy extensions: the run report and its health verdict (the ledger is `newscrawler.ledger`)."""
