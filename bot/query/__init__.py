"""Query: pure functions over one Games' data. The name index and resolution (with confidence and
alternatives), summaries (nation, athlete, event, medal table, rankings) and the /ask parser."""
