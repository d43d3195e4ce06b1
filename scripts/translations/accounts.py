"""Chinese translations for the accounts and platform work (issues #10, #11)."""

T = {
    "Too many failed sign-in attempts. Wait %(minutes)s minutes, then try again, or reset your password.":
        "登录失败次数过多。请等待 %(minutes)s 分钟后再试，或重设密码。",
}
P: dict = {}
