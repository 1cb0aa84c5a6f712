"""Whole blogs written for the tests, served by the tests' local server (tests/conftest.py)."""
