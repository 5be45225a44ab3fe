"""The papers of a meeting: documents attached to items and the issues of its agenda pack."""
