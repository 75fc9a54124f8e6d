"""Benchmarks: ``python3 dev.py bench [name ...]`` runs ``bench/bench_<name>.py`` modules."""
