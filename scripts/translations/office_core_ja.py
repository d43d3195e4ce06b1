"""Japanese for the back office's rules in core (core catalogue)."""

LANG = "ja"
T = {
    "Use lower-case letters, digits and hyphens (e.g. 'new-city'); got '%(value)s'.": "小文字・数字・ハイフンを使ってください（例：「new-city」）。入力値：「%(value)s」。",
    "Expected a two-letter ISO 3166 country code such as NL or CN; got '%(value)s'.": "NL や CN のような2文字の ISO 3166 国コードを入力してください。入力値：「%(value)s」。",
    "Expected an e-mail address such as name@example.org; got '%(value)s'.": "name@example.org のようなメールアドレスを入力してください。入力値：「%(value)s」。",
}
