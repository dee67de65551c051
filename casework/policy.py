"""The rules casework runs on, written down once: targets, thresholds, what counts, how long things are kept.

Each value can be changed in settings (the name in brackets) without touching code; the defaults
are Walsall's local policy as agreed for the pilot.
"""

import datetime

from django.conf import settings

# Victims' Code 2020, Rights 3 and 4: acknowledge and refer promptly; victims entitled to enhanced
# rights sooner. Hate crime victims count as intimidated victims, so every report in the hate
# strand, and any report whose reporter does not feel safe now, gets the enhanced target.
# reporting's pages promise these two targets to reporters in words: change both together.
ENHANCED_ACKNOWLEDGE_WORKING_DAYS = 1  # CASEWORK_ENHANCED_ACKNOWLEDGE_WORKING_DAYS
STANDARD_ACKNOWLEDGE_WORKING_DAYS = 5  # CASEWORK_STANDARD_ACKNOWLEDGE_WORKING_DAYS
# Right 6: the victim is kept updated; a case with no caseworker message for this long is overdue.
UPDATE_INTERVAL_DAYS = 28  # CASEWORK_UPDATE_INTERVAL_DAYS

# England and Wales bank holidays (gov.uk/bank-holidays); working days skip them and weekends.
BANK_HOLIDAYS = frozenset(
    datetime.date.fromisoformat(day)
    for day in [
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
    ]
)

# ASB case review (community trigger), Anti-social Behaviour, Crime and Policing Act 2014 s.104:
# at least this many qualifying complaints within the window. A complaint qualifies when it was
# made within one month of the incident (s.104(12)-(13) as set out in the statutory guidance).
CASE_REVIEW_THRESHOLD = 3  # CASEWORK_CASE_REVIEW_THRESHOLD
CASE_REVIEW_WINDOW_DAYS = 183  # six months; CASEWORK_CASE_REVIEW_WINDOW_DAYS
CASE_REVIEW_COMPLAINT_WITHIN_DAYS = 31  # CASEWORK_CASE_REVIEW_COMPLAINT_WITHIN_DAYS
# How hate incidents count (CASEWORK_CASE_REVIEW_HATE_INCIDENTS):
#   "count"   - a hate incident counts as one complaint like any other (default);
#   "trigger" - one hate incident alone meets the threshold (South Wales, Hinckley and Bosworth);
#   "ignore"  - only anti-social behaviour complaints count.
CASE_REVIEW_HATE_INCIDENTS = "count"
# Published procedure: decide whether the threshold is met within 10 working days of the
# application, hold the review and tell the applicant the outcome within 25 working days.
CASE_REVIEW_THRESHOLD_DECISION_WORKING_DAYS = 10  # CASEWORK_CASE_REVIEW_THRESHOLD_DECISION_WORKING_DAYS
CASE_REVIEW_OUTCOME_WORKING_DAYS = 25  # CASEWORK_CASE_REVIEW_OUTCOME_WORKING_DAYS

# Retention after a case is closed, per record type (UK GDPR Art. 5(1)(e)); days.
# - hate crime: 6 years, as police crime records of this kind and for civil claims (Limitation Act 1980);
# - non-crime hate incident: 1 year, then reviewed - the 2023 NCHI Code asks that personal data of
#   an NCHI be kept no longer than necessary; we delete rather than keep by default;
# - anti-social behaviour: 3 years (case review history and injunction evidence);
# - not recorded (closed without a classification): 1 year;
# - a report nobody ever made a case of: 2 years after it was made.
RETENTION_DAYS = {  # CASEWORK_RETENTION_DAYS
    "hate_crime": 6 * 365,
    "nchi": 365,
    "asb": 3 * 365,
    "": 365,
    "report_without_case": 2 * 365,
}
# Owners are warned this many days before anything is deleted; nothing is deleted sooner than
# this many days after its warning, even if it was already due.
RETENTION_WARNING_DAYS = 30  # CASEWORK_RETENTION_WARNING_DAYS


def setting(name):
    return getattr(settings, f"CASEWORK_{name}", globals()[name])


def add_working_days(start, days):
    """The date ``days`` working days after ``start`` (a date), skipping weekends and bank holidays."""
    holidays = setting("BANK_HOLIDAYS")
    day = start
    added = 0
    while added < days:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            added += 1
    return day


def has_enhanced_rights(report):
    """Enhanced rights under the Victims' Code: hate crime victims, and anyone who does not feel safe now."""
    return "hate" in (report.strands or []) or report.safe_now == "no"


def acknowledge_by(report):
    """The last day to acknowledge the report (Victims' Code Right 3), counted from the day it was made."""
    days = setting(
        "ENHANCED_ACKNOWLEDGE_WORKING_DAYS" if has_enhanced_rights(report) else "STANDARD_ACKNOWLEDGE_WORKING_DAYS"
    )
    from django.utils import timezone

    return add_working_days(timezone.localtime(report.submitted_at).date(), days)
