from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from circularcities.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="accounts/password_reset_email.txt",
        success_url=reverse_lazy("accounts:password_reset_done")), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html"), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirm.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"), name="password_reset_complete"),
    path("me/", views.profile, name="profile"),
    path("me/tokens/", views.create_token, name="create_token"),
    path("me/tokens/<int:pk>/revoke/", views.revoke_token, name="revoke_token"),
    path("me/inbox/", views.inbox, name="inbox"),
    path("me/inbox/read/", views.inbox_read, name="inbox_read_all"),
    path("me/inbox/<int:pk>/read/", views.inbox_read, name="inbox_read"),
    path("me/password/", views.PasswordChange.as_view(), name="password_change"),
    path("audit/", views.audit_log, name="audit_log"),
    path("invite/", views.invite, name="invite"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
