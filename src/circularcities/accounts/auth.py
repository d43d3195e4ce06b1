"""How the API knows who is calling: a personal token or a signed-in session.

Apps declare ``auth=write_auth`` on endpoints that change data.
"""

from __future__ import annotations

from ninja.security import HttpBearer, SessionAuth

from circularcities.web.ratelimit import check_auth_failures, record_auth_failure


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        from circularcities.accounts.models import ApiToken

        check_auth_failures(request, token)
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        else:
            record_auth_failure(request, token)
        return user


class SignedInSession(SessionAuth):
    """The browser's session, CSRF-checked, but only when someone is signed in.

    Ninja's session auth checks CSRF first, so an anonymous script got "CSRF check
    Failed" (403) instead of being told to sign in or send a token (401).
    """

    def _get_key(self, request):
        if not getattr(request.user, "is_authenticated", False):
            return None
        return super()._get_key(request)


write_auth = [TokenAuth(), SignedInSession()]
