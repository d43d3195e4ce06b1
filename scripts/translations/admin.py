"""Chinese for the secretariat's admin site titles."""

T = {
    "Circular Cities: secretariat administration": "循环城市：秘书处管理",
    "Circular Cities administration": "循环城市管理",
    "Secretariat administration": "秘书处管理",
}
