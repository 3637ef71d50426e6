"""The command line: ``cchc index|search|show|stats``."""
