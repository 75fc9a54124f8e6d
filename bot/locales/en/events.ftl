# Events: list, card, sign-up, staff creation/edit/cancel, notices to those signed up

cmd-events = Upcoming events
cmd-myevents = My events
cmd-newevent = Create an event
cmd-editevent = Edit or move an event
cmd-cancelevent = Cancel an event
events-list-title = <b>Upcoming events</b> — tap one to see it and sign up:
events-none = No events are planned right now. Check again soon!
events-button = { $when } · { $title }
events-button-joined = ✅ Signed up · { $when } · { $title }
events-button-waitlisted = ⏳ Waitlisted · { $when } · { $title }
events-button-offered = 🎉 Seat offered · { $when } · { $title }
events-my-title = <b>🎉 My events</b>
events-my-line =
    <b>{ $title }</b>
    🕘 { $when } – { $end } · 📍 { $venue }
    { $status }
events-my-hint = Tap an event below to see it; you can withdraw there. Your classes are in /myclasses.
events-my-empty = You have not signed up for any upcoming event. Send /events to see what is on; your classes are in /myclasses.
events-card =
    <b>{ $title }</b>
    🕘 { $when } – { $end }
    📍 { $venue }

    { $description }
events-seats-limited = 👥 Seats: { $taken } of { $capacity } taken
events-seats-open = 👥 { $taken } signed up (no seat limit)
events-you-are-in = ✅ You are signed up.
events-status-cancelled = ❌ This event has been cancelled.
events-status-past = This event has already started.
events-status-ended = This event is over.
events-link-gone = Sorry, that event is no longer open: it has ended or was cancelled. Send /events or tap "🎉 Events" below to see what is coming up.
events-link-closed = Sign-up for this event is closed. Send /events or tap "🎉 Events" below to see what is coming up.
events-staff-line = Staff: event #{ $id } · /editevent { $id } · /cancelevent { $id }
events-btn-join = ✍️ Sign up
events-btn-leave = ↩️ Withdraw
events-btn-ics = 📅 Add to calendar
events-joined = You're signed up! We'll remind you before it starts.
events-already = You are already signed up.
events-full = Sorry, your group is larger than the whole event.
events-closed = This event is no longer open for sign-up.
events-left = Your sign-up is cancelled. You can undo it for 10 minutes.
events-not-in = You were not signed up for this event.
events-ics-caption = Open this file to add "{ $title }" to your calendar.
events-ask-title-zh = New event (send /cancel at any time to stop). Title in Chinese:
events-ask-title-en = Title in English:
events-ask-description-zh = Description in Chinese:
events-ask-description-en = Description in English:
events-ask-venue = Where? Tap a button below, or send the venue's name: { $venues }
# between venue names in the question above
events-venue-separator = , { "" }
events-ask-start = When? E.g. "next Thursday 7pm-8:30pm" or "5 Mar 2:30pm"; 2026-03-05 14:30 works too:
events-ask-end = When does it end? E.g. "4pm" or "16:00":
events-ask-capacity = How many people? E.g. "20 people"; send "no limit" for no limit:
events-created = Event #{ $id } created. Residents see it under /events.
events-conversation-cancelled = Stopped; nothing was saved.
events-bad-time = I could not read that time. Write a day and a time, e.g. "next Thursday 7pm-8:30pm" or 2026-03-05 14:30.
events-bad-title = A title needs 1 to 100 characters. Please send it again.
events-bad-description = A description needs 1 to 1000 characters. Please send it again.
events-bad-venue = I don't know that venue. Please send one of the venues listed above.
events-bad-capacity = Please send a number of people from 1 to 10000, e.g. "20 people", or "no limit".
events-zero-capacity = Seats cannot be 0: please send a number of people from 1 to 10000, e.g. "20 people", or "no limit".
events-start-in-past = The start must be in the future. Please send it again.
events-bad-end = The end must come after the start (and within 7 days of it). Please send it again.
events-bad-field = Please send the number of one of the fields listed.
events-text-only = Please answer with text (or /cancel to stop).
events-edit-usage = Send /editevent followed by the event's number, e.g. /editevent 12.
events-edit-one-field = /editevent takes only the event's number or name. To change something, tap what to change below, then send the new value.
events-edit-choose =
    Editing "{ $title }". Which field? Tap it below, or send its number (or /cancel):
    1 Title (Chinese) · 2 Title (English)
    3 Description (Chinese) · 4 Description (English)
    5 Venue · 6 Start (moves the event) · 7 End · 8 Seats · 9 Companions per sign-up
events-edit-saved =
    ✅ Saved. { $field }: { $value }

    Anything else to change in "{ $title }"? Tap it below or send its number; tap "Done" when finished.
    1 Title (Chinese) · 2 Title (English)
    3 Description (Chinese) · 4 Description (English)
    5 Venue · 6 Start (moves the event) · 7 End · 8 Seats · 9 Companions per sign-up
events-edit-seats = { $capacity } ({ $taken } signed up)
events-edit-seats-open = no limit ({ $taken } signed up)
events-btn-edit-done = ✔️ Done
events-edit-done = All done: the changes are saved, and residents see them in /events.
events-edit-stopped = Stopped. The changes saved before stay; anything not finished was not saved.
events-edit-ask-start = It now starts on { $when }. Send the new start, e.g. "13 Dec 2pm" or "2026-12-13 14:00" (the length stays the same):
events-edit-ask-value = New value:
events-gone = That event cannot be changed (no such event, cancelled, or already started).
events-below-taken = { $taken ->
        [one] 1 person is
       *[other] { $taken } people are
    } already signed up, so there must be at least { $taken } seats. Please send a number from { $taken } to 10000, or "no limit".
events-cancel-usage = Send /cancelevent followed by the event's number, e.g. /cancelevent 12.
events-cancel-confirm = Cancel "{ $title }" ({ $when })? { $who }
events-btn-cancel-confirm = ❌ Yes, cancel the event
events-cancel-done = Event cancelled. { $who }
events-cancel-who = { $signed } signed up and { $waiting } on the waitlist will be told.
events-cancel-nobody = Nobody has signed up, so nobody needs to be told.
events-btn-cancel-keep = Keep the event
events-cancel-kept = All right: the event goes ahead, nothing was changed.
events-moved-notice = 📢 "{ $title }" has moved: it was on { $before }, it is now on { $when } at { $venue }. Your place is kept; send /events to withdraw if you can no longer come.
events-relocated-notice = 📢 "{ $title }" has moved to { $venue } (it was at { $before }), still on { $when }. Your place is kept; send /events to withdraw if you can no longer come.
events-move-confirm =
    Move "{ $title }" from { $before } to { $after }? { $count ->
        [0] Nobody has signed up, so nobody needs to be told.
        [one] The one resident signed up will be told.
       *[other] The { $count } residents signed up will be told.
    }
events-btn-move-confirm = ✅ Move it
events-btn-move-keep = Cancel, keep the time
events-move-kept = All right: the time was not changed and nobody was told.
events-move-done = Moved to { $to }. { $count ->
    [0] Nobody has signed up, so nobody was told.
    [one] The one resident signed up has been told; the reminder follows the new time.
   *[other] The { $count } residents signed up have been told; reminders follow the new time.
}
events-move-stale = This preview is out of date (the event has been moved since). Please send /editevent again.
events-move-same = The event already starts then; please send another time.
events-cancelled-notice = 📢 Sorry, "{ $title }" ({ $when }, { $venue }) has been cancelled.
events-preview-head = <b>Preview</b> (not published yet: residents cannot see it)
events-preview-foot = Tap "Publish" if all is right.
events-venue-closed-then = ⚠️ Note: { $venue } is open { $hours } on { $day }, so part of this event falls outside its opening hours. You can still publish; make sure someone will open it.
events-venue-closed-day = ⚠️ Note: { $venue } is closed on { $day }. You can still publish; make sure someone will open it.
# between opening hours in the warnings above
events-venue-hours-separator = {", "}
events-published-head = <b>Published</b>: residents can see it and sign up now.
events-preview =
    <b>{ $title_zh }</b> / <b>{ $title_en }</b>
    🕘 { $when } – { $end }
    📍 { $venue }
    👥 { $seats }
    ➕ { $companions }
    { $description_zh }
    { $description_en }
events-preview-seats = { $capacity } places
events-preview-no-limit = no limit
events-btn-publish = ✅ Publish
events-btn-drop = ✖️ Don't publish
events-pick-edit = Which event do you want to change? Tap it (or send /editevent with its name):
events-pick-cancel = Which event do you want to cancel? Tap it (or send /cancelevent with its name):
events-pick-none = There are no upcoming events.
events-pick-no-match = No event's name contains "{ $words }".
events-pick-line = { $title } · { $when }
events-pick-previous = ◀ Previous
events-pick-next = Next ▶
events-field-title-zh = Title (Chinese)
events-field-title-en = Title (English)
events-field-description-zh = Description (Chinese)
events-field-description-en = Description (English)
events-field-venue = Venue
events-field-start = Start (moves the event)
events-field-end = End
events-field-capacity = Seats
events-card-full = ⛔ Full ({ $waiting } waiting): join the waitlist and seats are offered in turn when someone drops out.
events-you-are-in-party = ✅ You are signed up ({ $party } people).
events-mine-waitlisted = ⏳ You are number { $position } on the waitlist ({ $party } people).
events-mine-offered = 🎉 Seats are offered to you ({ $party } people) until { $deadline }.
events-btn-waitlist = ⏳ Join the waitlist
events-btn-companions = +{ $companions } with me
events-btn-leave-waitlist = ↩️ Leave the waitlist
events-btn-accept = ✅ Accept
events-btn-decline = Decline
events-btn-undo = ↩️ Undo (for 10 minutes)
events-btn-confirm-leave = Yes, cancel
events-btn-keep = No, keep it
events-leave-confirm = Cancel your sign-up for “{ $title }”? You can undo it for 10 minutes, unless your seats have already been offered to someone waiting.
events-leave-confirm-waitlist = Leave the waitlist for “{ $title }”? You can undo it for 10 minutes and keep your place in line.
events-waitlisted = The event is full: you are number { $position } on the waitlist. We will tell you when seats free up.
events-joined-party = Done: { $party } seats are yours! We will remind you before it starts.
events-too-many = Sorry, this event does not allow that many companions.
events-accepted = ✅ Seats accepted: see you there!
events-declined = You declined the seats; they go to the next person waiting.
events-not-yours = This offer is not yours.
events-offer-gone = This offer is no longer valid.
events-undone = ↩️ Undone: you are back where you were.
events-undo-expired = Sorry, it is more than 10 minutes since you cancelled, so it cannot be undone. Sign up again if you like.
events-seat-gone = Sorry, the seats have already gone to someone else, so it cannot be undone. You can sign up again or join the waitlist.
events-offer = 🎉 Seats for “{ $title }” ({ $when }, { $venue }) are offered to you ({ $party } people). Please accept before { $deadline }; after that they go to the next person.
events-offer-expired = The seats offered for “{ $title }” have expired and went to the next person waiting.
events-ask-companions = How many companions (a spouse, a grandchild) may each person bring? Companions take seats too. For example "2"; send "none" if only the person themselves (at most 5):
events-bad-companions = Please send a number from 0 to 5, for example "2"; send "none" if only the person themselves.
events-field-companions = Companions per sign-up
events-preview-companions = each person may bring up to { $count } companions
events-preview-no-companions = no companions, only the person themselves
events-btn-relocate-confirm = ✅ Move it there
events-btn-relocate-keep = Cancel, keep the venue
events-relocate-kept = All right: the venue was not changed and nobody was told.
events-relocate-done = Moved to { $to }. { $count ->
    [0] Nobody has signed up, so nobody was told.
    [one] The one resident signed up has been told.
   *[other] The { $count } residents signed up have been told.
}
events-relocate-stale = This preview is out of date (the event has moved since). Please send /editevent again.
events-relocate-same = The event is already there; please send another venue.
events-lift-confirm =
    Lift the limit on seats of "{ $title }" (now { $capacity })? { $count ->
        [0] Nobody is on the waiting list.
        [one] The one resident on the waiting list will get a seat and be told.
       *[other] The { $count } residents on the waiting list will get seats and be told.
    }
events-btn-lift-confirm = ✅ Lift the limit
events-btn-lift-keep = Cancel, keep the limit
events-lift-done = Seats are now unlimited. { $count ->
    [0] Nobody was waiting.
    [one] The one resident waiting has a seat and has been told.
   *[other] The { $count } residents waiting have seats and have been told.
}
events-lift-kept = All right: the seats were not changed and nobody was told.
events-lift-stale = This preview is out of date (the seats have been changed since). Please send /editevent again.
events-seated-notice = 🎉 "{ $title }" ({ $when }, { $venue }) no longer has a limit on seats: you are off the waiting list and signed up{ $party ->
    [1] .
   *[other] , { $party } people in all.
} We will remind you before it starts; send /events to withdraw if you cannot come.
