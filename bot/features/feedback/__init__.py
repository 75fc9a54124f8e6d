"""The feedback feature (its manifest is ``handlers.MANIFEST``)."""
