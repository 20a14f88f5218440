"""Amity: a system of record and intelligence for city-to-city cooperation."""

__version__ = "0.1.0"
