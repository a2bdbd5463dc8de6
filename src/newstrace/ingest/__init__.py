"""newstrace.ingest stage."""
