"""Engines around `process_docs`: a local process pool (and Spark)."""
