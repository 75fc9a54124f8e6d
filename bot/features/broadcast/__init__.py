"""The broadcast feature (its manifest is ``handlers.MANIFEST``)."""
