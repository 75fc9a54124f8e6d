"""Getting messages to Telegram within its limits: the rate limiter and the outbox sender."""
