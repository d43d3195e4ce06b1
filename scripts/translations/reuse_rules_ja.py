"""Japanese for the reuse app's own field rules."""

LANG = "ja"
T = {
    "Expected an e-mail address such as name@example.org.": "name@example.org のようなメールアドレスを入力してください。",
    "Expected an address starting with https://.": "https:// で始まるアドレスを入力してください。",
    "This place's repair log already has a record '%(id)s'.": "この場所の修理記録にはすでにレコード「%(id)s」があります。",
    "The centre already has an item '%(ref)s'.": "センターにはすでに品目「%(ref)s」があります。",
    "Parts are offered on the marketplace in the name of the centre's organisation; only its people (or the secretariat) can do this.": "部品はセンターの組織名でマーケットプレイスに出品されます。操作できるのは同組織の担当者（または事務局）のみです。",
    "The library already has an item '%(code)s'.": "このライブラリにはすでに品目「%(code)s」があります。",
}
