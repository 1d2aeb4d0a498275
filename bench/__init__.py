"""The benchmark: `python -m bench` measures the real bot against a bare PTB echo bot.

Both run in their own processes against the fake Bot API of `tests/fakebot`, which runs in the
benchmark's process together with the simulated people who drive them.
"""
