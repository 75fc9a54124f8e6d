"""The reminders feature (its manifest is ``handlers.MANIFEST``)."""
