# Reminders before events and class sessions, and /reminders settings

cmd-reminders = Reminder settings
reminder-text =
    ⏰ <b>Reminder</b> ({ $lead }): <b>{ $title }</b>
    🕘 { $when }
    📍 { $venue }
reminder-lead-eve = tomorrow
reminder-lead-1440 = in one day
reminder-lead-180 = in 3 hours
reminder-lead-60 = in 1 hour
# a reminder going out late (after downtime), for an item later the same day
reminder-lead-today = today
reminder-lead-30 = in 30 minutes
reminder-cant-come = 🙅 I can't come
reminders-cant-absence = ✅ Noted: you can't come on { $when }. Your place is kept, and the classes after it go ahead as usual. You can undo this for 10 minutes.
reminders-cant-withdrawn = ✅ Done: your sign-up for this event is cancelled, and your seat goes to someone else. You can undo this for 10 minutes.
reminders-btn-undo = ↩️ Undo (for 10 minutes)
reminders-undone = ↩️ Undone: you are expected as before.
reminders-undo-expired = Sorry, it is more than 10 minutes since you pressed it, so it cannot be undone. Sign up again if you like, or ask the staff.
reminders-undo-seat-gone = Sorry, the seat has already gone to someone else, so it cannot be undone. You can sign up again or join the waitlist.
reminders-cant-not-expected = You are not signed up for this any more.
reminders-cant-stale = This reminder is out of date (the time changed or it was cancelled).
reminders-settings =
    <b>Your reminders</b>: { $current }
    Tap a choice to switch it on or off.
reminders-current-off = off
# between the chosen lead times in "Your reminders: …"
reminders-list-separator = , { "" }
reminders-choice-eve = the evening before ({ $hour }:00)
reminders-choice-1440 = one day before
reminders-choice-180 = 3 hours before
reminders-choice-60 = 1 hour before
reminders-choice-30 = 30 minutes before
reminders-btn-off = 🔕 No reminders
reminders-btn-defaults = ↺ Default
reminders-saved = Saved.
