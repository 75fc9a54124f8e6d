"""Resident surveys (问需于民): questionnaires, answers, results (issue 17)."""
