# Broadcasts (staff) and topic subscriptions (residents)

cmd-subscriptions = Choose which announcements you get
cmd-broadcast = Send an announcement
cmd-broadcasts = Recent announcements
topic-canteen = Canteen
topic-health = Health
topic-nightschool = Night school
topic-events = Events
subscriptions-prompt = <b>Announcements you receive</b>
    Tap a topic to switch it on or off. Urgent announcements always reach everyone.
subscriptions-button = { $mark } { $topic }
subscriptions-on = You will receive { $topic } announcements.
subscriptions-off = You will no longer receive { $topic } announcements.
broadcast-ask-zh = Please send the <b>Chinese</b> text of the announcement (formatting allowed, e.g. &lt;b&gt;bold&lt;/b&gt;). You may also send a photo with the text as its caption. /cancel stops at any step.
broadcast-ask-photo = Attach a photo? Send it now, or tap Skip.
broadcast-photo-expected = At this step, please send a photo, or tap Skip. The English version comes at the next step.
broadcast-ask-en = Send the <b>English</b> version, or tap Skip (then everyone gets the Chinese one).
broadcast-skip = Skip
broadcast-html-invalid = Telegram would not accept this formatting (problem near { $detail }). Please check the tags, and write a literal &lt; as &amp;lt;.
broadcast-text-empty = The text is empty. Please send the announcement's text.
broadcast-text-too-long = The text is too long: { $length } characters, at most { $detail } allowed (1,024 with a photo). Please shorten it.
broadcast-ask-audience = Who should receive it?
broadcast-audience-everyone = Everyone
broadcast-audience-topic = Followers of a topic
broadcast-audience-language = By language
broadcast-language-zh = Chinese speakers
broadcast-language-en = English speakers
broadcast-audience-course = People of a course
broadcast-course-option = { $en } · { $who }
broadcast-course-enrolled = enrolled
broadcast-course-waitlisted = waitlist
broadcast-course-both = enrolled + waitlist
broadcast-no-options = There is nothing to choose for that audience yet; please pick another.
broadcast-ask-param = Which one?
broadcast-ask-urgent = Is it urgent? Urgent announcements go to everyone, whatever topics they follow, even during quiet hours.
broadcast-normal = Normal
broadcast-urgent = ⚠️ Urgent
broadcast-now = Send now
broadcast-ask-when = When? Tap "Send now", or write a day and time, such as "tomorrow 9am", "Friday 3pm" or <code>2026-03-05 09:00</code>.
broadcast-bad-when = I could not read that time. Please give a day and a time, such as "tomorrow 9am", "Friday 3pm" or <code>2026-03-05 09:00</code>, or tap "Send now".
broadcast-when-past = That time has already passed. Please give a later one, or tap "Send now".
broadcast-when-too-far = Announcements can be scheduled at most 90 days ahead. Please give an earlier time.
broadcast-when-read = 🕒 Got it: to be sent { $when }.
broadcast-preview-zh = Preview — what Chinese-speaking residents will see:
broadcast-preview-en = Preview — what English-speaking residents will see:
broadcast-refused = Telegram refused the text ({ $error }). Let's start again.
broadcast-summary = <b>Ready to send</b>
    Audience: { $audience } — { $size ->
        [one] { $size } person
       *[other] { $size } people
    }
    Type: { $urgent }
    When: { $when }{ $quiet }
    Valid: { $valid }
broadcast-when-now = now
broadcast-quiet-moved = {" "}(moved to the end of quiet hours)
broadcast-confirm = ✅ Confirm
broadcast-cancel = ✖️ Cancel
broadcast-draft-cancelled = The announcement was not sent.
broadcast-unexpected = That's not what I asked for at this step. Please answer the last question, or send /cancel.
broadcast-seconds = { $n } s
broadcast-minutes = { $m } min { $s } s
broadcast-progress-title = <b>Announcement #{ $id }</b>
broadcast-progress-scheduled = Scheduled for { $when }
broadcast-progress-figures = Sent { $sent } / { $total } · failed { $failed } · blocked { $blocked } · remaining { $remaining }
broadcast-progress-eta = About { $eta } left
broadcast-status-scheduled = 🕒 Scheduled, not started yet
broadcast-status-sending = 📤 Sending…
broadcast-status-paused = ⏸ Paused
broadcast-status-cancelled = ✖️ Cancelled ({ $cancelled } not sent)
broadcast-status-done = ✅ Finished
broadcast-pause = ⏸ Pause
broadcast-resume = ▶️ Resume
broadcast-stop = ✖️ Cancel
broadcast-control-pause = Paused.
broadcast-control-resume = Resumed.
broadcast-control-cancel = Cancelled.
broadcast-control-stale = This announcement can no longer be changed that way.
broadcast-control-finished = This announcement has already gone out to everyone; it can no longer be paused or cancelled.
broadcasts-title = <b>Recent announcements</b>
broadcasts-line = #{ $id } { $at } · { $author } · { $status } · sent { $sent }/{ $total }, failed { $failed }, blocked { $blocked }, expired { $expired }, remaining { $remaining }
broadcasts-none = No announcements yet.
broadcast-state-scheduled = scheduled
broadcast-state-sending = sending
broadcast-state-paused = paused
broadcast-state-cancelled = cancelled
broadcast-state-done = finished
broadcast-progress-valid-until = Valid until: { $when } (expired messages are not sent)
broadcast-progress-expired = ⌛ { $expired } could not go out in time and expired; they will not be sent.
broadcast-valid-none = no end
broadcast-valid-until = until { $when }
broadcast-valid-suggested = until { $when } (set from the date in the text)
broadcast-valid-button = ⏳ Change validity
broadcast-valid-forever = No end
broadcast-ask-valid = Until when is this message worth sending? Type a date or time, e.g. "1 Dec" or "tomorrow 6pm", or tap "No end". Messages not sent by then are never sent.
broadcast-bad-valid = I could not read that time, or it is before sending starts. Type e.g. "1 Dec" or "tomorrow 6pm", or tap "No end".
broadcast-audience-chosen = { $audience }: { $choice }
