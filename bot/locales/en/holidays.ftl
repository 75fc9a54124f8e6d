# Holidays: statutory days, the State Council's notice (make-up days), entered by admins

cmd-holidays = See and enter the holiday arrangements

holidays-title = 📅 <b>Holidays in { $year }</b>
holidays-source = Source: { $source }
holidays-source-staff = the State Council's notice, entered by an admin in the bot
holidays-source-file = the centre's data file (centre.yaml)
holidays-source-package = the holiday package (chinesecalendar)
holidays-source-statutory = statutory holidays only (this year's notice is not entered yet)
holidays-source-entered = { $source }, { $who }
holidays-entered-by = entered by { $who } on { $date }
holidays-block = 🎉 { $festival }: { $span }, { $days ->
        [one] 1 day
       *[other] { $days } days
    }
holidays-span = { $start } to { $end }
holidays-workday = 🔁 { $festival } make-up working day: { $date }, open with { $weekday }'s hours
holidays-statutory-only = These are only the days fixed by law. The { $year } bridge days and make-up working days come with the State Council's notice and apply once it is entered.
holidays-list-separator = , 
holidays-usage = Usage: /holidays or /holidays 2027 (a year).
holidays-alarm = ⚠️ The { $year } holiday notice is not entered yet. Until it is, the bot answers from the statutory holidays only and warns residents that the days around them may change.
holidays-alarm-action = Once the State Council publishes it, send /holidays { $year } to enter it.
holidays-admin-hint = Admins can enter the { $year } notice step by step with the button below, or send a YAML or CSV file during the entry (format in docs/hours.md).
holidays-enter-button = ✏️ Enter the { $year } notice
holidays-enter-intro = Entering the { $year } holiday notice: 7 steps, one per festival. Type the days off and the make-up working days as the notice says. Send /cancel at any time to stop.
holidays-step = <b>Step { $index } of { $total }: { $festival }</b>
    Statutory days: { $statutory }
    Type the days off and the make-up working days as the notice says, e.g. { $example }
    If only the statutory days are off, with no make-up day, reply "statutory".
holidays-preview = Please check; press "Save" to store it, and it applies at once:
holidays-save-button = ✅ Save
holidays-cancel-button = ❌ Cancel
holidays-saved = ✅ The { $year } holidays are saved and in use.
holidays-cancelled = Cancelled; nothing was saved.
holidays-need-text = Please type text, or send a YAML or CSV file.
holidays-example = "{ $start } to { $end } off, { $workday } work"
holidays-press-a-button = Please press "Save" or "Cancel" below.
holidays-file-refused = Only .yaml, .yml or .csv files of up to 20 KB.

holidays-error-unreadable = { $line }: could not read "{ $detail }". Write it like "Feb 5 to Feb 11 off, Sat Feb 20 work".
holidays-error-bad-date = { $line }: the date "{ $detail }" does not exist.
holidays-error-range-reversed = { $line }: { $date } to { $second } runs backwards; put the earlier day first.
holidays-error-wrong-weekday = { $line }: { $date } is not a "{ $detail }"; please check the notice.
holidays-error-other-year = { $line }: { $date } is not in { $year }.
holidays-error-workday-not-weekend = { $line }: the make-up working day { $date } is not a weekend day.
holidays-error-workday-far = { $line }: the make-up working day { $date } is too far from this festival.
holidays-error-missing-statutory = { $line }: the statutory holiday { $date } is missing.
holidays-error-overlap = { $line }: the days off include { $date }, a statutory day of { $festival }. Is this the right festival?
holidays-error-too-long = { $line }: { $date } to { $second } is too long for one holiday.
holidays-error-both = { $line }: { $date } is both a day off and a working day.
holidays-error-unknown-festival = { $line }: unknown festival "{ $detail }". Known: new_year, spring_festival, tomb_sweeping, labour_day, dragon_boat, mid_autumn, national_day.
holidays-error-bad-file = { $line }: the file cannot be read (YAML or CSV, UTF-8).
holidays-error-bad-weekday = { $line }: "{ $detail }" is not a weekday (mon to sun).
holidays-error-no-year = { $line }: the year is missing.
holidays-error-year-mismatch = { $line }: the file is for { $detail }, but you are entering { $year }.
