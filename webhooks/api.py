"""Webhook endpoints in the API, /api/v1/webhooks/: a program registers, changes, pauses
and deletes its owner's endpoints, reads their delivery logs and sends a delivery again.
Each user sees only their own. A token that may only read may manage them too: an
endpoint is sent only what that token could read."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.requests import account_of
from core.api.schema import ErrorSerializer
from core.api.views import Conflict, KnownParameters, Pages
from webhooks import delivery, tasks
from webhooks.models import CHOSEN_EVENT_CHOICES, Attempt, Delivery, Endpoint


class EndpointSerializer(serializers.ModelSerializer):
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=CHOSEN_EVENT_CHOICES),
        min_length=1,
        help_text="What to send. Endpoints that follow incidents are also sent feed.resync.",
    )
    secret = serializers.CharField(
        read_only=True, help_text="Check each delivery's webhook-signature with it."
    )

    class Meta:
        model = Endpoint
        fields = ["id", "name", "url", "events", "is_active", "secret", "created_at"]
        read_only_fields = ["id", "secret", "created_at"]


class AttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attempt
        fields = ["at", "status_code", "error", "duration_ms"]
        read_only_fields = fields


class DeliverySerializer(serializers.ModelSerializer):
    attempt_log = AttemptSerializer(many=True, read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "message_id",
            "event",
            "reference",
            "position",
            "created_at",
            "state",
            "attempts",
            "next_attempt_at",
            "delivered_at",
            "outcome",
            "attempt_log",
        ]
        read_only_fields = fields


class EndpointViewSet(
    KnownParameters,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Your webhook endpoints (README, "Webhooks")."""

    serializer_class = EndpointSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = Pages
    filter_backends = []
    paged_actions = ("list", "deliveries")
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Endpoint]:
        if getattr(self, "swagger_fake_view", False):  # the schema, made without a user
            return Endpoint.objects.none()
        return Endpoint.objects.filter(owner=account_of(self.request))

    def perform_create(self, serializer: BaseSerializer[Endpoint]) -> None:
        serializer.instance = _saved(
            Endpoint(owner=account_of(self.request), **serializer.validated_data)
        )

    def perform_update(self, serializer: BaseSerializer[Endpoint]) -> None:
        endpoint = serializer.instance
        assert endpoint is not None  # an update's serializer holds the endpoint it updates
        data = dict(serializer.validated_data)
        active = data.pop("is_active", endpoint.is_active)
        for name, value in data.items():
            setattr(endpoint, name, value)
        _saved(endpoint)
        if active == endpoint.is_active:
            return
        if not active:
            delivery.pause(endpoint)
            return
        try:
            tasks.send_all(delivery.resume(endpoint))
        except DjangoValidationError as error:
            raise ValidationError({"url": error.messages}) from None

    @extend_schema(request=None, responses=EndpointSerializer)
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request: Request, pk: str | None = None) -> Response:
        """A new signing secret, used from the next attempt on."""
        endpoint = self.get_object()
        delivery.rotate_secret(endpoint)
        return Response(EndpointSerializer(endpoint).data)

    @extend_schema(responses=DeliverySerializer(many=True))
    @action(detail=True, pagination_class=Pages)
    def deliveries(self, request: Request, pk: str | None = None) -> Response:
        """The endpoint's delivery log, the latest first, with every attempt."""
        endpoint = self.get_object()
        page = self.paginate_queryset(endpoint.deliveries.prefetch_related("attempt_log"))
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)

    @extend_schema(
        request=None,
        responses={
            200: DeliverySerializer,
            409: ErrorSerializer,
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"deliveries/(?P<delivery_id>[0-9]+)/replay",
    )
    def replay(
        self, request: Request, pk: str | None = None, delivery_id: str | None = None
    ) -> Response:
        """Send a delivery again, built anew for what you may see now."""
        sent = self.get_object().deliveries.filter(pk=delivery_id).first()
        if sent is None:
            raise serializers.ValidationError({"delivery_id": ["No such delivery."]})
        try:
            delivery.replay(sent)
        except delivery.NotAllowed as error:
            raise Conflict(str(error)) from None
        tasks.send.enqueue(sent.pk)
        sent.refresh_from_db()
        return Response(DeliverySerializer(sent).data, status=status.HTTP_200_OK)


def _saved(endpoint: Endpoint) -> Endpoint:
    try:
        return delivery.save(endpoint)
    except DjangoValidationError as error:
        raise ValidationError(
            error.message_dict
            if hasattr(error, "error_dict")
            else {"non_field_errors": error.messages}
        ) from None
