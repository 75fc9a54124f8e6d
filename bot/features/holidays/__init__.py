"""The holidays feature (its manifest is ``handlers.MANIFEST``)."""
