"""Renderers over one finding type: text, JSON, SARIF, GitHub annotations, rule docs."""
