"""Outputs: data frames and Arrow, charts, notebook HTML, the Fiscal Data Package."""
