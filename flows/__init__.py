"""The method: flow definitions, the engine that walks them, and coaching checks.

Nothing in this package imports `telegram`: Telegram, the console and the tests are thin
drivers of the same engine.
"""
