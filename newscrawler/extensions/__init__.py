"""Scrapy extensions: run health, the run report, metrics (the ledger is `newscrawler.ledger`)."""
