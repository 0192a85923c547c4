"""JMAP method handlers, one module per type."""
