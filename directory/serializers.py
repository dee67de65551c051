"""Open Referral UK JSON shapes (schema/compiled/*.json), used by the API and the JSON export.

Optional fields are omitted rather than sent as null or "" (ORUK compliance); fields a schema
requires are always sent. ``attributes`` come from ``context["attributes"]`` (link_id → list),
filled in one query by ``directory.selectors.attach_attributes``.
"""

import datetime

from rest_framework import serializers

from . import models


class NumberField(serializers.Field):
    """A JSON number: integral values as integers (12, not 12.0), others as floats."""

    def to_representation(self, value):
        number = float(value)
        return int(number) if number.is_integer() else number


class UTCDateTimeField(serializers.Field):
    """ISO 8601 in UTC with milliseconds, e.g. 2023-03-15T10:30:45.123Z."""

    def to_representation(self, value):
        return value.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class UUIDText(serializers.Field):
    def to_representation(self, value):
        return str(value)


class OpenReferralSerializer(serializers.Serializer):
    required_fields = frozenset({"id"})

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {
            key: value
            for key, value in data.items()
            if key in self.required_fields or (value is not None and value != "")
        }


def _id():
    return UUIDText()


class AttributesField(serializers.Field):
    """The attributes whose link_id is this record's id."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        by_link = self.context.get("attributes")
        if by_link is None:
            attributes = models.Attribute.objects.filter(link_id=instance.pk).select_related("taxonomy_term")
        else:
            attributes = by_link.get(instance.pk, [])
        return AttributeSerializer(attributes, many=True, context=self.context).data


class TaxonomyTermSerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "name", "description"})
    id = _id()
    name = serializers.CharField()
    description = serializers.CharField()
    parent_id = _id()
    taxonomy = serializers.CharField(source="taxonomy_name")
    taxonomy_id = _id()
    term_uri = serializers.CharField()
    term = serializers.CharField()


class TaxonomySerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "name", "description"})
    id = _id()
    name = serializers.CharField()
    description = serializers.CharField()
    uri = serializers.CharField()
    version = serializers.CharField()


class TaxonomyWithTermsSerializer(TaxonomySerializer):
    taxonomy_terms = TaxonomyTermSerializer(many=True)


class AttributeSerializer(OpenReferralSerializer):
    id = _id()
    link_id = _id()
    taxonomy_term_id = _id()
    link_type = serializers.CharField()
    value = serializers.CharField()
    label = serializers.CharField()
    taxonomy_term = TaxonomyTermSerializer(allow_null=True)


class OrganizationIdentifierSerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "identifier_type", "identifier"})
    id = _id()
    organization_id = _id()
    identifier_scheme = serializers.CharField()
    identifier_type = serializers.CharField()
    identifier = serializers.CharField()
    attributes = AttributesField()


class OrganizationListSerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "name", "description"})
    id = _id()
    name = serializers.CharField()
    description = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    logo = serializers.CharField()
    uri = serializers.CharField()
    parent_organization_id = _id()


class OrganizationSerializer(OrganizationListSerializer):
    organization_identifiers = OrganizationIdentifierSerializer(many=True)
    attributes = AttributesField()


class AddressSerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "address_1", "city", "state_province", "postal_code", "country", "address_type"})
    id = _id()
    location_id = _id()
    attention = serializers.CharField()
    address_1 = serializers.CharField()
    address_2 = serializers.CharField()
    city = serializers.CharField()
    region = serializers.CharField()
    state_province = serializers.CharField()
    postal_code = serializers.CharField()
    country = serializers.CharField()
    address_type = serializers.CharField()
    attributes = AttributesField()


class AccessibilitySerializer(OpenReferralSerializer):
    id = _id()
    location_id = _id()
    description = serializers.CharField()
    details = serializers.CharField()
    url = serializers.CharField()
    accessibility = serializers.CharField()
    attributes = AttributesField()


class LocationListSerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "location_type"})
    id = _id()
    location_type = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    latitude = NumberField()
    longitude = NumberField()
    external_identifier = serializers.CharField()
    external_identifier_type = serializers.CharField()


class LocationSerializer(LocationListSerializer):
    addresses = AddressSerializer(many=True)
    accessibility = AccessibilitySerializer(many=True)
    attributes = AttributesField()


class ScheduleSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    location_id = _id()
    service_at_location_id = _id()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField()
    dtstart = serializers.DateField()
    timezone = serializers.CharField()
    until = serializers.DateField()
    count = serializers.IntegerField()
    wkst = serializers.CharField()
    freq = serializers.CharField()
    interval = serializers.IntegerField()
    byday = serializers.CharField()
    byweekno = serializers.CharField()
    bymonthday = serializers.CharField()
    byyearday = serializers.CharField()
    description = serializers.CharField()
    opens_at = serializers.TimeField()
    closes_at = serializers.TimeField()
    schedule_link = serializers.CharField()
    attending_type = serializers.CharField()
    notes = serializers.CharField()


class ServiceAreaSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    name = serializers.CharField()
    extent = serializers.CharField()
    extent_type = serializers.CharField()
    uri = serializers.CharField()
    service_area = serializers.CharField()


class LanguageSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    location_id = _id()
    phone_id = _id()
    name = serializers.CharField()
    code = serializers.CharField()
    note = serializers.CharField()


class FundingSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    organization_id = _id()
    source = serializers.CharField()


class CostOptionSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField()
    option = serializers.CharField()
    currency = serializers.CharField()
    amount = NumberField()
    amount_description = serializers.CharField()


class PhoneSerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "number"})
    id = _id()
    contact_id = _id()
    service_id = _id()
    location_id = _id()
    organization_id = _id()
    service_at_location_id = _id()
    number = serializers.CharField()
    extension = serializers.CharField()
    type = serializers.CharField()
    description = serializers.CharField()


class ContactSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    organization_id = _id()
    location_id = _id()
    service_at_location_id = _id()
    name = serializers.CharField()
    title = serializers.CharField()
    department = serializers.CharField()
    email = serializers.CharField()
    phones = PhoneSerializer(many=True)
    attributes = AttributesField()


class ServiceListSerializer(OpenReferralSerializer):
    required_fields = frozenset({"id", "name", "status"})
    id = _id()
    organization_id = _id()
    name = serializers.CharField()
    description = serializers.CharField()
    url = serializers.CharField()
    email = serializers.CharField()
    status = serializers.CharField()
    fees = serializers.CharField()
    accreditations = serializers.CharField()
    minimum_age = NumberField()
    maximum_age = NumberField()
    assured_date = serializers.DateField()
    assurer_email = serializers.CharField()
    alert = serializers.CharField()
    last_modified = UTCDateTimeField()
    organization = OrganizationListSerializer(allow_null=True)


class _ServiceNested(ServiceListSerializer):
    schedules = ScheduleSerializer(many=True)
    service_areas = ServiceAreaSerializer(many=True)
    languages = LanguageSerializer(many=True)
    organization = OrganizationSerializer(allow_null=True)
    funding = FundingSerializer(many=True)
    cost_options = CostOptionSerializer(many=True)
    contacts = ContactSerializer(many=True)
    attributes = AttributesField()


class ServiceAtLocationInServiceSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    location_id = _id()
    description = serializers.CharField()
    location = LocationSerializer()
    attributes = AttributesField()


class ServiceSerializer(_ServiceNested):
    """service_full: a service with everything the standard nests in it."""

    service_at_locations = ServiceAtLocationInServiceSerializer(many=True)


class ServiceAtLocationListSerializer(OpenReferralSerializer):
    id = _id()
    service_id = _id()
    location_id = _id()
    description = serializers.CharField()
    location = LocationListSerializer()
    service = ServiceListSerializer()


class ServiceAtLocationSerializer(ServiceAtLocationListSerializer):
    """service_at_location_full: the location and the service, each fully nested."""

    location = LocationSerializer()
    service = _ServiceNested()
    schedules = ScheduleSerializer(many=True)
    contacts = ContactSerializer(many=True)
    phones = PhoneSerializer(many=True)
    attributes = AttributesField()
