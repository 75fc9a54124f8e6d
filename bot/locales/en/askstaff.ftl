# Ask a person: residents pass a question to staff, staff answer

cmd-ask = Send a question to the staff
cmd-questions = Residents' questions waiting for an answer
cmd-answer = Answer a resident's question

ask-sent = ✅ Passed on to the staff (question #{ $id }). Their answer will appear here.
ask-feedback-thanks = Thank you for telling us! 🙏 Your words go to the staff just as you wrote them.
ask-draft-invalid = This button is no longer valid (the question may already have been sent). You can send it again with /ask followed by your question.
ask-error-empty = Please write your question after /ask, for example: /ask Can we borrow the activity room at the weekend?
ask-error-too_long = The question is too long; please keep it under 1000 characters.
ask-error-answer_empty = The answer cannot be empty.
ask-error-answer_too_long = The answer is too long; please keep it under 2000 characters.
ask-error-not_found = There is no question #{ $id }. If it is a ticket, reply in its thread (/tickets lists them).
ask-error-already_answered = Question #{ $id } has already been answered.
ask-staff-notice =
    ❓ #{ $id } A question from { $name }:
    { $text }
    Reply to this message to answer, or send /answer { $id } your answer
ask-staff-notice-part =
    ❓ #{ $id } A question from { $name } (part { $part } of { $parts }):
    { $text }
    Reply to this message to answer, or send /answer { $id } your answer
ask-answer-to-resident =
    💬 Your question #{ $id } has an answer
    Q: { $question }
    A: { $answer }
    — { $name }
ask-answer-saved = ✅ Answer sent to { $name } (question #{ $id }).
ask-answer-usage = Usage: reply to the question's notification, or send <code>/answer number your answer</code>
ask-open-title = <b>Questions waiting for an answer</b>
ask-open-empty = No questions are waiting. Conversations residents opened (tickets) are listed by /tickets.
ask-open-line = #{ $id } { $name } ({ $when }): { $text }
ask-open-footer = Tap a button below to answer, or reply to the notification.
ask-pick-button = Answer #{ $id } ({ $name })
ask-pick-prompt = Send your answer to #{ $id } (or /cancel):
ask-pick-cancelled = Cancelled: no answer was sent.

# The helpdesk (issue 15): a conversation with staff in a staff group's topic
cmd-done = End the conversation with staff
cmd-tickets = Open tickets and how long they have waited
cmd-ban = In a ticket's topic: block this resident's messages
cmd-unban = In a ticket's topic: lift the block
menu-ask = 🙋 Talk to a person

hd-opened =
    🙋 You are through to the staff (ticket #{ $id }).
    Send text, voice notes, photos, videos, files or a location; staff will answer here.
    { $hours }
    Until you end the conversation, what you send goes to the staff, even if you use other features (such as the class list) in between. When you are done, send /done or press the button below.
hd-opened-with =
    🙋 Your message went to the staff (ticket #{ $id }); they will answer here.
    { $hours }
    You can keep sending text, voice notes or photos, even after using other features; send /done or press the button below to finish.
hd-hours-open = Staff are in now (until { $until } today) and usually answer soon.
hd-hours-closed = Staff are not in now; they are next in on { $when } and will answer then.
hd-hours-unknown = Staff will answer as soon as they can.
hd-button-leave = End the conversation
hd-leave-hint = That message went to the staff too. If you meant to end the conversation with them, press the button below or send /done.
hd-left = The conversation has ended. Staff's answers still come here; press "Talk to a person" or send /ask when you need them.
hd-not-in-conversation = You are not talking with staff now. Press "Talk to a person" or send /ask when you need them.
hd-banned = Sorry, your messages cannot be passed on to staff at the moment. For anything urgent, please call the centre.
hd-closed-ask = Staff closed ticket #{ $id }. Was your problem solved?
hd-solved-yes = 👍 Solved
hd-solved-no = 👎 Not solved
hd-rated-yes = 👍 Thank you, glad we could help!
hd-rated-no = 👎 Thank you for telling us; we will do better. Send /ask to reach staff again.
hd-rate-invalid = This button is no longer valid (you may have answered already).
hd-age = { $hours } h { $minutes } min

hd-card =
    🎫 Ticket #{ $id } · { $name } (language: { $language })
    Reply in this topic to answer the resident (text, photos and voice notes all work).
hd-button-claim = ✋ Claim
hd-button-close = ✅ Close ticket
hd-button-faq = 📚 FAQ answer
hd-sign-name = ✍️ Signed: my name
hd-sign-centre = ✍️ Signed: the centre
hd-sign-now-name = Replies will carry your name.
hd-sign-now-centre = Replies will be signed with the centre's name.
hd-claimed = ✋ { $name } claimed ticket #{ $id }.
hd-claimed-toast = You claimed ticket #{ $id }.
hd-claim-invalid = Cannot claim: the ticket is closed or already yours.
hd-closed-staff = ✅ { $name } closed ticket #{ $id }; the resident was asked whether it was solved.
hd-closed-toast = Ticket #{ $id } closed.
hd-close-invalid = This ticket is already closed.
hd-refused-closed = This ticket is closed; your message did not go to the resident.
hd-faq-pick = Pick the answer to send to the resident (ticket #{ $id }):
hd-faq-none = There are no FAQ answers to send.
hd-faq-sent = The answer went to the resident.
hd-unreachable = ⚠️ Ticket #{ $id }: the resident blocked the bot; messages cannot reach them.
hd-unreachable-mark = (unreachable)
hd-escalated = ⏰ Ticket #{ $id } ({ $name }) has had no answer for over { $minutes } minutes of opening hours. Please have someone take it.
hd-ban-usage = Use /ban or /unban in the resident's ticket topic.
hd-banned-staff = 🚫 The resident of ticket #{ $id } is blocked: their messages are dropped and recorded, never passed on.
hd-banned-staff-already = The resident of ticket #{ $id } is already blocked.
hd-unbanned-staff = The resident of ticket #{ $id } is no longer blocked.
hd-unbanned-staff-already = The resident of ticket #{ $id } was not blocked.
hd-tickets-empty = No open tickets.
hd-tickets-title = <b>Open tickets ({ $count })</b>
hd-tickets-line = #{ $id } { $name } · { $status } · by { $who } · waiting { $age }{ $unreachable }
hd-tickets-button = #{ $id } { $name }
hd-ticket-head = 🎫 Ticket #{ $id } · { $name } · { $status } · by { $who } · waiting { $age }{ $unreachable }
hd-ticket-said = 👤 { $text }
hd-ticket-said-media = [{ $kind ->
    [photo] photo
    [voice] voice note
    [audio] audio
    [video] video
    [video_note] video
    [document] file
    [location] location
    [contact] contact
    [sticker] sticker
   *[other] attachment
}]
hd-ticket-in-topic = Answer in the ticket's topic (tap “Open topic” below).
hd-ticket-in-private = Tap “Reply” and what you send next goes to the resident; or reply to any message of this ticket.
hd-button-topic = 💬 Open topic
hd-status-open = unclaimed
hd-status-claimed = in hand
hd-status-waiting = waiting for the resident
hd-status-closed = closed
hd-digest =
    <b>🙋 Talk to a person</b>
    Tickets closed: { $closed }   Problem solved? 👍 { $solved }   👎 { $unsolved }
ask-link-intro = Want to ask a person? Send /ask followed by your question, for example: /ask Can I book an activity room at the weekend? A member of staff will answer here.
hd-too-long = That message is too long; please keep it under { $limit } characters, or send it in parts.

# Without a staff group: each ticket is a thread in the on-duty staff members' private chats
hd-direct-card =
    🎫 Ticket #{ $id } · { $name } (language: { $language })
    The resident's messages come here. Reply to any of them, or press "Reply" and send, to answer the resident (text, photos and voice notes all work).
hd-direct-from = 👤 { $name } · ticket #{ $id }
hd-direct-header = 👤 { $name } · ticket #{ $id }:
hd-button-answer = ↩️ Reply
hd-button-ban = 🚫 Ban
hd-answer-prompt = ✍️ What you send now (text, photos, voice notes…) goes to { $name } (ticket #{ $id }). Send /done to stop.
hd-answer-sent = ✅ Sent to { $name } (ticket #{ $id }).
hd-answer-ended = All right, you stopped answering ticket #{ $id }.
hd-answer-ended-by-command = ↩️ You are no longer answering ticket #{ $id } ({ $name }): what you send next does not go to the resident. To go on answering, press “↩️ Reply” on the ticket again, or reply to one of the resident's messages.

# Idle conversations end by themselves (FRONTDESK_HELPDESK__IDLE_CLOSE_HOURS)
hd-idle-closed =
    💤 Your conversation with staff (ticket #{ $id }) has had no new messages for { $hours ->
        [one] an hour
       *[other] { $hours } hours
    }, so it has ended.
    From now on the bot answers your messages itself; to talk to staff again, press "Talk to a person" or send /ask at any time.
hd-idle-closed-left = 💤 Ticket #{ $id } has had no new messages for { $hours ->
        [one] an hour
       *[other] { $hours } hours
    }, so it has been closed. To talk to staff again, press "Talk to a person" or send /ask at any time.
hd-idle-solved = Was your problem solved?
hd-idle-paused =
    💤 Your conversation with staff has had no new messages for { $hours ->
        [one] an hour
       *[other] { $hours } hours
    }, so it has ended for now.
    Staff will still answer your question in ticket #{ $id }, here. Until then the bot answers your messages itself; to go on talking to staff, send /ask.
hd-idle-closed-staff = 💤 Ticket #{ $id } had no new messages for { $hours ->
        [one] an hour
       *[other] { $hours } hours
    } and was closed automatically.
hd-idle-paused-staff = 💤 Ticket #{ $id } had no new messages for { $hours ->
        [one] an hour
       *[other] { $hours } hours
    }, so the resident's conversation ended. Their last message is still unanswered: the ticket stays open and your reply still reaches them.

# A staff member (not an admin) forwards a resident's message to the bot
hd-forward-offer = ↪️ { $name } is not talking with staff now. Open a ticket for them with { $count ->
        [1] this message
       *[other] these { $count } messages
    }? They will be told; your answers then reach them through the bot, and their replies come back to the staff.
hd-button-open-for = 📨 Open a ticket for { $name }
hd-open-for-invalid = This button is no longer valid (the ticket may be open already, or you have since forwarded someone else's message). Forward the resident's message again.
hd-opened-for = ✅ Ticket #{ $id } is open for { $name }, and they have been told; what they send the bot next goes to the staff too.
hd-forward-has-ticket = ↪️ { $name } already has an open ticket, #{ $id }; you can answer it here:
hd-button-add-to = 📎 Add to ticket #{ $id }
hd-forward-more = ↪️ { $count } messages from { $name } so far; add them all to ticket #{ $id }:
hd-forward-added = ✅ { $count ->
        [1] The message was
       *[other] The { $count } messages were
    } added to { $name }'s ticket #{ $id }.
hd-forward-unknown = ↪️ { $name } has not used this bot yet, and a bot cannot write to anyone first (Telegram's rule), so no ticket can be opened for them. Send them this link; it opens a conversation with staff: { $link }
hd-forward-hidden = ↪️ { $name } hides their account when forwarded, so I cannot tell who they are or open a ticket for them. Send them this link; it opens a conversation with staff: { $link }
hd-forward-not-a-person = ↪️ This message was not written by a resident (it comes from a group, a channel or a bot), so no ticket can be opened with it. If a resident needs staff, send them this link; it opens a conversation with staff: { $link }
hd-forward-not-kept = ↪️ This kind of message (a poll, a dice…) cannot go to staff. Forward the resident's text, voice note, photo or file instead.
hd-forward-blocked = ↪️ { $name } has blocked this bot: nothing can reach them, so no ticket can be opened. Please contact them another way.
hd-forward-banned = ↪️ { $name } is banned from the helpdesk (/ban): their messages are not passed on, so no ticket can be opened for them.
hd-forward-no-helpdesk = ↪️ Forwarded messages cannot be handled here. Ask the resident to send the bot /ask and their question (or to tap this link: { $link }); staff are notified and answer with /answer.
hd-opened-by-staff =
    🙋 Staff opened a conversation with you (ticket #{ $id }) and will answer here.
    Until you end it, what you send here goes to the staff; when you are done, send /done or press the button below.
hd-opened-by-staff-about =
    🙋 Staff received your message “{ $text }” and opened a conversation with you about it (ticket #{ $id }); they will answer here.
    Until you end it, what you send here goes to the staff; when you are done, send /done or press the button below.
hd-emergency =
    🚑 <b>If this is an emergency, call 120 now!</b>
    Your message has gone to staff, but staff cannot take the place of 120.
