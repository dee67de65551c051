"""Casework on hate crime and anti-social behaviour reports: triage, risk, referrals, actions, case reviews."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Casework")

    # Links on the staff dashboard: (permission, URL name, text).
    staff_links = [
        ("casework.view_queue", "casework:queue", _("Hate crime and anti-social behaviour cases")),
        ("casework.view_queue", "reporting:start", _("Enter a report made by phone or in person")),
        ("casework.view_referrals", "casework:referral_list", _("Referrals to your organisation")),
        ("casework.view_submitted", "casework:submitted_list", _("Reports your centre submitted")),
        ("casework.view_submitted", "reporting:start", _("Submit a report for someone who came to your centre")),
        ("casework.view_statistics", "casework:statistics", _("Hate crime and anti-social behaviour statistics")),
    ]

    def ready(self):
        from auditlog.registry import auditlog

        # Changes are logged by field name only for encrypted text: the log must not hold plaintext.
        auditlog.register(
            self.get_model("Case"),
            include_fields=["status", "classification", "risk_level", "team", "lead", "acknowledged_at", "closed_at"],
        )
        auditlog.register(self.get_model("CaseReport"), include_fields=["case", "report"])
        auditlog.register(self.get_model("Referral"), include_fields=["recipient", "organisation", "status", "consent"])
        auditlog.register(self.get_model("Action"), include_fields=["kind", "police_outcome", "taken_on", "party"])
        auditlog.register(self.get_model("ClassificationDecision"), include_fields=["classification", "nchi_threshold"])
        auditlog.register(self.get_model("RiskAssessment"), include_fields=["level"])
        auditlog.register(self.get_model("CaseReview"), include_fields=["stage"])
