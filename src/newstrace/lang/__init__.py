"""Language data, apart from the rules that read it (as spaCy keeps `lang/en/stop_words.py`).

Each module under `lang/en/` holds word lists only: no regexes that encode a rule, no logic.
"""
