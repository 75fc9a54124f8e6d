"""The hours feature (its manifest is ``handlers.MANIFEST``)."""
