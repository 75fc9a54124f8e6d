"""The questions feature (its manifest is ``handlers.MANIFEST``)."""
