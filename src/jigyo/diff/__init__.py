"""Comparing two years of plans: what changed, for a reviewer and a board (新旧対照表)."""
