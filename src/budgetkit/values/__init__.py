"""Values: exact numbers, money in 万元, ratios, changes, intervals, allocation, units, formatting."""
