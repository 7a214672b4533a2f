"""Seguito: the follow-up page (answers of the Comune, acts, civic monitoring)."""
