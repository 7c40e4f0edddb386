"""The article ledger: what is known, delivered, dropped and pending (see `ledger.py`)."""

from newscrawler.ledger.ledger import ArticleLedger, Order, Verdict

__all__ = ["ArticleLedger", "Order", "Verdict"]
