from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.accounts.forms import AcceptInvitationForm, InvitationForm
from circularcities.accounts.models import ApiToken, CityMembership, Invitation
from circularcities.accounts.permissions import require_invite


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {
        "memberships": CityMembership.objects.filter(user=request.user).select_related("city"),
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
        "new_token": request.session.pop("new_api_token", None),
    })


@login_required
@require_POST
def create_token(request):
    name = (request.POST.get("name") or "").strip() or _("script")
    _token, raw = ApiToken.issue(request.user, name[:80])
    request.session["new_api_token"] = raw
    return redirect("accounts:profile")


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    require_invite(request.user)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        inv, token = Invitation.issue(email=data["email"], role=data["role"],
                                      organisation=data.get("organisation"), invited_by=request.user)
        inv.cities.set(data.get("cities") or [])
        link = request.build_absolute_uri(reverse("accounts:accept_invitation", args=[token]))
        send_mail(
            subject=_("Invitation to the Circular Cities Platform"),
            message=_("You are invited to the Circular Cities Platform as %(role)s.\n\n"
                      "Open this link within 14 days to create your account:\n%(link)s\n")
            % {"role": inv.get_role_display(), "link": link},
            from_email=None, recipient_list=[inv.email])
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": inv.email})
        return redirect("accounts:invite")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/invite.html", {
        "form": form, "invitations": Invitation.objects.order_by("-created_at")[:20]}, status=status)


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
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("home")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": inv},
                  status=400 if request.method == "POST" else 200)
