"""The Telegram side of the bot that every feature shares: replies, buttons, the guard."""
