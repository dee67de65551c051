"""Read-only API for partners: wards of the boundaries in force, and postcode → LSOA → ward."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors


class GenerationSerializer(serializers.Serializer):
    name = serializers.CharField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)


class WardSummarySerializer(serializers.Serializer):
    gss_code = serializers.CharField(source="ward.gss_code")
    name = serializers.CharField(source="ward.name")
    population = serializers.IntegerField(allow_null=True, help_text="Census 2021 usual residents (TS021).")
    lsoa_count = serializers.IntegerField(help_text="Census 2021 LSOAs counted in the ward (ONS best-fit lookup).")


class NeighbourhoodSerializer(serializers.Serializer):
    code = serializers.CharField(source="lsoa.code")
    name = serializers.CharField(source="lsoa.name")
    population = serializers.IntegerField(allow_null=True, help_text="Null when fewer than 5.")


class EthnicGroupSerializer(serializers.Serializer):
    category = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text="Null when fewer than 5.")


class WardDetailSerializer(serializers.Serializer):
    gss_code = serializers.CharField(source="ward.gss_code")
    name = serializers.CharField(source="ward.name")
    generation = GenerationSerializer(source="ward.generation")
    population = serializers.IntegerField(allow_null=True)
    neighbourhoods = NeighbourhoodSerializer(many=True)
    ethnic_groups = serializers.SerializerMethodField()
    ethnicity_source = serializers.CharField()

    def get_ethnic_groups(self, profile) -> list[dict]:
        return EthnicGroupSerializer(
            [{"category": label, "count": count} for label, count in profile.ethnic_groups], many=True
        ).data


class WardRefSerializer(serializers.Serializer):
    gss_code = serializers.CharField()
    name = serializers.CharField()


class PostcodeSerializer(serializers.Serializer):
    postcode = serializers.CharField(source="postcode.postcode")
    is_synthetic = serializers.BooleanField(source="postcode.is_synthetic")
    lsoa21_code = serializers.CharField(source="postcode.lsoa21_code")
    lat = serializers.FloatField(source="postcode.lat", allow_null=True)
    lon = serializers.FloatField(source="postcode.lon", allow_null=True)
    ward = WardRefSerializer(allow_null=True, help_text="The ward whose boundary holds the postcode.")
    lsoa_ward = WardRefSerializer(allow_null=True, help_text="The ward its LSOA is counted in (ONS best fit).")


class PlacesAPIView:
    """Signed-in staff and partner systems only (token or session); declared for the core access check."""

    access_rule = "authenticated"
    permission_classes = [IsAuthenticated]


def _generation():
    choice = selectors.generation_in_force()
    if choice is None:
        raise Http404
    return choice.generation


class WardListAPI(PlacesAPIView, ListAPIView):
    """Wards of the boundaries in force today (or the latest imported), with Census 2021 population."""

    serializer_class = WardSummarySerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.ward_summaries(_generation())


class WardDetailAPI(PlacesAPIView, RetrieveAPIView):
    """One ward: its neighbourhoods (2021 LSOAs) and broad ethnic groups (Census 2021 TS021)."""

    serializer_class = WardDetailSerializer

    def get_object(self):
        ward = selectors.ward_get(_generation(), self.kwargs["gss_code"])
        if ward is None:
            raise Http404
        return selectors.ward_profile(ward)


class PostcodeAPI(PlacesAPIView, APIView):
    """A postcode's 2021 LSOA and ward. Postcodes may be written with or without a space, any case."""

    @extend_schema(responses=PostcodeSerializer)
    def get(self, request, postcode):
        result = selectors.postcode_lookup(postcode)
        if result is None:
            raise Http404
        return Response(PostcodeSerializer(result).data)
