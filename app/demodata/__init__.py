"""Realistic, multilingual marketplace conversations for the demo, the benchmarks and tests.

``corpus`` is pure data plus a script builder (no I/O; the relay's demo seeding may use it);
``generator`` writes N conversations into a profile's store.
"""
