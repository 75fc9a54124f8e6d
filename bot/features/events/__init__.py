"""The events feature (its manifest is ``handlers.MANIFEST``)."""
