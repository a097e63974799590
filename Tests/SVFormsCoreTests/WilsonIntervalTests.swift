import SVFormsCore
import Testing

/// Expected bounds worked by hand with z = 1.959963984540054 (z² = 3.841459), n trials, p = k/n:
/// centre = (p + z²/2n) / (1 + z²/n), half = z/(1 + z²/n) × √(p(1−p)/n + z²/4n²);
/// checked against an independent Python calculation.
@Suite struct WilsonIntervalTests {
    @Test func sevenOutOfTen() throws {
        // z²/n = 0.384146; centre = (0.7 + 0.192073)/1.384146 = 0.644493;
        // half = 1.416010 × √(0.021 + 0.009604) = 1.416010 × 0.174939 = 0.247715;
        // [0.396778, 0.892209] → 39.7 and 89.2 once rounded to 1 dp.
        let interval = try #require(WilsonInterval(successes: 7, trials: 10))
        #expect(abs(interval.lower - 0.396778) < 0.000001)
        #expect(abs(interval.upper - 0.892209) < 0.000001)
    }

    @Test func noneMetStartsAtExactlyZero() throws {
        // p = 0: lower = 0; upper = z²/(n + z²) = 3.841459/13.841459 = 0.277533.
        let interval = try #require(WilsonInterval(successes: 0, trials: 10))
        #expect(interval.lower == 0)
        #expect(abs(interval.upper - 0.277533) < 0.000001)
    }

    @Test func allMetEndsAtExactlyOne() throws {
        // p = 1: lower = n/(n + z²) = 10/13.841459 = 0.722467; upper = 1.
        let interval = try #require(WilsonInterval(successes: 10, trials: 10))
        #expect(abs(interval.lower - 0.722467) < 0.000001)
        #expect(interval.upper == 1)
        // One rating of one: lower = 1/4.841459 = 0.206549.
        let single = try #require(WilsonInterval(successes: 1, trials: 1))
        #expect(abs(single.lower - 0.206549) < 0.000001)
        #expect(single.upper == 1)
    }

    @Test func aHalfIsSymmetricAboutOneHalf() throws {
        // p = ½ puts the centre at exactly ½: 1/2 gives ½ ± 0.405469 = [0.094531, 0.905469].
        let interval = try #require(WilsonInterval(successes: 1, trials: 2))
        #expect(abs(interval.lower - 0.094531) < 0.000001)
        #expect(abs(interval.lower + interval.upper - 1) < 1e-12)
    }

    @Test func impossibleCountsHaveNoInterval() {
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
        #expect(WilsonInterval(successes: 3, trials: 2) == nil)
        #expect(WilsonInterval(successes: -1, trials: 2) == nil)
    }
}
