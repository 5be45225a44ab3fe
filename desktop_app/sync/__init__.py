"""Sharing through a shared folder (DESIGN.md §5): each machine keeps its own database and
exchanges only files of changes, in its own folder of the share, and content files.

`share` lays out and reads the folder, `outgoing` writes this machine's new changes,
`applying` merges another machine's changes field by field, `content` carries papers and
signed PDFs, `conflicts` lists and resolves what two people changed at once, and `run`
puts one sync together.
"""
