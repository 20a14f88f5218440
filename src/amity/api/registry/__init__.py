"""Routers for the registry's record types, one module per area of the domain."""
