"""Scrapy extensions: delivery ledger (lock, recovery, exactly-once) and run report."""
