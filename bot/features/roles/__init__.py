"""The roles feature (its manifest is ``handlers.MANIFEST``)."""
