/// Placeholder until the mail module lands.
