"""Japanese for session 23's item, alternative and waste-stream names per language (issue #12)."""

LANG = "ja"

T = {
    'name': '名称',
    'This item has an alternative with this name already.': 'この品目には同じ名前の代替案がすでにあります。',
    'A CSV file or the Excel template, one row per stream and year (or month). Every row is checked first: nothing is imported unless every row is right, and each problem names its row and column. Streams are matched on area, English name, year and month, so importing the same file again changes nothing.': 'CSVファイルまたはExcelテンプレートで、流れと年（または月）ごとに1行です。まず全行を確認し、すべて正しい場合のみインポートします。問題ごとに行と列を示します。流れは分野・英語名・年・月で照合するため、同じファイルを再度インポートしても何も変わりません。',
}
