"""The Qt-free core: domain rules, the store and services.

Nothing under this package may import Qt (a test enforces it), so the CLI,
the tests and the benchmarks can use it on a machine with no display.
"""
