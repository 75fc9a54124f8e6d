"""The privacy feature (its manifest is ``handlers.MANIFEST``)."""
