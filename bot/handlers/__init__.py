"""The Telegram side of the features (each module offers a ``MANIFEST``; see bot.features)."""
