from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.accounts.audit import audit_record
from circularcities.accounts.forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    AuditFilterForm,
    InvitationForm,
)
from circularcities.accounts.models import (
    ApiToken,
    AuditEvent,
    CityMembership,
    Invitation,
    Notification,
)
from circularcities.accounts.notify import mark_read
from circularcities.accounts.permissions import require_invite, require_read_audit_log
from circularcities.accounts.services import api_token_create, api_token_revoke, invitation_send


@login_required
def profile(request, token_form=None):
    return render(request, "accounts/profile.html", {
        "memberships": CityMembership.objects.filter(user=request.user).select_related("city"),
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
        "token_form": token_form or ApiTokenForm(),
        "new_token": request.session.pop("new_api_token", None),
    }, status=400 if token_form is not None else 200)


@login_required
@require_POST
def create_token(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return profile(request, token_form=form)
    _token, raw = api_token_create(user=request.user, name=form.cleaned_data["name"] or _("script"),
                                   days=form.cleaned_data["days"])
    request.session["new_api_token"] = raw
    return redirect("accounts:profile")


@login_required
@require_POST
def revoke_token(request, pk):
    api_token_revoke(user=request.user, token_id=pk)
    messages.success(request, _("The token is revoked: scripts using it are refused from now on."))
    return redirect("accounts:profile")


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session signed in
        audit_record(AuditEvent.Kind.PASSWORD_CHANGED, user=self.request.user, request=self.request)
        messages.success(self.request, _("Your password is changed."))
        return response


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(AuditEvent.Kind.PASSWORD_RESET, user=form.user, request=self.request)
        return response


AUDIT_PAGE_SIZE = 50


@login_required
def audit_log(request):
    require_read_audit_log(request.user)
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.select_related("user", "actor")
    if form.is_valid():
        data = form.cleaned_data
        if data["user"]:
            events = events.filter(username__icontains=data["user"])
        if data["kind"]:
            events = events.filter(kind=data["kind"])
        if data["date_from"]:
            events = events.filter(created_at__date__gte=data["date_from"])
        if data["date_to"]:
            events = events.filter(created_at__date__lte=data["date_to"])
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/audit_log.html",
                  {"form": form, "page": page, "query": query.urlencode()},
                  status=400 if form.is_bound and not form.is_valid() else 200)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    require_invite(request.user)
    form = InvitationForm(request.POST or None, initial=_invitation_initial(request.GET))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        inv = invitation_send(
            inviter=request.user, email=data["email"], role=data["role"], cities=data.get("cities") or [],
            organisation=data.get("organisation"), request=request,
            link_for=lambda token: request.build_absolute_uri(reverse("accounts:accept_invitation", args=[token])))
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": inv.email})
        return redirect("accounts:invite")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/invite.html", {
        "form": form, "invitations": Invitation.objects.order_by("-created_at")[:20]}, status=status)


def _invitation_initial(query) -> dict:
    """``?city=<slug>`` or ``?organisation=<slug>`` (links from the back office) pre-fill the form."""
    from django.apps import apps

    from circularcities.accounts.models import Role

    initial: dict = {}
    if query.get("city"):
        initial["cities"] = list(apps.get_model("coalition", "City").objects.filter(slug=query["city"]))
        initial["role"] = Role.CITY
    if query.get("organisation"):
        initial["organisation"] = apps.get_model("coalition", "Partner").objects.filter(
            slug=query["organisation"]).first()
        initial["role"] = Role.PARTNER
    return initial


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    inv = Invitation.find(token)
    if inv is None or not inv.usable:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            inv = Invitation.objects.select_for_update().get(pk=inv.pk)
            if not inv.usable:
                return render(request, "accounts/invitation_invalid.html", status=404)
            user = get_user_model().objects.create_user(
                username=form.cleaned_data["username"], email=inv.email,
                password=form.cleaned_data["password1"], first_name=form.cleaned_data["first_name"])
            user.profile.role = inv.role
            user.profile.organisation = inv.organisation
            user.profile.save()
            for city in inv.cities.all():
                CityMembership.objects.create(user=user, city=city)
            inv.accepted_at = timezone.now()
            inv.accepted_user = user
            inv.save(update_fields=["accepted_at", "accepted_user"])
            audit_record(AuditEvent.Kind.INVITATION_ACCEPTED, user=user, request=request,
                         detail=f"{inv.role}: {inv.email}, invited by {inv.invited_by.get_username()}")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("home")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": inv},
                  status=400 if request.method == "POST" else 200)


@login_required
def inbox(request):
    """The user's notifications, newest first; opening the inbox leaves them unread
    until the user marks them (one by one by following them, or all at once)."""
    page = Paginator(Notification.objects.filter(user=request.user), 30).get_page(request.GET.get("page"))
    return render(request, "accounts/inbox.html", {"page": page})


@login_required
@require_POST
def inbox_read(request, pk=None):
    mark_read(request.user, pk)
    if pk is not None:
        note = Notification.objects.filter(user=request.user, pk=pk).first()
        if note is not None and note.url.startswith("/") and not note.url.startswith("//"):
            return redirect(note.url)
    return redirect("accounts:inbox")
