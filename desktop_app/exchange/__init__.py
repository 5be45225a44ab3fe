"""The exchange format `minute-book/1` (DESIGN.md §7): a body's whole record as one JSON file."""

from desktop_app.exchange.exporter import export_data, export_file
from desktop_app.exchange.format_fields import FORMAT
from desktop_app.exchange.importer import import_data, import_file
from desktop_app.exchange.summary import ImportSummary

__all__ = [
    "FORMAT",
    "ImportSummary",
    "export_data",
    "export_file",
    "import_data",
    "import_file",
]
