"""Understanding a resident's free text, in stages that can each be seen and tested.

1. :mod:`.normalise` — full-width to half-width, traditional to simplified, lower case, then
   Shanghainese and spoken forms to standard ones (开伐 → 开吗, 明朝 → 明天, 夜里 → 晚上) and
   English day-word typos ("tommorow");
2. :mod:`.timex` — the time expressions: each one resolved to one or more dates, or marked as
   *found but not resolved* (then the bot asks which day, never assumes today);
3. :mod:`.venues` — the venues named, with pinyin homophone typos (识堂 → 食堂);
4. :mod:`bot.understanding.matcher` — the intent, and the decision.

Nothing here imports ``telegram``.
"""
