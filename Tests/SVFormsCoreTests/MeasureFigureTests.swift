import SVFormsCore
import Testing

/// Figures worked by hand; bounds are the Wilson 95% interval of the unrounded proportion
/// (see WilsonIntervalTests), as percentages rounded to 1 dp.
@Suite struct MeasureFigureTests {
    @Test func sevenOutOfTen() {
        let figure = MeasureFigure(numerator: 7, denominator: 10)
        #expect(figure.percentage == 70.0)  // 100 × 7/10
        #expect(figure.lowerBound == 39.7)  // 39.6778 → 39.7
        #expect(figure.upperBound == 89.2)  // 89.2209 → 89.2
        #expect(figure.change == nil)  // nothing to compare with
        #expect(figure.note == nil)  // 10 ratings is enough
    }

    @Test func allMetAndNoneMetReachTheEndsOfTheScale() {
        let all = MeasureFigure(numerator: 10, denominator: 10)
        #expect(all.percentage == 100.0)
        #expect(all.lowerBound == 72.2)  // 10/13.8415 = 72.2467 → 72.2
        #expect(all.upperBound == 100.0)
        let none = MeasureFigure(numerator: 0, denominator: 10)
        #expect(none.percentage == 0.0)
        #expect(none.lowerBound == 0.0)
        #expect(none.upperBound == 27.8)  // 3.8415/13.8415 = 27.7533 → 27.8
        #expect(none.lowerBound?.sign == .plus)  // never printed as "-0.0"
    }

    @Test func percentagesRoundHalvesAwayFromZero() {
        #expect(MeasureFigure(numerator: 1, denominator: 16).percentage == 6.3)  // 6.25 → 6.3, not banker's 6.2
        #expect(MeasureFigure(numerator: 1, denominator: 8).percentage == 12.5)  // exact
        #expect(MeasureFigure(numerator: 2, denominator: 3).percentage == 66.7)  // 66.666… → 66.7
        #expect(MeasureFigure(numerator: 8, denominator: 13).percentage == 61.5)  // 61.538… → 61.5
        #expect(MeasureFigure(numerator: 1, denominator: 40).percentage == 2.5)  // exact
        #expect(MeasureFigure(numerator: 1, denominator: 80).percentage == 1.3)  // 1.25 → 1.3
    }

    @Test func changeIsTheDifferenceOfTheRoundedPercentages() {
        let before = MeasureFigure(numerator: 7, denominator: 10)  // 70.0
        let fall = MeasureFigure(numerator: 5, denominator: 8, previous: before)  // 62.5
        #expect(fall.change == -7.5)  // 62.5 − 70.0
        let rise = MeasureFigure(numerator: 2, denominator: 3, previous: fall)  // 66.7
        #expect(rise.change == 4.2)  // 66.7 − 62.5
        let third = MeasureFigure(numerator: 1, denominator: 3)  // 33.3
        // 16.7 − 33.3 = −16.6, what a reader subtracting the printed figures gets;
        // the unrounded 16.666… − 33.333… would give −16.7.
        #expect(MeasureFigure(numerator: 1, denominator: 6, previous: third).change == -16.6)
        let same = MeasureFigure(numerator: 14, denominator: 20, previous: before)  // 70.0
        #expect(same.change == 0.0)
        #expect(same.change?.sign == .plus)
    }

    @Test func changeNeedsRatingsOnBothSides() {
        let empty = MeasureFigure(numerator: 0, denominator: 0)
        #expect(MeasureFigure(numerator: 3, denominator: 4, previous: empty).change == nil)
        #expect(MeasureFigure(numerator: 0, denominator: 0, previous: MeasureFigure(numerator: 3, denominator: 4)).change == nil)
    }

    @Test func noRatingsHasNoPercentageOrInterval() {
        let empty = MeasureFigure(numerator: 0, denominator: 0)
        #expect(empty.percentage == nil)
        #expect(empty.lowerBound == nil)
        #expect(empty.upperBound == nil)
        #expect(empty.note == "No ratings")
    }

    @Test func smallSamplesCarryANote() {
        #expect(MeasureFigure(numerator: 1, denominator: 1).note == "Fewer than 10 ratings: treat with caution")
        #expect(MeasureFigure(numerator: 9, denominator: 9).note == "Fewer than 10 ratings: treat with caution")
        #expect(MeasureFigure(numerator: 9, denominator: 10).note == nil)
    }
}
