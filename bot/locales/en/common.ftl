# Common: greeting, help, language, menu, fallback answers

language-name = English
start-greeting =
    Hello, { $name }! Welcome to the front desk of the 1690 Party-Masses Service Centre and the Changfeng Bay station.
    Tap a big button below, or just ask me, e.g. "when does the canteen open?".
help-text =
    <b>Here is what I can do:</b>
    🕘 Opening hours: is a place open today, and when
    📚 Classes: night school and community classes — sign up, waitlists, cancellations; /myclasses shows yours
    🍚 Canteen feedback: rate today's meals, tell us what to improve
    🎉 Events: what's on, and signing up; /myevents shows yours
    📝 Surveys: /surveys shows the surveys open now; your answers decide what the centre does next
    🙋 Talk to a person: press "Talk to a person" or send /ask; text, voice notes and photos all work
    🔔 /reminders your reminders, /subscriptions which announcements you get
    You can also just type your question. /language switches the language, /privacy explains your data.
language-prompt = 请选择语言 / Please choose a language:
language-set = Done: I'll talk to you in English from now on.
menu-prompt = Please choose:
menu-hours = 🕘 Opening hours
menu-classes = 📚 Classes
# the button's earlier label, still on kept keyboards: understood, never shown
menu-classes-retired = 📚 Night school
menu-feedback = 🍚 Canteen feedback
menu-events = 🎉 Events
menu-help = ❓ Help
feature-coming-soon = This feature is being prepared and will be ready soon. Meanwhile, try the other buttons.
small-talk-thanks = You're welcome! Anything else? Tap a button below or just ask me.
small-talk-bye = Goodbye! Ask me any time.
small-talk-ack = All right! Anything else? Tap a button below or just ask me.
not-understood = Sorry, I didn't understand that. Tap a button below, or try asking in other words.
unknown-command = I don't have that command. Tap a button below, or send /help to see what I can do.
unknown-command-did-you-mean =
    I don't have /{ $typed }. Did you mean:
    /{ $command } — { $about }
    Tap it, or send /help to see everything.
nothing-to-cancel = There is nothing to cancel right now.
form-put-aside = What you had not finished was not submitted. To start it again, send { $command }.
form-put-aside-plain = What you had not finished was not submitted; you can start it again any time.
form-left = OK, cancelled. What you had entered so far was not saved.
form-left-settled = OK, done.
form-step-waiting = This step is still waiting for your answer above: please answer it as it asks. To stop, send /cancel.
only-text = I can only read text messages for now. Tap a button below, or type what you need.
button-invalid = This button is no longer valid; please open the menu again.
error-apology = Sorry, something went wrong on our side and this message could not be handled. Please send it again later.
# a resident calling a staff command; a staff member lacking the role gets refused-needs-role
refused-staff-only = Sorry, this command is for staff only.
refused-needs-role = Only { $role ->
        [organiser] organisers
        [admin] admins
       *[staff] staff
    } can use { $command }; ask an admin for the role.
refused-needs-role-here = Only { $role ->
        [organiser] organisers
        [admin] admins
       *[staff] staff
    } can do this; ask an admin for the role.
staff-help-title = <b>Staff commands:</b>
cmd-start = Start / main menu
cmd-help = What I can do
cmd-language = Switch language
cmd-staff = Staff commands

# between the items of a list in running text
list-separator = {", "}
deeplink-gone = Sorry, what this QR code or link pointed to is no longer there. Please look in the menu below.
pick-previous = ◀ Previous
pick-next = Next ▶
