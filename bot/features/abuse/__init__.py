"""The abuse feature (its manifest is ``handlers.MANIFEST``)."""
