"""Chinese for the reuse app's own field rules."""

T = {
    'Expected an e-mail address such as name@example.org.': '应为电子邮件地址，例如 name@example.org。',
    'Expected an address starting with https://.': '网址应以 https:// 开头。',
    "This place's repair log already has a record '%(id)s'.": '该地点的维修记录中已有编号“%(id)s”。',
    "The centre already has an item '%(ref)s'.": '中心已有编号为“%(ref)s”的物品。',
    "Parts are offered on the marketplace in the name of the centre's organisation; only its people (or the secretariat) can do this.": '零部件以中心所属机构的名义在交易市场发布；只有该机构人员（或秘书处）可以操作。',
    "The library already has an item '%(code)s'.": '该物品库已有编号为“%(code)s”的物品。',
}
