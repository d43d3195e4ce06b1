"""Chinese for the waste-stream rules in core (core catalogue)."""

T = {
    'The treatment routes add up to %(routes)s t, more than the %(generated)s t generated.': '各处理途径合计 %(routes)s 吨，超过产生量 %(generated)s 吨。',
    'Collected (%(collected)s t) is more than generated (%(generated)s t).': '收集量（%(collected)s 吨）超过产生量（%(generated)s 吨）。',
    'Uncontrolled disposal (%(value)s t) is more than landfill, incineration and other together (%(limit)s t).': '非受控处置量（%(value)s 吨）超过填埋、焚烧和其他途径之和（%(limit)s 吨）。',
    'Waste utilised from storage is recorded for industrial solid waste only.': '仅工业固体废物可填写综合利用往年贮存量。',
    'Expected a month from 1 to 12; got %(value)s.': '月份应在 1 到 12 之间；收到 %(value)s。',
    "'%(value)s' is not a code of the EU List of Waste (six digits such as 20 01 08).": '“%(value)s”不是《欧盟废物目录》中的代码（六位数字，例如 20 01 08）。',
}
