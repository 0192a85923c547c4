"""Rule implementations, grouped by what they look at."""
