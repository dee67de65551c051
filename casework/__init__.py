"""Casework on hate crime and anti-social behaviour reports: triage, risk, referrals, actions, case reviews."""
