"""``python -m bot``."""

from bot.memory import lean_start

lean_start()  # before the imports: see bot/memory.py

from bot.cli import main  # noqa: E402

main()
