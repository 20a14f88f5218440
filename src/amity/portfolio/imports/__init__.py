"""Spreadsheet imports (CSV, XLSX) of a project list and of a partner list.

read -> plan (a preview with per-row errors; nothing written) -> apply (after the
person confirms; re-planned against the database, then written through registry
services in one transaction).
"""
