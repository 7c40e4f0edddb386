"""Scrapy extensions: delivery ledger (lock, recovery, exactly-once), run health, run report."""
