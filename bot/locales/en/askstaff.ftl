# Ask a person: residents pass a question to staff, staff answer

cmd-ask = Send a question to the staff
cmd-questions = Residents' questions waiting for an answer
cmd-answer = Answer a resident's question

ask-sent = ✅ Passed on to the staff (question #{ $id }). Their answer will appear here.
ask-draft-invalid = This button is no longer valid (the question may already have been sent). You can send it again with /ask followed by your question.
ask-error-empty = Please write your question after /ask, for example: /ask Can we borrow the activity room at the weekend?
ask-error-too_long = The question is too long; please keep it under 1000 characters.
ask-error-answer_empty = The answer cannot be empty.
ask-error-answer_too_long = The answer is too long; please keep it under 2000 characters.
ask-error-not_found = There is no question #{ $id }.
ask-error-already_answered = Question #{ $id } has already been answered.
ask-staff-notice =
    ❓ #{ $id } A question from { $name }:
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
ask-open-empty = No questions are waiting.
ask-open-line = #{ $id } { $name } ({ $when }): { $text }
ask-open-footer = Answer: <code>/answer number your answer</code>
ask-link-intro = Want to ask a person? Send /ask followed by your question, for example: /ask Can I book an activity room at the weekend? A member of staff will answer here.
