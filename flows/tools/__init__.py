"""One module per tool of the method; each defines `register(registry)`."""
