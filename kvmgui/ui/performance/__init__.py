"""Live performance: charts, the domain Performance page, the host CPU page, sparklines."""
