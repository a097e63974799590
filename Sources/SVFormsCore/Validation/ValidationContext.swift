/// Facts a validator needs beyond the input.
public struct ValidationContext: Sendable {
    /// Today in the partnership's time zone, for date limits.
    public var today: CalendarDay

    public init(today: CalendarDay) {
        self.today = today
    }
}
