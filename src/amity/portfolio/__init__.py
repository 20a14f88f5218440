"""The work of an alliance secretariat and an international-relations office.

Project portfolios and their yearly versions, council meetings with agenda items and
decisions, follow-up views and calendar feeds, activity indicators, reports
(HTML, PDF, XLSX) and spreadsheet imports. Every registry write goes through
amity.registry.services so the change log names the actor.
"""
