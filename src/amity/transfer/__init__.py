"""Export and import: the lossless dump of every table (dump, load), and the registry as JSON or CSV."""

from amity.transfer.exporter import export_csv, export_registry
from amity.transfer.importer import ImportFailed, import_registry, read_import_file

__all__ = ["ImportFailed", "export_csv", "export_registry", "import_registry", "read_import_file"]
