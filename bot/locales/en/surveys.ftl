# Resident surveys: answering, organisers' surveys and results, paper responses

menu-surveys = 📝 Surveys
cmd-surveys = Take part in a survey
cmd-survey = Surveys: new, publish, results, export
cmd-paper = Enter a paper survey response

survey-none-open = There is no survey for you at the moment. We will tell you when there is one.
survey-open-list = 📝 Surveys open now: tap one to start or carry on.
survey-list-answering = {" "}(not finished, tap to carry on)
survey-list-submitted = {" "}(sent, can be changed)
survey-list-participated = {" "}(sent)

survey-title = 📝 <b>{ $title }</b>
survey-anonymous-note = 🔒 This survey is anonymous: once sent, your answers are no longer linked to you in any way. Staff cannot see who answered, and the answers cannot be changed afterwards.
survey-named-note = This survey is not anonymous: staff can see whose answers these are. You can change them after sending while the survey is open.
survey-progress = Question { $number } of { $total }
survey-question = <b>{ $text }</b>
survey-hint-single = Choose one:
survey-hint-multiple = Choose up to { $most }, then tap "Done":
survey-hint-rating = Give a score: 1 is very unhappy, 5 is very happy.
survey-hint-ranking = Tap the items in order, the one you want most first:
survey-hint-text = Just type your answer and send it.
survey-ranked-so-far = Your order so far: { $order }
survey-say-other = ✏️ Please type what "other" is.
survey-your-text = Your answer: { $text }
survey-other = Other (please say)
survey-skipped = (not answered)

survey-profile-committee = Which residents' committee do you live in?
survey-profile-building = Which building do you live in?
survey-profile-age_band = Which age group are you in?

survey-button-open = 📝 Start
survey-button-done = ✅ Done
survey-button-keep = ✅ Keep it, next question
survey-button-reset = 🔄 Start the order again
survey-button-skip = ⏭ Skip this question
survey-button-back = ⬅️ Previous question
survey-button-send = ✅ Send
survey-button-send-keep = ✅ Send, and remember my committee, building and age group

survey-check-title = 📋 <b>{ $title }</b>: please check your answers
survey-check-line = { $number }. { $question }
    → { $answer }
survey-check-anonymous = 🔒 Anonymous survey: once sent, your answers are no longer linked to you and cannot be changed.
survey-check-named = If all is right, tap "Send". You can come back and change your answers while the survey is open.
survey-check-paper = 📄 This is a paper response. If all is right, tap "Send".

survey-sent-sent = 🙏 Thank you! "{ $title }" is sent. While it is open, /surveys lets you change your answers.
survey-sent-changed = ✅ Your changes are saved ("{ $title }").
survey-sent-sent-anonymous = 🙏 Thank you! The anonymous survey "{ $title }" is sent. Your answers are no longer linked to you.
survey-sent-changed-anonymous = ✅ Saved ("{ $title }").
survey-sent-paper = 📄 Paper response saved ("{ $title }"). Send /paper to enter another one.

survey-refused-not-open = This survey is not open now.
survey-refused-not-for-you = This survey is meant for other residents. Thank you for your interest.
survey-refused-anonymous-sent = You have already sent this anonymous survey. Anonymous answers are not linked to you, so they cannot be seen or changed again.
survey-refused-gone = This button no longer works.
survey-refused-not-current = That question is already answered. Please look at the latest message.
survey-press-an-option = For this question, please tap one of the options below. To do something else first, just send a command or use the menu: your answers so far are kept.
survey-set-aside = OK, the survey is set aside; your answers so far are kept. To carry on, tap "📝 Surveys" or send /surveys.
survey-put-aside = Your survey is set aside; your answers so far are kept. To carry on, tap "📝 Surveys" or send /surveys.
survey-refused-too-many = You cannot choose more for this question. To change, first untick one you chose.
survey-refused-need-answer = This question needs an answer: choose one or type it.
survey-refused-bad-text = Please answer in words, at most 500 characters.
survey-refused-too-long = Sorry, this answer can be at most { $limit } characters and yours has { $length }, so it is not saved yet. Your text is below as you wrote it: copy it, shorten it and send it again.

survey-invitation = 📝 <b>{ $title }</b>
    You are invited to a survey: your answers decide what the centre does next.
    Open: { $closes }
survey-reminder = ⏰ Reminder: the survey "{ $title }" closes soon, and you have not finished it.
    Open: { $closes }

# Organisers
survey-organiser-list = 📝 Surveys, newest first. Tap one to see it:
survey-organiser-empty = No surveys yet. Tap "New survey" to start.
survey-button-new = ➕ New survey
survey-new-help =
    Send me the survey as a YAML or CSV file (UTF-8). An example:
    <pre>title: {"{"}zh: 社区需求调查, en: Community needs{"}"}
    opens: 2026-03-02 10:00
    closes: 2026-03-09 18:00
    audience: everyone
    anonymous: false
    profile: {"{"}committees: [长风一村, 长风二村], age: true{"}"}
    questions:
      - id: need
        type: single
        text: {"{"}zh: 您最希望中心增加什么？, en: "What should the centre add?"{"}"}
        options: ["食堂 / Canteen", "健康驿站 / Health station"]
        other: true
      - type: rating
        text: {"{"}zh: 您对现在的服务打几分？, en: "How do you rate our service?"{"}"}
        show_if: {"{"}question: need, answer: [1]{"}"}</pre>
    Types: single, multiple (max limits the choices), rating (1–5), ranking (2–5 items), text (short). other: true adds "Other (please say)"; optional: true lets people skip; show_if shows a question only for some answers to an earlier one.
    audience: everyone, topic:health, course:course number, event:event number.
survey-file-problems = ⚠️ The file has { $count } problem(s); the survey was not saved:
survey-problem-not-a-survey = The file is not a survey.
survey-problem-missing-text = { $where }: the Chinese or English text is missing.
survey-problem-too-long = { $where }: the text is too long (at most { $detail } characters).
survey-problem-bad-time = { $where }: cannot read the time "{ $detail }"; write it as 2026-03-02 10:00.
survey-problem-bad-audience = Cannot read the audience "{ $detail }": write everyone, topic:health, course:3 or event:5.
survey-problem-bad-profile = { $where }: the profile section is not written correctly.
survey-problem-no-options = { $where }: this question needs options.
survey-problem-option-count = { $where }: wrong number of options (at most { $detail }; a ranking needs at least 2).
survey-problem-bad-question = { $where }: this question is not written correctly.
survey-problem-bad-type = { $where }: there is no question type "{ $detail }".
survey-problem-bad-max = { $where }: max must be between 1 and the number of options (it is { $detail }).
survey-problem-other-not-choice = { $where }: only single and multiple choice questions can have "other".
survey-problem-bad-show-if = { $where }: show_if must point to an earlier single or multiple choice question and name its option numbers.
survey-problem-bad-flag = { $where }: write true or false.
survey-problem-closes-before-opens = The closing time must come after the opening time.
survey-problem-no-questions = The survey has no questions.
survey-problem-too-many-questions = Too many questions (at most { $detail }).
survey-problem-csv-header = The first CSV line must name the columns: { $detail }
survey-problem-file-too-big = The file is too big (at most { $detail } KB).
survey-problem-not-utf8 = The file is not UTF-8; please save it as UTF-8 and send it again.
survey-problem-file-type = Only .yaml, .yml or .csv files, please.
survey-problem-yaml = The YAML is not valid (near line { $where }).

survey-card =
    📝 <b>{ $title }</b>
    Status: { $status }
    Open: { $when }
    For: { $audience }
    Anonymous: { $anonymous }
    Questions: { $questions } · Responses: { $count }
survey-status-draft = 📝 Draft
survey-status-published = 🟢 Published
survey-status-closed = 🔒 Closed
survey-yes = yes
survey-no = no
survey-audience-everyone = every resident
survey-audience-topic = residents following "{ $param }"
survey-audience-course = students of course #{ $param }
survey-audience-event = people signed up for event #{ $param }
survey-button-preview = 👀 Preview
survey-button-publish = 📣 Publish
survey-button-results = 📊 Results
survey-button-export = 📥 Export Excel and CSV
survey-button-close = 🔒 Close now
survey-button-crosstab = 📊 By "{ $by }"

survey-preview-head =
    👀 <b>Preview</b>
    { $title }
    Open: { $when }
    For: { $audience } · Anonymous: { $anonymous } · { $count } questions
survey-preview-question = <b>{ $number }.</b> [{ $kind }]
    { $text }
survey-kind-single = single choice
survey-kind-multiple = multiple choice
survey-kind-rating = rating
survey-kind-ranking = ranking
survey-kind-text = text
survey-crosstab-question = <b>{ $number }. { $text }</b>
survey-preview-profile = <b>{ $number }.</b> [profile] { $text }
survey-preview-optional = (may be skipped)
survey-preview-branch = (only when question { $question } was answered { $options })
survey-preview-as-resident = Residents will see the first question like this:
survey-preview-end = End of the preview. Publish it if all is right.

survey-publish-published = Published. Residents in its audience are invited when it opens.
survey-publish-not-draft = This survey is already published.
survey-publish-ended = Its closing time has passed; change the times and upload it again.
survey-close-not-open = This survey is not running.
survey-closed = The survey is closed; the summary went to the organisers.

survey-results-head =
    📊 <b>{ $title }</b>
    Open: { $when }
    { $count } responses ({ $paper } on paper)
survey-summary-head =
    🔒 <b>Survey closed: { $title }</b>
    Open: { $when }
    { $count } responses ({ $paper } on paper)
survey-result-question = <b>{ $number }. { $text }</b> ({ $answered } answered)
survey-result-average = Average { $average }
survey-result-rank = { $place }. { $option } (average place { $average })
survey-result-words = Recurring words: { $words }
survey-list-separator = {", "}
survey-result-word = { $word } ({ $count })
survey-result-bar = { $bar } { $count } ({ $percent }%) { $option }
survey-result-sample = · "{ $text }"
survey-chart-caption = 📊 Results by question
survey-chart-count = people
survey-chart-rank = preference (longer is preferred)
survey-chart-title = Survey results
survey-crosstab-offer = Break the answers down by profile:
survey-crosstab-head = 📊 By "{ $by }" (cells of fewer than { $small } people are not shown: "—")
survey-crosstab-row = { $group } ({ $total } people): { $cells }
survey-crosstab-hidden = { $group }: fewer than { $small } people, not shown
survey-crosstab-none = This survey has no questions to break down.
survey-export-caption = 📥 { $count } responses, one a row.

survey-paper-pick = 📄 Which survey is the paper response for?
survey-paper-none = There is no survey to enter a response for.
survey-paper-banner = 📄 <b>Paper response</b>

# Daily digest
survey-digest-head = 📝 <b>Survey open: { $title }</b>
    { $count } responses so far ({ $paper } on paper) · { $when }
survey-digest-top = { $number }. { $question } Chosen most: { $option } ({ $count })

# The chat builder
survey-button-from-file = 📄 Import a file (YAML / CSV)
survey-button-resume-build = ✏️ Carry on with the new survey (draft kept)
survey-build-set-aside = OK, stopped here; the draft is saved. To carry on, send /survey and tap "✏️ Carry on with the new survey".
survey-button-edit = ✏️ Edit
survey-button-back-to-card = ⬅️ Back to the survey
survey-build-ask-title =
    ➕ <b>New survey</b>
    Please send the survey's title. For both languages write "中文 / English"; one language is fine too.
survey-build-ask-kind = What type is question { $number }? ({ $count } so far)
survey-build-ask-intro = Would you like a few words before the first question, such as why you are asking and how long it takes? Send them now ("中文 / English" for both languages), or tap "Skip".
survey-build-ask-text = Please send question { $number } ({ $kind }). For both languages write "中文 / English".
survey-build-ask-options =
    Please send the options, one per line or separated by commas (at least 2, at most { $limit }).
    For both languages write "中文 / English", for example:
    食堂 / Canteen
    健康驿站 / Health station
survey-build-ask-max = How many options may be chosen at most?
survey-build-ask-other = Add an option "Other (please say)"?
survey-build-ask-branch = Is this question asked of everyone, or only when an earlier question got a certain answer?
survey-build-ask-branch-option = Ask this question only when question { $target } got which answer?
survey-build-ask-required = Must question { $number } be answered? With "Optional", residents may skip it.
survey-build-ask-audience = Who is the survey for?
survey-build-ask-audience-id = Please send the { $which ->
        [course] course
       *[other] event
    } number (digits, for example 3).
survey-build-ask-anonymous = Is this survey anonymous? Once an anonymous survey is sent, the answers are no longer linked to the resident in any way and cannot be changed.
survey-build-ask-age = Ask residents their age band? Then the results can be read by age.
survey-build-ask-committees =
    Read the results by residents' committee (居委会)? Send the committees residents choose from, one a line (at most { $limit }), for example:
    长风一村 / Changfeng No. 1
    长风二村
    Or tap "Skip".
survey-build-ask-buildings =
    Read the results by building? Send the buildings residents choose from, one a line (at most { $limit }), for example:
    1号楼 / Building 1
    2号楼 / Building 2
    Or tap "Skip".
survey-build-ask-when =
    When does the survey open and close? Just say it, for example:
    "next Monday to the end of the month", "tomorrow 10am to 9 March 6pm", "until next Friday" (opens now).
survey-build-button-finish = ✅ No more questions, next step
survey-build-button-always = Ask everyone
survey-build-button-branch-on = Depends on question { $number }: { $question }
survey-build-button-cancel = ✖️ Discard
survey-build-button-skip = Skip
survey-build-button-skip-intro = Skip, add the questions
survey-build-button-required = Required
survey-build-button-optional = Optional
survey-build-audience-everyone = All residents
survey-build-audience-canteen = Residents following "canteen"
survey-build-audience-health = Residents following "health"
survey-build-audience-nightschool = Residents following "night school"
survey-build-audience-events = Residents following "events"
survey-build-audience-course = A course's students
survey-build-audience-event = People signed up for an event
survey-build-problems = ⚠️ This step was not saved; please correct it and send it again:
survey-build-options-chinese-only = ℹ️ These options are in Chinese only, so English-speaking residents will see the Chinese as it is. For both languages write each option as "中文 / English", e.g. 食堂 / Canteen. (This note is shown once.)
survey-build-added = 👍 Question { $number } added: { $question }
survey-build-none = No new survey is in progress. Send /survey to start again.
survey-build-cancelled = All right, the new survey is discarded.
survey-build-discard-confirm = Discard this survey? Nothing you have entered so far will be kept.
survey-build-button-discard = ✖️ Discard
survey-build-button-keep = ↩️ Keep editing
survey-build-stale = That button is out of date; please use the latest message.
survey-build-no-questions = A survey needs at least one question.
survey-build-bad-when = I could not read that time. Try "next Monday to the end of the month", "2 March to 9 March" or "until next Friday".
survey-build-closes-past = That closing time has passed; please choose a later one.
survey-build-bad-id = Please send just the number, for example 3.
survey-build-one-option = I received only one option. Please send all the options at once: one per line, or separated by commas, for example: Canteen, Haircut, Tai chi.
survey-build-noted-committees = 👍 Committees noted: { $places }.
survey-build-noted-buildings = 👍 Buildings noted: { $places }.
survey-build-press-a-button = Please answer this step with the buttons below, or tap "Discard" to drop the survey.
survey-build-too-many = That is as many questions as a survey can hold; please tap "No more questions".

# Edits
survey-edit-menu = ✏️ Edit "{ $title }": what would you like to change? Answers already given are kept.
survey-edit-title = Change the title
survey-edit-closes = Change the closing time
survey-edit-question-text = Change a question's wording
survey-edit-add-option = Add options at the end of a choice question
survey-edit-add-question = Add a question at the end
survey-edit-file = Send a corrected file
survey-edit-pick-question = Which question?
survey-edit-ask-title = The title now: { $current }
    Please send the new title ("中文 / English", or one language).
survey-edit-ask-closes = It closes now: { $current }
    Please send the new closing time, for example "end of the month", "next Friday 6pm", "20 March".
survey-edit-ask-question-text = The question now: { $current }
    Please send its new wording ("中文 / English", or one language).
survey-edit-ask-add-option = The options now: { $current }
    Please send the options to add at the end, one per line.
survey-edit-ask-file = Please send the corrected YAML or CSV file. Only texts, the closing time, options added at the end and questions added at the end can change; a change that would spoil answers already given is not saved.
survey-edit-saved = ✅ Saved. Every answer already given is still there.
survey-edit-refused = ⚠️ This edit was not saved:
survey-edit-refused-closed = The survey has closed and can no longer be edited.
survey-edit-refused-kind-changed = Question { $number }: people have answered it, so its type cannot change. You can add a new question at the end.
survey-edit-refused-question-removed = Questions cannot be removed while people are answering. You can change a question's wording.
survey-edit-refused-option-removed = Question { $number }: an option someone chose cannot be removed. You can change its wording, or add options at the end.
survey-edit-refused-ranking-grown = Question { $number }: people have ranked these items, so items cannot be added or removed.
survey-edit-refused-limit-lowered = Question { $number }: people have answered it, so the most choices can only go up, not down.
survey-edit-refused-branch-changed = Question { $number }: when it is asked cannot change; people answered under the old rule.
survey-edit-refused-profile-changed = The profile questions (committee, building, age group) cannot change.
survey-edit-refused-anonymity-changed = Whether the survey is anonymous cannot change: residents were told before they started.
survey-edit-refused-audience-changed = Who the survey is for cannot change: the invitations went to the original audience.
survey-edit-refused-opening-changed = The survey has opened; its opening time cannot change.
survey-edit-refused-closes-past = The closing time must be later than now.
survey-edit-refused-nothing = Nothing was changed.
survey-edit-refused-not-choice = Question { $number } is not a choice question, so it takes no options.
survey-build-kind-single = Single choice
survey-build-kind-multiple = Multiple choice
survey-build-kind-rating = Rating (1 to 5)
survey-build-kind-ranking = Ranking (up to 5 items)
survey-build-kind-text = Short text
survey-build-yes = Yes
survey-build-no = No
