# Night school: courses, sign-up, waitlists, offers, lottery, staff tools

ns-fee = ¥{ $amount }
ns-fee-free = free
ns-btn-accept = ✅ Accept the place
ns-btn-decline = ❌ Decline
ns-offer =
    🎉 A place has become free on <b>{ $title }</b> and it is yours if you want it.
    Please accept or decline by <b>{ $deadline }</b>; after that it goes to the next person waiting.
ns-offer-expired = ⌛ The place offered to you on <b>{ $title }</b> was not accepted in time and has gone to the next person. You can sign up again at any time from /classes.
ns-course-cancelled = ⚠️ The course <b>{ $title }</b> has been cancelled. We are sorry; please see /classes for other courses.
ns-session-moved = 📅 A class of <b>{ $title }</b> has moved: { $old } → <b>{ $new }</b>.
ns-venue-moved = 📍 <b>{ $title }</b> has a new venue: { $old } → <b>{ $new }</b>. All its classes from now on are held there; see /myclasses.
ns-lottery-won = 🎉 Lottery result for <b>{ $title }</b>: you have a place! See /myclasses for your sessions. (Draw seed: { $seed })
ns-lottery-waitlisted = Lottery result for <b>{ $title }</b>: you were not drawn this time, and you are on the waitlist in drawn order. If a place frees up, you will get an offer. Your position is in /myclasses. (Draw seed: { $seed })
cmd-classes = Classes (night school and community)
cmd-myclasses = My classes
ns-list-title = <b>📚 Classes open for sign-up</b> (night school and community classes)
ns-list-line = • { $title } — { $seats }
ns-list-seats = { $left } { $left ->
    [one] seat
   *[other] seats
} left
ns-list-full = full, waitlist open
ns-list-lottery = lottery
ns-list-empty = No classes are open for sign-up right now. Please check again later.
ns-more-sessions = … and { $count } more
ns-card =
    <b>{ $title }</b>
    { $description }
    👩‍🏫 Teacher: { $teacher }
    📍 Venue: { $venue }
    💰 Fee: { $fee }
    🗓 Sessions ({ $count }):
    { $sessions }
    📝 { $window }
    🪑 { $seats }
    { $mine }
ns-card-cancelled = ⚠️ <b>This course has been cancelled.</b>
ns-window-not-open = Sign-up opens { $opens }
ns-window-open = Sign-up open until { $closes }
ns-window-closed = Sign-up is closed
ns-seats-left = { $left } of { $capacity } { $capacity ->
    [one] seat
   *[other] seats
} left
ns-seats-full = Full ({ $capacity } { $capacity ->
    [one] seat
   *[other] seats
}); { $waiting } on the waitlist
ns-seats-lottery = Lottery for { $capacity } { $capacity ->
    [one] seat
   *[other] seats
}; { $applications } { $applications ->
    [one] application
   *[other] applications
} so far
ns-mine-enrolled = ✅ You have a place.
ns-mine-waitlisted = ⏳ You are number { $position } on the waitlist.
ns-mine-offered = 🎉 A place is offered to you until { $deadline }.
ns-mine-applied = 🎟 You have applied; the lottery is drawn after sign-up closes.
ns-btn-join = ✍️ Sign up
ns-btn-waitlist = ⏳ Join the waitlist
ns-btn-apply = 🎟 Apply (lottery)
ns-btn-leave = Cancel my place
ns-btn-leave-waitlist = Leave the waitlist
ns-btn-withdraw = Withdraw my application
ns-btn-all = « All classes
ns-btn-ics = 📅 Calendar
ns-result-enrolled = ✅ Done: you have a place!
ns-result-waitlisted = The course is full: you are number { $position } on the waitlist.
ns-result-applied = 🎟 Application received; the lottery is drawn after sign-up closes.
ns-result-already-enrolled = You already have a place on this course.
ns-result-already-waitlisted = You are already on the waitlist (number { $position }).
ns-result-already-offered = A place is already offered to you until { $deadline }.
ns-result-already-applied = You have already applied for this lottery.
ns-result-left = Done: you are no longer signed up for this course.
ns-result-accepted = ✅ Place accepted: see you in class!
ns-result-declined = You declined the place; it goes to the next person waiting.
ns-result-not-found = This course no longer exists.
ns-result-course-cancelled = This course has been cancelled.
ns-result-not-open = Sign-up for this course has not opened yet.
ns-result-closed = Sign-up for this course is closed.
ns-result-limit = You already hold or wait for the most classes allowed at once. Cancel one in /myclasses to sign up for another.
ns-result-cutoff = It is too close to the first class to cancel here; please contact the centre's staff.
ns-cutoff-note = ⚠️ Places cannot be cancelled here within { $hours } hours of the first class (or once the course has started). To cancel or miss a class, tap “🙋 Talk to a person” below and tell us.
ns-btn-ask-staff = 🙋 Talk to a person
ns-ask-staff-fallback = Please tell the staff at the centre's service window or by phone; they will cancel it for you.
ns-result-not-yours = This offer is not yours.
ns-result-offer-gone = This offer is no longer valid.
ns-result-nothing = You are not signed up for this course.
ns-my-title = <b>📚 My classes</b>
ns-my-empty = You are not signed up for any class. Tap /classes to see what is open; your events are in /myevents.
ns-my-line =
    <b>{ $title }</b> ({ $venue })
    { $status }
    Next class: { $next }
ns-my-events = Your events are in /myevents.
ns-my-no-next = none scheduled
ns-my-next-waitlisted = { $next } (you are on the waitlist: come once you have a place; we will tell you)
ns-my-next-offered = { $next } (accept the offered place first to come)
ns-my-next-applied = { $next } (if you win the lottery; we will tell you the result)
ns-my-leave = 🙅 Not coming: { $when }
ns-my-venue-closed = ⚠️ The venue is closed that day: this class may be cancelled, watch for a message.
ns-ics-caption = Your class sessions: open the file to add them to your calendar.
ns-ics-not-yours = The calendar is for people signed up for this course.
cmd-ns-new = New course
cmd-ns-courses = All courses
cmd-ns-import = Load a term's course file
cmd-ns-edit = Edit a course
ns-new-intro = Let's create a course. Answer each question; send /cancel at any time to stop.
ns-new-step = <b>Step { $number } of { $total }</b>
ns-ask-title-zh = Course title in Chinese (up to 80 characters):
ns-ask-title-en = Course title in English:
ns-ask-description-zh = Description in Chinese (up to 1000 characters):
ns-ask-description-en = Description in English:
ns-ask-teacher = Teacher's name:
ns-ask-venue = Where are the classes? Tap a button below or send the venue's name ({ $known }):
ns-ask-fee = Fee? E.g. "30 yuan" or "12.5"; "free" if there is none:
ns-ask-capacity = How many places? E.g. "20 people" (1–5000):
ns-ask-mode = How are places given? Tap "First come, first served" or "Lottery":
ns-ask-first-date = When is the first class? E.g. "next Thursday 7pm-8:30pm" or "every Tuesday 19:00-20:30"; classes repeat weekly on that weekday:
ns-ask-time = From when to when? E.g. "7pm to 8:30pm" or 19:00-20:30:
ns-ask-weeks = How many weeks? E.g. "10 weeks" (1–52); public holidays are skipped:
ns-ask-opens = When does sign-up open? E.g. "now", "tomorrow 9am" or "next Monday 09:00":
ns-ask-closes = When does sign-up close? E.g. "next Tuesday 8pm" (before the first class):
# "none": no such days (the other part is then shown alone)
ns-new-holidays = { $skipped ->
        [none] No holidays in the way.
       *[other] Holidays skipped: { $skipped }.
    }{ $unknown ->
        [none] {""}
       *[other] {""} Dates without a published holiday calendar yet (please check): { $unknown }.
    }
ns-new-preview = <b>Preview</b>: saved as a draft. Residents see it once you publish it.
ns-cancelled-conversation = Stopped; nothing was saved.
ns-err-need-text = Please answer with text.
ns-err-empty = This cannot be empty.
ns-err-one-line = Please keep it on one line.
ns-err-too-long = That is too long (at most { $limit } characters).
ns-err-number = Please send a whole number from { $low } to { $high }.
ns-err-fee = Please send an amount such as "30 yuan" or "12.5", or "free" (at most 100000).
ns-err-mode = Please tap "First come, first served" or "Lottery".
# between venue names in the venue question and its error
ns-venue-separator = , { "" }
ns-err-venue = Unknown venue. Known venues: { $known }.
ns-err-date = I could not read that date. Try "next Wednesday", "every Wednesday" or a date as YYYY-MM-DD.
ns-err-first-class-past = That first class would be in the past. Please give a later date, e.g. "next Wednesday" or "every Wednesday".
ns-err-time = Please send a time like 19:00.
ns-err-time-range = Please send a start and end time like "7pm to 8:30pm" or 19:00-20:30 (end after start).
ns-err-moment = I could not read that time. Try "tomorrow 9am" or YYYY-MM-DD HH:MM.
ns-err-window = Sign-up must close after it opens.
ns-err-closes-after-start = Sign-up must close before the first class starts.
ns-err-unknown-column = unknown column
ns-import-ask = Please send the term file as a document: YAML or CSV, at most 512 KB and 200 courses, with the columns title_zh, title_en, description_zh, description_en, teacher, venue, fee, capacity, mode, first_date, time, weeks, opens, closes. /cancel stops.
ns-import-unreadable = I could not read that file. Please send a UTF-8 YAML or CSV file (see the columns above), or /cancel.
ns-import-problems = Nothing was imported: { $count } problem(s) to fix first.
ns-import-problem = Row { $row }, { $field }: { $problem }
ns-import-done = Imported { $count } course(s) as drafts. Publish each from its card.
ns-staff-none = There are no courses yet. Create one with /ns_new or load a term with /ns_import.
ns-staff-title = <b>All courses</b> (newest first):
ns-staff-course-button = #{ $id } { $title } · { $status }
ns-status-draft = draft
ns-status-published = published
ns-status-cancelled = cancelled
ns-mode-fcfs = first come, first served
ns-mode-lottery = lottery
ns-staff-card =
    <b>#{ $id } { $title_zh } / { $title_en }</b>
    Status: { $status } · { $mode }
    Teacher: { $teacher } · Venue: { $venue } · Fee: { $fee }
    Places: { $taken }/{ $capacity } taken · waitlist { $waiting } · applications { $applications }
    Sign-up: { $opens } – { $closes }
ns-staff-card-seed = Lottery seed: { $seed }
ns-staff-card-not-drawn = Lottery seed: not drawn yet
ns-staff-card-sessions =
    Sessions:
    { $sessions }
ns-btn-publish = 📣 Publish
ns-btn-roster = 👥 Roster
ns-btn-xlsx = Excel
ns-btn-csv = CSV
ns-btn-attendance = ✅ Attendance
ns-btn-draw = 🎲 Draw the lottery
ns-btn-cancel-course = ⚠️ Cancel the course
ns-btn-confirm-cancel = Yes, cancel it and tell everyone
ns-confirm-cancel = Cancel this course? Everyone enrolled, offered, waitlisted or applied will be told.
ns-published = Published.
ns-not-draft = This course is not a draft.
ns-already-cancelled = This course is already cancelled.
ns-course-cancelled-staff = Course cancelled; { $count ->
    [one] { $count } person
   *[other] { $count } people
} will be told.
ns-draw-not-found = This course cannot be drawn (not published).
ns-draw-not-lottery = This course is first come, first served.
ns-draw-not-closed = Sign-up is still open; draw after it closes.
ns-draw-already-drawn = This lottery has already been drawn.
ns-drawn = 🎲 Drawn: { $applications } applications, { $winners } places. Seed: <code>{ $seed }</code> (recorded; the draw can be redone with it).
ns-roster-empty = Nobody has signed up yet.
ns-roster-title = <b>Roster</b> ({ $count }):
ns-roster-line = { $status } { $position } { $name } · { $when }
ns-roster-leave = { " " }(🙅 can't come: { $days })
ns-roster-leave-separator = ;{ " " }
ns-roster-more = … and { $count } more (see the Excel file).
ns-state-enrolled = ✅
ns-state-offered = 🎁
ns-state-waitlisted = ⏳
ns-state-applied = 🎟
ns-file-caption = Roster file.
ns-attendance-choose = Which class?
ns-attendance-title = Attendance { $when }: { $present } of { $total } present. Tap a name to change.
ns-attendance-leave = 🙅 { $name } (can't come)
ns-attendance-leaves = 🙅 marks { $count ->
    [one] a student who
   *[other] { $count } students who
} said through the reminder that they can't come.
ns-edit-usage = Usage: <code>/ns_edit course-number what new-value</code>, e.g. <code>/ns_edit 3 fee free</code>; you can change: { $fields }. Course numbers are in the list of courses.

## Sessions and capacity changed by staff (added after the catalog polish)
cmd-ns-session = Move, cancel or add a class
ns-session-cancelled = ❌ The class of <b>{ $title }</b> on { $when } is cancelled. The other classes are unchanged (see /myclasses).
ns-session-added = ➕ A class of <b>{ $title }</b> has been added: <b>{ $when }</b>.
ns-session-cancelled-mark = <s>{ $when }</s> (cancelled)
ns-staff-session-line = Class { $number }: { $when }
ns-staff-session-cancelled = Class { $number }: <s>{ $when }</s> (cancelled)
ns-btn-sessions = 🗓 Sessions
ns-btn-cancel-session = ❌ { $when }
ns-btn-confirm-cancel-session = Yes, cancel this class and tell everyone
ns-confirm-cancel-session = Cancel the class on { $when }? Everyone on the course (enrolled, offered, waitlisted, applied) will be told.
ns-sessions-staff =
    <b>Classes of course #{ $id }</b> (numbered 1, 2, 3… by date on the course card). Tap one below to cancel it, or:
    /ns_session { $id } move &lt;class number&gt; &lt;date&gt; &lt;start-end&gt;, e.g. /ns_session { $id } move 2 2026-03-19 19:00-20:30
    /ns_session { $id } add &lt;date&gt; &lt;start-end&gt;
    /ns_session { $id } cancel &lt;class number&gt;
ns-session-usage = Usage: /ns_session &lt;course id&gt; move &lt;class number&gt; &lt;date&gt; &lt;start-end&gt; · /ns_session &lt;course id&gt; cancel &lt;class number&gt; · /ns_session &lt;course id&gt; add &lt;date&gt; &lt;start-end&gt;. Dates like 2026-03-19, times like 19:00-20:30; the class numbers are on the course card (/ns_courses). Send /ns_session alone to pick the course and class from buttons.
ns-session-moved-staff = Class moved to { $when }; { $count ->
    [one] { $count } person
   *[other] { $count } people
} will be told.
ns-venue-moved-staff = Venue changed; { $count ->
    [one] { $count } person
   *[other] { $count } people
} will be told.
ns-session-added-staff = Class added on { $when }; { $count ->
    [one] { $count } person
   *[other] { $count } people
} will be told.
ns-session-cancelled-staff = Class cancelled; { $count ->
    [one] { $count } person
   *[other] { $count } people
} will be told.
ns-course-kept = All right: { $title } goes ahead as planned.
ns-session-kept = All right: the class on { $when } goes ahead as planned.
ns-capacity-changed = Places changed from { $old } to { $new }; { $offers } offers sent to the waitlist.
ns-refused-not-found = This course no longer exists.
ns-refused-course-cancelled = This course is cancelled; its classes cannot be changed.
ns-refused-no-session = There is no such class on this course (see the numbers on the course card).
ns-refused-session-cancelled = This class is already cancelled.
ns-refused-started = This class has already started or taken place; it cannot be changed.
ns-refused-order = The class must end after it starts, and last at most 12 hours.
ns-refused-range = The new time must be in the future and within two years.
ns-refused-duplicate = There is already a class at that time.
ns-refused-too-many = A course can have at most { $limit } classes.
ns-refused-below-held = Not possible: { $enrolled } people are enrolled and { $offered } have an open offer, so the course needs at least that many places. Lower it after people leave, or cancel the course.
ns-mode-choice-fcfs = First come, first served
ns-mode-choice-lottery = Lottery
ns-field-title-zh = Chinese title
ns-field-title-en = English title
ns-field-description-zh = Chinese description
ns-field-description-en = English description
ns-field-teacher = teacher
ns-field-venue = venue
ns-field-fee = fee
ns-field-capacity = places
ns-leave-confirm = Cancel your place on “{ $title }”? You can undo it for 10 minutes, unless the place has already been offered to someone on the waitlist.
ns-leave-confirm-waitlist = Leave the waitlist for “{ $title }”? You can undo it for 10 minutes and keep your place in line.
ns-btn-confirm-leave = Yes, cancel
ns-btn-keep = No, keep it
ns-btn-undo = ↩️ Undo (for 10 minutes)
ns-result-undone = ↩️ Undone: you are back where you were.
ns-result-undo-expired = Sorry, it is more than 10 minutes since you cancelled, so it cannot be undone. Sign up again if you like.
ns-result-seat-gone = Sorry, the place has already gone to someone else, so it cannot be undone. You can sign up again or join the waitlist.
ns-left-seat-passed-on = Your place has gone to the next person on the waitlist, so this cannot be undone; you can sign up again or join the waitlist.
ns-edit-pick-course = Which course do you want to change? Tap it (or send /ns_edit with its title):
ns-edit-pick-field = What do you want to change in "{ $title }"? Tap it:
ns-edit-ask-value = New { $field }:
ns-session-pick-course = Which course's classes do you want to change? Tap it (or send /ns_session with its title):
ns-session-pick-session = The coming classes of “{ $title }”. Tap one to move or cancel it, or add a class:
ns-session-pick-none = “{ $title }” has no more classes planned. You can add one:
ns-btn-session-add = ➕ Add a class
ns-session-pick-action = What should happen to the class on { $when }?
ns-btn-session-move = 🕘 Move it
ns-btn-session-cancel = ❌ Cancel it
ns-session-ask-move = When should the class on { $when } take place instead? Say it in words, for example: next Thursday 7-8:30pm, or 2026-03-20 19:00-20:30. A day alone keeps the class's hours. Send /cancel to stop.
ns-session-ask-add = When is the new class? Say it in words, for example: 20 March 7-8:30pm, or 2026-03-20 19:00-20:30. A day alone takes the hours of the latest class. Send /cancel to stop.
ns-session-ask-again = Sorry, which day? Name the day, with the hours if they change, for example: next Thursday 7-8:30pm, 20 March, or 2026-03-20 19:00-20:30. Send /cancel to stop.
ns-session-read-as = (I read your words as { $when }–{ $ends }. If that is not what you meant, please say it another way.)
ns-session-dropped = All right, the classes are unchanged.
