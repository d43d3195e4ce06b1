"""Chinese for the back office's rules in core (core catalogue)."""

T = {
    "Use lower-case letters, digits and hyphens (e.g. 'new-city'); got '%(value)s'.": "请使用小写字母、数字和连字符（例如“new-city”）；收到“%(value)s”。",
    "Expected a two-letter ISO 3166 country code such as NL or CN; got '%(value)s'.": "应为两个字母的 ISO 3166 国家代码，例如 NL 或 CN；收到“%(value)s”。",
    "Expected an e-mail address such as name@example.org; got '%(value)s'.": "应为电子邮件地址，例如 name@example.org；收到“%(value)s”。",
}
