# The sandbox (offline trial): the sample timetable. Only `python3 dev.py sandbox` puts it in a
# database; the real bot never does.

sandbox-class-note = (A sandbox sample: the class, its times and its teacher are made up, not the centre's real timetable.)
sandbox-event-note = (A sandbox sample: the event and its time are made up, not the centre's real programme.)
sandbox-samples-coming = 🧪 Sample timetable: when you send your first message, the sandbox lays out a few classes and events by its clock, so you can try signing up. Type :samples off first if you would rather start empty.
sandbox-samples-laid = 🧪 Sample timetable laid out (sandbox only): { $courses ->
        [0] no classes
        [one] 1 class
       *[other] { $courses } classes
    } and { $events ->
        [0] no events
        [one] 1 event
       *[other] { $events } events
    } over the next few days. Send /classes or /events to try signing up.
sandbox-samples-kept = 🧪 The sample timetable is already in this database; nothing was added twice. Send /classes or /events to see it.
sandbox-samples-off = 🧪 No sample timetable is laid out this time.
sandbox-samples-stay-off = 🧪 This database was started without the sample timetable (:samples off), so none is laid out this time either.
sandbox-samples-too-late = 🧪 The sample timetable is already laid out and cannot be taken away now. To start empty, open the sandbox again and type :samples off first.

sandbox-sample-taichi-title = Tai chi
sandbox-sample-taichi-teacher = Ms Chen
sandbox-sample-taichi-description = The simplified 24-form tai chi, starting from standing and breathing; Tuesday and Thursday mornings, suited to older residents. Wear loose clothes and flat shoes. { sandbox-class-note }

sandbox-sample-calligraphy-title = Calligraphy (regular script)
sandbox-sample-calligraphy-teacher = Mr Zhou
sandbox-sample-calligraphy-description = From holding the brush and the eight strokes of 永 to copying Yan-style regular script. Brushes, ink and paper are provided; beginners welcome. { sandbox-class-note }

sandbox-sample-smartphone-title = Smartphone class for seniors
sandbox-sample-smartphone-teacher = Xiao Lin (volunteer)
sandbox-sample-smartphone-description = Step by step: WeChat video calls, booking a doctor on Suishenban, paying by QR code, and how to spot phone scams. Bring your own phone. { sandbox-class-note }

sandbox-sample-photography-title = Photography for beginners
sandbox-sample-photography-teacher = Mr Wu
sandbox-sample-photography-description = An after-work night-school class: exposure, composition and light with a camera or a phone; the last class shoots along the Suzhou Creek. { sandbox-class-note }

sandbox-sample-papercut-title = Folk craft: paper-cutting
sandbox-sample-papercut-description = Learn Chinese paper-cutting with the neighbourhood's aunties: flowers, zodiac animals and double happiness. Red paper and scissors provided; take your work home for the window. { sandbox-event-note }

sandbox-sample-legal-aid-title = Legal aid open day
sandbox-sample-legal-aid-description = Free advice from volunteer lawyers on family matters, tenancy, work disputes, wills and inheritance, about 20 minutes each. Bring your papers. { sandbox-event-note }
