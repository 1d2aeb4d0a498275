"""Kringkoers tests."""
