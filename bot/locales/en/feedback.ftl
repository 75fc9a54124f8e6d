# Canteen feedback: the resident's flow, staff alerts and answers, the organisers' digest

cmd-feedback = Rate today's canteen meals
cmd-cancel = Stop what you are doing
cmd-digest = Canteen feedback digest (date or range)
cmd-export = Export canteen feedback (Excel and CSV)
cmd-digestsettings = My daily digest: time, on/off

feedback-meal-breakfast = Breakfast
feedback-meal-lunch = Lunch
feedback-meal-dinner = Dinner
feedback-meal-selected = ✅ { $meal }
feedback-meal-already = { $meal } is already chosen: now tap the stars.

feedback-tag-taste = Taste
feedback-tag-price = Price
feedback-tag-portion = Portion
feedback-tag-hygiene = Hygiene
feedback-tag-service = Service
feedback-tag-waiting = Waiting time
feedback-tag-variety = Variety
feedback-tag-selected = ✅ { $label }

feedback-star-1 = ★☆☆☆☆  1 · Very poor
feedback-star-2 = ★★☆☆☆  2 · Poor
feedback-star-3 = ★★★☆☆  3 · OK
feedback-star-4 = ★★★★☆  4 · Good
feedback-star-5 = ★★★★★  5 · Excellent

feedback-start =
    🍚 <b>{ $meal } today: how was it?</b>
    Tap the stars. (Another meal? Tap it in the first row.)
feedback-start-day =
    🍚 <b>{ $meal } on { $day }: how was it?</b>
    The canteen is closed today, so this is about the last day it was open. Tap the stars. (Another meal? Tap it in the first row.)
feedback-start-words = Your words are already in the comment: “{ $comment }” (you can change it after the stars)
feedback-stars-waiting-words = This step is still waiting for your stars (1–5). Your words are already in the comment: “{ $comment }” (anything more you send is added to it; you can change it after the stars)
feedback-stars-waiting-asked = “{ $asked }” looks like a question, so it is not in the comment. To ask it, tap “Cancel” first and then ask me; if it is part of your comment, tap “Put it in the comment”. This step is still waiting for your stars (1–5).
feedback-tags-prompt =
    { $meal }: { $stars }. Thank you!
    What stood out? Pick any tags, then tap <b>Next</b>.
    You can also just type a comment now.
feedback-comment-prompt = Would you like to add a comment? Type it now (up to { $limit } characters), or tap <b>Skip</b>.
feedback-comment-prompt-kept =
    Your comment: “{ $comment }”
    To change it, type a new one (up to { $limit } characters); otherwise tap <b>Keep it</b>.
feedback-comment-too-long = Sorry, that is a little long: please keep it within { $limit } characters (yours has { $length }). Could you shorten it and send it again?
feedback-comment-cut = Your comment is long ({ $length } characters), so I have kept the first { $limit }.
feedback-comment-expected = Please type your comment as text, or tap <b>Skip</b>.
feedback-comment-expected-kept = Please type a new comment as text, or tap <b>Keep it</b>.
feedback-photos-prompt = You may send up to { $limit } photos (optional). No photos? Tap <b>No photos, next</b>.
feedback-photo-added = Photo { $count } of { $limit } received. Send another, or tap <b>That's all, next</b>.
feedback-photos-full = That's the maximum of { $limit } photos; let's go on.
feedback-photos-expected = This step takes photos only. No photos? Tap <b>No photos, next</b>.
feedback-photos-expected-some = This step takes photos only. Finished? Tap <b>That's all, next</b>.
feedback-anon-prompt = Should the canteen team see your name with this feedback?
feedback-summary =
    <b>Please check your feedback, then tap “{ $confirm }”:</b>
    Meal: { $meal } on { $day }
    Stars: { $stars }
    Tags: { $tags }
    Comment: { $comment }
    Photos: { $photos ->
        [0] none
        [one] one
       *[other] { $photos }
    }
    { $anonymous ->
        [yes] The canteen will not see your name.
       *[no] The canteen will see your name.
    }
feedback-summary-none = —
feedback-summary-replaces = Note: this replaces the feedback you gave earlier today ({ $meal }).
feedback-thanks = Thank you! Your feedback has been sent to the canteen team. 🙏
feedback-thanks-updated = Thank you! Your earlier feedback on this meal today has been updated. 🙏
feedback-thanks-low = We are sorry it was not good. The canteen team has been told and may answer you here.
feedback-saved-on-leaving = ✅ I have sent your rating as you left it ({ $photos ->
        [0] no photos
        [one] one photo
       *[other] { $photos } photos
    }, { $anonymous ->
        [yes] without your name
       *[no] with your name
    }). Thank you! 🙏
feedback-saved-on-leaving-updated = ✅ I have sent your rating as you left it, replacing your earlier one on this meal today ({ $photos ->
        [0] no photos
        [one] one photo
       *[other] { $photos } photos
    }, { $anonymous ->
        [yes] without your name
       *[no] with your name
    }). Thank you! 🙏
feedback-help-rating = This step asks how the meal was: just tap one of the stars below. Five stars (★★★★★) is excellent, one star (★☆☆☆☆) is very poor. To rate another meal, first tap Breakfast, Lunch or Dinner in the top row.
feedback-help-tags = This step lets you pick what stood out: tap a tag to tick it, tap it again to untick it. When you are done (or if you want none), tap “{ $next }”. You can also just type a few words to me.
feedback-help-comment = This step is for a few words about the meal: just type them and send. No comment? Tap “{ $skip }”; to keep the comment you already have, tap “{ $keep_comment }”.
feedback-help-photos = This step is for photos (you do not have to send any): tap the 📎 (paperclip) next to the typing box, choose a photo and send it. No photos? Tap “{ $no_photos }”; when you have sent them all, tap “{ $photos_done }”.
feedback-help-anonymity = This step asks whether the canteen may see your name. Yes: tap “{ $show_name }”; no: tap “{ $anonymous }”.
feedback-help-confirm = Please read what is written above; if it is right, tap “{ $confirm }” and your feedback goes to the canteen.
feedback-help-leave = To stop, tap “{ $cancel }” or type “cancel”; nothing will be saved.
feedback-cancelled = Cancelled; nothing was saved.
feedback-invalid = Sorry, that choice is not valid. Please start again with /feedback.
feedback-flood = You have sent a lot of feedback in the past hour (limit { $limit }). Please try again a little later. Thank you for caring!
feedback-expired = This feedback form has expired. Send /feedback to start again.

feedback-button-next = Next ▶
feedback-button-skip = Skip
feedback-button-no-photos = No photos, next ▶
feedback-button-photos-done = That's all, next ▶
feedback-button-keep-comment = Keep it ▶
feedback-button-keep-asked = ✎ Put it in the comment
feedback-button-cancel = ✖ Cancel
feedback-button-confirm = ✅ Send
feedback-button-show-name = 👤 Show my name
feedback-button-anonymous = 🙈 Stay anonymous

feedback-anonymous-person = an anonymous resident
feedback-alert =
    ⚠️ <b>Low rating</b>: { $meal } { $day }, { $stars }
    From: { $who }
feedback-alert-tags = Tags: { $tags }
feedback-alert-comment = Comment: { $comment }
feedback-alert-photos = 📷 { $count ->
        [one] 1 photo attached
       *[other] { $count } photos attached
    }
feedback-button-reply = ✉️ Reply
feedback-button-resolve = ✅ Mark resolved
feedback-button-photos = 📷 Photos
feedback-reply-prompt = Write your answer to feedback #{ $id } as a reply to this message (up to { $limit } characters). The resident gets it from the bot; anonymous residents stay anonymous. /cancel to stop.
feedback-reply-bounds = Please write an answer of 1 to { $limit } characters.
feedback-reply-sent = Sent. The resident will receive your answer.
feedback-reply-missing = That feedback no longer exists.
feedback-resolved-done = Marked resolved; the resident has been told.
feedback-reply-forgotten-short = This resident has deleted their personal data; no reply is possible.
feedback-reply-forgotten = This resident has deleted their personal data, so they can no longer be answered. Feedback #{ $id } is kept anonymously and still counts as an open low rating; once it is dealt with, press “✅ Mark resolved”.
feedback-resolved-quietly = Marked resolved (the resident has deleted their personal data and is not told).
feedback-resolved-already = Already resolved.
feedback-resolved-marker = ✅ Resolved by { $name }
feedback-photos-none = This feedback has no photos.
feedback-answer =
    💬 <b>The canteen team answered your feedback</b> ({ $meal }, { $day }):
    { $answer }
feedback-resolved-notice = ✅ The canteen team has dealt with your feedback ({ $meal }, { $day }). Thank you for telling us!

digest-period-day = { $weekday } { $day }
digest-period-range = { $start } to { $end }
digest-title = 📊 <b>Canteen feedback: { $period }</b>
digest-late = ⏰ Sent late: it was due at { $time }, when the bot was not running.
digest-empty = No feedback today.
digest-summary = Responses: <b>{ $count }</b> · average <b>{ $average }</b> of 5 ({ $change })
digest-change = { $delta } vs the previous 7 days' { $baseline }
digest-change-none = no feedback in the previous 7 days to compare
digest-stars-title = <b>Stars</b>
digest-meals-title = <b>Per meal</b>
digest-meal-line = { $meal }: { $count } · average { $average }
digest-tags = <b>Most mentioned</b>: { $tags }
digest-lowest-title = <b>Lowest-rated comments</b>
digest-comment =
    { $stars } { $meal } { $day } · { $who }
    <i>{ $comment }</i>
digest-unresolved-count = <b>Unresolved low ratings</b>: { $count }
digest-unresolved-line = #{ $id } { $day } { $meal } { $stars }
digest-unresolved-none = No unresolved low ratings. 👍
digest-chart-caption = Canteen feedback { $start } to { $end }: bars = responses per day, red line = average rating (1–5).
digest-bad-period = Please give a date as YYYY-MM-DD, "today", "yesterday", or a range such as "YYYY-MM-DD to YYYY-MM-DD" or "1 Dec - 7 Dec" (at most { $max_days } days).
digest-range-too-long = That range is too long: at most { $max_days } days, please.
digest-future = That date is in the future.
digest-settings =
    <b>Your daily canteen digest</b>: { $state }, at { $time } (Shanghai time).
    Change it with the buttons, or send e.g. <code>/digestsettings 21:15</code>.
digest-state-on = on
digest-state-off = off
digest-button-on = 🔔 Turn on
digest-button-off = 🔕 Turn off
digest-button-time = 🕘 { $time }
digest-settings-saved = Saved.
digest-settings-bad-time = Please give a time as HH:MM (24-hour), or "on" / "off".
export-done = Feedback from { $start } to { $end }: { $count } entries (anonymous entries without name).
export-empty = No feedback between { $start } and { $end }.
digest-tag-count = { $tag } ({ $count })
digest-chart-responses = responses
digest-chart-average = average rating (1–5)
digest-chart-title = Canteen feedback { $start } to { $end }
digest-chart-title-empty = Canteen feedback
