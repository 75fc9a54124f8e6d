# Free-text questions: FAQ, "did you mean", passing on to staff

qa-faq-answer =
    <b>{ $title }</b>
    { $answer }
qa-did-you-mean = I'm not sure which of these you mean. Is it one of them?
qa-no-answer = I can't answer that one myself. If you like, I'll pass your question to the staff, and they will reply here.
qa-ask-staff = 🙋 Ask a person

# Not for the bot to answer: an emergency (call 120 first), medicine (ask a doctor; the health station's details), a favour (a person decides)
qa-emergency =
    🚑 <b>This may be an emergency: call 120 now!</b>
    I can't give medical advice. Here are the community health station's details, but it is no substitute for 120:
qa-medicine = I can't give advice on medicine or treatment: please ask a doctor. The community health station can help:
qa-favour = That needs a person: I can't do it myself. If you like, I'll pass your message to the staff, and they will reply here.
qa-which-day = Which day do you mean? Tap a date.
qa-which-day-typed = Which day do you mean? Please write the date, for example “12 May”.
qa-day-button-today = Today, { $day }
qa-day-button-tomorrow = Tomorrow, { $day }
qa-today = Today is { $weekday }, { $date }.
qa-today-lunar = Today is { $weekday }, { $date } (lunar calendar: { $lunar }).
qa-now = It is { $time } on { $day }.
qa-feedback-offer = Would you like to rate the canteen? Tap the button below; it takes a minute or two.
qa-feedback-button = ✍️ Rate the canteen
qa-feedback-offer-words = Would you like to rate the canteen? Tap the button below; it takes a minute or two. What you just wrote goes in as your comment, and you can change it after the stars.
qa-feedback-offer-long = Would you like to rate the canteen? Tap the button below. A comment can be up to { $limit } characters and yours is longer: you can also tap “Ask a person” to pass all of it to the staff.
qa-feedback-for-staff = Thank you for telling us! Tap the button below to pass your words on to the staff.

qa-holidays-title = 📅 <b>Public holidays in { $year }</b>
qa-holidays-not-published = ⚠️ The official notice for { $year } is not published yet: only the statutory days below are certain. Bridge days and make-up working days come with the notice.
qa-holidays-block = 🎉 { $festival }: { $span }, { $days ->
        [one] 1 day off
       *[other] { $days } days off
    }
qa-holidays-workday = 🔁 { $date } is a make-up working day
qa-holidays-ask-venue = To check whether a place is open on a holiday, just ask me, e.g. "Is the canteen open at Chinese New Year?"
qa-holidays-today-off = 📌 Today, { $date }, is a day off for { $festival }.
qa-holidays-today-workday = 📌 Today, { $date }, is a { $festival } make-up working day, not a day off.
# "when is the next public holiday": the next break first, then the year's list
qa-holidays-next = 📌 The next public holiday: { $festival }, { $span }, { $days ->
        [one] 1 day off
       *[other] { $days } days off
    }.
qa-holidays-today-off-plain = 📌 Today, { $date }, is a day off.
qa-holidays-today-workday-plain = 📌 Today, { $date }, is a make-up working day, not a day off.

# Follow-ups ("is the gym open tomorrow", then "what about sunday?"): what was carried over
qa-followup-venues = ↪️ For { $venues }, as in your last question:
qa-followup-days = ↪️ For { $days }, as in your last question:
qa-followup-today = ↪️ For today, as in your last question:

# "what time does it close in the afternoon?": that part of the day first, from the day's hours
qa-part-closes = Closes at { $time } in the { $part ->
    [morning] morning
   *[afternoon] afternoon
}.
qa-part-open-until = Open all { $part ->
    [morning] morning
   *[afternoon] afternoon
}, until { $time }.
qa-part-opens = Opens at { $time } in the { $part ->
    [morning] morning
   *[afternoon] afternoon
}.
qa-part-open-from = Open all { $part ->
    [morning] morning
   *[afternoon] afternoon
} (from { $time }).
qa-part-closed = Closed in the { $part ->
    [morning] morning
   *[afternoon] afternoon
}.

# "is the gym open at 8pm?": that minute first, from the day's hours
qa-clock-open = At { $asked }: open, until { $time }.
qa-clock-opens-later = At { $asked }: closed; opens at { $time }.
qa-clock-closed = At { $asked }: closed (it closes at { $time } { $when ->
    [today] today
   *[other] that day
}).

# "is the photo studio open on christmas?": that festival is no day off here, said first
qa-ordinary-festival = That day is not a public holiday here.
# "is the canteen open on new year's eve": no festival, just the last day of the year
qa-ordinary-eve = New Year's Eve is an ordinary day, not a public holiday.

# "is the gym open on 2026-02-30?": no such day, said first
qa-no-such-date = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} has only { $last } days, so there is no { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}.

# "what time is dinner at the canteen": that meal first
qa-meal-served = { $kind ->
    [breakfast] Breakfast
    [lunch] Lunch
   *[dinner] Dinner
}: { $start }–{ $end }.
qa-meal-none = No { $meal } { $when ->
    [today] today
   *[other] that day
}.
