"""Sub-commands of `amity` that work on the registry (Django is set up first)."""
