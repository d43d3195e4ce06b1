from axes.signals import user_locked_out
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from circularcities.accounts.audit import audit_record
from circularcities.accounts.models import AuditEvent, CityMembership, Profile

Kind = AuditEvent.Kind


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


def _account(username):
    if not username:
        return None
    return get_user_model().objects.filter(username=username).first()


@receiver(user_logged_in)
def on_sign_in(sender, request, user, **kwargs):
    audit_record(Kind.SIGN_IN, user=user, request=request)


@receiver(user_login_failed)
def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username") or "")
    audit_record(Kind.SIGN_IN_FAILED, user=_account(username), username=username, request=request)


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    from django.utils import timezone

    from circularcities.accounts.audit import client_address

    # django-axes signals a lock-out at every refused attempt; one event per cool-off is enough.
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    if AuditEvent.objects.filter(kind=Kind.LOCKED_OUT, username=username or "",
                                 ip_address=client_address(request), created_at__gte=since).exists():
        return
    audit_record(Kind.LOCKED_OUT, user=_account(username), username=username or "", request=request)


@receiver(user_logged_out)
def on_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(Kind.SIGN_OUT, user=user, request=request)


@receiver(pre_save, sender=Profile)
def remember_role(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._audit_old_role = None
        return
    instance._audit_old_role = Profile.objects.filter(pk=instance.pk).values_list("role", flat=True).first()


@receiver(post_save, sender=Profile)
def on_role_saved(sender, instance, created, raw=False, **kwargs):
    old = getattr(instance, "_audit_old_role", None)
    if raw or created or old is None or old == instance.role:
        return
    audit_record(Kind.ROLE_CHANGED, user=instance.user, detail=f"{old} → {instance.role}")


@receiver(pre_save, sender=CityMembership)
def remember_level(sender, instance, raw=False, **kwargs):
    instance._audit_old_level = None if raw or instance.pk is None else (
        CityMembership.objects.filter(pk=instance.pk).values_list("level", flat=True).first())


@receiver(post_save, sender=CityMembership)
def on_membership_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    where = f"{instance.city.slug}: {instance.level}"
    if created:
        audit_record(Kind.MEMBERSHIP_ADDED, user=instance.user, detail=where)
    elif instance._audit_old_level not in (None, instance.level):
        audit_record(Kind.MEMBERSHIP_CHANGED, user=instance.user,
                     detail=f"{instance.city.slug}: {instance._audit_old_level} → {instance.level}")


@receiver(post_delete, sender=CityMembership)
def on_membership_removed(sender, instance, **kwargs):
    City = apps.get_model("coalition", "City")  # by label: accounts sits below coalition

    # Names, not links: the user or city may be being deleted in this same transaction.
    name = get_user_model().objects.filter(pk=instance.user_id).values_list("username", flat=True).first()
    city = City.objects.filter(pk=instance.city_id).values_list("slug", flat=True).first()
    audit_record(Kind.MEMBERSHIP_REMOVED, username=name or f"#{instance.user_id}",
                 detail=f"{city or instance.city_id}: {instance.level}")
