"""Export and import of the whole registry (JSON, lossless round trip; CSV export)."""

from amity.transfer.exporter import export_csv, export_registry
from amity.transfer.importer import ImportFailed, import_registry, read_import_file

__all__ = ["ImportFailed", "export_csv", "export_registry", "import_registry", "read_import_file"]
