"""Night school: courses, fair sign-up (first come or lottery), waitlists and offers.

Modules: :mod:`.common` (statuses, the :class:`~.common.School` environment),
:mod:`.enrolment` (sign-up, leaving, offers, expiry), :mod:`.lottery` (the draw),
:mod:`.courses` (course life cycle, views, rosters, attendance, audiences, reminders),
:mod:`.schedule` (weekly patterns, holidays, offer deadlines), :mod:`.inputs` (parsing what
staff type), :mod:`.files` (term files in, Excel/CSV/iCalendar out).
"""
