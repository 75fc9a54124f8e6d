"""The askstaff feature (its manifest is ``handlers.MANIFEST``)."""
