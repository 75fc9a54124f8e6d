cmd-poster = Print a QR-code poster (class, event, venue…)
poster-usage =
    Write what the poster should open after /poster, for example:
    /poster course 12 · /poster event 7 · /poster canteen · /poster feedback lunch
    /poster hours · /poster ask · /poster topic health
poster-unknown = I don't know what this poster should open. Send /poster to see how to write it.
poster-unknown-venue = There is no such venue. You can write: { $venues }
poster-venue-separator = , { "" }
poster-unknown-meal = Please write breakfast, lunch or dinner.
poster-need-number = Please add the number, for example /poster course 12.
poster-unknown-course = There is no published course with that number.
poster-unknown-event = There is no event with that number (or it was cancelled).
poster-unknown-topic = There is no such topic. You can write: canteen, health, nightschool, events.
poster-png = The poster (A4, 300 dpi); its QR code opens { $url }
poster-pdf = The same poster as a PDF, ready to print.
poster-title-hours = Opening hours
poster-action-hours = Scan to see what is open today
poster-title-venue = { $name }
poster-action-venue = Scan for opening hours and the map
poster-title-feedback = Rate the canteen
poster-action-feedback = Scan to rate today's meal
poster-title-feedback-meal = Rate today's { $meal }
poster-action-feedback-meal = Scan to rate today's { $meal }
poster-title-course = { $name }
poster-action-course = Scan to see the class and sign up
poster-title-event = { $name }
poster-action-event = Scan to sign up
poster-title-ask = Questions? Ask a person
poster-action-ask = Scan to write to the staff in Telegram; they will answer you
poster-title-topic = { $topic } news
poster-action-topic = Scan to subscribe and hear first
