"""Model admins for the secretariat's admin site (:mod:`circularcities.site.admin_site`).

Every permission asks the admin site (which asks the accounts roles), so no model admin
can be more open than the site. Writes go through the same services as the pages
(``ServiceAdmin``); a model without a service yet is shown read-only (``ReadOnlyAdmin``),
so the admin is never a way around the rules.
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from circularcities.core.rules import FieldError
from circularcities.web.fielderrors import add_to_form

# The site's titles, here so that web's catalogue translates them (site/ has none).
SITE_HEADER = _("Circular Cities: secretariat administration")
SITE_TITLE = _("Circular Cities administration")
INDEX_TITLE = _("Secretariat administration")


class SecretariatAdmin(admin.ModelAdmin):
    """Everything in the admin is for the secretariat (by role, not by Django permission)."""

    def _ok(self, request) -> bool:
        return bool(self.admin_site.has_permission(request))

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
