"""Keyboard shortcuts that more than one window offers for the same action."""

# Publish the document on show: from the Documents menu and from its preview window.
PUBLISH_SHORTCUT = "Ctrl+Shift+L"
