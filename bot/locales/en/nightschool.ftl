# Night school: courses, sign-up, waitlists, offers, lottery, staff tools

ns-when = { $weekday } { $day }/{ $month } { $time }
ns-weekday-0 = Mon
ns-weekday-1 = Tue
ns-weekday-2 = Wed
ns-weekday-3 = Thu
ns-weekday-4 = Fri
ns-weekday-5 = Sat
ns-weekday-6 = Sun
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
ns-lottery-won = 🎉 Lottery result for <b>{ $title }</b>: you have a place! See /myclasses for your sessions. (Draw seed: { $seed })
ns-lottery-waitlisted = Lottery result for <b>{ $title }</b>: you were not drawn this time, and you are on the waitlist in drawn order. If a place frees up, you will get an offer. Your position is in /myclasses. (Draw seed: { $seed })
cmd-classes = Night school classes
cmd-myclasses = My classes
ns-list-title = <b>📚 Night school: classes open for sign-up</b>
ns-list-line = • { $title } — { $seats }
ns-list-seats = { $left } seats left
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
ns-seats-left = { $left } of { $capacity } seats left
ns-seats-full = Full ({ $capacity } seats); { $waiting } on the waitlist
ns-seats-lottery = Lottery for { $capacity } seats; { $applications } applications so far
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
ns-result-not-yours = This offer is not yours.
ns-result-offer-gone = This offer is no longer valid.
ns-result-nothing = You are not signed up for this course.
ns-my-title = <b>📚 My classes</b>
ns-my-empty = You are not signed up for any class. Tap /classes to see what is open.
ns-my-line =
    <b>{ $title }</b> ({ $venue })
    { $status }
    Next class: { $next }
ns-my-no-next = none scheduled
ns-ics-caption = Your class sessions: open the file to add them to your calendar.
ns-ics-not-yours = The calendar is for people signed up for this course.
