# Opening hours: every venue's status, its week, and staff's ad-hoc changes

cmd-hours = Opening hours of every venue
cmd-closure = Close a venue for a date or range
cmd-special = Set special hours for a venue
cmd-exceptions = List upcoming closures and special hours
cmd-unexception = Remove a closure or special hours

hours-overview-title = 🕘 <b>Opening hours</b> · { $date } { $time }
hours-overview-footer = Tap a venue below to see its week.
hours-open-now = 🟢 <b>{ $venue }</b> open now, until { $until }
hours-open-now-soon = 🟢 <b>{ $venue }</b> open now, until { $until } (closes in { $minutes } min)
hours-closed-now = 🔴 <b>{ $venue }</b> closed now
hours-today-closed = { "   " }closed today{ $why }
hours-today = { "   " }today { $hours }
hours-closed-until = 🔴 <b>{ $venue }</b> closed · opens { $when }
hours-closed-until-unsettled = 🔴 <b>{ $venue }</b> closed · reopening depends on the { $year } holiday notice
hours-next-open = Next opens: { $when }
hours-next-open-unsettled = Next opens: not known until the { $year } holiday notice is out.
hours-no-next = No opening planned in the next two weeks; please call.
hours-no-hours = No fixed opening hours; please call.
hours-why = { " " }({ $reason })

hours-week-title = <b>{ $venue }</b> · the next 7 days
hours-week-title-from = <b>{ $venue }</b> · the week from { $date }
hours-week-line = { $mark } { $date }: { $hours }
hours-week-where = 📍 { $address }
hours-week-phone = ☎️ { $phone }
hours-week-back = « All venues
hours-unknown-venue = I found no venue called "{ $venue }"; here are the hours of every venue.

hours-day-answer = <b>{ $venue }</b> · { $date }: { $hours }
hours-day-closed = closed
hours-statutory-closed = <b>{ $venue }</b> is closed on { $date }: { $festival } is a statutory public holiday.
hours-closed-run = Over the holiday, <b>{ $venue }</b> is closed from { $first } to { $last }.
hours-closed-run-statutory = Over { $festival }'s statutory days, <b>{ $venue }</b> is closed from { $first } to { $last }; the actual break may be longer.
hours-unsettled-holiday = The { $year } holiday notice (bridge days and make-up working days) is not out yet, so the days around it may still change.
hours-unsettled = ⚠️ The { $year } holiday notice is not out yet; days around public holidays may still change.
hours-now-open = Open now, until { $until }.
hours-now-open-soon = Open now, until { $until } (closes in { $minutes } min).
hours-now-open-overnight = Open now ({ $night }'s late opening), until { $until }.
hours-now-open-overnight-soon = Open now ({ $night }'s late opening), until { $until } (closes in { $minutes } min).
hours-now-closed = Closed now.
hours-until-next-day = { $time } (next day)

hours-reason-holiday = { $festival } holiday
hours-reason-holiday-open = open as usual during { $festival }
hours-reason-makeup = { $festival } make-up working day: open with { $weekday }'s hours
hours-reason-makeup-plain = make-up working day: open with { $weekday }'s hours
hours-reason-makeup-closed = make-up working day with { $weekday }'s hours: this venue is closed on { $weekday }s
hours-reason-exception-closed = special closure
hours-reason-exception-hours = special hours
hours-reason-weekly-closed = regular day off

hours-interval = { $start }–{ $end }
hours-interval-overnight = { $start }–{ $end } (next day)
hours-interval-labelled = { $interval } { $label }
hours-label-breakfast = breakfast
hours-label-lunch = lunch
hours-label-dinner = dinner
hours-interval-separator = , { "" }

hours-when = { $date } { $time }
hours-when-today = today { $time }
hours-when-tomorrow = tomorrow { $time }

hours-festival-new_year = New Year's Day
hours-festival-spring_festival = Spring Festival
hours-festival-tomb_sweeping = Qingming Festival
hours-festival-labour_day = Labour Day
hours-festival-dragon_boat = Dragon Boat Festival
hours-festival-mid_autumn = Mid-Autumn Festival
hours-festival-national_day = National Day
hours-festival-other = public holiday

hours-staff-unknown-venue = There is no venue { $venue }. Venues: { $venues }
hours-staff-bad-date = I can't read the date "{ $text }". Write "tomorrow", "next Thursday", "24 Dec to 26 Dec" or 2026-12-03.
hours-staff-bad-hours = I can't read the hours "{ $text }". Write "9am-12pm, 2pm-5pm" or 09:00-12:00, several separated by commas.
hours-staff-error-dates_reversed = The end date is before the start date.
hours-staff-error-in_the_past = That date has already passed.
hours-staff-error-too_long = At most one year at a time.
hours-staff-dates-again = Please write the days again, e.g. "24 Dec to 26 Dec" or "5-10 December".
hours-staff-error-reason_too_long = The reason is too long; keep it under 200 characters.
hours-staff-error-unknown_venue = There is no such venue.
hours-staff-saved-closed = ✅ Saved: <b>{ $venue }</b> closed { $range }{ $why }. (#{ $id }) Residents see it right away.
hours-staff-saved-hours = ✅ Saved: <b>{ $venue }</b> open { $hours } on { $range }{ $why }. (#{ $id }) Residents see it right away.
hours-staff-range = { $start } to { $end }
hours-staff-list-title = <b>Upcoming closures and special hours</b>
hours-staff-list-empty = There are no closures or special hours.
hours-staff-list-closed = #{ $id } <b>{ $venue }</b> { $range } closed{ $why } · by { $who }
hours-staff-list-hours = #{ $id } <b>{ $venue }</b> { $range } { $hours }{ $why } · by { $who }
hours-staff-list-footer = Remove one: /unexception (then tap it)
hours-staff-unexception-usage = Send /unexception alone to pick from the list, or /unexception with its number.
hours-staff-removed = ✅ Removed #{ $id } ({ $venue } { $range }).
hours-staff-not-found = No active change #{ $id } (perhaps already removed).
hours-someone = staff
hours-day-overview-title = <b>Every venue on { $date }</b>
hours-day-overview-line = { $venue }: { $hours }
hours-days-overview-title = <b>Every venue, { $first } to { $last }</b>
hours-days-overview-venue = { $venue }:
hours-days-overview-part = { "  " }· { $days }: { $hours }
hours-days-range = { $first }–{ $last }
hours-days-separator = , { "" }
hours-venue-title = <b>{ $venue }</b>
hours-venue-notes = ℹ️ { $notes }
hours-venue-today = 🕘 Today: { $hours }
hours-week-button = 📅 { $venue }: the week
hours-staff-reason-only-en-missing = ℹ️ The reason is in Chinese only: English readers see "{ $fallback }". To give both, separate them with a bar, e.g. 设备检修 | maintenance
hours-staff-reason-only-zh-missing = ℹ️ The reason is in English only: Chinese readers see "{ $fallback }". To give both, separate them with a bar, e.g. 设备检修 | maintenance
hours-staff-pick-withdraw = Which one do you want to withdraw? Tap it:
hours-staff-pick-line = #{ $id } { $venue } { $range }
hours-btn-pin = 📍 Map
hours-exc-ask-venue-closed = Which venue closes? Tap one, or type its name (Chinese or English). Send /cancel to stop.
hours-exc-ask-venue-hours = Which venue gets special hours? Tap one, or type its name (Chinese or English). Send /cancel to stop.
hours-exc-ask-dates = <b>{ $venue }</b>: which day? Write "tomorrow", "next Thursday" or "24 Dec to 26 Dec".
hours-exc-ask-hours = Opening hours on { $range }? For example "9am-12pm, 2pm-5pm" or 09:00-12:00.
hours-exc-ask-reason = What is the reason? Residents see it when they ask. For both languages separate them with a bar, e.g. 设备检修 | maintenance. No reason: tap the button below.
hours-exc-btn-no-reason = No reason
hours-exc-preview-closed =
    <b>Please check</b>
    <b>{ $venue }</b> { $range }: closed
    { $reasons }
    Once published, residents see it when they ask.
hours-exc-preview-hours =
    <b>Please check</b>
    <b>{ $venue }</b> { $range }: open { $hours }
    { $reasons }
    Once published, residents see it when they ask.
hours-exc-readers =
    Chinese readers see: { $zh }
    English readers see: { $en }
hours-exc-no-reason = No reason
hours-exc-overlap =
    ⚠️ { $count ->
        [one] An entry already covers
       *[other] { $count } entries already cover
    } some of these days:
    { $existing }
    If you publish, this new one applies on the shared days; the existing { $count ->
        [one] entry stays
       *[other] entries stay
    } (remove with /unexception). Publish or drop?
hours-exc-overnight = ⚠️ { $hours } runs past midnight into the next day. If the venue really opens that late, tap "Publish"; if it is a typo (say, 9:00-18:00 was meant), tap "Drop" and send it again.
hours-exc-btn-confirm = ✅ Publish
hours-exc-btn-drop = ✖️ Drop
hours-exc-dropped = Dropped, nothing was saved.
hours-exc-press-a-button = Please tap "Publish" or "Drop" below.
hours-exc-text-only = Please type your answer, or tap a button. Send /cancel to stop.
hours-booked-title = ⚠️ Already booked in <b>{ $venue }</b> during this time:
hours-booked-class = · { $when } { $title } (class, { $count } signed up)
hours-booked-event = · { $when } { $title } (event, { $count } signed up)
hours-booked-ask = Cancel them and tell everyone signed up? If one has moved elsewhere, tap "Keep".
hours-btn-booked-cancel = ❌ Cancel { $title }, { $day }
hours-btn-booked-keep = ✔️ Keep
hours-btn-booked-cancel-all = ❌ Cancel all and tell everyone
hours-btn-booked-keep-all = ✔️ Keep all
hours-booked-cancelled = ❌ Cancelled { $title } ({ $when }); { $count ->
        [0] nobody was signed up.
        [one] 1 person told.
       *[other] { $count } people told.
    }
hours-booked-kept = ✔️ Kept { $title } ({ $when }); nobody was told. If it moved, remember to tell the people signed up.
hours-booked-gone = Nothing changed: that one is already cancelled, has started or was moved.
hours-booked-closure-gone = That closure has been withdrawn; no class or event was changed.
hours-booked-none-left = Everything listed here has been dealt with already.
hours-booked-preview = ⚠️ { $count ->
        [one] 1 class or event is
       *[other] { $count } classes or events are
    } booked in { $venue } during this time. Once published, they are listed: cancel them and tell everyone signed up, or keep them.
hours-unbooked-title = ⚠️ The classes and events cancelled during this time stay cancelled: withdrawing the closure does not bring them back, and residents are not told anything new:
hours-unbooked-class = · { $when } { $title } (class)
hours-unbooked-event = · { $when } { $title } (event)
hours-unbooked-foot = To hold them after all, schedule them again (/newevent or /ns_session) and tell the people who had signed up.
hours-booked-more = …and { $count } more not listed here: use /ns_session or /cancelevent for them.
hours-withdraw-confirm =
    Withdraw this one?
    { $line }
    { $venue } then goes back to its usual hours on those days; residents see it as soon as you confirm.
hours-btn-withdraw-confirm = ✅ Withdraw it
hours-btn-withdraw-keep = Keep it
hours-withdraw-kept = All right: #{ $id } stays, nothing was changed.
