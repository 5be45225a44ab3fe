"""The printed documents (DESIGN.md §4): functions from domain data to PDF bytes, one module
per document, sharing the fonts, styles and page furniture defined here."""
