"""Yamaguchi food-waste collection demo: ``scenario.xlsx`` and the script that builds it.

See README.md in this folder for what is real, generated and assumed.
"""
