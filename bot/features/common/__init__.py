"""The common feature (its manifest is ``handlers.MANIFEST``)."""
