"""English word lists read by newstrace.analyze's rules."""
