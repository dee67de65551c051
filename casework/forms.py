import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.date_input import GovukDateField
from reporting.models import Characteristic, Strand

from .models import (
    Action,
    CaseReview,
    Classification,
    ClassificationDecision,
    NeedsAssessment,
    Party,
    Referral,
    RiskAssessment,
    RiskLevel,
)

BLANK = [("", _("Any"))]


class IdempotentForm(forms.Form):
    """A hidden key made when the form is shown: posting the same form twice records once."""

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())


class QueueFilterForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[
            *BLANK,
            ("new", _("New (no case yet)")),
            ("awaiting_triage", _("Awaiting triage")),
            ("open", _("Open")),
            ("closed", _("Closed")),
            ("overdue", _("Overdue")),
        ],
    )
    risk = forms.ChoiceField(label=_("Risk"), required=False, choices=[*BLANK, *RiskLevel.choices])
    strand = forms.ChoiceField(
        label=_("Strand"), required=False, choices=[*BLANK, *Strand.choices, *Characteristic.choices]
    )
    ward = forms.ChoiceField(label=_("Ward"), required=False)

    def __init__(self, *args, wards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].choices = [*BLANK, *sorted(wards, key=lambda item: item[1])]


class ClassifyForm(forms.Form):
    classification = forms.ChoiceField(
        label=_("Classification"),
        choices=Classification.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a classification")},
    )
    nchi_threshold = forms.ChoiceField(
        label=_("Non-crime hate incident threshold (2023 Code)"),
        required=False,
        choices=[("", _("Does not apply")), *ClassificationDecision.NchiThreshold.choices],
        help_text=_(
            "Required for a non-crime hate incident, and for one not recorded because it fell below the threshold."
        ),
    )
    reasons = forms.CharField(
        label=_("Reasons for this decision"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        error_messages={"required": _("Enter the reasons for this classification")},
    )

    def clean(self):
        data = super().clean()
        classification, threshold = data.get("classification"), data.get("nchi_threshold") or ""
        if classification == Classification.NCHI and not threshold.startswith("met_"):
            self.add_error(
                "nchi_threshold",
                _("Select why the threshold is met: a non-crime hate incident is recorded only when it is"),
            )
        if classification == Classification.NOT_RECORDED and threshold.startswith("met_"):
            self.add_error("nchi_threshold", _("The threshold is met, so record it as a non-crime hate incident"))
        return data


FACTOR_CHOICES = RiskAssessment.Factor.choices


class RiskForm(forms.Form):
    repeat = forms.TypedChoiceField(
        label=_("Repeat victimisation"),
        choices=FACTOR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Has this happened to them before, from the same or other people?"),
        error_messages={"required": _("Select how far repeat victimisation is a factor")},
    )
    vulnerability = forms.TypedChoiceField(
        label=_("Vulnerability"),
        choices=FACTOR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Age, disability, health, isolation, language, immigration status."),
        error_messages={"required": _("Select how far vulnerability is a factor")},
    )
    escalation = forms.TypedChoiceField(
        label=_("Escalation"),
        choices=FACTOR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Is it getting more frequent or more serious, or are there threats of violence?"),
        error_messages={"required": _("Select how far escalation is a factor")},
    )
    impact = forms.TypedChoiceField(
        label=_("Impact"),
        choices=FACTOR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("The effect on the victim, their family and the community."),
        error_messages={"required": _("Select how great the impact is")},
    )
    notes = forms.CharField(
        label=_("Risk notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )


class NeedsForm(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("What the victim needs"),
        required=False,
        choices=NeedsAssessment.Need.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )


class PartyForm(IdempotentForm):
    kind = forms.ChoiceField(
        label=_("Who is this?"),
        choices=Party.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether this is a victim or someone responsible")},
    )
    name = forms.CharField(
        label=_("Name or label"),
        max_length=200,
        help_text=_("For example a name, or 'Group of young men at the bus station'."),
        error_messages={"required": _("Enter a name or a label")},
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    is_group = forms.BooleanField(label=_("This is a group of people"), required=False)
    group_size = forms.IntegerField(
        label=_("How many people are in the group"),
        required=False,
        min_value=2,
        max_value=500,
        error_messages={
            "invalid": _("Enter the number of people as a whole number, like 4"),
            "min_value": _("A group has at least 2 people"),
            "max_value": _("Enter a number of people up to 500"),
        },
    )
    is_vulnerable = forms.BooleanField(label=_("This person is vulnerable"), required=False)


class ReferralForm(IdempotentForm):
    recipient = forms.ChoiceField(
        label=_("Refer to"),
        choices=Referral.Recipient.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who to refer to")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Receiving organisation"),
        required=False,
        queryset=Organisation.objects.filter(is_active=True),
        empty_label=_("Not a particular organisation"),
        error_messages={"invalid_choice": _("Select an organisation from the list")},
    )
    reason = forms.CharField(
        label=_("Why you are referring"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )

    def clean(self):
        data = super().clean()
        if data.get("recipient") in ("housing_provider", "other") and not data.get("organisation"):
            self.add_error("organisation", _("Select the organisation you are referring to"))
        return data


class ReferralOutcomeForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Referral.Status.choices)
    crime_reference = forms.CharField(
        label=_("Crime reference number"),
        required=False,
        max_length=40,
        error_messages={"max_length": _("A crime reference number has at most 40 characters")},
    )
    outcome = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )


class ActionForm(IdempotentForm):
    kind = forms.ChoiceField(
        label=_("Action"),
        choices=[("", _("Select an action")), *Action.Kind.choices],
        error_messages={"required": _("Select the action taken")},
    )
    police_outcome = forms.TypedChoiceField(
        label=_("Police outcome type (Home Office outcomes framework)"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Not a police outcome")), *Action.PoliceOutcome.choices],
    )
    party = forms.ModelChoiceField(
        label=_("Against"), required=False, queryset=Party.objects.none(), empty_label=_("Not recorded")
    )
    taken_on = GovukDateField(
        label=_("Date"),
        error_name=_("The date of the action"),
        not_future=True,
        error_messages={"required": _("Enter the date of the action")},
    )
    taken_by = forms.CharField(label=_("By (organisation)"), required=False, max_length=200)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["party"].queryset = case.parties.filter(kind=Party.Kind.PERPETRATOR)
        self.fields["party"].label_from_instance = lambda party: party.name

    def clean(self):
        data = super().clean()
        if data.get("kind") == Action.Kind.POLICE_OUTCOME and not data.get("police_outcome"):
            self.add_error("police_outcome", _("Select the police outcome type"))
        return data


class MessageForm(IdempotentForm):
    report = forms.ChoiceField(label=_("To the reporter of"), error_messages={"required": _("Select a report")})
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_(
            "The reporter reads it on the 'check your report' page. Any email or text only says there is news."
        ),
        error_messages={"required": _("Enter a message"), "max_length": _("A message has at most 5,000 characters")},
    )

    def __init__(self, *args, reports=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].choices = [(report.reference, report.reference) for report in reports]
        if len(reports) == 1:
            self.fields["report"].initial = reports[0].reference


class NoteForm(IdempotentForm):
    text = forms.CharField(
        label=_("Case note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        error_messages={"required": _("Enter the note")},
    )


class LinkForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference of the earlier case or of a report"),
        max_length=20,
        help_text=_("A case reference starts with CW-."),
        error_messages={"required": _("Enter a case or report reference")},
    )


class CaseReviewForm(forms.Form):
    step = forms.ChoiceField(
        label=_("What happened"),
        widget=forms.RadioSelect,
        choices=[
            (CaseReview.Stage.APPLIED, _("The applicant asked for a case review")),
            (CaseReview.Stage.THRESHOLD_MET, _("Threshold decision: met, a review will be held")),
            (CaseReview.Stage.THRESHOLD_NOT_MET, _("Threshold decision: not met")),
            (CaseReview.Stage.REVIEWED, _("The review was held and the outcome sent")),
        ],
        error_messages={"required": _("Select what happened")},
    )
    decision = forms.CharField(
        label=_("Decision and recommendations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("step")
            in (CaseReview.Stage.THRESHOLD_MET, CaseReview.Stage.THRESHOLD_NOT_MET, CaseReview.Stage.REVIEWED)
            and not (data.get("decision") or "").strip()
        ):
            self.add_error("decision", _("Enter the decision and the reasons for it"))
        return data
