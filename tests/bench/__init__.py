"""Benchmarks: `make bench` prints figures. Nothing here asserts a timing."""
