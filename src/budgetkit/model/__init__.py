"""The model: a final account, its expense categories, projects, indicators, claims and tables."""
