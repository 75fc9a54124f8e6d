# Privacy: the notice, /mydata, /forgetme

privacy-notice =
    <b>🔒 Your data at the front desk</b>
    <b>What we store:</b> your Telegram name, username and id, your language, and what you do here — class enrolments and waitlists, event sign-ups, reminder settings, feedback and questions, and the messages we send you.
    <b>Why:</b> only to answer you, keep your places and remind you. Nothing is sold or used for advertising.
    <b>How long:</b> while you use the bot. Names on feedback and answered questions are removed after { $identity_days } days; if you block the bot, everything is deleted after { $blocked_days } days.
    <b>Who sees it:</b> the centre's staff who run the class, event or feedback concerned. Anonymous feedback never shows your name.
    /mydata sends you a copy of everything; /forgetme deletes it; /privacy shows this again.
privacy-export-filename = frontdesk-my-data-{ $date }.json
privacy-export-caption = Everything the front desk holds about you (JSON).
privacy-summary-title = <b>What we hold about you</b>
privacy-summary-profile =
    Name: { $name }
    Username: { $username }
    Language: { $language }
    First contact: { $since }
privacy-summary-line = • { $title }: { $count }
privacy-summary-none = Nothing held: { $titles }.
privacy-summary-none-separator = ;{" "}
privacy-summary-footer = The attached file has the details. /forgetme deletes all of it.
privacy-section-roles = Staff roles
privacy-section-messages = Announcements, notices and reminders we sent you (instant replies to your messages are not kept)
privacy-section-audit = Staff actions by or about you
privacy-section-forms = Forms you have started but not finished
privacy-section-inbox = Recent messages and taps we received (once handled, kept without their content; deleted automatically)
privacy-section-tickets = Your conversations with staff
privacy-section-surveys = Your survey answers
privacy-section-questions = Questions you asked staff
privacy-section-follow-ups = Opening hours you just asked about (deleted after half an hour)
privacy-section-feedback = Canteen feedback you gave
privacy-section-digest = Your feedback digest settings
privacy-section-reminders = Your reminder settings
privacy-section-events = Event sign-ups
privacy-section-nightschool = Classes and attendance
privacy-not-set = —
privacy-forget-confirm =
    <b>Delete all your data?</b>
    This deletes your profile, language, questions, subscriptions and reminders; cancels your class enrolments, waitlist places and event sign-ups (your seats go to the next person); and keeps your feedback only without your name. It cannot be undone. If you write again later, you start as a new resident.
privacy-forget-yes = 🗑 Yes, delete everything
privacy-forget-no = Keep my data
privacy-forget-kept = Nothing was deleted; your data is kept.
privacy-forgotten = Done: your data has been deleted. Thank you for using the front desk. If you write again, you start afresh.
privacy-forget-expired = This confirmation has expired or is not yours. Send /forgetme again.
cmd-privacy = How we handle your data
cmd-mydata = Get a copy of your data
cmd-forgetme = Delete your data
privacy-notice-short =
    🔒 We keep only what we need to help you (your name, language, sign-ups and messages); nothing is sold or used for ads.
    /mydata to see it · /forgetme to delete it · the button below for the full text.
privacy-btn-full = 📄 Full text
