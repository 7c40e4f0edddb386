"""Item pipelines, in order: clean (100) → validate (200) → deduplicate (300)."""
