"""The Django admin as the secretariat's second door.

Roles live in the accounts ``Profile``, not in ``is_staff``: the admin site and every
model admin here ask :func:`circularcities.accounts.permissions.is_secretariat`, so a
city editor, a business or a visitor never gets in, and the secretariat needs no Django
permission rows. Writes go through the same services as the pages (``ServiceAdmin``);
a model without a service yet is shown read-only (``ReadOnlyAdmin``), so the admin is
never a way around the rules.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _

from circularcities.accounts.permissions import is_secretariat
from circularcities.core.rules import FieldError
from circularcities.web.fielderrors import add_to_form


class SecretariatAdminSite(admin.AdminSite):
    site_header = _("Circular Cities: secretariat administration")
    site_title = _("Circular Cities administration")
    index_title = _("Secretariat administration")

    def has_permission(self, request) -> bool:
        return bool(request.user.is_active and is_secretariat(request.user))

    def login(self, request, extra_context=None):
        # One sign-in for the whole platform, with its lock-out and audit: the admin's own
        # form would admit by is_staff, which is not how roles are marked here.
        if request.user.is_authenticated:
            if self.has_permission(request):
                return super().login(request, extra_context)  # redirects to the index
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next") or request.path.replace("login/", ""),
                                 resolve_url(settings.LOGIN_URL))


class SecretariatAdmin(admin.ModelAdmin):
    """Everything in the admin is for the secretariat (by role, not by Django permission)."""

    def _ok(self, request) -> bool:
        return bool(request.user.is_active and is_secretariat(request.user))

    def has_module_permission(self, request) -> bool:
        return self._ok(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._ok(request)

    def has_add_permission(self, request) -> bool:
        return self._ok(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._ok(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._ok(request)


class ReadOnlyAdmin(SecretariatAdmin):
    """Shown, searchable, never written: no service exists for this entity yet, and a
    write that skipped the rules would be worse than no write at all."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ServiceAdmin(SecretariatAdmin):
    """Changes an existing object through its service.

    ``write(request, obj, changes)`` calls the service with the fields the form changed
    (a partial update never overwrites fields it did not send). The service checks every
    rule; its ``FieldError`` is shown beside the field, as on the pages, because the form
    runs the same service inside a transaction that is rolled back (a dry run) while
    validating. Adding and deleting stay off unless a subclass has a service for them.
    """

    def write(self, request, obj, changes: dict):  # pragma: no cover - abstract
        raise NotImplementedError

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class ServiceForm(form_class):  # type: ignore[valid-type, misc]
            def _post_clean(self):
                # Skip the model's own full_clean: the service is the one rule set.
                if self.errors or self.instance.pk is None:
                    return
                from django.db import transaction

                changes = model_admin.changes(self)
                try:
                    with transaction.atomic():
                        fresh = type(self.instance).objects.get(pk=self.instance.pk)
                        model_admin.write(request, fresh, changes)
                        transaction.set_rollback(True)
                except FieldError as exc:
                    add_to_form(self, exc)
                except ValidationError as exc:
                    self.add_error(None, exc)

        return ServiceForm

    def changes(self, form) -> dict:
        return {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}

    def save_model(self, request, obj, form, change) -> None:
        fresh = type(obj).objects.get(pk=obj.pk)
        saved = self.write(request, fresh, self.changes(form))
        # The admin logs and redirects with ``obj``: let it show what was stored.
        for field in obj._meta.concrete_fields:
            setattr(obj, field.attname, getattr(saved, field.attname))
