"""The REST API (/api/v1/): django-ninja over the registry, documents, claims and review.

Owns no models; every write goes through the domain services with the caller as actor.
"""
