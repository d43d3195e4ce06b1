Route #1: 2 1
Route #2: 3 5
Route #3: 4 6
Cost 41
