/// Placeholder until the export writers land.
