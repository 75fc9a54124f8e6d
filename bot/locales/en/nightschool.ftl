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
