"""Readers and writers, one module per format. They turn files into domain values
and refuse, with an ``UnusableInput``, what cannot be used at all."""
