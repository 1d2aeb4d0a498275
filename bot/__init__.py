"""Transport and process: Telegram, the console, the webhook server, settings, logging."""
