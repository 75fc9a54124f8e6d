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
holidays-workday = 🔁 Make-up working day: { $date }, with { $weekday } hours
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
    Type the notice's arrangement, e.g. "1 Jan to 3 Jan off, 4 Jan (Sun) work" as "1/1-1/3, workday 1/4".
    If only the statutory days are off, with no make-up day, reply "statutory".
holidays-preview = Please check; press "Save" to store it, and it applies at once:
holidays-save-button = ✅ Save
holidays-cancel-button = ❌ Cancel
holidays-saved = ✅ The { $year } holidays are saved and in use.
holidays-cancelled = Cancelled; nothing was saved.
holidays-need-text = Please type text, or send a YAML or CSV file.
holidays-file-refused = Only .yaml, .yml or .csv files of up to 20 KB.

holidays-error-unreadable = { $line }: could not read "{ $detail }". Write it like "2/5-2/11, workday 2/14".
holidays-error-bad-date = { $line }: the date "{ $detail }" does not exist.
holidays-error-other-year = { $line }: { $detail } is not in this year.
holidays-error-workday-not-weekend = { $line }: the make-up working day { $detail } is not a weekend day.
holidays-error-missing-statutory = { $line }: the statutory holiday { $detail } is missing.
holidays-error-both = { $line }: { $detail } is both a day off and a working day.
holidays-error-unknown-festival = { $line }: unknown festival "{ $detail }". Known: new_year, spring_festival, tomb_sweeping, labour_day, dragon_boat, mid_autumn, national_day.
holidays-error-bad-file = { $line }: the file cannot be read (YAML or CSV, UTF-8).
holidays-error-bad-weekday = { $line }: "{ $detail }" is not a weekday (mon to sun).
holidays-error-no-year = { $line }: the year is missing.
